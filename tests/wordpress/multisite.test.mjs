// The plugin on a WordPress multisite network (subdirectory), where only super admins have
// unfiltered_html: the super admin uploads the zip in the Network Admin and network-activates
// it; the administrator of a second site (/site2/), who is no super admin, writes a post with
// the block and one with the shortcode through the REST API; Chromium reads them as a visitor.
//
// Environment (set by xtask/src/wordpress.rs): WP_MS_URL, WP_MS_CREDENTIALS (JSON from
// tests/wordpress/setup.php's network-sites stage), WP_ZIP, WP_SCREENSHOTS, CHROMIUM_PATH.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch } from "../e2e/browser.mjs";
import { Widget } from "../e2e/widget.mjs";
import { Site, adminContext, pluginLogLines, visit, wasmFetches } from "./wp.mjs";

const NETWORK_URL = process.env.WP_MS_URL;
const ACCOUNTS = JSON.parse(process.env.WP_MS_CREDENTIALS ?? "null");
const SHOTS = process.env.WP_SCREENSHOTS;

let browser;
let network;
let site2;

before(async () => {
  assert.ok(NETWORK_URL && ACCOUNTS, "run through `cargo xtask test` (or `cargo xtask wordpress`)");
  network = new Site(NETWORK_URL);
  site2 = new Site(ACCOUNTS.siteUrl.replace(/\/$/, ""));
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("the super admin uploads the zip in the Network Admin and activates it for the network", async () => {
  assert.equal(ACCOUNTS.superAdmin.isSuperAdmin, true);
  const context = await adminContext(browser, network.origin);
  const page = await context.newPage();
  await network.logIn(page, ACCOUNTS.superAdmin);
  await page.goto(`${NETWORK_URL}/wp-admin/network/plugin-install.php?tab=upload`);
  await page.setInputFiles("#pluginzip", process.env.WP_ZIP);
  await Promise.all([page.waitForNavigation(), page.click("#install-plugin-submit")]);
  const result = await page.locator("#wpbody-content").innerText();
  assert.match(result, /Plugin installed successfully/, result);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Network Activate" }).click()]);
  const row = page.locator('tr[data-plugin="role-compare/role-compare.php"]');
  assert.match(await row.getAttribute("class"), /\bactive\b/);
  await context.close();
});

test("a site admin on the network (no unfiltered_html) gets the block and the shortcode; a raw script is stripped", async () => {
  const admin = ACCOUNTS.siteAdmin;
  assert.equal(admin.canUnfilteredHtml, false);
  const me = await site2.rest(admin, "/wp/v2/users/me", { query: "&context=edit" });
  assert.deepEqual(me.roles, ["administrator"]);
  // The administrator role lists unfiltered_html (REST shows the role's capabilities), but on a
  // network WordPress grants it to super admins only: user_can() said no (setup.php), and the
  // script below is stripped on save.

  const script = await site2.publish(admin, "A raw script", "<p>Before.</p><script>window.__injected = 1;</script><p>After.</p>");
  assert.doesNotMatch(script.content.raw, /<script/i, script.content.raw);

  const post = await site2.publish(
    admin,
    "Block and shortcode",
    [
      '<!-- wp:role-compare/comparison {"roles":["cio","cso"],"mode":"shared"} /-->',
      '<!-- wp:shortcode -->\n[role-compare roles="ciso cso" mode="differences"]\n<!-- /wp:shortcode -->',
    ].join("\n\n"),
  );
  assert.ok(post.link.startsWith(`${site2.base}/`), post.link);
  const v = await visit(browser, post.link, { viewport: { width: 1280, height: 900 } });
  const first = new Widget(v, 0);
  await first.ready();
  const second = new Widget(v, 1);
  await second.host().scrollIntoViewIfNeeded();
  await second.ready();
  assert.deepEqual(await first.headers(), ["CIO", "CSO"]);
  assert.deepEqual(await second.headers(), ["CISO", "CSO"]);
  const modes = await v.page.evaluate(() => [...document.querySelectorAll("role-compare")].map((e) => e.state.mode));
  assert.deepEqual(modes, ["shared", "differences"]);
  assert.equal(wasmFetches(v.requests), 1, v.requests.join("\n"));
  // The network's sites share the plugin's files, served by the network's own host.
  assert.deepEqual(v.off(), []);
  assert.deepEqual(v.problems, []);
  if (SHOTS) await v.page.screenshot({ path: join(SHOTS, "multisite-site2.png") });
  await v.context.close();

  const raw = await visit(browser, script.link);
  await raw.page.waitForLoadState("load");
  assert.equal(await raw.page.evaluate(() => window.__injected), undefined);
  await raw.context.close();
});

test("PHP logged no notice, warning or error from the plugin on the network", () => {
  assert.deepEqual(pluginLogLines(), []);
});
