// What a reader and a page author tripped over (issue 19), each checked in the built pages:
// role headers that stay in view deep in the table; a popover that sits under its statement and
// closes on a click outside; a visible confirmation for "Copy as Markdown"; download names with
// the element's id; "Reset filters" back to the page's configured view; the offline file's
// title and introduction.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open } from "./browser.mjs";
import { Widget } from "./widget.mjs";

const DATASET = JSON.parse(readFileSync(new URL("../../src/data/roles.json", import.meta.url), "utf8"));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("role headers stay at the top of the viewport deep in the table", async () => {
  for (const width of [1280, 700]) {
    const w = await Widget.open(browser, "index.html", { viewport: { width, height: 800 } });
    await w.openAllDetail();
    const tops = await w.evaluate((el) => {
      const table = el.shadowRoot.querySelector("[part=table]");
      const start = table.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, start + 3000);
      const header = el.shadowRoot.querySelector("[part=role-header]").getBoundingClientRect();
      return { header: header.top, tableBottom: table.getBoundingClientRect().bottom };
    });
    assert.ok(tops.tableBottom > 800, "still inside the table");
    assert.ok(Math.abs(tops.header) <= 1, `${width} px: role header at ${tops.header} px`);
    assert.deepEqual(w.problems, []);
    await w.close();
  }
});

test("inside a grown iframe the role headers stay at the top of the parent page's viewport", async () => {
  const opened = await open(browser, "examples/iframe.html", { viewport: { width: 1280, height: 800 } });
  const { page } = opened;
  const frame = await (await page.waitForSelector("#sized")).contentFrame();
  await new Widget({ page: frame, problems: opened.problems }).ready();
  // role-compare-frame.js grows the iframe to its content (differences: the detail is open).
  await page.waitForFunction(() => document.querySelector("#sized").getBoundingClientRect().height > 3000);
  const frameTop = await page.evaluate(() => document.querySelector("#sized").getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), frameTop + 2000);
  await frame.waitForFunction(
    () => parseFloat(getComputedStyle(document.querySelector("role-compare")).getPropertyValue("--role-compare-sticky-top")) >= 1990,
  );
  const inFrame = await frame.evaluate(() => document.querySelector("role-compare").shadowRoot.querySelector("[part=role-header]").getBoundingClientRect().top);
  const offset = await page.evaluate(() => document.querySelector("#sized").getBoundingClientRect().top);
  assert.ok(Math.abs(inFrame + offset) <= 2, `role header at ${inFrame + offset} px of the parent's viewport`);
  // Scrolled back above the iframe, the headers return to the table's top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await frame.waitForFunction(
    () => getComputedStyle(document.querySelector("role-compare")).getPropertyValue("--role-compare-sticky-top").trim() === "0px",
  );
  assert.deepEqual(opened.problems, []);
  await opened.context.close();
});

