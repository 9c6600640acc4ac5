//! `ResultStatus`: "Showing 40 of 118 statements on 12 of 39 topics" in a polite live region, and the empty result that
//! says why nothing is shown and offers the reset. Dumb: counts and reasons come in as props.

use yew::prelude::*;

/// Properties of [`ResultStatus`].
#[derive(Properties, Clone, PartialEq)]
pub struct ResultStatusProps {
    /// Rows shown.
    pub shown: usize,
    /// Rows available for the chosen roles.
    pub total: usize,
    /// Statements shown (each shared statement once).
    #[prop_or_default]
    pub statements: usize,
    /// Statements about the chosen roles in the whole dataset.
    #[prop_or_default]
    pub statements_total: usize,
    /// The active narrowing filters, in words.
    pub reasons: Vec<String>,
    /// What the reader is looking at beyond the counts ("differences only"), if anything.
    #[prop_or_default]
    pub lens: Option<AttrValue>,
    /// Resets every filter.
    pub on_reset: Callback<MouseEvent>,
}

/// The result count and, when nothing matches, the empty state.
#[component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let count = match (props.statements, props.statements_total) {
        _ if props.shown == 0 => "No statements match the filters".to_owned(),
        (s, t) if s == t && props.shown == props.total => format!(
            "Showing all {} on {}",
            plural(t, "statement", "statements"),
            plural(props.total, "topic", "topics")
        ),
        (s, t) => format!(
            "Showing {s} of {} on {} of {}",
            plural(t, "statement", "statements"),
            props.shown,
            plural(props.total, "topic", "topics")
        ),
    };
    let count = match &props.lens {
        Some(lens) if props.shown > 0 => format!("{count}, {lens}"),
        _ => count,
    };
    html! {
        <>
            // The live region stays in the document so that changes to its text are announced.
            <p class="rc-count" part="count" role="status">{count}</p>
            if props.shown == 0 {
                <div class="rc-empty" part="empty">
                    <p>
                        {"Nothing matches "}
                        { if props.reasons.is_empty() { "these filters".to_owned() } else { props.reasons.join("; ") } }
                        { if props.reasons.len() > 1 { ". Try fewer filters, or start again." } else { ". Try another choice, or start again." } }
                    </p>
                    <button type="button" class="rc-button" onclick={props.on_reset.clone()}>
                        {"Reset filters"}
                    </button>
                </div>
            }
        </>
    }
}
