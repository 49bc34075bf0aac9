// Takes the README's screenshots with the real wasm core: six fictional reports of one
// event (tests/e2e/fixtures/six.mjs) analyzed, the view on the facts table.
//   docs/screenshot.png        1440×900, the facts table (PANEL=1: a figure's source open)
//   docs/screenshot-phone.png  390×844, the fact cards on a phone
//   node tests/e2e/screenshot.mjs [out-dir]     (needs pkg/: scripts/build-wasm.sh)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, CHROMIUM_ARGS } from "./server.mjs";
import { SIX } from "./fixtures/six.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = path.resolve(process.argv[2] || path.join(ROOT, "docs"));

const server = await startServer(ROOT);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });

async function shot(file, viewport, scroll) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/www/`);
  await page.waitForFunction(() => !document.getElementById("analyze").disabled);
  for (const [i, [name, text]] of SIX.entries()) {
    while ((await page.locator("#sources .source").count()) <= i) await page.click("#add-source");
    const box = page.locator("#sources .source").nth(i);
    await box.locator(".source-name").fill(name);
    await box.locator(".source-text").fill(text);
  }
  await page.click("#analyze");
  await page.waitForFunction(() => /Analyzed in/.test(document.getElementById("timing").textContent), null, { timeout: 60_000 });
  if (process.env.PANEL === "1") {
    let cell = page.locator("#facts-table tr[data-status=conflict] td.outlier .fig-link").first();
    if (!(await cell.count())) cell = page.locator("#facts-table .fig-link").first();
    await cell.click();
  }
  await page.evaluate(scroll);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  fs.mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, file) });
  console.log(`screenshot: ${path.relative(process.cwd(), path.join(outDir, file))}`);
  await context.close();
}

try {
  await shot("screenshot.png", { width: 1440, height: 900 }, () => scrollTo(0, document.getElementById("results").offsetTop - 8));
  await shot("screenshot-phone.png", { width: 390, height: 844 }, () => scrollTo(0, document.getElementById("facts-title").getBoundingClientRect().top + scrollY - 8));
} finally {
  await browser.close();
  server.close();
}
