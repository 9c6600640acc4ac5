// When the wasm cannot run, when the widget panics, and on hostile host pages: the fallback stays
// readable, one clear console error, `role-compare-error` fires, and nothing uncaught reaches
// the host page. Also the lifecycle: connect/disconnect cycles leave no growth behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { events, launch, open, BASE_URL } from "./browser.mjs";
import { Widget } from "./widget.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The widget `which` (an index among the page's <role-compare> elements) on `page`, through the
// shared page object: it looks at the live widget only, never at the prerendered fallback.
const widget = (page, which = 0) => new Widget({ page }, which);

// Opens `path` with `route` installed first (to break the wasm in some way).
async function openBroken(path, route) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__roleCompareEvents = [];
    for (const name of ["role-compare-ready", "role-compare-error"]) {
      document.addEventListener(name, (e) => window.__roleCompareEvents.push({ type: e.type, detail: e.detail }));
    }
  });
  if (route) await context.route("**/role_compare_bg.wasm", route);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { context, page, pageErrors, consoleErrors };
}

async function waitForEvent(page, type) {
  await page.waitForFunction((t) => window.__roleCompareEvents.some((e) => e.type === t), type, { timeout: 30_000 });
}

// The fallback table the reader sees while the widget is not running: in the shadow root (the
// loader's copy) — its column headers.
async function fallbackHeaders(page) {
  return page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    return [...root.querySelectorAll("thead th[scope=col] .rc-abbr")].map((e) => e.textContent);
  });
}

