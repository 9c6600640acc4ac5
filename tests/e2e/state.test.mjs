// One owner for the filters (issue 15), seen from the page: whatever changes them — a reader's
// click, an attribute, the `state` property, the URL hash with sync-url — the last
// role-compare-change event's detail is the `state` object (plus visibleRows and
// visibleStatements), and changing one attribute (roles) keeps the reader's other filters.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./browser.mjs";
import { Widget } from "./widget.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The last change event's detail without its counts, and the state property, side by side.
async function detailAndState(w) {
  return w.page.evaluate(() => {
    const el = document.querySelector("role-compare");
    const changes = window.__roleCompareEvents.filter((e) => e.type === "role-compare-change");
    const last = changes.at(-1)?.detail ?? null;
    if (!last) return { count: 0 };
    const { visibleRows, visibleStatements, ...rest } = last;
    return { count: changes.length, detail: rest, state: el.state, visibleRows, visibleStatements };
  });
}

async function changed(w, before) {
  await w.page.waitForFunction(
    (n) => window.__roleCompareEvents.filter((e) => e.type === "role-compare-change").length > n,
    before,
    { timeout: 5_000 },
  );
  const now = await detailAndState(w);
  assert.deepEqual(now.detail, now.state);
  assert.equal(typeof now.visibleRows, "number");
  assert.equal(typeof now.visibleStatements, "number");
  return now;
}

test("after every kind of input the change event's detail is the state object", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  let n = 0;
  // A reader's click.
  await (await w.$("[part=controls] input[type=checkbox]")).click();
  let now = await changed(w, n);
  n = now.count;
  assert.equal(now.state.roles.length, 2);
  // An attribute.
  await w.setAttribute("mode", "shared");
  now = await changed(w, n);
  n = now.count;
  assert.equal(now.state.mode, "shared");
  // The state property.
  await w.page.evaluate(() => {
    document.querySelector("role-compare").state = { roles: ["ciso", "cso"], search: "security" };
  });
  now = await changed(w, n);
  n = now.count;
  assert.deepEqual(now.state.roles, ["ciso", "cso"]);
  assert.equal(now.state.search, "security");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("a URL hash change (sync-url) reaches the state and the change event alike", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  // A second widget that mirrors its filters in the hash, under its own key.
  await w.page.evaluate(() => {
    const el = document.createElement("role-compare");
    el.id = "hashed";
    el.setAttribute("sync-url", "");
    el.setAttribute("loading", "eager");
    document.body.prepend(el);
  });
  await w.page.waitForFunction(() => window.__roleCompareEvents.filter((e) => e.type === "role-compare-ready").length === 2);
  const before = await w.page.evaluate(() => window.__roleCompareEvents.filter((e) => e.type === "role-compare-change").length);
  await w.page.evaluate(() => {
    location.hash = `role-compare-hashed=${encodeURIComponent(JSON.stringify({ roles: ["cio", "cso"], detail: "full" }))}`;
  });
  const now = await changed(w, before);
  assert.deepEqual(now.state.roles, ["cio", "cso"]);
  assert.equal(now.state.detail, "full");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("changing the roles attribute keeps the reader's search, mode and narrowing", async () => {
  const w = await Widget.open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  await w.showMoreFilters();
  await (await w.$("input[type=search]")).fill("budget");
  await (await w.$("input[type=radio][value=differences]")).check();
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.mode === "differences");
  await w.setAttribute("roles", "cio ciso");
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.roles.length === 2);
  const state = await w.state();
  assert.equal(state.search, "budget");
  assert.equal(state.mode, "differences");
  // The same through the state property's roles alone.
  await w.page.evaluate(() => {
    const el = document.querySelector("role-compare");
    el.state = { ...el.state, roles: ["ciso", "cso"] };
  });
  await w.page.waitForFunction(() => document.querySelector("role-compare").state.roles[0] === "ciso");
  assert.equal((await w.state()).search, "budget");
  assert.deepEqual(w.problems, []);
  await w.close();
});
