// The page under a 50 MB paste (issue 18), in headless Chromium: one box gets SIZE MB of our
// own generated reports (bench/generated_articles.mjs, each quotation different) by a real
// clipboard paste, then
// Analyze, then a figure deep in the text is opened in the source panel and the tables are
// scrolled. Prints, for each step, the longest time the page's main thread was blocked
// (long tasks; target < 200 ms), the progress the page showed, the time taken, the DOM
// size, and the renderer's peak resident memory (the tab: the page, its worker and the
// wasm module; target < 2 GB).
//
//   node bench/page_heavy.mjs            SIZE=50 (MB) by default; needs a release pkg/
//   SIZE=10 WWW=/path/to/www node ...    a smaller paste; another copy of www/
//   CLIPBOARD_READ=1 node ...            the person has let the page read the clipboard
//   QUOTES=0 node ...                    reports without quotations (the page's own costs at
//                                        50 MB while the core's time on one source's tens of
//                                        thousands of quotations grows faster than linearly)
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, CHROMIUM_ARGS } from "../tests/e2e/server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SIZE = +(process.env.SIZE || 50) * 1e6;

const server = await startServer(ROOT, process.env.WWW ? { www: path.resolve(process.env.WWW) } : {});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });

/** Peak resident memory (VmHWM) of the renderer processes of the browser this script started, in MiB. */
function rendererPeakMiB() {
  const root = process.pid;
  const kids = (pid) => {
    try { return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number); } catch { return []; }
  };
  const all = [];
  const walk = (pid) => { for (const k of kids(pid)) { all.push(k); walk(k); } };
  walk(root);
  let peak = 0;
  for (const pid of all) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("--type=renderer")) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm) peak = Math.max(peak, +hwm[1] / 1024);
    } catch { /* gone */ }
  }
  return peak;
}

try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Writing the clipboard needs clipboard-write. Reading it without the paste event (the
  // page's faster path) is only taken where the person allowed clipboard-read:
  // CLIPBOARD_READ=1 measures that path, the default measures the paste event's.
  await context.grantPermissions(process.env.CLIPBOARD_READ === "1" ? ["clipboard-read", "clipboard-write"] : ["clipboard-write"]);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${base}/www/`);
  await page.waitForFunction(() => !document.getElementById("analyze").disabled, null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask" });
    window.__status = [];
    const s = document.getElementById("status");
    new MutationObserver(() => window.__status.push(s.textContent)).observe(s, { childList: true, characterData: true, subtree: true });
  });
  const step = async (name, fn) => {
    await page.evaluate(() => { window.__long = []; });
    const t0 = Date.now();
    await fn();
    const secs = (Date.now() - t0) / 1000;
    const { worst, nodes } = await page.evaluate(() => ({ worst: Math.max(0, ...window.__long), nodes: document.getElementsByTagName("*").length }));
    console.log(`${name.padEnd(34)} ${secs.toFixed(1).padStart(6)} s; longest main-thread task ${worst.toFixed(0).padStart(5)} ms; ${nodes} DOM nodes; renderer peak ${rendererPeakMiB()?.toFixed(0)} MiB`);
  };

  // Generated in the page, written to the clipboard, pasted with the keyboard.
  const chars = await page.evaluate(async ([size, quotes]) => {
    const { variant } = await import("/bench/generated_articles.mjs");
    const parts = [];
    let n = 0;
    for (let i = 0; n < size; i++) { const t = variant(i, { uniqueQuotes: true, quotes }); parts.push(t); n += t.length; }
    await navigator.clipboard.writeText(parts.join("\n\n"));
    return n;
  }, [SIZE, process.env.QUOTES !== "0"]);
  console.log(`pasting ${(chars / 1e6).toFixed(1)} million characters (our own generated reports)`);
  await page.locator("#sources .source-text").first().focus();
  await step("paste", async () => {
    await page.keyboard.press("Control+V");
    await page.waitForFunction(() => document.querySelector("#sources .source .char-count").textContent !== "empty", null, { timeout: 120_000 });
    await page.waitForTimeout(500);
  });
  await step("analyze (until every section drawn)", async () => {
    await page.click("#analyze");
    await page.waitForFunction(() => /Analyzed in/.test(document.getElementById("timing").textContent) || !document.getElementById("error").hidden, null, { timeout: 900_000, polling: 500 });
    await page.waitForTimeout(500);
  });
  const error = await page.locator("#error").isVisible() ? await page.textContent("#error-text") : null;
  if (error) console.log(`error shown: ${error}`);
  const progress = await page.evaluate(() => window.__status.filter((t) => /%/.test(t)));
  console.log(`progress shown: ${progress.length ? progress.join(" | ") : "none"}`);
  if (!error) {
    console.log(`summary: ${await page.textContent("#summary")} — ${await page.textContent("#summary-more")}`);
    await step("open a figure deep in the text", async () => {
      const links = page.locator("#facts-table td > .fig-link");
      await links.nth(Math.min(30, (await links.count()) - 1)).click();
      await page.waitForSelector("#provenance:not([hidden])");
      await page.waitForTimeout(300);
    });
    await page.keyboard.press("Escape");
    await step("scroll the page to the end, twice", async () => {
      for (let k = 0; k < 2; k++) {
        for (let y = 0; y < 40; y++) { await page.mouse.wheel(0, 2000); await page.waitForTimeout(25); }
      }
      await page.waitForTimeout(500);
    });
  }
  console.log(`renderer peak resident memory: ${rendererPeakMiB()?.toFixed(0)} MiB (target < 2048)`);
} finally {
  await browser.close();
  server.close();
}
