//! `Citations`: the source markers after a statement. One numbered button per cited source; it
//! discloses the source's title, author or publisher and the sections cited. Works by click,
//! tap and keyboard (a real `<button>` with `aria-expanded`); Escape is handled by the app.

use crate::dom;
use crate::model::{Citation, Dataset, SourceKind};
use crate::view::{Marked, Popover, Shared};
use yew::prelude::*;

/// Properties of [`Citations`].
#[derive(Properties, Clone, PartialEq)]
pub struct CitationsProps {
    /// The dataset the citations point into.
    pub dataset: Shared<Dataset>,
    /// The citations to show, in order (several may cite one source at different places).
    pub cites: Shared<[Citation]>,
    /// Prefix for ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The statement the markers follow (part of each marker's popover key).
    pub on: Marked,
    /// The open popover, if any.
    pub open: Option<Popover>,
    /// Called with a marker's key to open it, or to close it when it is open.
    pub on_toggle: Callback<Popover>,
    /// How the markers take part in the keyboard's Tab order.
    #[prop_or_default]
    pub tabs: Tabs,
}

/// A table row's source markers are one Tab stop: Tab reaches the row's first marker, the arrow
/// keys move between the row's markers (a roving tab stop). Elsewhere every marker is a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tabs {
    /// Every marker is a Tab stop.
    #[default]
    Each,
    /// The row's first list: its first marker is the row's Tab stop.
    RowFirst,
    /// A later list in the row: reached with the arrow keys.
    RowRest,
}

/// The cited sources in first-cited order, each with every place cited.
fn grouped(cites: &[Citation]) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for c in cites {
        let at = c.at.as_deref();
        match out.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, places)) => places.extend(at),
            None => out.push((c.source.as_str(), at.into_iter().collect())),
        }
    }
    out
}

/// The source markers of one statement.
#[component]
pub fn Citations(props: &CitationsProps) -> Html {
    let d = &*props.dataset;
    html! {
        <span class="rc-cites">
            { for grouped(&props.cites).into_iter().enumerate().map(|(i, (source_id, places))| {
                let n = d.source_number(source_id).unwrap_or(0);
                let source = d.source(source_id);
                let title = source.map_or(source_id, |s| s.title.as_str());
                let key = Popover::Cite { on: props.on.clone(), source: AttrValue::from(source_id.to_owned()) };
                let expanded = props.open.as_ref() == Some(&key);
                let id = key.dom_id(&props.id_prefix);
                let onclick = {
                    let toggle = props.on_toggle.clone();
                    let key = key.clone();
                    Callback::from(move |_: MouseEvent| toggle.emit(key.clone()))
                };
                let label = format!("Source {n}: {title}");
                let tabindex = match props.tabs {
                    Tabs::Each => None,
                    Tabs::RowFirst if i == 0 => Some("0"),
                    Tabs::RowFirst | Tabs::RowRest => Some("-1"),
                };
                let onkeydown = (props.tabs != Tabs::Each).then(|| {
                    Callback::from(|e: KeyboardEvent| {
                        let forward = match e.key().as_str() {
                            "ArrowRight" | "ArrowDown" => true,
                            "ArrowLeft" | "ArrowUp" => false,
                            _ => return,
                        };
                        if dom::move_focus(&e, "tr", "button.rc-rove", forward) {
                            e.prevent_default();
                        }
                    })
                });
                let byline = source.map(|s| s.byline()).unwrap_or_default();
                let supplementary = source.is_some_and(|s| s.kind == SourceKind::IssuingBody);
                html! {
                    <span class="rc-cite-wrap" key={id.clone()}>
                        <button type="button" class={if props.tabs == Tabs::Each { "rc-cite" } else { "rc-cite rc-rove" }}
                            part="citation" {tabindex} {onkeydown}
                            aria-expanded={expanded.to_string()} aria-controls={id.clone()}
                            aria-label={label} {onclick}>
                            {n}
                        </button>
                        if expanded {
                            <span class="rc-pop" {id} role="note" part="popover">
                                <span class="rc-pop-title">{format!("{n}. {title}")}</span>
                                if !byline.is_empty() {
                                    <span class="rc-pop-line">{byline}</span>
                                }
                                if !places.is_empty() {
                                    <span class="rc-pop-line">{format!("Section: {}", places.join("; "))}</span>
                                }
                                if supplementary {
                                    <span class="rc-pop-line rc-pop-note">
                                        {"Supplementary: the issuing body itself, not one of the five articles."}
                                    </span>
                                }
                            </span>
                        }
                    </span>
                }
            }) }
        </span>
    }
}
