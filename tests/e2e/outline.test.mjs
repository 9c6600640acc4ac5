// What a screen reader is given (issue 23), read from Chromium's own accessibility tree (CDP
// Accessibility.getFullAXTree) on the demo page, whose own outline is one <h1>:
// - the heading outline: the widget's heading at the configured level, then one level below it
//   the key differences, every facet, the reporting lines and the sources;
// - every row header named by its topic (or facet) alone, the status left as its description;
// - the live region's text after a filter change;
// for the default view, detail="full", and the stacked layout at 375 px; heading-level 1 to 6,
// and an invalid value falling back to 2 with a console warning.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch } from "./browser.mjs";
import { Widget } from "./widget.mjs";

const DATASET = JSON.parse(readFileSync(new URL("../../src/data/roles.json", import.meta.url), "utf8"));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The accessibility tree of the whole page, as [{ role, name, level, description }] in tree
// order, without ignored nodes.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  // The text inside a node (what a live region announces), from its static-text leaves.
  const textOf = (n) =>
    n.role?.value === "StaticText" ? n.name?.value ?? "" : (n.childIds ?? []).map((id) => textOf(byId.get(id) ?? {})).join("");
  const walk = (n) => {
    if (!n) return;
    if (!n.ignored) {
      const prop = (name) => n.properties?.find((p) => p.name === name)?.value?.value;
      out.push({
        role: n.role?.value,
        name: n.name?.value ?? "",
        level: prop("level"),
        description: n.description?.value ?? "",
        text: n.role?.value === "status" ? textOf(n) : undefined,
      });
    }
    for (const id of n.childIds ?? []) walk(byId.get(id));
  };
  walk(nodes.find((n) => !n.parentId));
  return out;
}

const headings = (tree) => tree.filter((n) => n.role === "heading").map((n) => `${n.level} ${n.name}`);

// The outline the widget must give, under a widget heading of `level`.
function outline(level) {
  const sub = Math.min(level + 1, 6);
  return [
    `${level} CIO, CISO and CSO compared`,
    `${sub} Key differences at a glance`,
    ...DATASET.facets.map((f) => `${sub} ${f.label}`),
    `${sub} Reporting lines`,
    `${sub} Sources`,
  ];
}

// The widget's part of the page outline: everything after the page's own <h1>.
const widgetHeadings = (tree) => headings(tree).slice(1);

for (const [what, options, attrs] of [
  ["the default view", { viewport: { width: 1280, height: 900 } }, {}],
  ["detail=full", { viewport: { width: 1280, height: 900 } }, { detail: "full" }],
  ["the stacked layout at 375 px", { viewport: { width: 375, height: 800 } }, {}],
]) {
  test(`${what}: heading outline and row header names`, async () => {
    const w = await Widget.open(browser, "index.html", options);
    for (const [k, v] of Object.entries(attrs)) await w.setAttribute(k, v);
    if (attrs.detail) await w.page.waitForFunction((d) => document.querySelector("role-compare").state.detail === d, attrs.detail);
    const tree = await axTree(w.page);
    assert.equal(headings(tree)[0], "1 CIO, CISO and CSO side by side", "the page's own h1 comes first");
    assert.deepEqual(widgetHeadings(tree), outline(2));

    // Row headers: a topic's name is its label; a key row's is its facet's label.
    const rowHeaders = tree.filter((n) => n.role === "rowheader" || n.role === "rowHeader");
    const labels = new Set([
      "Key differences at a glance",
      ...DATASET.facets.flatMap((f) => f.topics.map((t) => t.label)),
      ...DATASET.facets.map((f) => f.label),
    ]);
    assert.ok(rowHeaders.length >= DATASET.facets.length, `${rowHeaders.length} row headers`);
    for (const h of rowHeaders) assert.ok(labels.has(h.name), `row header named "${h.name}"`);
    if (what === "detail=full") {
      // The status is still given: as each topic's row header's description.
      const described = rowHeaders.filter((h) => /^(Differs|Shared|Only )/.test(h.description));
      assert.ok(described.length >= 30, `${described.length} topic row headers describe their status`);
      const topics = DATASET.facets.flatMap((f) => f.topics.map((t) => t.label));
      const named = new Set(rowHeaders.map((h) => h.name));
      const withClaims = DATASET.facets.flatMap((f) =>
        f.topics.filter((t) => DATASET.claims.some((c) => c.facet === f.id && c.topic === t.id)).map((t) => t.label),
      );
      for (const t of withClaims) assert.ok(named.has(t), `no row header for ${t}`);
      assert.ok(topics.length >= withClaims.length);
    }
    assert.deepEqual(w.problems, []);
    await w.close();
  });
}

test("heading-level 1 to 6 sets the widget's level; an invalid value is 2, with a warning", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const warnings = [];
  w.page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  for (const level of [1, 2, 3, 4, 5, 6]) {
    await w.setAttribute("heading-level", String(level));
    await w.page.waitForFunction(
      (l) => document.querySelector("role-compare").shadowRoot.querySelector("[role=heading]")?.getAttribute("aria-level") === String(l),
      level,
    );
    assert.deepEqual(widgetHeadings(await axTree(w.page)), outline(level), `heading-level=${level}`);
  }
  await w.setAttribute("heading-level", "seven");
  await w.page.waitForFunction(
    () => document.querySelector("role-compare").shadowRoot.querySelector("[role=heading]")?.getAttribute("aria-level") === "2",
  );
  assert.deepEqual(widgetHeadings(await axTree(w.page)), outline(2));
  assert.ok(
    warnings.some((m) => m.includes('heading-level="seven"') && m.includes("valid values: 1 2 3 4 5 6")),
    warnings.join("\n"),
  );
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("the live region says what a filter change shows", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const status = () => axTree(w.page).then((t) => t.find((n) => n.role === "status"));
  const all = DATASET.claims.length;
  assert.match((await status()).text, new RegExp(`^Showing all ${all} statements on \\d+ topics$`));
  await w.showMoreFilters();
  await (await w.$("input[type=radio][value=differences]")).check();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.mode === "differences");
  const text = (await status()).text;
  assert.match(text, /^Showing \d+ of \d+ statements on \d+ of \d+ topics, differences only$/);
  assert.deepEqual(w.problems, []);
  await w.close();
});
