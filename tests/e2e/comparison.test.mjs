// Browser versus native: for every named state in tests/e2e/states.json, drive the demo page's
// first <role-compare> into that state with its real controls (clicks on checkboxes and radios,
// selectOption on the selects, typing in the search box; never by setting properties), then read
// the shadow DOM (count line, row keys in order, badges, conflict titles, per cell the claim ids
// or "gap", search highlights, empty-state sentence) and compare it with what `compare` computed
// natively: target/e2e/expected.json, written by `cargo test --test e2e_expected` (which
// `cargo xtask test` runs before this tier).
//
// Also: the reset button restores the default; the empty state says why and its reset works;
// search highlights contain the search text whatever its case; a citation marker toggles
// aria-expanded, shows the source title, and Escape closes it with focus left on the marker; a
// "Sources disagree" button discloses every side.
//
// Everything is read from and acted on inside the element's shadow root (element handles, not
// page-wide locators): the page also carries a prerendered no-JS copy of the widget in the light
// DOM, with the same ids.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { launch, open } from "./browser.mjs";

const ROOT = new URL("../../", import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, ROOT), "utf8"));

const EXPECTED_PATH = new URL("target/e2e/expected.json", ROOT);
if (!existsSync(EXPECTED_PATH)) {
  throw new Error(
    `${EXPECTED_PATH.pathname} is missing: run \`cargo test --test e2e_expected\` first (cargo xtask test does)`,
  );
}
const EXPECTED = read("target/e2e/expected.json").states;
const STATES = read("tests/e2e/states.json");
const DATASET = read("src/data/roles.json");
const BY_NAME = new Map(EXPECTED.map((e) => [e.name, e]));
const DEFAULT = EXPECTED[0];

