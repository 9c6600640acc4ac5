//! `RoleCompare`: the whole widget as one yew component, the public entry point for yew apps.
//!
//! It owns the reader's filters (yew's `Reducible` over `state::Filters`) and derives the
//! comparison from them. It must not touch web-sys or know it lives in a custom element.

use crate::compare::compare;
use crate::model::Dataset;
use crate::state::{Action, Filters};
use crate::view::ComparisonTable;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RoleCompare`].
#[derive(Properties, Clone)]
pub struct RoleCompareProps {
    /// The dataset to show; it must have passed [`crate::validate::validate`].
    pub dataset: Rc<Dataset>,
    /// The filters to start from.
    #[prop_or_default]
    pub filters: Filters,
}

impl PartialEq for RoleCompareProps {
    fn eq(&self, other: &Self) -> bool {
        // The same dataset allocation is the same dataset: skip a deep comparison.
        Rc::ptr_eq(&self.dataset, &other.dataset) && self.filters == other.filters
    }
}

/// The filters as yew state: `reduce` is `Filters::apply`, with no side effects.
#[derive(Clone, PartialEq, Default)]
struct FilterState(Filters);

impl Reducible for FilterState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(action) {
            Some(next) => Rc::new(FilterState(next)),
            // Returning the same Rc tells yew nothing changed, so it skips the re-render.
            None => self,
        }
    }
}

/// The comparison widget: role columns, facet and topic rows, sourced claims.
///
/// ```no_run
/// use role_compare::{data, view::RoleCompare};
/// use std::rc::Rc;
/// use yew::prelude::*;
///
/// #[component]
/// fn Page() -> Html {
///     let dataset = use_memo((), |_| data::bundled());
///     html! { <RoleCompare dataset={Rc::clone(&dataset)} /> }
/// }
/// ```
#[component]
pub fn RoleCompare(props: &RoleCompareProps) -> Html {
    let initial = props.filters.clone();
    let filters = use_reducer_eq(move || FilterState(initial));
    let comparison = {
        let dataset = Rc::clone(&props.dataset);
        use_memo(
            (Rc::clone(&props.dataset), filters.0.clone()),
            move |(_, f)| compare(&dataset, f),
        )
    };
    html! {
        <div class="rc" part="root">
            <ComparisonTable dataset={Rc::clone(&props.dataset)} {comparison} />
        </div>
    }
}
