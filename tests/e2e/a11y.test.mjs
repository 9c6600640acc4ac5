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
//   (CDP Accessibility.getFullAXTree): caption, column and row headers (the key differences, the
//   sections, every topic once however many lines its shared statements take), the live status,
//   the citation markers' names, the chart's role, name and visible description.
// - Reflow at 320 px, 200 % zoom, WCAG text spacing, forced colours, reduced motion and print.
//
// The widget is driven through the shared page object (widget.mjs): it waits for the live widget
// (until the wasm has mounted, the shadow root holds an inert prerendered copy) and selects by the
// documented parts. The secondary filters (sections, mode, search, narrowing selects) sit behind
// "More filters", and each section's sourced detail is folded by default (detail="summary"): a
// state that needs them opens them the way a reader would.
//
// Set A11Y_SHOTS=<dir> to save the screenshots this spec takes at its key moments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BASE_URL, launch } from "./browser.mjs";
import { LIVE, Widget } from "./widget.mjs";

const ROOT = new URL("../../", import.meta.url);
const AXE_PATH = fileURLToPath(new URL("node_modules/axe-core/axe.min.js", ROOT));
const DATASET = JSON.parse(readFileSync(new URL("src/data/roles.json", ROOT), "utf8"));
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SHOTS = process.env.A11Y_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

// What the bundled dataset gives the default view (all roles, all sections): the topics with at
// least one statement, in table order, and the sections that have key lines.
const TOPICS = DATASET.facets.flatMap((f) =>
  f.topics.filter((t) => DATASET.claims.some((c) => c.facet === f.id && c.topic === t.id)).map((t) => ({ facet: f, topic: t })),
);
const KEY_FACETS = DATASET.facets.filter((f) => (DATASET.key_lines ?? []).some((k) => k.facet === f.id));
const ALL_SHOWN = `Showing all ${DATASET.claims.length} statements on ${TOPICS.length} topics`;
// The row headers of the table, in order, with every section's detail open: the key differences
// (a group header, then one per section with key lines), then each section and its topics.
const ROW_HEADERS_FULL = [
  "Key differences at a glance",
  ...KEY_FACETS.map((f) => f.label),
  ...DATASET.facets.flatMap((f) => [f.label, ...TOPICS.filter((t) => t.facet === f).map((t) => t.topic.label)]),
];
// The same with the detail folded (the default): the topics' rows are not rendered.
const ROW_HEADERS_SUMMARY = ["Key differences at a glance", ...KEY_FACETS.map((f) => f.label), ...DATASET.facets.map((f) => f.label)];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

// Opens the demo page with `options` (a browser context's options) and waits for the live widget
// (the first <role-compare> on the page, id prefix "rc1").
async function openWidget(options = {}, { theme } = {}) {
  const w = await Widget.open(browser, "index.html", options);
  if (theme) await w.setAttribute("theme", theme);
  return w;
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// Retries `check` (which throws on failure) until it passes or `timeout` ms have passed.
async function eventually(check, timeout = 5_000) {
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

// Back to the default filters with no popover, disclosure or fold open, through the widget's own
// controls: "Reset filters" (when there is anything to reset), then every open disclosure
// ("More filters", a section's "Hide detail", "Sources disagree", a citation) closed.
async function resetWidget(w) {
  const reset = w.locator("[part~=controls] [part~=reset]");
  if ((await reset.getAttribute("aria-disabled")) !== "true") await reset.click();
  const expanded = w.locator("[aria-expanded=true]");
  // A disclosure may hold an open citation: closing the outermost closes both.
  while ((await expanded.count()) > 0) await expanded.first().click();
  await eventually(async () => assert.equal(await w.count(), ALL_SHOWN));
  assert.equal((await w.state()).detail, "summary");
}

// Runs axe over the widget (its shadow root included) and returns the violations as readable
// lines, plus the colour-contrast checks axe could not decide.
async function audit(w) {
  const { page } = w;
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE_PATH });
  // Let the last interaction's rendering settle (two frames) before axe measures the layout.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const result = await page.evaluate(
    (tags) => axe.run({ include: [["role-compare"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }),
    AXE_TAGS,
  );
  const { violations, undecided } = summarize(result);
  // Text under an open popover cannot be measured while it is covered (axe says its background
  // is overlapped, or, for a one-digit marker, that it is too short to judge); it is measured in
  // the states without a popover. The same for text that the page's scroll (a click scrolls the
  // clicked control into view) has put under the role headers, which stick to the top of the
  // viewport: it is measured in the states where the page is not scrolled.
  const covered = await w.inRoot((root, targets) => {
    const table = root.querySelector("[part~=table]");
    const stuck = [...root.querySelectorAll("[part~=table] thead > tr > *")].filter((cell) => {
      const head = cell.closest("thead").getBoundingClientRect();
      return getComputedStyle(cell).position === "sticky" && head.width > 1 && table.getBoundingClientRect().top < cell.getBoundingClientRect().top - 1;
    });
    const covers = [...root.querySelectorAll("[part~=popover]"), ...stuck].map((el) => el.getBoundingClientRect());
    return targets.map(([host, inner]) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector(inner);
      const r = el?.getBoundingClientRect();
      return !!r && covers.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
    });
  }, undecided.map((u) => u.target));
  return { violations, undecided: await decideSpanned(page, undecided.filter((_, i) => !covered[i])) };
}