// How the first widget's fallback in its shadow root shows: inert or not, how many controls and
// fold buttons are visible, and whether every row and every detail disagreement is (as without
// JavaScript).
function staticLook(page) {
  return page.$eval("role-compare", (el) => {
    const shown = [...el.shadowRoot.children].find((c) => c.localName === "div");
    const visible = (sel) => [...shown.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
    return {
      inert: shown.inert,
      controls: visible("[part~=controls], .rc-fold, .rc-detail-all"),
      rows: visible("tr.rc-row-data") === shown.querySelectorAll("tr.rc-row-data:not([hidden])").length,
      conflicts: visible("tbody:not(.rc-keys) .rc-conflict-body") === shown.querySelectorAll("tbody:not(.rc-keys) .rc-conflict-body").length,
    };
  });
}

const failures = [
  ["a 404", (route) => route.fulfill({ status: 404, body: "not found" })],
  ["a truncated file", async (route) => {
    const response = await route.fetch();
    const body = (await response.body()).subarray(0, 4096);
    await route.fulfill({ status: 200, contentType: "application/wasm", body });
  }],
  ["an HTML error page with status 200", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><h1>Oops</h1>" })],
  ["an aborted request", (route) => route.abort("failed")],
];

for (const [name, route] of failures) {
  test(`wasm fails to load (${name}): fallback stays, one error, error event, nothing uncaught`, async () => {
    const { context, page, pageErrors, consoleErrors } = await openBroken("index.html", route);
    await waitForEvent(page, "role-compare-error");
    const detail = await page.evaluate(() => window.__roleCompareEvents.find((e) => e.type === "role-compare-error").detail);
    assert.equal(detail.where, "load");
    assert.ok(detail.what.length > 0);
    assert.deepEqual(await fallbackHeaders(page), ["CIO", "CISO", "CSO"]);
    assert.equal(await widget(page).isLive(), false);
    assert.deepEqual(pageErrors, []);
    const ours = consoleErrors.filter((t) => t.includes("<role-compare>"));
    assert.equal(ours.length, 1, `one clear console error, got: ${JSON.stringify(consoleErrors)}`);
    // The host page still works.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await context.close();
  });
}

test("wasm served with the wrong content type still starts (the glue falls back)", async () => {
  const { context, page, pageErrors } = await openBroken("index.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, contentType: "application/octet-stream", body: await response.body() });
  });
  await waitForEvent(page, "role-compare-ready");
  assert.deepEqual(await widget(page).headers(), ["CIO", "CISO", "CSO"]);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a slow network shows the fallback first, then the widget", async () => {
  const { context, page, pageErrors } = await openBroken("index.html", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  assert.deepEqual(await fallbackHeaders(page), ["CIO", "CISO", "CSO"]);
  await waitForEvent(page, "role-compare-ready");
  assert.deepEqual(await widget(page).headers(), ["CIO", "CISO", "CSO"]);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a CSP without 'wasm-unsafe-eval' blocks the wasm: fallback stays, error event", async () => {
  const { context, page, pageErrors, consoleErrors } = await openBroken("examples/csp-no-wasm.html");
  await waitForEvent(page, "role-compare-error");
  assert.deepEqual(await fallbackHeaders(page), ["CIO", "CISO", "CSO"]);
  // Nothing on it can work: it shows as without JavaScript (no controls, every row, the
  // detail's disagreements open), and is no longer inert (its text can be selected).
  assert.deepEqual(await staticLook(page), { inert: false, controls: 0, rows: true, conflicts: true });
  assert.deepEqual(pageErrors, []);
  assert.equal(consoleErrors.filter((t) => t.includes("<role-compare>")).length, 1);
  await context.close();
});

test("role-compare.js itself blocked: after 10 s the declarative fallback shows as without JavaScript (with and without reduced motion)", async () => {
  const look = async (reducedMotion) => {
    const context = await browser.newContext({ reducedMotion });
    await context.route("**/role-compare.js", (route) => route.abort("blockedbyclient"));
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(new URL("index.html", BASE_URL).href);
    // Until then it is the folded form with its controls, as a slow but working load shows it
    // (so the upgrade moves nothing).
    const early = await staticLook(page);
    assert.ok(early.controls > 0, `${reducedMotion}: controls shown at first`);
    assert.equal(early.rows, false, `${reducedMotion}: folded sections at first`);
    await page.waitForFunction(() => {
      const shown = [...document.querySelector("role-compare").shadowRoot.children].find((c) => c.localName === "div");
      return ![...shown.querySelectorAll("[part~=controls]")].some((e) => e.checkVisibility());
    }, null, { timeout: 20_000, polling: 100 });
    const at = await page.evaluate(() => performance.now());
    assert.ok(at >= 10_000, `${reducedMotion}: turned static after ${Math.round(at)} ms, not before 10 s`);
    assert.deepEqual(await staticLook(page), { inert: false, controls: 0, rows: true, conflicts: true }, reducedMotion);
    assert.equal(await page.$eval("role-compare", (el) => el.matches(":defined")), false);
    assert.deepEqual(pageErrors, []);
    await context.close();
  };
  await Promise.all([look("no-preference"), look("reduce")]);
});

test("the shipped files carry no test hooks", async () => {
  const { context, page } = await openBroken("index.html");
  await page.waitForFunction(() => window.__roleCompareEvents.some((e) => e.type === "role-compare-ready"));
  const found = await page.evaluate(async () => {
    const glue = await import(new URL("role_compare.js", document.baseURI).href);
    const widget = document.querySelector("role-compare")._widget;
    return { panic: typeof widget.panicOnNextChangeForTest, memory: typeof glue.wasmMemoryBytes };
  });
  assert.deepEqual(found, { panic: "undefined", memory: "undefined" });
  await context.close();
});

test("a panic inside one widget turns every widget into its fallback, with nothing uncaught", async () => {
  // hooks/: the same pages with a wasm built with the `test-hooks` feature (the shipped one has none).
  const { context, page, pageErrors, consoleErrors } = await openBroken("hooks/examples/ten.html");
  await page.waitForFunction(() => window.__roleCompareEvents.filter((e) => e.type === "role-compare-ready").length === 10, null, { timeout: 30_000 });
  // The mode radios sit behind "More filters": unfolded first (no filter change, so no panic).
  const first = widget(page, 0);
  await first.showMoreFilters();
  let hostErrors = 0;
  await page.exposeFunction("countHostError", () => {
    hostErrors += 1;
  });
  await page.evaluate(() => {
    // A host page's own error reporting, registered after the widget loaded.
    window.addEventListener("error", () => window.countHostError());
    const hooked = document.querySelector("role-compare")._widget;
    if (typeof hooked.panicOnNextChangeForTest !== "function") throw new Error("hooks/ was built without the test hooks");
    hooked.panicOnNextChangeForTest();
  });
  // The panic happens inside the widget's own event handling, as a real bug would.
  await first.locator("input[type=radio][value=differences]").click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("role-compare")].every((el) => el.shadowRoot.querySelector(".rc-error[role=alert]")),
  );
  const states = [];
  for (let i = 0; i < 10; i++) {
    states.push({
      live: await widget(page, i).isLive(),
      note: await page.evaluate((n) => document.querySelectorAll("role-compare")[n].shadowRoot.querySelector(".rc-error")?.textContent ?? "", i),
    });
  }
  assert.equal(await page.locator("role-compare").count(), 10);
  for (const s of states) {
    assert.equal(s.live, false);
    assert.match(s.note, /internal error/);
  }
  assert.deepEqual(pageErrors, [], "no uncaught exception reached the page");
  assert.equal(hostErrors, 0, "the host's error listener saw nothing");
  assert.ok(consoleErrors.some((t) => t.includes("panic requested by the test trigger")));
  // The host page stays responsive, and a newly added element shows its fallback too.
  await page.evaluate(() => document.body.append(document.createElement("role-compare")));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.title.length > 0), true);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("hostile host CSS and JS: the widget renders and works", async () => {
  const w = await Widget.open(browser, "examples/hostile.html");
  const { context, page, problems } = w;
  assert.equal(await page.evaluate(() => window.hostileReady), true);
  assert.deepEqual(await w.headers(), ["CIO", "CISO", "CSO"]);
  // `div { display: none !important }` does not reach the shadow root.
  const display = await w.locator("[part~=root]").evaluate((el) => getComputedStyle(el).display);
  assert.notEqual(display, "none");
  // The host swallows clicks at the document (bubble phase); the widget handles them first:
  // "More filters" unfolds, and the mode radio changes what the table shows.
  const before = await w.count();
  await w.setMode("shared");
  await w.countChanged(before);
  // Patched prototypes (an enumerable Array.prototype member, Object.prototype pollution) do not
  // leak into the dataset or the state.
  const state = await page.evaluate(() => document.querySelector("role-compare").state);
  assert.equal(state.mode, "shared");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the tag name already taken by another script: one clear error, page content stays", async () => {
  const { context, page, problems } = await open(browser, "examples/taken.html");
  await page.waitForTimeout(500);
  assert.ok(problems.some((p) => p.includes("another script already defined <role-compare>")), JSON.stringify(problems));
  assert.equal(problems.filter((p) => p.startsWith("pageerror")).length, 0);
  assert.equal(await page.locator("#own").isVisible(), true);
  await context.close();
});

