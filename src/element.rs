//! The browser glue behind `<role-compare>`: with `dom`, the only module that touches web-sys.
//!
//! The custom element class itself is defined by the ES module loader (`www/role-compare.js`),
//! because a class extending `HTMLElement` must be JavaScript; the loader also attaches the open
//! shadow root and adopts the stylesheet before the wasm arrives. When an element is ready,
//! the loader calls [`mount`], and then forwards attribute changes, the `data` and `state`
//! properties and load failures to the returned [`Widget`]. Datasets arrive as JSON text and go
//! through the crate's own reader (`data::parse_json`, never serde_json) and the one validator.
//! This module fires the element's events, and saves and copies exports. Everything else is plain Rust that knows
//! nothing of this module.

use crate::attrs::{filters_from_attributes, heading_level, merge_attribute, StateObject};
use crate::data::{parse_json, BUNDLED_JSON};
use crate::model::Dataset;
use crate::state::Filters;
use crate::validate::validate;
use crate::view::{Change, Download, RoleCompare, RoleCompareProps};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::{AttrValue, Callback};

thread_local! {
    /// The bundled dataset, parsed once for every element on the page.
    static BUNDLED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// The loader's function to call when the widget panics (see [`on_panic`]).
    static PANIC_HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Test-only: panic on the next reported change (see `Widget::panic_on_next_change`).
    static PANIC_ARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Registers the loader's panic handler and installs the panic hook.
///
/// A panic aborts the wasm instance (release builds use `panic = "abort"`), so every widget on
/// the page is dead from then on. The hook runs first: it logs the message once and calls the
/// loader, which swaps every element back to its static fallback with a short note and keeps the
/// resulting trap from reaching the host page as an uncaught error.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(handler: js_sys::Function) {
    PANIC_HANDLER.with(|h| *h.borrow_mut() = Some(handler));
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("<role-compare>: internal error, showing the static version: {info}");
        web_sys::console::error_1(&JsValue::from_str(&message));
        PANIC_HANDLER.with(|h| {
            if let Some(handler) = h.borrow_mut().take() {
                let _ = handler.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        });
    }));
}

/// A mounted widget. The loader keeps it on the element and calls `unmount` on disconnect.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<RoleCompare>>,
    host: HtmlElement,
    props: RoleCompareProps,
    /// The reader's filters as last reported by the app (for the `state` property).
    current: Rc<RefCell<Filters>>,
    /// The dataset shown now (the change events spell the filters against it).
    shown: Rc<RefCell<Rc<Dataset>>>,
    /// Messages already written to the console, so each is written once.
    warned: HashSet<String>,
}

#[wasm_bindgen]
impl Widget {
    /// Applies a changed filter attribute (`roles`, `facets`, `mode`, `search`, `detail`): that
    /// filter only, keeping the reader's others. Without a name, re-reads every filter attribute
    /// (a new dataset: the ids must be checked again).
    #[wasm_bindgen(js_name = attributesChanged)]
    pub fn attributes_changed(&mut self, name: Option<String>) {
        let host = self.host.clone();
        if name.as_deref() == Some("heading-level") {
            self.read_heading_level();
            self.render();
            return;
        }
        let parsed = filters_from_attributes(&self.props.dataset, |name| host.get_attribute(name));
        for w in parsed.warnings {
            self.warn(&w);
        }
        let next = match name {
            Some(name) => merge_attribute(&self.current.borrow(), &parsed.filters, &name),
            None => parsed.filters.clone(),
        };
        self.props.defaults = parsed.filters;
        self.apply(next);
    }

