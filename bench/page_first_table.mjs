// From pressing Analyze to the facts table painted, end to end in the real page in headless
// Chromium (issue 17: target <= 100 ms for five articles on a fresh page). Each repetition
// opens the page anew (a fresh page: the engine just loaded, nothing analyzed yet), fills
// five sources, clicks Analyze and times, inside the page:
//   table: click -> the frame that shows the facts table presented: Element Timing's
//          renderTime of the first row's label (the bench sets its elementtiming
//          attribute as the table enters the DOM);
//   task:  click -> the task after the next animation frame once the table is in the DOM
//          (the measure before Element Timing: it also waits for any task queued before
//          it, such as the next rows);
//   all:   click -> the "Analyzed in" label written (every section rendered);
// and reports what the label itself says: median and p90 over REPS fresh pages. Then TRACES
// more fresh pages are traced (Chrome tracing through the DevTools protocol,
// bench/page_trace.mjs) for where the time went: CPU time of each renderer thread (the
// page's main thread, its worker, the browser's background compiler threads) from the click
// to the table painted and to everything rendered, by kind of work (script, wasm compile,
// style, layout, paint, ...). On a busy machine wall time stretches with the load; CPU
// time says what the page itself costs. Inputs: the five seed articles of ../shared/seeds
// (skipped with a notice when absent) and five generated fictional articles.
//
//   node bench/page_first_table.mjs            needs a release pkg/ (scripts/build-wasm.sh)
//   TRACES=0 / NAMES=1                         no traced pages / each thread's time by event
//   PASTE=300                                  ms between filling the boxes and the click
//                                              (default 3000: a person pasting five articles)
//   REPS=15 WWW=/path/to/other/www node ...    more repetitions; time another copy of www/
//                                              (e.g. the page before a change)
//   VS=/path/to/other/www node ...             this page and another, interleaved page by
//                                              page (a fair comparison on a busy machine)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, CHROMIUM_ARGS } from "../tests/e2e/server.mjs";
import { generatedArticles } from "./generated_articles.mjs";
import { startTrace, breakdown, kindsLine } from "./page_trace.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPS = +(process.env.REPS || 11);
// Fresh pages traced (Chrome tracing) for the CPU-time breakdown, after the timed ones
// (tracing slows the page a little, so they are not in the medians above it).
const TRACES = +(process.env.TRACES ?? 3);
// Milliseconds between the sources filled and the click (the time a person takes to paste).
const PASTE = +(process.env.PASTE ?? 3000);
const SEEDS = path.resolve(ROOT, "../shared/seeds");

const sets = [];
if (fs.existsSync(SEEDS)) {
  const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().slice(0, 5);
  sets.push({ label: "five seed articles", articles: files.map((f) => ({ name: f.replace(/\.txt$/, ""), text: fs.readFileSync(path.join(SEEDS, f), "utf8") })) });
} else {
  console.log(`NOTICE: ${SEEDS} not found: the seed articles are skipped`);
}
sets.push({ label: "five generated articles", articles: generatedArticles(5) });

const server = await startServer(ROOT, process.env.WWW ? { www: path.resolve(process.env.WWW) } : {});
const variants = [{ name: process.env.WWW ? path.resolve(process.env.WWW) : "this page", base: `http://127.0.0.1:${server.address().port}` }];
const other = process.env.VS ? await startServer(ROOT, { www: path.resolve(process.env.VS) }) : null;
if (other) variants.push({ name: path.resolve(process.env.VS), base: `http://127.0.0.1:${other.address().port}` });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscheck-bench-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
  viewport: { width: 1366, height: 768 }, args: CHROMIUM_ARGS,
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

