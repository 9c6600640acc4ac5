//! `ExportBar`: download the current view as CSV or JSON, copy it as Markdown. The text comes from
//! `crate::export`; saving and copying are done by whoever embeds the component (the element
//! layer does it with a Blob and the clipboard), so this view stays free of browser APIs. Without
//! those callbacks (server-side rendering) it renders nothing.

use crate::compare::Comparison;
use crate::export;
use crate::model::Dataset;
use crate::state::Filters;
use crate::view::Shared;
use yew::prelude::*;

/// A file to save: what the download callback receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Suggested file name.
    pub file_name: String,
    /// MIME type.
    pub mime: &'static str,
    /// The file's text.
    pub content: String,
}

/// Properties of [`ExportBar`].
#[derive(Properties, Clone, PartialEq)]
pub struct ExportBarProps {
    /// The dataset the comparison indexes into.
    pub dataset: Shared<Dataset>,
    /// The view to export.
    pub comparison: Shared<Comparison>,
    /// The filters that produced it (recorded in the JSON export).
    pub filters: Filters,
    /// Saves a file; no download buttons without it.
    #[prop_or_default]
    pub on_download: Option<Callback<Download>>,
    /// Copies text to the clipboard; no copy button without it.
    #[prop_or_default]
    pub on_copy: Option<Callback<String>>,
    /// The host element's id, put into download names (empty: none).
    #[prop_or_default]
    pub name: AttrValue,
    /// Static rendering for the no-JS fallback: the buttons are present (so the upgrade moves
    /// nothing) but `hidden`, since they cannot work there.
    #[prop_or_default]
    pub prerender: bool,
}

/// The export buttons.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    if !props.prerender && props.on_download.is_none() && props.on_copy.is_none() {
        return Html::default();
    }
    // The text is built when a button is pressed, not on every render.
    let make = |kind: &'static str| {
        let (d, c, f) = (
            props.dataset.clone(),
            props.comparison.clone(),
            props.filters.clone(),
        );
        let save = props.on_download.clone();
        let name = props.name.clone();
        Callback::from(move |_: MouseEvent| {
            let (mime, content) = match kind {
                "csv" => ("text/csv;charset=utf-8", export::to_csv(&d, &c)),
                _ => ("application/json", export::to_json(&d, &c, &f)),
            };
            if let Some(save) = &save {
                save.emit(Download {
                    file_name: export::file_name_for(&d, kind, &name),
                    mime,
                    content,
                });
            }
        })
    };
    // Said in a polite live region next to the button, so a reader (sighted or not) knows the
    // click did something; it goes when the view changes.
    let copied = use_state(|| None::<Shared<Comparison>>);
    let copy = props.on_copy.clone().map(|copy| {
        let (d, c) = (props.dataset.clone(), props.comparison.clone());
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copy.emit(export::to_markdown(&d, &c));
            copied.set(Some(c.clone()));
        })
    });
    let confirmed = copied.as_ref().is_some_and(|c| *c == props.comparison);
    html! {
        <div class="rc-export" part="export" role="group" aria-label="Export this view" hidden={props.prerender}>
            // One short line beside the count: "Export: CSV JSON Copy as Markdown"; each
            // button's accessible name holds its visible text ("Download CSV").
            <span class="rc-export-label" aria-hidden="true">{"Export:"}</span>
            if props.on_download.is_some() || props.prerender {
                <button type="button" class="rc-button" aria-label="Download CSV" onclick={make("csv")}>{"CSV"}</button>
                <button type="button" class="rc-button" aria-label="Download JSON" onclick={make("json")}>{"JSON"}</button>
            }
            if copy.is_some() || props.prerender {
                <button type="button" class="rc-button" onclick={copy}>{"Copy as Markdown"}</button>
                <span class="rc-copied" role="status">
                    { if confirmed { "Copied to the clipboard as Markdown." } else { "" } }
                </span>
            }
        </div>
    }
}
