// The source boxes: add, remove, name, paste or drop a .txt file. Reads them back as
// `{ name, text }` in box order. Text stays in <textarea> values; nothing is parsed.
// Nothing typed is ever overwritten: a file dropped on a box that already holds text gets
// a new box, and a file that is not text (PDF, image, Word...) is refused with a message.

import { h } from "./dom.js";

const MAX_FILE_BYTES = 32 << 20;

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

/**
 * Manages the boxes inside `container`. `onError(message)` reports a file that could not
 * be read.
 */
export function createSources(container, { onError, onChange } = {}) {
  let serial = 0;
  // Typing in any box (text or name) is a change the page may react to.
  container.addEventListener("input", () => onChange?.());

  const renumber = () => {
    const boxes = [...container.querySelectorAll(".source")];
    boxes.forEach((box, i) => {
      const n = i + 1;
      box.querySelector(".source-name").placeholder = `Source ${n}`;
      box.querySelector(".source-name").setAttribute("aria-label", `Name of source ${n}`);
      box.querySelector(".source-text").setAttribute("aria-label", `Text of source ${n}`);
      box.querySelector(".remove").setAttribute("aria-label", `Remove source ${n}`);
      box.querySelector(".open-file").setAttribute("aria-label", `Open a .txt file into source ${n}`);
      box.querySelector(".remove").disabled = boxes.length <= 1;
    });
    onChange?.();
  };

  const readFile = async (file, box) => {
    if (file.size > MAX_FILE_BYTES) {
      onError?.(`${file.name} was not loaded: it is too large (${(file.size / 1e6).toFixed(1)} MB; at most ${MAX_FILE_BYTES >> 20} MB per file).`);
      return;
    }
    try {
      const text = await file.text();
      const why = notTextReason(text);
      if (why) {
        onError?.(`${file.name} was not loaded: ${why}, not plain text. Save it as a .txt file, or copy its text and paste it into a box.`);
        return;
      }
      // Never overwrite what is already in the box: a new box takes the file instead.
      if (!box || !box.isConnected || box.querySelector(".source-text").value.trim() !== "") box = add();
      box.querySelector(".source-text").value = text;
      const name = box.querySelector(".source-name");
      if (!name.value.trim()) name.value = file.name.replace(/\.(txt|text|md)$/i, "");
      updateCount(box);
      onChange?.();
    } catch (e) {
      onError?.(`Could not read ${file.name}: ${e.message || e}`);
    }
  };

  const updateCount = (box) => {
    const n = box.querySelector(".source-text").value.length;
    box.querySelector(".char-count").textContent = n ? `${n.toLocaleString("en")} characters` : "empty";
  };

  const add = (name = "", text = "") => {
    const id = `src-${++serial}`;
    const textarea = h("textarea", {
      class: "source-text", id: `${id}-text`, rows: 9, spellcheck: "false",
      placeholder: "Paste the article text here, or drop a .txt file on this box",
    });
    textarea.value = text;
    const fileInput = h("input", { type: "file", accept: ".txt,text/plain", class: "visually-hidden", tabindex: "-1" });
    const box = h("section", { class: "source", dataset: { id } },
      h("div", { class: "source-head" },
        h("input", { type: "text", class: "source-name", value: name, maxlength: 120, autocomplete: "off" }),
        h("button", { type: "button", class: "btn small ghost open-file", title: "Open a .txt file",
          on: { click: () => fileInput.click() } }, "Open…"),
        fileInput,
        h("button", { type: "button", class: "btn small ghost remove", title: "Remove this source",
          on: { click: () => remove(box) } }, "✕")),
      textarea,
      h("div", { class: "source-foot" }, h("span", { class: "char-count" })),
    );
    box.querySelector(".source-name").value = name;
    textarea.addEventListener("input", () => updateCount(box));
    fileInput.addEventListener("change", () => { if (fileInput.files[0]) readFile(fileInput.files[0], box); fileInput.value = ""; });
    box.addEventListener("dragover", (ev) => {
      if ([...(ev.dataTransfer?.types || [])].includes("Files")) { ev.preventDefault(); box.classList.add("dragging"); }
    });
    box.addEventListener("dragleave", (ev) => { if (!box.contains(ev.relatedTarget)) box.classList.remove("dragging"); });
    box.addEventListener("drop", (ev) => {
      box.classList.remove("dragging");
      const files = [...(ev.dataTransfer?.files || [])];
      if (!files.length) return;
      ev.preventDefault();
      // The first file fills this box (a new one when it holds text); more files each get a
      // new box, in order.
      (async () => { for (const [k, f] of files.entries()) await readFile(f, k === 0 ? box : null); })();
    });
    container.append(box);
    updateCount(box);
    renumber();
    return box;
  };

  /** Removes `box`; `onRemove(snapshot)` lets the page offer Undo. Focus goes to a neighbour. */
  const remove = (box) => {
    const all = [...container.querySelectorAll(".source")];
    if (all.length <= 1) return;
    const i = all.indexOf(box);
    const snapshot = read();
    box.remove();
    renumber();
    const next = container.querySelectorAll(".source")[Math.min(i, all.length - 2)];
    next?.querySelector(".remove:not(:disabled), .source-name")?.focus();
    onRemoveHook?.(snapshot, snapshot[i]);
  };
  let onRemoveHook = null;

  /** Replaces all boxes with `articles` ([{name, text}]). */
  const fill = (articles) => {
    container.replaceChildren();
    for (const a of articles) add(a.name || "", a.text || "");
    if (!articles.length) add();
  };

  /** The boxes' contents in order: [{ name, text, index }]. */
  const read = () => [...container.querySelectorAll(".source")].map((box, index) => ({
    name: box.querySelector(".source-name").value.trim(),
    text: box.querySelector(".source-text").value,
    index,
  }));

  return { add, fill, read, onRemove: (fn) => { onRemoveHook = fn; } };
}
