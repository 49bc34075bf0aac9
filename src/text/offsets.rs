//! UTF-8 byte offsets → UTF-16 code-unit offsets, for spans the page slices with
//! JavaScript's `String.prototype.slice`.

/// Maps byte offsets of one text to UTF-16 offsets. Built once per document in O(n);
/// each lookup is O(log k) in the number k of non-ASCII characters (O(1) for ASCII text).
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// (byte offset just after a non-ASCII char, utf16 offset at that point), ascending.
    checkpoints: Vec<(usize, u32)>,
    len_bytes: usize,
    len_utf16: u32,
}

impl Utf16Map {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut utf16: u32 = 0;
        let mut last_byte = 0usize;
        let mut i = 0usize;
        while let Some(at) = next_non_ascii(text.as_bytes(), i) {
            let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else { break };
            utf16 += (at - last_byte) as u32 + c.len_utf16() as u32;
            last_byte = at + c.len_utf8();
            checkpoints.push((last_byte, utf16));
            i = last_byte;
        }
        let len_utf16 = utf16 + (text.len() - last_byte) as u32;
        Utf16Map { checkpoints, len_bytes: text.len(), len_utf16 }
    }

    /// UTF-16 offset of byte offset `byte`. A byte offset inside a multi-byte character
    /// maps to that character's start; offsets past the end map to the end.
    pub fn to_utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.len_bytes);
        // Last checkpoint at or before `byte`.
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            // Only ASCII before `byte`, unless byte is inside the first non-ASCII char; the
            // extractors only hand char boundaries, so byte == utf16 here.
            return byte as u32;
        }
        let (b, u) = self.checkpoints[idx - 1];
        u + (byte - b) as u32
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
        for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let expect = text[..i].encode_utf16().count() as u32;
            assert_eq!(map.to_utf16(i), expect, "byte {i} of {text:?}");
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
