// The page's end-to-end tests from before issue 17 (kept, adapted to the page it asked for):
// boxes, worker and cancel, files, errors, every view, provenance, exports, keyboard, undo,
// phone width. Run by tests/e2e/run.mjs.

import fs from "node:fs";
import { test, skip, assert, assertEq, checkClean, setSource, analyze, analyzeOk, renderFixture, seed, SEEDS } from "./lib.mjs";

test("page loads the core, starts with source boxes, adds and removes them", async (page) => {
  assert(/^core \d/.test(await page.textContent("#version")), "version not shown");
  const boxes = page.locator("#sources .source");
  const start = await boxes.count();
  assert(start >= 2 && start <= 3, `expected 2 or 3 boxes at start, got ${start}`);
  await page.click("#add-source");
  assertEq(await boxes.count(), start + 1, "boxes after Add source");
  await boxes.nth(0).locator(".remove").click();
  assertEq(await boxes.count(), start, "boxes after Remove");
  assertEq(await boxes.nth(0).locator(".src-key").textContent(), "1", "renumbered key");
  assertEq(await boxes.nth(0).locator(".source-name").getAttribute("aria-label"), "Name of source 1", "renumbered name field");
  checkClean(page);
});

test("a long analysis runs in a worker and can be cancelled", async (page) => {
  const para = "Rescue teams in the fictional port of Lindqvist said 42 boats were damaged and about 300 people were moved to shelters on Tuesday. ";
  // 7.8 million characters, pasted (kept off the editor, as a long paste is).
  await page.locator("#sources .source-text").first().evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, para.repeat(60_000));
  await page.click("#analyze");
  await page.waitForSelector("#cancel:not([hidden])", { timeout: 5_000 });
  // The page stays responsive while the core works.
  assertEq(await page.evaluate(() => 6 * 7), 42, "page responsive during analysis");
  await page.click("#cancel");
  await page.waitForFunction(() => !document.getElementById("error").hidden, null, { timeout: 10_000 });
  assert(/cancel/i.test(await page.textContent("#error-text")), "cancel message shown");
  // The engine is usable again.
  await page.click("#sources .clear-big");
  await page.locator("#sources .source-text").first().fill(para);
  await analyzeOk(page);
  assert(/^\d+ facts?/.test(await page.textContent("#summary")), "analysis after cancel");
  checkClean(page);
});

