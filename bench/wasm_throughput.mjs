// Throughput of figure extraction and of the whole analysis in wasm under Node, on the
// seed articles repeated to about 10 MB (../shared/seeds; a fictional fixture when absent).
// Run after a release build of pkg/: `node bench/wasm_throughput.mjs [pkgdir]`.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, "pkg");
const mod = await import(join(pkg, "crosscheck.js"));
await mod.default({ module_or_path: readFileSync(join(pkg, "crosscheck_bg.wasm")) });

const seedsDir = join(root, "..", "shared", "seeds");
let texts;
if (existsSync(seedsDir)) {
  texts = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()
    .map((f) => readFileSync(join(seedsDir, f), "utf8"));
} else {
  console.log("NOTICE: ../shared/seeds not found: measuring on a fictional fixture");
  texts = ["Floods in Brennmoor killed at least 7 people on Tuesday, officials said. More than 120 residents were evacuated.\n"];
}
const docs = [];
let total = 0;
while (total < 10e6) for (const t of texts) { docs.push(t); total += Buffer.byteLength(t); }
console.log(`corpus: ${docs.length} documents, ${(total / 1e6).toFixed(1)} MB (UTF-8)`);

let t0 = performance.now();
let n = 0;
for (const d of docs) n += mod.extractFigures(d).length;
let s = (performance.now() - t0) / 1000;
console.log(`wasm extractFigures       ${(total / 1e6 / s).toFixed(1).padStart(8)} MB/s  (${n} figures, ${s.toFixed(2)} s)`);

t0 = performance.now();
n = 0;
for (let i = 0; i < docs.length; i += texts.length) {
  const set = docs.slice(i, i + texts.length).map((text, j) => ({ name: `s${j}`, text }));
  n += mod.analyze(set).facts.length;
}
s = (performance.now() - t0) / 1000;
console.log(`wasm analyze (per set)    ${(total / 1e6 / s).toFixed(1).padStart(8)} MB/s  (${n} facts, ${s.toFixed(2)} s)`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
