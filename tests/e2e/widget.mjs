// The page object the end-to-end specs share: how to find and drive a <role-compare> element
// by what the README documents (its parts, roles and labels) rather than by internal classes.
//
//   const w = await Widget.open(browser, "index.html", { viewport });
//   await w.showMoreFilters();          // the secondary filters behind "More filters"
//   await w.openAllDetail();            // every section's sourced detail
//   await w.part("reset").click();      // any documented part (an element handle)
//   await w.locator("[part~=citation]").first().click();   // a Playwright locator, auto-waiting
//
// A widget is named by its index among the page's <role-compare> elements (default 0) or by a
// CSS selector for its host ("#good"); `page` may also be a Playwright Frame (an iframe's page).
//
// Everything is read inside the live widget: until the wasm has mounted, the host's shadow root
// holds an inert prerendered copy, and demo pages carry the same copy in the light DOM, with the
// same parts and ids. The one name below that is not documented is LIVE, the wasm's mount node:
// it is the only thing that tells the live widget from those copies.
import assert from "node:assert/strict";
import { open } from "./browser.mjs";

// The live widget's mount node inside the shadow root (absent while only a fallback shows).
export const LIVE = ".rc-mount";

// In-page source that resolves `which` (an index or a selector) to the host element.
const HOST = `(which) => typeof which === "number" ? document.querySelectorAll("role-compare")[which] : document.querySelector(which)`;

export class Widget {
  // `opened`: { page, context?, problems? } as browser.mjs's `open` returns, or any object with a
  // Playwright Page or Frame as `page`.
  constructor(opened, which = 0) {
    this.context = opened.context;
    this.page = opened.page;
    this.problems = opened.problems ?? [];
    this.which = which;
    // Kept for specs written against the first version of this object.
    this.index = which;
  }

  // Opens `path` and waits until the widget `which` on it is live.
  static async open(browser, path = "index.html", options = {}, which = 0) {
    const w = new Widget(await open(browser, path, options), which);
    await w.ready();
    return w;
  }

  // Waits until role-compare-ready has fired (browser.mjs records it) and this widget's shadow
  // root holds the live widget: its count line drawn and nothing inert left from the fallback.
  async ready(timeout = 30_000) {
    await this.page.waitForFunction(
      ([host, which, live]) => {
        const el = new Function(`return ${host}`)()(which);
        const root = el?.shadowRoot;
        return (
          (window.__roleCompareEvents ?? []).some((e) => e.type === "role-compare-ready") &&
          !!root?.querySelector(`${live} [part~=count]`) &&
          root.querySelectorAll("[part~=count]").length === 1 &&
          !!root.querySelector("[part~=controls]:not([inert])") &&
          !root.querySelector("[inert]")
        );
      },
      [HOST, this.which, LIVE],
      { timeout },
    );
  }

  // The host element, as a Playwright locator.
  host() {
    return typeof this.which === "number"
      ? this.page.locator("role-compare").nth(this.which)
      : this.page.locator(this.which);
  }

  // A Playwright locator inside the live widget (Playwright's CSS engine pierces open shadow
  // roots). Use it for actions: it waits for the element to be there, visible and stable.
  locator(selector) {
    return this.host().locator(`${LIVE} ${selector}`);
  }

  // The first element matching `selector` in the live widget, as a handle (fails the test when
  // there is none).
  async $(selector) {
    const handle = await this.page.evaluateHandle(
      ([host, which, live, sel]) => new Function(`return ${host}`)()(which)?.shadowRoot?.querySelector(`${live} ${sel}`),
      [HOST, this.which, LIVE, selector],
    );
    const element = handle.asElement();
    assert.ok(element, `${selector} is not in the widget`);
    return element;
  }

  // A documented part (README: Parts), as a handle.
  part(name) {
    return this.$(`[part~="${name}"]`);
  }

  // Runs `fn(element, arg)` in the page on the widget's host element. `fn` is sent as source:
  // it sees nothing of the spec's scope but `arg`.
  evaluate(fn, arg) {
    return this.page.evaluate(
      ([host, which, src, a]) =>
        new Function("el", "arg", `return (${src})(el, arg)`)(new Function(`return ${host}`)()(which), a),
      [HOST, this.which, fn.toString(), arg],
    );
  }

  // Like `evaluate`, with the live widget's root part (`[part~=root]` under the mount node) as
  // the element: `w.inRoot((root) => root.querySelectorAll("[part~=citation]").length)`.
  inRoot(fn, arg) {
    return this.page.evaluate(
      ([host, which, live, src, a]) => {
        const el = new Function(`return ${host}`)()(which);
        const root = el.shadowRoot.querySelector(`${live} [part~=root]`);
        return new Function("root", "arg", `return (${src})(root, arg)`)(root, a);
      },
      [HOST, this.which, LIVE, fn.toString(), arg],
    );
  }