// The first widget on a page gets the id prefix "rc1".
const id = (suffix) => `#rc1-${suffix}`;
const SELECTS = [
  ["duty_topic", "duty"],
  ["issuer", "issuer"],
  ["suits", "suits"],
  ["target", "target"],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Opens the demo page and waits until the live widget is up. Until `role-compare-ready`, the
// shadow root holds an inert copy of the prerendered fallback (same ids, same classes) that the
// live widget then replaces, so waiting for elements alone is not enough.
async function openWidget() {
  const opened = await open(browser, "index.html");
  await opened.page.waitForFunction(
    () => {
      const ready = window.__roleCompareEvents.some((e) => e.type === "role-compare-ready");
      const root = document.querySelector("role-compare")?.shadowRoot;
      return ready && root?.querySelectorAll(".rc-count").length === 1 && !!root.querySelector("#rc1-search");
    },
    null,
    { timeout: 30_000 },
  );
  // A folded section's rows are built when it first opens, or for print: build them all as
  // for print (and keep them, hidden while folded), so a snapshot holds every row the filters
  // leave, folded or not, without changing the reader's state.
  await opened.page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await opened.page.waitForFunction(
    () => document.querySelector("role-compare").shadowRoot.querySelectorAll("tbody.rc-collapsed tr.rc-row-data").length > 0,
    null,
    { timeout: 5_000 },
  );
  return opened;
}

// The element matching `selector` inside the first widget's shadow root.
async function inWidget(page, selector) {
  const handle = await page.evaluateHandle(
    (sel) => document.querySelector("role-compare").shadowRoot.querySelector(sel),
    selector,
  );
  const element = handle.asElement();
  assert.ok(element, `${selector} is not in the widget`);
  return element;
}

// Everything the comparison shows, read from the shadow DOM.
function snapshot(page) {
  return page.evaluate(() => {
    const root = document.querySelector("role-compare").shadowRoot;
    // The table stays in the document, hidden, when nothing matches: read what a reader sees.
    const table = root.querySelector(".rc-scroll:not([hidden]) table.rc-table");
    const all = (el, sel) => (el ? [...el.querySelectorAll(sel)] : []);
    return {
      count: root.querySelector(".rc-count")?.textContent ?? null,
      columns: all(table, "thead th[scope=col] .rc-abbr").map((e) => e.textContent),
      // A topic is one line of the roles' own statements (absent when everything on it is
      // shared) and one line per group of shared statements, all with the topic's data-row.
      rows: Object.values(
        all(table, "tr.rc-row-data:not([hidden])").reduce((topics, tr) => {
          const key = tr.dataset.row;
          const topic = (topics[key] ??= { key, badge: null, conflicts: [], cells: null, shared: [] });
          topic.badge ??= tr.querySelector(".rc-badge")?.textContent ?? null;
          topic.conflicts.push(...all(tr, ".rc-conflict-title").map((e) => e.textContent));
          if (tr.classList.contains("rc-row-shared")) {
            const td = tr.querySelector("td.rc-shared");
            topic.shared.push({
              roles: td.dataset.role.replace(/^Shared by /, "").split(/, | and /),
              claims: all(td, "li[data-claim]").map((li) => li.dataset.claim),
            });
          } else {
            topic.cells = [...tr.children]
              .filter((c) => c.tagName === "TD")
              .map((td) =>
                td.classList.contains("rc-gap")
                  ? td.textContent.includes("shared") ? "in-shared" : "gap"
                  : all(td, "li[data-claim]").map((li) => li.dataset.claim),
              );
          }
          return topics;
        }, {}),
      ),
      marks: all(table, "td mark").map((m) => m.textContent),
      empty: root.querySelector(".rc-empty p")?.textContent ?? null,
    };
  });
}

// The part of an expected.json entry that the snapshot holds.
function want(e) {
  // A topic whose statements are all shared has no line of its own statements.
  const ownLine = (r) => r.shared.length === 0 || r.cells.some((c) => Array.isArray(c));
  return {
    count: e.count,
    columns: e.shown > 0 ? e.columns : [],
    rows: e.rows.map((r) => ({ ...r, cells: ownLine(r) ? r.cells : null })),
    marks: e.marks,
    empty: e.empty,
  };
}

// Waits (briefly) until the count line reads `count`; the deepEqual that follows reports any
// difference, so a timeout here is not an error in itself.
async function settle(page, count) {
  await page
    .waitForFunction(
      (c) => document.querySelector("role-compare").shadowRoot.querySelector(".rc-count")?.textContent === c,
      count,
      { timeout: 3_000 },
    )
    .catch(() => {});
}

// Drives the widget from the default into `s` with its controls only.
// The secondary filters sit behind "More filters".
async function showMore(page) {
  const more = await inWidget(page, "[part=controls] button[aria-controls$='-more']");
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
}

async function drive(page, s) {
  await showMore(page);
  // The narrowing selects first, while every section (so every select) is shown.
  for (const [field, suffix] of SELECTS) {
    if (s[field] !== null) await (await inWidget(page, id(suffix))).selectOption(s[field]);
  }
  for (const facet of DATASET.facets) {
    const on = s.facets.length === 0 || s.facets.includes(facet.id);
    const box = await inWidget(page, id(`facet-${facet.id}`));
    if ((await box.isChecked()) !== on) await box.click();
  }
  for (const role of DATASET.roles) {
    const on = s.roles.length === 0 || s.roles.includes(role.id);
    const box = await inWidget(page, id(`role-${role.id}`));
    if ((await box.isChecked()) !== on) await box.click();
  }
  if (s.mode !== "all") await (await inWidget(page, id(`mode-${s.mode}`))).check();
  if (s.search !== "") await (await inWidget(page, id("search"))).fill(s.search);
}

// The controls' reset button (not the one in the empty state).
async function resetButton(page) {
  return inWidget(page, "form.rc-controls [part=reset]");
}

// The reset button says it has nothing to do with aria-disabled (a disabled button would drop
// focus), so "enabled" here is that attribute.
async function resetEnabled(page) {
  return (await (await resetButton(page)).getAttribute("aria-disabled")) !== "true";
}

// The element focused inside the widget's shadow root, as its classes and text.
async function focusedInWidget(page) {
  return page.evaluate(() => {
    const el = document.querySelector("role-compare").shadowRoot.activeElement;
    return el ? `${el.closest("form.rc-controls") ? "controls " : ""}${el.className} ${el.textContent.trim()}` : null;
  });
}

async function reset(page) {
  const button = await resetButton(page);
  if (await resetEnabled(page)) await button.click();
  await settle(page, DEFAULT.count);
}

// The filters the element reports: its `state` property (read, never set) and its last change event.
async function reported(page) {
  return page.evaluate(() => {
    const el = document.querySelector("role-compare");
    const changes = window.__roleCompareEvents.filter((e) => e.type === "role-compare-change");
    // Absent optional filters may come back as undefined or null: both mean "none".
    const state = el.state
      ? Object.fromEntries(Object.entries(el.state).map(([k, v]) => [k, v ?? null]))
      : null;
    return { state, change: changes.at(-1)?.detail ?? null };
  });
}

// The state object a state reads back as: every compared role and shown section listed.
function expectedState(s) {
  return {
    roles: s.roles.length ? s.roles : DATASET.roles.map((r) => r.id),
    facets: s.facets.length ? s.facets : DATASET.facets.map((f) => f.id),
    mode: s.mode,
    search: s.search,
    dutyTopic: s.duty_topic,
    issuer: s.issuer,
    suits: s.suits,
    target: s.target,
    detail: "summary",
  };
}

test("expected.json was written from the current states.json", () => {
  assert.deepEqual(
    EXPECTED.map((e) => e.state),
    STATES,
    "target/e2e/expected.json is stale: rerun `cargo test --test e2e_expected`",
  );
  assert.equal(BY_NAME.size, STATES.length, "state names are unique");
});

// One shared page for every state, reset between states through the reset button.
let shared;
test("every state, driven through the controls, matches the native comparison", async (t) => {
  shared = await openWidget();
  const { page, problems } = shared;
  assert.deepEqual(await snapshot(page), want(DEFAULT), "the page opens in the default state");
  for (const s of STATES) {
    await t.test(s.name, async () => {
      const e = BY_NAME.get(s.name);
      await reset(page);
      await drive(page, s);
      await settle(page, e.count);
      assert.deepEqual(await snapshot(page), want(e));

      // The element agrees about where the controls took it.
      const { state, change } = await reported(page);
      if (state !== null) {
        assert.deepEqual(state, expectedState(s));
      }
      if (s.name !== DEFAULT.name) {
        assert.ok(change, "no role-compare-change event");
        // The event's detail is the state object, plus what it shows.
        const { visibleRows, visibleStatements, ...rest } = change;
        assert.deepEqual(
          Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v ?? null])),
          expectedState(s),
        );
        assert.equal(visibleRows, e.shown);
        assert.equal(typeof visibleStatements, "number");
      }
    });
  }
  assert.deepEqual(problems, []);
  await shared.context.close();
});

