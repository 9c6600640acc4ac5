// Reliability (issue 21): sources that hang or crawl end, requests are aborted when they are no
// longer wanted, limits hold before they cost time, properties set before the upgrade are kept,
// the widget has a width in layouts that size it to its content, and a lazy widget out of sight
// waits. Dataset servers that stall, crawl or answer late run in this process on 127.0.0.1 (a
// second origin: the page reaches them through CORS, as a host page reaches a CMS export).
//
// Timings (from the end of the response, or the property set, to the visible error) and the
// longest main-thread task (Chromium's long-task entries) are printed as `# timing:` lines.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launch, open } from "./browser.mjs";

let browser;
let server;
let origin;
// What the dataset server saw: per request id, whether the client closed it before the end.
const seen = new Map();

const CUSTOM = {
  format: 1,
  version: "0.1.0",
  last_reviewed: "2025-01-15",
  sources: [{ id: "s1", kind: "article", title: "An example source" }],
  facets: [{ id: "focus", label: "Focus", filter: true, topics: [{ id: "mission", label: "Mission" }] }],
  roles: [
    { id: "cto", abbr: "CTO", name: "Chief Technology Officer", summary: "Runs the technology." },
    { id: "cdo", abbr: "CDO", name: "Chief Data Officer", summary: "Owns the data." },
  ],
  claims: [
    { id: "cto-1", roles: ["cto"], facet: "focus", topic: "mission", text: "Sets direction.", sources: [{ source: "s1", at: "one" }] },
    { id: "cdo-1", roles: ["cdo"], facet: "focus", topic: "mission", text: "Governs data.", sources: [{ source: "s1", at: "two" }] },
  ],
};

// The same dataset with other role abbreviations, to tell two answers apart.
function variant(a, b) {
  const d = structuredClone(CUSTOM);
  d.roles[0].abbr = a;
  d.roles[1].abbr = b;
  return d;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The dataset server. Paths: /ok?a=&b= (a dataset at once), /late?ms=&a=&b= (the same after
// ms), /hang (no response), /stall (headers and half a dataset, then nothing), /crawl (a byte
// every 200 ms, for ever), /declared-big (Content-Length over the cap), /chunked-big (over the
// cap, no Content-Length), /big?kind= (a hostile body, sent at once).
const bodies = new Map();
function startServer() {
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    const id = url.searchParams.get("id") ?? url.pathname;
    const record = { closedEarly: false, finished: false };
    seen.set(id, record);
    res.on("close", () => {
      if (!record.finished) record.closedEarly = true;
    });
    const headers = { "Access-Control-Allow-Origin": "*", "Content-Type": "application/json", "Cache-Control": "no-store" };
    const send = (text) => {
      record.finished = true;
      res.writeHead(200, { ...headers, "Content-Length": Buffer.byteLength(text) });
      res.end(text);
    };
    const abbr = [url.searchParams.get("a") ?? "CTO", url.searchParams.get("b") ?? "CDO"];
    switch (url.pathname) {
      case "/ok":
        return send(JSON.stringify(variant(...abbr)));
      case "/late":
        await sleep(Number(url.searchParams.get("ms")));
        if (res.destroyed) return;
        return send(JSON.stringify(variant(...abbr)));
      case "/hang":
        return;
      case "/stall": {
        res.writeHead(200, headers);
        const text = JSON.stringify(CUSTOM);
        res.write(text.slice(0, text.length / 2));
        return;
      }
      case "/crawl": {
        res.writeHead(200, headers);
        const text = JSON.stringify(CUSTOM).padEnd(100_000, " ");
        for (let i = 0; i < text.length && !res.destroyed; i++) {
          res.write(text[i]);
          await sleep(200);
        }
        return;
      }
      case "/declared-big":
        res.writeHead(200, { ...headers, "Content-Length": String(64 * 1024 * 1024 + 1) });
        res.write("[");
        return;
      case "/chunked-big": {
        res.writeHead(200, headers);
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 200 && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
        }
        if (!res.destroyed) {
          record.finished = true;
          res.end("[]");
        }
        return;
      }
      case "/big":
        return send(bodies.get(url.searchParams.get("kind")));
      default:
        res.writeHead(404, headers);
        res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    }),
  );
}

