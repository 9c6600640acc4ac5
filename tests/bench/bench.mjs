// The benchmark behind `cargo xtask bench`: bytes on the wire, load and interaction timings in
// headless Chromium, memory, scale, lazy loading and layout shift, for the widget, two baselines
// we wrote with the same content and the peer a page author would otherwise use (DataTables), in
// three reader profiles. Prints one report on stdout (progress goes to stderr) and writes every
// sample to BENCH_OUT as JSON.
//
// Environment (set by `cargo xtask bench`, which builds dist/ first):
//   CHROMIUM_PATH  Debian's Chromium (default /usr/bin/chromium)
//   BENCH_OUT      JSON output (default target/bench/bench.json)
// Optional, for quick runs by hand: BENCH_RUNS (11 loads a page and profile), BENCH_TOGGLES (30
// clicks per filter measure), BENCH_TOGGLE_RUNS (6: the filter clicks run in the first 6 loads),
// BENCH_SCALE_RUNS (2), BENCH_PROFILES (comma-separated profile names, default all),
// BENCH_DIST (the dist/ directory to serve; default <repo>/dist), BENCH_PORT (default: any free
// port of 127.0.0.1).
//
// Serving: this script serves dist/ itself on 127.0.0.1, gzip -9 for every response whose
// client accepts it (as any production host compresses), `Cache-Control: no-store`, one fresh
// browser context a load, so every load fetches everything.
//
// Profiles (CPU through CDP Emulation.setCPUThrottlingRate, network through CDP
// Network.emulateNetworkConditions, which Chromium applies to every request, loopback included):
//   loopback-1x  CPU 1×, no network throttling.
//   loopback-4x  CPU 4× slower, no network throttling.
//   mobile       a phone on a mobile network: CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down,
//                750 kbit/s up. The headline profile.
//
// Pages (all served from dist/):
//   widget      index.html: the demo page, prerendered fallback inside <role-compare>, loader.
//   static      bench/static.html: the same page without any script; the fallback sits in a
//               declarative shadow root with the widget's stylesheet, so it looks like the widget.
//   vanilla     bench/vanilla.html + vanilla.js: the static page plus a few lines of hand-written
//               JavaScript that make the "Show" radios filter the rows as the widget does.
//   datatables  bench/datatables.html + datatables.js: the same comparison as one plain HTML
//               table (examples/plain_table.rs) made filterable with DataTables 3 (npm, pinned;
//               no jQuery): search box, Section filter, the same "Show" radios.
//   lazy        bench/lazy.html: the widget 6000px below the fold (default loading="lazy").
// bench/static.html, vanilla.html and datatables.html are generated here, at bench time, from
// the templates in www/bench/ and the CURRENT dist/fallback.html, the CSS inside
// dist/role-compare.js and `cargo run --example plain_table`.
import { launch as launchChromium } from "../e2e/browser.mjs";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const started = Date.now();
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = process.env.BENCH_DIST ?? path.join(ROOT, "dist");
let BASE_URL = null; // set once the server listens
// CHROMIUM_PATH is read by ../e2e/browser.mjs, which launches the browser.
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, "target/bench/bench.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 30);
const TOGGLE_RUNS = Math.min(RUNS, Number(process.env.BENCH_TOGGLE_RUNS ?? 6));
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 2);
const ALL_PROFILES = [
  { name: "loopback-1x", label: "loopback, CPU 1×", cpu: 1, net: null },
  { name: "loopback-4x", label: "loopback, CPU 4×", cpu: 4, net: null },
  {
    name: "mobile",
    label: "mobile: CPU 4×, 150 ms RTT, 1.6 Mbit/s",
    cpu: 4,
    net: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8, connectionType: "cellular4g" },
  },
];
const PROFILES = process.env.BENCH_PROFILES
  ? ALL_PROFILES.filter((p) => process.env.BENCH_PROFILES.split(",").includes(p.name))
  : ALL_PROFILES;
const VIEWPORT = { width: 1280, height: 720 };
// The scale case: 50 roles × 2,000 claims; a dataset with more than four roles compares its
// first three by default, so the table has 3 role columns × 100 rows.
const SCALE = { roles: 50, perRole: 2_000, compared: 3 };
const CLS_WINDOW_MS = 1_000;

