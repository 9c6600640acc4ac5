// A comparison a reader takes in at a glance (issue 14), in the built demo page:
// - the default view's height at 1280×900 and 375×800, and a role's statement within the first
//   800 px on a phone;
// - with three roles, "Differences only" shows fewer statements than "All statements", "Shared
//   only" shows some, and a statement shared by several roles is in the table once;
// - detail="full" (and the "Open all sourced detail" button) shows every claim of the dataset;
//   the attribute is live and mirrored in the `state` property;
// - the secondary filters fold behind "More filters (n active)"; a section's detail folds and
//   unfolds from the keyboard;
// - a host dataset of 50 roles compares the first three, and the role picker finds a role by name.
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

// What the first widget shows: its height, the count line, the statements a reader can see
// (rendered, not folded away) and how often each appears.
function look(page) {
  return page.evaluate(() => {
    const el = document.querySelector("role-compare");
    const root = el.shadowRoot;
    const seen = [...root.querySelectorAll(".rc-scroll li[data-claim]")].filter((li) => li.checkVisibility());
    const times = {};
    for (const li of seen) times[li.dataset.claim] = (times[li.dataset.claim] ?? 0) + 1;
    return {
      height: Math.round(el.getBoundingClientRect().height),
      count: root.querySelector(".rc-count").textContent,
      statements: seen.length,
      distinct: Object.keys(times).length,
      repeated: Object.entries(times).filter(([, n]) => n > 1).map(([id]) => id),
      shared: [...root.querySelectorAll(".rc-scroll td.rc-shared")].filter((td) => td.checkVisibility()).length,
    };
  });
}

test("the default view is short, and a phone's first screen holds a role's statement", async () => {
  const heights = {};
  for (const [width, height] of [[1280, 900], [375, 800]]) {
    const w = await Widget.open(browser, "index.html", { viewport: { width, height } });
    const widget = await look(w.page);
    heights[width] = widget.height;
    const firstStatement = await w.page.evaluate(() => {
      const root = document.querySelector("role-compare").shadowRoot;
      const texts = [...root.querySelectorAll(".rc-key-text, li[data-claim]")].filter((e) => e.checkVisibility());
      return Math.min(...texts.map((e) => e.getBoundingClientRect().top + window.scrollY));
    });
    if (width === 375) assert.ok(firstStatement < 800, `first statement at ${firstStatement} px`);
    assert.deepEqual(w.problems, []);
    await w.close();
  }
  console.log(`# default widget height: ${heights[1280]} px at 1280, ${heights[375]} px at 375`);
  assert.ok(heights[1280] <= 4000, `${heights[1280]} px at 1280×900`);
  assert.ok(heights[375] <= 9000, `${heights[375]} px at 375×800`);
});

