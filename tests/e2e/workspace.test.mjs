// Issue 17, "the page as a workspace people trust": one test per problem the issue lists
// (17.1 ... 17.9), each written to fail on the page before the issue and pass after
// (run them on the old page with E2E_WWW=<old www dir>). Run by tests/e2e/run.mjs.

import fs from "node:fs";
import { test, assert, assertEq, checkClean, setSource, analyzeOk, ready, dropFiles, axeViolations, env } from "./lib.mjs";
import { SIX } from "./fixtures/six.mjs";

async function fillSix(page, set = SIX) {
  for (const [i, [name, text]] of set.entries()) await setSource(page, i, name, text);
}

/** Waits until the page says the sources are kept on this device. */
async function kept(page) {
  await page.waitForFunction(() => /Kept on this device/.test(document.getElementById("save-status")?.textContent || ""), null, { timeout: 10_000 });
}

/** The Report (the JSON export) of the analysis on screen. */
async function exported(page, format) {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), page.click(`[data-export=${format}]`)]);
  return fs.readFileSync(await download.path(), "utf8");
}

test("17.1 work is kept: sources and the last analysis survive a reload; Forget everything deletes them", async (page) => {
  await fillSix(page, SIX.slice(0, 3));
  await kept(page);
  await analyzeOk(page);
  const summary = await page.textContent("#summary");
  // The worker keeps the analysis after answering: wait until it is written.
  await page.waitForFunction(async () => { const s = await import("/www/store.js"); return !!(await s.loadAnalysis()); }, null, { timeout: 10_000 });
  await page.reload();
  await ready(page);
  const names = await page.$$eval("#sources .source-name", (els) => els.map((e) => e.value));
  const texts = await page.$$eval("#sources .source-text", (els) => els.map((e) => e.value));
  assertEq(JSON.stringify(names), JSON.stringify(SIX.slice(0, 3).map((s) => s[0])), "names after reload");
  assertEq(JSON.stringify(texts), JSON.stringify(SIX.slice(0, 3).map((s) => s[1])), "texts after reload");
  await page.waitForFunction(() => !document.getElementById("results").hidden, null, { timeout: 10_000 });
  assertEq(await page.textContent("#summary"), summary, "the last analysis is shown again");
  assert(await page.locator("#stale").isHidden(), "restored results are up to date");
  // A figure still opens its sentence in the restored analysis.
  const link = page.locator("#facts-table .fig-link").first();
  await link.click();
  assertEq((await page.textContent("#prov-mark")).trim(), (await link.textContent()).trim(), "provenance after reload");
  await page.keyboard.press("Escape");
  // The visible control deletes everything kept.
  const forget = page.locator("#forget");
  assert(await forget.isVisible(), "no visible 'Forget everything on this device' control");
  assertEq((await forget.textContent()).trim(), "Forget everything on this device", "the control's name");
  await forget.click();
  await page.waitForFunction(() => [...document.querySelectorAll("#sources .source-text")].every((t) => t.value === ""));
  await page.waitForTimeout(600);
  await page.reload();
  await ready(page);
  const after = await page.$$eval("#sources .source-text", (els) => els.map((e) => e.value).join(""));
  assertEq(after, "", "nothing restored after Forget");
  assert(await page.locator("#results").isHidden(), "no analysis restored after Forget");
  checkClean(page);
});

