// The embed-code builder (dist/builder.html), end to end:
// - for three configurations (two roles + differences only, a host dataset, detail="full" dark)
//   the builder's element code carries a fallback that is the same DOM as the command line's
//   `role-compare prerender` for that configuration; pasted into a fresh page, its fallback's
//   visible text (JavaScript off) equals the widget's first render (JavaScript on, CPU 4×, the
//   controls left aside), with no layout shift from the upgrade (the whole page's CLS, which also
//   counts the browser laying out the static HTML while it parses, is logged);
// - the iframe code and the configured offline file render the configuration;
// - the page has no axe violations at 1280 and 375 px, light and dark (screenshots in
//   target/screenshots/), and is driven here by keyboard and labels only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BASE_URL, launch, open } from "./browser.mjs";
import { Widget } from "./widget.mjs";

const ROOT = new URL("../../", import.meta.url);
const AXE_PATH = fileURLToPath(new URL("node_modules/axe-core/axe.min.js", ROOT));
const SHOTS = fileURLToPath(new URL("target/screenshots/", ROOT));
const UP_TO_DATE = "Preview and code are up to date.";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The CLI's fallback for the same configuration (built by the native tier before this one).
function cliFallback(args) {
  const cargo = process.env.CARGO ?? "cargo";
  const run = spawnSync(cargo, ["run", "--quiet", "--bin", "role-compare", "--", "prerender", ...args], {
    cwd: fileURLToPath(ROOT),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `role-compare prerender ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

// Waits until the builder has redrawn its code after a change (the element code differs from
// `before` and the status says it is current).
// `expected`, if given, is text the new code must contain (several changes may land one by one).
async function settled(page, before, expected = "") {
  await page.waitForFunction(
    ([text, old, want]) => {
      const code = document.getElementById("element-code").value;
      return document.getElementById("preview-status").textContent === text && code !== old && code.includes(want);
    },
    [UP_TO_DATE, before, expected],
    { timeout: 60_000 },
  );
}

const CONFIGS = [
  {
    name: "two roles, differences only, heading level 1",
    set: async (form) => {
      await form.getByRole("checkbox", { name: "CSO" }).uncheck();
      await form.getByRole("radio", { name: "Differences only" }).check();
      await form.getByRole("combobox", { name: "Heading level of the widget" }).selectOption("1");
    },
    attributes: 'roles="cio ciso" mode="differences" heading-level="1"',
    cli: ["--roles", "cio ciso", "--mode", "differences", "--heading-level", "1"],
    headers: ["CIO", "CISO"],
  },
  {
    name: "a host dataset",
    set: async (form) => {
      await form.getByRole("textbox", { name: "Your own dataset (URL, optional)" }).fill("examples/custom-dataset.json");
      await form.getByRole("textbox", { name: "Your own dataset (URL, optional)" }).press("Enter");
    },
    attributes: 'src="examples/custom-dataset.json"',
    cli: ["--data", "www/examples/custom-dataset.json"],
    headers: ["CTO", "CDO"],
    // The loader holds this fallback until the `src` dataset is in (no bundled comparison in
    // between). With the fallback in a declarative shadow root nothing moves at all (the plain
    // form left one 48 px move of the text below early in the upgrade: CLS 0.0015).
  },
  {
    name: 'detail="full", dark, heading level 6',
    set: async (form) => {
      await form.getByRole("radio", { name: "Every section open" }).check();
      await form.getByRole("radio", { name: "Dark" }).check();
      await form.getByRole("combobox", { name: "Heading level of the widget" }).selectOption("6");
      await form.getByRole("checkbox", { name: "In the page's first screen" }).check();
    },
    attributes: 'detail="full" heading-level="6" theme="dark"',
    // The glue and the wasm preloaded: the pasted page below must use them (one request each,
    // no "preloaded but not used" warning among its problems).
    firstScreen: true,
    cli: ["--detail", "full", "--heading-level", "6"],
    headers: ["CIO", "CISO", "CSO"],
  },
];

// Whether two HTML texts' [data-role-compare-fallback] elements are the same DOM (attribute
// order and the spelling of empty attributes aside); else the first node that differs.
async function sameDom(page, a, b) {
  return page.evaluate(([x, y]) => {
    const parse = (html) => {
      const t = document.createElement("template");
      t.innerHTML = html;
      // The code's fallback sits in a declarative shadow root's <template>, whose content a
      // query from outside does not reach.
      const inner = t.content.querySelector("template");
      return (inner ? inner.content : t.content).querySelector("[data-role-compare-fallback]");
    };
    const [p, q] = [parse(x), parse(y)];
    if (!p || !q) return "a fallback is missing";
    if (p.isEqualNode(q)) return "";
    const wa = document.createTreeWalker(p);
    const wb = document.createTreeWalker(q);
    do {
      const [m, n] = [wa.currentNode, wb.currentNode];
      if (!m || !n || !m.cloneNode(false).isEqualNode(n.cloneNode(false))) {
        const show = (node) => (node?.nodeType === 1 ? node.cloneNode(false).outerHTML : node?.data);
        return `${show(m)} ≠ ${show(n)}`;
      }
    } while (wa.nextNode() && wb.nextNode());
    return "different lengths";
  }, [a, b]);
}

// Whitespace as laid out differs with and without the widget's CSS (a space before the colon of
// "Sources disagree:" in the shadow root's flex layout); the words and their order must not.
const normalise = (text) => text.replace(/\s+/g, " ").replace(/ ([:;,.)])/g, "$1").trim();

// A fresh page holding `body`, served at BASE_URL (so the code's relative dataset URL resolves).
async function pasted(context, name, body) {
  const url = new URL(`pasted-${name}.html`, BASE_URL).href;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A page with the pasted code</title></head><body><main><h1>Pasted</h1>${body}<p id="after">The page goes on below the widget.</p></main></body></html>`,
    }),
  );
  return url;
}

