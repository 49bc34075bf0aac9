// End-to-end test of the crosscheck page in headless Chromium (playwright-core, Debian's
// /usr/bin/chromium; never downloads a browser). Serves the repository root from an
// in-process static server on a free 127.0.0.1 port, opens /www/, and drives the page like
// a person would: add sources, paste, drop files, Analyze, click, export, reload, go
// offline. Each test runs in a fresh browser context (its own storage and service worker).
//
//   node tests/e2e/run.mjs     builds pkg/ first via scripts/build-wasm.sh (idempotent)
//   E2E_NO_BUILD=1             skip that build
//   E2E_ONLY=text              run only the tests whose name contains text
//   E2E_WWW=dir                serve another copy of www/ (e.g. the page before a change,
//                              to see which tests fail on it)
//   CHROMIUM=path              another Chromium binary (default /usr/bin/chromium)
//   CROSSCHECK_SEEDS=dir       where the seed articles are (default ../shared/seeds)
//
// The tests are in tests/e2e/*.test.mjs; helpers in tests/e2e/lib.mjs. Seed articles are
// read at run time from ../shared/seeds (never copied into the repo); those tests are
// skipped with a notice when ../shared is missing. On failure a screenshot goes to
// tests/e2e/artifacts/. Last line: "e2e: N passed, M failed"; exit 1 on failure.

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chromium } from "playwright-core";
import { startServer, CHROMIUM_ARGS } from "./server.mjs";
import { tests, Skip, env, openPage, ROOT } from "./lib.mjs";
import "./page.test.mjs";
import "./workspace.test.mjs";
import "./heavy.test.mjs";
import "./boundary.test.mjs";

const ARTIFACTS = path.join(ROOT, "tests/e2e/artifacts");

async function main() {
  if (process.env.E2E_NO_BUILD !== "1") {
    const r = spawnSync("bash", [path.join(ROOT, "scripts/build-wasm.sh")], { stdio: "inherit", cwd: ROOT });
    if (r.status !== 0) { console.log("e2e: 0 passed, 1 failed"); process.exit(1); }
  }
  // The service worker's list of files follows www/ even when pkg/ is not rebuilt.
  else spawnSync("node", [path.join(ROOT, "scripts/sw-manifest.mjs")], { stdio: "inherit", cwd: ROOT });
  if (!fs.existsSync(path.join(ROOT, "pkg/crosscheck_bg.wasm"))) {
    console.error("pkg/ is missing: run scripts/build-wasm.sh");
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  }
  const server = await startServer(ROOT, process.env.E2E_WWW ? { www: path.resolve(process.env.E2E_WWW) } : {});
  env.BASE = `http://127.0.0.1:${server.address().port}`;
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    console.error(`could not start Chromium at ${executablePath}: ${e.message}`);
    server.close();
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  }

  let passed = 0, failed = 0, skipped = 0;
  const only = process.env.E2E_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    let page = null, context = null;
    const t0 = Date.now();
    try {
      context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
      page = await openPage(context);
      await t.fn(page, context);
      passed++;
      console.log(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      if (e instanceof Skip) {
        skipped++;
        console.log(`skip ${t.name}: ${e.message}`);
      } else {
        failed++;
        console.log(`FAIL ${t.name}\n     ${String(e.message || e).split("\n").join("\n     ")}`);
        const shot = context?.pages().at(-1) || page;
        if (shot) {
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, t.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().slice(0, 60) + ".png");
          try { await shot.screenshot({ path: file, fullPage: true }); console.log(`     screenshot: ${path.relative(ROOT, file)}`); } catch { /* page gone */ }
        }
      }
    } finally {
      if (context) await context.close().catch(() => {});
    }
  }
  await browser.close();
  server.close();
  if (skipped) console.log(`notice: ${skipped} test(s) skipped (see "skip" lines above)`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); console.log("e2e: 0 passed, 1 failed"); process.exit(1); });
