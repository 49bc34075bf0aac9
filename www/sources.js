// The source boxes: add, remove, name, paste or drop a .txt file. Reads them back as
// `{ id, name, text }` in box order (`text` a string, or a LongText for a long one). Nothing typed is ever overwritten: a file dropped on
// a box that holds text goes to the first empty box (a new one when none is empty), and a
// file that is not text (PDF, image, Word...) is refused with a message.
//
// A long text (more than BIG characters, a pasted book or a 50 MB dump) is not put into
// its <textarea>: laying out megabytes of text in an editor freezes a page for seconds.
// The box keeps it off the page, shows its size and first lines, and offers to clear it.

import { h } from "./dom.js";
import { LongText, PIECE, isBlank } from "./longtext.js";

/** Characters above which a box keeps its text off the page (a few hundred pages). */
export const BIG = 200_000;
const MAX_FILE_BYTES = 256 << 20;

/**
 * Why decoded file text does not look like plain text, or null when it does: NUL bytes,
 * or many undecodable bytes (U+FFFD) or control characters in its first 64 KiB.
 */
export function notTextReason(text) {
  const head = text.slice(0, 65536);
  if (head.startsWith("%PDF")) return "it is a PDF";
  if (head.startsWith("PK\u0003\u0004")) return "it is a compressed file (a Word or ZIP document?)";
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return "it holds binary data";
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad > 16 && bad > head.length / 50 ? "it holds binary data or another encoding than UTF-8" : null;
}

/** Whether the page may read the clipboard without asking (the person allowed it). */
const clipboard = { granted: false };
navigator.permissions?.query({ name: "clipboard-read" }).then((p) => {
  clipboard.granted = p.state === "granted";
  p.onchange = () => { clipboard.granted = p.state === "granted"; };
}, () => {});

/**
 * The text of `file` (UTF-8): a string, or for a long file a LongText made as it is read,
 * a piece per task (file.text() decodes the whole file in one task on the page's main
 * thread: over a second for 50 MB). `refuse(head)`: a reason to stop after the first
 * piece (the file is not text), then returned as `{ refused }`.
 */
export async function fileText(file, refuse = () => null) {
  if (file.size <= BIG || typeof file.stream !== "function" || typeof TextDecoderStream !== "function") return file.text();
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const pieces = [];
  let chunks = [], length = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) { chunks.push(value); length += value.length; }
    if (length >= PIECE || (done && chunks.length)) {
      pieces.push(chunks.join(""));
      chunks = [];
      length = 0;
      const refused = pieces.length === 1 && !done ? refuse(pieces[0]) : null;
      if (refused) { reader.cancel().catch(() => {}); return { refused }; }
      // Chunks already read resolve without a task between them: yield once a piece.
      await new Promise((r) => setTimeout(r, 0));
    }
    if (done) break;
  }
  return pieces.length > 1 ? new LongText(pieces) : (pieces[0] ?? "");
}

let serial = 0;
const newId = () => `b${Date.now().toString(36)}${(serial++).toString(36)}`;

/**
 * Manages the boxes inside `container`. `onError(message)` reports a file that could not
 * be read; `onChange(kind, id)` follows every edit ("text" or "name" of box `id`,
 * "boxes" when a box was added or removed, "fill" when all were replaced).
 */