    /// Shows a host dataset, given as JSON text (from `src`, an inline JSON script, or the `data`
    /// property, which the loader serialises), if it is valid. If not, the widget keeps what it
    /// showed, displays what is wrong and where, and fires `role-compare-error` with `origin` as
    /// its `where`; `label` names the source in the message. Returns whether the dataset was taken.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, text: &str, origin: &str, label: &str) -> bool {
        match dataset_from_text(text) {
            Ok(dataset) => {
                self.props.dataset = Rc::new(dataset).into();
                *self.shown.borrow_mut() = self.props.dataset.rc();
                self.props.notice = None;
                self.attributes_changed(None);
                true
            }
            Err(problems) => {
                self.report(
                    &format!("the dataset from {label} is invalid"),
                    origin,
                    &problems,
                );
                false
            }
        }
    }

    /// [`Widget::set_data`] from the JSON text's UTF-8 bytes, as a `src` body is fetched: one
    /// copy into the wasm, and no decoding to a JavaScript string and encoding back on the way
    /// (20 MB: 45-90 ms less, measured). Like `Response.text()`, a leading byte-order mark is
    /// dropped and invalid UTF-8 reads as U+FFFD.
    #[wasm_bindgen(js_name = setDataBytes)]
    pub fn set_data_bytes(&mut self, bytes: &[u8], origin: &str, label: &str) -> bool {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        self.set_data(&String::from_utf8_lossy(bytes), origin, label)
    }

    /// Reports a failure the loader met (a network error, a response that is not JSON).
    #[wasm_bindgen(js_name = reportError)]
    pub fn report_error(&mut self, what: &str, origin: &str) {
        self.report(what, origin, &[]);
    }

    /// The current filters as a plain object (the element's `state` property).
    pub fn state(&self) -> JsValue {
        state_value(&self.current.borrow(), &self.props.dataset)
    }

    /// Replaces the filters from the `state` object, given as JSON text (the loader serialises
    /// it); unknown values are warned about and ignored.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(&mut self, text: &str) {
        match StateObject::from_json(text) {
            Ok(object) => {
                let parsed = object.to_filters(&self.props.dataset);
                for w in parsed.warnings {
                    self.warn(&w);
                }
                self.apply(parsed.filters);
            }
            Err(e) => self.warn(&format!("<role-compare>: state was not set: {e}")),
        }
    }

    /// Test-only trigger: the next change the reader makes panics inside the widget, the way a
    /// bug would (from an event handler, not from this call). Used by the panic test.
    #[wasm_bindgen(js_name = panicOnNextChangeForTest)]
    pub fn panic_on_next_change(&self) {
        PANIC_ARMED.with(|armed| armed.set(true));
    }

    /// Closes any open popover (the loader calls this on a click or tap outside the element).
    pub fn dismiss(&mut self) {
        self.props.dismiss += 1;
        self.render();
    }

    /// Stops the yew app and empties the shadow root; safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

impl Widget {
    /// Reads the `heading-level` attribute into the props (warning once about a bad value).
    fn read_heading_level(&mut self) {
        let (level, warning) = heading_level(self.host.get_attribute("heading-level").as_deref());
        if let Some(w) = warning {
            self.warn(&w);
        }
        self.props.heading_level = level;
    }

    /// Makes `filters` the widget's filters (the app adopts them on its next render).
    fn apply(&mut self, filters: Filters) {
        *self.current.borrow_mut() = filters.clone();
        self.props.filters = filters;
        self.props.revision += 1;
        self.render();
    }

    fn render(&mut self) {
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    fn warn(&mut self, message: &str) {
        if self.warned.insert(message.to_owned()) {
            web_sys::console::warn_1(&JsValue::from_str(message));
        }
    }

    /// Shows the problem in the widget, warns once, and fires `role-compare-error`.
    fn report(&mut self, what: &str, origin: &str, problems: &[String]) {
        let mut text = format!("{what}. The widget shows the previous content.");
        const SHOWN: usize = 8;
        for p in problems.iter().take(SHOWN) {
            text.push_str("\n• ");
            text.push_str(p);
        }
        if problems.len() > SHOWN {
            text.push_str(&format!("\n… and {} more problems", problems.len() - SHOWN));
        }
        self.warn(&format!("<role-compare>: {text}"));
        self.props.notice = Some(AttrValue::from(text));
        self.render();
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"what".into(), &JsValue::from_str(what));
        let _ = js_sys::Reflect::set(&detail, &"where".into(), &JsValue::from_str(origin));
        let list: js_sys::Array = problems.iter().map(|p| JsValue::from_str(p)).collect();
        let _ = js_sys::Reflect::set(&detail, &"problems".into(), &list);
        fire(&self.host, "role-compare-error", &detail);
    }
}