test("the builder's code for three configurations: fallback = the CLI's, = the first render, CLS 0 at CPU 4×; iframe and offline file render", async (t) => {
  const builder = await open(browser, "builder.html", { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page } = builder;
  const form = page.getByRole("form", { name: "Configuration" });
  await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
  const scratch = mkdtempSync(join(tmpdir(), "rc-builder-"));
  try {
    for (const [i, config] of CONFIGS.entries()) {
      await t.test(config.name, async () => {
        if (i > 0) {
          // Back to the defaults: reload the builder.
          await page.reload();
          await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
        }
        const before = await page.locator("#element-code").inputValue();
        await config.set(form);
        await settled(page, before, `<role-compare ${config.attributes}>`);
        const code = await page.locator("#element-code").inputValue();
        const preload = config.firstScreen
          ? `<link rel="modulepreload" href="${BASE_URL}role_compare.js">\\n<link rel="preload" href="${BASE_URL}role_compare_bg.wasm" as="fetch" type="application/wasm" crossorigin>\\n`
          : "";
        assert.match(code, new RegExp(`^${preload}<script type="module" src="${BASE_URL}role-compare.js"></script>\\n<role-compare ${config.attributes}>\\n<template shadowrootmode="open"><link rel="stylesheet" href="${BASE_URL}role-compare.css"><noscript><i class="rc-nojs"></i></noscript><div data-role-compare-fallback`));
        assert.deepEqual(builder.problems, []);

        // The same DOM as the command line prints for this configuration.
        // Compared on a blank page: the builder's own policy (Trusted Types) forbids parsing HTML.
        const blank = await browser.newPage();
        const difference = await sameDom(blank, code, cliFallback(config.cli));
        await blank.close();
        assert.equal(difference, "", `the builder's fallback differs from role-compare prerender ${config.cli.join(" ")}`);

        // Pasted into a fresh page, without JavaScript: the fallback's visible text.
        const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
        const url = await pasted(noJs, `${i}`, code);
        const staticPage = await noJs.newPage();
        await staticPage.goto(url);
        const fallback = staticPage.locator("role-compare [data-role-compare-fallback]");
        assert.ok(await fallback.isVisible());
        const staticText = normalise(await fallback.innerText());
        assert.deepEqual(await fallback.locator("thead [part~=role-header] .rc-abbr").allTextContents(), config.headers);
        await noJs.close();

        // With JavaScript at CPU 4×: no layout shift from navigation to well after the upgrade,
        // and the first render's text (its controls aside) is the fallback's.
        const withJs = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await pasted(withJs, `${i}`, code);
        await withJs.addInitScript(() => {
          window.__roleCompareEvents = [];
          for (const name of ["role-compare-ready", "role-compare-error", "role-compare-change"]) {
            document.addEventListener(name, (e) => window.__roleCompareEvents.push({ type: e.type, detail: e.detail }));
          }
          // When the script first changes what the shadow root shows: the widget replacing the
          // declarative fallback the parser attached (the glue's replaceChildren), or the loader
          // attaching a root for a plain fallback. The upgrade starts there. Shifts before it
          // are the browser showing static HTML: laying it out as it parses it (text that
          // arrives in two parser chunks may wrap late) and applying the fallback's linked
          // stylesheet, the same for any static page with a declarative shadow root; counted in
          // the whole page's CLS (asserted below 0.1) but not in the upgrade's.
          window.__attached = Infinity;
          const mark = () => (window.__attached = Math.min(window.__attached, performance.now()));
          const attach = Element.prototype.attachShadow;
          Element.prototype.attachShadow = function (init) {
            mark();
            return attach.call(this, init);
          };
          const replace = ShadowRoot.prototype.replaceChildren;
          ShadowRoot.prototype.replaceChildren = function (...nodes) {
            mark();
            return replace.apply(this, nodes);
          };
          window.__cls = 0;
          window.__upgradeCls = 0;
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (entry.hadRecentInput) continue;
              window.__cls += entry.value;
              if (entry.startTime >= window.__attached) window.__upgradeCls += entry.value;
              const where = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
              const sources = entry.sources.map((s) => `${s.node?.nodeName ?? "?"}.${s.node?.className?.baseVal ?? s.node?.className ?? ""} ${where(s.previousRect)} → ${where(s.currentRect)}`);
              window.__shifts.push(`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${sources.join("; ")}`);
            }
          }).observe({ type: "layout-shift", buffered: true });
          // Where the page's text after the widget sits, frame by frame, once the shadow root
          // shows the fallback: logged, for shifts below the fold that CLS does not count.
          window.__after = [];
          const track = () => {
            const after = document.getElementById("after");
            const host = document.querySelector("role-compare");
            if (after && host?.shadowRoot) {
              const top = Math.round(after.getBoundingClientRect().top + scrollY);
              if (window.__after.at(-1)?.top !== top) window.__after.push({ top, live: !!host.shadowRoot.querySelector(".rc-mount") });
            }
            requestAnimationFrame(track);
          };
          requestAnimationFrame(track);
        });
        const live = await withJs.newPage();
        const errors = [];
        live.on("pageerror", (e) => errors.push(e.message));
        const cdp = await withJs.newCDPSession(live);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await live.goto(url);
        const widget = new Widget({ page: live, context: withJs });
        await widget.ready(60_000);
        // A host dataset arrives after the first render; wait until the widget shows it.
        await live.waitForFunction(
          (abbrs) => {
            const root = document.querySelector("role-compare").shadowRoot.querySelector(".rc-mount");
            const got = [...root.querySelectorAll("thead [part~=role-header] .rc-abbr")].map((e) => e.textContent);
            return JSON.stringify(got) === JSON.stringify(abbrs);
          },
          config.headers,
          { timeout: 30_000 },
        );
        await live.waitForTimeout(1000);
        // Each file fetched once, preloaded or not (a preload the loader did not take would be
        // a second download of the wasm).
        const requests = await live.evaluate(() =>
          ["role_compare.js", "role_compare_bg.wasm"].map((f) => performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.endsWith(`/${f}`)).length),
        );
        assert.deepEqual(requests, [1, 1], "the glue and the wasm are each fetched once");
        const { cls, upgrade, shifts, attached } = await live.evaluate(() => ({
          cls: window.__cls,
          upgrade: window.__upgradeCls,
          shifts: window.__shifts,
          attached: window.__attached,
        }));
        const moves = await live.evaluate(() => window.__after);
        const exportBar = await widget.inRoot((root) => root.querySelector("[part~=export]")?.getBoundingClientRect().height ?? 0);
        console.log(
          `builder code "${config.name}": CLS of the upgrade ${upgrade.toFixed(4)}, of the whole page ${cls.toFixed(4)} at CPU 4× ` +
            `(${shifts.length} shifts${shifts.length ? `: ${shifts.join(" | ")}` : ""}; shadow root at ${Math.round(attached)} ms); ` +
            `the text after the widget sat at ${moves.map((m) => `${m.top}${m.live ? " (live)" : ""}`).join(" → ")} px; export bar ${Math.round(exportBar)} px`,
        );
        // The widget builds a closed disagreement's sides when it opens, or for print (as the
        // fallback has them): draw it as for print, as the builder does for its copy.
        await live.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
        await widget.untilInRoot((root) => [...root.querySelectorAll(".rc-conflict-body")].every((b) => b.firstElementChild));
        const liveText = normalise(
          await widget.inRoot((root) => {
            for (const el of root.querySelectorAll(".rc-controls, .rc-detail-all, .rc-fold, [part~=export]")) el.style.display = "none";
            // Without JavaScript the detail's disagreements show open, without their buttons
            // (the key lines keep theirs folded).
            for (const el of root.querySelectorAll("tbody:not(.rc-keys) .rc-conflict-button")) el.style.display = "none";
            for (const el of root.querySelectorAll("tbody:not(.rc-keys) .rc-conflict-body")) el.style.display = "block";
            return root.innerText;
          }),
        );
        if (liveText !== staticText) {
          mkdirSync(SHOTS, { recursive: true });
          writeFileSync(join(SHOTS, `builder-text-${i}-live.txt`), liveText.replaceAll(". ", ".\n"));
          writeFileSync(join(SHOTS, `builder-text-${i}-fallback.txt`), staticText.replaceAll(". ", ".\n"));
        }
        assert.ok(liveText === staticText, `the first render's text differs from the fallback's (both in ${SHOTS}builder-text-${i}-*.txt)`);
        assert.equal(upgrade, 0, `layout shifts: ${shifts.join(" | ")}`);
        assert.ok(cls < 0.1, `the whole page's CLS ${cls}: ${shifts.join(" | ")}`);
        assert.deepEqual(errors, []);
        await withJs.close();

        // The iframe code: the embed page shows the configuration.
        const iframeCode = await page.locator("#iframe-code").inputValue();
        const frames = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const framePage = await frames.newPage();
        await framePage.goto(await pasted(frames, `frame-${i}`, iframeCode));
        const frame = framePage.frameLocator("iframe[data-role-compare]");
        await frame.locator("role-compare .rc-mount thead [part~=role-header] .rc-abbr").first().waitFor({ timeout: 60_000 });
        await framePage.waitForFunction(
          (n) => {
            const doc = document.querySelector("iframe").contentDocument;
            const root = doc?.querySelector("role-compare")?.shadowRoot?.querySelector(".rc-mount");
            return root?.querySelectorAll("thead [part~=role-header]").length === n;
          },
          config.headers.length,
          { timeout: 30_000 },
        );
        assert.deepEqual(await frame.locator("role-compare .rc-mount thead [part~=role-header] .rc-abbr").allTextContents(), config.headers);
        await frames.close();

        // The offline file, downloaded configured, opened from file://.
        const download = page.waitForEvent("download");
        await page.getByRole("button", { name: "Download the configured offline file" }).click();
        const file = join(scratch, `offline-${i}.html`);
        await (await download).saveAs(file);
        const offline = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const offlinePage = await offline.newPage();
        await offlinePage.goto(pathToFileURL(file).href);
        const offlineWidget = new Widget({ page: offlinePage, context: offline });
        await offlinePage.waitForFunction(
          (n) => document.querySelector("role-compare")?.shadowRoot?.querySelectorAll(".rc-mount thead [part~=role-header]").length === n,
          config.headers.length,
          { timeout: 60_000 },
        );
        assert.deepEqual(await offlineWidget.locator("thead [part~=role-header] .rc-abbr").allTextContents(), config.headers);
        await offline.close();
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await builder.context.close();
  }
});

