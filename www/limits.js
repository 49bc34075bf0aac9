// The core's input limits as the page checks them, before any text is copied into the
// wasm module (copying 70 MB only to be told it is too much took seconds). The limits come
// from the module itself (`limits()`, src/input.rs): `maxTotalBytes` counts bytes of
// UTF-8 in binary units (64 MiB), so messages say MiB.

const MIB = 1 << 20;

/** Bytes of `text` in UTF-8 (what the module receives), without encoding it. */
export function utf8Length(text) {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 2; i++; }
    else n += 2; // three bytes (a lone surrogate becomes U+FFFD, three bytes too)
  }
  return n;
}

/** "64 MiB", "70.3 MiB": binary megabytes, as the limit is set. */
export function mebibytes(bytes) {
  const m = bytes / MIB;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MiB`;
}

/**
 * The message refusing `bytes` of UTF-8 text, or null when it is within `limits`.
 * `atLeast`: `bytes` is a lower bound (counted from UTF-16 lengths, not exactly).
 */
export function tooMuchText(bytes, limits, atLeast = false) {
  if (!limits || bytes <= limits.maxTotalBytes) return null;
  return `Too much text: ${atLeast ? "at least " : ""}${mebibytes(bytes)} in all, and at most ${mebibytes(limits.maxTotalBytes)} ` +
    `(${(limits.maxTotalBytes / 1e6).toFixed(1)} MB) can be analyzed at once. Remove some sources or split the text.`;
}

/**
 * A quick answer from the UTF-16 lengths alone (no pass over the text): "over" when the
 * text cannot fit (UTF-8 takes at least a byte a code unit), "under" when it surely fits
 * (at most three bytes a code unit), else "check" (the worker counts exactly).
 */
export function quickSizeCheck(codeUnits, limits) {
  if (!limits) return "check";
  if (codeUnits > limits.maxTotalBytes) return "over";
  if (codeUnits * 3 <= limits.maxTotalBytes) return "under";
  return "check";
}
