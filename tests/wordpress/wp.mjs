// What the WordPress specs share: the REST API as a user with an application password, logging
// in through wp-login.php, opening a page as a visitor with every request, console error and
// dialog recorded, and the PHP debug log. The tier (xtask/src/wordpress.rs) starts the sites and
// passes their URLs and accounts in the environment.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

// One site: `base` its URL (no trailing slash). Plain permalinks, so REST routes go through
// ?rest_route=.
export class Site {
  constructor(base) {
    this.base = base;
    this.origin = new URL(base).origin;
  }

  // The REST API as `account` ({ user, appPassword }), with Basic auth.
  async rest(account, route, { method = "GET", body, query = "" } = {}) {
    const response = await fetch(`${this.base}/?rest_route=${encodeURIComponent(route)}${query}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${account.user}:${account.appPassword}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: body && JSON.stringify(body),
    });
    const json = await response.json();
    assert.ok(response.ok, `${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  // Publishes a post as `account` and returns it as WordPress stored it (context=edit: the raw
  // content after WordPress's sanitizer, and the rendered content).
  async publish(account, title, content) {
    const post = await this.rest(account, "/wp/v2/posts", { method: "POST", body: { title, content, status: "publish" } });
    return this.rest(account, `/wp/v2/posts/${post.id}`, { query: "&context=edit" });
  }

  // Logs in through wp-login.php. The form is filled once the page has loaded (its script moves
  // the focus to the user name 200 ms after load) and checked before it is sent; WordPress's
  // own error, if any, is in the failure message.
  async logIn(page, account) {
    await page.goto(`${this.base}/wp-login.php`, { waitUntil: "load" });
    await page.waitForFunction(() => document.activeElement?.id === "user_login", null, { timeout: 5_000 }).catch(() => {});
    await page.fill("#user_login", account.user);
    await page.fill("#user_pass", account.password);
    assert.equal(await page.inputValue("#user_login"), account.user);
    assert.equal(await page.inputValue("#user_pass"), account.password);
    await Promise.all([page.waitForNavigation(), page.click("#wp-submit")]);
    const error = await page.$eval("#login_error", (e) => e.textContent).catch(() => "");
    assert.doesNotMatch(page.url(), /wp-login\.php/, `${account.user} could not log in: ${error}`);
  }
}

// Opens `url` in a fresh context as a visitor, recording the widget's events (as
// tests/e2e/browser.mjs's open does), console errors, dialogs and every request from the start;
// `off(origin)` lists the requests that left that origin.
export async function visit(browser, url, options = {}) {
  const context = await browser.newContext(options);
  // The theme declares no icon, so Chromium asks for /favicon.ico, which WordPress (php -S) has
  // not: its 404 is logged to the console now and then, depending on when the page is left
  // (seen once in CI). It is the browser's request, not the page's or the plugin's: answered
  // empty here so the console checks stay about the page.
  await context.route("**/favicon.ico", (route) => route.fulfill({ status: 204, body: "" }));
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__roleCompareEvents = [];
    for (const name of ["role-compare-ready", "role-compare-error", "role-compare-change"]) {
      document.addEventListener(name, (e) => window.__roleCompareEvents.push({ type: e.type, detail: e.detail }));
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(url);
  const origin = new URL(url).origin;
  return { context, page, problems, requests, off: () => requests.filter((u) => !u.startsWith(`${origin}/`)) };
}

// A context for a logged-in user: WordPress's admin screens ask Gravatar (and wordpress.org) for
// avatars, and on this offline machine each such lookup can stall a page's load event for half a
// minute. Those requests are WordPress's own, not the plugin's: they are answered at once with
// an error and listed in `offSite`.
export async function adminContext(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  context.offSite = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      context.offSite.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return context;
}

export const wasmFetches = (requests) => requests.filter((u) => u.endsWith("/role_compare_bg.wasm")).length;

// PHP notices, warnings and errors the plugin caused (WordPress's debug log is on).
export function pluginLogLines() {
  const log = process.env.WP_DEBUG_LOG;
  if (!log || !existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.includes("plugins/role-compare/"));
}
