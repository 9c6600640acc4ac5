//! Reading form values out of DOM events for the views.
//!
//! Views must not touch web-sys; the search box and the selects still need their current value,
//! so this glue module does that one thing and hands back plain strings. Nothing else lives here.

use yew::events::{Event, InputEvent};
use yew::TargetCast;

/// The text of the `<input>` an input event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The selected value of the `<select>` a change event came from.
pub fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}
