// Takes docs/screenshot.png: the page at 1440×900 after "Load example" and Analyze (real
// wasm core), scrolled to the results, with one figure's provenance open.
//   node tests/e2e/screenshot.mjs [out.png]     (needs pkg/: scripts/build-wasm.sh)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, CHROMIUM_ARGS } from "./server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.resolve(process.argv[2] || path.join(ROOT, "docs/screenshot.png"));
const width = +(process.env.WIDTH || 1440), height = +(process.env.HEIGHT || 900);

const server = await startServer(ROOT);
const base = `http://127.0.0.1:${server.address().port}`;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscheck-shot-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
  viewport: { width, height }, deviceScaleFactor: 1, args: CHROMIUM_ARGS,
});
try {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(`${base}/www/`);
  await page.waitForFunction(() => !document.getElementById("analyze").disabled);
  await page.click("#load-example");
  await page.click("#analyze");
  await page.waitForFunction(() => !document.getElementById("results").hidden);
  // Open the provenance of the first conflicting figure, if any.
  if (process.env.PANEL !== "0") {
    let cell = page.locator("#facts-table tr[data-status=conflict] td.outlier .fig-link").first();
    if (!(await cell.count())) cell = page.locator("#facts-table .fig-link").first();
    if (await cell.count()) await cell.click();
  }
  await page.evaluate(() => window.scrollTo(0, document.getElementById("results").offsetTop - 8));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(150);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${path.relative(process.cwd(), out)}`);
} finally {
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