test("17.1 a name typed while the sources are being written is kept too", async (page) => {
  // Writing to IndexedDB made slow, as on a busy device: each transaction completes 1.5 s late.
  await page.addInitScript(() => {
    const d = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, "oncomplete");
    Object.defineProperty(IDBTransaction.prototype, "oncomplete", {
      configurable: true,
      get() { return d.get.call(this); },
      set(fn) { d.set.call(this, typeof fn === "function" ? (ev) => setTimeout(() => fn.call(this, ev), 1500) : fn); },
    });
  });
  await page.reload();
  await ready(page);
  await setSource(page, 0, "Harbour Bulletin", "The ferry carried 212 passengers when it ran aground, the coastguard said.");
  // The first write starts 0.4 s after that edit and lasts 1.5 s: the second name is typed meanwhile.
  await page.waitForTimeout(700);
  await page.locator("#sources .source").nth(1).locator(".source-name").fill("Quayside Radio");
  const names = () => page.evaluate(async () => {
    const s = await import("/www/store.js");
    return ((await s.loadSources()) || []).map((b) => b.name);
  });
  const t0 = Date.now();
  while (!(await names()).includes("Quayside Radio") && Date.now() - t0 < 12_000) await page.waitForTimeout(250);
  assert((await names()).includes("Quayside Radio"), `the name typed during a write was never written: ${JSON.stringify(await names())}`);
  await page.reload();
  await ready(page);
  const after = await page.$$eval("#sources .source-name", (els) => els.map((e) => e.value));
  assertEq(JSON.stringify(after.slice(0, 2)), JSON.stringify(["Harbour Bulletin", "Quayside Radio"]), "names after reload");
  checkClean(page);
});

test("17.1 a file dropped anywhere on the page never navigates away and fills an empty box", async (page, context) => {
  await setSource(page, 0, "Mine", "Text I typed myself.");
  const url = page.url();
  await dropFiles(page, context, "h1", [["harbour-news.txt", "Harbour officials said 12 boats sank on Sunday."]]);
  await page.waitForTimeout(500);
  assertEq(page.url(), url, "the page navigated away after a drop outside the boxes");
  await page.waitForFunction(() => document.querySelectorAll("#sources .source-text")[1]?.value !== "", null, { timeout: 5_000 });
  assertEq(await page.locator("#sources .source-text").nth(1).inputValue(), "Harbour officials said 12 boats sank on Sunday.", "dropped file in the first empty box");
  assertEq(await page.locator("#sources .source-name").nth(1).inputValue(), "harbour-news", "named after the file");
  assertEq(await page.locator("#sources .source-text").nth(0).inputValue(), "Text I typed myself.", "typed text kept");
  checkClean(page);
});

test("17.2 offline: after the first visit the page opens and analyzes with the network off", async (page, context) => {
  const manifest = await (await page.request.get(`${env.BASE}/pkg/sw-manifest.js`)).text();
  const version = /"version":\s*"([0-9a-f]+)"/.exec(manifest)?.[1];
  assert(version, "pkg/sw-manifest.js has no version (scripts/build-wasm.sh writes it)");
  await page.waitForFunction(async () => {
    if (!("serviceWorker" in navigator)) return false;
    await navigator.serviceWorker.ready;
    return !!navigator.serviceWorker.controller;
  }, null, { timeout: 20_000 });
  // The cache is named after the build's version.
  const names = await page.evaluate(() => caches.keys());
  assertEq(JSON.stringify(names), JSON.stringify([`crosscheck-${version}`]), "one cache, of this version");
  await context.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    await page.click("#load-example");
    await analyzeOk(page);
    assert(await page.locator("#facts-table tbody tr.fact-row").count() >= 3, "facts analyzed offline");
  } finally {
    await context.setOffline(false);
  }
  checkClean(page);
});

