// CPU time of a stretch of a page's life, from a Chrome trace (the DevTools protocol's
// Tracing domain, through playwright-core's CDP session), for the page benchmarks: where
// the time between two moments went, per thread of the renderer (the page's main thread,
// its worker), as thread CPU time (`tdur`: what the thread itself ran, not waits for a
// core other processes hold) and wall time, split by kind of work (script, wasm start,
// style, layout, paint, garbage collection, ...). On a busy machine wall time stretches;
// CPU time much less.
//
//   const tr = await startTrace(page);  ... ; const events = await tr.stop();
//   const b = breakdown(events, fromMs, toMs)   // moments as performance.now() in the page
//   // -> { threads: { main: { cpu, wall, kinds: { script: cpu ms, ... } }, worker: ... } }

const CATEGORIES = [
  "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute",
  "blink", "blink.user_timing", "loading", "disabled-by-default-v8.compile", "v8.wasm",
  "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan",
].join(",");

/** Starts tracing the page's renderer; `stop()` resolves to the trace events. */
export async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => { for (const ev of e.value) events.push(ev); });
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents", options: "" });
  return {
    async stop() {
      await cdp.send("Tracing.end");
      await done;
      await cdp.detach().catch(() => {});
      return events;
    },
  };
}

/** The kind of work an event's own time is (its name, its category). */
function kindOf(name, cat) {
  if (/^V8\.TF|^wasm\.|^V8\.Wasm|Turboshaft|Liftoff/.test(name) || /wasm/.test(cat)) return "wasm compile";
  if (/GC|Scavenge|MarkCompact|Sweep|Heap/i.test(name)) return "gc";
  if (/Maglev|Turbofan|OptimizeBackground|Compile|ParseFunction|ParseProgram|PreParse|Deserialize|FlushInstructionCache/i.test(name)) return "js compile";
  if (/recalcStyle|RecalculateStyles|UpdateLayoutTree|rebuildLayoutTree|updateStyle|StyleRecalc|StyleInvalidat/i.test(name)) return "style";
  if (/Layout|ShapeText|Shaping|HitTest|IntersectionObserver|ResizeObserver/i.test(name)) return "layout";
  if (/Paint|Raster|Commit|Composit|Layeriz|UpdateLifecycle|Decode|BeginMainFrame|ProxyMain|LayerTree/i.test(name)) return "paint";
  if (/SerializedScriptValue|postMessage|structuredClone/i.test(name)) return "messages (structured clone)";
  if (/^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|FireIdleCallback|ProfileCall|ParseHTML|HandlePostMessage|MessageEvent|EventHandler)/.test(name)) return "script";
  return "other";
}

/** Thread names by pid:tid, from the metadata events. */
function threadNames(events) {
  const names = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args?.name || "");
  return names;
}

/**
 * Where the time between `from` and `to` (milliseconds on the page's performance.now()
 * clock, `origin` = the page's performance.timeOrigin in ms since the epoch... not needed:
 * the trace's clock is found from the user-timing marks `startMark` and `endMark`) went.
 * Only events that end after `startMark` and start before `endMark` count, clipped to it.
 * `endMark` may instead be a number: that many milliseconds after `startMark`.
 * Returns { wallMs, threads: { [name]: { cpu, wall, kinds } } }.
 */
export function breakdown(events, startMark, endMark) {
  const names = threadNames(events);
  const mark = (n) => events.find((e) => e.name === n && /user_timing/.test(e.cat) && (e.ph === "R" || e.ph === "I" || e.ph === "n" || e.ph === "b" || e.ph === "X"));
  const a = mark(startMark), b = typeof endMark === "number" ? null : mark(endMark);
  if (!a || (!b && typeof endMark !== "number") || !Number.isFinite(b ? b.ts : endMark)) return null;
  const t0 = a.ts, t1 = b ? b.ts : a.ts + endMark * 1000;
  // The renderer of the page: the process whose main thread wrote the marks.
  const pid = a.pid;
  const threads = {};
  // Complete events (and B/E pairs made complete), per thread.
  const perThread = new Map();
  const open = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    const key = `${e.pid}:${e.tid}`;
    let ev = null;
    if (e.ph === "X") ev = { name: e.name, cat: e.cat, ts: e.ts, dur: e.dur || 0, tdur: e.tdur ?? e.dur ?? 0 };
    else if (e.ph === "B") { if (!open.has(key)) open.set(key, []); open.get(key).push(e); }
    else if (e.ph === "E") {
      const s = open.get(key)?.pop();
      if (s) ev = { name: s.name, cat: s.cat, ts: s.ts, dur: e.ts - s.ts, tdur: (e.tts ?? 0) - (s.tts ?? 0) || e.ts - s.ts };
    }
    if (!ev) continue;
    if (!perThread.has(key)) perThread.set(key, []);
    perThread.get(key).push(ev);
  }
  for (const [key, evs] of perThread) {
    const tname = names.get(key) || key;
    const label = /CrRendererMain/.test(tname) ? "main" : /^DedicatedWorker/.test(tname) ? "worker" : tname.replace(/\d+$/, "");
    // Nesting: sort by start (longer first), walk with a stack; an event's own time is its
    // time minus its children's, scaled to the part inside [t0, t1].
    evs.sort((x, y) => x.ts - y.ts || y.dur - x.dur);
    const t = threads[label] ??= { cpu: 0, wall: 0, kinds: {}, names: {} };
    const stack = [];
    const close = (ev) => {
      const inside = Math.max(0, Math.min(ev.ts + ev.dur, t1) - Math.max(ev.ts, t0));
      if (!ev.dur || !inside) return;
      const share = inside / ev.dur;
      const selfCpu = Math.max(0, ev.tdur - ev.childTdur) * share;
      const selfWall = Math.max(0, ev.dur - ev.childDur) * share;
      const k = kindOf(ev.name, ev.cat || "");
      t.kinds[k] = (t.kinds[k] || 0) + selfCpu / 1000;
      t.names[ev.name] = (t.names[ev.name] || 0) + selfCpu / 1000;
      if (ev.top) { t.cpu += ev.tdur * share / 1000; t.wall += inside / 1000; }
      void selfWall;
    };
    for (const ev of evs) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= ev.ts) close(stack.pop());
      ev.childTdur = 0; ev.childDur = 0;
      const parent = stack.at(-1);
      if (parent && ev.ts + ev.dur <= parent.ts + parent.dur + 1) { parent.childTdur += ev.tdur; parent.childDur += ev.dur; ev.top = false; }
      else ev.top = true;
      stack.push(ev);
    }
    while (stack.length) close(stack.pop());
  }
  for (const [k, t] of Object.entries(threads)) if (t.cpu < 0.05) delete threads[k];
  return { wallMs: (t1 - t0) / 1000, threads };
}

/** "script 40.1, layout 12.0, ..." sorted by time, kinds under 0.5 ms left out. */
export function kindsLine(kinds) {
  return Object.entries(kinds).filter(([, v]) => v >= 0.5).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
}