// axe cannot tell the background of text whose lines lie over different table columns or rows:
// in a cell that spans several (a statement shared by two roles, a topic's row header over its
// lines), each line's stack of boxes holds a different <col> or <tr>, and axe reports the text
// as "partially obscured" (dequelabs/axe-core#5127). Such text is measured here instead: its
// colour against the background composited from its ancestors, at least 4.5:1 (3:1 for large
// text). Returns the lines of what stays undecided, or fails that measure. (Without JavaScript
// the declarative fallback shows the detail's disagreements open inside such row headers.)
async function decideSpanned(page, undecided) {
  const measured = await page.evaluate(
    ([targets, colorSource]) => {
      const color = new Function(`return ${colorSource}`)();
      const lum = ([r, g, b]) => {
        const lin = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
      return targets.map(({ target, key }) => {
        // (Over several rows axe may also say "overlapped by another element": the next
        // row's boxes. The same measure decides it; text truly covered by something else is not
        // in a spanning cell, or fails.)
        if (key !== "elmPartiallyObscuring" && key !== "bgOverlap") return null;
        let el = document.querySelector(target[0]);
        for (const sel of target.slice(1)) el = el?.shadowRoot?.querySelector(sel);
        const cell = el?.closest("td, th");
        if (!cell || (cell.colSpan < 2 && cell.rowSpan < 2)) return null;
        const layers = [];
        for (let a = el; a; a = a.parentElement ?? a.getRootNode().host ?? null) {
          const bg = color(getComputedStyle(a).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        let behind = [255, 255, 255, 1];
        for (const layer of layers.reverse()) behind = over(layer, behind);
        const s = getComputedStyle(el);
        const fg = over(color(s.color), behind);
        const [hi, lo] = [lum(fg), lum(behind)].sort((x, y) => y - x);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        return { ratio: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5 };
      });
    },
    [undecided.map((u) => ({ target: u.target, key: u.key })), COLOR_IN_PAGE],
  );
  return undecided.flatMap((u, i) => {
    const m = measured[i];
    if (!m) return [u.line];
    return m.ratio >= m.needed ? [] : [`${u.line} (measured: ${m.ratio.toFixed(2)}:1, below ${m.needed}:1)`];
  });
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
      key: n.any.find((a) => a.data?.messageKey)?.data.messageKey ?? null,
      line: `color-contrast undecided: ${n.target.flat().join(" >> ")}: ${n.any.map((a) => `${a.message} ${JSON.stringify(a.data)}`).join("; ")}`,
    }));
  return { violations, undecided };
}

// Contrast of each chart label (SVG <text>, which axe cannot measure) against its box's fill.
function chartTextContrast(w) {
  return w.inRoot((root) =>
    [...root.querySelectorAll("[part~=chart] .rc-chart-node")].map((g) => ({
      label: g.querySelector("text").textContent,
      text: getComputedStyle(g.querySelector("text")).fill,
      box: getComputedStyle(g.querySelector("rect")).fill,
    })),
  );
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
const focused = (w) =>
  w.evaluate(
    (host, [orderSource, live]) => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      const root = host.shadowRoot;
      const order = new Function(`return ${orderSource}`)()(root, live);
      return {
        id: el?.id || null,
        tag: el?.tagName.toLowerCase() ?? null,
        type: el?.getAttribute("type") ?? null,
        className: typeof el?.className === "string" ? el.className : "",
        name: el ? (el.getAttribute("aria-label") ?? el.textContent.trim().replace(/\s+/g, " ")) : null,
        expanded: el?.getAttribute("aria-expanded") ?? null,
        inWidget: !!el && root.contains(el),
        index: order.indexOf(el),
        count: order.length,
      };
    },
    [tabOrderInPage.toString(), LIVE],
  );