const PAGES = {
  widget: "index.html",
  static: "bench/static.html",
  vanilla: "bench/vanilla.html",
  datatables: "bench/datatables.html",
};
const KINDS = Object.keys(PAGES);
// Where each page's rows and "Show" radios are, and which rows count as shown: `host` is the
// element whose events are timed (default: the page's <role-compare>); rows and radios are
// looked up in `scope` inside its shadow root (or inside the host itself when it has none).
const ROWS = {
  widget: { scope: ".rc-mount", rows: "tr.rc-row-data:not([hidden])" },
  vanilla: { scope: null, rows: "tr.rc-row-data:not([hidden])" },
  datatables: { host: "#dt-host", scope: null, rows: "#dt tbody tr.rc-row-data" },
};

// ---------------------------------------------------------------------------------------------
// The server: dist/ over HTTP/1.1 on loopback, gzip -9 where accepted (cached per file).
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
const gzipped = new Map();
function serve() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(DIST, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!file.startsWith(path.resolve(DIST) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const body = fs.readFileSync(file);
    const headers = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const key = crypto.createHash("sha256").update(body).digest("hex");
      if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
      headers["content-encoding"] = "gzip";
      headers.vary = "accept-encoding";
      res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : gzipped.get(key));
    } else {
      res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
    }
  });
  return new Promise((resolve) => server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => resolve(server)));
}

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
  // The loader ships minified: its stylesheet is the one string literal that opens with `:host {`.
  const m = loader.match(/("(?::host \{)(?:[^"\\]|\\.)*")/s);
  if (!m) throw new Error("dist/role-compare.js: cannot find the stylesheet string (\":host {…\")");
  return JSON.parse(m[1]);
}

function writeBaselines() {
  const fallback = fs.readFileSync(path.join(DIST, "fallback.html"), "utf8").trim();
  if (!fallback.includes("data-role-compare-fallback")) throw new Error("dist/fallback.html has no data-role-compare-fallback");
  // The loader drops this attribute from its copy inside the shadow root; so do we.
  const markup = fallback.replace(" data-role-compare-fallback", "");
  const css = widgetCss();
  if (/<\/style/i.test(css)) throw new Error("the widget CSS contains </style");
  fs.mkdirSync(path.join(DIST, "bench/dt"), { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, "www/bench"))) {
    let text = fs.readFileSync(path.join(ROOT, "www/bench", name), "utf8");
    if (name === "static.html" || name === "vanilla.html") {
      for (const placeholder of ["/* bench:css */", "<!-- bench:fallback -->"]) {
        if (!text.includes(placeholder)) throw new Error(`www/bench/${name} has no ${placeholder}`);
      }
      text = text.replace("/* bench:css */", () => css).replace("<!-- bench:fallback -->", () => markup);
    }
    if (name === "datatables.html") {
      if (!text.includes("<!-- bench:table -->")) throw new Error("www/bench/datatables.html has no <!-- bench:table -->");
      text = text.replace("<!-- bench:table -->", () => plainTable());
    }
    fs.writeFileSync(path.join(DIST, "bench", name), text);
  }
  // The peer's library files, exactly as npm ships them.
  for (const [from, to] of [
    ["node_modules/datatables.net/js/dataTables.min.js", "dataTables.min.js"],
    ["node_modules/datatables.net-dt/css/dataTables.dataTables.min.css", "dataTables.dataTables.min.css"],
  ]) {
    fs.copyFileSync(path.join(ROOT, from), path.join(DIST, "bench/dt", to));
  }
}