try {
  for (const p of context.pages()) await p.close();
  for (const { label, articles } of sets) {
    const runs = variants.map(() => ({ table: [], task: [], all: [], shown: [], split: [], cpu: [] }));
    for (let rep = 0; rep < REPS + TRACES; rep++) for (const [v, { base }] of variants.entries()) {
      const traced = rep >= REPS;
      const { table, task, all, shown, split, cpu } = runs[v];
      const page = await context.newPage();
      await page.goto(`${base}/www/`);
      await page.waitForFunction(() => !document.getElementById("analyze").disabled, null, { timeout: 60_000 });
      // A person pastes for seconds before pressing Analyze: the engine settles (its
      // start-up warm-up; the page says when: data-engine="warm") and the browser's
      // background compilation of what the warm-up ran goes on meanwhile. So: warm, the
      // boxes filled, then PASTE ms before the click.
      await page.waitForFunction(() => document.documentElement.dataset.engine === "warm", null, { timeout: 10_000 })
        .catch(() => page.waitForTimeout(1500));
      await page.evaluate(async ([articles, paste]) => {
        const add = document.getElementById("add-source");
        while (document.querySelectorAll("#sources .source").length < articles.length) add.click();
        const boxes = document.querySelectorAll("#sources .source");
        articles.forEach((a, i) => {
          const name = boxes[i].querySelector(".source-name");
          name.value = a.name;
          name.dispatchEvent(new Event("input", { bubbles: true }));
          const t = boxes[i].querySelector(".source-text");
          t.value = a.text;
          t.dispatchEvent(new Event("input", { bubbles: true }));
        });
        await new Promise((r) => setTimeout(r, paste));
        // Instrumentation: the click time, and the paint after the table appears.
        window.__t = {};
        document.getElementById("analyze").addEventListener("click", () => { window.__t.click = performance.now(); performance.mark("bench:click"); }, { capture: true, once: true });
        const facts = document.getElementById("facts");
        const seen = () => facts.querySelector("table, .empty-note");
        // The frame that shows the table: Element Timing's renderTime of its first row's
        // label (the time that frame was presented); and, as before, the task after the
        // next animation frame (which can also wait for tasks queued before it).
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.identifier === "bench-table" && !window.__t.presented) window.__t.presented = e.renderTime || e.loadTime;
        }).observe({ type: "element", buffered: true });
        new MutationObserver((_, obs) => {
          if (!seen() || window.__t.inDom) return;
          window.__t.inDom = performance.now();
          obs.disconnect();
          facts.querySelector("table .fact-label, .empty-note")?.setAttribute("elementtiming", "bench-table");
          requestAnimationFrame(() => setTimeout(() => { window.__t.painted = performance.now(); performance.mark("bench:painted"); }, 0));
        }).observe(facts, { childList: true, subtree: true });
        const timing = document.getElementById("timing");
        new MutationObserver((_, obs) => {
          if (!/Analyzed in/.test(timing.textContent)) return;
          window.__t.label = performance.now();
          performance.mark("bench:label");
          window.__t.text = timing.textContent;
          obs.disconnect();
        }).observe(timing, { childList: true, characterData: true, subtree: true });
      }, [articles, PASTE]);
      const trace = traced ? await startTrace(page) : null;
      await page.click("#analyze");
      await page.waitForFunction(() => window.__t.painted && window.__t.presented && window.__t.label, null, { timeout: 60_000 });
      if (trace) {
        const events = await trace.stop();
        const t = await page.evaluate(() => window.__t);
        const b = breakdown(events, "bench:click", t.presented - t.click);
        const c = breakdown(events, "bench:click", "bench:label");
        if (b) cpu.push({ table: b, all: c });
        await page.close();
        continue;
      }
      const t = await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
        return { ...window.__t, sent: at("crosscheck:sent"), analyzed: at("crosscheck:analyzed"), table: at("crosscheck:table") };
      });
      if (t.analyzed) split.push([t.sent - t.click, t.analyzed - t.sent, t.table - t.analyzed, t.presented - t.table]);
      table.push(t.presented - t.click);
      task.push(t.painted - t.click);
      all.push(t.label - t.click);
      const m = /([\d.]+) ms/.exec(t.text || "");
      if (m) shown.push(+m[1]);
      await page.close();
    }
    for (const [v, { table, task, all, shown, split, cpu }] of runs.entries()) {
    const f = (x) => (x === undefined ? "   ?" : x.toFixed(0).padStart(4));
    if (variants.length > 1) console.log(`[${variants[v].name}]`);
    console.log(`${label} (${REPS} fresh pages): click -> table painted: median ${f(median(table))} ms (p90 ${f(pct(table, 0.9))}); ` +
      `(to the task after the next frame: median ${f(median(task))} ms, p90 ${f(pct(task, 0.9))}); ` +
      `click -> everything rendered: median ${f(median(all))} ms; the label says median ${shown.length ? f(median(shown)) : "  ?"} ms`);
    if (split.length) {
      const m = (k) => f(median(split.map((x) => x[k])));
      console.log(`  medians: click -> sent to the worker ${m(0)} ms, analysis in the worker and back ${m(1)} ms, table drawn ${m(2)} ms, on screen ${m(3)} ms`);
    }
    // CPU time (thread time) of each renderer thread, the traced page with the median
    // main-thread CPU time to the table.
    for (const [span, what] of [["table", "click -> table painted"], ["all", "click -> everything rendered"]]) {
      const ok = cpu.filter((x) => x[span]);
      if (!ok.length) continue;
      const pick = [...ok].sort((x, y) => (x[span].threads.main?.cpu ?? 0) - (y[span].threads.main?.cpu ?? 0))[Math.floor(ok.length / 2)][span];
      console.log(`  CPU time, ${what} (traced page of median main-thread CPU of ${ok.length}; wall ${f(pick.wallMs)} ms):`);
      for (const [name, t] of Object.entries(pick.threads).sort((x, y) => y[1].cpu - x[1].cpu)) {
        if (t.cpu < 1) continue;
        console.log(`    ${name.padEnd(22)} CPU ${f(t.cpu)} ms (busy ${f(t.wall)} ms wall): ${kindsLine(t.kinds)}`);
        if (process.env.NAMES) console.log(`      by event: ${kindsLine(t.names)}`);
      }
    }
    }
  }
} finally {
  await context.close();
  server.close();
  other?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
