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
use crate::view::{Change, Download, RoleCompare, RoleCompareProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::Callback;

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
        id_prefix: next_prefix().into(),
        on_change: Some(change_events(host.clone())),
        on_download: Some(Callback::from(move |file: Download| {
            if let Err(e) = save(&document, &file) {
                web_sys::console::warn_2(&JsValue::from_str("role-compare: download failed"), &e);
            }
        })),
        on_copy: Some(Callback::from(|text: String| copy(&text))),
    };
    let app = yew::Renderer::<RoleCompare>::with_root_and_props(root, props).render();
    Ok(Widget { app: Some(app) })
}

/// A page-unique id prefix, so that several widgets on one page never share an element id.
fn next_prefix() -> String {
    thread_local!(static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    COUNT.with(|n| {
        n.set(n.get() + 1);
        format!("rc{}", n.get())
    })
}

/// Fires `role-compare-change` (bubbling, composed) on the host after every change.
fn change_events(host: HtmlElement) -> Callback<Change> {
    Callback::from(move |change: Change| {
        let f = &change.filters;
        let strings = |v: &[String]| {
            v.iter()
                .map(|s| JsValue::from_str(s))
                .collect::<js_sys::Array>()
        };
        let detail = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), v);
        };
        set("roles", &strings(&f.roles));
        set("facets", &strings(&f.facets));
        set("mode", &JsValue::from_str(f.mode.as_str()));
        set("search", &JsValue::from_str(&f.search));
        set("visibleRows", &JsValue::from(change.shown as u32));
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict("role-compare-change", &init)
        {
            let _ = host.dispatch_event(&event);
        }
    })
}

/// Saves `file` through a temporary object URL.
fn save(document: &web_sys::Document, file: &Download) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&file.content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&file.file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            10_000,
        )?;
    }
    Ok(())
}

/// Copies `text` to the clipboard; a refusal (permissions, insecure context) is logged, not thrown.
fn copy(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&JsValue::from_str("role-compare: copy failed"), &e);
        }
    });
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