// The default comparison as one plain table (the native example, built once per bench).
let plainTableHtml = null;
function plainTable() {
  plainTableHtml ??= execFileSync(process.env.CARGO ?? "cargo", ["run", "--quiet", "--release", "--example", "plain_table"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  }).trim();
  if (!plainTableHtml.includes('<table id="dt"')) throw new Error("examples/plain_table printed no table");
  return plainTableHtml;
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
  if (filled("static.html") && filled("vanilla.html") && filled("datatables.html") && present("vanilla.js") && present("datatables.js") && present("lazy.html") && present("dt/dataTables.min.js")) return false;
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
      else mo.observe(host.shadowRoot ?? host, { childList: true, subtree: true, attributes: true, characterData: true });
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
      const host = document.querySelector(sel.host ?? "role-compare");
      const root = host.shadowRoot ?? host;
      const scope = () => (sel.scope ? root.querySelector(sel.scope) : root);
      const rows = () => scope().querySelectorAll(sel.rows).length;
      // Idle for a moment between clicks, as a reader would be: the next click starts from an
      // idle page rather than in step with the frame that just ended.
      const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const out = [];
      for (let i = 0; i < n; i++) {
        const mode = i % 2 === 0 ? a : b;
        const radio = scope().querySelector(`input[type=radio][value=${mode}]`) ?? root.querySelector(`input[type=radio][value=${mode}]`);
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

async function newPage(browser, profile) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  if (profile.net) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", profile.net);
  }
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

// The wasm's linear memory: wasm-bindgen's init function returns the instance's exports once it
// has run (the loader ran it), so no test hook is needed.
const wasmMemory = (page) =>
  page.evaluate(() => import(new URL("role_compare.js", document.baseURI).href).then(async (glue) => (await glue.default()).memory.buffer.byteLength));

// Bytes the page fetched until now (compressed bodies as sent: the document plus every resource).
const fetchedBytes = (page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce((a, e) => a + e.encodedBodySize, 0),
  );

// One fresh-context load of `kind` in `profile`.
async function loadRun(browser, kind, profile, withToggles) {
  const { context, page, cdp, problems } = await newPage(browser, profile);
  try {
    await page.goto(url(PAGES[kind]), { waitUntil: "load", timeout: 120_000 });
    const r = { kind, profile: profile.name };
    if (kind !== "static") r.interactive = await readyOrTimeout(page, 60_000);
    r.bytes = await fetchedBytes(page);
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
        log(`filter toggles failed: ${kind}, ${profile.name}: ${e.message}`);
      }
    }
    r.problems = problems;
    return r;
  } finally {
    await context.close();
  }
}

