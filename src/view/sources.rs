//! `SourceList`: the numbered list of sources that closes the widget, with the dataset version
//! and last-reviewed date. Numbers match the citation markers. Dumb.

use crate::model::{Dataset, SourceKind};
use crate::view::Shared;
use yew::prelude::*;

/// Properties of [`SourceList`].
#[derive(Properties, Clone, PartialEq)]
pub struct SourceListProps {
    /// The dataset whose sources to list.
    pub dataset: Shared<Dataset>,
    /// Prefix for ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The widget's heading level: "Sources" is one level below.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// The sources and the dataset's version.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let d = &*props.dataset;
    let heading = format!("{}-sources", props.id_prefix);
    html! {
        <section class="rc-sources" part="sources" aria-labelledby={heading.clone()}>
            <p class="rc-section-title" id={heading} role="heading"
                aria-level={crate::view::section_level(props.heading_level)}>{"Sources"}</p>
            <ol>
                { for d.sources.iter().map(|s| {
                    let byline = s.byline();
                    html! {
                        <li key={s.id.clone()}>
                            <cite>{&s.title}</cite>
                            if !byline.is_empty() { {format!(" \u{2014} {byline}")} }
                            if s.kind == SourceKind::IssuingBody {
                                <span class="rc-tag">{" (issuing body; supplementary to the articles)"}</span>
                            }
                        </li>
                    }
                }) }
            </ol>
            <p class="rc-meta" part="meta">
                {format!("Dataset version {}, last reviewed {}. ", d.version, d.last_reviewed)}
                {"Statements are paraphrased from the sources above; where they disagree, both sides are shown."}
            </p>
        </section>
    }
}
