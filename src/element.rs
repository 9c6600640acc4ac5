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

use crate::attrs::{attribute_action, filters_from_attributes, heading_level, StateObject};
use crate::compare::{compare_indexed, Comparison, Index};
use crate::data::{parse_json, BUNDLED_JSON};
use crate::model::Dataset;
use crate::state::{Action, Filters};
use crate::validate::validate;
use crate::view::{Download, RoleCompareView, RoleCompareViewProps, Shared};
use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::{AppHandle, AttrValue, Callback};

thread_local! {
    /// The bundled dataset, parsed once for every element on the page.
    static BUNDLED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// The loader's function to call when the widget panics (see [`on_panic`]).
    static PANIC_HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
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

/// A mounted widget, kept by the loader on its element.
#[wasm_bindgen]
pub struct Widget {
    owner: Rc<Owner>,
}

/// The one owner of a widget's filters. Every input — a reader's action (from the view), a
/// filter attribute, the `state` property, the URL hash (which the loader passes as `state`) —
/// becomes an [`Action`] applied by the pure `Filters::apply` in [`Owner::dispatch`]; after the
/// page shows the result, one `role-compare-change` event leaves, its detail the `state` object
/// plus the visible counts.
struct Owner {
    inner: RefCell<Inner>,
    /// The running yew app; apart from `inner` so that no borrow is held while yew works.
    app: RefCell<Option<AppHandle<RoleCompareView>>>,
    /// Actions that arrived while another was being applied (a page's change listener that
    /// sets an attribute, say): applied in order, after it.
    queue: RefCell<VecDeque<Action>>,
    busy: Cell<bool>,
}

struct Inner {
    host: HtmlElement,
    /// What the view shows: the dataset, the filters (the only copy), their comparison, and
    /// the page's configured filters (what "Reset filters" returns to).
    props: RoleCompareViewProps,
    /// The filters changed and the page has not been told yet: the change event leaves after
    /// the render that shows them.
    due: bool,
    /// Messages already written to the console, so each is written once.
    warned: HashSet<String>,
}

impl Owner {
    /// Applies `action` (and any that arrive meanwhile); re-renders when the filters changed.
    fn dispatch(&self, action: Action) {
        self.queue.borrow_mut().push_back(action);
        if self.busy.replace(true) {
            return;
        }
        loop {
            let Some(action) = self.queue.borrow_mut().pop_front() else {
                break;
            };
            let changed = {
                let mut inner = self.inner.borrow_mut();
                let action = action.with_defaults(&inner.props.defaults);
                match inner.props.filters.apply(action) {
                    Some(next) => {
                        inner.props.comparison = shown(&inner.props.dataset.rc(), &next);
                        inner.props.filters = next;
                        inner.due = true;
                        true
                    }
                    None => false,
                }
            };
            if changed {
                self.render();
            }
        }
        self.busy.set(false);
    }

    /// Hands the current props to yew (which renders in a microtask).
    fn render(&self) {
        let props = self.inner.borrow().props.clone();
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(props);
        }
    }

    /// After a render: fires the change event if the filters changed since the last one.
    fn rendered(&self) {
        let (host, detail) = {
            let mut inner = self.inner.borrow_mut();
            if !std::mem::replace(&mut inner.due, false) {
                return;
            }
            let p = &inner.props;
            let text = StateObject::shown(&p.filters, &p.dataset).to_json(&[
                ("visibleRows", p.comparison.shown),
                ("visibleStatements", p.comparison.statements),
            ]);
            (
                inner.host.clone(),
                js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
            )
        };
        fire(&host, "role-compare-change", &detail);
    }

    fn warn(&self, message: &str) {
        if self.inner.borrow_mut().warned.insert(message.to_owned()) {
            web_sys::console::warn_1(&JsValue::from_str(message));
        }
    }

    /// Reads every filter attribute: the page's configuration (what "Reset" returns to).
    fn read_attributes(&self) -> Filters {
        let (host, dataset) = {
            let inner = self.inner.borrow();
            (inner.host.clone(), inner.props.dataset.rc())
        };
        let parsed = filters_from_attributes(&dataset, |name| host.get_attribute(name));
        for w in &parsed.warnings {
            self.warn(w);
        }
        self.inner.borrow_mut().props.defaults = parsed.filters.clone();
        parsed.filters
    }

    /// Reads the `heading-level` attribute into the props (warning once about a bad value).
    fn read_heading_level(&self) {
        let host = self.inner.borrow().host.clone();
        let (level, warning) = heading_level(host.get_attribute("heading-level").as_deref());
        if let Some(w) = warning {
            self.warn(&w);
        }
        self.inner.borrow_mut().props.heading_level = level;
    }

    /// Shows the problem in the widget, warns once, and fires `role-compare-error`.
    fn report(&self, what: &str, origin: &str, problems: &[String]) {
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
        self.inner.borrow_mut().props.notice = Some(AttrValue::from(text));
        self.render();
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"what".into(), &JsValue::from_str(what));
        let _ = js_sys::Reflect::set(&detail, &"where".into(), &JsValue::from_str(origin));
        let list: js_sys::Array = problems.iter().map(|p| JsValue::from_str(p)).collect();
        let _ = js_sys::Reflect::set(&detail, &"problems".into(), &list);
        let host = self.inner.borrow().host.clone();
        fire(&host, "role-compare-error", &detail);
    }
}

