// Word-level differences between two quotations: a small LCS over words.
// Words are compared case-insensitively and without surrounding punctuation, so
// "fast," and "Fast" match; the original spelling and spacing are kept for display.

/** Splits `text` into tokens: words (with their punctuation) and the whitespace between. */
export function tokenize(text) {
  return text.match(/\s+|[^\s]+/g) || [];
}

/** The comparison key of a word token: lowercase, punctuation stripped. */
export function wordKey(token) {
  return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/**
 * Marks the words of `a` and `b` that are in their longest common subsequence.
 * Returns `{ a: boolean[], b: boolean[] }` indexed by word (not token) position.
 * Quadratic in words; quotations are short, and very long inputs are cut off
 * (words beyond `limit` are reported as not common).
 */
export function lcsCommon(aWords, bWords, limit = 400) {
  const n = Math.min(aWords.length, limit);
  const m = Math.min(bWords.length, limit);
  const inA = new Array(aWords.length).fill(false);
  const inB = new Array(bWords.length).fill(false);
  // dp[i][j] = LCS length of aWords[i..n) and bWords[j..m), in one flat array.
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = aWords[i] === bWords[j]
        ? dp[(i + 1) * w + j + 1] + 1
        : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
    }
  }
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (aWords[i] === bWords[j]) { inA[i] = true; inB[j] = true; i++; j++; }
    else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return { a: inA, b: inB };
}

/**
 * Splits `text` into display segments `{ text, changed }` given which words are common.
 * Whitespace joins the neighbouring segment so highlights cover whole words only.
 */
export function segments(text, common) {
  const out = [];
  let w = 0;
  for (const tok of tokenize(text)) {
    const isSpace = /^\s/.test(tok);
    const changed = isSpace ? null : !common[w++];
    const last = out[out.length - 1];
    if (isSpace || (last && last.changed === changed)) {
      if (last) last.text += tok; else out.push({ text: tok, changed: false });
    } else {
      out.push({ text: tok, changed });
    }
  }
  // Trailing spaces inside a changed segment look odd when highlighted: move them out.
  const tidy = [];
  for (const seg of out) {
    const m = seg.changed ? seg.text.match(/^(.*?)(\s+)$/s) : null;
    if (m) { tidy.push({ text: m[1], changed: true }, { text: m[2], changed: false }); }
    else tidy.push(seg);
  }
  const merged = [];
  for (const seg of tidy) {
    const last = merged[merged.length - 1];
    if (seg.text.length === 0) continue;
    if (last && last.changed === seg.changed) last.text += seg.text;
    else merged.push({ ...seg });
  }
  return merged;
}

/** The comparison keys of the words of `text`. */
export function words(text) {
  return tokenize(text).filter((t) => !/^\s/.test(t)).map(wordKey);
}

/**
 * Diffs a group of quotations against the first one (the reference).
 * Returns, for each quote, its display segments: in the reference, words missing from at
 * least one other quote are changed; in the others, words not shared with the reference.
 */
export function diffGroup(texts) {
  if (texts.length === 0) return [];
  const keys = texts.map(words);
  const ref = keys[0];
  const refCommon = new Array(ref.length).fill(true);
  const result = [null];
  for (let k = 1; k < texts.length; k++) {
    const { a, b } = lcsCommon(ref, keys[k]);
    a.forEach((c, i) => { if (!c) refCommon[i] = false; });
    result.push(segments(texts[k], b));
  }
  result[0] = segments(texts[0], texts.length > 1 ? refCommon : ref.map(() => true));
  return result;
}
