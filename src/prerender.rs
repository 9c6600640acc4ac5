//! The no-JS fallback as static HTML (yew server-side rendering), for any attributes: what a page
//! author pastes inside `<role-compare>` so readers without JavaScript, crawlers and print see the
//! same comparison the widget's first render shows, and the upgrade replaces it without a shift.
//!
//! Native only. It reads attributes through [`crate::attrs`], the same grammar the element uses,
//! so a configured page and its fallback cannot disagree; it knows nothing of the DOM.

use crate::attrs::{filters_from_attributes, heading_level};
use crate::model::Dataset;
use crate::view::{RoleCompare, RoleCompareProps};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// The id prefix of the first widget on a page; the fallback uses it so ids match after the upgrade.
pub const FIRST_ID_PREFIX: &str = "rc1";

/// A prerendered fallback and the warnings its attributes produced (unknown values are dropped
/// with the same rules, and the same messages, as the element's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// `<div data-role-compare-fallback>…</div>`: paste it inside the element.
    pub html: String,
    /// One line per attribute the element would warn about in the console.
    pub warnings: Vec<String>,
}

/// Marks the no-JS case in a declarative fallback: while scripting is off the parser makes the
/// `<i>` an element, and the stylesheet's no-JS rules (everything unfolded, no controls) key on
/// it; with scripting on it is inert text that nothing matches.
pub const NO_SCRIPT_MARKER: &str = r#"<noscript><i class="rc-nojs"></i></noscript>"#;

impl Fallback {
    /// The fallback in a declarative shadow root, styled by the widget's stylesheet at
    /// `stylesheet` (the URL of `dist/role-compare.css` as the page sees it): the browser
    /// attaches the shadow root while it parses, so the fallback is styled at first paint and the
    /// loader neither copies it nor lays it out twice. The recommended form; paste it inside the
    /// element like [`Fallback::html`], which stays right for pages that cannot link the
    /// stylesheet or whose editor strips `<template>`.
    pub fn declarative(&self, stylesheet: &str) -> String {
        format!(
            r#"<template shadowrootmode="open"><link rel="stylesheet" href="{}">{NO_SCRIPT_MARKER}{}</template>"#,
            escape_attribute(stylesheet),
            self.html
        )
    }
}

/// An attribute value for double quotes: `&`, `"`, `<` and `>` escaped.
pub fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders `dataset` as the widget would show it with the attributes `get` returns
/// (`roles`, `facets`, `mode`, `search`, `detail`, `heading-level`), controls hidden. With an
/// `id` attribute, the fallback's element ids start with `rc-<id>` instead of
/// [`FIRST_ID_PREFIX`], so two fallbacks pasted into one page (two elements with their own ids)
/// never share an element id.
pub fn fallback(dataset: Rc<Dataset>, get: impl Fn(&str) -> Option<String>) -> Fallback {
    let parsed = filters_from_attributes(&dataset, &get);
    let mut warnings = parsed.warnings;
    let (level, warning) = heading_level(get("heading-level").as_deref());
    warnings.extend(warning);
    let mut props = RoleCompareProps::new(dataset);
    props.prerender = true;
    props.id_prefix = id_prefix(get("id").as_deref()).into();
    props.heading_level = level;
    props.defaults = parsed.filters.clone();
    props.filters = parsed.filters;
    let renderer = LocalServerRenderer::<RoleCompare>::with_props(props).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    Fallback {
        html: format!("<div data-role-compare-fallback>{html}</div>"),
        warnings,
    }
}

/// The fallback's id prefix: `rc-` and the element's id (letters, digits, `-` and `_` kept, any
/// other character as `_`), or [`FIRST_ID_PREFIX`] without a usable id.
fn id_prefix(element_id: Option<&str>) -> String {
    match element_id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => {
            let safe: String = id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            format!("rc-{safe}")
        }
        None => FIRST_ID_PREFIX.to_owned(),
    }
}