test("a .txt file dropped on a box (or opened) fills it", async (page) => {
  const box = page.locator("#sources .source").nth(1);
  await box.evaluate((el) => {
    const dt = new DataTransfer();
    dt.items.add(new File(["Rescuers reached 14 villages on Monday."], "valley-post.txt", { type: "text/plain" }));
    for (const type of ["dragover", "drop"]) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await page.waitForFunction(() => document.querySelectorAll("#sources .source-text")[1].value.length > 0);
  assertEq(await box.locator(".source-text").inputValue(), "Rescuers reached 14 villages on Monday.", "dropped text");
  assertEq(await box.locator(".source-name").inputValue(), "valley-post", "name from the file");
  // Several files at once, dropped on a box that already holds text: they fill the empty
  // boxes in order (then new boxes), and the box's own text stays.
  const before = await page.locator("#sources .source").count();
  await box.evaluate((el) => {
    const dt = new DataTransfer();
    dt.items.add(new File(["First wire."], "one.txt", { type: "text/plain" }));
    dt.items.add(new File(["Second wire."], "two.txt", { type: "text/plain" }));
    dt.items.add(new File(["Third wire."], "three.txt", { type: "text/plain" }));
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction((n) => document.querySelectorAll("#sources .source").length === n + 1, before);
  await page.waitForFunction(() => [...document.querySelectorAll("#sources .source-text")].at(-1).value === "Third wire.");
  const texts = await page.$$eval("#sources .source-text", (ts) => ts.map((t) => t.value));
  assertEq(JSON.stringify(texts), JSON.stringify(["First wire.", "Rescuers reached 14 villages on Monday.", "Second wire.", "Third wire."]), "empty boxes first, in order");
  const first = page.locator("#sources .source").nth(0);
  await first.locator(".source-text").fill("");
  await first.locator("input[type=file]").setInputFiles({ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("Two ferries sank.") });
  await page.waitForFunction(() => document.querySelectorAll("#sources .source-text")[0].value.length > 0);
  assertEq(await first.locator(".source-text").inputValue(), "Two ferries sank.", "opened file text");
  checkClean(page);
});

test("empty analyze shows an error message", async (page) => {
  const error = await analyze(page);
  assert(error && error.trim().length > 10, `expected a visible error, got ${JSON.stringify(error)}`);
  assert(await page.locator("#error").isVisible(), "error area not visible");
  assert(!(await page.locator("#results").isVisible()), "results shown after an error");
  checkClean(page);
});

test("render-only: a hand-written fixture report renders every view", async (page) => {
  await renderFixture(page);
  assertEq(await page.textContent("#summary"), "5 facts: 1 agree, 2 consistent, 1 conflict, 1 single-source (1 changing over time)", "summary line");
  const rows = page.locator("#facts-table tbody tr");
  assertEq(await rows.count(), 5, "fact rows");
  assertEq(await rows.nth(0).getAttribute("data-status"), "conflict", "first row status");
  assertEq((await rows.nth(0).locator(".badge").first().textContent()).trim(), "Conflict", "status has a text label");
  assertEq(await rows.nth(0).locator("td.cell.outlier").count(), 1, "outlier cell marked");
  assertEq(await page.locator("#facts-table svg.range-plot").count(), 5, "one range plot per fact");
  assert(await rows.nth(0).locator("svg .band").count() === 1, "consensus band drawn");
  await page.check("#only-conflicts");
  await page.waitForFunction(() => document.querySelectorAll("#facts-table tbody tr.fact-row").length === 2);
  assertEq(await page.textContent("#facts-filter-count"), "(2 of 5 facts)", "the filter says how many rows it keeps");
  await page.uncheck("#only-conflicts");
  await page.waitForFunction(() => document.querySelectorAll("#facts-table tbody tr.fact-row").length === 5);
  // Blind spots: named by most sources (2 of 3), not by one source of three.
  assertEq(await page.locator("#entities-table tbody tr.blind").count(), 1, "blind-spot entities");
  assertEq(await page.locator("#entities-table tbody tr.blind .entity-name").textContent(), "Tomas Okafor-Lind", "the blind spot");
  await page.check("#only-blind");
  await page.waitForFunction(() => document.querySelectorAll("#entities-table tbody tr.entity-row").length === 1);
  await page.uncheck("#only-blind");
  await page.waitForFunction(() => document.querySelectorAll("#entities-table tbody tr.entity-row").length === 6);
  assert(await page.locator("#entities .filter-empty").isHidden(), "no 'filtered out' note while rows are left");
  assertEq(await page.locator(".quote-group .chg").count() > 0, true, "word differences highlighted");
  const cell = rows.nth(0).locator(".fig-link").first();
  const cellText = (await cell.textContent()).trim();
  await cell.click();
  assertEq((await page.textContent("#prov-mark")).trim(), cellText, "highlighted text equals the figure");
  checkClean(page);
});

test("seed articles: a conflict row in the facts table and a person in the entity table", async (page) => {
  const a = seed("000_"), b = seed("003_");
  if (!a || !b) skip(`seed articles not found in ${SEEDS}`);
  await setSource(page, 0, "seed 000", a);
  await setSource(page, 1, "seed 003", b);
  await analyzeOk(page);
  const docs = await page.locator("#doc-list li").count();
  assertEq(docs, 2, "analyzed sources (empty box left out)");
  const conflicts = await page.locator("#facts-table tbody tr[data-status=conflict]").count();
  assert(conflicts >= 1, `expected a conflict row in the facts table, found ${conflicts} (summary: ${await page.textContent("#summary")})`);
  const persons = await page.locator("#entities-table tbody tr[data-kind=person]").count();
  assert(persons >= 1, `expected a person in the entity table, found ${persons}`);
  checkClean(page);
});

test("Load example: facts, entities and quotes render; sorting and filter work", async (page) => {
  await page.click("#load-example");
  assertEq(await page.locator("#sources .source").count(), 3, "example boxes");
  await analyzeOk(page);
  assert(/^\d+ facts?/.test(await page.textContent("#summary")), "summary line");
  const facts = await page.locator("#facts-table tbody tr").count();
  assert(facts >= 1, `expected facts for the example, found ${facts}`);
  const conflicts = await page.locator("#facts-table tbody tr[data-status=conflict]").count();
  assert(conflicts >= 1, "the example's figures disagree: expected a conflict row");
  assert(await page.locator("#facts-table svg.range-plot").count() >= 1, "no range plot");
  const groups = await page.locator("#quotes .quote-group").count();
  assert(groups >= 1, "the example's reworded quotations should be aligned in a group");
  assert(await page.locator("#quotes .quote-group .chg").count() >= 1, "no word differences highlighted");
  const ents = await page.locator("#entities-table tbody tr").count();
  assert(ents >= 1, `expected entities for the example, found ${ents}`);
  // Sorting by coverage: descending first.
  await page.click("#entities-table th.col-coverage button");
  assertEq(await page.getAttribute("#entities-table th.col-coverage", "aria-sort"), "descending", "coverage sort");
  await page.waitForTimeout(100);
  const cov = await page.$$eval("#entities-table tbody tr.entity-row", (trs) => trs.map((t) => +t.dataset.coverage));
  assert(cov.every((c, i) => i === 0 || cov[i - 1] >= c), `coverage not sorted: ${cov}`);
  await page.click("#entities-table th.col-kind button");
  assertEq(await page.getAttribute("#entities-table th.col-kind", "aria-sort"), "ascending", "kind sort");
  // Filter: only conflicts and changes remain.
  await page.check("#only-conflicts");
  await page.waitForTimeout(100);
  const shown = await page.$$eval("#facts-table tbody tr.fact-row", (trs) => trs.map((t) => [t.dataset.status, t.dataset.changing]));
  assert(shown.length >= 1, "the filter kept no row");
  assert(shown.every(([s, c]) => s === "conflict" || c === "true"), `filter let through ${JSON.stringify(shown)}`);
  checkClean(page);
});

test("clicking a cell highlights the figure in its source", async (page) => {
  await page.click("#load-example");
  await analyzeOk(page);
  const cell = page.locator("#facts-table .fig-link").first();
  assert(await cell.count() === 1, "no figure cell to click");
  const text = (await cell.textContent()).trim();
  await cell.click();
  await page.waitForSelector("#provenance:not([hidden])");
  assertEq((await page.textContent("#prov-mark")).trim(), text, "highlighted <mark> text equals the cell");
  assert(await page.locator("#prov-mark").isVisible(), "mark not visible");
  // A mention too, when there is one.
  const mention = page.locator("#entities-table .mention-link").first();
  if (await mention.count()) {
    const mt = (await mention.textContent()).trim();
    await mention.click();
    assertEq((await page.textContent("#prov-mark")).trim(), mt, "highlighted mention");
  }
  await page.keyboard.press("Escape");
  assert(await page.locator("#provenance").isHidden(), "Escape closes the panel");
  checkClean(page);
});

test("a source about another event is named in a notice and not compared", async (page) => {
  // Our own fiction: two reports of a flood, one of a mine collapse elsewhere.
  await setSource(page, 0, "Flood Ledger", "Floods in Brennmoor killed at least 7 people on Tuesday, the Brennmoor Relief Agency said. More than 120 residents of Brennmoor were evacuated.");
  await setSource(page, 1, "Flood Post", "Nine people died in the Brennmoor floods, the Brennmoor Relief Agency said on Wednesday. Nearly 150 Brennmoor residents were evacuated.");
  await setSource(page, 2, "Mine Daily", "A tunnel collapsed at the Kessler Deep mine near Ostvik on Monday, killing at least 8 people, the Ostvik Mining Authority said. The Ostvik Mining Authority said about 40 miners were underground at Kessler Deep.");
  await analyzeOk(page);
  const notices = await page.locator("#notices").textContent();
  assert(/Mine Daily names hardly any/.test(notices), `no notice about the other event: ${notices}`);
  // The flood reports are still compared with each other.
  const rows = await page.$$eval("#facts-table tbody tr.fact-row", (trs) => trs.map((t) => ({
    status: t.dataset.status, given: [...t.querySelectorAll("td.col-doc")].map((td) => !td.classList.contains("empty")),
  })));
  assert(rows.some((r) => r.given[0] && r.given[1] && r.status !== "single"), `flood facts not compared: ${JSON.stringify(rows)}`);
  // ... and no row holds a flood figure and the mine's.
  assert(!rows.some((r) => r.given[2] && (r.given[0] || r.given[1])), `a row mixes the events: ${JSON.stringify(rows)}`);
  checkClean(page);
});

test("article text is shown literally and never executed", async (page) => {
  const evil1 = 'Officials said 12 people were hurt. <img src=x onerror="window.__pwned=1"> The river rose 3 metres.\n' +
    "<script>window.__pwned=2</script> Mayor Anna Brück said 40 homes were flooded.";
  const evil2 = "Officials said 15 people were hurt and 40 homes were flooded, according to Mayor Anna Brück. <b onmouseover=\"window.__pwned=3\">bold</b>";
  await setSource(page, 0, '<img src=x onerror="window.__pwned=4">', evil1);
  await setSource(page, 1, "Second", evil2);
  await analyzeOk(page);
  await page.waitForTimeout(300);
  assertEq(await page.evaluate(() => typeof window.__pwned), "undefined", "injected code ran");
  const link = page.locator("#doc-list .doc-link").first();
  assertEq((await link.textContent()).trim(), '<img src=x onerror="window.__pwned=4">', "source name shown literally");
  await link.click();
  await page.waitForSelector("#provenance:not([hidden])");
  const shown = await page.textContent("#prov-text");
  assert(shown.includes('<img src=x onerror="window.__pwned=1">'), "img tag not shown literally");
  assert(shown.includes("<script>window.__pwned=2</script>"), "script tag not shown literally");
  assertEq(await page.locator("#results img, #provenance img, #results script, #provenance script, #results b").count(), 0, "markup elements created from text");
  // Hovering and clicking around must not run anything either.
  for (const el of await page.locator("#results button").all()) { if (await el.isVisible()) await el.hover(); }
  assertEq(await page.evaluate(() => typeof window.__pwned), "undefined", "injected code ran after interaction");
  checkClean(page);
});

test("export buttons download CSV, JSON and Markdown", async (page) => {
  await page.click("#load-example");
  await analyzeOk(page);
  // CSV: a UTF-8 byte-order mark (Excel), then the header with the unit, the sources that
  // disagree and the note.
  const csvOk = (t) => t.startsWith('\uFEFF"fact","unit","status","changing","disagreeing sources","verdict","Valley Courier","Valley Courier low","Valley Courier high","Valley Courier unit"') &&
    t.split("\r\n")[0].endsWith('"note"') && /"conflict","false","[^"]+"/.test(t);
  const expect = { csv: csvOk, json: (t) => JSON.parse(t).documents.length === 3, markdown: (t) => t.startsWith("# crosscheck report") };
  for (const [format, ok] of Object.entries(expect)) {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.click(`[data-export=${format}]`),
    ]);
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8");
    assert(text.length > 0, `${format} download is empty`);
    assert(ok(text), `${format} download has unexpected content: ${text.slice(0, 80)}`);
    assert(download.suggestedFilename().startsWith("crosscheck-report."), `file name ${download.suggestedFilename()}`);
  }
  checkClean(page);
});


// Two short fictional reports of one ferry accident (written for these tests).
const FERRY = [
  ["Coastline Press", "PORT HALVERN, Norvania (Coastline Press) - At least 23 people died when the ferry Marisol Star capsized off Eskerholm on Saturday, the Norvanian Coast Guard said. Coast guard spokeswoman Ingrid Vastola said 14 people were still missing."],
  ["The Daily Blast", "UP to 30 people are feared dead after the ferry Marisol Star flipped over off Eskerholm. Coast Guard boss Ingrid Vastola admitted more than 20 people were still missing last night."],
];

test("after Analyze the focus is on the result, the status says so, and edits mark it stale", async (page) => {
  for (const [i, [n, t]] of FERRY.entries()) await setSource(page, i, n, t);
  // Keyboard only: Ctrl+Enter in a box analyzes.
  await page.locator("#sources .source-text").nth(1).focus();
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => !document.getElementById("results").hidden && !document.getElementById("analyze").disabled, null, { timeout: 60_000 });
  assertEq(await page.evaluate(() => document.activeElement.id), "summary", "focus after Analyze");
  assertEq(await page.textContent("#status"), "Analysis done.", "status line (live region)");
  assertEq(await page.getAttribute("#status", "role"), "status", "status is a live region");
  assert(await page.locator("#stale").isHidden(), "stale notice shown right after Analyze");
  // Keyboard only: a figure opens its source with Enter, Escape gives the focus back.
  const link = page.locator("#facts-table .fig-link").first();
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#provenance:not([hidden])");
  assertEq((await page.textContent("#prov-mark")).trim(), (await link.textContent()).trim(), "Enter opens the figure");
  const live = await page.textContent("#prov-live");
  assert(live.startsWith(`${FERRY[0][0]}: `) && live.includes((await link.textContent()).trim()) && live.length < 250,
    `the sentence is announced: ${live}`);
  assertEq(await page.getAttribute("#prov-live", "aria-live"), "polite", "announcement region");
  await page.locator("#prov-close").focus();
  await page.keyboard.press("Escape");
  assert(await page.locator("#provenance").isHidden(), "Escape closes");
  assert(await link.evaluate((el) => el === document.activeElement), "focus back on the figure after Escape");
  // Renaming a source makes the shown results out of date until the next Analyze.
  await page.locator("#sources .source-name").first().fill("Coastline Press (corrected)");
  assert(await page.locator("#stale").isVisible(), "no stale notice after renaming a source");
  await analyzeOk(page);
  assert(await page.locator("#stale").isHidden(), "stale notice left after re-analyzing");
  assert((await page.textContent("#facts-table thead")).includes("Coastline Press (corrected)"), "new name in the table");
  checkClean(page);
});

