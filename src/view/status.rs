//! `ResultStatus`: "Showing 12 of 38 rows" in a polite live region, and the empty result that
//! says why nothing is shown and offers the reset. Dumb: counts and reasons come in as props.

use yew::prelude::*;

/// Properties of [`ResultStatus`].
#[derive(Properties, Clone, PartialEq)]
pub struct ResultStatusProps {
    /// Rows shown.
    pub shown: usize,
    /// Rows available for the chosen roles.
    pub total: usize,
    /// The active narrowing filters, in words.
    pub reasons: Vec<String>,
    /// Resets every filter.
    pub on_reset: Callback<MouseEvent>,
}

/// The result count and, when nothing matches, the empty state.
#[component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    let count = match (props.shown, props.total) {
        (0, _) => "No rows match the filters".to_owned(),
        (s, t) if s == t => format!("Showing all {t} rows"),
        (s, t) => format!("Showing {s} of {t} rows"),
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
                        {". Try fewer filters, or start again."}
                    </p>
                    <button type="button" class="rc-button" onclick={props.on_reset.clone()}>
                        {"Reset filters"}
                    </button>
                </div>
            }
        </>
    }
}
