//! UTF-8 byte offsets → UTF-16 code-unit offsets, for spans the page slices with
//! JavaScript's `String.prototype.slice`.

/// Maps byte offsets of one text to UTF-16 offsets. Built once per document in O(n); each
/// lookup is O(1): the UTF-16 offset of every 64-byte block is stored (4 bytes per 64 bytes
/// of text, whatever the text), and the rest of the block is counted. ASCII text needs no
/// table at all (byte offset = UTF-16 offset).
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    bytes: &'a [u8],
    /// UTF-16 offset at byte `k * BLOCK`, for k in `0..=len / BLOCK`; empty for ASCII text.
    blocks: Vec<u32>,
    len_utf16: u32,
}

/// Bytes per block of [`Utf16Map`].
const BLOCK: usize = 64;

/// UTF-16 code units of the characters that start in `b` (each lead or ASCII byte is one
/// unit; a four-byte character is two).
fn units(b: &[u8]) -> u32 {
    b.iter().map(|&x| u32::from(x & 0xC0 != 0x80) + u32::from(x >= 0xF0)).sum()
}

impl<'a> Utf16Map<'a> {
    /// Builds the map for `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if next_non_ascii(bytes, 0).is_none() {
            return Utf16Map { bytes, blocks: Vec::new(), len_utf16: bytes.len() as u32 };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut acc = 0u32;
        for k in 0..=bytes.len() / BLOCK {
            blocks.push(acc);
            acc += units(bytes.get(k * BLOCK..((k + 1) * BLOCK).min(bytes.len())).unwrap_or(&[]));
        }
        Utf16Map { bytes, blocks, len_utf16: acc }
    }

    /// UTF-16 offset of byte offset `byte`. A byte offset inside a multi-byte character
    /// maps to that character's start; offsets past the end map to the end.
    pub fn to_utf16(&self, byte: usize) -> u32 {
        let mut p = byte.min(self.bytes.len());
        if self.blocks.is_empty() {
            return p as u32;
        }
        while p > 0 && self.bytes.get(p).is_some_and(|&x| x & 0xC0 == 0x80) {
            p -= 1;
        }
        let k = p / BLOCK;
        self.blocks.get(k).copied().unwrap_or(self.len_utf16) + units(self.bytes.get(k * BLOCK..p).unwrap_or(&[]))
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len_utf16(&self) -> u32 {
        self.len_utf16
    }
}

/// Position of the first byte at or after `from` that is not ASCII (>= 0x80), or None.
/// Tests eight bytes at a time: news text is mostly ASCII, and wasm has no vector search.
pub fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        if word & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|b| !b.is_ascii()).map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let map = Utf16Map::new(text);
        let units: Vec<u16> = text.encode_utf16().collect();
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let expect = text[..i].encode_utf16().count() as u32;
            assert_eq!(map.to_utf16(i), expect, "byte {i} of {text:?}");
            // (inside a character: its start)
            for j in i + 1..i + c.len_utf8() {
                assert_eq!(map.to_utf16(j), expect, "byte {j} of {text:?}");
            }
        }
        assert_eq!(map.len_utf16() as usize, units.len());
    }

    #[test]
    fn ascii_accents_emoji_cjk() {
        check("");
        check("plain ascii text");
        check("Tokaïev said “hello” — 3 800 👍🏽 people; 北京 2022");
        check("👍");
        check("é");
        check("a\u{202F}b");
        check("twelve ascii bytes, then é and more ascii after it, then 👍 at the end");
        // Across block boundaries, and ending on one.
        check(&"aé👍—b".repeat(40));
        check(&format!("{}é", "a".repeat(63)));
        check(&format!("{}👍", "a".repeat(60)));
    }

    #[test]
    fn next_non_ascii_finds_every_position() {
        let text = "abcdefghijklmnopé qrstuvwxyz0123456789—end";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let expect = b.iter().enumerate().skip(from).find(|(_, c)| !c.is_ascii()).map(|(i, _)| i);
            assert_eq!(next_non_ascii(b, from), expect, "from {from}");
        }
        assert_eq!(next_non_ascii(b"", 0), None);
        assert_eq!(next_non_ascii(b"abc", 7), None);
    }
}
