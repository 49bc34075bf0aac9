// A/B timing of two builds of pkg/ in one headless Chromium, interleaved, so that a busy
// machine slows both alike: `node bench/browser_ab.mjs DIR_A DIR_B [rounds]`, where each
// DIR holds a wasm-pack `--target web` build (crosscheck.js + crosscheck_bg.wasm), e.g. a
// copy of pkg/ before a change and pkg/ after it. Times the whole analyze() of the five
// seed articles (../shared/seeds; skipped with a notice when absent): after 100 warm-up
// runs per page, `rounds` rounds of 21 runs on each page in turn; prints median, p25, p10.
import { createServer } from "node:http";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dirs = [process.argv[2], process.argv[3]];
if (!dirs[0] || !dirs[1]) {
  console.error("usage: node bench/browser_ab.mjs DIR_A DIR_B [rounds]");
  process.exit(2);
}
const rounds = Number(process.argv[4] || 15);
const seedsDir = join(root, "..", "shared", "seeds");
if (!existsSync(seedsDir)) {
  console.log("NOTICE: ../shared/seeds not found: A/B timing skipped");
  process.exit(0);
}
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), "utf8") }));

const server = createServer((req, res) => {
  const m = new URL(req.url, "http://x").pathname.match(/^\/([01])\/([\w.-]+)$/);
  if (!m) { res.writeHead(404); res.end(); return; }
  if (m[2] === "ab.html") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><script type="module">import init, { analyze } from "./crosscheck.js";
      await init(); window.analyze = analyze; window.ready = true;</script>`);
    return;
  }
  try {
    const body = readFileSync(join(dirs[+m[1]], m[2]));
    res.writeHead(200, { "content-type": m[2].endsWith(".wasm") ? "application/wasm" : "text/javascript" });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const pages = [];
  for (const k of [0, 1]) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/${k}/ab.html`);
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate((s) => { for (let i = 0; i < 100; i++) window.analyze(s); }, seeds);
    pages.push(page);
  }
  const times = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of [0, 1]) {
      times[k].push(...await pages[k].evaluate((s) => {
        const t = [];
        for (let i = 0; i < 21; i++) {
          const t0 = performance.now();
          window.analyze(s);
          t.push(performance.now() - t0);
        }
        return t;
      }, seeds));
    }
  }
  const at = (a, f) => [...a].sort((x, y) => x - y)[Math.floor(a.length * f)];
  for (const k of [0, 1]) {
    console.log(`${dirs[k]}: median ${at(times[k], 0.5).toFixed(2)} ms, p25 ${at(times[k], 0.25).toFixed(2)}, p10 ${at(times[k], 0.1).toFixed(2)} (${times[k].length} runs)`);
  }
} finally {
  await browser.close();
  server.close();
}
