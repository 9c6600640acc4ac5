// Embedding, end to end: how <role-compare> behaves on host pages. The example host pages in
// www/examples/ (copied to dist/examples/) each stand for one way of embedding the widget: a CMS
// theme with hostile CSS, a narrow blog, ten widgets with the loader included twice, a strict
// CSP with Trusted Types, an iframe sized by its parent, a dataset from `src` or from an inline
// JSON script, a widget far down a long page (lazy loading), and state mirrored in the URL hash.
// The demo page is also loaded from a sub-path (/nested/role-compare/, served by the dev server)
// and the offline single file from a file:// URL.
//
// The widgets are read and driven through the shared page object (widget.mjs), which looks only
// at the live widget (before it mounts the page may show a prerendered copy: in the light DOM,
// and an inert copy in the shadow root) and selects by the documented parts. The secondary
// filters (mode, search, …) sit behind "More filters"; the page object opens it to use them.
//
// One browser for the file; every test has its own context and asserts that the page threw no
// uncaught error and logged no console error (except the ones a test expects, such as the
// browser's own "Failed to load resource" line for a deliberate 404).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BASE_URL, launch } from "./browser.mjs";
import { LIVE, Widget } from "./widget.mjs";

const url = (path) => new URL(path, BASE_URL).href;
const DATASET_FACETS = JSON.parse(readFileSync(new URL("../../src/data/roles.json", import.meta.url), "utf8")).facets.map((f) => f.id);
const MOUNT_TIMEOUT = 30_000;

// The widget `which` (an index among the page's <role-compare> elements, or a selector for its
// host) on `page` (a Page or an iframe's Frame).
const widget = (page, which = 0) => new Widget({ page }, which);
// The role headers' abbreviations, in the prerendered fallback (light DOM).
const HEADERS = "thead th[scope=col] .rc-abbr";

// A small valid dataset (docs/DATASET.md): 2 roles, 1 facet with 1 topic, 2 claims, 1 source.
const SMALL_DATASET = {
  format: 1,
  version: "0.0.1",
  last_reviewed: "2025-03-01",
  sources: [{ id: "s1", kind: "article", title: "A test source" }],
  facets: [{ id: "focus", label: "Focus", filter: true, topics: [{ id: "mission", label: "Mission" }] }],
  roles: [
    { id: "cmo", abbr: "CMO", name: "Chief Marketing Officer", summary: "Leads marketing." },
    { id: "chro", abbr: "CHRO", name: "Chief Human Resources Officer", summary: "Leads people." },
  ],
  claims: [
    {
      id: "cmo-focus-mission",
      roles: ["cmo"],
      facet: "focus",
      topic: "mission",
      text: "Builds demand for the products.",
      sources: [{ source: "s1", at: "Part one" }],
    },
    {
      id: "chro-focus-mission",
      roles: ["chro"],
      facet: "focus",
      topic: "mission",
      text: "Hires and develops the staff.",
      sources: [{ source: "s1", at: "Part two" }],
    },
  ],
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Opens a fresh context and page. Records, from the very start: the widget's events (with
// bubbles/composed and the id of the element that fired them), page errors, console errors and
// console warnings. `setup(page, context)` runs before navigation (request listeners, init
// scripts). `path` may be a full URL; null skips navigation.
async function start(path, { contextOptions = {}, setup } = {}) {
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(() => {
    window.__roleCompareEvents = [];
    for (const name of ["role-compare-ready", "role-compare-error", "role-compare-change"]) {
      document.addEventListener(name, (e) =>
        window.__roleCompareEvents.push({
          type: e.type,
          detail: e.detail,
          bubbles: e.bubbles,
          composed: e.composed,
          id: e.target?.id ?? "",
        }),
      );
    }
  });
  const page = await context.newPage();
  const log = { pageErrors: [], consoleErrors: [], warnings: [] };
  page.on("pageerror", (e) => log.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") log.consoleErrors.push(m.text());
    if (m.type() === "warning") log.warnings.push(m.text());
  });
  if (setup) await setup(page, context);
  if (path !== null) await page.goto(/^[a-z]+:/.test(path) ? path : url(path));
  return { context, page, log };
}

// Asserts the page stayed clean: no uncaught errors, no console errors but the allowed ones.
function assertClean(log, allowedConsoleErrors = []) {
  assert.deepEqual(log.pageErrors, [], "uncaught page errors");
  const unexpected = log.consoleErrors.filter((text) => !allowedConsoleErrors.some((re) => re.test(text)));
  assert.deepEqual(unexpected, [], "console errors");
}