test("17.3 the reason first: each row states the core's verdict in one line, never cut; nothing only in tooltips", async (page) => {
  await fillSix(page);
  await analyzeOk(page);
  const report = JSON.parse(await exported(page, "json"));
  const rows = await page.$$eval("#facts-table tbody tr.fact-row", (trs) => trs.map((tr) => {
    const v = tr.querySelector(".verdict");
    const cs = v && getComputedStyle(v);
    const r = v && v.getBoundingClientRect();
    return {
      fact: +tr.dataset.fact, text: v ? v.textContent : null,
      cut: !v || v.scrollHeight > v.clientHeight + 1 || v.scrollWidth > v.clientWidth + 1 || (cs.webkitLineClamp && cs.webkitLineClamp !== "none") || cs.textOverflow === "ellipsis",
      offscreen: !r || r.right > innerWidth + 1,
    };
  }));
  assert(rows.length >= 4, `too few rows: ${rows.length}`);
  for (const r of rows) {
    const f = report.facts[r.fact];
    assert(r.text !== null, `row ${r.fact} has no verdict line`);
    assertEq(r.text.replace(/\s+/g, " ").trim(), f.verdict.replace(/\s+/g, " ").trim(), `row ${r.fact}: the core's verdict, whole`);
    assert(!r.cut && !r.offscreen, `row ${r.fact}: the verdict is cut: ${r.text}`);
    if (f.status === "conflict") {
      for (const d of f.outliers) assert(r.text.includes(report.documents[d].name), `conflict row ${r.fact} does not name ${report.documents[d].name}: ${r.text}`);
    }
  }
  // Everything a tooltip could say is on the page: no title attributes at all.
  assertEq(await page.locator("#results [title], #provenance [title], #results svg title").count(), 0, "content only in tooltips");
  // A changing figure lists its values in time order under the verdict.
  const changing = report.facts.find((f) => f.changing);
  if (changing) assert(await page.locator(`#facts-table tr[data-fact="${changing.id}"] ol.timeline li`).count() >= 2, "no timeline under a changing fact");
  checkClean(page);
});

test("17.4 the facts table flows with the page, header sticky; the range plot names sources and shows values on hover and focus, also on a phone", async (page) => {
  await fillSix(page);
  await analyzeOk(page);
  // No scroll box of its own between the table and the page.
  const trapped = await page.$eval("#facts-table", (t) => {
    for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (/(auto|scroll)/.test(cs.overflowY) || /(auto|scroll)/.test(cs.overflowX)) return e.className || e.id || e.tagName;
    }
    return null;
  });
  assertEq(trapped, null, "the facts table scrolls inside a box of its own");
  // Scrolled past its top, the header row stays at the top of the window.
  await page.evaluate(() => { const t = document.getElementById("facts-table"); scrollTo(0, t.getBoundingClientRect().top + scrollY + 160); });
  const top = await page.$eval("#facts-table thead th", (th) => th.getBoundingClientRect().top);
  assert(Math.abs(top) <= 2, `the header row is not sticky (top at ${top})`);
  // The plot: keys in the plot, full names in the headers and in the readout.
  const heads = await page.$$eval("#facts-table thead th.col-doc", (ths) => ths.map((t) => t.textContent));
  SIX.forEach(([name], i) => assertEq(heads[i], `${i + 1} ${name}`, "full source name and key in the header"));
  const row = page.locator("#facts-table tr.fact-row").filter({ has: page.locator("svg.range-plot g.fig:nth-of-type(4)") }).first();
  const svg = row.locator("svg.range-plot");
  await svg.scrollIntoViewIfNeeded();
  const line = svg.locator("g.fig").nth(3);
  await line.hover();
  const hovered = await row.locator(".plot-readout").textContent();
  assert(/^\d+ .+: .+\(.+\)/.test(hovered), `no value on hover: "${hovered}"`);
  const doc = +/^(\d+)/.exec(hovered)[1] - 1;
  assert(hovered.includes(SIX[doc][0]), `the readout does not name the source in full: ${hovered}`);
  await page.mouse.move(5, 5);
  await svg.focus();
  await page.keyboard.press("ArrowDown");
  const focused = await row.locator(".plot-readout").textContent();
  assert(/^\d+ .+: /.test(focused), `no value on keyboard focus: "${focused}"`);
  // With the source panel open, no column is cut off: the plot stays whole and in view.
  await row.locator(".fig-link").first().click();
  await page.waitForSelector("#provenance:not([hidden])");
  const [plot, panel] = await Promise.all([svg.boundingBox(), page.locator("#provenance").boundingBox()]);
  assert(plot && plot.width > 100 && plot.x + plot.width <= panel.x + 1, `the range plot is cut off or under the panel: ${JSON.stringify({ plot, panel })}`);
  await page.keyboard.press("Escape");
  // On a phone the plot is kept, compact.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const phone = await page.locator("#facts-table svg.range-plot").first().boundingBox();
  assert(phone && phone.width > 100 && phone.width <= 366, `no range plot on a phone: ${JSON.stringify(phone)}`);
  checkClean(page);
});