test("empty boxes: a clear message, focus on the first box, nothing typed is lost", async (page) => {
  await page.locator("#sources .source-name").nth(1).fill("My outlet");
  await page.locator("#sources .source-text").nth(2).fill("   \n  ");
  const error = await analyze(page);
  assert(/empty/.test(error) && /paste/i.test(error), `message: ${error}`);
  assertEq(await page.evaluate(() => document.activeElement.classList.contains("source-text")), true, "focus in a box");
  assertEq(await page.locator("#sources .source-name").nth(1).inputValue(), "My outlet", "typed name kept");
  assertEq(await page.locator("#sources .source").count(), 3, "boxes kept");
  checkClean(page);
});

test("Remove, Clear and Load example can be undone", async (page) => {
  for (const [i, [n, t]] of FERRY.entries()) await setSource(page, i, n, t);
  const texts = () => page.$$eval("#sources .source-text", (els) => els.map((e) => e.value));
  const names = () => page.$$eval("#sources .source-name", (els) => els.map((e) => e.value));
  const before = [await texts(), await names()];
  await page.locator("#sources .source .remove").first().click();
  assertEq((await texts())[0], FERRY[1][1], "first box removed");
  assert(/Removed Coastline Press/.test(await page.textContent("#undo")), "undo offered after Remove");
  await page.click("#undo-btn");
  assertEq(JSON.stringify([await texts(), await names()]), JSON.stringify(before), "Undo restores the removed box in place");
  assert(await page.locator("#undo").isHidden(), "undo bar hidden after use");
  await page.click("#clear-all");
  assertEq((await texts()).join(""), "", "Clear empties the boxes");
  await page.click("#undo-btn");
  assertEq(JSON.stringify([await texts(), await names()]), JSON.stringify(before), "Undo restores after Clear");
  await page.click("#load-example");
  assert(await page.locator("#undo").isVisible(), "undo offered after Load example replaced the text");
  await page.click("#undo-btn");
  assertEq(JSON.stringify([await texts(), await names()]), JSON.stringify(before), "Undo restores after Load example");
  // Undo is withdrawn once the person edits again (it would drop the new edit).
  await page.locator("#sources .source .remove").first().click();
  assert(await page.locator("#undo").isVisible(), "undo offered");
  await page.locator("#sources .source-text").first().fill("A new edit after the removal.");
  assert(await page.locator("#undo").isHidden(), "undo still offered after a new edit");
  checkClean(page);
});

