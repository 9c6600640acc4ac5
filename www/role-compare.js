// role-compare.js: the only file a page needs. It defines <role-compare> once (a second copy of
// this script, or a second import, is harmless), attaches each element's open shadow root with
// the widget's stylesheet at once, and loads the WebAssembly (role_compare.js +
// role_compare_bg.wasm, found next to this file through import.meta.url) only when the first
// element is connected and near the viewport. One wasm instance serves every element.
//
// `cargo xtask build` writes dist/role-compare.js from this file, putting the widget's CSS
// (src/style.css) in place of the placeholder below.
const TAG = "role-compare";
const CSS = "__ROLE_COMPARE_CSS__";
// The attributes the widget itself reads (the filters, and the heading level).
const FILTER_ATTRIBUTES = ["roles", "facets", "mode", "search", "detail", "heading-level"];
const OBSERVED = [...FILTER_ATTRIBUTES, "theme", "src", "loading", "sync-url"];
// The element's public properties: a value set on an element before this script defined it is
// an own property that hides the accessor; the constructor takes it over (see below).
const PROPERTIES = ["data", "state"];
// The most bytes of dataset JSON read from any source (`src`, an inline script, the `data`
// property as JSON.stringify writes it): the crate's limits::BYTES, checked here first so that
// nothing larger is fetched whole or copied into the wasm.
const MAX_BYTES = 64 * 1024 * 1024;
// A `src` request that makes no progress (no response, or no new bytes) for this long is
// stopped; `src-timeout="<seconds>"` changes it. One that has not finished after TOTAL_FACTOR
// times as long is stopped too, however slowly it still trickles in.
const SRC_TIMEOUT = 30;
const TOTAL_FACTOR = 10;
const here = import.meta.url;
// The offline single file (role-compare-offline.html) carries the glue and the wasm inline:
// `cargo xtask build` replaces this null with { glue: "<module source>", wasm: "<base64>" }.
const INLINE = null;

let wasm = null;
let sheet = null;
// Every element with a live widget, so a panic can turn them all back into their fallback.
const live = new Set();
let panicked = false;

// Loads the glue and instantiates the wasm once for the whole page.
function loadWasm() {
  if (!wasm) {
    wasm = (INLINE ? loadInline() : loadFiles()).then(async ([glue, source]) => {
      await glue.default({ module_or_path: source });
      glue.onPanic(onPanic);
      return glue;
    });
  }
  return wasm;
}

// The glue and the wasm are fetched side by side, and the wasm compiles while it downloads and
// the glue loads. compileStreaming gets the fetch's promise itself, so the compile starts with
// the first bytes even while the page keeps the main thread busy (measured at CPU 4×: asking
// the glue to fetch the wasm started the download 250 ms late, after the glue had run; awaiting
// the response before compiling lost another 180 ms).
function loadFiles() {
  return Promise.all([import(new URL("./role_compare.js", here).href), compileWasm(new URL("./role_compare_bg.wasm", here))]);
}

function compileWasm(url) {
  if (typeof WebAssembly.compileStreaming !== "function") return compileFetched(url);
  return WebAssembly.compileStreaming(fetch(url)).catch((error) => {
    // A TypeError is a failed request, an HTTP error or a wrong Content-Type: fetch again and
    // compile the bytes, which either works (wrong Content-Type) or says what went wrong.
    if (!(error instanceof TypeError)) throw error;
    return compileFetched(url, true);
  });
}

