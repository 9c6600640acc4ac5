// The WordPress plugin in a real WordPress (Debian's 6.1 package), started by `cargo xtask test`
// (xtask/src/wordpress.rs) on a loopback port: the administrator uploads and activates the built
// zip through the admin screens; an Author (no unfiltered_html, as on any single site) writes
// posts through the REST API with an application password; Chromium reads them as a visitor.
// At the end the administrator deletes the plugin and nothing of it is left.
//
// Environment (set by the tier): WP_URL, WP_CREDENTIALS (JSON from tests/wordpress/setup.php),
// WP_SITE_DIR, WP_DB_SOCKET, WP_ZIP, WP_SCREENSHOTS, WP_DEBUG_LOG, CHROMIUM_PATH.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "../e2e/browser.mjs";
import { Widget } from "../e2e/widget.mjs";
import { Site, adminContext, pluginLogLines, visit, wasmFetches } from "./wp.mjs";

const URL_BASE = process.env.WP_URL;
const CREDENTIALS = JSON.parse(process.env.WP_CREDENTIALS ?? "null");
const ORIGIN = URL_BASE && new URL(URL_BASE).origin;
const SHOTS = process.env.WP_SCREENSHOTS;

let browser;
const posts = {};
const site = URL_BASE && new Site(URL_BASE);
const rest = (route, options) => site.rest(CREDENTIALS.author, route, options);
const publish = (title, content) => site.publish(CREDENTIALS.author, title, content);
const logIn = (page, who) => site.logIn(page, CREDENTIALS[who]);
const visitFromStart = (url, options) => visit(browser, url, options);

// The site's option names, straight from its database (the tier's private MariaDB).
function optionNames() {
  const out = execFileSync(
    "mariadb",
    ["--no-defaults", `--socket=${process.env.WP_DB_SOCKET}`, "-uroot", "-N", "-e", "SELECT option_name FROM wp_options", "single"],
    { encoding: "utf8" },
  );
  return out.split("\n").filter(Boolean);
}
let optionsBefore = [];

