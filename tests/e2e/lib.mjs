// The end-to-end test's runner and page helpers (tests/e2e/run.mjs runs the test files).
// Each test gets a fresh browser context (its own storage, service worker and cache) and a
// page opened on /www/ with the engine loaded.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SEEDS = process.env.CROSSCHECK_SEEDS || path.resolve(ROOT, "../shared/seeds");
export const FIXTURE = path.join(ROOT, "tests/e2e/fixtures/example-report.json");

export const tests = [];
/** Registers a test: `fn(page, context)`. */
export const test = (name, fn) => tests.push({ name, fn });
export class Skip extends Error {}
export const skip = (why) => { throw new Skip(why); };

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
export function assertEq(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export const env = { BASE: "" };

/** Opens /www/ in `context` and waits for the engine; collects errors and foreign requests. */
export async function openPage(context, { wait = true } = {}) {
  const page = await context.newPage();
  page.__errors = [];
  page.__foreign = [];
  page.on("pageerror", (e) => page.__errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) page.__errors.push(`console error: ${m.text()}`);
    if (m.type() === "warning" && m.text().startsWith("crosscheck:")) page.__errors.push(`warning: ${m.text()}`);
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(env.BASE) && !u.startsWith("data:") && !u.startsWith("blob:")) page.__foreign.push(u);
  });
  await page.goto(`${env.BASE}/www/`);
  if (wait) await ready(page);
  return page;
}

/** Waits until the engine is loaded (Analyze enabled). */
export async function ready(page) {
  await page.waitForFunction(() => !document.getElementById("analyze").disabled, null, { timeout: 30_000 });
}

export function checkClean(page) {
  assert(page.__errors.length === 0, `errors in the page:\n  ${page.__errors.join("\n  ")}`);
  assert(page.__foreign.length === 0, `requests to other origins: ${page.__foreign.join(", ")}`);
}

export async function setSource(page, index, name, text) {
  const boxes = page.locator("#sources .source");
  while ((await boxes.count()) <= index) await page.click("#add-source");
  const box = boxes.nth(index);
  await box.locator(".source-name").fill(name);
  await box.locator(".source-text").fill(text);
}

/** Clicks Analyze and waits until every section is drawn (the timing label) or an error shows. */
export async function analyze(page) {
  await page.click("#analyze");
  await page.waitForFunction(() =>
    !document.getElementById("analyze").disabled &&
    (/Analyzed in/.test(document.getElementById("timing").textContent) || !document.getElementById("error").hidden),
  null, { timeout: 60_000 });
  return await page.locator("#error").isVisible() ? await page.textContent("#error-text") : null;
}

export async function analyzeOk(page) {
  const error = await analyze(page);
  assert(error === null, `analysis failed: ${error}`);
  assert(await page.locator("#results").isVisible(), "results are not shown");
}

/** Renders the hand-written fixture Report (or `mutate(fixture)`'s) with the page's own code. */
export async function renderFixture(page, mutate = null) {
  const fx = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
  if (mutate) mutate(fx);
  await page.evaluate(async ({ texts, report }) => {
    const { showReport } = await import("/www/results.js");
    await showReport(report, texts);
  }, fx);
  return fx;
}

export function seed(prefix) {
  if (!fs.existsSync(SEEDS)) return null;
  const f = fs.readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith(".txt"));
  return f ? fs.readFileSync(path.join(SEEDS, f), "utf8") : null;
}

/**
 * Starts recording the page's long tasks (main thread busy > 50 ms): `longest()` then
 * gives the longest, in ms.
 */
export async function watchLongTasks(page) {
  // The page's start-up work first (the engine's warm-up, which has the browser compile
  // the core in background threads, and the drawing warm-up): on a loaded two-core
  // machine it stretches any task that runs meanwhile; the tests time what they do.
  await page.waitForFunction(() => document.documentElement.dataset.engine === "warm", null, { timeout: 30_000 });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
      .observe({ type: "longtask", buffered: false });
  });
  return { longest: () => page.evaluate(() => Math.max(0, ...window.__long)) };
}

/**
 * Drops real files (a drag from outside the browser, through the DevTools protocol, so
 * the browser's own default action happens unless the page prevents it) at the centre
 * of `selector`. `files`: [[name, text]], written to a temporary directory.
 */
export async function dropFiles(page, context, selector, files) {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || "/tmp"), "crosscheck-drop-"));
  const paths = files.map(([name, text]) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; });
  const box = await page.locator(selector).first().boundingBox();
  assert(box, `nothing to drop on at ${selector}`);
  const x = box.x + box.width / 2, y = box.y + Math.min(box.height / 2, 20);
  const cdp = await context.newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) await cdp.send("Input.dispatchDragEvent", { type, x, y, data });
  await cdp.detach();
  return paths;
}

/** Runs axe-core (node_modules/axe-core, pinned in package-lock.json) on the page; returns serious and critical violations. */
export async function axeViolations(page) {
  const src = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol: the page's CSP does not apply to it.
  await page.evaluate(src);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")})`);
  });
}
