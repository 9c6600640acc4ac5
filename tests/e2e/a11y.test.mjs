// Accessibility, end to end: WCAG 2.2 AA in every state, keyboard first, readable at 320 px,
// at 200 % zoom, in forced colours and in print.
//
// - An axe-core matrix: every state below (reached through the widget's real controls) in every
//   look (light, dark by prefers-color-scheme, dark by the `theme` attribute) at 320 and 1280 CSS
//   px, audited inside the open shadow root with the WCAG 2.0/2.1/2.2 A and AA rules; plus the
//   no-JS fallback (javaScriptEnabled: false), audited in the light DOM.
// - A comparison done by keyboard alone, asserting at every step which element has focus (and
//   that it is the next one in document order) and that the focus ring is drawn with a contrast
//   of at least 3:1 against what is behind it; Tab leaves the widget after its last control.
// - Screen-reader semantics, read both from the DOM and from Chromium's own accessibility tree
//   (CDP Accessibility.getFullAXTree): caption, column and row headers, the live status, the
//   citation markers' names, the chart's role, name and visible description.
// - Reflow at 320 px, 200 % zoom, WCAG text spacing, forced colours, reduced motion and print.
//
// The live widget is `role-compare .rc-mount` in the shadow root; until the wasm has mounted the
// shadow root holds an inert prerendered copy, so every test waits for the mount (and for the
// `role-compare-ready` event that browser.mjs records) before it looks at anything.
//
// Set A11Y_SHOTS=<dir> to save the screenshots this spec takes at its key moments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BASE_URL, launch, open } from "./browser.mjs";

const ROOT = new URL("../../", import.meta.url);
const AXE_PATH = fileURLToPath(new URL("node_modules/axe-core/axe.min.js", ROOT));
const DATASET = JSON.parse(readFileSync(new URL("src/data/roles.json", ROOT), "utf8"));
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FILTER_FACETS = DATASET.facets.filter((f) => f.filter).map((f) => f.id);
const SHOTS = process.env.A11Y_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

// The live widget (the first <role-compare> on the demo page, id prefix "rc1"). Playwright's CSS
// engine pierces open shadow roots, and `.rc-mount` exists only once the wasm has mounted.
const widget = (page) => page.locator("role-compare .rc-mount");
const inWidget = (page, selector) => widget(page).locator(selector);

// Opens the demo page with `options` (a browser context's options) and waits for the live widget.
async function openWidget(options = {}, { theme } = {}) {
  const opened = await open(browser, "index.html", options);
  const { page } = opened;
  await page.waitForFunction(
    () =>
      window.__roleCompareEvents.some((e) => e.type === "role-compare-ready") &&
      !!document.querySelector("role-compare")?.shadowRoot?.querySelector(".rc-mount .rc-count"),
    null,
    { timeout: 30_000 },
  );
  if (theme) await page.evaluate((t) => document.querySelector("role-compare").setAttribute("theme", t), theme);
  return opened;
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// The status line's text.
const statusText = (page) => inWidget(page, "[role=status]").textContent();

// Waits until the status line no longer reads `before` (a filter change has been drawn).
async function statusChanged(page, before) {
  await page.waitForFunction(
    (b) => document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount [role=status]")?.textContent !== b,
    before,
    { timeout: 5_000 },
  );
}

// Back to the default filters with no popover open, through the widget's own controls.
async function resetWidget(page) {
  const reset = inWidget(page, "form.rc-controls [part=reset]");
  if (await reset.isEnabled()) await reset.click();
  const expanded = inWidget(page, "[aria-expanded=true]");
  // A disclosure may hold an open citation: closing the outermost closes both.
  while ((await expanded.count()) > 0) await expanded.first().click();
  await page.waitForFunction(
    () => /^Showing all /.test(document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount [role=status]")?.textContent),
  );
}

// Runs axe over the widget (its shadow root included) and returns the violations as readable
// lines, plus the colour-contrast checks axe could not decide.
async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (tags) => axe.run({ include: [["role-compare"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }),
    AXE_TAGS,
  );
  const { violations, undecided } = summarize(result);
  // Text under an open popover cannot be measured while it is covered (axe says its background
  // is overlapped, or, for a one-digit marker, that it is too short to judge); it is measured in
  // the states without a popover.
  const covered = await page.evaluate((targets) => {
    const pop = document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount .rc-pop");
    if (!pop) return targets.map(() => false);
    const p = pop.getBoundingClientRect();
    return targets.map(([host, inner]) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector(inner);
      const r = el?.getBoundingClientRect();
      return !!r && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top;
    });
  }, undecided.map((u) => u.target));
  return { violations, undecided: undecided.filter((_, i) => !covered[i]).map((u) => u.line) };
}

// axe's results as readable lines; `undecided` keeps each node's target.
function summarize(result) {
  const violations = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.flat().join(" >> ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
  );
  // axe leaves text it cannot measure as "incomplete". Two kinds are expected and accounted for:
  // the decorative (aria-hidden) warning glyph of "Sources disagree", drawn in the colour of the
  // button's text, which axe does measure; and the chart's SVG labels, measured by
  // `chartTextContrast`. Anything else fails the audit.
  const undecided = result.incomplete
    .filter((v) => v.id === "color-contrast")
    .flatMap((v) => v.nodes)
    .filter((n) => !/^<span aria-hidden="true">/.test(n.html) && !/^<text /.test(n.html))
    .map((n) => ({
      target: n.target.flat(),
      line: `color-contrast undecided: ${n.target.flat().join(" >> ")}: ${n.any.map((a) => `${a.message} ${JSON.stringify(a.data)}`).join("; ")}`,
    }));
  return { violations, undecided };
}

// Contrast of each chart label (SVG <text>, which axe cannot measure) against its box's fill.
function chartTextContrast(page) {
  return page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    return [...root.querySelectorAll(".rc-mount .rc-chart-node")].map((g) => ({
      label: g.querySelector("text").textContent,
      text: getComputedStyle(g.querySelector("text")).fill,
      box: getComputedStyle(g.querySelector("rect")).fill,
    }));
  });
}

