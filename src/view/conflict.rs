//! `ConflictNote`: the "sources disagree" marker of a row. A disclosure button that expands to
//! each side of the disagreement with its citations. Dumb: the app owns which one is open.

use crate::model::Dataset;
use crate::view::{Citations, Marked, Popover, Shared, Spot};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ConflictNote`].
#[derive(Properties, Clone, PartialEq)]
pub struct ConflictNoteProps {
    /// The dataset holding the conflict.
    pub dataset: Shared<Dataset>,
    /// Index into `dataset.conflicts`.
    pub conflict: usize,
    /// Prefix for ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// Where the disclosure sits (the detail, or a key line).
    pub at: Spot,
    /// The open popover or disclosure, if any.
    pub open: Option<Popover>,
    /// Called with a key to open it, or to close it when it is open.
    pub on_toggle: Callback<Popover>,
    /// Build the sides while closed too, hidden: print shows them, and so does the no-JS
    /// fallback. Otherwise a closed disclosure holds an empty body (its `aria-controls` target),
    /// and its sides are built when it opens: the first render is lighter by every side's text
    /// and citation buttons.
    #[prop_or_default]
    pub complete: bool,
}

/// One conflict's marker and, when open, its sides.
#[component]
pub fn ConflictNote(props: &ConflictNoteProps) -> Html {
    let Some(conflict) = props.dataset.conflicts.get(props.conflict) else {
        return Html::default();
    };
    let id: AttrValue = AttrValue::from(conflict.id.clone());
    let key = Popover::Conflict {
        at: props.at.clone(),
        conflict: id.clone(),
    };
    let dom_id = key.dom_id(&props.id_prefix);
    // A citation inside a side keeps the disclosure open.
    let expanded = props
        .open
        .as_ref()
        .is_some_and(|o| *o == key || o.within(&key));
    let onclick = {
        let toggle = props.on_toggle.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(key.clone()))
    };
    html! {
        <div class="rc-conflict" part="conflict">
            <button type="button" class="rc-conflict-button" aria-expanded={expanded.to_string()}
                aria-controls={dom_id.clone()} {onclick}>
                <span aria-hidden="true">{"\u{26a0}\u{fe0e} "}</span>
                {"Sources disagree"}
                <span class="rc-vh">{format!(": {}", conflict.title)}</span>
            </button>
            // Always in the document (hidden while collapsed, and empty unless `complete`).
            <div class="rc-conflict-body" id={dom_id} hidden={!expanded}>
                if expanded || props.complete {
                    <p class="rc-conflict-title">{&conflict.title}</p>
                    <ul>
                        { for conflict.sides.iter().enumerate().map(|(i, side)| html! {
                            <li key={i}>
                                {&side.text}
                                <Citations dataset={props.dataset.clone()}
                                    cites={Rc::<[_]>::from(side.sources.as_slice())}
                                    id_prefix={props.id_prefix.clone()}
                                    on={Marked::Side { at: props.at.clone(), conflict: id.clone(), side: i }}
                                    open={props.open.clone()} on_toggle={props.on_toggle.clone()} />
                            </li>
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}