before(async () => {
  browser = await launch();
  await startServer();
});
after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

// Opens a page and waits for its first widget to be ready (showing the bundled dataset).
async function ready(path) {
  const opened = await open(browser, path);
  await opened.page.waitForFunction(() => window.__roleCompareEvents.some((e) => e.type === "role-compare-ready"), null, { timeout: 30_000 });
  return opened;
}

// The late-loading page with one element, given `attrs`, appended and then the script loaded.
async function oneWidget(attrs = {}) {
  const opened = await open(browser, "examples/late.html");
  await opened.page.evaluate(async (attrs) => {
    const el = document.createElement("role-compare");
    el.setAttribute("loading", "eager");
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.getElementById("article").append(el);
    await window.loadWidget();
  }, attrs);
  await opened.page.waitForFunction(() => window.__roleCompareEvents.some((e) => e.type === "role-compare-ready"), null, { timeout: 30_000 });
  return opened;
}

// The role headers the first widget shows.
function headers(page, index = 0) {
  return page.evaluate((i) => {
    const root = document.querySelectorAll("role-compare")[i].shadowRoot;
    return [...root.querySelectorAll("[part~=role-header] .rc-abbr")].map((e) => e.textContent);
  }, index);
}

async function waitForHeaders(page, want, index = 0) {
  await page.waitForFunction(
    ([i, want]) => {
      const root = document.querySelectorAll("role-compare")[i]?.shadowRoot;
      const got = [...(root?.querySelectorAll("[part~=role-header] .rc-abbr") ?? [])].map((e) => e.textContent);
      return JSON.stringify(got) === JSON.stringify(want);
    },
    [index, want],
    { timeout: 30_000 },
  );
}

function errorEvents(page) {
  return page.evaluate(() => window.__roleCompareEvents.filter((e) => e.type === "role-compare-error").map((e) => e.detail));
}

async function waitForError(page, count = 1, timeout = 30_000) {
  await page.waitForFunction((n) => window.__roleCompareEvents.filter((e) => e.type === "role-compare-error").length >= n, count, { timeout });
  return (await errorEvents(page))[count - 1];
}

function panel(page, index = 0) {
  return page.evaluate((i) => document.querySelectorAll("role-compare")[i].shadowRoot.querySelector("[part~=error]")?.textContent ?? "", index);
}

const BUNDLED = ["CIO", "CISO", "CSO"];

// ---------------------------------------------------------------------------------------------
// Sources that hang or crawl end
// ---------------------------------------------------------------------------------------------

