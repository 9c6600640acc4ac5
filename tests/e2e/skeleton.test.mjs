// Walking skeleton, end to end: the demo page built into dist/ defines <role-compare>, and the
// element shows a table whose column headers are the three roles, inside its open shadow root.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { events, launch } from "./browser.mjs";
import { Widget } from "./widget.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the demo page shows the three roles inside the shadow root", async () => {
  const w = await Widget.open(browser, "index.html");
  assert.deepEqual(await w.headers(), ["CIO", "CISO", "CSO"]);
  assert.equal(await w.evaluate((el) => el.shadowRoot?.mode ?? "none"), "open");
  const defined = await w.page.evaluate(() => typeof customElements.get("role-compare"));
  assert.equal(defined, "function");
  assert.deepEqual(await events(w.page), ["role-compare-ready"]);
  assert.deepEqual(w.problems, []);
  await w.close();
});

test("the iframe page shows the same table", async () => {
  const w = await Widget.open(browser, "embed.html");
  assert.deepEqual(await w.headers(), ["CIO", "CISO", "CSO"]);
  assert.deepEqual(w.problems, []);
  await w.close();
});