test("a dropped file never overwrites text; a binary file is refused with a message", async (page) => {
  await setSource(page, 0, "Mine", "Text I typed myself.");
  const drop = (index, files) => page.locator("#sources .source").nth(index).evaluate((el, files) => {
    const dt = new DataTransfer();
    for (const [name, body] of files) dt.items.add(new File([new Uint8Array(body)], name));
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  const boxes = await page.locator("#sources .source").count();
  await drop(0, [["wire.txt", [...Buffer.from("Rescuers saved 186 people.")]]]);
  await page.waitForFunction(() => document.querySelectorAll("#sources .source-text")[1].value !== "");
  assertEq(await page.locator("#sources .source-text").first().inputValue(), "Text I typed myself.", "typed text kept");
  assertEq(await page.locator("#sources .source-text").nth(1).inputValue(), "Rescuers saved 186 people.", "file in the first empty box");
  assertEq(await page.locator("#sources .source").count(), boxes, "no box added while one was empty");
  await drop(2, [["scan.pdf", [...Buffer.from("%PDF-1.7\n"), 0, 1, 2, 3, 0xff, 0xfe]]]);
  await page.waitForSelector("#error:not([hidden])");
  const msg = await page.textContent("#error-text");
  assert(/scan\.pdf/.test(msg) && /not loaded/.test(msg) && /PDF/.test(msg), `message: ${msg}`);
  assertEq(await page.locator("#sources .source").count(), boxes, "no box added for the refused file");
  assertEq(await page.locator("#sources .source-text").nth(2).inputValue(), "", "box untouched by the refused file");
  await drop(1, [["photo.jpg", [0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]]]);
  await page.waitForFunction(() => /photo\.jpg/.test(document.getElementById("error-text").textContent));
  checkClean(page);
});

test("render-only: the facts table names the source that disagrees; quote similarity never rounds to 100 %", async (page) => {
  await renderFixture(page, ({ texts, report }) => {
    report.quote_groups[0].similarity = 0.996;
    // A long first source: 400 paragraphs of filler before the article, spans shifted to match.
    const filler = "Filler paragraph written for this test, with no figures in it at all.\n\n".repeat(400);
    texts[0] = filler + texts[0];
    const shift = (x) => { if (x.doc === 0) { x.start += filler.length; x.end += filler.length; } };
    report.figures.forEach(shift); report.quotes.forEach(shift);
    report.entities.forEach((e) => e.mentions.forEach(shift));
    report.documents[0].sentences = report.documents[0].sentences.map((sp) => ({ start: sp.start + filler.length, end: sp.end + filler.length }));
    report.documents[0].length = texts[0].length;
    // No blind spot left: the one entity two of three sources name is named by the third.
    report.entities[3].mentions.push({ ...report.entities[0].mentions[3] });
  });
  const row = page.locator("#facts-table tbody tr").nth(0);
  assert((await row.locator(".verdict").textContent()).includes("Radio Eastmark (About 80 people) is below"), "the verdict names the source that disagrees");
  assertEq(await row.locator("td.outlier").getAttribute("data-source"), "Radio Eastmark", "its cell is marked");
  // Provenance scrolls the exact span into the middle of the panel, even deep in a long text.
  const link = row.locator("td.col-doc").first().locator(".fig-link");
  await link.click();
  await page.waitForSelector("#provenance:not([hidden])");
  assertEq(await page.textContent("#prov-mark"), await link.textContent(), "exact span marked");
  const [m, box] = await Promise.all([page.locator("#prov-mark").boundingBox(), page.locator("#prov-text").boundingBox()]);
  assert(m.y > box.y + 40 && m.y + m.height < box.y + box.height - 40, `mark not scrolled into view: ${JSON.stringify({ m, box })}`);
  await page.keyboard.press("Escape");
  assertEq((await page.textContent(".quote-group .similarity")).trim(), "99% similar", "similarity of differing quotes");
  // A filter that hides every row says so instead of showing an empty table.
  await page.check("#only-blind");
  await page.waitForFunction(() => !document.querySelector("#entities-table tbody tr.entity-row"));
  assert(/No blind spots/.test(await page.textContent("#entities .filter-empty")), "note when the filter hides every row");
  await page.uncheck("#only-blind");
  await page.waitForFunction(() => document.querySelector("#entities-table tbody tr.entity-row"));
  assert(await page.locator("#entities .filter-empty").isHidden(), "note gone with the filter off");
  // Headers: every column header and row header has a scope; the status is text, not colour.
  assertEq(await page.locator("#facts-table th:not([scope]), #entities-table th:not([scope])").count(), 0, "th without scope");
  // Greyed placeholders keep a 4.5:1 contrast.
  const grey = await page.$eval("#facts-table .cell.empty .none", (e) => getComputedStyle(e).color);
  const [r, g, b] = grey.match(/\d+/g).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  assert((1.05 / (L + 0.05)) >= 4.5, `placeholder contrast ${(1.05 / (L + 0.05)).toFixed(2)} on white`);
  checkClean(page);
});

test("an election story: each party's share its own row, labelled, results night not a conflict", async (page) => {
  // A story written for this test (fictional country, parties and outlets).
  await setSource(page, 0, "Northwire", "Renewal Party wins Mirovia election with 41 percent\n\nVALSK, Mirovia (Northwire) - The opposition Renewal Party won Sunday's parliamentary election in Mirovia with 41 percent of the vote, the central election commission said on Monday.\n\nTurnout was 63 percent, the commission said. The governing Unity Bloc took 29 percent of the vote.");
  await setSource(page, 1, "Daily Shout", "MAREK LANDSLIDE IN MIROVIA!\n\nIlona Marek's Renewal Party stormed to victory with 41.2% of the vote, crushing the Unity Bloc, which slumped to 28.9%. Turnout was 62.8%.");
  await setSource(page, 2, "Live blog", "Mirovia election night - live\n\n23:30 Sunday: The Renewal Party leads with 39 percent, against 31 percent for the Unity Bloc.\n\n08:15 Monday: Final results from Valsk: Renewal Party 41 percent, Unity Bloc 29 percent. Turnout 63 percent.");
  await analyzeOk(page);
  const rows = await page.$$eval("#facts-table tbody tr", (trs) => trs.map((t) => ({
    label: t.querySelector(".fact-label").textContent, status: t.dataset.status,
    cells: [...t.querySelectorAll("td.col-doc")].map((td) => td.textContent),
  })));
  const renewal = rows.find((r) => /Renewal Party share of the vote/.test(r.label));
  assert(renewal, `no Renewal share row: ${JSON.stringify(rows)}`);
  assert(renewal.cells[1].includes("41.2%") && !renewal.cells[1].includes("28.9"), `tabloid cell: ${renewal.cells[1]}`);
  assert(renewal.status !== "conflict", `results night read as a conflict: ${JSON.stringify(renewal)}`);
  assert(rows.some((r) => /Unity Bloc share of the vote/.test(r.label)), "no Unity Bloc row");
  // Most-reported facts come before single-source ones.
  const firstSingle = rows.findIndex((r) => r.status === "single");
  assert(firstSingle === -1 || rows.slice(firstSingle).every((r) => r.status === "single"), `single rows mixed in: ${JSON.stringify(rows.map((r) => r.status))}`);
  checkClean(page);
});

test("a storm story: deaths per state sit indented under the total, whose verdict checks the sum", async (page) => {
  // A story written for this test (fictional storm and outlets, real states).
  await setSource(page, 0, "Wire", "Storm Ilse has killed at least 48 people across the Plains, officials said on Sunday. In Kansas, 20 people died, while 15 were killed in Nebraska, state emergency officials said.");
  await setSource(page, 1, "Daily", "The death toll from Storm Ilse stood at 48 on Sunday. Twenty-two people died in Kansas, the governor's office said, and 14 people were killed in Nebraska.");
  await analyzeOk(page);
  const rows = await page.$$eval("#facts-table tbody tr.fact-row", (trs) => trs.map((t) => {
    const th = t.querySelector("th.col-fact");
    return {
      label: t.querySelector(".fact-label").textContent, part: t.classList.contains("part"), partOf: t.dataset.partOf ?? null,
      fact: t.dataset.fact, verdict: t.querySelector(".verdict").textContent,
      indent: parseFloat(getComputedStyle(th).paddingLeft), hint: th.querySelector(".part-of")?.textContent ?? "",
    };
  }));
  const k = rows.findIndex((r) => /Kansas/.test(r.label));
  assert(k > 0, `no Kansas row: ${JSON.stringify(rows)}`);
  const total = rows.find((r) => r.fact === rows[k].partOf);
  assert(total && !total.part, `Kansas is no part of a total row: ${JSON.stringify(rows)}`);
  // The parts follow their total directly and are indented further than it.
  const t = rows.indexOf(total);
  assert(rows.slice(t + 1, k + 1).every((r) => r.partOf === total.fact), `parts not under their total: ${JSON.stringify(rows)}`);
  assert(rows[k].indent > total.indent, `part not indented: ${rows[k].indent} vs ${total.indent}`);
  assert(/Part of/.test(rows[k].hint), `no "Part of" hint: ${rows[k].hint}`);
  // The sum check is in the total's verdict line.
  assert(/parts given \(Kansas, Nebraska\) add up to 34–37, within the total 48/.test(total.verdict), `verdict: ${total.verdict}`);
  checkClean(page);
});

test("render-only: a number in words shows its interval apart from the source's words", async (page) => {
  let fact, fig;
  await renderFixture(page, ({ report }) => {
    fact = report.facts.find((f) => f.figures.length >= 2);
    fig = report.figures[fact.figures[0]];
    Object.assign(fig, { text: "hundreds of people", value: 550, low: 100, high: 1000, range: [100, 1000], change: "=" });
  });
  const link = page.locator(`#facts-table .fig-link[data-figure="${fig.id}"]`);
  assertEq((await link.textContent()).trim(), "hundreds of people", "the source's words as written");
  const hint = page.locator(`#facts-table tr[data-fact="${fact.id}"] .band-hint`);
  assertEq((await hint.first().textContent()).trim(), "read as 100–1,000", "the interval, apart from the words");
  assertEq(await page.locator("#facts-table .band-hint").count(), 1, "figures written with digits get no interval");
  checkClean(page);
});

test("phone width (375 px) and 200 % zoom: tables fit as cards, cells are labelled, provenance in view", async (page) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await renderFixture(page);
  assert(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the page scrolls sideways at 375 px");
  for (const id of ["facts", "entities"]) {
    assert(await page.$eval(`#${id}`, (b) => b.classList.contains("cards")), `${id} not shown as cards on a phone`);
    const [sw, cw] = await page.$eval(`#${id}-table`, (t) => [t.scrollWidth, t.parentElement.clientWidth]);
    assert(sw <= cw, `${id} is wider than the phone (${sw} > ${cw})`);
  }
  const label = await page.$eval("#facts-table tbody tr td.col-doc", (td) => [td.dataset.key, td.dataset.source, getComputedStyle(td, "::before").display]);
  assertEq(JSON.stringify(label), JSON.stringify(["1", "Valley Courier", "block"]), "a cell names its source on a phone");
  const link = page.locator("#facts-table .fig-link").last();
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForSelector("#provenance:not([hidden])");
  const [m, box] = await Promise.all([page.locator("#prov-mark").boundingBox(), page.locator("#prov-text").boundingBox()]);
  assert(m && m.y >= box.y && m.y + m.height <= box.y + box.height && m.y + m.height <= 700, `mark not in view: ${JSON.stringify({ m, box })}`);
  await page.keyboard.press("Escape");
  // 200 % zoom of a 1366 px window: a 683 px layout. Nothing scrolls sideways and no
  // column is cut off: the tables are cards when their columns do not fit.
  await page.setViewportSize({ width: 683, height: 384 });
  await renderFixture(page);
  assert(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the page scrolls sideways at 200 %");
  for (const id of ["facts", "entities"]) {
    const [sw, cw] = await page.$eval(`#${id}-table`, (t) => [t.scrollWidth, t.parentElement.clientWidth]);
    assert(sw <= cw, `${id} is cut off at 683 px (${sw} > ${cw})`);
  }
  checkClean(page);
});