for (const [name, path, words] of [
  ["answers nothing", "/hang?id=hang", /nothing arrived from \S+ for 1 s/],
  ["sends the headers and half the body, then stalls", "/stall?id=stall", /nothing arrived from \S+ for 1 s/],
  ["crawls (a byte every 200 ms)", "/crawl?id=crawl", /\S+ had not finished after 10 s/],
]) {
  test(`a src that ${name} ends: a panel naming the URL and the wait, role-compare-error, previous content kept`, async () => {
    const { context, page, problems } = await oneWidget();
    const url = `${origin}${path}`;
    const t = Date.now();
    await page.evaluate((url) => {
      const el = document.querySelector("role-compare");
      el.setAttribute("src-timeout", "1");
      el.setAttribute("src", url);
    }, url);
    const detail = await waitForError(page, 1, 30_000);
    const took = Date.now() - t;
    assert.equal(detail.where, "src");
    assert.match(detail.what, words);
    assert.ok(detail.what.includes(url), detail.what);
    const shown = await panel(page);
    assert.ok(shown.includes(url) && words.test(shown), shown);
    assert.deepEqual(await headers(page), BUNDLED, "the previous content stays");
    await sleep(200);
    assert.equal(seen.get(path.split("=")[1]).closedEarly, true, "the request was aborted");
    console.log(`# timing: src that ${name}: error after ${took} ms (src-timeout 1 s)`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("changing src aborts the request in flight, and a late answer never replaces a newer one", async () => {
  const { context, page } = await oneWidget();
  await page.evaluate((origin) => {
    const el = document.querySelector("role-compare");
    el.setAttribute("src", `${origin}/late?id=old&ms=1500&a=OLD1&b=OLD2`);
    setTimeout(() => el.setAttribute("src", `${origin}/late?id=new&ms=100&a=NEW1&b=NEW2`), 100);
  }, origin);
  await waitForHeaders(page, ["NEW1", "NEW2"]);
  await sleep(2_000);
  assert.deepEqual(await headers(page), ["NEW1", "NEW2"], "the old answer did not come back over the new one");
  assert.equal(seen.get("old").closedEarly, true, "the old request was aborted");
  assert.deepEqual(await errorEvents(page), []);
  await context.close();
});

test("src set twice in one task: the later one is shown, and stays shown", async () => {
  // The second src answers first; the first one's answer, had it come, must not win.
  const { context, page } = await oneWidget();
  await page.evaluate((origin) => {
    const el = document.querySelector("role-compare");
    el.setAttribute("src", `${origin}/late?id=a1&ms=800&a=A1&b=A2`);
    el.setAttribute("src", `${origin}/late?id=b1&ms=10&a=B1&b=B2`);
  }, origin);
  await waitForHeaders(page, ["B1", "B2"]);
  await sleep(1_200);
  assert.deepEqual(await headers(page), ["B1", "B2"]);
  await context.close();
});

test("setting the data property aborts the src request in flight; the property's dataset stays", async () => {
  const { context, page } = await oneWidget();
  await page.evaluate(
    ([origin, dataset]) => {
      const el = document.querySelector("role-compare");
      el.setAttribute("src", `${origin}/late?id=data-wins&ms=800&a=S1&b=S2`);
      setTimeout(() => (el.data = dataset), 100);
    },
    [origin, variant("D1", "D2")],
  );
  await waitForHeaders(page, ["D1", "D2"]);
  await sleep(1_200);
  assert.deepEqual(await headers(page), ["D1", "D2"]);
  assert.equal(seen.get("data-wins").closedEarly, true);
  await context.close();
});

test("removing src aborts the request in flight; the content stays", async () => {
  const { context, page } = await oneWidget();
  await page.evaluate((origin) => {
    const el = document.querySelector("role-compare");
    el.setAttribute("src", `${origin}/late?id=removed-attr&ms=1000&a=X1&b=X2`);
    setTimeout(() => el.removeAttribute("src"), 200);
  }, origin);
  await sleep(1_600);
  assert.equal(seen.get("removed-attr").closedEarly, true);
  assert.deepEqual(await headers(page), BUNDLED);
  assert.deepEqual(await errorEvents(page), []);
  await context.close();
});

test("removing the element aborts the request in flight; putting it back fetches again", async () => {
  const { context, page } = await oneWidget();
  await page.evaluate((origin) => {
    const el = document.querySelector("role-compare");
    el.setAttribute("src", `${origin}/late?id=removed-el&ms=1000&a=R1&b=R2`);
    setTimeout(() => {
      window.__removed = el;
      el.remove();
    }, 200);
  }, origin);
  await sleep(600);
  assert.equal(seen.get("removed-el").closedEarly, true, "removal aborted the request");
  assert.deepEqual(await errorEvents(page), []);
  await page.evaluate(() => document.getElementById("article").append(window.__removed));
  await waitForHeaders(page, ["R1", "R2"]);
  assert.equal(seen.get("removed-el").finished, true, "fetched again on return");
  await context.close();
});

test("a src over the byte cap is refused by its Content-Length, or while it is read", async () => {
  for (const [path, id] of [["/declared-big?id=declared", "declared"], ["/chunked-big?id=chunked", "chunked"]]) {
    const { context, page } = await oneWidget();
    const t = Date.now();
    await page.evaluate((url) => document.querySelector("role-compare").setAttribute("src", url), `${origin}${path}`);
    const detail = await waitForError(page, 1, 60_000);
    assert.equal(detail.where, "src");
    assert.match(detail.what, /too large: (more than )?\d+ bytes \(the widget accepts at most 67108864 bytes\)/);
    assert.deepEqual(await headers(page), BUNDLED);
    await sleep(200);
    assert.equal(seen.get(id).closedEarly, true, `${id}: the request was aborted`);
    console.log(`# timing: src over the byte cap (${id}): error ${Date.now() - t} ms after src was set`);
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Limits hold before they cost time
// ---------------------------------------------------------------------------------------------

// Every kind of string field, as a path into CUSTOM (extended where the field is optional).
const FIELDS = [
  "version",
  "last_reviewed",
  "sources[0].id",
  "sources[0].title",
  "sources[0].author",
  "sources[0].publisher",
  "sources[0].note",
  "facets[0].id",
  "facets[0].label",
  "facets[0].description",
  "facets[0].topics[0].id",
  "facets[0].topics[0].label",
  "roles[0].id",
  "roles[0].abbr",
  "roles[0].name",
  "roles[0].summary",
  "roles[0].caveats[0].text",
  "claims[0].id",
  "claims[0].roles[0]",
  "claims[0].text",
  "claims[0].sources[0].source",
  "claims[0].sources[0].at",
  "claims[0].tags.issuer[0]",
  "conflicts[0].title",
  "conflicts[0].sides[0].text",
  "key_lines[0].text",
];

// CUSTOM with `value` at `path` (missing objects and lists made along the way).
function withValue(path, value) {
  const d = structuredClone(CUSTOM);
  d.roles[0].caveats = [{ id: "cv", text: "A caveat.", sources: [{ source: "s1" }] }];
  d.claims[0].tags = { issuer: ["PMI"] };
  d.conflicts = [{ id: "k", title: "T", facet: "focus", topic: "mission", sides: [{ text: "a", sources: [{ source: "s1" }] }, { text: "b", sources: [{ source: "s1" }] }] }];
  d.key_lines = [{ id: "kl", facet: "focus", roles: ["cto"], text: "Short line.", sources: [{ source: "s1" }] }];
  const parts = path.split(".").flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean));
  let here = d;
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1) here[part] = value;
    else here = here[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
  }
  return d;
}

// In the page: observe long tasks, run `action`, wait for the next role-compare-error, and
// return the time to it and the longest task meanwhile.
// With `url`, the time also counts from the end of that response (resource timing).
async function measured(page, action, arg, url) {
  await page.evaluate(() => {
    window.__long = [];
    if (!window.__longObserver) {
      window.__longObserver = new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration)));
      window.__longObserver.observe({ type: "longtask", buffered: false });
    }
  });
  const before = (await errorEvents(page)).length;
  const start = await page.evaluate(() => performance.now());
  await page.evaluate(action, arg);
  await page.waitForFunction((n) => window.__roleCompareEvents.filter((e) => e.type === "role-compare-error").length > n, before, { timeout: 60_000 });
  // The error is visible once the panel is in the shadow root; long tasks are reported late.
  const end = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return t;
  });
  await sleep(300);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  const detail = (await errorEvents(page))[before];
  const responseEnd = url ? await page.evaluate((u) => performance.getEntriesByName(u).at(-1)?.responseEnd ?? NaN, url) : NaN;
  return { detail, ms: Math.round(end - start), fromResponse: Math.round(end - responseEnd), longest: Math.round(longest) };
}

