// Shared set-up for the end-to-end specs: Debian's Chromium through playwright-core (never a
// downloaded browser), with the flags that keep it off the closed network, and the base URL of
// dist/ served by `cargo xtask test`.
import { chromium } from "playwright-core";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// The widget events a page has seen so far (recorded by `open`).
export async function events(page) {
  return page.evaluate(() => window.__roleCompareEvents.map((e) => e.type));
}

// Opens `path` under BASE_URL in a fresh context; collects console errors and page errors so a
// spec can assert the page stayed clean. `options` are the context's, plus `init`: a function
// run in the page before any of its scripts.
export async function open(browser, path, options = {}) {
  const { init, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  // Record the widget's events from the very start, before any element can fire one.
  await context.addInitScript(() => {
    window.__roleCompareEvents = [];
    for (const name of ["role-compare-ready", "role-compare-error", "role-compare-change"]) {
      document.addEventListener(name, (e) => window.__roleCompareEvents.push({ type: e.type, detail: e.detail }));
    }
  });
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { context, page, problems };
}