test("200 connect/disconnect cycles: no growth in JS heap or wasm memory, no duplicate events", async () => {
  const w = await Widget.open(browser, "index.html");
  const { context, page, problems } = w;
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    // The glue's init returns the running instance's exports; its memory is the wasm's heap.
    const wasm = await page.evaluate(() => import(new URL("role_compare.js", document.baseURI).href).then((g) => g.default()).then((exports) => exports.memory.buffer.byteLength));
    return { heap, wasm };
  };
  const cycle = (n) =>
    page.evaluate(async (count) => {
      const el = document.querySelector("role-compare");
      const parent = el.parentNode;
      for (let i = 0; i < count; i++) {
        el.remove();
        parent.append(el);
        await new Promise((r) => setTimeout(r, 0));
      }
    }, n);
  await cycle(50);
  const warm = await measure();
  await cycle(200);
  const after = await measure();
  console.log(`heap ${warm.heap} -> ${after.heap} bytes; wasm ${warm.wasm} -> ${after.wasm} bytes`);
  assert.equal(after.wasm, warm.wasm, "wasm memory did not grow");
  assert.ok(after.heap - warm.heap < 512 * 1024, `JS heap grew by ${after.heap - warm.heap} bytes`);
  // One change event per change after all those re-insertions.
  await page.evaluate(() => {
    window.__changes = 0;
    document.addEventListener("role-compare-change", () => (window.__changes += 1));
  });
  await w.showMoreFilters();
  await w.locator("input[type=radio][value=differences]").click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__changes), 1);
  assert.deepEqual(problems, []);
  assert.ok((await events(page)).includes("role-compare-ready"));
  await context.close();
});

test("XSS corpus through the data property (plus lone surrogates): rendered as text, nothing runs", async () => {
  const { readFile } = await import("node:fs/promises");
  const corpus = JSON.parse(await readFile(new URL("../data/xss-corpus.json", import.meta.url), "utf8")).strings;
  const strings = [...corpus, "lone \ud800 high", "lone \udfff low", "\udc00\ud800 reversed pair"];
  const w = await Widget.open(browser, "index.html");
  const { context, page, problems } = w;
  await page.evaluate((strings) => {
    const cite = [{ source: "s1", at: strings[0] }];
    const data = {
      format: 1,
      version: strings[1],
      last_reviewed: "2026-11-23",
      sources: [{ id: "s1", kind: "article", title: strings[2] }],
      facets: [{ id: "f", label: strings[3], filter: true, topics: [{ id: "t", label: strings[4] }] }],
      roles: [
        { id: "a", abbr: strings[5].slice(0, 30), name: strings[6], summary: "A" },
        { id: "b", abbr: "B", name: "B", summary: "B" },
      ],
      claims: strings.map((text, i) => ({ id: `c${i}`, roles: [i % 2 ? "a" : "b"], facet: "f", topic: "t", text, sources: cite })),
    };
    document.querySelector("role-compare").data = data;
  }, strings);
  await page.waitForFunction(
    (n) => document.querySelector("role-compare").shadowRoot.querySelectorAll("li[data-claim]").length === n,
    strings.length,
  );
  // Every statement on screen (the section's detail is folded by default).
  await w.openAllDetail();
  const result = await w.inRoot((root) => ({
    xss: window.__xss ?? null,
    // The one link is the widget's own skip link (an in-page href to its end).
    dangerous: root.getRootNode().querySelectorAll("script, img, iframe, a[href]:not([part~=skip-link][href^='#']), [onerror], [onload], [onmouseover]").length,
    claims: [...root.querySelectorAll("li[data-claim]")].filter((li) => li.checkVisibility()).length,
    text: root.innerText,
    error: root.querySelector("[part~=error]")?.textContent ?? null,
  }));
  // Give any injected handler a chance to run.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.equal(result.xss, null);
  assert.equal(result.dangerous, 0);
  assert.equal(result.error, null, "the dataset was accepted");
  assert.equal(result.claims, strings.length);
  assert.ok(result.text.includes("<script>window.__xss=1</script>"), "markup shows as text");
  assert.ok(result.text.includes("lone \ufffd high"), "a lone surrogate becomes U+FFFD");
  assert.deepEqual(problems, []);
  await context.close();
});
