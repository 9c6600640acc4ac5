// Takes screenshots of the demo page for people to look at (not a test):
//   node tests/e2e/screenshots.mjs [outdir]   (with BASE_URL pointing at a served dist/)
// Writes <outdir>/demo-<width>-<scheme>.png for 1280 and 375 px, light and dark.
import { mkdirSync } from "node:fs";
import { launch, open } from "./browser.mjs";

const out = process.argv[2] ?? "target/screenshots";
mkdirSync(out, { recursive: true });
const browser = await launch();
for (const width of [1280, 375]) {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page } = await open(browser, "index.html", { viewport: { width, height: 900 }, colorScheme });
    await page.locator("role-compare").locator("table").first().waitFor({ timeout: 30_000 });
    const file = `${out}/demo-${width}-${colorScheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
    console.log(file);
    await context.close();
  }
}
await browser.close();
