// Time of the whole analysis in wasm in headless Chromium: the five seed articles
// (../shared/seeds, skipped with a notice when absent), then 100 and 1,000 generated
// fictional articles, to show how time grows with input.
// Run after a release build of pkg/: `node bench/browser_timing.mjs`.
import { createServer } from "node:http";
import { readFileSync, readdirSync, existsSync, mkdtempSync } from "node:fs";
import { join, dirname, extname, normalize } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { variant } from "./generated_articles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  if (path === "/bench.html") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><script type="module">
      import init, { analyze } from "/pkg/crosscheck.js";
      await init(); window.analyze = analyze; window.ready = true;</script>`);
    return;
  }
  try {
    const body = readFileSync(join(root, path));
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true);
  // V8 first runs wasm compiled by its baseline compiler (Liftoff) and compiles hot
  // functions again with its optimizing compiler in the background ("tier-up"), so the
  // first analyses of a page are slower than later ones. We report both: the first call
  // on a fresh page, and the median of `reps` timed runs after `warmup` untimed ones (the
  // median resists a busy machine better than the mean). The report is turned into JS
  // objects inside each timed call.
  const warmup = Number(process.env.WARMUP || 100);
  const time = (articles, reps, warm) => page.evaluate(({ articles, reps, warm }) => {
    const t0 = performance.now();
    window.analyze(articles);
    const first = performance.now() - t0;
    for (let i = 0; i < warm; i++) window.analyze(articles); // warm up
    const t = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      window.analyze(articles);
      t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    return { first, median: t[Math.floor(t.length / 2)] };
  }, { articles, reps, warm });

  const seedsDir = join(root, "..", "shared", "seeds");
  if (existsSync(seedsDir)) {
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()
      .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), "utf8") }));
    // The first call on another fresh page after one analysis of the built-in example,
    // as the page's worker does right after it starts (www/worker.js).
    const page2 = await browser.newPage();
    await page2.goto(url);
    await page2.waitForFunction(() => window.ready === true);
    const afterExample = await page2.evaluate(async (articles) => {
      const { EXAMPLE } = await import("/www/example.js");
      window.analyze(EXAMPLE);
      const t0 = performance.now();
      window.analyze(articles);
      return performance.now() - t0;
    }, seeds);
    await page2.close();
    const { first, median } = await time(seeds, 101, warmup);
    console.log(`five seed articles:        ${median.toFixed(2)} ms per analysis, median of 101 after ${warmup} warm-up runs (target < 5 ms)`);
    console.log(`  first call on a fresh page: ${first.toFixed(1)} ms; after one warm-up analysis of the built-in example (as the page's worker does): ${afterExample.toFixed(1)} ms`);
  } else {
    console.log("NOTICE: ../shared/seeds not found: seed timing skipped");
  }
  for (const n of [5, 100, 1000]) {
    const arts = Array.from({ length: n }, (_, i) => ({ name: `gen${i}`, text: variant(i) }));
    const bytes = arts.reduce((s, a) => s + a.text.length, 0);
    const { median: ms } = await time(arts, n >= 1000 ? 3 : n >= 100 ? 11 : 31, n >= 100 ? 1 : 10);
    console.log(`${String(n).padStart(5)} generated articles: ${ms.toFixed(1).padStart(8)} ms  (${(ms / n).toFixed(3)} ms per article, ${(bytes / 1e6).toFixed(2)} MB)`);
  }
} finally {
  await browser.close();
  server.close();
}
