// The page object the end-to-end specs share: how to find and drive a <role-compare> element
// by what the README documents (its parts, roles and labels) rather than by internal classes.
//
//   const w = await Widget.open(browser, "index.html", { viewport });
//   await w.showMoreFilters();          // the secondary filters behind "More filters"
//   await w.openAllDetail();            // every section's sourced detail
//   await w.part("reset").click();      // any documented part
//
// Everything is read inside the element's shadow root (element handles, not page-wide
// locators): demo pages also carry a prerendered no-JS copy in the light DOM with the same ids.
import assert from "node:assert/strict";
import { open } from "./browser.mjs";

export class Widget {
  constructor(opened, index = 0) {
    this.context = opened.context;
    this.page = opened.page;
    this.problems = opened.problems;
    this.index = index;
  }

  // Opens `path` and waits until the widget number `index` on it is live: until
  // role-compare-ready, its shadow root holds an inert copy of the fallback.
  static async open(browser, path = "index.html", options = {}, index = 0) {
    const w = new Widget(await open(browser, path, options), index);
    await w.ready();
    return w;
  }

  async ready() {
    await this.page.waitForFunction(
      (i) => {
        const el = document.querySelectorAll("role-compare")[i];
        const root = el?.shadowRoot;
        return (
          window.__roleCompareEvents.some((e) => e.type === "role-compare-ready") &&
          root?.querySelectorAll("[part=count]").length === 1 &&
          !!root.querySelector("[part=controls]:not([inert])") &&
          !root.querySelector("[inert]")
        );
      },
      this.index,
      { timeout: 30_000 },
    );
  }

  // The first element matching `selector` in the shadow root (fails the test when there is none).
  async $(selector) {
    const handle = await this.page.evaluateHandle(
      ([i, sel]) => document.querySelectorAll("role-compare")[i].shadowRoot.querySelector(sel),
      [this.index, selector],
    );
    const element = handle.asElement();
    assert.ok(element, `${selector} is not in the widget`);
    return element;
  }

  // A documented part (README: Parts).
  part(name) {
    return this.$(`[part~="${name}"]`);
  }

  // Runs `fn(element, arg)` in the page on the widget element.
  evaluate(fn, arg) {
    return this.page.evaluate(
      ([i, src, a]) => new Function("el", "arg", `return (${src})(el, arg)`)(document.querySelectorAll("role-compare")[i], a),
      [this.index, fn.toString(), arg],
    );
  }

  // The count line's text.
  count() {
    return this.evaluate((el) => el.shadowRoot.querySelector("[part=count]").textContent);
  }

  // The button that folds the secondary filters (sections, mode, search, narrowing selects).
  moreFilters() {
    return this.$("[part=controls] button[aria-controls$='-more']");
  }

  async showMoreFilters() {
    const more = await this.moreFilters();
    if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  }

  // "Open all sourced detail": every section unfolded.
  async openAllDetail() {
    const button = await this.$("button.rc-detail-all");
    if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
    await this.page.waitForFunction(
      (i) => document.querySelectorAll("role-compare")[i].state?.detail === "full",
      this.index,
      { timeout: 5_000 },
    );
  }

  async setAttribute(name, value) {
    await this.evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
  }

  state() {
    return this.evaluate((el) => el.state);
  }

  async close() {
    await this.context.close();
  }
}
