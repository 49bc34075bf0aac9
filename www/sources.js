// The source boxes: add, remove, name, paste or drop a .txt file. Reads them back as
// `{ name, text }` in box order. Text stays in <textarea> values; nothing is parsed.

import { h } from "./dom.js";

const MAX_FILE_BYTES = 32 << 20;

/**
 * Manages the boxes inside `container`. `onError(message)` reports a file that could not
 * be read.
 */
export function createSources(container, { onError } = {}) {
  let serial = 0;

  const renumber = () => {
    const boxes = [...container.querySelectorAll(".source")];
    boxes.forEach((box, i) => {
      const n = i + 1;
      box.querySelector(".source-name").placeholder = `Source ${n}`;
      box.querySelector(".source-name").setAttribute("aria-label", `Name of source ${n}`);
      box.querySelector(".source-text").setAttribute("aria-label", `Text of source ${n}`);
      box.querySelector(".remove").setAttribute("aria-label", `Remove source ${n}`);
      box.querySelector(".remove").disabled = boxes.length <= 1;
    });
  };

  const readFile = async (file, box) => {
    if (file.size > MAX_FILE_BYTES) {
      onError?.(`${file.name} is too large (${(file.size / 1e6).toFixed(1)} MB).`);
      return;
    }
    try {
      const text = await file.text();
      box.querySelector(".source-text").value = text;
      const name = box.querySelector(".source-name");
      if (!name.value.trim()) name.value = file.name.replace(/\.(txt|text|md)$/i, "");
      updateCount(box);
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
          on: { click: () => { box.remove(); renumber(); } } }, "✕")),
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
      // The first file fills this box; more files each get a new box.
      readFile(files[0], box);
      for (const f of files.slice(1)) readFile(f, add());
    });
    container.append(box);
    updateCount(box);
    renumber();
    return box;
  };

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

  return { add, fill, read };
}