test("a popover sits under its statement, covers no other, and closes on a click outside", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.openAllDetail();
  const claim = DATASET.claims.find((c) => c.roles.length === 1 && c.facet === "duties").id;
  const marker = await w.$(`li[data-claim="${claim}"] [part=citation]`);
  await marker.click();
  assert.equal(await marker.getAttribute("aria-expanded"), "true");
  const boxes = await w.evaluate((el, id) => {
    const li = el.shadowRoot.querySelector(`li[data-claim="${id}"]`);
    const pop = li.querySelector("[part=popover]").getBoundingClientRect();
    const next = li.nextElementSibling ?? li.closest("tr").nextElementSibling?.querySelector("li");
    const n = next?.getBoundingClientRect();
    return { pop: [pop.top, pop.bottom], li: li.getBoundingClientRect().bottom, next: n ? [n.top, n.bottom] : null };
  }, claim);
  assert.ok(boxes.pop[1] <= boxes.li + 0.5, "the popover is inside its statement's box");
  if (boxes.next) assert.ok(boxes.next[0] >= boxes.pop[1] - 0.5, "the next statement starts below the popover");
  // A click on the page outside the widget closes it.
  await w.page.mouse.click(5, 5);
  await w.page.waitForFunction(
    (id) => document.querySelector("role-compare").shadowRoot.querySelector(`li[data-claim="${id}"] [part=citation]`).getAttribute("aria-expanded") === "false",
    claim,
  );
  // So does a click inside the widget that is not on a citation.
  await marker.click();
  assert.equal(await marker.getAttribute("aria-expanded"), "true");
  await (await w.part("count")).click();
  assert.equal(await marker.getAttribute("aria-expanded"), "false");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("copy as Markdown says it worked", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const copy = await w.$("[part=export] button:last-of-type");
  assert.equal(await copy.textContent(), "Copy as Markdown");
  await copy.click();
  const said = await w.evaluate((el) => el.shadowRoot.querySelector("[part=export] [role=status]").textContent);
  assert.equal(said, "Copied to the clipboard as Markdown.");
  const text = await w.page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /\*\*Sources\*\*/);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("downloads are named after the element's id, so two widgets save two files", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.page.evaluate(() => {
    const el = document.createElement("role-compare");
    el.id = "second widget";
    el.setAttribute("loading", "eager");
    document.body.prepend(el);
  });
  const second = new Widget({ context: w.context, page: w.page, problems: w.problems }, 0);
  await w.page.waitForFunction(() => !!document.querySelector("role-compare").shadowRoot?.querySelector("[part=export] button"));
  const names = [];
  for (const widget of [second, new Widget({ context: w.context, page: w.page, problems: w.problems }, 1)]) {
    const [download] = await Promise.all([w.page.waitForEvent("download"), (await widget.$("[part=export] button")).click()]);
    names.push(download.suggestedFilename());
  }
  assert.deepEqual(names, [`role-compare-second-widget-${DATASET.version}.csv`, `role-compare-${DATASET.version}.csv`]);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("reset returns to the page's configured view", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.setAttribute("roles", "cio ciso");
  await w.setAttribute("mode", "differences");
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.mode === "differences");
  await w.showMoreFilters();
  await (await w.$("input[type=search]")).fill("budget");
  await (await w.$("input[type=radio][value=all]")).check();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.mode === "all");
  await (await w.part("reset")).click();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.search === "");
  const state = await w.state();
  assert.deepEqual(state.roles, ["cio", "ciso"]);
  assert.equal(state.mode, "differences");
  assert.equal(await (await w.part("reset")).getAttribute("aria-disabled"), "true", "nothing left to reset");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("a skip link takes the keyboard past the widget to the page's next link", async () => {
  const w = await Widget.open(browser, "examples/blog.html");
  const skip = w.locator("[part~=skip-link]");
  // Visually hidden (a 1 px clipped box) until the keyboard reaches it.
  assert.ok((await skip.boundingBox()).width <= 1, "hidden until the keyboard reaches it");
  // The first Tab into the page lands on the skip link, which then shows.
  await w.page.keyboard.press("Tab");
  assert.equal(await skip.evaluate((a) => a.getRootNode().activeElement === a), true);
  assert.ok((await skip.boundingBox()).width > 40, "shown when focused");
  assert.equal(await skip.textContent(), "Skip the comparison");
  await w.page.keyboard.press("Enter");
  await w.page.keyboard.press("Tab");
  const focused = await w.page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, "Further reading");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("a narrowing select shows its own section only, and the count says so", async () => {
  const w = await Widget.open(browser, "index.html");
  const before = await w.count();
  await w.showMoreFilters();
  // Every facet has a key line, so the key rows list the sections on show.
  const sections = () => w.inRoot((root) => [...root.querySelectorAll("tbody.rc-keys tr[data-facet]")].filter((tr) => tr.checkVisibility()).map((tr) => tr.dataset.facet));
  assert.ok((await sections()).length >= 5);
  for (const [suffix, value, facet] of [
    ["duty", "risk-management", "duties"],
    ["target", "CTO", "reporting"],
  ]) {
    await (await w.control(suffix)).selectOption(value);
    await w.countChanged(before);
    assert.deepEqual(await sections(), [facet], `${suffix}=${value}`);
    const shown = await w.shown();
    assert.ok(shown.topics.length >= 1 && shown.topics.every((t) => t.startsWith(`${facet}-`)), `${suffix}: ${shown.topics}`);
    assert.match(await w.count(), new RegExp(`^Showing \\d+ of \\d+ statements on ${shown.topics.length} of \\d+ topics`));
    const narrowed = await w.count();
    await (await w.control(suffix)).selectOption("");
    await w.countChanged(narrowed);
  }
  assert.match(await w.inRoot((root) => root.querySelector("[part~=controls]").textContent), /each show their own section only/);
  // "Certifications for" offers only roles the sources say something about.
  const suits = await (await w.control("suits")).evaluate((s) => [...s.options].map((o) => o.textContent));
  assert.deepEqual(suits, ["Any role", "CIO", "CISO"]);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("the offline file opens with a title and an introduction", async () => {
  const page = await browser.newPage();
  await page.goto(new URL("../../dist/role-compare-offline.html", import.meta.url).href);
  assert.equal(await page.locator("h1").textContent(), "CIO, CISO and CSO compared");
  assert.match(await page.locator("h1 + p").textContent(), /five published articles/);
  await page.close();
});

test("a row's source markers are one Tab stop, the arrow keys move between them", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.openAllDetail();
  const stops = await w.evaluate((el) => {
    const root = el.shadowRoot;
    const visible = (e) => e.checkVisibility();
    const markers = [...root.querySelectorAll("[part=table] [part=citation]")].filter(visible);
    const rows = [...root.querySelectorAll("[part=table] tr")].filter((tr) => tr.querySelector("td [part=citation]") && visible(tr));
    return {
      markers: markers.length,
      markerStops: markers.filter((b) => b.tabIndex >= 0 && !b.closest(".rc-conflict")).length,
      rows: rows.length,
    };
  });
  console.log(`# full detail: ${stops.markers} source markers, ${stops.markerStops} Tab stops among them, ${stops.rows} rows with markers`);
  assert.equal(stops.markerStops, stops.rows, "one Tab stop per row with markers");
  // In a row with several markers, the arrow keys walk them and wrap.
  const ids = await w.evaluate((el) => {
    const tr = [...el.shadowRoot.querySelectorAll("[part=table] tr")].find(
      (r) => r.checkVisibility() && r.querySelectorAll("[part=citation][tabindex]").length >= 3,
    );
    // The row's statement markers (a disagreement's own markers stay Tab stops of their own).
    const buttons = [...tr.querySelectorAll("[part=citation][tabindex]")];
    buttons.forEach((b, i) => b.setAttribute("data-test-n", String(i)));
    return buttons.length;
  });
  const first = await w.$("[data-test-n='0']");
  await first.focus();
  const focused = () => w.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("data-test-n"));
  await w.page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "1");
  await w.page.keyboard.press("ArrowLeft");
  await w.page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), String(ids - 1), "wraps to the row's last marker");
  assert.deepEqual(w.problems, []);
  await w.close();
});