test("the demo page links to the builder, after its main content", async () => {
  const { context, page } = await open(browser, "index.html", { viewport: { width: 1280, height: 900 } });
  try {
    const link = page.getByRole("contentinfo").getByRole("link", { name: /embed-code builder/ });
    await link.click();
    await page.getByRole("heading", { level: 1, name: "Put the role comparison on your page" }).waitFor();
    assert.match(page.url(), /builder\.html$/);
  } finally {
    await context.close();
  }
});

test("a dataset the builder cannot read: it says so and gives the CLI command", async () => {
  const { context, page } = await open(browser, "builder.html", { viewport: { width: 1280, height: 900 } });
  try {
    await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
    const field = page.getByRole("textbox", { name: "Your own dataset (URL, optional)" });
    await field.fill("https://example.invalid/roles.json");
    await field.press("Enter");
    const status = page.locator("#src-status");
    await status.filter({ hasText: "cannot read" }).waitFor({ timeout: 30_000 });
    const text = await status.textContent();
    assert.match(text, /may read only its own site/);
    assert.match(text, /role-compare prerender --data FILE\.json/);
    await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
    const code = await page.locator("#element-code").inputValue();
    assert.match(code, /src="https:\/\/example\.invalid\/roles\.json"/);
    assert.match(code, /role-compare prerender --data/);
    assert.doesNotMatch(code, /data-role-compare-fallback/, "no fallback from the wrong dataset");
  } finally {
    await context.close();
  }
});