// The rows each page shows in each mode, to check that they filter alike.
async function shownRows(browser, kind) {
  const { context, page, problems } = await newPage(browser, ALL_PROFILES[0]);
  try {
    await page.goto(url(PAGES[kind]));
    await readyOrTimeout(page, 60_000);
    const result = {};
    for (const mode of ["differences", "shared", "all"]) {
      result[mode] = await page.evaluate(
        async ({ sel, mode }) => {
          const host = document.querySelector(sel.host ?? "role-compare");
          const root = host.shadowRoot ?? host;
          const scope = () => (sel.scope ? root.querySelector(sel.scope) : root);
          (scope().querySelector(`input[type=radio][value=${mode}]`) ?? root.querySelector(`input[type=radio][value=${mode}]`)).click();
          for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
          return {
            // One key a row (the widget and the fallback draw a row's shared statements as
            // further <tr>s with the same key).
            rows: [...new Set([...scope().querySelectorAll(sel.rows)].map((tr) => tr.dataset.row))],
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
  const { context, page, cdp, problems } = await newPage(browser, ALL_PROFILES[0]);
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
      async ({ compared }) => {
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
            mount().querySelectorAll("thead th[scope=col]").length === compared &&
            mount().querySelectorAll("tr.rc-row-data:not([hidden])").length === 100,
          timeout: 300_000,
        });
        return { ...t, setter, errors: host.shadowRoot.querySelectorAll(".rc-error").length };
      },
      { compared: SCALE.compared },
    );
    phase("set");
    // Every row has claims of every role and none is shared, so "Differences only" shows the
    // same 100 rows as "All rows" (timed to the change event); "Shared only" empties the table
    // and "All rows" draws the compared roles' 6,000 claims again (timed to the row count).
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
  const { context, page, problems } = await newPage(browser, ALL_PROFILES[0]);
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
  const server = await serve();
  BASE_URL = `http://127.0.0.1:${server.address().port}/`;
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
    "bench/datatables.html": sizes("bench/datatables.html"),
    "bench/datatables.js": sizes("bench/datatables.js"),
    "bench/dt/dataTables.min.js": sizes("bench/dt/dataTables.min.js"),
    "bench/dt/dataTables.dataTables.min.css": sizes("bench/dt/dataTables.dataTables.min.css"),
  };
  // What each page needs beyond its HTML to be interactive (gzip -9): the widget's three files;
  // DataTables' script and stylesheet plus the page's script; vanilla's script.
  const peer = sum(["bench/dt/dataTables.min.js", "bench/dt/dataTables.dataTables.min.css", "bench/datatables.js"].map((f) => extra[f]));

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
    config: { runs: RUNS, toggles: TOGGLES, toggleRuns: TOGGLE_RUNS, scaleRuns: SCALE_RUNS, profiles: PROFILES, viewport: VIEWPORT, clsWindowMs: CLS_WINDOW_MS },
    sizes: { files: size, total, extra, peer },
  };
  try {
    // Do the pages filter the same rows?
    log("checking that vanilla.js and DataTables show the same rows as the widget");
    await checkDist("row check");
    const shown = {};
    for (const kind of ["widget", "vanilla", "datatables"]) shown[kind] = await shownRows(browser, kind);
    result.check = {};
    for (const mode of ["all", "differences", "shared"]) {
      const w = shown.widget[mode];
      result.check[mode] = { widget: w.rows.length };
      for (const kind of ["vanilla", "datatables"]) {
        const o = shown[kind][mode];
        result.check[mode][kind] = o.rows.length;
        result.check[mode][`${kind}Same`] = JSON.stringify(w.rows) === JSON.stringify(o.rows);
      }
    }

    // Main runs: for each profile, RUNS rounds of every page, the order rotated each round so
    // that no page always goes first.
    result.runs = [];
    for (const profile of PROFILES) {
      for (let i = 0; i < RUNS; i++) {
        const order = KINDS.map((_, k) => KINDS[(k + i) % KINDS.length]);
        for (const kind of order) {
          await checkDist(`${kind} ${profile.name} run ${i + 1}`);
          try {
            result.runs.push({ round: i, ...(await loadRun(browser, kind, profile, i < TOGGLE_RUNS)) });
          } catch (e) {
            log(`run failed: ${kind}, ${profile.name}: ${e.message}`);
            result.runs.push({ round: i, kind, profile: profile.name, error: e.message });
          }
        }
        log(`${profile.name}: round ${i + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
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
    server.close();
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
  for (const profile of PROFILES) {
    for (const kind of KINDS) {
      const all = result.runs.filter((r) => r.profile === profile.name && r.kind === kind);
      const runs = all.filter((r) => !r.error);
      s[`${kind}@${profile.name}`] = {
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
        bytes: median(runs.map((r) => r.bytes)),
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
    `served:   ${result.baseUrl} (this script's server: gzip -9, Cache-Control: no-store, a fresh context a load)`,
    `profiles: ${PROFILES.map((p) => `${p.name} = ${p.label}`).join("; ")}`,
    ...(result.distEvents.length
      ? [
          `WARNING:  dist/ was changed by another process during the bench (${result.distEvents.length} runs started after a change; ` +
            `widget files changed: ${result.distEvents.some((e) => e.widgetFilesChanged) ? "yes" : "no"}); ` +
            `first at ${result.distEvents[0].at} s, before ${result.distEvents[0].where}. Baselines were regenerated; numbers may mix builds.`,
        ]
      : []),
    `runtime:  ${result.seconds.toFixed(0)} s (${RUNS} loads per page and profile; filter clicks in ${TOGGLE_RUNS} of them, ${TOGGLES} per measure; ${SCALE_RUNS} scale runs)`,
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
        sizeRow("bench/datatables.html", "DataTables peer page", sz.extra["bench/datatables.html"]),
        sizeRow("dt/dataTables.min.js", "DataTables 3 (npm)", sz.extra["bench/dt/dataTables.min.js"]),
        sizeRow("dt/dataTables.dataTables.min.css", "its stylesheet (npm)", sz.extra["bench/dt/dataTables.dataTables.min.css"]),
        sizeRow("bench/datatables.js", "the peer page's script", sz.extra["bench/datatables.js"]),
        sizeRow("peer total", "script + style to interactive", sz.peer),
      ],
      ["l", "l", "r", "r", "r"],
    ),
    `   widget / DataTables peer, script + style to interactive, gzip -9: ${fmtRatio(sz.total.gzip / sz.peer.gzip)}`,
    "",
  );

  // 2–3. Timings, one table a profile
  const c = (kind, profile) => s[`${kind}@${profile}`];
  const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
  const f = (x) => x?.filter ?? {};
  const fs2 = (x) => x?.filterShared ?? {};
  const cls = (v) => (v == null ? "—" : v.toFixed(4));
  const fmtKiB = (v) => (v == null ? "—" : (v / KiB).toFixed(1));
  const measures = [
    ["fetched until ready, compressed (KiB)", (x) => x.bytes, fmtKiB, "datatables"],
    ["FCP (ms)", (x) => x.fcp, fmtMs, "static"],
    ["FCP p95 (ms)", (x) => x.fcpP95, fmtMs, "static"],
    ["interactive = ready event (ms)", (x) => x.interactive, fmtMs, "vanilla"],
    ["interactive p95 (ms)", (x) => x.interactiveP95, fmtMs, "vanilla"],
    ["filter Differences↔All p50 (ms)", (x) => f(x).p50, fmtMs, "vanilla"],
    ["filter Differences↔All p95 (ms)", (x) => f(x).p95, fmtMs, "vanilla"],
    ["filter Shared↔All p50 (ms)", (x) => fs2(x).p50, fmtMs, "vanilla"],
    ["filter Shared↔All p95 (ms)", (x) => fs2(x).p95, fmtMs, "vanilla"],
    ["  … to frame painted p50 (ms)", (x) => fs2(x).paintP50, fmtMs, "vanilla"],
    ["JS heap after GC (MiB)", (x) => x.heap, fmtMiB, null],
    ["wasm memory (MiB)", (x) => x.wasm, fmtMiB, null],
    ["CLS max", (x) => x.clsMax, cls, null],
  ];
  out.push(`2–3. Load, interaction and memory (headless Chromium, fresh context per load, ${RUNS} loads; medians unless marked)`);
  for (const profile of PROFILES) {
    const rows = measures.map(([label, pick, fmt, ratioOf]) => {
      const v = (kind) => {
        const x = c(kind, profile.name);
        return x ? pick(x) : null;
      };
      return [
        label,
        ...KINDS.map((k) => fmt(v(k))),
        ratioOf ? `${fmtRatio(ratio(v("widget"), v(ratioOf)))} w/${ratioOf[0]}` : "",
        ratioOf === "datatables" || !ratioOf ? "" : `${fmtRatio(ratio(v("widget"), v("datatables")))} w/d`,
      ];
    });
    out.push(`   ${profile.label}`);
    out.push(table(["measure", ...KINDS, "ratio", "vs peer"], rows));
    out.push("");
  }
  const check = result.check;
  out.push(
    "   ratios: w/s widget/static, w/v widget/vanilla, w/d widget/DataTables. static has no script: no ready time, no filter.",
    "   fetched: the document and every resource until ready (Resource Timing encodedBodySize: gzip as served).",
    '   filter: clicks on the "Show" radios with el.click() inside the page, alternating, timed from just before the click to the',
    '   first requestAnimationFrame after the page reacted; "painted" = a task posted from that frame (after style, layout, paint).',
    "   Differences↔All: the table does not change with the bundled data; timed to the role-compare-change event (the widget fires",
    "   it from an effect after rendering; vanilla.js and datatables.js after their redraw). Shared↔All: timed to the shown row",
    "   count changing (MutationObserver).",
    "   Memory: CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage, and the wasm instance's linear memory, after mount.",
    "   Rows shown, widget / vanilla / DataTables (data-row keys): " +
      ["all", "differences", "shared"]
        .map((mode) => `${mode} ${check[mode].widget}/${check[mode].vanilla}/${check[mode].datatables}${check[mode].vanillaSame && check[mode].datatablesSame ? " same" : " DIFFERENT"}`)
        .join(", ") +
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
    `4. Scale: ${SCALE.roles} roles × ${fmtInt(SCALE.perRole)} claims each (${fmtInt(SCALE.roles * SCALE.perRole)} claims), ` +
      `the first ${SCALE.compared} compared (the default), index.html, CPU 1×, median of ${sc.runs} runs${sc.failed ? ` (${sc.failed} FAILED)` : ""}`,
  );
  out.push(
    table(
      ["measure", "next frame", "frame painted"],
      [
        [`el.data = … → ${SCALE.compared} columns × 100 rows in the DOM (ms)`, fmtMs(sc.set), fmtMs(sc.setPaint)],
        ["  of which the el.data setter itself (ms)", fmtMs(sc.setter), ""],
        ['"Differences only" (100 → 100 rows) → change event (ms)', fmtMs(sc.differences), fmtMs(sc.differencesPaint)],
        ['"Shared only" (100 → 0 rows) (ms)', fmtMs(sc.shared), fmtMs(sc.sharedPaint)],
        ['"All rows" (0 → 100 rows) (ms)', fmtMs(sc.all), fmtMs(sc.allPaint)],
        ["JS heap after GC (MiB)", fmtMiB(sc.heap), ""],
        ["wasm memory (MiB)", fmtMiB(sc.wasm), ""],
      ],
    ),
  );
  if (sc.problems.length) out.push(`   console errors seen: ${sc.problems.slice(0, 3).join(" | ")}`);
  out.push("");

  // 5. Lazy loading
  out.push('5. Lazy loading: bench/lazy.html, the widget 6000px below the fold (loading="lazy", the default)');
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
      `   role_compare_bg.wasm is ${fmtInt(sz.files["role_compare_bg.wasm"].raw)} bytes raw; resource timing saw ${fmtInt(lz.after.resourceTiming)} bytes on the wire.`,
    );
  out.push("");

  // 6. Layout shift
  const [p1, p4] = ["loopback-1x", "loopback-4x"];
  const w1 = c("widget", p1);
  const w4 = c("widget", p4);
  if (w1 && w4) {
    out.push(
      `6. Layout shift, index.html, navigation → ready + ${CLS_WINDOW_MS} ms: CLS max ${cls(w1.clsMax)} at 1×, ${cls(w4.clsMax)} at 4×; ` +
        `the upgrade's own shifts (from the moment the loader defined the element): CLS max ${cls(w1.upgradeClsMax)} at 1×, ${cls(w4.upgradeClsMax)} at 4×. ` +
        `FCP came before the loader defined the element in ${w1.paintedBeforeLoader}/${w1.runs} runs at 1×, ${w4.paintedBeforeLoader}/${w4.runs} at 4×.`,
      "",
    );
  }

  // Targets (issue 16)
  const targets = [["bytes to interactive ≤ 128 KiB gzip -9", `${(sz.total.gzip / KiB).toFixed(1)} KiB`, sz.total.gzip <= 128 * KiB]];
  for (const profile of PROFILES) {
    const w = c("widget", profile.name);
    const st = c("static", profile.name);
    const v = c("vanilla", profile.name);
    const limit = profile.net ? 1.5 : profile.cpu === 4 ? 1.3 : null;
    targets.push([`${profile.name}: FCP widget ≤ static`, fmtRatio(ratio(w.fcp, st.fcp)), ratio(w.fcp, st.fcp) <= 1]);
    if (limit) targets.push([`${profile.name}: interactive widget/vanilla ≤ ${limit}`, fmtRatio(ratio(w.interactive, v.interactive)), ratio(w.interactive, v.interactive) <= limit]);
    targets.push([`${profile.name}: filter p50 ≤ 16 ms, p95 ≤ 50 ms (Shared↔All)`, `${fmtMs(fs2(w).p50)} / ${fmtMs(fs2(w).p95)} ms`, fs2(w).p50 <= 16 && fs2(w).p95 <= 50]);
    targets.push([`${profile.name}: upgrade CLS 0`, cls(w.upgradeClsMax), w.upgradeClsMax === 0]);
  }
  targets.push(
    ["scale: interactive < 1 s at CPU 1× (el.data → table)", `${fmtMs(sc.set)} ms`, sc.set != null && sc.set < 1000],
    ["scale: filter ≤ 50 ms (Shared only, All rows)", `${fmtMs(sc.shared)} / ${fmtMs(sc.all)} ms`, sc.shared != null && sc.shared <= 50 && sc.all <= 50],
    ["lazy: 0 wasm bytes before scrolling", lz.error ? "error" : fmtInt(lz.before.wasmBytes), !lz.error && lz.before.wasmBytes === 0 && lz.before.wasmRequests === 0],
  );
  out.push("Targets");
  out.push(table(["target", "measured", "result"], targets.map(([t, v, pass]) => [t, v, pass ? "met" : "MISSED"]), ["l", "r", "l"]));
  out.push("", `Every sample: ${OUT}`);
  return out.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
