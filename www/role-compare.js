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
const FILTER_ATTRIBUTES = ["roles", "facets", "mode", "search"];
const OBSERVED = [...FILTER_ATTRIBUTES, "theme", "src", "loading", "sync-url"];
const here = import.meta.url;
// The offline single file (role-compare-offline.html) carries the glue and the wasm inline:
// `cargo xtask build` replaces this null with { glue: "<module source>", wasm: "<base64>" }.
const INLINE = null;

let wasm = null;
let sheet = null;

// Loads the glue and instantiates the wasm once for the whole page.
function loadWasm() {
  if (!wasm) {
    wasm = (INLINE ? loadInline() : loadFiles()).then(async ([glue, source]) => {
      await glue.default({ module_or_path: source });
      return glue;
    });
  }
  return wasm;
}

function loadFiles() {
  return import(new URL("./role_compare.js", here).href).then((glue) => [
    glue,
    new URL("./role_compare_bg.wasm", here),
  ]);
}

function loadInline() {
  const url = URL.createObjectURL(new Blob([INLINE.glue], { type: "text/javascript" }));
  return import(url).then((glue) => {
    URL.revokeObjectURL(url);
    return [glue, Uint8Array.from(atob(INLINE.wasm), (c) => c.charCodeAt(0))];
  });
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
  }

  connectedCallback() {
    this._prepare();
    if (this._started) {
      // Re-inserted after a disconnect: mount again with what the element had.
      if (!this._widget && wasm) this._start();
      return;
    }
    if (this.getAttribute("loading") === "eager" || !("IntersectionObserver" in window)) {
      this._start();
      return;
    }
    this._observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this._start();
      },
      { rootMargin: "400px" },
    );
    this._observer.observe(this);
  }

  disconnectedCallback() {
    this._observer?.disconnect();
    this._observer = null;
    if (this._onHash) window.removeEventListener("hashchange", this._onHash);
    this._onHash = null;
    if (this._widget) {
      try {
        this._widget.unmount();
        this._widget.free();
      } catch (error) {
        console.error(`<${TAG}>: ${message(error)}`);
      }
      this._widget = null;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._widget || oldValue === newValue) return;
    if (FILTER_ATTRIBUTES.includes(name)) this._widget.attributesChanged();
    else if (name === "src" && newValue) this._fetch(newValue);
  }

  // The host dataset, as set through the `data` property.
  get data() {
    return this._data;
  }
  set data(value) {
    this._data = value;
    if (this._widget) this._widget.setData(value, "the data property");
  }

  // The current filters: { roles, facets, mode, search, dutyTopic, issuer, suits, target }.
  get state() {
    return this._widget ? this._widget.state() : (this._state ?? null);
  }
  set state(value) {
    this._state = value;
    if (this._widget) this._widget.setState(value);
  }

  // Shadow root and styles at once; the prerendered fallback (if the page has one) is shown
  // inside it with the same styles, so the upgrade replaces it without moving anything.
  _prepare() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
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
        if (!this.isConnected || this._widget) return;
        this._widget = glue.mount(this);
        // The live widget now shows in the shadow root; the light-DOM fallback (hidden since
        // the shadow root was attached) is not needed any more.
        this.querySelector(":scope > [data-role-compare-fallback]")?.remove();
        this._loadData();
        this._syncUrl();
        if (this._state !== undefined) this._widget.setState(this._state);
        emit(this, "ready", {});
      })
      .catch((error) => {
        const what = message(error);
        console.error(`<${TAG}>: could not start the widget; the fallback content stays. ${what}`);
        emit(this, "error", { what, where: "load" });
      });
  }

  // A host dataset: the `data` property wins, then `src`, then an inline JSON script child.
  _loadData() {
    if (this._data !== undefined) {
      this._widget.setData(this._data, "the data property");
      return;
    }
    const src = this.getAttribute("src");
    if (src) {
      this._fetch(src);
      return;
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      try {
        this._widget.setData(JSON.parse(inline.textContent), "the inline JSON script");
      } catch (error) {
        this._widget.reportError(`the inline JSON script is not JSON (${message(error)})`, "inline script");
      }
    }
  }

  _fetch(src) {
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch (error) {
      this._widget.reportError(`src="${src}" is not a URL`, "src");
      return;
    }
    fetch(url, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        return response.json().catch((e) => {
          throw new Error(`${url} is not JSON (${message(e)})`);
        });
      })
      .then((json) => this._widget?.setData(json, `src="${src}"`))
      .catch((error) => this._widget?.reportError(`could not load the dataset: ${message(error)}`, "src"));
  }

  // sync-url: mirror the state in the page's URL hash, and follow the hash when it changes.
  _syncUrl() {
    if (!this.hasAttribute("sync-url")) return;
    const key = hashKey(this);
    const read = () => {
      const params = new URLSearchParams(location.hash.slice(1));
      const raw = params.get(key);
      if (!raw) return;
      try {
        this._widget?.setState(JSON.parse(raw));
      } catch (error) {
        console.warn(`<${TAG}>: ignoring the URL hash "${key}": ${message(error)}`);
      }
    };
    read();
    this._onHash = read;
    window.addEventListener("hashchange", read);
    this.addEventListener(`${TAG}-change`, () => {
      if (!this._widget || !this.hasAttribute("sync-url")) return;
      const params = new URLSearchParams(location.hash.slice(1));
      params.set(key, JSON.stringify(this._widget.state()));
      history.replaceState(history.state, "", `#${params}`);
    });
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, RoleCompareElement);
