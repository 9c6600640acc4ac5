// role-compare.js: the only file a page needs. It defines <role-compare> once and, when the first
// element connects, loads the widget's WebAssembly (role_compare.js + role_compare_bg.wasm, found
// next to this file through import.meta.url, so dist/ works from any origin and any sub-path).
const TAG = "role-compare";
const here = import.meta.url;
let wasm = null;

function loadWasm() {
  if (!wasm) {
    wasm = import(new URL("./role_compare.js", here).href).then(async (glue) => {
      await glue.default({ module_or_path: new URL("./role_compare_bg.wasm", here) });
      return glue;
    });
  }
  return wasm;
}

function emit(el, name, detail) {
  el.dispatchEvent(new CustomEvent(`${TAG}-${name}`, { bubbles: true, composed: true, detail }));
}

class RoleCompareElement extends HTMLElement {
  connectedCallback() {
    if (this._widget || this._pending) return;
    this._pending = loadWasm()
      .then((glue) => {
        this._pending = null;
        if (!this.isConnected || this._widget) return;
        this._widget = glue.mount(this);
        emit(this, "ready", {});
      })
      .catch((error) => {
        this._pending = null;
        const what = String(error && error.message ? error.message : error);
        console.error(`<${TAG}>: could not start; showing the fallback content. ${what}`);
        emit(this, "error", { what, where: "load" });
      });
  }

  disconnectedCallback() {
    if (this._widget) {
      this._widget.unmount();
      this._widget.free();
      this._widget = null;
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, RoleCompareElement);