test("17.5 the facts table is drawn first and the rest after; 'Analyzed in' times the whole", async (page) => {
  await fillSix(page);
  await page.evaluate(() => {
    window.__seen = [];
    document.getElementById("analyze").addEventListener("click", () => { window.__click = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      window.__seen.push({
        t: performance.now(), facts: !!document.getElementById("facts-table"),
        entities: !!document.getElementById("entities-table"), quotes: !!document.querySelector("#quotes .quote, #quotes .empty-note"),
      });
    }).observe(document.getElementById("results"), { childList: true, subtree: true });
  });
  await analyzeOk(page);
  const { seen, click, label } = await page.evaluate(() => ({ seen: window.__seen, click: window.__click, label: document.getElementById("timing").textContent }));
  const firstFacts = seen.find((s) => s.facts);
  assert(firstFacts && !firstFacts.entities && !firstFacts.quotes, `the facts table did not come first: ${JSON.stringify(firstFacts)}`);
  const allDrawn = seen.find((s) => s.facts && s.entities && s.quotes);
  assert(allDrawn, "not every section was drawn");
  const ms = +/Analyzed in ([\d.]+) ms/.exec(label)[1];
  assert(ms + 1 >= allDrawn.t - click, `the label (${ms} ms) leaves out the drawing (${(allDrawn.t - click).toFixed(0)} ms from the click to every section drawn)`);
  checkClean(page);
});

test("17.6 labels and counts agree; blind spots only where most sources name the entity; on a phone Analyze stays in reach and entity cards are compact", async (page) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await fillSix(page);
  await page.evaluate(() => scrollTo(0, 0));
  const btn = await page.locator("#analyze").boundingBox();
  assert(btn && btn.y >= 0 && btn.y + btn.height <= 844, `Analyze is out of reach on a phone with six sources: ${JSON.stringify(btn)}`);
  await analyzeOk(page);
  const n = +/^(\d+) facts?/.exec(await page.textContent("#summary"))[1];
  assertEq((await page.textContent("#facts-title")).replace(/\s+/g, " ").trim(), `Facts (${n})`, "the heading counts what the summary counts");
  const labels = await page.$$eval("#facts-table .fact-label", (els) => els.map((e) => e.textContent));
  assert(labels.every((l) => /^[A-Z0-9]/.test(l)), `labels not written for people: ${labels.join(", ")}`);
  const ents = await page.$$eval("#entities-table tbody tr.entity-row", (trs) => trs.map((t) => ({ cov: +t.dataset.coverage, blind: t.classList.contains("blind") })));
  assert(ents.length > 0, "no entities");
  for (const e of ents) assertEq(e.blind, e.cov > 3 && e.cov < 6, `blind spot for an entity named by ${e.cov} of 6`);
  const entCount = +/\((\d+)\)/.exec(await page.textContent("#entities-count"))[1];
  assertEq(entCount, ents.length, "the entities heading counts the rows");
  // Compact entity cards: a few lines each, not a screenful.
  const h = await page.$eval("#entities-table", (t) => t.getBoundingClientRect().height);
  assert(h / ents.length < 110, `entity cards too tall on a phone: ${(h / ents.length).toFixed(0)} px each`);
  // Scrolled down to the results, Analyze is still in reach.
  await page.evaluate(() => document.getElementById("entities").scrollIntoView());
  const btn2 = await page.locator("#analyze").boundingBox();
  assert(btn2 && btn2.y >= 0 && btn2.y + btn2.height <= 844, `Analyze out of reach while reading the results: ${JSON.stringify(btn2)}`);
  checkClean(page);
});