async function compileFetched(url, retried = false) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get("Content-Type") ?? "";
  if (retried && !type.startsWith("application/wasm")) {
    console.warn(`<${TAG}>: ${url.pathname} is served as "${type}", not application/wasm, so it compiles only once downloaded.`);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function loadInline() {
  const url = URL.createObjectURL(new Blob([INLINE.glue], { type: "text/javascript" }));
  return import(url).then((glue) => {
    URL.revokeObjectURL(url);
    return [glue, Uint8Array.from(atob(INLINE.wasm), (c) => c.charCodeAt(0))];
  });
}

// A panic aborted the wasm instance: every widget is dead. Show each element's static fallback
// with a short note, never call into the wasm again, and keep the traps that follow (the wasm
// call that panicked, and any later call into it) from reaching the host page as uncaught errors.
function onPanic(text) {
  panicked = true;
  wasm = Promise.reject(new Error("the widget stopped after an internal error"));
  wasm.catch(() => {});
  for (const el of live) el._showFallback("The interactive comparison stopped after an internal error; this is the static version.");
  live.clear();
}

function swallowAfterPanic(event) {
  const error = event.error ?? event.reason;
  if (panicked && error instanceof WebAssembly.RuntimeError) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}
// A folded section's rows are built only when it opens; printing shows every section, so
// each widget builds them for the print (the stylesheet's print rules show them): on
// beforeprint, and whenever the print media type starts to apply (a print preview, emulation).
const printMedia = window.matchMedia("print");
function setPrinting(printing) {
  for (const el of live) el._widget?.setPrinting(printing);
}
window.addEventListener("beforeprint", () => setPrinting(true));
window.addEventListener("afterprint", () => setPrinting(printMedia.matches));
printMedia.addEventListener("change", (e) => setPrinting(e.matches));
// After the first render, while the page is idle, each widget builds its folded sections' rows
// one section at a time (hidden; Widget::build_ahead), so that a reader's first mode change or "Open
// all" only shows them. Without requestIdleCallback (Safari), a short timeout stands in.
const idle = window.requestIdleCallback ? (f) => requestIdleCallback(f) : (f) => setTimeout(f, 200);
window.addEventListener("error", swallowAfterPanic, true);
window.addEventListener("unhandledrejection", swallowAfterPanic, true);

// How close to the viewport (px) an element must come before its wasm loads.
const NEAR = 400;

// Whether the element is already rendered within NEAR px of the viewport. Asked once, when it is
// connected, after its shadow root is attached: the layout this forces is the one the next
// frame needs anyway (asked before, it laid out the light-DOM fallback for nothing: 116 ms at
// CPU 4×). An element in view starts loading the wasm at once instead of at an
// IntersectionObserver's first report, which comes only after that frame is laid out and
// painted (measured: glue requested ~300 ms later at CPU 4×). Elements further away, or in no
// layout (display: none), wait for the observer, so a widget below the fold fetches nothing.
function nearViewport(el) {
  if (el.getClientRects().length === 0) return false;
  // Laid out but out of sight: inside a closed <details> (or any content-visibility: hidden
  // subtree) the element still has a box, and asking for it lays it out. The
  // IntersectionObserver reports such an element as not intersecting, and reports it again
  // when it is shown.
  if (typeof el.checkVisibility === "function" && !el.checkVisibility()) return false;
  const r = el.getBoundingClientRect();
  const w = document.documentElement.clientWidth || window.innerWidth;
  const h = document.documentElement.clientHeight || window.innerHeight;
  return r.top < h + NEAR && r.bottom > -NEAR && r.left < w + NEAR && r.right > -NEAR;
}

// The widget's stylesheet, shared by every shadow root. Constructable stylesheets are not inline
// styles, so a strict `style-src 'self'` does not block them.
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// A fallback that stays because the widget cannot start (or has stopped) shows as it does
// without JavaScript (the stylesheet's rc-static rules): no controls, every section open.
function showStatic(fallback) {
  fallback.classList.add("rc-static");
  fallback.inert = false;
}

function emit(el, name, detail) {
  el.dispatchEvent(new CustomEvent(`${TAG}-${name}`, { bubbles: true, composed: true, detail }));
}

function message(error) {
  return String(error && error.message ? error.message : error);
}

// The URL-hash key an element with sync-url mirrors its state under.
function hashKey(el) {
  return el.id ? `${TAG}-${el.id}` : TAG;
}

class RoleCompareElement extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  constructor() {
    super();
    // No work here: custom elements may be created before they are connected or parsed.
    this._widget = null;
    this._started = false;
    this._data = undefined;
    this._state = undefined;
    this._observer = null;
    this._onHash = null;
    this._fallback = null;
    // The `src` request in flight: { controller, src }; a newer request, a removed attribute
    // or a removed element aborts it, and only the newest request's answer is used.
    this._request = null;
    // The src to fetch again when the element comes back (its request was aborted on removal).
    this._resume = null;
    // A page (or a framework) that set a property before this script defined the element left
    // an own property that hides the accessor: take it over and set it through the accessor.
    for (const name of PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  connectedCallback() {
    if (this._started) {
      // Re-inserted: the widget stayed mounted in the shadow root while the element was out
      // of the document (see disconnectedCallback); the URL-hash listener comes back, and a
      // `src` request that the removal stopped starts again.
      if (this._onHash) window.addEventListener("hashchange", this._onHash);
      const resume = this._resume;
      this._resume = null;
      if (resume && this._widget && resume === this.getAttribute("src")) this._fetch(resume);
      return;
    }
    this._prepare();
    for (const name of PROPERTIES) {
      // React 19 and Vue 3 set a property only on an element that has it: before this script
      // defined the element, they wrote the object into an attribute as "[object Object]".
      if (this.getAttribute(name) === "[object Object]") {
        console.warn(`<${TAG}>: the ${name} attribute is "[object Object]": a framework set it before role-compare.js defined the element, so the object is lost. Load role-compare.js before the app renders, or set the property from a ref (React) or with the .prop modifier (Vue).`);
      }
    }
    if (this.getAttribute("loading") === "eager" || !("IntersectionObserver" in window) || nearViewport(this)) {
      this._start();
      return;
    }
    this._observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this._start();
      },
      { rootMargin: `${NEAR}px` },
    );
    this._observer.observe(this);
  }

  // The widget stays mounted while the element is out of the document, so moving or
  // re-inserting it costs nothing and leaks nothing: yew 0.23 never releases the event
  // listeners of an app root, so unmounting and mounting again on every re-insertion would grow
  // memory each time. An element dropped for good keeps one idle app (a one-off cost).
  disconnectedCallback() {
    if (!this._started) {
      this._observer?.disconnect();
      this._observer = null;
    }
    if (this._onHash) window.removeEventListener("hashchange", this._onHash);
    // A removed element fetches nothing; a `src` request in flight stops, and starts again if
    // the element comes back (a move is a removal and an insertion in one task).
    if (this._request) {
      this._resume = this._request.src;
      this._abortRequest();
    }
  }

  // Back to the static fallback (or the element's own content), with a note.
  _showFallback(note) {
    this._widget = null;
    const root = this.shadowRoot;
    if (!root) return;
    const notice = document.createElement("p");
    notice.className = "rc-error";
    notice.setAttribute("role", "alert");
    notice.textContent = note;
    const body = this._fallback ? this._fallback.cloneNode(true) : document.createElement("slot");
    if (this._fallback) {
      body.removeAttribute("data-role-compare-fallback");
      showStatic(body);
    }
    root.replaceChildren(notice, body);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._widget || oldValue === newValue) return;
    if (FILTER_ATTRIBUTES.includes(name)) this._widget.attributesChanged(name);
    else if (name === "src") {
      // A new src replaces the request in flight; a removed one just stops it.
      this._abortRequest();
      this._resume = null;
      if (newValue) this._fetch(newValue);
    }
  }

  // The host dataset, as set through the `data` property.
  get data() {
    return this._data;
  }
  set data(value) {
    this._data = value;
    if (this._widget) {
      // The property wins over `src`: a late answer must not replace it.
      this._abortRequest();
      this._resume = null;
      this._setDataProperty();
    }
  }

  // The current filters: { roles, facets, mode, search, dutyTopic, issuer, suits, target, detail }.
  get state() {
    return this._widget ? JSON.parse(this._widget.stateJson()) : (this._state ?? null);
  }
  set state(value) {
    this._state = value;
    if (this._widget) this._setState(value);
  }

  // Shadow root and styles at once. The prerendered fallback comes in one of two forms. In a
  // declarative shadow root (`<template shadowrootmode="open">` holding a <link> to
  // role-compare.css and the fallback), the parser has attached the root before this script
  // runs: it was styled at first paint and is never copied or laid out twice (a browser without
  // declarative shadow DOM leaves the <template> in the light DOM: its content moves into the
  // root here). As a light-DOM <div data-role-compare-fallback>, it is copied into the shadow
  // root with the same styles. Either way the upgrade replaces it without moving anything.
  _prepare() {
    if (this._prepared) return;
    this._prepared = true;
    let root = this.shadowRoot;
    const template = root ? null : this.querySelector(":scope > template[shadowrootmode]");
    if (template) {
      root = this.attachShadow({ mode: "open" });
      root.append(template.content);
      template.remove();
    }
    if (root) {
      // Declarative: its own <link> styles it until the widget mounts (adopting the sheet now
      // would style the fallback twice and cost a recalculation for nothing).
      // (`:scope` matches nothing in a shadow root's querySelector: look at its children.)
      const fallback = [...root.children].find((c) => c.hasAttribute("data-role-compare-fallback"));
      if (fallback) {
        fallback.inert = true;
        this._fallback = fallback;
      }
      return;
    }
    root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styles()];
    const fallback = this.querySelector(":scope > [data-role-compare-fallback]");
    if (fallback) {
      const copy = fallback.cloneNode(true);
      copy.removeAttribute("data-role-compare-fallback");
      copy.inert = true;
      root.append(copy);
    } else {
      root.append(document.createElement("slot"));
    }
  }

  _start() {
    this._observer?.disconnect();
    this._observer = null;
    this._started = true;
    loadWasm()
      .then((glue) => {
        // Mount even if the element left the document meanwhile: it may come back.
        if (this._widget) return;
        const root = this.shadowRoot;
        if (!root.adoptedStyleSheets.length) root.adoptedStyleSheets = [styles()];
        this._widget = glue.mount(this);
        live.add(this);
        if (printMedia.matches) this._widget.setPrinting(true);
        // The live widget now shows in the shadow root (mount replaced the declarative
        // fallback); a light-DOM fallback (hidden since the shadow root was attached) moves out
        // of the document. Either is kept for a panic.
        const fallback = this.querySelector(":scope > [data-role-compare-fallback]");
        if (fallback) {
          this._fallback = fallback;
          fallback.remove();
        }
        // A page that prerendered its host dataset's fallback keeps showing it until the first
        // `src` answer is in: the widget renders (hidden) and takes its place only then, so the
        // bundled comparison never flashes in between (no layout shift).
        const hold = this._fallback && this._data === undefined && this.hasAttribute("src");
        if (hold) this._holdFallback();
        const loading = this._loadData();
        if (hold) Promise.resolve(loading).finally(() => this._reveal());
        this._syncUrl();
        // A click or tap outside the element closes its open popover (and only then costs a
        // render).
        document.addEventListener("pointerdown", (e) => {
          if (!this._widget || e.composedPath().includes(this)) return;
          if (this.shadowRoot.querySelector(".rc-cite[aria-expanded=true], .rc-conflict-button[aria-expanded=true]")) {
            this._widget.dismiss();
          }
        }, { passive: true });
        if (this._state !== undefined) this._setState(this._state);
        emit(this, "ready", {});
        this._buildAhead();
      })
      .catch((error) => {
        const what = message(error);
        if (panicked || (this._widget === null && this.shadowRoot?.querySelector(".rc-mount"))) {
          // mount() itself failed half-way: show the fallback rather than a broken widget.
          this._showFallback("The interactive comparison could not start; this is the static version.");
        } else {
          // The fallback stays on screen, and nothing on it can work now.
          for (const c of this.shadowRoot?.children ?? []) if (c.localName === "div" && !c.classList.contains("rc-mount")) showStatic(c);
        }
        console.error(`<${TAG}>: could not start the widget; the fallback content stays. ${what}`);
        emit(this, "error", { what, where: "load" });
      });
  }

  // Shows an inert copy of the fallback in front of the (hidden) live widget; see _reveal.
  _holdFallback() {
    const root = this.shadowRoot;
    const live = root.querySelector(".rc-mount");
    if (!live || !this._fallback) return;
    const copy = this._fallback.cloneNode(true);
    copy.removeAttribute("data-role-compare-fallback");
    copy.inert = true;
    live.hidden = true;
    root.append(copy);
    this._held = { live, copy };
  }

  // After the first dataset answer (taken, refused or failed): once yew has drawn it (its render
  // runs in a microtask, before this timer), the live widget replaces the held fallback.
  _reveal() {
    setTimeout(() => {
      const held = this._held;
      this._held = null;
      if (!held) return;
      held.copy.remove();
      held.live.hidden = false;
    }, 0);
  }

  // A host dataset: the `data` property wins, then `src`, then an inline JSON script child.
  // Returns the `src` request's promise, if one started.
  _loadData() {
    if (this._data !== undefined) {
      this._setDataProperty();
      return;
    }
    const src = this.getAttribute("src");
    if (src) {
      return this._fetch(src);
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) this._setDataText(inline.textContent, "inline", "the inline JSON script");
  }

  // Hands dataset JSON text to the widget, unless it is surely over the byte cap (a string of
  // n UTF-16 units is at least n bytes of UTF-8): then it is refused here, without copying it
  // into the wasm; the wasm checks the exact byte count of the rest. A string goes in as a
  // string: the glue's copy is faster than a TextEncoder first (20 MB: 30-70 ms against
  // 110-180 ms, measured).
  _setDataText(text, origin, label) {
    if (text.length > MAX_BYTES) {
      this._widget.reportError(`the dataset from ${label} is too large: at least ${text.length} bytes (the widget accepts at most ${MAX_BYTES} bytes)`, origin);
      return;
    }
    if (this._widget.setData(text, origin, label)) this._buildAhead();
  }

  // A fetched body goes in as its bytes: one copy, and no decoding in JavaScript first.
  _setDataBytes(bytes, origin, label) {
    if (bytes.length > MAX_BYTES) {
      this._widget.reportError(`the dataset from ${label} is too large: ${bytes.length} bytes (the widget accepts at most ${MAX_BYTES} bytes)`, origin);
      return;
    }
    if (this._widget.setDataBytes(bytes, origin, label)) this._buildAhead();
  }

  // Starts (or restarts, for a new dataset) the idle building of folded rows.
  _buildAhead() {
    const run = (this._ahead = {});
    const step = () => {
      if (this._ahead === run && !panicked && this._widget?.buildAhead()) idle(step);
    };
    idle(step);
  }

  // The widget reads the state object as JSON text (see _setDataProperty).
  _setState(value) {
    let text;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      console.warn(`<${TAG}>: state was not set: it cannot be read as JSON (${message(error)})`);
      return;
    }
    this._widget.setState(text ?? "null");
  }

  // The widget reads datasets as JSON text (its own strict reader, one call into the wasm),
  // so the `data` property's object is serialised first.
  _setDataProperty() {
    let text;
    try {
      text = JSON.stringify(this._data);
    } catch (error) {
      this._widget.reportError(`the data property cannot be read as JSON (${message(error)})`, "data");
      return;
    }
    this._setDataText(text ?? "", "data", "the data property");
  }

  // Stops the `src` request in flight, if any; its answer, should one still come, is dropped.
  _abortRequest() {
    const request = this._request;
    this._request = null;
    request?.controller.abort();
  }

  // Fetches `src` under an AbortController. The request stops when it makes no progress for
  // `src-timeout` seconds (no response yet, or no new bytes), when it has not finished after
  // TOTAL_FACTOR times as long, or when its body passes MAX_BYTES (checked against
  // Content-Length first, and while reading). Only the newest request's answer or error is
  // used; an aborted one says nothing.
  async _fetch(src) {
    this._abortRequest();
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch (error) {
      this._widget.reportError(`src="${src}" is not a URL`, "src");
      return;
    }
    if (!this.isConnected) {
      // Removed meanwhile: fetch when the element comes back.
      this._resume = src;
      return;
    }
    const request = { controller: new AbortController(), src };
    this._request = request;
    const { signal } = request.controller;
    const seconds = Number(this.getAttribute("src-timeout"));
    const wait = Number.isFinite(seconds) && seconds > 0 ? seconds : SRC_TIMEOUT;
    let why = null;
    const stop = (reason) => {
      why = reason;
      request.controller.abort();
    };
    let stalled = setTimeout(() => stop("stalled"), wait * 1000);
    const progress = () => {
      clearTimeout(stalled);
      stalled = setTimeout(() => stop("stalled"), wait * 1000);
    };
    const total = setTimeout(() => stop("slow"), wait * TOTAL_FACTOR * 1000);
    const label = `src="${src}"`;
    try {
      const response = await fetch(url, { credentials: "same-origin", signal });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      const declared = Number(response.headers.get("Content-Length"));
      if (declared > MAX_BYTES) {
        stop("large");
        throw new Error(`${url} is too large: ${declared} bytes (the widget accepts at most ${MAX_BYTES} bytes)`);
      }
      progress();
      const chunks = [];
      let received = 0;
      const reader = response.body ? response.body.getReader() : null;
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > MAX_BYTES) {
          stop("large");
          throw new Error(`${url} is too large: more than ${MAX_BYTES} bytes (the widget accepts at most ${MAX_BYTES} bytes)`);
        }
        chunks.push(value);
        progress();
      }
      const bytes = new Uint8Array(received);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      if (this._request !== request) return;
      this._request = null;
      if (this._widget) this._setDataBytes(bytes, "src", label);
    } catch (error) {
      if (this._request !== request) return;
      this._request = null;
      let what = `could not load the dataset: ${message(error)}`;
      if (why === "stalled") what = `could not load the dataset: nothing arrived from ${url} for ${wait} s, so the request was stopped`;
      else if (why === "slow") what = `could not load the dataset: ${url} had not finished after ${wait * TOTAL_FACTOR} s, so the request was stopped`;
      this._widget?.reportError(what, "src");
    } finally {
      clearTimeout(stalled);
      clearTimeout(total);
    }
  }

  // sync-url: mirror the state in the page's URL hash, and follow the hash when it changes.
  _syncUrl() {
    if (!this.hasAttribute("sync-url") || this._onHash) return;
    const key = hashKey(this);
    const read = () => {
      const params = new URLSearchParams(location.hash.slice(1));
      const raw = params.get(key);
      if (!raw) return;
      this._widget?.setState(raw);
    };
    read();
    this._onHash = read;
    if (this.isConnected) window.addEventListener("hashchange", read);
    this.addEventListener(`${TAG}-change`, () => {
      if (!this._widget || !this.hasAttribute("sync-url")) return;
      const params = new URLSearchParams(location.hash.slice(1));
      params.set(key, this._widget.stateJson());
      history.replaceState(history.state, "", `#${params}`);
    });
  }
}

// Marks our class, so a second copy of this script recognises the first as its own.
RoleCompareElement.isRoleCompare = true;

const existing = customElements.get(TAG);
if (!existing) {
  customElements.define(TAG, RoleCompareElement);
} else if (!existing.isRoleCompare) {
  console.error(
    `<${TAG}>: another script already defined <${TAG}>; this widget cannot start. ` +
      "Remove the other definition, or load role-compare.js before it.",
  );
}