/// Mounts the widget into `host`'s open shadow root (attached if the loader has not already).
///
/// Errors are returned as JS values for the loader to report; nothing panics on bad input.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("role-compare: element has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("rc-mount");
    // The prerendered copy (or the slot) the loader showed is replaced in one step.
    let children = js_sys::Array::of1(&root);
    shadow.replace_children_with_node(&children);

    let current = Rc::new(RefCell::new(Filters::default()));
    let dataset = bundled_dataset()?;
    let shown = Rc::new(RefCell::new(Rc::clone(&dataset)));
    let mut props = RoleCompareProps::new(dataset);
    props.id_prefix = next_prefix().into();
    props.on_change = Some(change_events(
        host.clone(),
        Rc::clone(&current),
        Rc::clone(&shown),
    ));
    props.on_download = Some(Callback::from(move |file: Download| {
        if let Err(e) = save(&document, &file) {
            web_sys::console::warn_2(&JsValue::from_str("<role-compare>: download failed"), &e);
        }
    }));
    props.on_copy = Some(Callback::from(|text: String| copy(&text)));
    let mut widget = Widget {
        app: None,
        host: host.clone(),
        props,
        current,
        shown,
        warned: HashSet::new(),
    };
    let parsed = filters_from_attributes(&widget.props.dataset, |name| host.get_attribute(name));
    for w in &parsed.warnings {
        widget.warn(w);
    }
    widget.props.filters = parsed.filters.clone();
    widget.props.defaults = parsed.filters;
    widget.props.name = host.id().into();
    widget.read_heading_level();
    *widget.current.borrow_mut() = widget.props.filters.clone();
    widget.app = Some(
        yew::Renderer::<RoleCompare>::with_root_and_props(root, widget.props.clone()).render(),
    );
    Ok(widget)
}

/// Bytes of wasm linear memory in use by the instance (for the lifecycle test: it must not grow
/// over connect/disconnect cycles).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// A page-unique id prefix, so that several widgets on one page never share an element id.
fn next_prefix() -> String {
    thread_local!(static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    COUNT.with(|n| {
        n.set(n.get() + 1);
        format!("rc{}", n.get())
    })
}

/// Dispatches a bubbling, composed custom event with `detail` on `host`.
fn fire(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The filters as the `state` object: every key always there (unset narrowing filters as
/// `null`), every compared role and shown section listed.
fn state_value(filters: &Filters, dataset: &Dataset) -> JsValue {
    let object = StateObject::shown(filters, dataset);
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(&object, &serializer).unwrap_or(JsValue::NULL)
}

/// Keeps `current` up to date and fires `role-compare-change` after every change, with the
/// `state` object (the same spelling as the property) plus what the filters show.
fn change_events(
    host: HtmlElement,
    current: Rc<RefCell<Filters>>,
    shown: Rc<RefCell<Rc<Dataset>>>,
) -> Callback<Change> {
    Callback::from(move |change: Change| {
        assert!(
            !PANIC_ARMED.with(|armed| armed.replace(false)),
            "panic requested by the test trigger"
        );
        *current.borrow_mut() = change.filters.clone();
        let detail = state_value(&change.filters, &shown.borrow());
        let set = |k: &str, v: u32| {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), &JsValue::from(v));
        };
        set("visibleRows", change.shown as u32);
        set("visibleStatements", change.statements as u32);
        fire(&host, "role-compare-change", &detail);
    })
}

/// Reads and validates dataset JSON text, or lists the problems (each with its path).
fn dataset_from_text(text: &str) -> Result<Dataset, Vec<String>> {
    let strings = |errors: Vec<crate::validate::ValidationError>| {
        errors.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let dataset = parse_json(text).map_err(strings)?;
    validate(&dataset).map_err(strings)?;
    Ok(dataset)
}

/// The bundled dataset, read and validated on first use (shared by every widget on the page).
/// For yew applications in the browser: pass it to `RoleCompare`.
pub fn bundled_dataset() -> Result<Rc<Dataset>, JsValue> {
    BUNDLED.with(|cell| {
        if let Some(d) = cell.borrow().as_ref() {
            return Ok(Rc::clone(d));
        }
        let dataset = dataset_from_text(BUNDLED_JSON).map_err(|problems| {
            JsValue::from_str(&format!(
                "role-compare: the bundled dataset is invalid: {}",
                problems.join("; ")
            ))
        })?;
        let dataset = Rc::new(dataset);
        *cell.borrow_mut() = Some(Rc::clone(&dataset));
        Ok(dataset)
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
            web_sys::console::warn_2(&JsValue::from_str("<role-compare>: copy failed"), &e);
        }
    });
}
