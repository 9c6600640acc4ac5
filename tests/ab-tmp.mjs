import { chromium } from "playwright-core";
const N = Number(process.env.N ?? 12);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const res = { dsd: [], plain: [] };
for (let i = 0; i < N; i++) {
  for (const [k, p] of (i % 2 ? [["dsd", "index.html"], ["plain", "index-plain.html"]] : [["plain", "index-plain.html"], ["dsd", "index.html"]])) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(() => { document.addEventListener("role-compare-ready", () => (window.__ready = performance.now())); });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(`http://127.0.0.1:8080/${p}`);
    await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
    const r = await page.evaluate(() => ({ ready: window.__ready, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime }));
    res[k].push(r);
    await ctx.close();
  }
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const k of ["plain", "dsd"]) console.log(k, "ready", Math.round(med(res[k].map((r) => r.ready))), "fcp", Math.round(med(res[k].map((r) => r.fcp))), JSON.stringify(res[k].map((r) => Math.round(r.ready))));
await browser.close();