// --- colour arithmetic (WCAG 2.2 relative luminance and contrast ratio) ---

// [r, g, b, a] (0–255, alpha 0–1) for any CSS colour the browser computed, normalised by
// painting it on a canvas (so rgb(), color(srgb …) and system colours all work).
const COLOR_IN_PAGE = `(c) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = "rgba(0, 0, 0, 0)";
  ctx.fillStyle = c;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}`;

function luminance([r, g, b]) {
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// `top` (with alpha) painted over the opaque `bottom`.
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
}

// The element that has focus, through shadow roots, described for assertions; `index` is its
// place in the widget's tab order (see `tabOrderInPage`), -1 outside the widget.
const FOCUSED_IN_PAGE = `() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const root = document.querySelector("role-compare").shadowRoot;
  const order = (${tabOrderInPage.toString()})(root);
  return {
    id: el?.id || null,
    tag: el?.tagName.toLowerCase() ?? null,
    type: el?.getAttribute("type") ?? null,
    className: typeof el?.className === "string" ? el.className : "",
    name: el ? (el.getAttribute("aria-label") ?? el.textContent.trim().replace(/\\s+/g, " ")) : null,
    inWidget: !!el && root.contains(el),
    index: order.indexOf(el),
    count: order.length,
  };
}`;

// The widget's keyboard-focusable elements in document order, which is the order Tab must take
// (no positive tabindex; only the checked radio of a group; hidden and disabled ones skipped).
function tabOrderInPage(root) {
  const candidates = root.querySelectorAll(".rc-mount :is(a[href], button, input, select, textarea, [tabindex])");
  return [...candidates].filter((el) => {
    if (el.disabled || el.tabIndex < 0 || !el.checkVisibility({ visibilityProperty: true })) return false;
    if (el.type === "radio" && el.name) {
      const group = [...root.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
      const checked = group.find((r) => r.checked);
      return checked ? el === checked : el === group[0];
    }
    return true;
  });
}

const focused = (page) => page.evaluate(`(${FOCUSED_IN_PAGE})()`);

// The focused element's outline and the colour behind it (the outline is drawn outside the
// element, over its ancestors' backgrounds, composited up the flat tree to the canvas).
async function focusRing(page) {
  const ring = await page.evaluate(`(() => {
    const color = ${COLOR_IN_PAGE};
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const s = getComputedStyle(el);
    const layers = [];
    for (let a = el.parentElement ?? el.getRootNode().host; a; a = a.parentElement ?? a.getRootNode().host ?? null) {
      const bg = color(getComputedStyle(a).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return {
      style: s.outlineStyle,
      width: parseFloat(s.outlineWidth),
      color: color(s.outlineColor),
      layers,
    };
  })()`);
  let behind = [255, 255, 255, 1];
  for (const layer of ring.layers.reverse()) behind = over(layer, behind);
  return { ...ring, behind, ratio: contrast(over(ring.color, behind), behind) };
}

async function assertRingVisible(page, what) {
  const ring = await focusRing(page);
  assert.notEqual(ring.style, "none", `${what}: no focus outline`);
  assert.ok(ring.width > 0, `${what}: outline width ${ring.width}`);
  assert.ok(ring.ratio >= 3, `${what}: focus outline contrast ${ring.ratio.toFixed(2)}:1 is below 3:1`);
  return ring;
}

// Presses Tab until `done(focused)`, asserting that every press moves to the next element of the
// widget's tab order and that each one shows its focus ring. Returns the element reached.
async function tabUntil(page, done, what, limit = 60) {
  for (let i = 0; i < limit; i++) {
    const before = await focused(page);
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (before.inWidget && before.index + 1 < before.count) {
      assert.equal(now.index, before.index + 1, `Tab from ${before.name} went to ${now.name}, not the next control`);
    }
    if (now.inWidget) await assertRingVisible(page, now.name);
    if (done(now)) return now;
  }
  assert.fail(`${what}: not reached in ${limit} presses of Tab`);
}

// Chromium's accessibility tree (not ignored nodes only), as { role, name, description }.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value, name: n.name?.value ?? "", description: n.description?.value ?? "" }));
}