const TOO_LONG = "too long (the widget accepts at most 10000 characters in any text)";
const MB20 = 20_000_000;

test("a 20 MB string in any kind of field (data property) is refused quickly, naming its path", async () => {
  const { context, page } = await oneWidget();
  const runs = [];
  for (const path of FIELDS) {
    // The dataset is built first; the time runs from setting the property.
    await page.evaluate(
      ([path, dataset, size]) => {
        const parts = path.split(".").flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean));
        let here = dataset;
        for (const part of parts.slice(0, -1)) here = here[part];
        here[parts.at(-1)] = "x".repeat(size);
        window.__dataset = dataset;
      },
      [path, withValue(path, "x"), MB20],
    );
    const r = await measured(page, () => {
      document.querySelector("role-compare").data = window.__dataset;
      window.__dataset = null;
    });
    assert.equal(r.detail.where, "data");
    assert.deepEqual(r.detail.problems, [`${path}: ${TOO_LONG}`]);
    runs.push(r);
  }
  assert.deepEqual(await headers(page), BUNDLED);
  assert.match(await panel(page), /too long/);
  const sorted = (key) => runs.map((r) => r[key]).sort((a, b) => a - b);
  const [ms, longest] = [sorted("ms"), sorted("longest")];
  const median = (xs) => xs[Math.floor(xs.length / 2)];
  console.log(`# timing: 20 MB string in each of ${FIELDS.length} fields (data property, JSON.stringify included): median ${median(ms)} ms to the visible error (worst ${ms.at(-1)}), longest task median ${median(longest)} ms (worst ${longest.at(-1)})`);
  assert.ok(ms.at(-1) < 2_000, `${ms.at(-1)} ms`);
  // The goal is no task over 200 ms (met when measured on a quiet machine; garbage collection
  // of the 20 MB strings adds spikes on a busy one): a median over 300 ms means a regression.
  assert.ok(median(longest) < 300, `a ${median(longest)} ms task`);
  await context.close();
});

