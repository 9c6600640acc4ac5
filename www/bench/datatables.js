// Benchmark peer (tests/bench/bench.mjs): DataTables 3 on the plain table of datatables.html.
// Its own search box, a Section select (a column search on the Section column, one option per
// facet) and the widget's "Show" radios (a search on the hidden last column, which lists the
// modes in which the widget shows the row: the page author's table carries the same tags). Like the widget, it fires `role-compare-ready` once the table works and
// `role-compare-change` after each redraw, so the benchmark times all pages the same way.
const host = document.getElementById("dt-host");
const table = new window.DataTable("#dt", {
  paging: false,
  order: [],
  autoWidth: false,
  columnDefs: [{ targets: -1, visible: false }],
});
const section = document.getElementById("dt-section");
for (const value of table.column(0).data().unique().toArray()) section.add(new Option(value, value));
const exact = (s) => `^${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
const changed = (detail) =>
  host.dispatchEvent(new CustomEvent("role-compare-change", { bubbles: true, composed: true, detail: { ...detail, visibleRows: table.rows({ search: "applied" }).count() } }));
section.addEventListener("change", () => {
  table.column(0).search(section.value ? exact(section.value) : "", { regex: true, smart: false }).draw();
  changed({ section: section.value });
});
host.querySelector("form").addEventListener("change", (e) => {
  if (e.target.name !== "mode" || !e.target.checked) return;
  const mode = e.target.value;
  table.column(-1).search(mode === "all" ? "" : `\\b${mode}\\b`, { regex: true, smart: false }).draw();
  changed({ mode });
});
host.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
host.dispatchEvent(new CustomEvent("role-compare-ready", { bubbles: true, composed: true, detail: {} }));