// The widget's keyboard-focusable elements in document order, which is the order Tab must take
// (no positive tabindex; only the checked radio of a group; hidden and disabled ones skipped,
// among them the rows of a folded section).
function tabOrderInPage(root, live) {
  const candidates = root.querySelectorAll(`${live} :is(a[href], button, input, select, textarea, [tabindex])`);
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
async function tabUntil(w, done, what, limit = 60) {
  for (let i = 0; i < limit; i++) {
    const before = await focused(w);
    await w.page.keyboard.press("Tab");
    const now = await focused(w);
    if (before.inWidget && before.index + 1 < before.count) {
      assert.equal(now.index, before.index + 1, `Tab from ${before.name} went to ${now.name}, not the next control`);
    }
    if (now.inWidget) await assertRingVisible(w.page, now.name);
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
function clipped(w) {
  return w.evaluate((host, live) => {
    const edge = host.getBoundingClientRect();
    const hiddenOnPurpose = (el) => {
      for (let a = el; a && a !== host; a = a.parentElement ?? a.getRootNode().host) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1 && getComputedStyle(a).overflow !== "visible") return true;
      }
      return false;
    };
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll(`${live} *`)) {
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
  }, LIVE);
}

// ---------------------------------------------------------------------------------------------
// The states, each reached from the default through the widget's controls (or, for the error
// panel, the element's `data` property, the way a host page would break it).

// Exactly one popover is open, one marker says so, and it points at that popover.
async function assertOnePopover(w) {
  await w.locator("[part~=popover]").first().waitFor();
  const open = await w.inRoot((root) => ({
    pops: [...root.querySelectorAll("[part~=popover]")].map((p) => p.id),
    markers: [...root.querySelectorAll("[part~=citation][aria-expanded=true]")].map((b) => b.getAttribute("aria-controls")),
  }));
  assert.equal(open.pops.length, 1, `open popovers: ${open.pops.join(", ")}`);
  assert.deepEqual(open.markers, open.pops);
}

const uncheck = async (w, suffix) => {
  const box = await w.control(suffix);
  if (await box.isChecked()) await box.click();
};

// Clicks the citation marker matching `selector` that sits furthest right on screen.
async function openRightmostCitation(w, selector) {
  const index = await w.inRoot((root, sel) => {
    const all = [...root.querySelectorAll(sel)];
    const rights = all.map((b) => (b.checkVisibility() ? b.getBoundingClientRect().right : -Infinity));
    return rights.indexOf(Math.max(...rights));
  }, selector);
  assert.ok(index >= 0, `no visible ${selector}`);
  await w.locator(selector).nth(index).click();
  await assertOnePopover(w);
}

const STATES = [
  ["default (key differences, detail folded)", async () => {}],
  ["the secondary filters open", (w) => w.showMoreFilters()],
  ["all sourced detail open", (w) => w.openAllDetail()],
  ...DATASET.facets.map((facet) => [
    `${facet.id} alone`,
    async (w) => {
      await w.showMoreFilters();
      for (const other of DATASET.facets.filter((f) => f !== facet)) await uncheck(w, `facet-${other.id}`);
      assert.deepEqual((await w.state()).facets, [facet.id]);
    },
  ]),
  ["differences only", (w) => w.setMode("differences")],
  ["shared only", (w) => w.setMode("shared")],
  [
    // The two roles left cannot be unchecked; the hint says why (their aria-describedby).
    "two roles (CIO and CISO), both locked",
    async (w) => {
      await uncheck(w, "role-cso");
      await w.locator("[part~=controls] [id$=-roles-hint]").waitFor();
    },
  ],
  [
    "a search with results",
    async (w) => {
      await w.search("security");
      await w.locator("td mark").first().waitFor();
    },
  ],
  [
    "a search with no results (empty state)",
    async (w) => {
      await w.search("qqqzzz");
      await w.locator("[part~=empty]").waitFor();
    },
  ],
  [
    "a citation popover open (key differences)",
    async (w) => {
      await w.locator("[part~=keys] td [part~=citation]").first().click();
      await assertOnePopover(w);
    },
  ],
  [
    // A statement several roles share is shown once, in one cell spanning their columns (it used
    // to be shown in each role's cell, and its markers shared one popover key, so both opened at
    // once with the same id). Its marker opens one popover.
    "a popover on a statement several roles share",
    async (w) => {
      await w.openAllDetail();
      const claim = await w.inRoot((root) => root.querySelector("td.rc-shared li[data-claim]")?.dataset.claim ?? null);
      assert.ok(claim, "no shared statement in the table");
      const times = await w.inRoot((root, id) => root.querySelectorAll(`li[data-claim="${id}"]`).length, claim);
      assert.equal(times, 1, `${claim} is in the table ${times} times`);
      await w.locator(`td.rc-shared li[data-claim="${claim}"] [part~=citation]`).first().click();
      await assertOnePopover(w);
    },
  ],
  [
    // A disagreement is marked both in the key differences and on its topic's row: opening one
    // opens that one only.
    "a conflict expanded",
    async (w) => {
      const button = w.locator("[part~=conflict] .rc-conflict-button").first();
      await button.click();
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      await w.locator(".rc-conflict-body:not([hidden])").first().waitFor();
      const open = await w.inRoot((root) => ({
        bodies: root.querySelectorAll(".rc-conflict-body:not([hidden])").length,
        buttons: root.querySelectorAll(".rc-conflict-button[aria-expanded=true]").length,
      }));
      assert.deepEqual(open, { bodies: 1, buttons: 1 });
    },
  ],
  [
    // Last: the notice stays until a valid dataset arrives.
    "the error panel (an invalid host dataset)",
    async (w) => {
      await w.evaluate((el) => {
        el.data = { format: 1 };
      });
      await w.locator("[part~=error]").waitFor();
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
      const w = await openWidget({ ...look.context, viewport: { width, height: 900 } }, { theme: look.theme });
      const { page } = w;
      // The look really is in force: the widget's background is dark or light as asked.
      const bg = await page.evaluate(`(${COLOR_IN_PAGE})(getComputedStyle(document.querySelector("role-compare")).backgroundColor)`);
      assert.equal(luminance(bg) < 0.1, look.dark, `background ${bg} for ${look.name}`);

      for (const [name, reach] of STATES) {
        await t.test(name, async () => {
          await resetWidget(w);
          await reach(w);
          const { violations, undecided } = await audit(w);
          assert.deepEqual(violations, [], `axe violations in "${name}"`);
          assert.deepEqual(undecided, [], `text whose contrast axe could not decide in "${name}"`);
          if (name.startsWith("default")) {
            const labels = await chartTextContrast(w);
            assert.ok(labels.length > 0, "no chart labels to measure");
            for (const label of labels) {
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
        await w.locator("[part~=error]").scrollIntoViewIfNeeded();
        await shot(page, `axe-${look.theme ? "theme-dark" : "dark"}-320-error`);
      }
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  }
}

test('axe: theme="light" on a dark page stays light and clean', async () => {
  const w = await openWidget({ colorScheme: "dark" }, { theme: "light" });
  const bg = await w.page.evaluate(`(${COLOR_IN_PAGE})(getComputedStyle(document.querySelector("role-compare")).backgroundColor)`);
  assert.ok(luminance(bg) > 0.8, `background ${bg}`);
  const { violations, undecided } = await audit(w);
  assert.deepEqual(violations, []);
  assert.deepEqual(undecided, []);
  assert.deepEqual(w.problems, []);
  await w.close();
});

// What a reader without JavaScript gets, in both forms of the fallback: index.html carries it in
// a declarative shadow root styled by role-compare.css (the parser attaches the root; no custom
// element is defined), the strict-CSP example as a plain <div> in the light DOM, unstyled. Either
// way: the prerendered table with its (non-working) controls and fold buttons hidden, and every
// statement shown (nothing can unfold it).
for (const { form, path, shadow } of [
  { form: "in a declarative shadow root", path: "index.html", shadow: true },
  { form: "in the light DOM", path: "examples/csp-no-wasm.html", shadow: false },
]) {
  test(`axe: the no-JS fallback ${form}`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(path, BASE_URL).href);
    const shape = await page.evaluate(() => {
      const el = document.querySelector("role-compare");
      const root = el.shadowRoot ?? el;
      const visible = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
      return {
        defined: !!customElements.get("role-compare"),
        shadow: !!el.shadowRoot,
        tables: root.querySelectorAll("table").length,
        controlsHidden: !root.querySelector("[part~=controls]").checkVisibility(),
        status: root.querySelector("[part~=count][role=status]")?.textContent,
        statements: visible("[part~=table] li[data-claim]"),
        buttons: visible(".rc-fold, .rc-detail-all"),
      };
    });
    assert.deepEqual(shape, {
      defined: false,
      shadow,
      tables: 1,
      controlsHidden: true,
      status: ALL_SHOWN,
      statements: DATASET.claims.length,
      buttons: 0,
    });

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
    assert.deepEqual(await decideSpanned(page, undecided), []);

    // Styled or not, the header parts must read as words ("CIO Chief Information Officer"). A
    // topic's row header is named by its topic alone, and its status badge ("Differs") is its
    // description.
    const ax = await axTree(page);
    const roleHeaders = ax.filter((n) => n.role === "columnheader").map((n) => n.name);
    assert.deepEqual(
      roleHeaders,
      DATASET.roles.map((r) => `${r.abbr} ${r.name}`),
    );
    const firstTopic = ax.find((n) => n.role === "rowheader" && n.name.startsWith("Primary mission"));
    assert.equal(firstTopic?.name, "Primary mission");
    assert.match(firstTopic.description, /^Differs\b/);
    await shot(page, shadow ? "no-js-fallback" : "no-js-fallback-plain");
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Keyboard

test("keyboard: a whole comparison by keyboard alone, focus always visible, no trap", async () => {
  const w = await openWidget({ viewport: { width: 1280, height: 900 } });
  const { page } = w;
  // A control after the widget, to prove that Tab leaves it.
  await page.evaluate(() => {
    const after = document.createElement("button");
    after.id = "after-widget";
    after.textContent = "After the widget";
    document.querySelector("main").append(after);
  });

  // 1. From the top of the page, Tab reaches the skip link first, then the role checkboxes.
  await page.keyboard.press("Tab");
  let now = await focused(w);
  assert.equal(now.tag, "a");
  assert.equal(now.index, 0);
  await assertRingVisible(page, "skip link");
  await page.keyboard.press("Tab");
  now = await focused(w);
  assert.equal(now.id, "rc1-role-cio");
  assert.equal(now.index, 1);
  await assertRingVisible(page, "CIO checkbox");
  await page.keyboard.press("Tab");
  assert.equal((await focused(w)).id, "rc1-role-ciso");
  await page.keyboard.press("Tab");
  assert.equal((await focused(w)).id, "rc1-role-cso");
  await assertRingVisible(page, "CSO checkbox");
  await shot(page, "keyboard-1-checkbox-focus");

  // 2. Space unchecks the CSO; focus stays on its checkbox. The two roles left are locked, and
  //    the hint they point at says why.
  let status = await w.count();
  await page.keyboard.press("Space");
  await eventually(async () => assert.deepEqual(await w.headers(), ["CIO", "CISO"]));
  assert.equal(await w.locator("#rc1-role-cso").isChecked(), false);
  assert.equal((await focused(w)).id, "rc1-role-cso");
  await assertRingVisible(page, "CSO checkbox after Space");
  const locked = await w.inRoot((root) =>
    ["cio", "ciso"].map((id) => {
      const box = root.querySelector(`#rc1-role-${id}`);
      const hint = root.getRootNode().getElementById(box.getAttribute("aria-describedby") ?? "");
      return { disabled: box.disabled, hint: hint?.checkVisibility() ? hint.textContent : null };
    }),
  );
  for (const box of locked) {
    assert.equal(box.disabled, true);
    assert.match(box.hint ?? "", /at least two roles/i);
  }

  // 3. Tab to "More filters"; Enter unfolds the secondary filters and leaves focus on it.
  now = await tabUntil(w, () => true, "More filters");
  assert.match(now.name, /^More filters/);
  assert.equal(now.expanded, "false");
  await page.keyboard.press("Enter");
  await w.locator("#rc1-more").waitFor({ state: "visible" });
  now = await focused(w);
  assert.match(now.name, /^More filters/, "Enter leaves focus on More filters");
  assert.equal(now.expanded, "true");
  await assertRingVisible(page, "More filters, unfolded");

  // 4. Tab on through the reset button and the sections to the mode radios: one stop for the
  //    group, on the checked one.
  now = await tabUntil(w, (f) => f.type === "radio", "the mode radios");
  assert.equal(now.id, "rc1-mode-all");

  // 5. An arrow key picks "Differences only"; the status line says so.
  status = await w.count();
  await page.keyboard.press("ArrowRight");
  await w.countChanged(status);
  now = await focused(w);
  assert.equal(now.id, "rc1-mode-differences");
  assert.equal(await w.locator("#rc1-mode-differences").isChecked(), true);
  await assertRingVisible(page, "Differences only radio");
  await shot(page, "keyboard-2-radio-focus");

  // 6. Tab to the search box and type.
  await page.keyboard.press("Tab");
  now = await focused(w);
  assert.equal(now.id, "rc1-search");
  await assertRingVisible(page, "search box");
  status = await w.count();
  await page.keyboard.type("risk");
  await w.countChanged(status);
  await w.locator("td mark").first().waitFor();
  assert.equal((await focused(w)).id, "rc1-search", "typing keeps focus in the search box");

  // 7. Tab, control by control, to the first citation marker; Enter opens its popover.
  now = await tabUntil(w, (f) => f.className.split(" ").includes("rc-cite"), "a citation marker");
  assert.match(now.name, /^Source \d+: /);
  const marker = now;
  await page.keyboard.press("Enter");
  const open = w.locator("[part~=citation][aria-expanded=true]");
  await open.waitFor();
  const pop = w.locator("[part~=popover]");
  await pop.waitFor();
  assert.equal(await pop.isVisible(), true);
  assert.equal((await open.getAttribute("aria-controls")) === (await pop.getAttribute("id")), true);
  now = await focused(w);
  assert.deepEqual([now.index, now.name], [marker.index, marker.name], "Enter leaves focus on the marker");
  await assertRingVisible(page, "open citation marker");
  await shot(page, "keyboard-3-popover-open");

  // 8. Escape closes it, and focus is back on (still on) the marker.
  await page.keyboard.press("Escape");
  await pop.waitFor({ state: "detached" });
  assert.equal(await w.locator("[part~=citation][aria-expanded=true]").count(), 0);
  now = await focused(w);
  assert.deepEqual([now.index, now.name], [marker.index, marker.name], "Escape returns focus to the marker");
  await assertRingVisible(page, "citation marker after Escape");

  // 9. Tab on to a "Sources disagree" disclosure; Enter opens it; the next Tab enters it.
  now = await tabUntil(w, (f) => f.className === "rc-conflict-button", "a Sources disagree button");
  assert.match(now.name, /Sources disagree: /);
  await page.keyboard.press("Enter");
  const disclosure = w.locator(".rc-conflict-button[aria-expanded=true]");
  await disclosure.waitFor();
  const body = w.locator(".rc-conflict-body:not([hidden])");
  await body.waitFor();
  assert.equal(await body.isVisible(), true);
  assert.equal((await focused(w)).className, "rc-conflict-button", "Enter leaves focus on the disclosure");
  await assertRingVisible(page, "open disclosure");
  await shot(page, "keyboard-4-disclosure-open");
  now = await tabUntil(w, () => true, "the first control inside the disclosure");
  assert.equal(now.className, "rc-cite");
  assert.equal(
    await w.evaluate((host) => !!host.shadowRoot.activeElement?.closest(".rc-conflict-body")),
    true,
    "the disclosure's first citation follows its button",
  );

  // 10. No trap: Tab goes through every remaining control and then out of the widget; Shift+Tab
  //     comes back to its last control.
  const remaining = now.count - now.index - 1;
  let presses = 0;
  for (;;) {
    const before = await focused(w);
    await page.keyboard.press("Tab");
    presses++;
    now = await focused(w);
    if (!now.inWidget) break;
    assert.equal(now.index, before.index + 1, `Tab from ${before.name} went to ${now.name}`);
    await assertRingVisible(page, now.name);
    assert.ok(presses <= remaining, "Tab keeps cycling inside the widget");
  }
  assert.equal(presses, remaining + 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), "after-widget");
  await page.keyboard.press("Shift+Tab");
  now = await focused(w);
  assert.equal(now.inWidget, true);
  assert.equal(now.index, now.count - 1, "Shift+Tab returns to the widget's last control");
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("keyboard: the focus ring is visible in the dark themes too", async () => {
  for (const look of LOOKS.filter((l) => l.dark)) {
    const w = await openWidget({ ...look.context, viewport: { width: 1280, height: 900 } }, { theme: look.theme });
    await w.page.keyboard.press("Tab");
    await assertRingVisible(w.page, `${look.name}: CIO checkbox`);
    await tabUntil(w, (f) => f.className.split(" ").includes("rc-cite"), `${look.name}: a citation marker`);
    await w.page.keyboard.press("Enter");
    await assertRingVisible(w.page, `${look.name}: open citation marker`);
    await shot(w.page, `keyboard-${look.theme ? "theme-dark" : "dark"}-popover`);
    await w.close();
  }
});

// WCAG 2.4.11 (focus not obscured): with --role-compare-max-height the table scrolls in its own
// box under sticky column headers. Going backwards through the whole table (every section's
// detail open), the browser scrolls each control to the top of that box, which is where the
// headers are; none may end up behind them.
test("keyboard: with a capped height, no focused control hides behind the sticky headers", async () => {
  for (const width of [1280, 640]) {
    const w = await openWidget({ viewport: { width, height: 900 } });
    await w.openAllDetail();
    await w.evaluate((el) => el.style.setProperty("--role-compare-max-height", "420px"));
    const capped = await w.inRoot((root) => {
      const box = root.querySelector("[part~=scroll]");
      return box.scrollHeight > box.clientHeight + 100;
    });
    assert.equal(capped, true, "the table scrolls inside its box");
    await w.locator("td [part~=citation]:visible").last().focus();
    const hidden = [];
    let seen = 0;
    for (;;) {
      const r = await w.evaluate((host) => {
        const root = host.shadowRoot;
        const el = root.activeElement;
        if (!el?.closest("table")) return null;
        const b = el.getBoundingClientRect();
        const hit = root.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
        return { ok: !!hit && el.contains(hit), name: el.getAttribute("aria-label") ?? el.textContent, hit: hit?.className };
      });
      if (!r) break;
      seen++;
      if (!r.ok) hidden.push(`${r.name} (under ${r.hit})`);
      await w.page.keyboard.press("Shift+Tab");
    }
    assert.ok(seen > 50, `${seen} controls visited`);
    assert.deepEqual(hidden, [], `${width} px: focused controls hidden`);
    await w.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Screen-reader semantics

test("semantics: caption, column headers for roles, row headers for the key differences, sections and topics", async () => {
  const w = await openWidget();
  const { page } = w;
  // Folded (the default): the key differences and the section headers; no topic rows.
  assert.deepEqual(
    (await axTree(page)).filter((n) => n.role === "rowheader").map((n) => n.name),
    ROW_HEADERS_SUMMARY,
    "row headers with the detail folded",
  );

  await w.openAllDetail();
  const table = await w.inRoot((root) => {
    const t = root.querySelector("[part~=table]");
    const topics = new Map();
    for (const tr of t.querySelectorAll("tbody tr[data-row]:not([hidden])")) {
      if (!topics.has(tr.dataset.row)) topics.set(tr.dataset.row, []);
      topics.get(tr.dataset.row).push(tr);
    }
    return {
      caption: t.caption?.textContent ?? null,
      cols: [...t.querySelectorAll("thead th")].map((th) => [th.getAttribute("scope"), th.querySelector(".rc-abbr").textContent]),
      keys: [...t.querySelectorAll("[part~=keys] tr[data-facet]")].map((tr) => ({
        facet: tr.dataset.facet,
        header: `${tr.firstElementChild.tagName} ${tr.firstElementChild.getAttribute("scope")}`,
        width: [...tr.children].slice(1).reduce((n, td) => n + td.colSpan, 0),
      })),
      topics: [...topics].map(([row, lines]) => ({
        row,
        // The row header is on the topic's first line and spans all its lines; every line
        // covers every role's column (a shared statement's cell spans the columns it needs).
        header: `${lines[0].firstElementChild.tagName} ${lines[0].firstElementChild.getAttribute("scope")} ${lines[0].firstElementChild.rowSpan}`,
        headers: lines.map((tr) => tr.querySelectorAll(":scope > th").length),
        widths: lines.map((tr) => [...tr.querySelectorAll(":scope > td")].reduce((n, td) => n + td.colSpan, 0)),
        topic: lines[0].firstElementChild.querySelector(".rc-topic")?.textContent ?? "",
        lines: lines.length,
      })),
      statements: [...t.querySelectorAll("tbody li[data-claim]")].filter((li) => li.checkVisibility()).map((li) => li.dataset.claim),
    };
  });
  assert.equal(table.caption, "How the CIO, CISO and CSO roles compare");
  assert.deepEqual(table.cols, DATASET.roles.map((r) => ["col", r.abbr]));
  assert.deepEqual(
    table.keys,
    KEY_FACETS.map((f) => ({ facet: f.id, header: "TH row", width: DATASET.roles.length })),
  );
  assert.deepEqual(
    table.topics.map((t) => t.row),
    TOPICS.map((t) => `${t.facet.id}-${t.topic.id}`),
  );
  for (const t of table.topics) {
    assert.equal(t.header, `TH row ${t.lines}`, t.row);
    assert.deepEqual(t.headers, [1, ...Array(t.lines - 1).fill(0)], t.row);
    assert.deepEqual(t.widths, Array(t.lines).fill(DATASET.roles.length), t.row);
    assert.notEqual(t.topic, "");
  }
  assert.ok(table.topics.some((t) => t.lines > 1), "no topic has a line of shared statements");
  // Every statement once.
  assert.deepEqual([...table.statements].sort(), DATASET.claims.map((c) => c.id).sort());

  // What Chromium exposes: the table named by its caption; exactly the roles as column headers
  // (a header spanning the table is a row-group header, not a column of its own); one row header
  // per key difference, per section and per topic (however many lines the topic takes).
  const ax = await axTree(page);
  assert.ok(ax.some((n) => n.role === "table" && n.name === table.caption), "table named by its caption");
  assert.deepEqual(
    ax.filter((n) => n.role === "columnheader").map((n) => n.name),
    DATASET.roles.map((r) => `${r.abbr} ${r.name}`),
  );
  assert.deepEqual(ax.filter((n) => n.role === "rowheader").map((n) => n.name), ROW_HEADERS_FULL);
  await w.close();
});

test("semantics: the table keeps its roles when stacked into cards at 320 px", async () => {
  const w = await openWidget({ viewport: { width: 320, height: 800 } });
  await w.openAllDetail();
  const ax = await axTree(w.page);
  const count = (role) => ax.filter((n) => n.role === role).length;
  assert.equal(count("table"), 1);
  assert.equal(count("columnheader"), DATASET.roles.length);
  assert.equal(count("rowheader"), ROW_HEADERS_FULL.length);
  // One cell per role on each topic's line of its roles' own statements, one per line of shared
  // statements (the padding beside it is not drawn on cards), one per key line, and the empty
  // corner above the row headers.
  const cells = await w.inRoot((root) => {
    const t = root.querySelector("[part~=table]");
    const lines = [...t.querySelectorAll("tbody tr[data-row]:not([hidden])")];
    return {
      own: lines.filter((tr) => !tr.classList.contains("rc-row-shared")).length,
      shared: lines.filter((tr) => tr.classList.contains("rc-row-shared")).length,
      keys: t.querySelectorAll("[part~=keys] tr[data-facet] > td").length,
    };
  });
  assert.equal(cells.own + cells.shared > TOPICS.length, true, "some topics have lines of shared statements");
  assert.equal(count("cell"), cells.own * DATASET.roles.length + cells.shared + cells.keys + 1);
  await w.close();
});

test("semantics: the status is a live region whose text follows the filters", async () => {
  const w = await openWidget();
  const status = await w.part("count");
  assert.equal(await status.getAttribute("role"), "status");
  const before = await status.textContent();
  assert.equal(before, ALL_SHOWN);
  await w.showMoreFilters();
  await (await w.control("facet-duties")).click();
  await w.countChanged(before);
  const after = await status.textContent();
  assert.match(after, /^Showing \d+ of \d+ statements on \d+ of \d+ topics$/);
  assert.notEqual(after, before);
  // The same node: a live region that is replaced is not announced.
  assert.equal(await status.evaluate((e) => e.isConnected), true);
  await (await w.control("search")).fill("qqqzzz");
  await w.countChanged(after);
  assert.equal(await status.textContent(), "No statements match the filters");
  assert.equal(await status.evaluate((e) => e.isConnected), true);
  assert.ok((await axTree(w.page)).some((n) => n.role === "status"));
  await w.close();
});

test('semantics: every citation marker is named "Source N: Title"', async () => {
  const w = await openWidget();
  await w.openAllDetail();
  const markers = await w.inRoot((root) =>
    // Those in collapsed disagreements are hidden, so not in the accessibility tree.
    [...root.querySelectorAll("[part~=citation]")].filter((b) => b.checkVisibility()).map((b) => ({
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
  const names = (await axTree(w.page)).filter((n) => n.role === "button" && /^Source \d+: /.test(n.name)).map((n) => n.name);
  assert.deepEqual(names.sort(), markers.map((m) => m.label).sort());
  await w.close();
});

test("semantics: the chart is an image with a name and a visible text description", async () => {
  const w = await openWidget();
  const chart = await w.inRoot((root) => {
    const svg = root.querySelector("[part~=chart] svg");
    const byId = (id) => root.getRootNode().getElementById(id);
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
  const image = (await axTree(w.page)).find((n) => n.role === "image");
  assert.equal(image?.name, "Reporting lines");
  assert.ok(image.description.length > 40, `description: ${image.description}`);
  await w.close();
});

// An id reference that points nowhere names or describes nothing, and an open disclosure's
// aria-controls that points nowhere controls nothing.
test("semantics: every ARIA id reference points at an element, in every view", async () => {
  // Every aria-controls, aria-describedby and aria-labelledby on a rendered element of `w`.
  const dangling = (w) =>
    w.inRoot((root) => {
      const doc = root.getRootNode();
      const out = [];
      for (const attr of ["aria-controls", "aria-describedby", "aria-labelledby"]) {
        for (const el of root.querySelectorAll(`[${attr}]`)) {
          if (!el.checkVisibility()) continue;
          // A closed disclosure may control an element it renders only when open (a popover).
          if (attr === "aria-controls" && el.getAttribute("aria-expanded") === "false") continue;
          for (const id of el.getAttribute(attr).split(/\s+/).filter(Boolean)) {
            if (!doc.getElementById(id)) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${el.textContent.trim().slice(0, 40)}" ${attr}="${id}"`);
          }
        }
      }
      return out;
    });
  const found = [];
  const w = await openWidget();
  const views = [
    ["default", async () => {}],
    ["all sourced detail open", () => w.openAllDetail()],
    ["differences only", () => w.setMode("differences")],
    ["shared only", () => w.setMode("shared")],
    ["two roles", () => uncheck(w, "role-cso")],
  ];
  for (const [name, reach] of views) {
    await resetWidget(w);
    await reach();
    found.push(...(await dangling(w)).map((d) => `${name}: ${d}`));
  }
  assert.deepEqual(w.problems, []);
  await w.close();
  // A host dataset of two roles (the inline example): both are locked, and nothing can be added.
  const two = await Widget.open(browser, "examples/inline.html");
  await eventually(async () => assert.equal((await two.headers()).length, 2));
  found.push(...(await dangling(two)).map((d) => `a dataset of two roles: ${d}`));
  await two.close();
  assert.deepEqual(found, []);
});

// ---------------------------------------------------------------------------------------------
// Reflow, zoom, text spacing

const reachState = (name) => STATES.find(([n]) => n.startsWith(name))[1];

// The states most likely to overflow: long text, the unfolded filters, popovers near the right
// edge, the empty state.
const REFLOW_STATES = [
  ["default", async () => {}],
  ["the secondary filters open", reachState("the secondary filters open")],
  ["all sourced detail open", reachState("all sourced detail open")],
  ["the rightmost key-difference citation popover open", (w) => openRightmostCitation(w, "[part~=keys] td [part~=citation]")],
  [
    "the rightmost citation popover open in the detail",
    async (w) => {
      await w.openAllDetail();
      await openRightmostCitation(w, "tbody:not([part~=keys]) td [part~=citation]");
    },
  ],
  ["a popover on a shared statement", reachState("a popover on a statement several roles share")],
  ["a conflict expanded", reachState("a conflict expanded")],
  ["the empty state", reachState("a search with no results")],
  ["the error panel", STATES.at(-1)[1]],
];

async function assertReflows(w, label) {
  for (const [name, reach] of REFLOW_STATES) {
    await resetWidget(w);
    await reach(w);
    assert.deepEqual(await clipped(w), [], `${label}, ${name}`);
  }
}

test("reflow: nothing scrolls sideways or is cut off at 320 CSS px", async () => {
  const w = await openWidget({ viewport: { width: 320, height: 800 } });
  assert.equal(await w.page.evaluate(() => window.innerWidth), 320);
  await shot(w.page, "reflow-320-top");
  await w.locator("[part~=keys] [part~=conflict]").first().scrollIntoViewIfNeeded();
  await shot(w.page, "reflow-320-cards");
  await assertReflows(w, "320 px");
  assert.deepEqual(w.problems, []);
  await w.close();
});

// 200 % zoom. Browser zoom on a 1280-px-wide window lays the page out in 640 CSS px with two
// device pixels per CSS pixel: media queries, container queries and every measurement see that.
// A 640-px viewport with deviceScaleFactor 2 is therefore the same layout as 200 % zoom. CSS
// `zoom` on <body> is not: the viewport (so media queries) stays 1280 px wide, and element
// geometry is reported in unzoomed units.
test("reflow: 200 % zoom (1280 px window: 640 CSS px at device scale 2)", async () => {
  const w = await openWidget({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  assert.deepEqual(await w.page.evaluate(() => [window.innerWidth, window.devicePixelRatio]), [640, 2]);
  await assertReflows(w, "200 %");
  await w.close();
  assert.deepEqual(w.problems, []);
});

// WCAG 1.4.12: line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word spacing
// 0.16 em, applied the way a reader's user style would (here, added to the shadow root).
test("text spacing: nothing is cut off with WCAG 1.4.12 spacing, at 320 and 1280 px", async () => {
  for (const width of WIDTHS) {
    const w = await openWidget({ viewport: { width, height: 800 } });
    await w.evaluate((el) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }`);
      el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
    });
    await assertReflows(w, `${width} px with text spacing`);
    await w.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Forced colours, reduced motion, print

test("forced colours: badges, buttons, markers and the focus ring keep visible edges", async () => {
  const w = await openWidget({ viewport: { width: 1280, height: 900 } });
  const { page } = w;
  await page.emulateMedia({ forcedColors: "active" });
  assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
  // The search first: any filter change closes the open popover.
  await w.search("security");
  await w.locator("td [part~=citation]:visible").first().click();
  await w.locator("[part~=popover]").waitFor();
  const edges = await w.inRoot((root) => {
    const selectors = [".rc-badge", ".rc-button", ".rc-fold", ".rc-cite", ".rc-conflict-button", ".rc-group", ".rc-pop", ".rc-field input", ".rc-field select"];
    return selectors.map((sel) => {
      const els = [...root.querySelectorAll(sel)];
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
    const s = await w.evaluate((host) => {
      const c = getComputedStyle(host.shadowRoot.activeElement);
      return { style: c.outlineStyle, width: parseFloat(c.outlineWidth) };
    });
    assert.notEqual(s.style, "none", `${what}: no outline in forced colours`);
    assert.ok(s.width > 0, `${what}: outline width ${s.width}`);
  };
  await page.keyboard.press("Tab");
  assert.equal((await focused(w)).tag, "a");
  await outline("skip link");
  await page.keyboard.press("Tab");
  assert.equal((await focused(w)).id, "rc1-role-cio");
  await outline("CIO checkbox");
  await tabUntil(w, (f) => f.id === "rc1-search", "the search box");
  await outline("search box");
  await tabUntil(w, (f) => f.className.split(" ").includes("rc-cite"), "a citation marker");
  await outline("citation marker");
  await shot(page, "forced-colors-focus");
  await w.close();
});

test("reduced motion: no CSS animation or transition runs after interactions", async () => {
  const w = await openWidget({ reducedMotion: "reduce", viewport: { width: 1280, height: 900 } });
  const { page } = w;
  assert.equal(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), true);
  const running = () => w.evaluate((host) => document.getAnimations().length + host.shadowRoot.getAnimations().length);
  const interactions = [
    () => w.locator("[part~=keys] .rc-fold").first().click(),
    () => w.openAllDetail(),
    () => w.showMoreFilters(),
    async () => (await w.control("facet-education")).click(),
    async () => (await w.control("mode-differences")).check(),
    async () => (await w.control("search")).fill("security"),
    () => w.locator("[part~=controls] [part~=reset]").hover(),
    () => w.locator("td [part~=citation]:visible").first().click(),
    () => page.keyboard.press("Escape"),
    () => w.locator(".rc-conflict-button").first().click(),
    () => page.keyboard.press("Tab"),
    () => w.locator("[part~=controls] [part~=reset]").click(),
  ];
  for (const act of interactions) {
    await act();
    assert.equal(await running(), 0);
  }
  // And nothing is set up to move: every element's transitions and animations are off.
  const moving = await w.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("*")]
      .map((el) => [el, getComputedStyle(el)])
      .filter(([, s]) => s.animationName !== "none" || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0))
      .map(([el]) => el.className),
  );
  assert.deepEqual(moving, []);
  await w.close();
});

test("print: controls gone, every statement and disagreement shown, nothing cut off, no violations", async () => {
  // An A4 page's printable width is about 700 CSS px.
  const w = await openWidget({ viewport: { width: 700, height: 1000 } });
  // On screen the folded sections show no rows (they are built when a section opens, or ahead
  // while the page is idle, hidden)...
  assert.equal(await w.inRoot((root) => [...root.querySelectorAll("[part~=table] li[data-claim]")].filter((li) => li.checkVisibility()).length), 0);
  await w.page.emulateMedia({ media: "print" });
  // ... and the print media type builds them all, within a frame or two.
  await w.untilInRoot((root, n) => root.querySelectorAll("[part~=table] li[data-claim]").length === n, DATASET.claims.length);
  const printed = await w.inRoot((root) => {
    const shown = (sel) => [...root.querySelectorAll(sel)].map((e) => e.checkVisibility());
    return {
      controls: shown("[part~=controls]"),
      conflicts: shown(".rc-conflict-body"),
      buttons: shown(".rc-conflict-button, .rc-detail-all, tbody:not([part~=keys]) .rc-fold"),
      // The detail is folded on screen (detail="summary"); print shows it all.
      statements: [...root.querySelectorAll("[part~=table] li[data-claim]")].filter((li) => li.checkVisibility()).length,
    };
  });
  assert.deepEqual(printed.controls, [false]);
  assert.ok(printed.conflicts.length > 5 && printed.conflicts.every(Boolean), "every conflict body prints");
  assert.ok(printed.buttons.length > 5 && printed.buttons.every((b) => !b), "no button prints");
  assert.equal(printed.statements, DATASET.claims.length, "every statement prints");
  assert.deepEqual(await clipped(w), []);
  const { violations } = await audit(w);
  assert.deepEqual(violations, []);
  await w.close();
});

// On paper the key differences' "Show detail" buttons would say "Show detail" above detail that
// is already printed in full, and do nothing.
test("print: the key differences' fold buttons do not print", async () => {
  const w = await openWidget({ viewport: { width: 700, height: 1000 } });
  await w.page.emulateMedia({ media: "print" });
  const folds = await w.inRoot((root) => [...root.querySelectorAll("[part~=keys] .rc-fold")].map((b) => b.checkVisibility()));
  await w.close();
  assert.ok(folds.length > 0, "no fold buttons in the key differences");
  assert.deepEqual(folds.filter(Boolean), [], `${folds.filter(Boolean).length} of ${folds.length} fold buttons print`);
});