/// What `filters` show of `dataset`.
fn shown(dataset: &Rc<Dataset>, filters: &Filters) -> Shared<Comparison> {
    Rc::new(compare_indexed(dataset, &Index::of(dataset), filters)).into()
}

#[wasm_bindgen]
impl Widget {
    /// A changed filter attribute (`roles`, `facets`, `mode`, `search`, `detail`) changes that
    /// filter only, keeping the reader's others; `heading-level` re-renders. Without a name,
    /// every filter attribute is read again and replaces the filters (a new dataset: the ids
    /// must be checked again).
    #[wasm_bindgen(js_name = attributesChanged)]
    pub fn attributes_changed(&mut self, name: Option<String>) {
        if name.as_deref() == Some("heading-level") {
            self.owner.read_heading_level();
            self.owner.render();
            return;
        }
        let configured = self.owner.read_attributes();
        let action = match name {
            Some(name) => attribute_action(&name, &configured),
            None => Some(Action::Replace(configured)),
        };
        if let Some(action) = action {
            self.owner.dispatch(action);
        }
    }

    /// Shows a host dataset, given as JSON text (from `src`, an inline JSON script, or the `data`
    /// property, which the loader serialises), if it is valid. If not, the widget keeps what it
    /// showed, displays what is wrong and where, and fires `role-compare-error` with `origin` as
    /// its `where`; `label` names the source in the message. Returns whether the dataset was taken.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, text: &str, origin: &str, label: &str) -> bool {
        match dataset_from_text(text) {
            Ok(dataset) => {
                {
                    let mut inner = self.owner.inner.borrow_mut();
                    let p = &mut inner.props;
                    p.dataset = Rc::new(dataset).into();
                    p.comparison = shown(&p.dataset.rc(), &p.filters);
                    p.notice = None;
                    // A new dataset's folded rows wait to be built (ahead, or when they open).
                    p.built_ahead = 0;
                }
                self.owner.render();
                self.attributes_changed(None);
                true
            }
            Err(problems) => {
                self.owner.report(
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
        self.owner.report(what, origin, &[]);
    }

    /// The current filters as JSON text: the element's `state` property (the loader parses it).
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> String {
        let inner = self.owner.inner.borrow();
        StateObject::shown(&inner.props.filters, &inner.props.dataset).to_json(&[])
    }

    /// Replaces the filters from the `state` object, given as JSON text (the loader serialises
    /// it); unknown values are warned about and ignored.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(&mut self, text: &str) {
        match StateObject::from_json(text) {
            Ok(object) => {
                let parsed = object.to_filters(&self.owner.inner.borrow().props.dataset);
                for w in &parsed.warnings {
                    self.owner.warn(w);
                }
                self.owner.dispatch(Action::Replace(parsed.filters));
            }
            Err(e) => self
                .owner
                .warn(&format!("<role-compare>: state was not set: {e}")),
        }
    }

    /// Test hook (built only with the `test-hooks` feature, for the e2e pages): the next change
    /// the reader makes panics inside the widget, the way a bug would (from an event handler,
    /// not from this call).
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = panicOnNextChangeForTest)]
    pub fn panic_on_next_change(&self) {
        hooks::PANIC_ARMED.with(|armed| armed.set(true));
    }

    /// Closes any open popover (the loader calls this on a click or tap outside the element).
    pub fn dismiss(&mut self) {
        self.owner.inner.borrow_mut().props.dismiss += 1;
        self.owner.render();
    }

    /// `true` on `beforeprint`: every folded section's rows are built (and then kept, hidden),
    /// so the print shows them; `false` on `afterprint`. The loader calls it.
    #[wasm_bindgen(js_name = setPrinting)]
    pub fn set_printing(&mut self, printing: bool) {
        let changed = {
            let props = &mut self.owner.inner.borrow_mut().props;
            std::mem::replace(&mut props.printing, printing) != printing
        };
        if changed {
            self.owner.render();
        }
    }

    /// Builds the rows of one more folded section ahead of time, hidden, so that the reader's
    /// first mode change, search or "Open all" only shows them (at CPU 4×, the first switch to
    /// "Differences only" otherwise builds every section's rows). The loader calls it while the
    /// page is idle after `ready`, one section a call, until it returns `false`. A dataset of
    /// more than [`AHEAD_MAX_CLAIMS`] statements is left to build its rows when they open: one
    /// of its sections is a long task, not idle work.
    #[wasm_bindgen(js_name = buildAhead)]
    pub fn build_ahead(&mut self) -> bool {
        let more = {
            let props = &mut self.owner.inner.borrow_mut().props;
            let facets = props.dataset.facets.len();
            if props.dataset.claims.len() > AHEAD_MAX_CLAIMS || props.built_ahead >= facets {
                return false;
            }
            props.built_ahead += 1;
            props.built_ahead < facets
        };
        self.owner.render();
        more
    }

    /// Stops the yew app and empties the shadow root; safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.owner.app.borrow_mut().take() {
            app.destroy();
        }
    }
}