// Anything in the widget that pokes out of it sideways, or is cut off by an overflow box.
// Visually hidden helpers (a 1 px clipped box, like .rc-vh or the stacked table's thead) and
// everything inside them are skipped: they are hidden on purpose.
function clipped(page) {
  return page.evaluate(() => {
    const host = document.querySelector("role-compare");
    const edge = host.getBoundingClientRect();
    const hiddenOnPurpose = (el) => {
      for (let a = el; a && a !== host; a = a.parentElement ?? a.getRootNode().host) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1 && getComputedStyle(a).overflow !== "visible") return true;
      }
      return false;
    };
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll(".rc-mount *")) {
      if (!el.checkVisibility() || hiddenOnPurpose(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const what = `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} "${el.textContent.trim().slice(0, 40)}"`;
      if (r.left < edge.left - 1 || r.right > edge.right + 1) {
        out.push(`${what} spans ${r.left.toFixed(0)}–${r.right.toFixed(0)}, the widget ${edge.left.toFixed(0)}–${edge.right.toFixed(0)}`);
      }
      const s = getComputedStyle(el);
      if (s.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${what} cuts off or scrolls its content: ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
    }
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// The states, each reached from the default through the widget's controls (or, for the error
// panel, the element's `data` property, the way a host page would break it).

// Exactly one popover is open, one marker says so, and it points at that popover.
async function assertOnePopover(page) {
  await inWidget(page, ".rc-pop").first().waitFor();
  const open = await page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    return {
      pops: [...root.querySelectorAll(".rc-mount .rc-pop")].map((p) => p.id),
      markers: [...root.querySelectorAll(".rc-mount .rc-cite[aria-expanded=true]")].map((b) => b.getAttribute("aria-controls")),
    };
  });
  assert.equal(open.pops.length, 1, `open popovers: ${open.pops.join(", ")}`);
  assert.deepEqual(open.markers, open.pops);
}

const uncheck = async (page, id) => {
  const box = inWidget(page, `#rc1-${id}`);
  if (await box.isChecked()) await box.click();
};

const STATES = [
  ["default", async () => {}],
  ...FILTER_FACETS.map((facet) => [
    `${facet} alone`,
    async (page) => {
      for (const other of FILTER_FACETS.filter((f) => f !== facet)) await uncheck(page, `facet-${other}`);
    },
  ]),
  ["differences only", (page) => inWidget(page, "#rc1-mode-differences").check()],
  ["shared only", (page) => inWidget(page, "#rc1-mode-shared").check()],
  ["two roles (CIO and CISO)", (page) => uncheck(page, "role-cso")],
  [
    "a search with results",
    async (page) => {
      await inWidget(page, "#rc1-search").fill("security");
      await inWidget(page, "td mark").first().waitFor();
    },
  ],
  [
    "a search with no results (empty state)",
    async (page) => {
      await inWidget(page, "#rc1-search").fill("qqqzzz");
      await inWidget(page, ".rc-empty").waitFor();
    },
  ],
  [
    "a citation popover open",
    async (page) => {
      await inWidget(page, "td .rc-cite").first().click();
      await assertOnePopover(page);
    },
  ],
  [
    // A statement about several roles is shown in each of their cells; its markers used to share
    // one popover key, so both opened at once with the same id.
    "a popover on a statement shown under two roles",
    async (page) => {
      const index = await page.evaluate(() => {
        const markers = [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-mount td .rc-cite")];
        const claim = (b) => b.closest("li[data-claim]").dataset.claim;
        const seen = new Map();
        for (const b of markers) seen.set(claim(b), (seen.get(claim(b)) ?? 0) + 1);
        return markers.findLastIndex((b) => seen.get(claim(b)) > 1);
      });
      assert.ok(index >= 0, "no statement shown under two roles");
      await inWidget(page, "td .rc-cite").nth(index).click();
      await assertOnePopover(page);
    },
  ],
  [
    "a conflict expanded",
    async (page) => {
      const button = inWidget(page, ".rc-conflict-button").first();
      await button.click();
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      await inWidget(page, ".rc-conflict-body:not([hidden])").first().waitFor();
    },
  ],
  [
    // Last: the notice stays until a valid dataset arrives.
    "the error panel (an invalid host dataset)",
    async (page) => {
      await page.evaluate(() => {
        document.querySelector("role-compare").data = { format: 1 };
      });
      await inWidget(page, ".rc-error").waitFor();
    },
  ],
];

const LOOKS = [
  { name: "light", context: { colorScheme: "light" }, dark: false },
  { name: "dark (prefers-color-scheme)", context: { colorScheme: "dark" }, dark: true },
  { name: 'dark (theme="dark" on a light page)', context: { colorScheme: "light" }, theme: "dark", dark: true },
];
const WIDTHS = [320, 1280];

// ---------------------------------------------------------------------------------------------
// axe matrix

for (const look of LOOKS) {
  for (const width of WIDTHS) {
    test(`axe: no WCAG 2.2 AA violations in any state, ${look.name}, ${width} px`, async (t) => {
      const { context, page, problems } = await openWidget(
        { ...look.context, viewport: { width, height: 900 } },
        { theme: look.theme },
      );
      // The look really is in force: the widget's background is dark or light as asked.
      const bg = await page.evaluate(`(${COLOR_IN_PAGE})(getComputedStyle(document.querySelector("role-compare")).backgroundColor)`);
      assert.equal(luminance(bg) < 0.1, look.dark, `background ${bg} for ${look.name}`);

      for (const [name, reach] of STATES) {
        await t.test(name, async () => {
          await resetWidget(page);
          await reach(page);
          const { violations, undecided } = await audit(page);
          assert.deepEqual(violations, [], `axe violations in "${name}"`);
          assert.deepEqual(undecided, [], `text whose contrast axe could not decide in "${name}"`);
          if (name === "default") {
            for (const label of await chartTextContrast(page)) {
              const ratio = contrast(
                await page.evaluate(`(${COLOR_IN_PAGE})(${JSON.stringify(label.text)})`),
                await page.evaluate(`(${COLOR_IN_PAGE})(${JSON.stringify(label.box)})`),
              );
              assert.ok(ratio >= 4.5, `chart label ${label.label}: contrast ${ratio.toFixed(2)}:1`);
            }
          }
        });
      }
      if (SHOTS && width === 320 && look.dark) {
        await inWidget(page, ".rc-error").scrollIntoViewIfNeeded();
        await shot(page, `axe-${look.theme ? "theme-dark" : "dark"}-320-error`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('axe: theme="light" on a dark page stays light and clean', async () => {
  const { context, page, problems } = await openWidget({ colorScheme: "dark" }, { theme: "light" });
  const bg = await page.evaluate(`(${COLOR_IN_PAGE})(getComputedStyle(document.querySelector("role-compare")).backgroundColor)`);
  assert.ok(luminance(bg) > 0.8, `background ${bg}`);
  const { violations, undecided } = await audit(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(undecided, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe: the no-JS fallback in the light DOM", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL("index.html", BASE_URL).href);
  // What a reader without JavaScript gets: no custom element, no shadow root, the prerendered
  // table in the light DOM with its (non-working) controls hidden.
  const shape = await page.evaluate(() => {
    const el = document.querySelector("role-compare");
    return {
      defined: !!customElements.get("role-compare"),
      shadow: !!el.shadowRoot,
      tables: el.querySelectorAll("table").length,
      controlsHidden: el.querySelector("form.rc-controls").hidden,
      status: el.querySelector("[role=status]")?.textContent,
    };
  });
  assert.deepEqual(shape, { defined: false, shadow: false, tables: 1, controlsHidden: true, status: "Showing all 39 rows" });

  // Page scripts are off, so timers never fire; axe (evaluated through the devtools protocol,
  // which still runs) schedules its work with setTimeout, so give it one built on microtasks.
  await page.evaluate(() => {
    window.setTimeout = (fn, _ms, ...args) => {
      Promise.resolve().then(() => fn(...args));
      return 0;
    };
    window.clearTimeout = () => {};
  });
  await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  const result = await page.evaluate(
    (tags) => axe.run({ include: [["role-compare"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }),
    AXE_TAGS,
  );
  const { violations, undecided } = summarize(result);
  assert.deepEqual(violations, []);
  assert.deepEqual(undecided.map((u) => u.line), []);

  // Without the widget's stylesheet the header parts are plain inline text: the names must still
  // read as words ("CIO Chief Information Officer", "Primary mission Differs").
  const ax = await axTree(page);
  const roleHeaders = ax.filter((n) => n.role === "columnheader").map((n) => n.name);
  assert.deepEqual(
    roleHeaders,
    DATASET.roles.map((r) => `${r.abbr} ${r.name}`),
  );
  const firstTopic = ax.find((n) => n.role === "rowheader" && n.name.startsWith("Primary mission"));
  assert.match(firstTopic?.name ?? "", /^Primary mission Differs\b/);
  await shot(page, "no-js-fallback");
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Keyboard

test("keyboard: a whole comparison by keyboard alone, focus always visible, no trap", async () => {
  const { context, page, problems } = await openWidget({ viewport: { width: 1280, height: 900 } });
  // A control after the widget, to prove that Tab leaves it.
  await page.evaluate(() => {
    const after = document.createElement("button");
    after.id = "after-widget";
    after.textContent = "After the widget";
    document.querySelector("main").append(after);
  });

  // 1. From the top of the page, Tab reaches the role checkboxes first.
  await page.keyboard.press("Tab");
  let now = await focused(page);
  assert.equal(now.id, "rc1-role-cio");
  assert.equal(now.index, 0);
  await assertRingVisible(page, "CIO checkbox");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).id, "rc1-role-ciso");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).id, "rc1-role-cso");
  await assertRingVisible(page, "CSO checkbox");
  await shot(page, "keyboard-1-checkbox-focus");

  // 2. Space unchecks the CSO; focus stays on its checkbox.
  let status = await statusText(page);
  await page.keyboard.press("Space");
  await page.waitForFunction(() =>
    document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-mount thead th[scope=col]").length === 2,
  );
  assert.equal(await inWidget(page, "#rc1-role-cso").isChecked(), false);
  assert.equal((await focused(page)).id, "rc1-role-cso");
  await assertRingVisible(page, "CSO checkbox after Space");

  // 3. Tab through the sections to the mode radios: one stop for the group, on the checked one.
  now = await tabUntil(page, (f) => f.type === "radio", "the mode radios");
  assert.equal(now.id, "rc1-mode-all");

  // 4. An arrow key picks "Differences only"; the status line says so.
  status = await statusText(page);
  await page.keyboard.press("ArrowRight");
  await statusChanged(page, status);
  now = await focused(page);
  assert.equal(now.id, "rc1-mode-differences");
  assert.equal(await inWidget(page, "#rc1-mode-differences").isChecked(), true);
  await assertRingVisible(page, "Differences only radio");
  await shot(page, "keyboard-2-radio-focus");

  // 5. Tab to the search box and type.
  await page.keyboard.press("Tab");
  now = await focused(page);
  assert.equal(now.id, "rc1-search");
  await assertRingVisible(page, "search box");
  status = await statusText(page);
  await page.keyboard.type("risk");
  await statusChanged(page, status);
  await inWidget(page, "td mark").first().waitFor();
  assert.equal((await focused(page)).id, "rc1-search", "typing keeps focus in the search box");

  // 6. Tab, control by control, to the first citation marker; Enter opens its popover.
  now = await tabUntil(page, (f) => f.className === "rc-cite", "a citation marker");
  assert.match(now.name, /^Source \d+: /);
  const marker = now;
  await page.keyboard.press("Enter");
  const open = inWidget(page, ".rc-cite[aria-expanded=true]");
  await open.waitFor();
  const pop = inWidget(page, ".rc-pop");
  await pop.waitFor();
  assert.equal(await pop.isVisible(), true);
  assert.equal((await open.getAttribute("aria-controls")) === (await pop.getAttribute("id")), true);
  now = await focused(page);
  assert.deepEqual([now.index, now.name], [marker.index, marker.name], "Enter leaves focus on the marker");
  await assertRingVisible(page, "open citation marker");
  await shot(page, "keyboard-3-popover-open");

  // 7. Escape closes it, and focus is back on (still on) the marker.
  await page.keyboard.press("Escape");
  await pop.waitFor({ state: "detached" });
  assert.equal(await inWidget(page, ".rc-cite[aria-expanded=true]").count(), 0);
  now = await focused(page);
  assert.deepEqual([now.index, now.name], [marker.index, marker.name], "Escape returns focus to the marker");
  await assertRingVisible(page, "citation marker after Escape");

  // 8. Tab on to a "Sources disagree" disclosure; Enter opens it; the next Tab enters it.
  now = await tabUntil(page, (f) => f.className === "rc-conflict-button", "a Sources disagree button");
  assert.match(now.name, /Sources disagree: /);
  await page.keyboard.press("Enter");
  const disclosure = inWidget(page, ".rc-conflict-button[aria-expanded=true]");
  await disclosure.waitFor();
  const body = inWidget(page, ".rc-conflict-body:not([hidden])");
  await body.waitFor();
  assert.equal(await body.isVisible(), true);
  assert.equal((await focused(page)).className, "rc-conflict-button", "Enter leaves focus on the disclosure");
  await assertRingVisible(page, "open disclosure");
  await shot(page, "keyboard-4-disclosure-open");
  now = await tabUntil(page, () => true, "the first control inside the disclosure");
  assert.equal(now.className, "rc-cite");
  assert.equal(
    await page.evaluate(() => {
      let el = document.activeElement.shadowRoot.activeElement;
      return !!el.closest(".rc-conflict-body");
    }),
    true,
    "the disclosure's first citation follows its button",
  );

  // 9. No trap: Tab goes through every remaining control and then out of the widget; Shift+Tab
  //    comes back to its last control.
  const remaining = now.count - now.index - 1;
  let presses = 0;
  for (;;) {
    const before = await focused(page);
    await page.keyboard.press("Tab");
    presses++;
    now = await focused(page);
    if (!now.inWidget) break;
    assert.equal(now.index, before.index + 1, `Tab from ${before.name} went to ${now.name}`);
    await assertRingVisible(page, now.name);
    assert.ok(presses <= remaining, "Tab keeps cycling inside the widget");
  }
  assert.equal(presses, remaining + 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), "after-widget");
  await page.keyboard.press("Shift+Tab");
  now = await focused(page);
  assert.equal(now.inWidget, true);
  assert.equal(now.index, now.count - 1, "Shift+Tab returns to the widget's last control");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard: the focus ring is visible in the dark themes too", async () => {
  for (const look of LOOKS.filter((l) => l.dark)) {
    const { context, page } = await openWidget({ ...look.context, viewport: { width: 1280, height: 900 } }, { theme: look.theme });
    await page.keyboard.press("Tab");
    await assertRingVisible(page, `${look.name}: CIO checkbox`);
    await tabUntil(page, (f) => f.className === "rc-cite", `${look.name}: a citation marker`);
    await page.keyboard.press("Enter");
    await assertRingVisible(page, `${look.name}: open citation marker`);
    await shot(page, `keyboard-${look.theme ? "theme-dark" : "dark"}-popover`);
    await context.close();
  }
});

// WCAG 2.4.11 (focus not obscured): with --role-compare-max-height the table scrolls in its own
// box under sticky column headers. Going backwards, the browser scrolls each control to the top
// of that box, which is where the headers are; none may end up behind them.
test("keyboard: with a capped height, no focused control hides behind the sticky headers", async () => {
  for (const width of [1280, 640]) {
    const { context, page } = await openWidget({ viewport: { width, height: 900 } });
    await page.evaluate(() => document.querySelector("role-compare").style.setProperty("--role-compare-max-height", "420px"));
    const capped = await page.evaluate(() => {
      const box = document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount .rc-scroll");
      return box.scrollHeight > box.clientHeight + 100;
    });
    assert.equal(capped, true, "the table scrolls inside its box");
    await inWidget(page, "td .rc-cite").last().focus();
    const hidden = [];
    let seen = 0;
    for (;;) {
      const r = await page.evaluate(() => {
        const root = document.querySelector("role-compare").shadowRoot;
        const el = root.activeElement;
        if (!el?.closest("table")) return null;
        const b = el.getBoundingClientRect();
        const hit = root.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
        return { ok: !!hit && el.contains(hit), name: el.getAttribute("aria-label") ?? el.textContent, hit: hit?.className };
      });
      if (!r) break;
      seen++;
      if (!r.ok) hidden.push(`${r.name} (under ${r.hit})`);
      await page.keyboard.press("Shift+Tab");
    }
    assert.ok(seen > 50, `${seen} controls visited`);
    assert.deepEqual(hidden, [], `${width} px: focused controls hidden`);
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Screen-reader semantics

test("semantics: caption, column headers for roles, row headers for topics", async () => {
  const { context, page } = await openWidget();
  const table = await page.evaluate(() => {
    const t = document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount table");
    return {
      caption: t.caption?.textContent ?? null,
      cols: [...t.querySelectorAll("thead th")].map((th) => [th.getAttribute("scope"), th.querySelector(".rc-abbr").textContent]),
      rows: [...t.querySelectorAll("tr.rc-row-data:not([hidden])")].map((tr) => ({
        first: tr.firstElementChild.tagName,
        scope: tr.firstElementChild.getAttribute("scope"),
        topic: tr.firstElementChild.querySelector(".rc-topic")?.textContent ?? "",
        cells: tr.querySelectorAll(":scope > td").length,
        headers: tr.querySelectorAll(":scope > th").length,
      })),
    };
  });
  assert.equal(table.caption, "How the CIO, CISO and CSO roles compare");
  assert.deepEqual(table.cols, DATASET.roles.map((r) => ["col", r.abbr]));
  assert.equal(table.rows.length, 39);
  for (const row of table.rows) {
    assert.deepEqual(
      { first: row.first, scope: row.scope, cells: row.cells, headers: row.headers },
      { first: "TH", scope: "row", cells: DATASET.roles.length, headers: 1 },
    );
    assert.notEqual(row.topic, "");
  }

  // What Chromium exposes: the table named by its caption; exactly the roles as column headers
  // (a section header spanning the table is a row-group header, not a column of its own); one
  // row header per topic, plus one per section.
  const ax = await axTree(page);
  assert.ok(ax.some((n) => n.role === "table" && n.name === table.caption), "table named by its caption");
  assert.deepEqual(
    ax.filter((n) => n.role === "columnheader").map((n) => n.name),
    DATASET.roles.map((r) => `${r.abbr} ${r.name}`),
  );
  const rowHeaders = ax.filter((n) => n.role === "rowheader").map((n) => n.name);
  const sections = DATASET.facets.map((f) => f.label);
  assert.deepEqual(rowHeaders.filter((n) => sections.includes(n)), sections);
  assert.equal(rowHeaders.length, 39 + sections.length);
  await context.close();
});

test("semantics: the table keeps its roles when stacked into cards at 320 px", async () => {
  const { context, page } = await openWidget({ viewport: { width: 320, height: 800 } });
  const ax = await axTree(page);
  const count = (role) => ax.filter((n) => n.role === role).length;
  assert.equal(count("table"), 1);
  assert.equal(count("columnheader"), DATASET.roles.length);
  assert.equal(count("rowheader"), 39 + DATASET.facets.length);
  // One cell per role and topic, and the empty corner above the row headers.
  assert.equal(count("cell"), 39 * DATASET.roles.length + 1);
  await context.close();
});

test("semantics: the status is a live region whose text follows the filters", async () => {
  const { context, page } = await openWidget();
  const status = await widget(page).locator(".rc-count").elementHandle();
  assert.equal(await status.getAttribute("role"), "status");
  const before = await status.textContent();
  assert.equal(before, "Showing all 39 rows");
  await inWidget(page, "#rc1-facet-duties").click();
  await statusChanged(page, before);
  const after = await status.textContent();
  assert.match(after, /^Showing \d+ of \d+ rows$/);
  assert.notEqual(after, before);
  // The same node: a live region that is replaced is not announced.
  assert.equal(await status.evaluate((e) => e.isConnected), true);
  await inWidget(page, "#rc1-search").fill("qqqzzz");
  await statusChanged(page, after);
  assert.equal(await status.textContent(), "No rows match the filters");
  assert.equal(await status.evaluate((e) => e.isConnected), true);
  assert.ok((await axTree(page)).some((n) => n.role === "status"));
  await context.close();
});

test('semantics: every citation marker is named "Source N: Title"', async () => {
  const { context, page } = await openWidget();
  const markers = await page.evaluate(() =>
    // Those in collapsed disagreements are hidden, so not in the accessibility tree.
    [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-mount .rc-cite")].filter((b) => b.checkVisibility()).map((b) => ({
      visible: b.textContent.trim(),
      label: b.getAttribute("aria-label"),
    })),
  );
  assert.ok(markers.length > 100, `${markers.length} markers`);
  for (const m of markers) {
    const n = Number(m.visible);
    assert.ok(Number.isInteger(n) && n >= 1, m.visible);
    assert.equal(m.label, `Source ${n}: ${DATASET.sources[n - 1].title}`);
  }
  // Chromium computes the same names.
  const names = (await axTree(page)).filter((n) => n.role === "button" && /^Source \d+: /.test(n.name)).map((n) => n.name);
  assert.deepEqual(names.sort(), markers.map((m) => m.label).sort());
  await context.close();
});

test("semantics: the chart is an image with a name and a visible text description", async () => {
  const { context, page } = await openWidget();
  const chart = await page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    const svg = root.querySelector(".rc-mount .rc-chart svg");
    const byId = (id) => root.getElementById(id);
    const label = byId(svg.getAttribute("aria-labelledby"));
    const text = byId(svg.getAttribute("aria-describedby"));
    const box = text.getBoundingClientRect();
    return {
      role: svg.getAttribute("role"),
      name: label?.textContent,
      description: text?.textContent ?? "",
      items: text?.querySelectorAll("li").length ?? 0,
      visible: !!text && text.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box.width > 100 && box.height > 10,
      inFigcaption: !!text?.closest("figcaption"),
    };
  });
  assert.equal(chart.role, "img");
  assert.equal(chart.name, "Reporting lines");
  assert.ok(chart.items >= 3, `${chart.items} sentences`);
  assert.equal(chart.visible, true, "the text description is on screen, not only for screen readers");
  assert.equal(chart.inFigcaption, true);
  const image = (await axTree(page)).find((n) => n.role === "image");
  assert.equal(image?.name, "Reporting lines");
  assert.ok(image.description.length > 40, `description: ${image.description}`);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Reflow, zoom, text spacing

// The states most likely to overflow: long text, popovers near the right edge, the empty state.
const REFLOW_STATES = [
  ["default", async () => {}],
  [
    "the rightmost citation popover open",
    async (page) => {
      const index = await page.evaluate(() => {
        const all = [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-mount td .rc-cite")];
        const rights = all.map((b) => b.getBoundingClientRect().right);
        return rights.indexOf(Math.max(...rights));
      });
      await inWidget(page, "td .rc-cite").nth(index).click();
      await assertOnePopover(page);
    },
  ],
  ["a conflict expanded", (page) => STATES.find(([n]) => n === "a conflict expanded")[1](page)],
  ["the empty state", (page) => STATES.find(([n]) => n.startsWith("a search with no"))[1](page)],
  ["the error panel", (page) => STATES.at(-1)[1](page)],
];

async function assertReflows(page, label) {
  for (const [name, reach] of REFLOW_STATES) {
    await resetWidget(page);
    await reach(page);
    assert.deepEqual(await clipped(page), [], `${label}, ${name}`);
  }
}

test("reflow: nothing scrolls sideways or is cut off at 320 CSS px", async () => {
  const { context, page, problems } = await openWidget({ viewport: { width: 320, height: 800 } });
  assert.equal(await page.evaluate(() => window.innerWidth), 320);
  await shot(page, "reflow-320-top");
  await inWidget(page, "tr.rc-row-data:not([hidden]) .rc-conflict-button").first().scrollIntoViewIfNeeded();
  await shot(page, "reflow-320-cards");
  await assertReflows(page, "320 px");
  assert.deepEqual(problems, []);
  await context.close();
});

// 200 % zoom. Browser zoom on a 1280-px-wide window lays the page out in 640 CSS px with two
// device pixels per CSS pixel: media queries, container queries and every measurement see that.
// A 640-px viewport with deviceScaleFactor 2 is therefore the same layout as 200 % zoom. CSS
// `zoom` on <body> is not: the viewport (so media queries) stays 1280 px wide, and element
// geometry is reported in unzoomed units.
test("reflow: 200 % zoom (1280 px window: 640 CSS px at device scale 2)", async () => {
  const { context, page, problems } = await openWidget({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  assert.deepEqual(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio]), [640, 2]);
  await assertReflows(page, "200 %");
  await context.close();
  assert.deepEqual(problems, []);
});

// WCAG 1.4.12: line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word spacing
// 0.16 em, applied the way a reader's user style would (here, added to the shadow root).
test("text spacing: nothing is cut off with WCAG 1.4.12 spacing, at 320 and 1280 px", async () => {
  for (const width of WIDTHS) {
    const { context, page } = await openWidget({ viewport: { width, height: 800 } });
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }`);
      const root = document.querySelector("role-compare").shadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
    await assertReflows(page, `${width} px with text spacing`);
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Forced colours, reduced motion, print

test("forced colours: badges, buttons, markers and the focus ring keep visible edges", async () => {
  const { context, page } = await openWidget({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ forcedColors: "active" });
  assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
  // The search first: any filter change closes the open popover.
  await inWidget(page, "#rc1-search").fill("security");
  await inWidget(page, "td .rc-cite").first().click();
  await inWidget(page, ".rc-pop").waitFor();
  const edges = await page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    const selectors = [".rc-badge", ".rc-button", ".rc-cite", ".rc-conflict-button", ".rc-group", ".rc-pop", ".rc-field input", ".rc-field select"];
    return selectors.map((sel) => {
      const els = [...root.querySelectorAll(`.rc-mount ${sel}`)];
      const bad = els.filter((el) => {
        const s = getComputedStyle(el);
        return ["Top", "Right", "Bottom", "Left"].some(
          (side) => s[`border${side}Style`] === "none" || parseFloat(s[`border${side}Width`]) === 0,
        );
      });
      return { sel, count: els.length, bad: bad.length };
    });
  });
  for (const e of edges) {
    assert.ok(e.count > 0, `no ${e.sel} to check`);
    assert.equal(e.bad, 0, `${e.bad} of ${e.count} ${e.sel} lose their border in forced colours`);
  }
  // The focus ring: on a checkbox, the search box and a citation marker, reached by keyboard.
  await page.keyboard.press("Escape");
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  const outline = async (what) => {
    const s = await page.evaluate(() => {
      const el = document.activeElement.shadowRoot.activeElement;
      const c = getComputedStyle(el);
      return { style: c.outlineStyle, width: parseFloat(c.outlineWidth) };
    });
    assert.notEqual(s.style, "none", `${what}: no outline in forced colours`);
    assert.ok(s.width > 0, `${what}: outline width ${s.width}`);
  };
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).id, "rc1-role-cio");
  await outline("CIO checkbox");
  await tabUntil(page, (f) => f.id === "rc1-search", "the search box");
  await outline("search box");
  await tabUntil(page, (f) => f.className === "rc-cite", "a citation marker");
  await outline("citation marker");
  await shot(page, "forced-colors-focus");
  await context.close();
});

test("reduced motion: no CSS animation or transition runs after interactions", async () => {
  const { context, page } = await openWidget({ reducedMotion: "reduce", viewport: { width: 1280, height: 900 } });
  assert.equal(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), true);
  const running = () =>
    page.evaluate(() => {
      const host = document.querySelector("role-compare");
      return document.getAnimations().length + host.shadowRoot.getAnimations().length;
    });
  const interactions = [
    () => inWidget(page, "#rc1-facet-education").click(),
    () => inWidget(page, "#rc1-mode-differences").check(),
    () => inWidget(page, "#rc1-search").fill("security"),
    () => inWidget(page, "form.rc-controls [part=reset]").hover(),
    () => inWidget(page, "td .rc-cite").first().click(),
    () => page.keyboard.press("Escape"),
    () => inWidget(page, ".rc-conflict-button").first().click(),
    () => page.keyboard.press("Tab"),
    () => inWidget(page, "form.rc-controls [part=reset]").click(),
  ];
  for (const act of interactions) {
    await act();
    assert.equal(await running(), 0);
  }
  // And nothing is set up to move: every element's transitions and animations are off.
  const moving = await page.evaluate(() =>
    [...document.querySelector("role-compare").shadowRoot.querySelectorAll("*")]
      .map((el) => [el, getComputedStyle(el)])
      .filter(([, s]) => s.animationName !== "none" || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0))
      .map(([el]) => el.className),
  );
  assert.deepEqual(moving, []);
  await context.close();
});

test("print: controls gone, every disagreement shown, nothing cut off, no violations", async () => {
  // An A4 page's printable width is about 700 CSS px.
  const { context, page } = await openWidget({ viewport: { width: 700, height: 1000 } });
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(`.rc-mount ${sel}`)].map((e) => e.checkVisibility());
    return { controls: shown(".rc-controls"), conflicts: shown(".rc-conflict-body"), buttons: shown(".rc-conflict-button") };
  });
  assert.deepEqual(printed.controls, [false]);
  assert.ok(printed.conflicts.length > 5 && printed.conflicts.every(Boolean), "every conflict body prints");
  assert.ok(printed.buttons.every((b) => !b));
  assert.deepEqual(await clipped(page), []);
  const { violations } = await audit(page);
  assert.deepEqual(violations, []);
  await context.close();
});