export function createSources(container, { onError, onChange } = {}) {
  const big = new Map();   // box id -> its text, when kept off the page
  const changed = (kind, id) => onChange?.(kind, id);
  container.addEventListener("input", (ev) => {
    const box = ev.target.closest(".source");
    if (!box) return;
    if (ev.target.classList.contains("source-text")) { updateCount(box); changed("text", box.dataset.id); }
    else changed("name", box.dataset.id);
  });

  const renumber = () => {
    const boxes = [...container.querySelectorAll(".source")];
    boxes.forEach((box, i) => {
      const n = i + 1;
      box.querySelector(".src-key").textContent = String(n);
      const name = box.querySelector(".source-name");
      name.placeholder = `Name source ${n} (e.g. the outlet)`;
      name.setAttribute("aria-label", `Name of source ${n}`);
      box.querySelector(".source-text").setAttribute("aria-label", `Text of source ${n}`);
      box.querySelector(".big-text").setAttribute("aria-label", `Text of source ${n}`);
      box.querySelector(".remove").setAttribute("aria-label", `Remove source ${n}`);
      box.querySelector(".open-file").setAttribute("aria-label", `Open file for source ${n}`);
      box.querySelector("input[type=file]").setAttribute("aria-label", `File for source ${n}`);
      box.querySelector(".remove").disabled = boxes.length <= 1;
    });
  };

  const textOf = (box) => big.has(box.dataset.id) ? big.get(box.dataset.id) : box.querySelector(".source-text").value;
  const isEmpty = (box) => isBlank(textOf(box));

  /** Puts `text` (a string or a LongText) into `box`: in its textarea, or off the page when it is long. */
  const setText = (box, text) => {
    const id = box.dataset.id;
    const area = box.querySelector(".source-text");
    const panel = box.querySelector(".big-text");
    if (text.length > BIG) {
      big.set(id, typeof text === "string" ? LongText.of(text) : text);
      area.value = "";
      area.hidden = true;
      panel.hidden = false;
      const head = text.slice(0, 400).replace(/\s+/g, " ").trim();
      panel.querySelector(".big-size").textContent = `${text.length.toLocaleString("en")} characters`;
      panel.querySelector(".big-head").textContent = head ? `${head}…` : "(starts with blank space)";
    } else {
      big.delete(id);
      panel.hidden = true;
      area.hidden = false;
      area.value = typeof text === "string" ? text : text.slice();
    }
    updateCount(box);
  };

  const readFile = async (file, box) => {
    if (file.size > MAX_FILE_BYTES) {
      onError?.(`${file.name} was not loaded: it is too large (${(file.size / (1 << 20)).toFixed(1)} MiB; at most ${MAX_FILE_BYTES >> 20} MiB per file).`);
      return;
    }
    try {
      const text = await fileText(file, notTextReason);
      const why = text.refused || notTextReason(text);
      if (why) {
        onError?.(`${file.name} was not loaded: ${why}, not plain text. Save it as a .txt file, or copy its text and paste it into a box.`);
        return;
      }
      // Never overwrite: the box itself when empty, else the first empty box, else a new one.
      if (!box || !box.isConnected || !isEmpty(box)) box = [...container.querySelectorAll(".source")].find(isEmpty) || add();
      setText(box, text);
      const name = box.querySelector(".source-name");
      if (!name.value.trim()) name.value = file.name.replace(/\.(txt|text|md)$/i, "");
      changed("text", box.dataset.id);
      changed("name", box.dataset.id);
    } catch (e) {
      onError?.(`Could not read ${file.name}: ${e.message || e}`);
    }
  };

  /** Reads `files` in order: the first into `box` (when empty), each next into the first empty box or a new one. */
  const addFiles = async (files, box = null) => {
    for (const [k, f] of [...files].entries()) await readFile(f, k === 0 ? box : null);
  };

  const updateCount = (box) => {
    const n = textOf(box).length;
    box.querySelector(".char-count").textContent = n ? `${n.toLocaleString("en")} characters` : "empty";
  };

  const add = (name = "", text = "", id = newId()) => {
    const textarea = h("textarea", {
      class: "source-text", id: `${id}-text`, rows: 8, spellcheck: "false",
      placeholder: "Paste the article text here, or drop a .txt file on this box",
    });
    const fileInput = h("input", { type: "file", accept: ".txt,.text,.md,text/plain", hidden: true });
    const panel = h("div", { class: "big-text", role: "group", tabindex: "-1", hidden: true },
      h("p", {}, h("strong", { class: "big-size" }), " — a long text, kept out of the editor so the page stays responsive."),
      h("p", { class: "big-head" }),
      h("button", { type: "button", class: "btn small clear-big" }, "Clear this text"));
    const box = h("section", { class: "source", dataset: { id } },
      h("div", { class: "source-head" },
        h("span", { class: "src-key", "aria-hidden": "true" }),
        h("input", { type: "text", class: "source-name", maxlength: 120, autocomplete: "off" }),
        h("button", { type: "button", class: "btn small ghost open-file" }, "Open file"),
        fileInput,
        h("button", { type: "button", class: "btn small ghost remove" }, "✕")),
      textarea, panel,
      h("div", { class: "source-foot" }, h("span", { class: "char-count" })),
    );
    box.querySelector(".source-name").value = name;
    box.querySelector(".open-file").addEventListener("click", () => fileInput.click());
    box.querySelector(".remove").addEventListener("click", () => remove(box));
    panel.querySelector(".clear-big").addEventListener("click", () => {
      setText(box, "");
      changed("text", id);
      textarea.focus();
    });
    fileInput.addEventListener("change", () => { if (fileInput.files[0]) readFile(fileInput.files[0], box); fileInput.value = ""; });
    // Pasted text is read by the page: a long text goes off the page before the editor
    // lays it out; a short one is inserted as the browser would (with Undo). Where the
    // person has let the page read the clipboard, it is read asynchronously (the page's
    // main thread waits for none of the copying: measured 4-5 times shorter freezes for
    // 10 MB); else from the paste event, as a string item.
    textarea.addEventListener("paste", (ev) => {
      // (Touching the event's clipboardData is what makes the browser copy the text
      // synchronously: the first path does not.)
      let read;
      if (clipboard.granted && navigator.clipboard?.readText) {
        read = (cb) => navigator.clipboard.readText().then(cb, (e) => onError?.(`The clipboard could not be read (${e.message || e}): paste again.`));
      } else {
        const item = [...(ev.clipboardData?.items || [])].find((i) => i.kind === "string" && i.type === "text/plain");
        if (!item) return;
        read = (cb) => item.getAsString(cb);
      }
      ev.preventDefault();
      const [from, to] = [textarea.selectionStart, textarea.selectionEnd];
      read((pasted) => {
        const cur = textarea.value;
        if (cur.length + pasted.length > BIG) {
          // (When the box is empty, the pasted string itself is kept: nothing is copied.)
          setText(box, cur ? cur.slice(0, from) + pasted + cur.slice(to) : pasted);
          changed("text", id);
          panel.focus();
          return;
        }
        textarea.focus();
        textarea.setSelectionRange(from, to);
        // insertText keeps the editor's Undo; where it is missing, set the value.
        if (!document.execCommand?.("insertText", false, pasted)) {
          textarea.setRangeText(pasted, from, to, "end");
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
    });
    box.addEventListener("dragover", (ev) => {
      if ([...(ev.dataTransfer?.types || [])].includes("Files")) { ev.preventDefault(); box.classList.add("dragging"); }
    });
    box.addEventListener("dragleave", (ev) => { if (!box.contains(ev.relatedTarget)) box.classList.remove("dragging"); });
    box.addEventListener("drop", (ev) => {
      box.classList.remove("dragging");
      const files = [...(ev.dataTransfer?.files || [])];
      if (!files.length) return;
      ev.preventDefault();
      ev.stopPropagation();
      addFiles(files, box);
    });
    container.append(box);
    setText(box, text);
    renumber();
    return box;
  };

  /** Removes `box`; `onRemove(snapshot, removed)` lets the page offer Undo. Focus goes to a neighbour. */
  const remove = (box) => {
    const all = [...container.querySelectorAll(".source")];
    if (all.length <= 1) return;
    const i = all.indexOf(box);
    const snapshot = read();
    big.delete(box.dataset.id);
    box.remove();
    renumber();
    changed("boxes");
    const next = container.querySelectorAll(".source")[Math.min(i, all.length - 2)];
    next?.querySelector(".remove:not(:disabled), .source-name")?.focus();
    onRemoveHook?.(snapshot, snapshot[i]);
  };
  let onRemoveHook = null;

  /** Replaces all boxes with `articles` ([{ name, text, id? }]). */
  const fill = (articles) => {
    container.replaceChildren();
    big.clear();
    for (const a of articles) add(a.name || "", a.text || "", a.id || newId());
    if (!articles.length) add();
    changed("fill");
  };

  /** The boxes' contents in order: [{ id, name, text, index }]. */
  const read = () => [...container.querySelectorAll(".source")].map((box, index) => ({
    id: box.dataset.id,
    name: box.querySelector(".source-name").value.trim(),
    text: textOf(box),
    index,
  }));

  const addBox = () => { const box = add(); changed("boxes"); return box; };
  return { add: addBox, fill, read, addFiles, onRemove: (fn) => { onRemoveHook = fn; } };
}