test("hostile bodies through src: a 20 MB string, 20 MB of short strings, the deepest nesting, just over the byte cap", async () => {
  const huge = "x".repeat(MB20);
  const roleIds = (n) => Array.from({ length: n }, () => "cto");
  const shortStrings = withValue("claims[0].roles", []);
  const text = JSON.stringify(shortStrings).replace('"roles":[]', `"roles":${JSON.stringify(roleIds(MB20 / 6))}`);
  // 20 MB of short strings spread over lists that each stay under the item cap.
  const spread = structuredClone(CUSTOM);
  spread.claims = Array.from({ length: 40 }, (_, i) => ({ ...CUSTOM.claims[0], id: `c${i}`, roles: roleIds(MB20 / 6 / 40) }));
  bodies.set("name", JSON.stringify(withValue("roles[0].name", huge)));
  bodies.set("text", JSON.stringify(withValue("claims[0].text", huge)));
  bodies.set("short", text);
  bodies.set("spread", JSON.stringify(spread));
  bodies.set("nesting", "[".repeat(MB20));
  const dense = `[${"[1],".repeat(99_999)}[1]]`;
  bodies.set("dense", `[${Array(50).fill(dense).join(",")}]`);
  const cases = [
    ["name", /^roles\[0\]\.name: too long/],
    ["text", /^claims\[0\]\.text: too long/],
    ["short", /^claims\[0\]\.roles: too many items/],
    ["spread", /too many values|listed twice|more problems/],
    ["nesting", /nested too deeply at line 1, column 65/],
    ["dense", /too many values/],
  ];
  const { context, page } = await oneWidget();
  for (const [kind, want] of cases) {
    const url = `${origin}/big?kind=${kind}&id=${kind}`;
    const r = await measured(page, (url) => document.querySelector("role-compare").setAttribute("src", url), url, url);
    assert.equal(r.detail.where, "src", kind);
    assert.match(r.detail.problems[0] ?? r.detail.what, want, kind);
    console.log(`# timing: src ${kind} (${bodies.get(kind).length} bytes): ${r.fromResponse} ms from the end of the response to the visible error (${r.ms} ms from setting src), longest task ${r.longest} ms`);
    assert.ok(r.ms < 5_000, `${kind}: ${r.ms} ms`);
    assert.ok(r.longest < 400, `${kind}: a ${r.longest} ms task`);
    await page.evaluate(() => document.querySelector("role-compare").removeAttribute("src"));
  }
  assert.deepEqual(await headers(page), BUNDLED);
  await context.close();
});

