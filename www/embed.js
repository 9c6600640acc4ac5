// embed.js: the iframe page's own script. Query parameters become the widget's attributes, and
// the page's height is posted to the parent window so that role-compare-frame.js (or any parent
// that listens) can size the iframe. Without a listening parent nothing happens: a plain iframe
// with a fixed height works as well.
const ATTRIBUTES = ["roles", "facets", "mode", "search", "detail", "heading-level", "theme", "src", "sync-url"];
const widget = document.querySelector("role-compare");
const params = new URLSearchParams(location.search);
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}

let last = 0;
function report() {
  // The content's own height: scrollHeight never drops below the iframe's current height, so
  // an iframe sized by it could grow but never shrink.
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The message carries only a number; the parent checks which iframe sent it.
  window.parent.postMessage({ type: "role-compare:height", height }, "*");
}
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener("load", report);