test("with three roles, the modes change the statements shown; shared statements show once", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const counts = {};
  for (const mode of ["all", "differences", "shared"]) {
    await w.setAttribute("mode", mode);
    await w.page.waitForFunction(
      (m) => document.querySelector("role-compare").state.mode === m,
      mode,
      { timeout: 5_000 },
    );
    await w.setAttribute("detail", "full");
    const seen = await look(w.page);
    counts[mode] = seen;
    assert.deepEqual(seen.repeated, [], `${mode}: a statement appears more than once`);
  }
  console.log(`# statements shown: all ${counts.all.statements}, differences ${counts.differences.statements}, shared ${counts.shared.statements}`);
  assert.equal(counts.all.statements, DATASET.claims.length, "all statements in full detail");
  assert.ok(counts.differences.statements < counts.all.statements, "differences shows fewer");
  assert.ok(counts.shared.statements > 0, "shared shows some");
  assert.ok(counts.shared.shared > 0, "shared statements are marked as such");
  // Shared only shows only statements that several compared roles share.
  const lonely = await w.page.evaluate(() =>
    [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-scroll li[data-claim]")]
      .filter((li) => li.checkVisibility() && !li.closest("td.rc-shared")).length,
  );
  assert.equal(lonely, 0);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("detail is live: summary folds the sections, full and the button open every claim", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const folded = await look(w.page);
  assert.equal(folded.statements, 0, "summary: the sourced detail is folded");
  assert.ok(
    await w.page.evaluate(() => document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-key-row").length >= 5),
    "the key differences lead",
  );
  assert.equal(await w.page.evaluate(() => document.querySelector("role-compare").state.detail), "summary");

  await (await w.$("button.rc-detail-all")).click();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.detail === "full");
  assert.equal((await look(w.page)).statements, DATASET.claims.length);

  await w.setAttribute("detail", "summary");
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.detail === "summary");
  assert.equal((await look(w.page)).statements, 0);
  await w.setAttribute("detail", "full");
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.detail === "full");
  assert.equal((await look(w.page)).statements, DATASET.claims.length);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("the first screen is the key lines alone; the folded rows are built ahead while the page is idle, hidden, and opening the detail shows them without building them again", async () => {
  const w = await Widget.open(browser, "index.html", {
    viewport: { width: 1280, height: 900 },
    // The widget's first render, as the first mutation that shows its key lines sees it.
    init: () =>
      document.addEventListener("role-compare-ready", (e) => {
        const root = e.target.shadowRoot;
        const look = () => {
          if (window.__firstRender || !root.querySelector(".rc-mount .rc-key-row")) return;
          window.__firstRender = { keyRows: root.querySelectorAll(".rc-mount .rc-key-row").length, statements: root.querySelectorAll("li[data-claim]").length };
        };
        look();
        new MutationObserver(look).observe(root, { childList: true, subtree: true });
      }),
  });
  await w.page.waitForFunction(() => window.__firstRender);
  const first = await w.page.evaluate(() => window.__firstRender);
  assert.ok(first.keyRows >= 5, "the first render shows the key lines");
  assert.equal(first.statements, 0, "the first render builds no folded statement");
  // Then, while the page is idle, every folded section's rows are built, none shown.
  await w.untilInRoot((root, n) => root.querySelectorAll("[part~=table] li[data-claim]").length === n, DATASET.claims.length);
  assert.equal(await w.inRoot((root) => [...root.querySelectorAll("[part~=table] li[data-claim]")].filter((li) => li.checkVisibility()).length), 0);
  // Opening the whole detail only shows those rows: the statements on screen are the same nodes.
  await w.inRoot((root) => root.querySelectorAll("[part~=table] li[data-claim]").forEach((li) => (li.__builtAhead = true)));
  await w.openAllDetail();
  const shown = await w.inRoot((root) => [...root.querySelectorAll("[part~=table] li[data-claim]")].filter((li) => li.checkVisibility()).map((li) => li.__builtAhead === true));
  assert.equal(shown.length, DATASET.claims.length);
  assert.deepEqual(shown.filter((same) => !same), [], "every statement shown was built ahead");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("a section's detail folds and unfolds from the keyboard", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const fold = await w.$("tbody .rc-fold");
  const body = await fold.getAttribute("aria-controls");
  assert.equal(await fold.getAttribute("aria-expanded"), "false");
  const statements = (id) =>
    w.page.evaluate(
      (id) => [...document.querySelector("role-compare").shadowRoot.getElementById(id).querySelectorAll("li[data-claim]")].map((li) => li.checkVisibility()),
      id,
    );
  // A folded section shows no statement (its rows are built when it first opens, or ahead,
  // hidden, while the page is idle).
  assert.deepEqual((await statements(body)).filter(Boolean), []);
  await fold.focus();
  await w.page.keyboard.press("Enter");
  await w.page.waitForFunction(
    (id) => !document.querySelector("role-compare").shadowRoot.getElementById(id).classList.contains("rc-collapsed"),
    body,
  );
  const fold2 = await w.$(`[aria-controls="${body}"].rc-fold`);
  assert.equal(await fold2.getAttribute("aria-expanded"), "true");
  const visible = await w.page.evaluate(
    (id) => [...document.querySelector("role-compare").shadowRoot.getElementById(id).querySelectorAll("li[data-claim]")].filter((li) => li.checkVisibility()).length,
    body,
  );
  assert.ok(visible > 0, "the unfolded section shows its statements");
  await w.page.keyboard.press("Space");
  await w.page.waitForFunction(
    (id) => document.querySelector("role-compare").shadowRoot.getElementById(id).classList.contains("rc-collapsed"),
    body,
  );
  // Folded again, they stay built and hidden: opening it a second time only shows them.
  const kept = await statements(body);
  assert.equal(kept.length, visible);
  assert.deepEqual(kept.filter(Boolean), []);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("the secondary filters fold behind one button that counts the active ones", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 375, height: 800 } });
  const more = await w.$("button.rc-more");
  assert.equal(await more.textContent(), "More filters");
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  assert.equal(await (await w.$("#rc1-search")).isVisible(), false);
  await more.click();
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await (await w.$("#rc1-search")).fill("budget");
  await (await w.$("#rc1-mode-differences")).check();
  await w.page.waitForFunction(
    () => document.querySelector("role-compare").shadowRoot.querySelector("button.rc-more").textContent === "More filters (2 active)",
  );
  // The roles stay in reach, outside the fold.
  assert.equal(await (await w.$("#rc1-role-cio")).isVisible(), true);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("a dataset of 50 roles compares three, and the role picker finds a role", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  const state = await w.page.evaluate((base) => {
    const d = structuredClone(base);
    const extra = [];
    for (let i = 0; i < 47; i++) {
      const id = `role-${i}`;
      extra.push({ id, abbr: `R${i}`, name: `Generated role number ${i}`, summary: "A generated role." });
      d.claims.push({
        id: `gen-${i}`,
        roles: [id],
        facet: "focus",
        topic: d.facets[0].topics[0].id,
        text: `Generated statement ${i}.`,
        sources: [{ source: d.sources[0].id }],
      });
    }
    d.roles.push(...extra);
    const el = document.querySelector("role-compare");
    el.data = d;
    return el.state;
  }, DATASET);
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.roles.length === 3);
  const columns = await w.page.evaluate(() =>
    [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-scroll thead th[scope=col] .rc-abbr")].map((e) => e.textContent),
  );
  assert.deepEqual(columns, DATASET.roles.slice(0, 3).map((r) => r.abbr));
  const find = await w.$("#rc1-role-find");
  await find.fill("number 42");
  const listed = await w.page.evaluate(() =>
    [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-role-list input[type=checkbox]")].map((b) => b.id),
  );
  assert.ok(listed.includes("rc1-role-role-42"), listed.join());
  assert.ok(listed.length <= 4, `the find box narrows the list (${listed.length} left)`);
  await (await w.$("#rc1-role-role-42")).check();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.roles.includes("role-42"));
  assert.ok(state !== undefined);
  assert.deepEqual(w.problems, []);
  await w.close();
});