// 50 roles × 2,000 claims each (the scale the README promises), as tests/support/generated.rs.
function fiftyByTwoThousand() {
  const facets = Array.from({ length: 4 }, (_, f) => ({
    id: `f${f}`,
    label: `Facet ${f}`,
    filter: true,
    topics: Array.from({ length: 25 }, (_, t) => ({ id: `t${t}`, label: `Topic ${t}` })),
  }));
  const claims = [];
  for (let r = 0; r < 50; r++) {
    for (let c = 0; c < 2_000; c++) {
      claims.push({
        id: `r${r}-c${c}`,
        roles: [`r${r}`],
        facet: `f${c % 4}`,
        topic: `t${Math.floor(c / 4) % 25}`,
        text: `Role ${r} statement ${c} about budgets and risk.`,
        sources: [{ source: "s0", at: "section" }],
      });
    }
  }
  return {
    format: 1,
    version: "scale",
    last_reviewed: "2026-11-23",
    sources: [{ id: "s0", kind: "article", title: "Generated" }],
    facets,
    roles: Array.from({ length: 50 }, (_, r) => ({ id: `r${r}`, abbr: `R${r}`, name: `Role ${r}`, summary: "Generated role." })),
    claims,
  };
}

test("the 50 roles × 2,000 claims dataset still loads through src", async () => {
  bodies.set("scale", JSON.stringify(fiftyByTwoThousand()));
  const { context, page, problems } = await oneWidget();
  const t = Date.now();
  await page.evaluate((url) => document.querySelector("role-compare").setAttribute("src", url), `${origin}/big?kind=scale&id=scale`);
  await page.waitForFunction(
    () => {
      const root = document.querySelector("role-compare").shadowRoot;
      return [...root.querySelectorAll("[part~=role-header] .rc-abbr")].map((e) => e.textContent).join(" ") === "R0 R1 R2";
    },
    null,
    { timeout: 120_000 },
  );
  console.log(`# timing: 50 roles × 2,000 claims (${bodies.get("scale").length} bytes) through src: shown in ${Date.now() - t} ms`);
  assert.deepEqual(await errorEvents(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an inline script with a 20 MB string is refused with its path", async () => {
  const opened = await open(browser, "examples/late.html");
  const { page, context } = opened;
  const start = await page.evaluate(async (text) => {
    const el = document.createElement("role-compare");
    el.setAttribute("loading", "eager");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = text.replace("@@", "x".repeat(20_000_000));
    el.append(script);
    document.getElementById("article").append(el);
    const t = performance.now();
    await window.loadWidget();
    return t;
  }, JSON.stringify(withValue("roles[1].summary", "@@")));
  const detail = await waitForError(page);
  assert.equal(detail.where, "inline");
  assert.deepEqual(detail.problems, [`roles[1].summary: ${TOO_LONG}`]);
  assert.ok(start >= 0);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Properties set before the upgrade
// ---------------------------------------------------------------------------------------------

test("data and state set before the element is defined are kept (created, given data, appended, then the script loaded)", async () => {
  const { context, page, problems } = await open(browser, "examples/late.html");
  await page.evaluate((dataset) => {
    const a = document.createElement("role-compare");
    a.setAttribute("loading", "eager");
    a.data = dataset;
    document.getElementById("article").append(a);
    const b = document.createElement("role-compare");
    b.setAttribute("loading", "eager");
    b.state = { roles: ["cio", "cso"], mode: "differences" };
    document.getElementById("article").append(b);
  }, variant("EARLY1", "EARLY2"));
  // Before the upgrade the values are plain own properties.
  assert.equal(await page.evaluate(() => Object.hasOwn(document.querySelector("role-compare"), "data")), true);
  await page.evaluate(() => window.loadWidget());
  await waitForHeaders(page, ["EARLY1", "EARLY2"], 0);
  await waitForHeaders(page, ["CIO", "CSO"], 1);
  const after = await page.evaluate(() => {
    const [a, b] = document.querySelectorAll("role-compare");
    return { own: Object.hasOwn(a, "data") || Object.hasOwn(b, "state"), abbr: a.data.roles[0].abbr, state: b.state };
  });
  assert.equal(after.own, false, "the own properties were taken over by the accessors");
  assert.equal(after.abbr, "EARLY1");
  assert.deepEqual(after.state.roles, ["cio", "cso"]);
  assert.equal(after.state.mode, "differences");
  assert.deepEqual(problems, []);
  await context.close();
});

// A host app from tests/e2e/hosts/, bundled for the browser (production builds of React and Vue).
async function bundle(name) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./hosts/${name}`, import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    logLevel: "silent",
    define: {
      "process.env.NODE_ENV": '"production"',
      __VUE_OPTIONS_API__: "true",
      __VUE_PROD_DEVTOOLS__: "false",
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
    },
  });
  return result.outputFiles[0].text;
}

// The late page with an #app element and `source` run as a module, before role-compare.js.
async function hostApp(source) {
  const opened = await open(browser, "examples/late.html");
  const warnings = [];
  opened.page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  await opened.page.evaluate(() => {
    const app = document.createElement("div");
    app.id = "app";
    document.getElementById("article").append(app);
  });
  await opened.page.addScriptTag({ content: source, type: "module" });
  // An inline module runs after addScriptTag returns (there is no load event to wait for): wait
  // until the host app has defined its render function.
  await opened.page.waitForFunction(() => typeof (window.renderReact ?? window.renderVue) === "function");
  return { ...opened, warnings };
}

test("React 19: a dataset given through a ref before role-compare.js loads is kept; a later render sets the property", async () => {
  const { context, page, problems } = await hostApp(await bundle("react-host.mjs"));
  await page.evaluate((d) => window.renderReact(d, "byRef"), variant("REACT1", "REACT2"));
  assert.equal(await page.evaluate(() => customElements.get("role-compare")), undefined, "rendered before the definition");
  await page.evaluate(() => window.loadWidget());
  await waitForHeaders(page, ["REACT1", "REACT2"]);
  // Once defined, a re-render with a new object as a prop reaches the accessor.
  await page.evaluate((d) => window.renderReact(d, "byProp"), variant("REACT3", "REACT4"));
  await waitForHeaders(page, ["REACT3", "REACT4"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("React 19: a dataset given as a prop before role-compare.js loads becomes an attribute; the widget says so", async () => {
  const { context, page, warnings } = await hostApp(await bundle("react-host.mjs"));
  await page.evaluate((d) => window.renderReact(d, "byProp"), variant("LOST1", "LOST2"));
  assert.equal(await page.evaluate(() => document.querySelector("role-compare").getAttribute("data")), "[object Object]");
  await page.evaluate(() => window.loadWidget());
  await page.waitForFunction(() => window.__roleCompareEvents.some((e) => e.type === "role-compare-ready"), null, { timeout: 30_000 });
  assert.deepEqual(await headers(page), BUNDLED);
  assert.ok(warnings.some((w) => w.includes('data attribute is "[object Object]"')), JSON.stringify(warnings));
  await context.close();
});

test("Vue 3: a dataset bound with .prop before role-compare.js loads is kept; a later change reaches the widget", async () => {
  const { context, page, problems } = await hostApp(await bundle("vue-host.mjs"));
  await page.evaluate((d) => window.renderVue(d), variant("VUE1", "VUE2"));
  assert.equal(await page.evaluate(() => Object.hasOwn(document.querySelector("role-compare"), "data")), true);
  await page.evaluate(() => window.loadWidget());
  await waitForHeaders(page, ["VUE1", "VUE2"]);
  await page.evaluate((d) => window.renderVue(d), variant("VUE3", "VUE4"));
  await waitForHeaders(page, ["VUE3", "VUE4"]);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// A width in layouts that size the element to its content
// ---------------------------------------------------------------------------------------------

for (const [query, frame, display] of [["", 900, "table"], ["?narrow", 480, "block"]]) {
  test(`shrink-to-fit layouts (${frame}px frames): a width, a sane height, nothing sticks out, container queries work`, async () => {
    const { context, page, problems } = await open(browser, `examples/layouts.html${query}`, { viewport: { width: 1280, height: 900 } });
    await page.waitForFunction(
      () => [...document.querySelectorAll("role-compare")].every((e) => e.shadowRoot?.querySelector(".rc-mount [part~=count]")),
      null,
      { timeout: 90_000 },
    );
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll(".frame")].map((f) => {
        const el = f.querySelector("role-compare");
        const box = el.getBoundingClientRect();
        const outer = f.getBoundingClientRect();
        const root = el.shadowRoot.querySelector(".rc");
        const inner = root.getBoundingClientRect();
        return {
          layout: f.dataset.layout,
          width: box.width,
          height: box.height,
          frame: outer.width - 2,
          inside: box.left >= outer.left - 1 && box.right <= outer.right + 1 && inner.left >= box.left - 1 && inner.right <= box.right + 1,
          scrolls: root.scrollWidth <= root.clientWidth + 1,
          table: getComputedStyle(el.shadowRoot.querySelector(".rc-table")).display,
        };
      }),
    );
    const layouts = ["flex item", "div in a flex row", "float", "inline-block", "table cell", "absolute", "fit-content", "auto grid track"];
    assert.deepEqual(rows.map((r) => r.layout), layouts);
    const tallest = Math.max(...rows.map((r) => r.height));
    for (const r of rows) {
      assert.ok(r.width >= Math.min(320, r.frame) - 1, `${r.layout}: ${r.width}px wide`);
      assert.ok(r.width <= r.frame + 1, `${r.layout}: ${r.width}px in a ${r.frame}px frame`);
      assert.ok(r.height > 300 && r.height < 10_000, `${r.layout}: ${r.height}px tall`);
      assert.ok(r.inside, `${r.layout}: sticks out of its frame`);
      assert.ok(r.scrolls, `${r.layout}: the widget's content is wider than the widget`);
      assert.equal(r.table, display, `${r.layout}: the container query (narrow below 600px)`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scroll on the page");
    console.log(`# layout (${frame}px): ${rows.map((r) => `${r.layout} ${Math.round(r.width)}×${Math.round(r.height)}`).join("; ")}; tallest ${Math.round(tallest)}px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Lazy means out of sight
// ---------------------------------------------------------------------------------------------

test("a lazy widget in a closed <details> fetches nothing until it is opened", async () => {
  const { context, page, problems } = await open(browser, "examples/late.html");
  const wasm = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await page.evaluate(async () => {
    const details = document.createElement("details");
    details.id = "more";
    details.innerHTML = "<summary>Compare the roles</summary><role-compare></role-compare>";
    document.getElementById("article").prepend(details);
    await window.loadWidget();
  });
  await sleep(1_500);
  assert.deepEqual(wasm, [], "nothing fetched while the details is closed");
  await page.click("#more summary");
  await page.waitForFunction(() => window.__roleCompareEvents.some((e) => e.type === "role-compare-ready"), null, { timeout: 30_000 });
  assert.equal(wasm.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});