test("the builder by keyboard alone: Tab reaches every control, Space and arrows change them, Enter copies", async () => {
  const { context, page } = await open(browser, "builder.html", { viewport: { width: 1280, height: 900 } });
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
    const before = await page.locator("#element-code").inputValue();
    // The skip link comes first and moves focus to the code.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the code");
    // Tab to the CSO box (after the demo link, the CIO and CISO boxes), Space unticks it.
    await page.locator("input[name=role][value=cio]").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.value), "cso");
    await page.keyboard.press("Space");
    // Into the mode radios: Tab through the sections, then an arrow picks "Differences only".
    for (let i = 0; i < 8; i++) await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.name), "mode");
    await page.keyboard.press("ArrowDown");
    await settled(page, before, 'mode="differences"');
    const code = await page.locator("#element-code").inputValue();
    assert.match(code, /<role-compare roles="cio ciso" mode="differences">/);
    // Every control in the form and each copy button is in the tab order and has a name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("#options input, #options select, #code button, #code textarea")]
        .filter((el) => el.tabIndex < 0 || !(el.labels?.length || el.getAttribute("aria-labelledby") || el.textContent.trim()))
        .map((el) => el.outerHTML),
    );
    assert.deepEqual(unnamed, []);
    await page.getByRole("button", { name: "Copy the element code" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Copied: 1. The element (recommended).").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  } finally {
    await context.close();
  }
});

for (const width of [1280, 375]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe: the builder has no violations, ${width} px ${colorScheme} (screenshot)`, async () => {
      // bypassCSP only so that axe itself can be injected; the page's own policy stays in its meta.
      const { context, page, problems } = await open(browser, "builder.html", { viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
      try {
        await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `builder-${width}-${colorScheme}.png`) });
        await page.addScriptTag({ path: AXE_PATH });
        const violations = await page.evaluate(async () => {
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        });
        assert.deepEqual(violations, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}

// The builder runs under its strict policy: any CSP violation report fails here.
test("the builder works under its strict Content-Security-Policy (no violations reported)", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    const page = await context.newPage();
    await page.goto(new URL("builder.html", BASE_URL).href);
    await page.getByText(UP_TO_DATE).waitFor({ timeout: 60_000 });
    const form = page.getByRole("form", { name: "Configuration" });
    const before = await page.locator("#element-code").inputValue();
    await form.getByRole("radio", { name: "Shared only" }).check();
    await settled(page, before);
    assert.match(await page.locator("#element-code").inputValue(), /<role-compare mode="shared">/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
  }
});
