// The benchmark behind `cargo xtask bench`: bytes on the wire, load and interaction timings in
// headless Chromium, memory, scale, lazy loading and layout shift, for the widget and for two
// baselines with the same content. Prints one report on stdout (progress goes to stderr) and
// writes every sample to BENCH_OUT as JSON.
//
// Environment (set by `cargo xtask bench`, which builds dist/ and serves it on 127.0.0.1):
//   BASE_URL       where dist/ is served (default http://127.0.0.1:8080/)
//   CHROMIUM_PATH  Debian's Chromium (default /usr/bin/chromium)
//   BENCH_OUT      JSON output (default target/bench/bench.json)
// Optional, for quick runs by hand: BENCH_RUNS (15), BENCH_TOGGLES (30 clicks per filter measure),
// BENCH_TOGGLE_RUNS (8: the filter clicks run in the first 8 of the 15 runs, to keep the whole
// bench near 6 minutes on 2 cores), BENCH_SCALE_RUNS (2), BENCH_DIST (the dist/ directory
// BASE_URL serves; default <repo>/dist).
//
// Pages (all served from dist/):
//   widget   index.html: the demo page, prerendered fallback inside <role-compare>, loader.
//   static   bench/static.html: the same page without any script; the fallback sits in a
//            declarative shadow root with the widget's stylesheet, so it looks like the widget.
//   vanilla  bench/vanilla.html + vanilla.js: the static page plus a few lines of hand-written
//            JavaScript that make the "Show" radios filter the rows as the widget does.
//   lazy     bench/lazy.html: the widget 6000px below the fold (default loading="lazy").
// bench/static.html and bench/vanilla.html are generated here, at bench time, from the templates
// in www/bench/ and the CURRENT dist/fallback.html and the CSS inside dist/role-compare.js.
import { launch as launchChromium } from "../e2e/browser.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const started = Date.now();
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = process.env.BENCH_DIST ?? path.join(ROOT, "dist");
const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";
// CHROMIUM_PATH is read by ../e2e/browser.mjs, which launches the browser.
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, "target/bench/bench.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 30);
const TOGGLE_RUNS = Math.min(RUNS, Number(process.env.BENCH_TOGGLE_RUNS ?? 8));
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 2);
const RATES = [1, 4];
const VIEWPORT = { width: 1280, height: 720 };
const SCALE = { roles: 50, perRole: 2_000 };
const CLS_WINDOW_MS = 1_000;

const PAGES = {
  widget: "index.html",
  static: "bench/static.html",
  vanilla: "bench/vanilla.html",
};
// Where each page's rows are, and which of them count as shown.
const ROWS = {
  widget: { scope: ".rc-mount", rows: "tr.rc-row-data:not([hidden])" },
  vanilla: { scope: null, rows: "tr.rc-row-data:not([hidden])" },
};

const log = (...args) => console.error("[bench]", ...args);
const url = (p) => new URL(p, BASE_URL).href;

// ---------------------------------------------------------------------------------------------
// Statistics
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
// Nearest-rank percentile.
function pct(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const max = (xs) => (xs.length ? Math.max(...xs) : null);

// ---------------------------------------------------------------------------------------------
// 0. Baseline pages, generated from the current build.
function widgetCss() {
  const loader = fs.readFileSync(path.join(DIST, "role-compare.js"), "utf8");
  const m = loader.match(/const CSS = ("(?:[^"\\]|\\.)*");/s);
  if (!m) throw new Error("dist/role-compare.js: cannot find `const CSS = \"…\";`");
  return JSON.parse(m[1]);
}

function writeBaselines() {
  const fallback = fs.readFileSync(path.join(DIST, "fallback.html"), "utf8").trim();
  if (!fallback.includes("data-role-compare-fallback")) throw new Error("dist/fallback.html has no data-role-compare-fallback");
  // The loader drops this attribute from its copy inside the shadow root; so do we.
  const markup = fallback.replace(" data-role-compare-fallback", "");
  const css = widgetCss();
  if (/<\/style/i.test(css)) throw new Error("the widget CSS contains </style");
  fs.mkdirSync(path.join(DIST, "bench"), { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, "www/bench"))) {
    let text = fs.readFileSync(path.join(ROOT, "www/bench", name), "utf8");
    if (name === "static.html" || name === "vanilla.html") {
      for (const placeholder of ["/* bench:css */", "<!-- bench:fallback -->"]) {
        if (!text.includes(placeholder)) throw new Error(`www/bench/${name} has no ${placeholder}`);
      }
      text = text.replace("/* bench:css */", () => css).replace("<!-- bench:fallback -->", () => markup);
    }
    fs.writeFileSync(path.join(DIST, "bench", name), text);
  }
}