test("the reset button restores the default", async () => {
  const { context, page, problems } = await openWidget();
  // Queried afresh each time: re-rendering may replace the element.
  const button = {
    isEnabled: () => resetEnabled(page),
    click: async () => (await resetButton(page)).click(),
  };
  assert.equal(await button.isEnabled(), false, "reset says it has nothing to do in the default state");
  // Pressing it then changes nothing (a DOM click: Playwright would wait for it to be enabled).
  await (await resetButton(page)).dispatchEvent("click");
  assert.deepEqual(await snapshot(page), want(DEFAULT));
  const s = STATES.find((x) => x.name === "everything at once");
  await drive(page, s);
  await settle(page, BY_NAME.get(s.name).count);
  assert.notDeepEqual(await snapshot(page), want(DEFAULT));
  assert.equal(await button.isEnabled(), true);
  await button.click();
  await settle(page, DEFAULT.count);
  assert.deepEqual(await snapshot(page), want(DEFAULT));
  // Every control is back at its default.
  const controls = await page.evaluate(() => {
    const form = document.querySelector("role-compare").shadowRoot.querySelector("form.rc-controls");
    return {
      unchecked: [...form.querySelectorAll("input[type=checkbox]")].filter((b) => !b.checked).map((b) => b.id),
      mode: form.querySelector("input[type=radio]:checked")?.id,
      selects: [...form.querySelectorAll("select")].map((x) => [x.id, x.value]),
      search: form.querySelector("input[type=search]").value,
    };
  });
  assert.deepEqual(controls.unchecked, []);
  assert.equal(controls.mode, "rc1-mode-all");
  assert.deepEqual(
    controls.selects,
    SELECTS.map(([, suffix]) => [`rc1-${suffix}`, ""]),
  );
  assert.equal(controls.search, "");
  assert.equal(await button.isEnabled(), false);
  // Focus stays on the button the reader pressed.
  assert.equal(await focusedInWidget(page), "controls rc-button Reset filters");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the empty state says why and its reset button works", async () => {
  const { context, page, problems } = await openWidget();
  const s = STATES.find((x) => x.name === "search: no hits");
  const e = BY_NAME.get(s.name);
  await drive(page, s);
  await settle(page, e.count);
  assert.equal(e.count, "No statements match the filters");
  const shown = await snapshot(page);
  assert.equal(shown.empty, e.empty);
  assert.ok(shown.empty.includes(`search: \u201c${s.search}\u201d`), shown.empty);
  assert.deepEqual(shown.rows, []);
  await (await inWidget(page, ".rc-empty button")).click();
  await settle(page, DEFAULT.count);
  assert.deepEqual(await snapshot(page), want(DEFAULT));
  // The empty state and its button are gone; focus moved on to the controls' reset button.
  assert.equal(await focusedInWidget(page), "controls rc-button Reset filters");
  assert.equal(await (await inWidget(page, id("search"))).inputValue(), "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("search highlights contain the search text, whatever its case", async () => {
  const { context, page, problems } = await openWidget();
  await showMore(page);
  for (const typed of ["SECURITY", "sEcUrItY", "cio\u2013ciso"]) {
    await (await inWidget(page, id("search"))).fill(typed);
    await page.waitForFunction(
      () => document.querySelector("role-compare").shadowRoot.querySelectorAll("td mark").length > 0,
      null,
      { timeout: 3_000 },
    );
    const { rows, marks } = await page.evaluate(() => {
      const table = document.querySelector("role-compare").shadowRoot.querySelector(".rc-scroll table.rc-table");
      return {
        // A topic's lines (its own statements, its shared ones) share its data-row.
        rows: Object.values(
          [...table.querySelectorAll("tr.rc-row-data:not([hidden])")].reduce((by, tr) => {
            by[tr.dataset.row] = (by[tr.dataset.row] ?? 0) + tr.querySelectorAll("td mark").length;
            return by;
          }, {}),
        ),
        marks: [...table.querySelectorAll("td mark")].map((m) => m.textContent),
      };
    });
    assert.ok(marks.length > 0, `no highlight for ${typed}`);
    for (const m of marks) assert.equal(m.toLowerCase(), typed.toLowerCase());
    assert.ok(
      rows.every((n) => n > 0),
      `every row found by ${typed} highlights it`,
    );
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Opens every section's sourced detail, as the reader's "Open all sourced detail" button does.
async function openDetail(page) {
  const button = await inWidget(page, "button.rc-detail-all");
  if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
  await page.waitForFunction(
    () => !document.querySelector("role-compare").shadowRoot.querySelector(".rc-collapsed"),
    null,
    { timeout: 3_000 },
  );
}

test("a citation marker discloses its source; Escape closes it and focus stays", async () => {
  const { context, page, problems } = await openWidget();
  await openDetail(page);
  const li = await inWidget(page, "td li[data-claim]");
  const claimId = await li.getAttribute("data-claim");
  const claim = DATASET.claims.find((c) => c.id === claimId);
  const sourceIndex = DATASET.sources.findIndex((x) => x.id === claim.sources[0].source);
  const source = DATASET.sources[sourceIndex];
  const marker = await inWidget(page, `li[data-claim="${claimId}"] .rc-cite`);
  assert.equal(await marker.getAttribute("aria-expanded"), "false");
  assert.equal(await marker.getAttribute("aria-label"), `Source ${sourceIndex + 1}: ${source.title}`);

  const focused = () => marker.evaluate((b) => b.getRootNode().activeElement === b);
  const popover = () =>
    marker.evaluate((b) => {
      const pop = b.getRootNode().querySelector(`[id="${b.getAttribute("aria-controls")}"]`);
      return pop ? pop.querySelector(".rc-pop-title")?.textContent : null;
    });

  await marker.click();
  assert.equal(await marker.getAttribute("aria-expanded"), "true");
  assert.equal(await popover(), `${sourceIndex + 1}. ${source.title}`);
  assert.equal(await focused(), true, "the marker has focus after the click");

  await page.keyboard.press("Escape");
  assert.equal(await marker.getAttribute("aria-expanded"), "false");
  assert.equal(await popover(), null);
  assert.equal(await focused(), true, "focus stays on the marker after Escape");

  // The keyboard opens it again; a second press of the button closes it.
  await page.keyboard.press("Enter");
  assert.equal(await marker.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Space");
  assert.equal(await marker.getAttribute("aria-expanded"), "false");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 'Sources disagree' button expands to every side", async () => {
  const { context, page, problems } = await openWidget();
  await openDetail(page);
  const button = await inWidget(page, "tr.rc-row-data:not([hidden]) .rc-conflict-button");
  assert.match(await button.textContent(), /Sources disagree/);
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  const body = () =>
    button.evaluate((b) => {
      const el = b.getRootNode().querySelector(`[id="${b.getAttribute("aria-controls")}"]`);
      return {
        hidden: el.hidden,
        title: el.querySelector(".rc-conflict-title")?.textContent,
        sides: [...el.querySelectorAll(":scope > ul > li")].length,
        visible: el.checkVisibility(),
      };
    });
  assert.equal((await body()).hidden, true);
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const open = await body();
  assert.equal(open.hidden, false);
  assert.equal(open.visible, true);
  const conflict = DATASET.conflicts.find((k) => k.title === open.title);
  assert.ok(conflict, `no conflict titled ${open.title}`);
  assert.ok(open.sides >= 2, `only ${open.sides} sides`);
  assert.equal(open.sides, conflict.sides.length);
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal((await body()).hidden, true);
  assert.deepEqual(problems, []);
  await context.close();
});