  // Waits until `fn(root, arg)` (as for `inRoot`) returns something truthy, and returns it.
  async untilInRoot(fn, arg, timeout = 5_000) {
    const handle = await this.page.waitForFunction(
      ([host, which, live, src, a]) => {
        const el = new Function(`return ${host}`)()(which);
        const root = el.shadowRoot.querySelector(`${live} [part~=root]`);
        return root && new Function("root", "arg", `return (${src})(root, arg)`)(root, a);
      },
      [HOST, this.which, LIVE, fn.toString(), arg],
      { timeout },
    );
    return handle.jsonValue();
  }

  // Whether the live widget is mounted (false while, or once again, only a fallback shows).
  isLive() {
    return this.evaluate((el, live) => !!el.shadowRoot?.querySelector(live), LIVE);
  }

  // The count line's text (the `count` part, a live region).
  count() {
    return this.inRoot((root) => root.querySelector("[part~=count]").textContent);
  }

  // Waits until the count line no longer reads `before` (a filter change has been drawn).
  async countChanged(before, timeout = 5_000) {
    await this.page.waitForFunction(
      ([host, which, live, b]) =>
        new Function(`return ${host}`)()(which).shadowRoot.querySelector(`${live} [part~=count]`)?.textContent !== b,
      [HOST, this.which, LIVE, before],
      { timeout },
    );
  }

  // The compared roles' abbreviations, from the table's column headers (`role-header` parts).
  headers() {
    return this.inRoot((root) =>
      [...root.querySelectorAll("[part~=table] thead [part~=role-header] .rc-abbr")].map((e) => e.textContent),
    );
  }

  // What the table shows a reader now. A topic is one or more lines (`tr[data-row]`: the roles'
  // own statements, then one line per group of shared statements); `topics` are the data-row
  // values of the lines the filters show, in order, each once; `statements` the claim ids of the
  // statements a reader can see (not hidden by a filter, not folded away), in order.
  shown() {
    return this.inRoot((root) => {
      const table = root.querySelector("[part~=table]");
      if (!table || !table.checkVisibility()) return { topics: [], lines: 0, statements: [] };
      const lines = [...table.querySelectorAll("tbody tr[data-row]")].filter((tr) => !tr.hidden && !tr.closest("tbody[hidden]"));
      return {
        topics: [...new Set(lines.map((tr) => tr.dataset.row))],
        lines: lines.length,
        statements: [...table.querySelectorAll("tbody li[data-claim]")].filter((li) => li.checkVisibility()).map((li) => li.dataset.claim),
      };
    });
  }

  // The button that folds the secondary filters (sections, mode, search, narrowing selects).
  moreFilters() {
    return this.$("[part~=controls] button[aria-controls$='-more']");
  }

  // Unfolds the secondary filters (if they are folded) and waits until they show.
  async showMoreFilters() {
    const more = await this.moreFilters();
    if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
    const panel = await more.getAttribute("aria-controls");
    await this.locator(`[part~=controls] [id="${panel}"]`).waitFor({ state: "visible", timeout: 5_000 });
    assert.equal(await more.getAttribute("aria-expanded"), "true");
  }

  // A control of the filter form, by its id without the widget's prefix ("mode-shared",
  // "facet-duties", "search", "role-cso"): the prefix is read from the "More filters" button.
  async control(suffix) {
    const more = await this.moreFilters();
    const prefix = (await more.getAttribute("aria-controls")).replace(/-more$/, "");
    return this.locator(`[part~=controls] [id="${prefix}-${suffix}"]`);
  }

  // Picks a mode (`all`, `differences`, `shared`) with its radio button, behind "More filters".
  async setMode(mode) {
    await this.showMoreFilters();
    await this.locator(`[part~=controls] input[type=radio][value="${mode}"]`).check();
  }

  // Types `text` into "Search statements", behind "More filters".
  async search(text) {
    await this.showMoreFilters();
    await (await this.control("search")).fill(text);
  }

  // "Open all sourced detail": every section unfolded.
  async openAllDetail() {
    const button = await this.$("button.rc-detail-all");
    if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
    await this.page.waitForFunction(
      ([host, which]) => new Function(`return ${host}`)()(which).state?.detail === "full",
      [HOST, this.which],
      { timeout: 5_000 },
    );
  }

  async setAttribute(name, value) {
    await this.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);
  }

  state() {
    return this.evaluate((el) => el.state);
  }

  async close() {
    await this.context.close();
  }
}