before(async () => {
  assert.ok(URL_BASE && CREDENTIALS, "run through `cargo xtask test` (or `cargo xtask wordpress`)");
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("the administrator uploads the built zip under Plugins → Add New → Upload and activates it", async () => {
  optionsBefore = optionNames();
  assert.ok(optionsBefore.includes("siteurl"));
  const context = await adminContext(browser, ORIGIN);
  const page = await context.newPage();
  await logIn(page, "admin");
  await page.goto(`${URL_BASE}/wp-admin/plugin-install.php?tab=upload`);
  await page.setInputFiles("#pluginzip", process.env.WP_ZIP);
  await Promise.all([page.waitForNavigation(), page.click("#install-plugin-submit")]);
  const result = await page.locator("#wpbody-content").innerText();
  assert.match(result, /Plugin installed successfully/, result);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Activate Plugin" }).click()]);
  const row = page.locator('tr[data-plugin="role-compare/role-compare.php"]');
  assert.match(await row.getAttribute("class"), /\bactive\b/);
  assert.match(await row.innerText(), /Role comparison \(CIO, CISO, CSO\)/);
  await context.close();
});

test("the Author cannot post unfiltered HTML: a raw <script> in a post is stripped on save", async () => {
  assert.equal(CREDENTIALS.author.canUnfilteredHtml, false);
  const me = await rest("/wp/v2/users/me", { query: "&context=edit" });
  assert.deepEqual(me.roles, ["author"]);
  assert.notEqual(me.capabilities.unfiltered_html, true);
  const post = await publish(
    "A raw script",
    '<p>Before the script.</p><script>window.__injected = 1;</script><role-compare roles="cio ciso"></role-compare><p>After it.</p>',
  );
  posts.script = post;
  assert.doesNotMatch(post.content.raw, /<script/i, post.content.raw);
  assert.doesNotMatch(post.content.raw, /<role-compare/i, post.content.raw);
  assert.match(post.content.raw, /Before the script/);
  const v = await visitFromStart(post.link);
  await v.page.waitForLoadState("load");
  assert.equal(await v.page.evaluate(() => window.__injected), undefined);
  assert.equal(await v.page.locator("script[src*='role-compare']").count(), 0, "a page without the block loads no widget script");
  assert.equal(wasmFetches(v.requests), 0);
  await v.context.close();
});

test("a post with two Role comparison blocks: each renders its configured roles and mode, one wasm fetch, nothing off the site", async () => {
  const post = await publish(
    "Two comparisons",
    [
      "<!-- wp:paragraph --><p>Which leadership role fits?</p><!-- /wp:paragraph -->",
      '<!-- wp:role-compare/comparison {"roles":["cio","ciso"],"mode":"differences"} /-->',
      '<!-- wp:role-compare/comparison {"roles":["ciso","cso"],"mode":"shared","detail":"full","headingLevel":3} /-->',
    ].join("\n\n"),
  );
  posts.block = post;
  // A dynamic block: the post stores the block comments only.
  assert.doesNotMatch(post.content.raw, /<role-compare/);
  assert.equal((post.content.rendered.match(/<role-compare[\s>]/g) ?? []).length, 2);

  const v = await visitFromStart(post.link, { viewport: { width: 1280, height: 900 } });
  const first = new Widget(v, 0);
  await first.ready();
  const second = new Widget(v, 1);
  await second.host().scrollIntoViewIfNeeded();
  await second.ready();
  assert.deepEqual(await first.headers(), ["CIO", "CISO"]);
  assert.deepEqual(await second.headers(), ["CISO", "CSO"]);
  const states = await v.page.evaluate(() => [...document.querySelectorAll("role-compare")].map((e) => e.state));
  assert.equal(states[0].mode, "differences");
  assert.deepEqual(states[0].roles, ["cio", "ciso"]);
  assert.equal(states[1].mode, "shared");
  assert.equal(states[1].detail, "full");
  assert.deepEqual(states[1].roles, ["ciso", "cso"]);
  assert.equal(await second.host().getAttribute("heading-level"), "3");
  // The loader is a module script, printed once.
  const scripts = await v.page.evaluate(() =>
    [...document.querySelectorAll("script[src*='role-compare/assets/role-compare.js']")].map((s) => s.type),
  );
  assert.deepEqual(scripts, ["module"]);
  assert.equal(wasmFetches(v.requests), 1, v.requests.join("\n"));
  assert.deepEqual(v.off(), []);
  assert.deepEqual(v.problems, []);
  if (SHOTS) {
    await v.page.evaluate(() => window.scrollTo(0, 0));
    await v.page.screenshot({ path: join(SHOTS, "block-post.png") });
  }
  await v.context.close();
});

test("without JavaScript, each block shows the prerendered comparison for its own settings", async () => {
  const v = await visitFromStart(posts.block.link, { javaScriptEnabled: false });
  // Each in a declarative shadow root the parser attached, styled by the plugin's copy of
  // role-compare.css.
  const fallbacks = v.page.locator("role-compare [data-role-compare-fallback]");
  assert.equal(await fallbacks.count(), 2);
  const styled = await v.page.evaluate(() =>
    [...document.querySelectorAll("role-compare")].map((el) => {
      const link = el.shadowRoot?.querySelector("link[rel=stylesheet]");
      return [new URL(link?.href ?? "", location.href).pathname.endsWith("/role-compare/assets/role-compare.css"), getComputedStyle(el.shadowRoot.querySelector(".rc-vh")).position];
    }),
  );
  assert.deepEqual(styled, [[true, "absolute"], [true, "absolute"]]);
  const heads = (i) =>
    fallbacks.nth(i).evaluate((f) => [...f.querySelectorAll("[part~=table] thead [part~=role-header] .rc-abbr")].map((e) => e.textContent));
  assert.deepEqual(await heads(0), ["CIO", "CISO"]);
  assert.deepEqual(await heads(1), ["CISO", "CSO"]);
  // The second block asked for heading level 3: its heading and sections moved down one level.
  const levels = await fallbacks.nth(1).evaluate((f) => [...f.querySelectorAll("[role=heading]")].map((h) => h.getAttribute("aria-level")));
  assert.equal(levels[0], "3");
  assert.ok(levels.slice(1).every((l) => l === "4"), levels.join(" "));
  // WordPress passes the prerendered markup through untouched: no curly quotes (wptexturize),
  // no paragraphs (wpautop), no smilies. The first block's file, read back by the browser, is
  // exactly what the page holds.
  // (The file's id prefix is a placeholder each block replaces with its own: rc-wp1-, rc-wp2-.)
  const file = readFileSync(new URL("../../target/wordpress/plugin/role-compare/fallbacks/cio-ciso.differences.summary.html", import.meta.url), "utf8").replaceAll("rc-wpid-", "rc-wp1-");
  const [served, built] = await v.page.evaluate((html) => {
    const t = document.createElement("template");
    t.innerHTML = html;
    return [document.querySelector("role-compare").shadowRoot.querySelector("[data-role-compare-fallback]").outerHTML, t.content.firstElementChild.outerHTML];
  }, file);
  assert.ok(served === built, "the first block's fallback differs from the prerendered file");
  // Two comparisons, no element id twice on the page.
  // (Ids in the shadow roots too: the same file would be pasted as plain HTML elsewhere.)
  const ids = await v.page.evaluate(() =>
    [...document.querySelectorAll("[id]"), ...[...document.querySelectorAll("role-compare")].flatMap((el) => [...(el.shadowRoot?.querySelectorAll("[id]") ?? [])])].map((e) => e.id),
  );
  assert.ok(ids.filter((id) => id.startsWith("rc-wp2-")).length > 20);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "duplicate ids");
  assert.deepEqual(v.off(), []);
  await v.context.close();
});

test("a post with the shortcode renders the configured roles and mode", async () => {
  const post = await publish(
    "The shortcode",
    '<p>Compare the two:</p>\n\n[role-compare roles="cio cso" mode="differences" detail="full"]\n\n<p>After the comparison.</p>',
  );
  posts.shortcode = post;
  const v = await visitFromStart(post.link, { viewport: { width: 1280, height: 900 } });
  const w = new Widget(v, 0);
  await w.ready();
  assert.deepEqual(await w.headers(), ["CIO", "CSO"]);
  const state = await v.page.evaluate(() => document.querySelector("role-compare").state);
  assert.equal(state.mode, "differences");
  assert.equal(state.detail, "full");
  // shortcode_unautop: the element is not wrapped in a paragraph (a <p> cannot hold the table).
  assert.equal(await v.page.locator("p role-compare").count(), 0);
  assert.equal(wasmFetches(v.requests), 1);
  assert.deepEqual(v.off(), []);
  assert.deepEqual(v.problems, []);
  if (SHOTS) {
    await v.page.evaluate(() => window.scrollTo(0, 0));
    await v.page.screenshot({ path: join(SHOTS, "shortcode-post.png") });
  }
  await v.context.close();
  // A phone in dark mode: the theme's page around the widget, the widget in its dark theme.
  const phone = await visitFromStart(post.link, { viewport: { width: 375, height: 812 }, colorScheme: "dark" });
  await new Widget(phone, 0).ready();
  assert.deepEqual(phone.problems, []);
  if (SHOTS) await phone.page.screenshot({ path: join(SHOTS, "shortcode-post-375-dark.png") });
  await phone.context.close();
});

test("a shortcode with a host dataset (src): the widget loads it from the site; without JavaScript, a short note", async () => {
  // As if a site admin had allowed JSON uploads and put the file in the media library.
  copyFileSync(
    new URL("../../dist/examples/custom-dataset.json", import.meta.url),
    join(process.env.WP_SITE_DIR, "wp-content/uploads/custom-dataset.json"),
  );
  const post = await publish("A host dataset", '[role-compare src="/wp-content/uploads/custom-dataset.json" roles="cto cdo" mode="differences"]');
  const v = await visitFromStart(post.link, { viewport: { width: 1280, height: 900 } });
  const w = new Widget(v, 0);
  await w.ready();
  await v.page.waitForFunction(() => document.querySelector("role-compare").state.roles.includes("cto"));
  assert.deepEqual(await w.headers(), ["CTO", "CDO"]);
  // The host dataset's own role ids pass (PHP cannot know them; the widget checks them).
  assert.equal(await w.host().getAttribute("roles"), "cto cdo");
  assert.ok(v.requests.some((u) => u.endsWith("/wp-content/uploads/custom-dataset.json")));
  assert.deepEqual(v.off(), []);
  assert.deepEqual(v.problems, []);
  await v.context.close();
  const noJs = await visitFromStart(post.link, { javaScriptEnabled: false });
  assert.equal(await noJs.page.locator("role-compare > [data-role-compare-fallback]").innerText(), "This comparison needs JavaScript to load its data.");
  await noJs.context.close();
});

test("hostile shortcode attributes come out as text, never as markup", async () => {
  const post = await publish(
    "Hostile attributes",
    [
      `[role-compare roles='"><script>window.__hostile = 1</script>' mode="differences"]`,
      `[role-compare roles='cio ciso" onmouseover="window.__hostile = 2' mode='shared" autofocus onfocus="window.__hostile = 3' heading-level='3"><img src=x onerror="window.__hostile = 4">' search='<b>bold</b>' src='javascript:window.__hostile = 5']`,
    ].join("\n\n"),
  );
  console.log(`# stored by WordPress for the Author: ${JSON.stringify(post.content.raw)}`);
  // WordPress's sanitizer knows nothing of shortcodes: it removed the script element and the
  // event handler, and kept what an Author may post (<b>, <img src>) inside the brackets.
  assert.doesNotMatch(post.content.raw, /<script|onerror/i);
  const v = await visitFromStart(post.link, { viewport: { width: 1280, height: 900 } });
  await new Widget(v, 0).ready();
  const elements = await v.page.evaluate(() =>
    [...document.querySelectorAll("role-compare")].map((e) => ({
      attributes: e.getAttributeNames().map((n) => [n, e.getAttribute(n)]),
      parent: e.parentElement.tagName,
    })),
  );
  assert.equal(elements.length, 2, JSON.stringify(elements));
  // Unknown values are dropped with the widget's rules: `ciso"` is no role id, so one role is
  // left and the default roles show; the broken mode and heading level fall back to their
  // defaults, the javascript: URL is refused, the search keeps its text without the tags.
  assert.deepEqual(elements[0].attributes, [["mode", "differences"]]);
  assert.deepEqual(Object.fromEntries(elements[1].attributes), { search: "bold" });
  // Nothing ran and no element came out of an attribute: the post body holds the two widgets
  // and text.
  assert.equal(await v.page.evaluate(() => window.__hostile), undefined);
  const body = v.page.locator(".wp-block-post-content, .entry-content").first();
  assert.equal(await body.locator("script, img, b").count(), 0);
  // Whatever the shortcode parser and WordPress's sanitizer left outside the brackets is text.
  const text = await body.evaluate((b) =>
    [...b.childNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE && n.tagName !== "ROLE-COMPARE").map((n) => n.outerHTML),
  );
  for (const html of text) assert.match(html, /^<p>[^<]*<\/p>$|^<p>[^<]*(<br>[^<]*)*<\/p>$/, html);
  assert.deepEqual(v.off(), []);
  assert.deepEqual(v.problems, []);
  await v.context.close();
});

test("the block editor: the block's sidebar holds the element's settings and the preview is the live widget", async () => {
  const context = await adminContext(browser, ORIGIN, { viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__roleCompareEvents = [];
    document.addEventListener("role-compare-ready", (e) => window.__roleCompareEvents.push({ type: e.type }));
    // The editor's welcome guide would cover the canvas on a first visit.
    window.localStorage.setItem("WP_DATA_USER_2", JSON.stringify({ "core/preferences": { preferences: { "core/edit-post": { welcomeGuide: false } } } }));
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  const failed = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
  await logIn(page, "author");
  await page.goto(`${URL_BASE}/wp-admin/post.php?post=${posts.block.id}&action=edit`);
  const guide = page.getByRole("dialog", { name: /welcome/i });
  if (await guide.isVisible({ timeout: 3_000 }).catch(() => false)) await page.keyboard.press("Escape");
  const block = page.locator('[data-type="role-compare/comparison"]').first();
  await block.waitFor({ timeout: 30_000 });
  const preview = new Widget({ page, context, problems }, 0);
  await preview.ready(60_000);
  assert.deepEqual(await preview.headers(), ["CIO", "CISO"]);
  await block.click({ position: { x: 5, y: 5 } });
  const settings = page.getByRole("button", { name: "Settings", exact: true });
  if ((await settings.getAttribute("aria-expanded")) !== "true") await settings.click();
  const cso = page.getByRole("checkbox", { name: /\(CSO\)/ });
  await cso.waitFor();
  assert.equal(await page.getByRole("checkbox", { name: /\(CIO\)/ }).isChecked(), true);
  assert.equal(await page.getByRole("checkbox", { name: /\(CISO\)/ }).isChecked(), true);
  assert.equal(await cso.isChecked(), false);
  assert.equal(await page.getByRole("combobox", { name: "Statements" }).inputValue(), "differences");
  if (SHOTS) await page.screenshot({ path: join(SHOTS, "editor.png") });
  // A change in the sidebar reaches the preview: the live widget compares all three roles.
  await cso.check();
  await page.waitForFunction(() => document.querySelector("role-compare").state.roles.length === 3);
  assert.deepEqual(await preview.headers(), ["CIO", "CISO", "CSO"]);
  await page.getByRole("combobox", { name: "Statements" }).selectOption("shared");
  await page.waitForFunction(() => document.querySelector("role-compare").state.mode === "shared");
  if (SHOTS) await page.screenshot({ path: join(SHOTS, "editor-changed.png") });
  // The widget's files come from the site (the editor itself may ask for avatars elsewhere).
  const widgetFiles = requests.filter((u) => /role[-_]compare/.test(u));
  assert.ok(widgetFiles.every((u) => u.startsWith(`${ORIGIN}/`)), widgetFiles.join("\n"));
  assert.equal(wasmFetches(requests), 1);
  // WordPress 6.1's editor itself fails a few requests on this offline site, and logs each as
  // "Failed to load resource": Gravatar avatars (off the site), the template an Author may not
  // read in a block theme (403), the dashboard's news. None of them is the plugin's; any other
  // console error, or any script error, fails.
  console.log(`# requests WordPress's editor failed: ${JSON.stringify(failed)}`);
  assert.deepEqual(failed.filter((f) => /role[-_]compare/.test(f)), []);
  assert.deepEqual(problems.filter((p) => !p.startsWith("console: Failed to load resource:")), []);
  assert.equal(problems.length, failed.filter((f) => !/ERR_ABORTED/.test(f)).length, problems.join("\n"));
  await context.close();
});

test("PHP logged no notice, warning or error from the plugin on the single site", () => {
  assert.deepEqual(pluginLogLines(), []);
});

test("deleting the plugin leaves nothing behind", async () => {
  const context = await adminContext(browser, ORIGIN);
  const page = await context.newPage();
  await logIn(page, "admin");
  await page.goto(`${URL_BASE}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-plugin="role-compare/role-compare.php"]');
  await Promise.all([page.waitForNavigation(), row.getByRole("link", { name: /Deactivate/ }).click()]);
  page.on("dialog", (d) => d.accept());
  await row.getByRole("link", { name: /Delete/ }).click();
  await page.locator(".plugin-deleted-tr").waitFor({ timeout: 30_000 });
  await page.goto(`${URL_BASE}/wp-admin/plugins.php`);
  assert.equal(await page.locator('tr[data-plugin="role-compare/role-compare.php"]').count(), 0);
  assert.equal(existsSync(join(process.env.WP_SITE_DIR, "wp-content/plugins/role-compare")), false);
  // WordPress's own bookkeeping (recently_activated, transients) may add options; none is ours.
  const added = optionNames().filter((name) => !optionsBefore.includes(name));
  assert.deepEqual(added.filter((name) => /role|compare/i.test(name)), [], added.join(" "));
  // The shortcode is now just text, and the posts are otherwise intact.
  const v = await visitFromStart(posts.shortcode.link);
  // (wptexturize curls its quotes: the shortcode is just text now.)
  assert.match(await v.page.locator("body").innerText(), /\[role-compare roles=.cio cso. mode=.differences./);
  await v.context.close();
  await context.close();
});