/** Splits CSV text (RFC 4180, every field quoted) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test("17.7 the CSV gives each source its text, low, high and unit; the unit is never blank; JSON is the Report", async (page) => {
  await fillSix(page);
  await analyzeOk(page);
  const rows = parseCsv((await exported(page, "csv")).replace(/^\uFEFF/, ""));
  const [head, ...body] = rows;
  for (const [name] of SIX) {
    const k = head.indexOf(name);
    assert(k > 0, `no column for ${name}`);
    assertEq(JSON.stringify(head.slice(k, k + 4)), JSON.stringify([name, `${name} low`, `${name} high`, `${name} unit`]), `columns of ${name}`);
  }
  const unit = head.indexOf("unit"), status = head.indexOf("status");
  assert(unit >= 0 && status >= 0 && head.includes("verdict"), `header: ${head.join(" | ")}`);
  assert(body.length >= 4, "too few rows");
  for (const r of body) {
    assert(r[unit] !== "", `blank unit for ${r[0]}`);
    for (const [name] of SIX) {
      const k = head.indexOf(name);
      if (r[k] === "") continue;
      const lo = r[k + 1], hi = r[k + 2];
      assert((lo === "" || Number.isFinite(+lo)) && (hi === "" || Number.isFinite(+hi)) && (lo !== "" || hi !== ""), `${r[0]} / ${name}: low "${lo}", high "${hi}"`);
      assert(r[k + 3] !== "", `${r[0]} / ${name}: no unit`);
    }
  }
  const json = JSON.parse(await exported(page, "json"));
  assert(Array.isArray(json.facts) && json.facts.every((f) => typeof f.verdict === "string") && json.documents.length === 6, "the JSON export is the Report");
  checkClean(page);
});

test("17.8 axe-core finds no serious or critical violation at desktop and phone width; source names look editable", async (page) => {
  await page.click("#load-example");
  await analyzeOk(page);
  let found = await axeViolations(page);
  assert(found.length === 0, `axe at 1366 px:\n  ${found.join("\n  ")}`);
  await page.locator("#facts-table .fig-link").first().click();
  await page.waitForSelector("#provenance:not([hidden])");
  found = await axeViolations(page);
  assert(found.length === 0, `axe with the source panel open:\n  ${found.join("\n  ")}`);
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 390, height: 844 });
  found = await axeViolations(page);
  assert(found.length === 0, `axe at 390 px:\n  ${found.join("\n  ")}`);
  // The name of a source is a visible text field, not a bold label.
  const look = await page.$eval("#sources .source-name", (e) => {
    const cs = getComputedStyle(e);
    return { width: parseFloat(cs.borderTopWidth), color: cs.borderTopColor, placeholder: e.placeholder };
  });
  assert(look.width >= 1 && !/rgba\(0, 0, 0, 0\)|transparent/.test(look.color), `the name field has no visible border: ${JSON.stringify(look)}`);
  assert(/name/i.test(look.placeholder), `the name field does not say what to type: ${look.placeholder}`);
  checkClean(page);
});

test("17.9 a file dropped on a box that holds text fills an empty box first", async (page, context) => {
  await setSource(page, 0, "Mine", "Text I typed myself.");
  const boxes = await page.locator("#sources .source").count();
  await dropFiles(page, context, "#sources .source >> nth=0", [["wire.txt", "Rescuers saved 186 people."]]);
  await page.waitForFunction(() => [...document.querySelectorAll("#sources .source-text")].some((t, i) => i > 0 && t.value !== ""), null, { timeout: 5_000 });
  assertEq(await page.locator("#sources .source").count(), boxes, "a box was added although one was empty");
  assertEq(await page.locator("#sources .source-text").nth(1).inputValue(), "Rescuers saved 186 people.", "the file went to the first empty box");
  assertEq(await page.locator("#sources .source-text").nth(0).inputValue(), "Text I typed myself.", "typed text kept");
  checkClean(page);
});
