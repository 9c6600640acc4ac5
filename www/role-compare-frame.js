// role-compare-frame.js: for the page that holds an <iframe src=".../embed.html">. It sizes each
// such iframe that opts in with the `data-role-compare` attribute to the height its page
// reports, so the widget never needs an inner scrollbar; other iframes keep their height. And
// since a grown iframe never scrolls itself, it tells each one how far the page has scrolled past
// its top, so the widget's role headers stay at the top of the page's viewport (below
// `--role-compare-sticky-top` when the iframe element sets it, e.g. for a page's own sticky bar).
// Use: <script type="module" src=".../role-compare-frame.js"></script> anywhere on the page.
// Only messages from one of the page's own iframes are believed, and only a sane number is used.
const MAX_HEIGHT = 20000;
const FRAMES = "iframe[data-role-compare]";
const sent = new WeakMap();

window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "role-compare:height" || typeof data.height !== "number") return;
  if (!Number.isFinite(data.height) || data.height < 0) return;
  for (const frame of document.querySelectorAll(FRAMES)) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.min(Math.ceil(data.height), MAX_HEIGHT)}px`;
      sent.delete(frame);
    }
  }
  viewport();
});

// The iframe's own offset: where the page's viewport top (plus the page's sticky offset) falls
// inside it, 0 while the iframe's top is on screen. Posted only when it changes.
function viewport() {
  for (const frame of document.querySelectorAll(FRAMES)) {
    if (!frame.contentWindow) continue;
    const offset = parseFloat(getComputedStyle(frame).getPropertyValue("--role-compare-sticky-top")) || 0;
    const top = Math.max(0, Math.round(offset - frame.getBoundingClientRect().top));
    if (sent.get(frame) === top) continue;
    sent.set(frame, top);
    frame.contentWindow.postMessage({ type: "role-compare:viewport", top }, "*");
  }
}

let queued = false;
function queue() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    viewport();
  });
}
window.addEventListener("scroll", queue, { passive: true });
window.addEventListener("resize", queue, { passive: true });
