// Walking skeleton, end to end: the demo page built into dist/ defines <role-compare>, and the
// element shows a table whose column headers are the three roles, inside its open shadow root.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { events, launch, open } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the demo page shows the three roles inside the shadow root", async () => {
  const { context, page, problems } = await open(browser, "index.html");
  const headers = page.locator("role-compare .rc-mount thead th[scope=col] .rc-abbr");
  await headers.first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await headers.allTextContents(), ["CIO", "CISO", "CSO"]);
  const shadowMode = await page.$eval("role-compare", (el) => el.shadowRoot?.mode ?? "none");
  assert.equal(shadowMode, "open");
  const defined = await page.evaluate(() => typeof customElements.get("role-compare"));
  assert.equal(defined, "function");
  assert.deepEqual(await events(page), ["role-compare-ready"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the iframe page shows the same table", async () => {
  const { context, page, problems } = await open(browser, "embed.html");
  const headers = page.locator("role-compare .rc-mount thead th[scope=col] .rc-abbr");
  await headers.first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await headers.allTextContents(), ["CIO", "CISO", "CSO"]);
  assert.deepEqual(problems, []);
  await context.close();
});