// Other processes may rebuild dist/ while the bench runs (a rebuild replaces the whole
// directory, generated baselines included). Before each run: put the baselines back if they are
// gone or unfilled, and note whether the widget's files changed since the sizes were measured.
const WATCHED = ["role-compare.js", "role_compare.js", "role_compare_bg.wasm", "fallback.html", "index.html"];
function fingerprint() {
  const hash = crypto.createHash("sha256");
  for (const f of WATCHED) {
    try {
      hash.update(fs.readFileSync(path.join(DIST, f)));
    } catch {
      hash.update(`missing ${f}`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

async function ensureBaselines() {
  const filled = (name) => {
    try {
      return fs.readFileSync(path.join(DIST, "bench", name), "utf8").includes("rc-row-data");
    } catch {
      return false;
    }
  };
  const present = (name) => fs.existsSync(path.join(DIST, "bench", name));
  if (filled("static.html") && filled("vanilla.html") && present("vanilla.js") && present("lazy.html")) return false;
  // A rebuild may be half-way: wait for its fallback.html and index.html.
  for (let i = 0; i < 120; i++) {
    const ready = ["fallback.html", "index.html", "role-compare.js", "role_compare_bg.wasm"].every((f) => fs.existsSync(path.join(DIST, f)));
    if (ready && fs.readFileSync(path.join(DIST, "index.html"), "utf8").includes("data-role-compare-fallback")) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  writeBaselines();
  return true;
}

// ---------------------------------------------------------------------------------------------
// 1. Sizes
function sizes(rel) {
  const buf = fs.readFileSync(path.join(DIST, rel));
  const text = !rel.endsWith(".wasm");
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// ---------------------------------------------------------------------------------------------
// Browser helpers: the same Debian Chromium launch as the end-to-end tests.
const launch = () => launchChromium();

// Runs in every page before its own scripts: the ready time, FCP and layout shifts.
function initScript() {
  const b = (window.__bench = { ready: null, defined: null, cls: [], readyPromise: null });
  // When the loader defined <role-compare>: the upgrade attaches the shadow root (with the
  // widget's styles and the fallback copy) synchronously, so a paint before this showed the
  // light-DOM fallback without the widget's styles.
  customElements.whenDefined("role-compare").then(() => {
    b.defined = performance.now();
  });
  b.readyPromise = new Promise((resolve) => {
    document.addEventListener(
      "role-compare-ready",
      () => {
        if (b.ready === null) {
          b.ready = performance.now();
          resolve(b.ready);
        }
      },
      true,
    );
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls.push({ t: e.startTime, v: e.value });
  }).observe({ type: "layout-shift", buffered: true });
  // Runs `act()` and resolves once the page has reacted: when `event` is given, once `host`
  // fired it (the widget fires role-compare-change from an effect, after yew has rendered);
  // otherwise once `check()` holds after a DOM mutation under `host`'s shadow root. Timed from
  // just before `act()`: `dom` when the reaction was seen, `frame` at the first animation frame
  // after it, `paint` once that frame has been rendered (a task posted from the frame callback
  // runs after the frame's style, layout and paint).
  b.waitFor = ({ host, act, check, event, timeout }) =>
    new Promise((resolve, reject) => {
      let t0 = 0;
      let tDom = null;
      let fired = false;
      const done = () => (event ? fired : check());
      const stop = () => {
        mo?.disconnect();
        if (event) host.removeEventListener(event, onEvent);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no ${event ?? "change"} within ${timeout} ms`));
      }, timeout);
      const seen = () => {
        if (tDom !== null || !done()) return;
        tDom = performance.now();
        stop();
        requestAnimationFrame(() => {
          const tFrame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timer);
            resolve({ dom: tDom - t0, frame: tFrame - t0, paint: performance.now() - t0 });
          };
          channel.port2.postMessage(0);
        });
      };
      const onEvent = () => {
        fired = true;
        seen();
      };
      const mo = event ? null : new MutationObserver(seen);
      if (event) host.addEventListener(event, onEvent);
      else mo.observe(host.shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
      t0 = performance.now();
      act();
      seen();
    });
}

// In the page: `n` clicks alternating between mode `a` and mode `b`, each timed from just
// before the click. With the bundled dataset no row is shared by all three roles, so "Differences
// only" shows the same 39 rows as "All rows" and nothing in the table changes: that pair is timed
// to the change event (fired after the widget rendered) and the next frame. "Shared only" shows
// no rows, so All ↔ Shared is timed to the shown row count changing and the next frame.
async function toggles(page, kind, [a, b], n, by) {
  return page.evaluate(
    async ({ sel, a, b, n, by }) => {
      const host = document.querySelector("role-compare");
      const scope = () => (sel.scope ? host.shadowRoot.querySelector(sel.scope) : host.shadowRoot);
      const rows = () => scope().querySelectorAll(sel.rows).length;
      // Idle for a moment between clicks, as a reader would be: the next click starts from an
      // idle page rather than in step with the frame that just ended.
      const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const out = [];
      for (let i = 0; i < n; i++) {
        const mode = i % 2 === 0 ? a : b;
        const radio = scope().querySelector(`input[type=radio][value=${mode}]`);
        const before = rows();
        const t = await window.__bench.waitFor({
          host,
          act: () => radio.click(),
          check: () => rows() !== before,
          event: by === "event" ? "role-compare-change" : null,
          timeout: 10_000,
        });
        out.push({ mode, before, after: rows(), ...t });
        await settle();
      }
      return out;
    },
    { sel: ROWS[kind], a, b, n, by },
  );
}

async function newPage(browser, rate) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return { context, page, cdp, problems };
}

const readyOrTimeout = (page, ms) =>
  page.evaluate(
    (ms) => Promise.race([window.__bench.readyPromise, new Promise((_, no) => setTimeout(() => no(new Error(`not ready after ${ms} ms`)), ms))]),
    ms,
  );

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

const wasmMemory = (page) =>
  page.evaluate(() => import(new URL("role_compare.js", document.baseURI).href).then((glue) => glue.wasmMemoryBytes()));

// One fresh-context load of `kind` at CPU `rate`.
async function loadRun(browser, kind, rate, withToggles) {
  const { context, page, cdp, problems } = await newPage(browser, rate);
  try {
    await page.goto(url(PAGES[kind]), { waitUntil: "load", timeout: 60_000 });
    const r = { kind, rate };
    if (kind !== "static") r.interactive = await readyOrTimeout(page, 20_000);
    r.fcp = await page.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        const e = performance.getEntriesByName("first-contentful-paint")[0];
        if (e) return e.startTime;
        await new Promise((res) => setTimeout(res, 25));
      }
      return null;
    });
    r.heap = await heap(cdp);
    if (kind === "widget") {
      r.defined = await page.evaluate(() => window.__bench.defined);
      r.wasm = await wasmMemory(page);
      // Layout shifts from navigation until 1 s after ready, before any click.
      const shifts = await page.evaluate(async (windowMs) => {
        const until = window.__bench.ready + windowMs;
        const left = until - performance.now();
        if (left > 0) await new Promise((res) => setTimeout(res, left + 50));
        return window.__bench.cls.filter((s) => s.t <= until);
      }, CLS_WINDOW_MS);
      r.cls = shifts.reduce((a, s) => a + s.v, 0);
      // The upgrade's own shifts: those from the moment the loader defined the element (shadow
      // root, styles and fallback copy attached) on. Earlier ones come from the host page
      // painting its HTML while it is still being parsed, as the static page does.
      r.upgradeCls = shifts.filter((s) => r.defined != null && s.t >= r.defined).reduce((a, s) => a + s.v, 0);
      r.shifts = shifts;
    } else {
      const shifts = await page.evaluate(() => window.__bench.cls);
      r.cls = shifts.reduce((a, s) => a + s.v, 0);
      r.shifts = shifts;
    }
    if (kind !== "static" && withToggles && TOGGLES > 0) {
      try {
        r.toggles = await toggles(page, kind, ["differences", "all"], TOGGLES, "event");
        r.togglesShared = await toggles(page, kind, ["shared", "all"], TOGGLES, "rows");
      } catch (e) {
        r.toggleError = e.message;
        log(`filter toggles failed: ${kind} at ${rate}×: ${e.message}`);
      }
    }
    r.problems = problems;
    return r;
  } finally {
    await context.close();
  }
}

// The rows each of widget and vanilla shows in each mode, to check that they filter alike.
async function shownRows(browser, kind) {
  const { context, page, problems } = await newPage(browser, 1);
  try {
    await page.goto(url(PAGES[kind]));
    await readyOrTimeout(page, 60_000);
    const result = {};
    for (const mode of ["differences", "shared", "all"]) {
      result[mode] = await page.evaluate(
        async ({ sel, mode }) => {
          const host = document.querySelector("role-compare");
          const scope = () => (sel.scope ? host.shadowRoot.querySelector(sel.scope) : host.shadowRoot);
          scope().querySelector(`input[type=radio][value=${mode}]`).click();
          for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
          return {
            rows: [...scope().querySelectorAll(sel.rows)].map((tr) => tr.dataset.row),
            count: scope().querySelector(".rc-count")?.textContent ?? null,
          };
        },
        { sel: ROWS[kind], mode },
      );
    }
    result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Scale: 50 roles × 2,000 claims, the shape of tests/limits.rs, set through `el.data`.
function generateInPage({ roles, perRole }) {
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  window.__scaleData = {
    format: 1,
    version: "scale",
    last_reviewed: "2026-11-23",
    sources: [{ id: "s0", kind: "article", title: "Generated" }],
    facets: range(4).map((f) => ({
      id: `f${f}`,
      label: `Facet ${f}`,
      filter: true,
      topics: range(25).map((t) => ({ id: `t${t}`, label: `Topic ${t}` })),
    })),
    roles: range(roles).map((r) => ({
      id: `r${r}`,
      abbr: `R${r}`,
      name: `Role ${r}`,
      summary: "Generated role.",
      summary_sources: [],
      caveats: [],
    })),
    claims: range(roles).flatMap((r) =>
      range(perRole).map((c) => ({
        id: `r${r}-c${c}`,
        roles: [`r${r}`],
        facet: `f${c % 4}`,
        topic: `t${Math.floor(c / 4) % 25}`,
        text: `Role ${r} statement ${c} about budgets and risk.`,
        sources: [{ source: "s0", at: "section" }],
      })),
    ),
    conflicts: [],
  };
  return window.__scaleData.claims.length;
}

async function scaleRun(browser) {
  const { context, page, cdp, problems } = await newPage(browser, 1);
  try {
    await page.goto(url(PAGES.widget));
    await readyOrTimeout(page, 60_000);
    const claims = await page.evaluate(generateInPage, SCALE);
    const r = { claims, phases: {} };
    let mark = Date.now();
    const phase = (name) => {
      r.phases[name] = Date.now() - mark;
      mark = Date.now();
    };
    r.set = await page.evaluate(
      async ({ roles }) => {
        const host = document.querySelector("role-compare");
        const mount = () => host.shadowRoot.querySelector(".rc-mount");
        let setter = 0;
        const t = await window.__bench.waitFor({
          host,
          act: () => {
            const t0 = performance.now();
            host.data = window.__scaleData;
            setter = performance.now() - t0;
          },
          check: () =>
            mount().querySelectorAll("thead th[scope=col]").length === roles &&
            mount().querySelectorAll("tr.rc-row-data:not([hidden])").length === 100,
          timeout: 300_000,
        });
        return { ...t, setter, errors: host.shadowRoot.querySelectorAll(".rc-error").length };
      },
      { roles: SCALE.roles },
    );
    phase("set");
    // Every row has claims of all 50 roles and none is shared, so "Differences only" shows the
    // same 100 rows as "All rows" (timed to the change event); "Shared only" empties the table
    // and "All rows" draws the 100,000 claims again (timed to the row count).
    r.toggles = await page.evaluate(async () => {
      const host = document.querySelector("role-compare");
      const mount = () => host.shadowRoot.querySelector(".rc-mount");
      const rows = () => mount().querySelectorAll("tr.rc-row-data:not([hidden])").length;
      const out = [];
      for (const mode of ["differences", "shared", "all"]) {
        const before = rows();
        const radio = mount().querySelector(`input[type=radio][value=${mode}]`);
        const t = await window.__bench.waitFor({
          host,
          act: () => radio.click(),
          check: () => rows() !== before,
          event: mode === "differences" ? "role-compare-change" : null,
          timeout: 300_000,
        });
        out.push({ mode, before, after: rows(), ...t });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      }
      return out;
    });
    phase("toggles");
    r.heap = await heap(cdp);
    r.wasm = await wasmMemory(page);
    phase("memory");
    r.problems = problems;
    return r;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Lazy loading
async function lazyRun(browser) {
  const { context, page, problems } = await newPage(browser, 1);
  const isWasm = (u) => u.endsWith("/role_compare_bg.wasm");
  const isGlue = (u) => u.endsWith("/role_compare.js");
  const seen = { wasmRequests: 0, glueRequests: 0, wasmBytes: 0 };
  const pending = [];
  page.on("request", (req) => {
    if (isWasm(req.url())) seen.wasmRequests += 1;
    if (isGlue(req.url())) seen.glueRequests += 1;
  });
  page.on("requestfinished", (req) => {
    if (!isWasm(req.url())) return;
    pending.push(req.sizes().then((s) => (seen.wasmBytes += s.responseBodySize)));
  });
  try {
    await page.goto(url("bench/lazy.html"));
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    await Promise.all(pending);
    const before = { ...seen };
    before.live = await page.evaluate(() => !!document.getElementById("far").shadowRoot?.querySelector(".rc-mount"));
    // Near the viewport, not in it: the element's top 200px below the bottom edge.
    const gap = await page.evaluate(() => {
      const el = document.getElementById("far");
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight - 200);
      return el.getBoundingClientRect().top - window.innerHeight;
    });
    await readyOrTimeout(page, 60_000);
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const after = { ...seen };
    after.resourceTiming = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.name.endsWith("/role_compare_bg.wasm"))
        .reduce((a, e) => a + e.encodedBodySize, 0),
    );
    return { before, after, gapBelowViewport: gap, problems };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report formatting
const fmtMs = (v) => (v == null ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const fmtRatio = (v) => (v == null || !Number.isFinite(v) ? "—" : `${v.toFixed(2)}×`);
const fmtMiB = (v) => (v == null ? "—" : (v / 1048576).toFixed(2));
const fmtInt = (v) => (v == null ? "—" : v.toLocaleString("en-US"));
function table(header, rows, align) {
  const all = [header, ...rows];
  const width = header.map((_, c) => Math.max(...all.map((r) => String(r[c] ?? "").length)));
  const line = (r) =>
    r
      .map((cell, c) => {
        const s = String(cell ?? "");
        return (align?.[c] ?? (c === 0 ? "l" : "r")) === "l" ? s.padEnd(width[c]) : s.padStart(width[c]);
      })
      .join("  ")
      .trimEnd();
  return [line(header), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------
async function main() {
  writeBaselines();
  const print = fingerprint();
  const distEvents = [];
  let lastPrint = print;
  const checkDist = async (where) => {
    const rewritten = await ensureBaselines();
    const now = fingerprint();
    if (rewritten || now !== lastPrint) {
      log(`WARNING: dist/ was rebuilt by another process (noticed before ${where}): ` +
        `${now !== lastPrint ? "the widget's files changed" : "same widget files"}${rewritten ? "; baselines regenerated" : ""}`);
      lastPrint = now;
    }
    if (rewritten || now !== print) {
      distEvents.push({ where, at: Math.round((Date.now() - started) / 1000), rewrittenBaselines: rewritten, widgetFilesChanged: now !== print });
    }
  };
  const files = {
    "role-compare.js": "loader + CSS",
    "role_compare.js": "wasm-bindgen glue",
    "role_compare_bg.wasm": "widget + dataset",
  };
  const size = {};
  for (const f of Object.keys(files)) size[f] = sizes(f);
  const total = sum(Object.values(size));
  const extra = {
    "index.html": sizes("index.html"),
    "bench/static.html": sizes("bench/static.html"),
    "bench/vanilla.html": sizes("bench/vanilla.html"),
    "bench/vanilla.js": sizes("bench/vanilla.js"),
  };

  const browser = await launch();
  const chromiumVersion = browser.version();
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memory: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadBefore: os.loadavg(),
    },
    node: process.version,
    chromium: chromiumVersion,
    baseUrl: BASE_URL,
    config: { runs: RUNS, toggles: TOGGLES, toggleRuns: TOGGLE_RUNS, scaleRuns: SCALE_RUNS, rates: RATES, viewport: VIEWPORT, clsWindowMs: CLS_WINDOW_MS },
    sizes: { files: size, total, extra },
  };
  try {
    // Do widget and vanilla filter the same rows?
    log("checking that vanilla.js shows the same rows as the widget");
    await checkDist("row check");
    const shown = { widget: await shownRows(browser, "widget"), vanilla: await shownRows(browser, "vanilla") };
    result.check = {};
    for (const mode of ["all", "differences", "shared"]) {
      const w = shown.widget[mode];
      const v = shown.vanilla[mode];
      result.check[mode] = {
        widget: w.rows.length,
        vanilla: v.rows.length,
        same: JSON.stringify(w.rows) === JSON.stringify(v.rows),
        widgetCount: w.count,
        vanillaCount: v.count,
      };
    }

    // Main runs: for each CPU rate, RUNS rounds of (widget, static, vanilla), the order rotated
    // each round so that no page always goes first.
    result.runs = [];
    const kinds = ["widget", "static", "vanilla"];
    for (const rate of RATES) {
      for (let i = 0; i < RUNS; i++) {
        const order = kinds.map((_, k) => kinds[(k + i) % kinds.length]);
        for (const kind of order) {
          await checkDist(`${kind} ${rate}× run ${i + 1}`);
          try {
            result.runs.push({ round: i, ...(await loadRun(browser, kind, rate, i < TOGGLE_RUNS)) });
          } catch (e) {
            log(`run failed: ${kind} at ${rate}×: ${e.message}`);
            result.runs.push({ round: i, kind, rate, error: e.message });
          }
        }
        log(`CPU ${rate}×: round ${i + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }

    result.scale = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      await checkDist(`scale run ${i + 1}`);
      try {
        result.scale.push(await scaleRun(browser));
      } catch (e) {
        log(`scale run failed: ${e.message}`);
        result.scale.push({ error: e.message });
      }
      log(`scale: run ${i + 1}/${SCALE_RUNS} done, wall ms ${JSON.stringify(result.scale.at(-1).phases ?? {})} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }

    await checkDist("lazy");
    try {
      result.lazy = await lazyRun(browser);
    } catch (e) {
      result.lazy = { error: e.message };
    }
  } finally {
    await browser.close();
  }
  result.distEvents = distEvents;
  result.machine.loadAfter = os.loadavg();
  result.seconds = (Date.now() - started) / 1000;
  result.summary = summarize(result);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
  console.log(report(result));
}

function summarize(result) {
  const s = {};
  const filter = (toggles) => {
    const frames = toggles.map((t) => t.frame);
    return {
      clicks: toggles.length,
      p50: toggles.length ? pct(frames, 50) : null,
      p95: toggles.length ? pct(frames, 95) : null,
      max: toggles.length ? max(frames) : null,
      paintP50: toggles.length ? pct(toggles.map((t) => t.paint), 50) : null,
      paintP95: toggles.length ? pct(toggles.map((t) => t.paint), 95) : null,
      rows: [...new Set(toggles.map((t) => `${t.before}→${t.after}`))],
    };
  };
  for (const rate of RATES) {
    for (const kind of Object.keys(PAGES)) {
      const all = result.runs.filter((r) => r.rate === rate && r.kind === kind);
      const runs = all.filter((r) => !r.error);
      s[`${kind}@${rate}`] = {
        runs: runs.length,
        failed: all.length - runs.length,
        toggleErrors: runs.filter((r) => r.toggleError).length,
        fcp: median(runs.map((r) => r.fcp).filter((v) => v != null)),
        fcpP95: pct(runs.map((r) => r.fcp).filter((v) => v != null), 95),
        interactive: kind === "static" ? null : median(runs.map((r) => r.interactive)),
        interactiveP95: kind === "static" ? null : pct(runs.map((r) => r.interactive), 95),
        filter: kind === "static" ? null : filter(runs.flatMap((r) => r.toggles ?? [])),
        filterShared: kind === "static" ? null : filter(runs.flatMap((r) => r.togglesShared ?? [])),
        heap: median(runs.map((r) => r.heap)),
        wasm: kind === "widget" ? median(runs.map((r) => r.wasm)) : null,
        clsMedian: median(runs.map((r) => r.cls)),
        clsMax: max(runs.map((r) => r.cls)),
        shiftsMax: max(runs.map((r) => r.shifts.length)),
        defined: kind === "widget" ? median(runs.map((r) => r.defined).filter((v) => v != null)) : null,
        paintedBeforeLoader: kind === "widget" ? runs.filter((r) => r.fcp != null && r.defined != null && r.fcp < r.defined).length : null,
        runsWithShift: runs.filter((r) => r.cls > 0).length,
        upgradeClsMax: kind === "widget" ? max(runs.map((r) => r.upgradeCls)) : null,
        problems: [...new Set(runs.flatMap((r) => r.problems))],
      };
    }
  }
  const ok = (result.scale ?? []).filter((r) => !r.error);
  const scaleToggle = (mode, key = "frame") =>
    median(ok.map((r) => r.toggles.find((t) => t.mode === mode)?.[key]).filter((v) => v != null));
  s.scale = {
    runs: ok.length,
    failed: (result.scale ?? []).length - ok.length,
    set: median(ok.map((r) => r.set.frame)),
    setPaint: median(ok.map((r) => r.set.paint)),
    setter: median(ok.map((r) => r.set.setter)),
    differences: scaleToggle("differences"),
    differencesPaint: scaleToggle("differences", "paint"),
    shared: scaleToggle("shared"),
    sharedPaint: scaleToggle("shared", "paint"),
    all: scaleToggle("all"),
    allPaint: scaleToggle("all", "paint"),
    rows: ok[0]?.toggles.map((t) => `${t.mode} ${t.before}→${t.after}`) ?? [],
    heap: median(ok.map((r) => r.heap)),
    wasm: median(ok.map((r) => r.wasm)),
    problems: [...new Set(ok.flatMap((r) => r.problems))],
  };
  return s;
}

function report(result) {
  const s = result.summary;
  const m = result.machine;
  const sz = result.sizes;
  const lz = result.lazy;
  const KiB = 1024;
  const out = [];
  out.push(
    "",
    `role-compare benchmark, ${result.date}`,
    `machine:  ${m.cpu}, ${m.cores} logical CPUs, ${(m.memory / 2 ** 30).toFixed(1)} GiB RAM, ${m.os}`,
    `load:     1/5/15-min load average ${m.loadBefore.map((v) => v.toFixed(2)).join(" / ")} at the start, ` +
      `${m.loadAfter.map((v) => v.toFixed(2)).join(" / ")} at the end (other processes share these CPUs)`,
    `software: node ${result.node}, Chromium ${result.chromium} (headless, playwright-core), viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
    `served:   ${result.baseUrl} (loopback, uncompressed, Cache-Control: no-store, no network throttling)`,
    ...(result.distEvents.length
      ? [
          `WARNING:  dist/ was changed by another process during the bench (${result.distEvents.length} runs started after a change; ` +
            `widget files changed: ${result.distEvents.some((e) => e.widgetFilesChanged) ? "yes" : "no"}); ` +
            `first at ${result.distEvents[0].at} s, before ${result.distEvents[0].where}. Baselines were regenerated; numbers may mix builds.`,
        ]
      : []),
    `runtime:  ${result.seconds.toFixed(0)} s (${RUNS} runs per page and CPU rate; filter clicks in ${TOGGLE_RUNS} of them, ${TOGGLES} per measure; ${SCALE_RUNS} scale runs)`,
    "",
  );

  // 1. Sizes
  const what = { "role-compare.js": "loader + CSS", "role_compare.js": "wasm-bindgen glue", "role_compare_bg.wasm": "widget + dataset" };
  const sizeRow = (name, note, v) => [name, note, fmtInt(v.raw), fmtInt(v.gzip), fmtInt(v.brotli)];
  out.push("1. Bytes a page loads to reach an interactive widget (bytes)");
  out.push(
    table(
      ["file", "what", "raw", "gzip -9", "brotli q11"],
      [
        ...Object.entries(sz.files).map(([f, v]) => sizeRow(f, what[f], v)),
        sizeRow("total", "to interactive", sz.total),
        ["", "", ...["raw", "gzip", "brotli"].map((k) => `${(sz.total[k] / KiB).toFixed(1)} KiB`)],
        sizeRow("index.html", "page + fallback (not in total)", sz.extra["index.html"]),
        sizeRow("bench/static.html", "static baseline page", sz.extra["bench/static.html"]),
        sizeRow("bench/vanilla.html", "vanilla baseline page", sz.extra["bench/vanilla.html"]),
        sizeRow("bench/vanilla.js", "vanilla baseline script", sz.extra["bench/vanilla.js"]),
      ],
      ["l", "l", "r", "r", "r"],
    ),
    "",
  );

  // 2–3. Timings
  const c = (kind, rate) => s[`${kind}@${rate}`];
  const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
  const rowFor = (label, pick, fmt, ratioOf) => {
    const cells = [label];
    for (const rate of RATES) {
      const v = (kind) => {
        const x = c(kind, rate);
        return x ? pick(x) : null;
      };
      cells.push(fmt(v("widget")), fmt(v("static")), fmt(v("vanilla")));
      cells.push(ratioOf ? `${fmtRatio(ratio(v("widget"), v(ratioOf)))} ${ratioOf === "static" ? "w/s" : "w/v"}` : "");
    }
    return cells;
  };
  const header = ["measure"];
  for (const rate of RATES) header.push(`CPU ${rate}×: widget`, "static", "vanilla", "ratio");
  const f = (x) => x.filter ?? {};
  const fs2 = (x) => x.filterShared ?? {};
  const cls = (v) => (v == null ? "—" : v.toFixed(4));
  out.push(`2–3. Load, interaction and memory (headless Chromium, fresh context per run, ${RUNS} runs; medians unless marked)`);
  out.push(
    table(header, [
      rowFor("FCP (ms)", (x) => x.fcp, fmtMs, "static"),
      rowFor("FCP p95 (ms)", (x) => x.fcpP95, fmtMs, "static"),
      rowFor("interactive = ready event (ms)", (x) => x.interactive, fmtMs, "vanilla"),
      rowFor("interactive p95 (ms)", (x) => x.interactiveP95, fmtMs, "vanilla"),
      rowFor("filter Differences↔All p50 (ms)", (x) => f(x).p50, fmtMs, "vanilla"),
      rowFor("filter Differences↔All p95 (ms)", (x) => f(x).p95, fmtMs, "vanilla"),
      rowFor("  … to frame painted p50 (ms)", (x) => f(x).paintP50, fmtMs, "vanilla"),
      rowFor("filter Shared↔All p50 (ms)", (x) => fs2(x).p50, fmtMs, "vanilla"),
      rowFor("filter Shared↔All p95 (ms)", (x) => fs2(x).p95, fmtMs, "vanilla"),
      rowFor("  … to frame painted p50 (ms)", (x) => fs2(x).paintP50, fmtMs, "vanilla"),
      rowFor("JS heap after GC (MiB)", (x) => x.heap, fmtMiB, null),
      rowFor("wasm memory (MiB)", (x) => x.wasm, fmtMiB, null),
      rowFor("CLS median", (x) => x.clsMedian, cls, null),
      rowFor("CLS max", (x) => x.clsMax, cls, null),
    ]),
  );
  const w1 = c("widget", 1);
  const w4 = c("widget", 4);
  const s1 = c("static", 1);
  const s4 = c("static", 4);
  const check = result.check;
  out.push(
    "   ratio: FCP widget/static (w/s); interactive and filter widget/vanilla (w/v). static has no script: no ready time, no filter.",
    '   filter: clicks on the "Show" radios with el.click() inside the page, alternating, timed from just before the click to the',
    "   first requestAnimationFrame after the page reacted; \"painted\" = a task posted from that frame (after style, layout, paint).",
    `   Differences↔All: with the bundled data no row is shared by all three roles, so both modes show the same ${f(w1).rows?.join(", ")} rows`,
    "   and the table does not change; timed to the role-compare-change event (the widget fires it from an effect, after rendering;",
    "   vanilla.js after its update). Shared↔All: 39↔0 rows, timed to the shown row count changing (MutationObserver).",
    `   Pooled clicks per page and rate (${TOGGLES} a measure in ${TOGGLE_RUNS} of the ${RUNS} runs): ${f(w1).clicks} Differences↔All and ${fs2(w1).clicks} Shared↔All (rows ${fs2(w1).rows?.join(", ")}).`,
    `   CLS: widget from navigation to ready + ${CLS_WINDOW_MS} ms, before any click; static and vanilla until the memory reading.`,
    "   Memory: CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage, and wasmMemoryBytes() (linear memory), after mount.",
    "   vanilla shows the same rows as the widget (data-row keys): " +
      ["all", "differences", "shared"].map((mode) => `${mode} ${check[mode].widget}/${check[mode].vanilla} ${check[mode].same ? "same" : "DIFFERENT"}`).join(", ") +
      ".",
  );
  const failed = Object.entries(s)
    .filter(([k, v]) => k !== "scale" && (v.failed || v.toggleErrors))
    .map(([k, v]) => `${k}: ${v.failed} runs, ${v.toggleErrors} filter measures`);
  if (failed.length) out.push(`   FAILED: ${failed.join("; ")} (see the JSON)`);
  const problems = [...new Set(Object.entries(s).flatMap(([, v]) => v.problems ?? []))];
  if (problems.length) out.push(`   console errors seen: ${problems.slice(0, 5).join(" | ")}`);
  out.push("");

  // 4. Scale
  const sc = s.scale;
  out.push(
    `4. Scale: ${SCALE.roles} roles × ${fmtInt(SCALE.perRole)} claims each (${fmtInt(SCALE.roles * SCALE.perRole)} claims, the shape of tests/limits.rs), ` +
      `index.html, CPU 1×, median of ${sc.runs} runs${sc.failed ? ` (${sc.failed} FAILED)` : ""}`,
  );
  out.push(
    table(
      ["measure", "next frame", "frame painted"],
      [
        ["el.data = … → 50 columns × 100 rows in the DOM (ms)", fmtMs(sc.set), fmtMs(sc.setPaint)],
        ["  of which the el.data setter itself (ms)", fmtMs(sc.setter), ""],
        ['"Differences only" (100 → 100 rows) → change event (ms)', fmtMs(sc.differences), fmtMs(sc.differencesPaint)],
        ['"Shared only" (100 → 0 rows) (ms)', fmtMs(sc.shared), fmtMs(sc.sharedPaint)],
        ['"All rows" (0 → 100 rows, 100,000 claims) (ms)', fmtMs(sc.all), fmtMs(sc.allPaint)],
        ["JS heap after GC (MiB)", fmtMiB(sc.heap), ""],
        ["wasm memory (MiB)", fmtMiB(sc.wasm), ""],
      ],
    ),
  );
  if (sc.problems.length) out.push(`   console errors seen: ${sc.problems.slice(0, 3).join(" | ")}`);
  out.push("");

  // 5. Lazy loading
  out.push("5. Lazy loading: bench/lazy.html, the widget 6000px below the fold (loading=\"lazy\", the default)");
  if (lz.error) out.push(`   FAILED: ${lz.error}`);
  else
    out.push(
      table(
        ["moment", "wasm requests", "wasm bytes", "glue requests"],
        [
          ["after load, network idle + 500 ms", lz.before.wasmRequests, fmtInt(lz.before.wasmBytes), lz.before.glueRequests],
          [`scrolled near (its top ${Math.round(lz.gapBelowViewport)}px below the viewport), ready`, lz.after.wasmRequests, fmtInt(lz.after.wasmBytes), lz.after.glueRequests],
        ],
      ),
      `   role_compare_bg.wasm is ${fmtInt(sz.files["role_compare_bg.wasm"].raw)} bytes; resource timing saw ${fmtInt(lz.after.resourceTiming)} bytes.`,
    );
  out.push("");

  // 6. Layout shift
  out.push(
    `6. Layout shift, index.html (fallback inside the element), navigation → ready + ${CLS_WINDOW_MS} ms: ` +
      `CLS median ${cls(w1.clsMedian)}, max ${cls(w1.clsMax)} at 1×; median ${cls(w4.clsMedian)}, max ${cls(w4.clsMax)} at 4× ` +
      `(at most ${w1.shiftsMax ?? "—"} / ${w4.shiftsMax ?? "—"} shifts a run; runs with any shift: ${w1.runsWithShift}/${w1.runs} at 1×, ${w4.runsWithShift}/${w4.runs} at 4×).`,
    `   The loader defined <role-compare> (shadow root + styles attached) at median ${fmtMs(w1.defined)} ms at 1×, ${fmtMs(w4.defined)} ms at 4×; ` +
      `first contentful paint came before that, i.e. showed the light-DOM fallback without the widget's styles, in ` +
      `${w1.paintedBeforeLoader}/${w1.runs} runs at 1× and ${w4.paintedBeforeLoader}/${w4.runs} at 4×.`,
    `   Shifts from the moment the loader defined the element on (the upgrade's own): CLS max ${cls(w1.upgradeClsMax)} at 1×, ` +
      `${cls(w4.upgradeClsMax)} at 4×; the static page, parsed and painted the same way: CLS max ${cls(s1.clsMax)} at 1×, ${cls(s4.clsMax)} at 4×.`,
    "",
  );

  // Targets
  const v4 = c("vanilla", 4);
  const memory = (w1.heap ?? 0) + (w1.wasm ?? 0);
  const targets = [
    ["total to interactive ≤ 64 KiB gzip", `${(sz.total.gzip / KiB).toFixed(1)} KiB`, sz.total.gzip <= 64 * KiB],
    ["FCP widget/static ≤ 1.05 at 1×", fmtRatio(ratio(w1.fcp, s1.fcp)), ratio(w1.fcp, s1.fcp) <= 1.05],
    ["FCP widget/static ≤ 1.05 at 4×", fmtRatio(ratio(w4.fcp, s4.fcp)), ratio(w4.fcp, s4.fcp) <= 1.05],
    ["interactive widget/vanilla ≤ 1.3 at 4×", fmtRatio(ratio(w4.interactive, v4.interactive)), ratio(w4.interactive, v4.interactive) <= 1.3],
    ["filter Differences↔All p50 ≤ 16 ms at 4×", `${fmtMs(f(w4).p50)} ms`, f(w4).p50 <= 16],
    ["filter Differences↔All p95 ≤ 50 ms at 4×", `${fmtMs(f(w4).p95)} ms`, f(w4).p95 <= 50],
    ["filter Shared↔All p50 ≤ 16 ms at 4×", `${fmtMs(fs2(w4).p50)} ms`, fs2(w4).p50 <= 16],
    ["filter Shared↔All p95 ≤ 50 ms at 4×", `${fmtMs(fs2(w4).p95)} ms`, fs2(w4).p95 <= 50],
    ["memory ≤ 3 MB (JS heap + wasm memory)", `${(memory / 1e6).toFixed(2)} MB`, memory > 0 && memory <= 3e6],
    ["no layout shift on upgrade (CLS max 1× / 4×)", `${cls(w1.upgradeClsMax)} / ${cls(w4.upgradeClsMax)}`, w1.upgradeClsMax === 0 && w4.upgradeClsMax === 0],
    ["page CLS max ≤ the static page's (1× / 4×)", `${cls(w1.clsMax)} / ${cls(w4.clsMax)}`, w1.clsMax <= s1.clsMax && w4.clsMax <= s4.clsMax],
    ["lazy: 0 wasm bytes before scrolling", lz.error ? "error" : fmtInt(lz.before.wasmBytes), !lz.error && lz.before.wasmBytes === 0 && lz.before.wasmRequests === 0],
    ["lazy: the whole wasm once near the viewport", lz.error ? "error" : fmtInt(lz.after.wasmBytes), !lz.error && lz.after.wasmBytes === sz.files["role_compare_bg.wasm"].raw],
  ];
  out.push("Targets");
  out.push(table(["target", "measured", "result"], targets.map(([t, v, pass]) => [t, v, pass ? "met" : "MISSED"]), ["l", "r", "l"]));
  out.push("", `Every sample: ${OUT}`);
  return out.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
