// A long text held as pieces (of a million characters), so the page's main thread never
// copies it whole: sending a 50 MB string to the worker or to IndexedDB copies it in one
// go (measured 0.5-0.7 s on a busy machine), while a piece at a time costs a few
// milliseconds a task. Strings and LongTexts are used alike through the functions below.

/** Characters in one piece. */
export const PIECE = 1 << 20;

export class LongText {
  /** `pieces`: strings, in order. */
  constructor(pieces) {
    this.pieces = pieces;
    this.length = pieces.reduce((n, p) => n + p.length, 0);
  }

  /** Cuts `text` into pieces (slices of a string share its memory: nothing is copied). */
  static of(text) {
    const pieces = [];
    for (let i = 0; i < text.length; i += PIECE) pieces.push(text.slice(i, i + PIECE));
    return new LongText(pieces.length ? pieces : [""]);
  }

  /** The characters `[from, to)` as one string (a window: copied, so keep it small). */
  slice(from = 0, to = this.length) {
    from = Math.max(0, Math.min(this.length, from));
    to = Math.max(from, Math.min(this.length, to));
    let out = "", at = 0;
    for (const p of this.pieces) {
      const end = at + p.length;
      if (end > from && at < to) out += p.slice(Math.max(0, from - at), Math.min(p.length, to - at));
      if (end >= to) break;
      at = end;
    }
    return out;
  }
}

/** Whether `text` (a string or a LongText) has nothing but white space. */
export function isBlank(text) {
  if (typeof text === "string") return text.trim() === "";
  return text.pieces.every((p) => p.trim() === "");
}
