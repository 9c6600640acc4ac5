// role-compare-frame.js: for the page that holds an <iframe src=".../embed.html">. It sizes each
// such iframe that opts in with the `data-role-compare` attribute to the height its page
// reports, so the widget never needs an inner scrollbar; other iframes keep their height.
// Use: <script type="module" src=".../role-compare-frame.js"></script> anywhere on the page.
// Only messages from one of the page's own iframes are believed, and only a sane number is used.
const MAX_HEIGHT = 20000;

window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "role-compare:height" || typeof data.height !== "number") return;
  if (!Number.isFinite(data.height) || data.height < 0) return;
  for (const frame of document.querySelectorAll("iframe[data-role-compare]")) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.min(Math.ceil(data.height), MAX_HEIGHT)}px`;
    }
  }
});
