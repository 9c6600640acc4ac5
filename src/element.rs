//! The browser glue behind `<role-compare>`: the only module that touches web-sys.
//!
//! The custom element class itself is defined by the ES module loader (`www/role-compare.js`),
//! because a class extending `HTMLElement` must be JavaScript. When an element connects, the
//! loader calls [`mount`], which attaches an open shadow root, adopts the widget's stylesheet
//! (constructable, so a strict `style-src` does not block it), parses the bundled dataset with
//! the browser's `JSON.parse` and starts the yew app inside. Everything else — data, comparison,
//! state, views — is plain Rust that knows nothing of this module.

use crate::data::BUNDLED_JSON;
use crate::model::Dataset;
use crate::state::Filters;
use crate::validate::validate;
use crate::view::{RoleCompare, RoleCompareProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget's styles: a real CSS file, embedded at compile time.
const STYLES: &str = include_str!("style.css");

thread_local! {
    /// The bundled dataset, parsed once for every element on the page.
    static BUNDLED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// One constructable stylesheet, shared by every element's shadow root.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// A mounted widget. The loader keeps it on the element and calls `unmount` on disconnect.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<RoleCompare>>,
}

#[wasm_bindgen]
impl Widget {
    /// Stops the yew app and empties the shadow root; safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the widget into `host`'s open shadow root (created if missing).
///
/// Errors are returned as JS strings for the loader to report; nothing panics on bad input.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_styles(&shadow)?;
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("role-compare: element has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("rc-mount");
    shadow.append_child(&root)?;

    let props = RoleCompareProps {
        dataset: bundled()?,
        filters: Filters::default(),
    };
    let app = yew::Renderer::<RoleCompare>::with_root_and_props(root, props).render();
    Ok(Widget { app: Some(app) })
}

/// Applies the shared stylesheet to a shadow root.
fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })?;
    js_sys::Reflect::set(
        shadow,
        &JsValue::from_str("adoptedStyleSheets"),
        &js_sys::Array::of1(&sheet),
    )?;
    Ok(())
}

/// The bundled dataset, parsed with `JSON.parse` and validated on first use.
fn bundled() -> Result<Rc<Dataset>, JsValue> {
    BUNDLED.with(|cell| {
        if let Some(d) = cell.borrow().as_ref() {
            return Ok(Rc::clone(d));
        }
        let value = js_sys::JSON::parse(BUNDLED_JSON)?;
        let dataset: Dataset = serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsValue::from_str(&format!("role-compare: bundled dataset: {e}")))?;
        if let Err(errors) = validate(&dataset) {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            return Err(JsValue::from_str(&format!(
                "role-compare: bundled dataset is invalid ({} problems; first: {first})",
                errors.len()
            )));
        }
        let dataset = Rc::new(dataset);
        *cell.borrow_mut() = Some(Rc::clone(&dataset));
        Ok(dataset)
    })
}
