// embed.js: the iframe page's own script. Query parameters become the widget's attributes, and
// the page's height is posted to the parent window so that role-compare-frame.js (or any parent
// that listens) can size the iframe. Without a listening parent nothing happens: a plain iframe
// with a fixed height works as well. From role-compare-frame.js it also hears how far the
// parent page has scrolled past the iframe's top, and keeps the role headers there.
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

// The parent's scroll position inside this (grown, never scrolling) page: the role headers
// stick that far down, which is the top of the parent's viewport. Only the parent is believed,
// and only a sane number is used.
window.addEventListener("message", (event) => {
  const data = event.data;
  if (event.source !== window.parent || !data || data.type !== "role-compare:viewport") return;
  if (typeof data.top !== "number" || !Number.isFinite(data.top) || data.top < 0) return;
  widget.style.setProperty("--role-compare-sticky-top", `${Math.min(Math.round(data.top), 20000)}px`);
});
