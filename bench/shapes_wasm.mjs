// The wasm side of bench/shapes.py: analyzes the sources in DIR (every *.txt, in name
// order, one source each) with the release pkg/ under Node, REPS times, and prints one
// JSON line: the best time in seconds (and the best CPU time of the process, which other
// work on a shared machine disturbs less), the wasm module's memory after the runs (it only
// grows, so this is the peak; `base` is its size before), and the error message if the module refused or trapped.
// Run: `node bench/shapes_wasm.mjs DIR [REPS] [pkgdir]`
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [dir, repsArg, pkgArg] = process.argv.slice(2);
const pkg = pkgArg ? resolve(pkgArg) : join(root, "pkg");
const mod = await import(join(pkg, "crosscheck.js"));
const wasm = await mod.default({ module_or_path: readFileSync(join(pkg, "crosscheck_bg.wasm")) });

const base = wasm.memory.buffer.byteLength;
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
const articles = files.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
const reps = Number(repsArg || 1);
let best = null;
let bestCpu = null;
let error = null;
// The wasm memory when each stage starts (it only grows: the peak so far), for the first run.
let stages = null;
for (let r = 0; r < reps && !error; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    const seen = [["start", wasm.memory.buffer.byteLength]];
    const report = mod.analyze(articles, (_done, next) => seen.push([next, wasm.memory.buffer.byteLength]));
    seen.push(["end", wasm.memory.buffer.byteLength]);
    if (!stages) stages = seen;
    if (!report || !Array.isArray(report.documents)) throw new Error("no report");
  } catch (e) {
    error = String(e && e.message ? e.message : e).slice(0, 200);
    break;
  }
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  best = best === null ? s : Math.min(best, s);
  bestCpu = bestCpu === null ? cpu : Math.min(bestCpu, cpu);
}
console.log(JSON.stringify({ secs: best, cpu: bestCpu, memory: wasm.memory.buffer.byteLength, base, error, stages }));
