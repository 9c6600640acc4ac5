// Benchmark baseline (tests/bench/bench.mjs): the smallest hand-written page that does what the
// widget's "Show" radios do, on the same prerendered rows (vanilla.html): "Differences only"
// hides the rows whose badge says "Shared", "Shared only" shows only the rows with statements
// several roles share, and a section whose rows are all hidden is hidden with its header, as the
// widget drops it. Like the widget, it fires `role-compare-ready` once it works and
// `role-compare-change` after each change, so the benchmark times both the same way.
const host = document.querySelector("role-compare");
const root = host.shadowRoot;
// Rows are keyed by data-row; a row's statements shared by several roles are further <tr>s with
// the same key and the rc-row-shared class.
const all = [...root.querySelectorAll("tr.rc-row-data")];
const withShared = new Set(all.filter((tr) => tr.classList.contains("rc-row-shared")).map((tr) => tr.dataset.row));
const sharedByAll = new Set(all.filter((tr) => tr.querySelector(".rc-badge-shared")).map((tr) => tr.dataset.row));
const rows = all.map((tr) => ({
  tr,
  // "Differences only" drops the rows every compared role shares entirely; "Shared only" keeps
  // the rows with statements several roles share.
  differences: !sharedByAll.has(tr.dataset.row),
  shared: withShared.has(tr.dataset.row),
}));
const groups = [...root.querySelectorAll("tbody")].map((tbody) => ({
  tbody,
  rows: rows.filter((r) => tbody.contains(r.tr)),
}));
const count = root.querySelector(".rc-count");
const total = rows.length;

function show(mode) {
  let shown = 0;
  for (const r of rows) {
    const visible = mode === "all" || r[mode];
    if (r.tr.hidden === visible) r.tr.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const g of groups) {
    const empty = g.rows.every((r) => r.tr.hidden);
    if (g.tbody.hidden !== empty) g.tbody.hidden = empty;
  }
  count.textContent =
    shown === 0 ? "No rows match the filters" : shown === total ? `Showing all ${total} rows` : `Showing ${shown} of ${total} rows`;
  return shown;
}

const form = root.querySelector("form.rc-controls");
form.addEventListener("submit", (e) => e.preventDefault());
form.addEventListener("change", (e) => {
  if (e.target.type !== "radio" || !e.target.checked) return;
  const visibleRows = show(e.target.value);
  host.dispatchEvent(
    new CustomEvent("role-compare-change", { bubbles: true, composed: true, detail: { mode: e.target.value, visibleRows } }),
  );
});
host.dispatchEvent(new CustomEvent("role-compare-ready", { bubbles: true, composed: true, detail: {} }));
