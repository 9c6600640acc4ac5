//! Reading form values out of DOM events, and moving focus, for the views.
//!
//! Views must not touch web-sys; the search box and the selects still need their current value,
//! a button that removes itself must hand focus on, and a click must say whether it landed on a
//! popover. This glue module does those things with plain strings, booleans and node refs.
//! Nothing else lives here.

use web_sys::wasm_bindgen::JsCast;
use yew::events::{Event, InputEvent, KeyboardEvent, MouseEvent};
use yew::{NodeRef, TargetCast};

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

/// Whether a click landed inside an element matching `selector` (or on one).
pub fn within(e: &MouseEvent, selector: &str) -> bool {
    e.target_dyn_into::<web_sys::Element>()
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// Moves focus from the element a key event came from to the next (`forward`) or previous
/// element matching `item` inside its closest `scope` ancestor, wrapping around. Returns whether
/// focus moved (the caller then stops the key's default action).
pub fn move_focus(e: &KeyboardEvent, scope: &str, item: &str, forward: bool) -> bool {
    let Some(from) = e.target_dyn_into::<web_sys::Element>() else {
        return false;
    };
    let Some(items) = from
        .closest(scope)
        .ok()
        .flatten()
        .and_then(|s| s.query_selector_all(item).ok())
    else {
        return false;
    };
    let n = items.length();
    let Some(at) = (0..n).find(|&i| {
        items
            .item(i)
            .is_some_and(|x| &x == from.as_ref() as &web_sys::Node)
    }) else {
        return false;
    };
    if n < 2 {
        return false;
    }
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    match items
        .item(next)
        .and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Moves focus to the element behind `node`, when it is rendered (natively there is none).
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        // Focus can only fail on an element that cannot take it; there is nothing to do then.
        let _ = element.focus();
    }
}