// Retries `check` (which throws on failure) until it passes or `timeout` ms have passed.
async function eventually(check, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// Waits until `count` widgets matched by `host` have mounted (their live count line is drawn).
async function mounted(page, host = "role-compare", count = 1) {
  await page.waitForFunction(
    ([sel, n, live]) =>
      [...document.querySelectorAll(sel)].filter((el) => el.shadowRoot?.querySelector(`${live} [part~=count]`))
        .length >= n,
    [host, count, LIVE],
    { timeout: MOUNT_TIMEOUT },
  );
}

const headers = (page, which) => widget(page, which).headers();
const recorded = (page) => page.evaluate(() => window.__roleCompareEvents);

// The widget in the iframe `frame` (a selector) on `page`, once it is live.
async function frameWidget(page, frame) {
  const handle = await page.waitForSelector(frame);
  const w = widget(await handle.contentFrame());
  await w.ready(MOUNT_TIMEOUT);
  return w;
}

// "Showing S of T statements on R of N topics" (or "Showing all T statements on N topics") as
// numbers: { statements: S, topics: R }; zeros for "No statements match the filters".
function counted(line) {
  const all = line.match(/^Showing all (\d+) statements? on (\d+) topics?/);
  if (all) return { statements: Number(all[1]), topics: Number(all[2]) };
  const some = line.match(/^Showing (\d+) of \d+ statements? on (\d+) of \d+ topics?/);
  if (some) return { statements: Number(some[1]), topics: Number(some[2]) };
  assert.equal(line, "No statements match the filters");
  return { statements: 0, topics: 0 };
}

// Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour.
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

// ---------------------------------------------------------------------------------------------

test("university.html: host CSS does not reach inside; documented custom properties do", async () => {
  const { context, page, log } = await start("examples/university.html");
  try {
    await mounted(page);
    const w = widget(page);
    // The hostile theme is really active on the page itself.
    const masthead = await page.$eval(".masthead", (el) => getComputedStyle(el).backgroundColor);
    assert.equal(masthead, "rgb(0, 40, 85)");

    // `button { display: none !important }` does not hide the widget's buttons.
    const reset = w.locator("button[part~=reset]");
    assert.equal(await reset.count(), 1);
    assert.ok(await reset.isVisible(), "the Reset button is visible");
    assert.notEqual(await reset.evaluate((el) => getComputedStyle(el).display), "none");

    // `table, td, th { border: 3px solid hotpink; background: yellow }` does not reach the table.
    const cell = await w.locator("[part~=table] tbody td").first().evaluate((td) => {
      const s = getComputedStyle(td);
      return { background: s.backgroundColor, border: s.borderTopColor, width: s.borderTopWidth };
    });
    assert.notEqual(cell.background, "rgb(255, 255, 0)", "td background is not the host's yellow");
    assert.notEqual(cell.border, "rgb(255, 105, 180)", "td border is not the host's hotpink");
    assert.notEqual(cell.width, "3px");

    // `div { letter-spacing: 0.2em }` stays outside too.
    assert.equal(await w.locator("[part~=root]").evaluate((el) => getComputedStyle(el).letterSpacing), "normal");

    // --role-compare-accent and --role-compare-font do apply.
    const abbr = w.locator(`[part~=table] ${HEADERS}`).first();
    assert.equal(await abbr.evaluate((el) => getComputedStyle(el).color), "rgb(0, 40, 85)");
    const font = await w.locator("[part~=table]").evaluate((el) => getComputedStyle(el).fontFamily);
    assert.match(font, /^Georgia\b/, `font-family inside the widget: ${font}`);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("blog.html at 375 px: roles and mode attributes apply; no horizontal scroll down to 320 px", async () => {
  const { context, page, log } = await start("examples/blog.html", {
    contextOptions: { viewport: { width: 375, height: 800 } },
  });
  try {
    await mounted(page);
    const w = widget(page);
    assert.deepEqual(await headers(page), ["CISO", "CSO"]);
    assert.ok(await w.locator("input[type=radio][value=differences]").isChecked());
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await eventually(async () => {
        const sizes = await w.inRoot((root) => {
          const doc = document.documentElement;
          const scroll = root.querySelector("[part~=scroll]");
          return {
            doc: [doc.scrollWidth, doc.clientWidth],
            widget: scroll ? [scroll.scrollWidth, scroll.clientWidth] : null,
          };
        });
        assert.ok(sizes.doc[0] <= sizes.doc[1], `document scrolls sideways at ${width} px: ${sizes.doc}`);
        assert.ok(sizes.widget, "the widget has a scroll container");
        assert.ok(sizes.widget[0] <= sizes.widget[1], `widget scrolls sideways at ${width} px: ${sizes.widget}`);
      }, 3_000);
    }
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("ten.html: ten independent widgets, the loader included twice", async () => {
  const wasmRequests = [];
  const { context, page, log } = await start("examples/ten.html", {
    setup: (p) => p.on("request", (r) => r.url().endsWith("/role_compare_bg.wasm") && wasmRequests.push(r.url())),
  });
  try {
    await mounted(page, "role-compare", 10);
    const widgets = page.locator("role-compare");
    assert.equal(await widgets.count(), 10);

    // Both copies of the loader ran; the element is defined once and the wasm fetched once.
    const loader = await page.evaluate(() => ({
      defined: typeof customElements.get("role-compare"),
      copies: performance
        .getEntriesByType("resource")
        .filter((e) => /\/role-compare\.js(\?copy=2)?$/.test(e.name))
        .map((e) => new URL(e.name).search),
    }));
    assert.equal(loader.defined, "function");
    assert.deepEqual(loader.copies.sort(), ["", "?copy=2"]);
    assert.equal(wasmRequests.length, 1, `wasm requests: ${wasmRequests}`);
    assert.equal((await recorded(page)).filter((e) => e.type === "role-compare-ready").length, 10);

    // Each widget's columns follow its own roles attribute (the role checkboxes and the column
    // headers), and each shows a comparison: with statement-level modes, mode="shared" over all
    // three roles shows the statements two or more of them share.
    const names = { cio: "CIO", ciso: "CISO", cso: "CSO" };
    const lines = [];
    for (let i = 0; i < 10; i++) {
      const w = widget(page, i);
      const roles = await widgets.nth(i).getAttribute("roles");
      const expected = roles ? roles.split(" ").map((r) => names[r]) : ["CIO", "CISO", "CSO"];
      const checked = await w.locator("input[type=checkbox][id*=-role-]:checked + abbr").allTextContents();
      assert.deepEqual(checked, expected, `widget ${i} role checkboxes`);
      assert.deepEqual(await w.headers(), expected, `widget ${i}`);
      const line = await w.count();
      assert.ok(counted(line).statements > 0, `widget ${i}: ${line}`);
      lines.push(line);
    }

    // Ids are unique inside each shadow root, and no two roots share one (distinct prefixes).
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll("role-compare")].map((el) =>
        [...el.shadowRoot.querySelectorAll("[id]")].map((n) => n.id),
      ),
    );
    const prefixes = ids.map((list) => list.find((id) => id.endsWith("-search")).replace(/-search$/, ""));
    assert.equal(new Set(prefixes).size, 10, `prefixes: ${prefixes}`);
    const seen = new Map();
    ids.forEach((list, i) => {
      assert.equal(new Set(list).size, list.length, `duplicate id inside widget ${i}`);
      assert.ok(list.every((id) => id.startsWith(`${prefixes[i]}-`)), `widget ${i} ids share its prefix`);
      for (const id of list) {
        assert.ok(!seen.has(id), `id ${id} in widgets ${seen.get(id)} and ${i}`);
        seen.set(id, i);
      }
    });

    // A filter change in the first widget (CIO and CISO, "Differences only": the statements both
    // share drop out) changes only that widget.
    const first = widget(page, 0);
    await first.setMode("differences");
    await first.countChanged(lines[0]);
    assert.ok(
      counted(await first.count()).statements < counted(lines[0]).statements,
      `${lines[0]} -> ${await first.count()}`,
    );
    for (let i = 1; i < 10; i++) {
      assert.equal(await widget(page, i).count(), lines[i], `widget ${i} count line`);
    }
    const changes = (await recorded(page)).filter((e) => e.type === "role-compare-change");
    assert.equal(changes.length, 1);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("csp.html: mounts under a strict CSP with Trusted Types, without a violation", async () => {
  const { context, page, log } = await start("examples/csp.html", {
    setup: (_, ctx) =>
      ctx.addInitScript(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
        );
      }),
  });
  try {
    await mounted(page);
    assert.deepEqual(await headers(page), ["CIO", "CISO", "CSO"]);
    // Use the widget a little (More filters, search highlight, unfolded detail, popover), then
    // let any report arrive.
    const w = widget(page);
    await w.search("budget");
    await eventually(async () => assert.ok((await w.locator("mark").count()) > 0));
    await w.locator("tr[data-row] td [part~=citation]:visible").first().click();
    await w.locator("[part~=popover]").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.consoleErrors, []);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("sub-path: the demo served from /nested/role-compare/ loads everything from there", async () => {
  const requests = [];
  const { context, page, log } = await start("/nested/role-compare/index.html", {
    setup: (_, ctx) => ctx.on("request", (r) => requests.push(r.url())),
  });
  try {
    await mounted(page);
    assert.deepEqual(await headers(page), ["CIO", "CISO", "CSO"]);
    const origin = new URL(BASE_URL).origin;
    const ours = requests.filter((u) => u.startsWith(origin));
    const prefix = `${origin}/nested/role-compare/`;
    for (const file of ["role-compare.js", "role_compare.js", "role_compare_bg.wasm"]) {
      assert.ok(ours.includes(prefix + file), `${file} was requested from ${prefix}: ${ours}`);
    }
    assert.deepEqual(ours.filter((u) => !u.startsWith(prefix)), [], "requests outside the sub-path");
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("iframe.html: the embed page applies its query parameters; the parent grows the sized iframe", async () => {
  const { context, page, log } = await start("examples/iframe.html");
  try {
    const sized = await frameWidget(page, "#sized");
    await frameWidget(page, "#fixed");

    // The query string became attributes: CIO and CISO, differences only.
    assert.deepEqual(await sized.headers(), ["CIO", "CISO"]);
    assert.ok(await sized.locator("input[type=radio][value=differences]").isChecked());

    // The parent script grows the iframe (300 px in blog.css) to the height its page reports.
    await eventually(async () => {
      const m = await page.evaluate(() => {
        const frame = document.getElementById("sized");
        return { frame: frame.clientHeight, page: frame.contentDocument.documentElement.scrollHeight };
      });
      assert.ok(m.frame > 300, `iframe ${m.frame} px`);
      assert.ok(Math.abs(m.frame - m.page) <= 2, `iframe ${m.frame} px, its page ${m.page} px`);
    });
    assertClean(log);
  } finally {
    await context.close();
  }
});

test(
  "iframe.html: the sized iframe fits its content, and shrinks when the content does",
  async () => {
    const { context, page, log } = await start("examples/iframe.html");
    try {
      const sized = await frameWidget(page, "#sized");
      // "More filters" unfolded first: the search below is the only change measured.
      await sized.showMoreFilters();
      // Content height: the embedded page's <html> box (height: auto), not its scrollHeight.
      const fits = () =>
        eventually(async () => {
          const m = await page.evaluate(() => {
            const frame = document.getElementById("sized");
            const content = frame.contentDocument.documentElement.getBoundingClientRect().height;
            return { frame: frame.clientHeight, content: Math.ceil(content) };
          });
          assert.ok(Math.abs(m.frame - m.content) <= 2, `iframe ${m.frame} px, content ${m.content} px`);
          return m;
        }, 5_000);
      const tall = await fits();
      await sized.search("budget");
      const short = await fits();
      assert.ok(short.frame < tall.frame, `the iframe shrank: ${tall.frame} -> ${short.frame}`);
      assertClean(log);
    } finally {
      await context.close();
    }
  },
);

test("iframe-fixed.html: a plain iframe without the parent script keeps its 700 px", async () => {
  const { context, page, log } = await start("examples/iframe-fixed.html");
  try {
    const fixed = await frameWidget(page, "#fixed");
    assert.deepEqual(await fixed.headers(), ["CIO", "CISO", "CSO"]);
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const frame = document.getElementById("fixed");
      return { frame: frame.clientHeight, inner: frame.contentDocument.documentElement.scrollHeight };
    });
    assert.equal(m.frame, 700);
    assert.ok(m.inner > 700, "the widget scrolls inside the iframe");
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("offline single file: works from file:// with no network request", async () => {
  const file = pathToFileURL(join(process.cwd(), "dist", "role-compare-offline.html")).href;
  const requests = [];
  const { context, page, log } = await start(file, {
    setup: (_, ctx) => ctx.on("request", (r) => requests.push(r.url())),
  });
  try {
    await mounted(page);
    assert.deepEqual(await headers(page), ["CIO", "CISO", "CSO"]);
    const outside = requests.filter((u) => !/^(file|blob|data):/.test(u));
    assert.deepEqual(outside, [], "requests other than file:, blob: and data:");
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("index.html: live attribute changes (roles, mode, search, theme, invalid roles)", async () => {
  const { context, page, log } = await start("index.html");
  try {
    await mounted(page);
    const w = widget(page);
    const set = (name, value) => w.setAttribute(name, value);

    await set("roles", "cio cso");
    await eventually(async () => assert.deepEqual(await headers(page), ["CIO", "CSO"]));

    // "Shared only" shows just the statements two or more compared roles share: with CIO and
    // CISO, each statement the two share, in a line marked as shared by both (the mode opens the
    // sourced detail).
    await set("roles", "cio ciso");
    await set("mode", "shared");
    await eventually(async () => {
      const cells = await w.inRoot((root) =>
        [...root.querySelectorAll("[part~=table] tbody li[data-claim]")]
          .filter((li) => li.checkVisibility())
          .map((li) => li.closest("td")?.dataset.role ?? ""),
      );
      assert.ok(cells.length > 0, "some shared statements are shown");
      assert.ok(cells.every((r) => r === "Shared by CIO and CISO"), `statements shown in: ${cells}`);
    });
    assert.ok(await w.locator("input[type=radio][value=shared]").isChecked());
    await set("mode", null);

    await set("search", "budget");
    await eventually(async () => {
      const marks = await w.locator("mark").allTextContents();
      assert.ok(marks.length > 0, "search matches are marked");
      assert.ok(marks.every((m) => m.toLowerCase() === "budget"), `marks: ${marks}`);
    });
    await set("search", null);

    const background = () => page.$eval("role-compare", (el) => getComputedStyle(el).backgroundColor);
    assert.ok(luminance(await background()) > 0.8, "light by default");
    await set("theme", "dark");
    await eventually(async () => {
      const dark = await background();
      assert.ok(luminance(dark) < 0.05, `dark theme background ${dark}`);
    });
    await set("theme", null);

    const before = log.warnings.length;
    await set("roles", "ciso nobody cso");
    // The unknown id is dropped with one warning listing the valid ids.
    await eventually(async () => assert.deepEqual(await headers(page), ["CISO", "CSO"]));
    await page.waitForTimeout(200);
    const warnings = log.warnings.slice(before);
    assert.equal(warnings.length, 1, `warnings: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /roles="ciso nobody cso"/);
    assert.match(warnings[0], /"nobody"/);
    assert.match(warnings[0], /valid values: cio ciso cso/);
    // One valid role is not a comparison: the default roles (all three, in the bundled dataset)
    // are compared, with a warning saying so.
    await set("roles", "cio nobody");
    await eventually(async () => assert.deepEqual(await headers(page), ["CIO", "CISO", "CSO"]));
    await page.waitForTimeout(200);
    const more = log.warnings.slice(before + 1);
    assert.equal(more.length, 2, `warnings: ${JSON.stringify(more)}`);
    assert.match(more[1], /roles="cio" names one role; comparing the default roles/);
    assert.match(more[1], /cio ciso cso/);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("index.html: change event, state property, data property (valid and invalid)", async () => {
  const { context, page, log } = await start("index.html");
  try {
    await mounted(page);
    const w = widget(page);
    // A UI change: one bubbling, composed role-compare-change whose detail is the `state` object
    // plus what the filters show (README: Events).
    await w.setMode("differences");
    const change = await eventually(async () => {
      const changes = (await recorded(page)).filter((e) => e.type === "role-compare-change");
      assert.equal(changes.length, 1);
      return changes[0];
    });
    assert.equal(change.bubbles, true);
    assert.equal(change.composed, true);
    assert.deepEqual(Object.keys(change.detail).sort(), [
      "detail",
      "dutyTopic",
      "facets",
      "issuer",
      "mode",
      "roles",
      "search",
      "suits",
      "target",
      "visibleRows",
      "visibleStatements",
    ]);
    // Every compared role and shown section is listed (never [] for "all").
    assert.deepEqual(change.detail.roles, ["cio", "ciso", "cso"]);
    assert.deepEqual(change.detail.facets, DATASET_FACETS);
    assert.equal(change.detail.mode, "differences");
    assert.equal(change.detail.search, "");
    // The counts are what the table shows and the count line says.
    const shown = await w.shown();
    assert.equal(change.detail.visibleRows, shown.topics.length);
    assert.equal(change.detail.visibleStatements, shown.statements.length);
    assert.deepEqual(counted(await w.count()), { statements: shown.statements.length, topics: shown.topics.length });

    // state: read the filters (the same object as the event's detail), then set them.
    const state = await w.state();
    const { visibleRows, visibleStatements, ...filters } = change.detail;
    assert.deepEqual(state, filters);
    assert.ok(visibleRows > 0 && visibleStatements > 0);
    await w.evaluate((el) => {
      el.state = { roles: ["cio", "ciso"], mode: "shared", search: "" };
    });
    await eventually(async () => assert.deepEqual(await headers(page), ["CIO", "CISO"]));
    assert.ok(await w.locator("input[type=radio][value=shared]").isChecked());
    await eventually(async () => {
      const now = await page.$eval("role-compare", (el) => el.state);
      assert.deepEqual([now.roles, now.mode], [["cio", "ciso"], "shared"]);
    });

    // data: a valid host dataset replaces the bundled one.
    await page.$eval("role-compare", (el, data) => {
      el.data = data;
    }, SMALL_DATASET);
    await eventually(async () => assert.deepEqual(await headers(page), ["CMO", "CHRO"]));
    assert.equal(await w.locator("[part~=error]").count(), 0);
    assert.ok((await w.locator("[part~=table]").textContent()).includes("Hires and develops the staff."));

    // data: an invalid one is refused with the validator's paths; the previous content stays.
    const invalid = structuredClone(SMALL_DATASET);
    invalid.claims[1].sources[0].source = "s9";
    await page.$eval("role-compare", (el, data) => {
      el.data = data;
    }, invalid);
    const panel = w.locator("[part~=error][role=alert]");
    await panel.waitFor({ timeout: 5_000 });
    assert.match(await panel.textContent(), /claims\[1\]\.sources\[0\]: unknown source "s9"/);
    const errors = (await recorded(page)).filter((e) => e.type === "role-compare-error");
    assert.equal(errors.length, 1);
    assert.ok(Array.isArray(errors[0].detail.problems));
    assert.ok(
      errors[0].detail.problems.some((p) => p.includes('claims[1].sources[0]: unknown source "s9"')),
      `problems: ${errors[0].detail.problems}`,
    );
    assert.equal(errors[0].bubbles && errors[0].composed, true);
    assert.deepEqual(await headers(page), ["CMO", "CHRO"], "the previous dataset is still shown");
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("src: a dataset URL loads; a 404, a non-JSON answer and an invalid dataset show the error", async () => {
  const { context, page, log } = await start("examples/src.html");
  try {
    await mounted(page, "role-compare", 4);
    await eventually(async () => assert.deepEqual(await headers(page, "#good"), ["CTO", "CDO"]));
    assert.equal(await widget(page, "#good").locator("[part~=error]").count(), 0);

    const cases = [
      ["#missing", /could not load the dataset: HTTP 404/],
      ["#not-json", /the dataset from src=".*" is invalid[\s\S]*not JSON: expected a value at line 1, column 1/],
      ["#broken", /claims\[1\]\.sources\[0\]: unknown source "s9"/],
    ];
    for (const [host, text] of cases) {
      const panel = widget(page, host).locator("[part~=error][role=alert]");
      await panel.waitFor({ timeout: 5_000 });
      assert.match(await panel.textContent(), text, host);
      // The widget keeps what it showed before: the bundled comparison.
      assert.deepEqual(await headers(page, host), ["CIO", "CISO", "CSO"], host);
    }
    const errors = (await recorded(page)).filter((e) => e.type === "role-compare-error");
    assert.deepEqual(errors.map((e) => e.id).sort(), ["broken", "missing", "not-json"]);
    // `where` names the src attribute ("src" for a failed load, `src="…"` for an invalid dataset).
    for (const e of errors) assert.match(e.detail.where, /^src\b/, e.id);

    // Changing src on a live widget loads the new URL.
    await page.$eval("#missing", (el) => el.setAttribute("src", "custom-dataset.json"));
    await eventually(async () => assert.deepEqual(await headers(page, "#missing"), ["CTO", "CDO"]));
    assertClean(log, [/Failed to load resource: .*404/]);
  } finally {
    await context.close();
  }
});

test("inline JSON: a <script type=application/json> child is the dataset", async () => {
  const { context, page, log } = await start("examples/inline.html");
  try {
    await mounted(page);
    await eventually(async () => assert.deepEqual(await headers(page), ["CFO", "COO"]));
    const body = await widget(page).locator("[part~=table]").textContent();
    assert.ok(body.includes("Draws up the yearly budget"), body);
    assert.equal(await widget(page).locator("[part~=error]").count(), 0);
    assert.equal((await recorded(page)).filter((e) => e.type === "role-compare-error").length, 0);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("lazy loading: the wasm is fetched only near the viewport; loading=eager fetches at once", async () => {
  const isCode = (u) => /\/role_compare(_bg\.wasm|\.js)$/.test(u);
  const lazyRequests = [];
  const lazy = await start("examples/lazy.html", {
    setup: (p) => p.on("request", (r) => isCode(r.url()) && lazyRequests.push(r.url())),
  });
  try {
    await lazy.page.waitForLoadState("networkidle");
    await lazy.page.waitForTimeout(300);
    assert.deepEqual(lazyRequests, [], "nothing of the widget's code is fetched far from the viewport");
    assert.equal(await widget(lazy.page).isLive(), false);

    const wasm = lazy.page.waitForRequest((r) => r.url().endsWith("/role_compare_bg.wasm"), { timeout: 10_000 });
    await lazy.page.evaluate(() => document.getElementById("comparison").scrollIntoView());
    await wasm;
    await mounted(lazy.page);
    assert.deepEqual(await headers(lazy.page), ["CIO", "CISO", "CSO"]);
    assertClean(lazy.log);
  } finally {
    await lazy.context.close();
  }

  const eager = await start(null);
  try {
    const wasm = eager.page.waitForRequest((r) => r.url().endsWith("/role_compare_bg.wasm"), { timeout: 10_000 });
    await eager.page.goto(url("examples/eager.html"));
    await wasm;
    await mounted(eager.page);
    assert.equal(await eager.page.evaluate(() => window.scrollY), 0, "mounted without any scrolling");
    assertClean(eager.log);
  } finally {
    await eager.context.close();
  }
});

test("prerendered fallback: in the HTML, shown without JS, and the upgrade does not shift layout", async () => {
  // The served HTML carries the fallback table inside <role-compare>, in a declarative shadow
  // root that links the widget's stylesheet, with the no-JS marker before it.
  const html = await (await fetch(url("index.html"))).text();
  const inside = html.slice(html.indexOf("<role-compare"), html.indexOf("</role-compare>"));
  assert.match(inside, /^<role-compare><template shadowrootmode="open"><link rel="stylesheet" href="role-compare.css"><noscript><i class="rc-nojs"><\/i><\/noscript><div data-role-compare-fallback>/);
  assert.match(inside, /<table/);
  assert.equal((inside.match(/<th[^>]*scope="col"/g) ?? []).length, 3);
  const css = await fetch(url("role-compare.css"));
  assert.equal(css.status, 200);
  assert.match(css.headers.get("content-type") ?? "", /^text\/css/);

  // Without JavaScript: the parser attaches the shadow root and the stylesheet styles the
  // fallback; nothing can fold or filter, so every row and every disagreement of the detail
  // shows and the controls and fold buttons do not.
  const noJs = await start("index.html", { contextOptions: { javaScriptEnabled: false } });
  try {
    const fallback = noJs.page.locator("role-compare [data-role-compare-fallback]");
    assert.ok(await fallback.isVisible());
    assert.equal(await noJs.page.$eval("role-compare", (el) => el.shadowRoot?.firstElementChild?.localName), "link");
    const cols = fallback.locator("thead th[scope=col]");
    assert.equal(await cols.count(), 3);
    assert.deepEqual(await fallback.locator(HEADERS).allTextContents(), ["CIO", "CISO", "CSO"]);
    assert.ok(await cols.first().isVisible());
    assert.equal(await fallback.locator("[part~=controls]").count(), 1);
    assert.ok(await fallback.locator("[part~=controls]").isHidden(), "controls are hidden without JS");
    assert.ok(await fallback.locator(".rc-fold").first().isHidden(), "fold buttons are hidden without JS");
    const seen = await noJs.page.$eval("role-compare", (el) => {
      const root = el.shadowRoot;
      const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
      return {
        // Styled: the visually hidden text is clipped, as only the stylesheet does.
        vh: getComputedStyle(root.querySelector(".rc-vh")).position,
        folded: root.querySelectorAll(".rc-collapsed tr.rc-row-data").length,
        rows: root.querySelectorAll("tr.rc-row-data:not([hidden])").length,
        rowsShown: shown("tr.rc-row-data:not([hidden])"),
        conflicts: root.querySelectorAll("tbody:not(.rc-keys) .rc-conflict-body").length,
        conflictsShown: shown("tbody:not(.rc-keys) .rc-conflict-body"),
        keyConflictsShown: shown(".rc-keys .rc-conflict-body"),
      };
    });
    assert.equal(seen.vh, "absolute", "the linked stylesheet styles the fallback");
    assert.ok(seen.folded > 0, "the default view folds sections");
    assert.equal(seen.rowsShown, seen.rows, `every row shows without JS (${JSON.stringify(seen)})`);
    assert.ok(seen.conflicts > 0);
    assert.equal(seen.conflictsShown, seen.conflicts, "every disagreement in the detail shows without JS");
    assert.equal(seen.keyConflictsShown, 0, "the key lines keep theirs folded");
    assertClean(noJs.log);
  } finally {
    await noJs.context.close();
  }

  // With JavaScript: the cumulative layout shift from navigation to well after the upgrade, on a
  // desktop and a phone viewport.
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 375, height: 800 },
  ]) {
    const withJs = await start("index.html", {
      contextOptions: { viewport },
      setup: (_, ctx) =>
        ctx.addInitScript(() => {
          window.__cls = 0;
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (entry.hadRecentInput) continue;
              window.__cls += entry.value;
              window.__shifts.push(entry.value);
            }
          }).observe({ type: "layout-shift", buffered: true });
        }),
    });
    try {
      await mounted(withJs.page);
      await withJs.page.waitForTimeout(500);
      const { cls, shifts } = await withJs.page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
      console.log(
        `CLS while index.html loads and the widget upgrades at ${viewport.width}x${viewport.height}: ` +
          `${cls.toFixed(4)} (${shifts.length} shifts)`,
      );
      assert.ok(cls < 0.1, `CLS ${cls} (shifts ${shifts})`);
      // The live widget took the declarative fallback's place (and its <link>: the loader's
      // adopted stylesheet styles it).
      assert.deepEqual(
        await withJs.page.$eval("role-compare", (el) => [...el.shadowRoot.children].map((c) => c.className)),
        ["rc-mount"],
      );
      assert.equal(await withJs.page.locator("role-compare [data-role-compare-fallback]").count(), 0);
      assertClean(withJs.log);
    } finally {
      await withJs.context.close();
    }
  }
});

test("a declarative fallback the parser did not attach (set through innerHTML, or a browser without declarative shadow DOM) is taken over by the loader", async () => {
  const { context, page, log } = await start("index.html");
  try {
    await mounted(page);
    const html = await (await fetch(url("index.html"))).text();
    const template = html.slice(html.indexOf("<template shadowrootmode"), html.indexOf("</template>") + "</template>".length);
    const before = await page.evaluate((markup) => {
      const el = document.createElement("role-compare");
      el.id = "late";
      el.setAttribute("loading", "eager");
      el.setAttribute("roles", "cio ciso");
      // innerHTML never attaches a declarative shadow root: the <template> stays a child.
      el.innerHTML = markup;
      const parsed = { root: el.shadowRoot !== null, template: el.children[0]?.localName };
      document.querySelector("main").append(el);
      // connectedCallback ran: the template's content is in the shadow root, as the fallback.
      return {
        ...parsed,
        after: el.querySelector("template") !== null,
        fallback: !!el.shadowRoot?.querySelector("[data-role-compare-fallback]"),
        inert: el.shadowRoot?.querySelector("[data-role-compare-fallback]")?.inert,
      };
    }, template);
    assert.deepEqual(before, { root: false, template: "template", after: false, fallback: true, inert: true });
    await mounted(page, "role-compare#late");
    assert.deepEqual(await headers(page, "#late"), ["CIO", "CISO"]);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("sync-url: the state goes into the hash and comes back on reload", async () => {
  const { context, page, log } = await start("examples/sync.html");
  try {
    await mounted(page);
    const w = widget(page);
    await w.setMode("differences");
    const hashState = () =>
      page.evaluate(() => {
        const raw = new URLSearchParams(location.hash.slice(1)).get("role-compare-synced");
        return raw ? JSON.parse(raw) : null;
      });
    await eventually(async () => assert.equal((await hashState())?.mode, "differences"));
    // The hash holds the `state` object itself (README: Properties).
    assert.deepEqual(await hashState(), await w.state());

    await page.reload();
    await mounted(page);
    await eventually(async () => {
      assert.ok(await w.locator("input[type=radio][value=differences]").isChecked());
      assert.equal((await w.state()).mode, "differences");
    });

    // The widget also follows the hash when it changes (back/forward, a pasted link).
    await page.evaluate(() => {
      const params = new URLSearchParams(location.hash.slice(1));
      params.set("role-compare-synced", JSON.stringify({ mode: "shared", roles: ["cio", "ciso"] }));
      location.hash = params.toString();
    });
    await eventually(async () => {
      assert.ok(await w.locator("input[type=radio][value=shared]").isChecked());
      assert.deepEqual(await headers(page), ["CIO", "CISO"]);
    });
    assertClean(log);
  } finally {
    await context.close();
  }
});

// Removes the element and appends it again to the same parent, `times` times.
function reinsert(page, times = 1) {
  return page.evaluate((n) => {
    const el = document.querySelector("role-compare");
    const parent = el.parentNode;
    for (let i = 0; i < n; i++) {
      el.remove();
      parent.append(el);
    }
  }, times);
}

// Picks a mode with its radio button (behind "More filters") and returns the change events that
// follow (after a quiet moment).
async function changeModeAndCount(page, mode) {
  const before = (await recorded(page)).filter((e) => e.type === "role-compare-change").length;
  await widget(page).setMode(mode);
  await eventually(async () =>
    assert.ok((await recorded(page)).filter((e) => e.type === "role-compare-change").length > before),
  );
  await page.waitForTimeout(300);
  return (await recorded(page)).filter((e) => e.type === "role-compare-change").slice(before);
}

test("re-insertion: removed and re-appended, the widget is live again with one set of listeners", async () => {
  const { context, page, log } = await start("index.html");
  try {
    await mounted(page);
    await reinsert(page);
    await mounted(page);
    const mounts = () => page.$eval("role-compare", (el, live) => el.shadowRoot.querySelectorAll(live).length, LIVE);
    assert.equal(await mounts(), 1);
    assert.deepEqual(await headers(page), ["CIO", "CISO", "CSO"]);

    let changes = await changeModeAndCount(page, "shared");
    assert.equal(changes.length, 1, "one UI change, one change event");
    assert.equal(changes[0].detail.mode, "shared");

    // Again, several times over: still one widget, one event per change, attributes still live.
    await reinsert(page, 3);
    assert.equal(await mounts(), 1);
    changes = await changeModeAndCount(page, "differences");
    assert.equal(changes.length, 1, "one UI change, one change event after three more re-insertions");
    await page.$eval("role-compare", (el) => el.setAttribute("roles", "ciso cso"));
    await eventually(async () => assert.deepEqual(await headers(page), ["CISO", "CSO"]));
    assertClean(log);
  } finally {
    await context.close();
  }
});

test("re-insertion with sync-url: one change writes the hash once, and the hash is still followed", async () => {
  const { context, page, log } = await start("examples/sync.html", {
    setup: (_, ctx) =>
      ctx.addInitScript(() => {
        window.__hashWrites = 0;
        const replace = history.replaceState.bind(history);
        history.replaceState = (...args) => {
          window.__hashWrites += 1;
          return replace(...args);
        };
      }),
  });
  try {
    await mounted(page);
    await reinsert(page, 2);
    await mounted(page);
    await page.evaluate(() => {
      window.__hashWrites = 0;
    });
    const changes = await changeModeAndCount(page, "shared");
    assert.equal(changes.length, 1);
    assert.equal(await page.evaluate(() => window.__hashWrites), 1, "history.replaceState calls for one change");

    await page.evaluate(() => {
      location.hash = new URLSearchParams({ "role-compare-synced": JSON.stringify({ mode: "differences" }) }).toString();
    });
    await eventually(async () => assert.ok(await widget(page).locator("input[type=radio][value=differences]").isChecked()));
    assertClean(log);
  } finally {
    await context.close();
  }
});