#[cfg(feature = "test-hooks")]
mod hooks {
    thread_local! {
        /// Panic on the next reader action (see `Widget::panic_on_next_change`).
        pub static PANIC_ARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
}

/// The reader's actions from the view, into the owner (held weakly: the app must not keep
/// its own owner alive).
fn reader_actions(owner: Weak<Owner>) -> Callback<Action> {
    Callback::from(move |action: Action| {
        #[cfg(feature = "test-hooks")]
        assert!(
            !hooks::PANIC_ARMED.with(|armed| armed.replace(false)),
            "panic requested by the test trigger"
        );
        if let Some(owner) = owner.upgrade() {
            owner.dispatch(action);
        }
    })
}

/// The most statements a dataset may hold for [`Widget::build_ahead`] to build its folded rows
/// while the page is idle.
pub const AHEAD_MAX_CLAIMS: usize = 2_000;

/// Mounts the widget into `host`'s open shadow root, which the loader attached (with the
/// stylesheet adopted) before the wasm arrived.
///
/// Errors are returned as JS values for the loader to report; nothing panics on bad input.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let shadow = host
        .shadow_root()
        .ok_or_else(|| JsValue::from_str("role-compare: the element has no open shadow root"))?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("role-compare: element has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("rc-mount");
    // The prerendered copy (or the slot) the loader showed is replaced in one step.
    let children = js_sys::Array::of1(&root);
    shadow.replace_children_with_node(&children);

    let dataset = bundled_dataset()?;
    let owner = Rc::new_cyclic(|weak: &Weak<Owner>| {
        let rendered = weak.clone();
        let comparison = shown(&dataset, &Filters::default());
        let mut props = RoleCompareViewProps {
            dataset: dataset.into(),
            filters: Filters::default(),
            comparison,
            on_action: reader_actions(weak.clone()),
            on_rendered: Some(Callback::from(move |()| {
                if let Some(owner) = rendered.upgrade() {
                    owner.rendered();
                }
            })),
            notice: None,
            prerender: false,
            id_prefix: next_prefix().into(),
            heading_level: crate::attrs::DEFAULT_HEADING_LEVEL,
            defaults: Filters::default(),
            name: host.id().into(),
            dismiss: 0,
            printing: false,
            built_ahead: 0,
            on_download: None,
            on_copy: Some(Callback::from(|text: String| copy(&text))),
        };
        props.on_download = Some(Callback::from(move |file: Download| {
            if let Err(e) = save(&document, &file) {
                web_sys::console::warn_2(&JsValue::from_str("<role-compare>: download failed"), &e);
            }
        }));
        Owner {
            inner: RefCell::new(Inner {
                host: host.clone(),
                props,
                due: false,
                warned: HashSet::new(),
            }),
            app: RefCell::new(None),
            queue: RefCell::new(VecDeque::new()),
            busy: Cell::new(false),
        }
    });
    // The page's configuration is the first render: no change event for it.
    let configured = owner.read_attributes();
    owner.read_heading_level();
    {
        let mut inner = owner.inner.borrow_mut();
        let p = &mut inner.props;
        p.comparison = shown(&p.dataset.rc(), &configured);
        p.filters = configured;
    }
    let props = owner.inner.borrow().props.clone();
    *owner.app.borrow_mut() =
        Some(yew::Renderer::<RoleCompareView>::with_root_and_props(root, props).render());
    Ok(Widget { owner })
}

/// Bytes of wasm linear memory in use by the instance (test hook for the lifecycle test and the
/// bench: it must not grow over connect/disconnect cycles).
#[cfg(feature = "test-hooks")]
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
