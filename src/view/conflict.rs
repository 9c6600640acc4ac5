//! `ConflictNote`: the "sources disagree" marker of a row. A disclosure button that expands to
//! each side of the disagreement with its citations. Dumb: the app owns which one is open.

use crate::model::Dataset;
use crate::view::Citations;
use crate::view::Shared;
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
    /// The key of the open popover or disclosure, if any.
    pub open: Option<AttrValue>,
    /// Called with a key to open it, or to close it when it is open.
    pub on_toggle: Callback<AttrValue>,
}

/// One conflict's marker and, when open, its sides.
#[component]
pub fn ConflictNote(props: &ConflictNoteProps) -> Html {
    let Some(conflict) = props.dataset.conflicts.get(props.conflict) else {
        return Html::default();
    };
    let key: AttrValue = format!("{}-k-{}", props.id_prefix, conflict.id).into();
    // A citation inside a side keeps the disclosure open: its key starts with this one's.
    let expanded = props
        .open
        .as_ref()
        .is_some_and(|o| o.as_str() == key.as_str() || o.starts_with(&format!("{key}-")));
    let onclick = {
        let toggle = props.on_toggle.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(key.clone()))
    };
    html! {
        <div class="rc-conflict" part="conflict">
            <button type="button" class="rc-conflict-button" aria-expanded={expanded.to_string()}
                aria-controls={key.clone()} {onclick}>
                <span aria-hidden="true">{"\u{26a0}\u{fe0e} "}</span>
                {"Sources disagree"}
                <span class="rc-vh">{format!(": {}", conflict.title)}</span>
            </button>
            // Always in the document (hidden while collapsed), so print can show every side.
            <div class="rc-conflict-body" id={key.clone()} hidden={!expanded}>
                    <p class="rc-conflict-title">{&conflict.title}</p>
                    <ul>
                        { for conflict.sides.iter().enumerate().map(|(i, side)| html! {
                            <li key={i}>
                                {&side.text}
                                <Citations dataset={props.dataset.clone()}
                                    cites={Rc::<[_]>::from(side.sources.as_slice())}
                                    key_prefix={format!("{key}-{i}")}
                                    open={props.open.clone()} on_toggle={props.on_toggle.clone()} />
                            </li>
                        }) }
                    </ul>
                </div>
        </div>
    }
}
