// The packed npm package in Chromium (run by `cargo xtask test` after xtask/src/package.rs has
// packed it, installed it offline into $SCRATCH, type-checked and bundled tests/package/usage.ts):
// (a) a page imports the package by the path its `exports` resolve to; (c) a page loads the
// esbuild bundle of usage.ts, which imports the package by name through an import map. In both
// the widget starts with the wasm fetched from inside the package folder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { launch } from "../e2e/browser.mjs";

const BASE_URL = process.env.BASE_URL;
const SCRATCH = process.env.SCRATCH;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The package's entry as Node resolves it through package.json's `exports`, as a URL path
// under the scratch folder's server.
function entry() {
  const require = createRequire(join(SCRATCH, "package.json"));
  const file = require.resolve("role-compare");
  return `/${relative(SCRATCH, file).split("\\").join("/")}`;
}

async function page(body) {
  const context = await browser.newContext();
  const url = new URL(`page-${Math.random().toString(36).slice(2)}.html`, BASE_URL).href;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>npm package</title><script type="importmap">${JSON.stringify({ imports: { "role-compare": entry() } })}</script></head><body>${body}</body></html>`,
    }),
  );
  const p = await context.newPage();
  const wasm = [];
  p.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  await p.goto(url);
  return { context, page: p, wasm, errors };
}

async function headers(p) {
  await p.waitForFunction(() => document.querySelector("role-compare")?.shadowRoot?.querySelector(".rc-mount thead [part~=role-header]"), null, { timeout: 60_000 });
  return p.evaluate(() => [...document.querySelector("role-compare").shadowRoot.querySelectorAll(".rc-mount thead [part~=role-header] .rc-abbr")].map((e) => e.textContent));
}

test("exports: the entry resolves to the package's loader", () => {
  assert.equal(entry(), "/node_modules/role-compare/role-compare.js");
});

test("(a) a page loads the package through its exports path", async () => {
  const { context, page: p, wasm, errors } = await page(`<script type="module">import "role-compare";</script><role-compare roles="cio ciso" loading="eager"></role-compare>`);
  try {
    assert.deepEqual(await headers(p), ["CIO", "CISO"]);
    assert.deepEqual(wasm, ["/node_modules/role-compare/role_compare_bg.wasm"]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("(c) the esbuild bundle of the TypeScript usage file runs, the wasm from the package", async () => {
  const { context, page: p, wasm, errors } = await page(`<script type="module" src="/out/bundle.js"></script>`);
  try {
    assert.deepEqual(await headers(p), ["CIO", "CISO"]);
    await p.waitForFunction(() => (window.__usage ?? []).some((l) => l.startsWith("change")), null, { timeout: 30_000 });
    const log = await p.evaluate(() => window.__usage);
    assert.deepEqual(log, ["ready cio ciso", "change differences rows"]);
    assert.deepEqual(wasm, ["/node_modules/role-compare/role_compare_bg.wasm"]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the installed manifest and declarations name the same attributes, properties, events, parts and CSS properties", () => {
  const dir = join(SCRATCH, "node_modules/role-compare");
  const cem = JSON.parse(readFileSync(join(dir, "custom-elements.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.equal(pkg.customElements, "custom-elements.json");
  const element = cem.modules[0].declarations.find((d) => d.tagName === "role-compare");
  const names = (list) => list.map((x) => x.name).sort();
  const dts = readFileSync(join(dir, "role-compare.d.ts"), "utf8");
  const block = (start) => dts.slice(dts.indexOf(start) + start.length).split(/\n}|;\n\n/)[0];
  const quoted = (text) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
  const keys = (text) => [...text.matchAll(/^\s+"?([a-z-]+)"?\??:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(names(element.attributes), keys(block("export interface RoleCompareAttributes {")));
  assert.deepEqual(names(element.events), keys(block("export interface RoleCompareEventMap {")));
  assert.deepEqual(names(element.cssParts), quoted(block("export type RoleComparePart =")));
  assert.deepEqual(names(element.cssProperties), quoted(block("export type RoleCompareCssProperty =")));
  for (const member of element.members) assert.match(dts, new RegExp(`\\n  (get )?${member.name}[(:]`));
  assert.equal(element.attributes.length, 11);
  assert.equal(element.cssParts.length, 18);
});
