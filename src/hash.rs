//! FNV-1a-style hashing for the crate's small-key tables (words, token hashes, document and
//! figure indexes), used by quotes and compare: much faster than the standard SipHash in
//! wasm, and these tables hold no keys an attacker could choose to collide at scale.

/// FNV-1a hashing for small keys (words, token hashes): much faster than SipHash, and
/// these tables hold no keys an attacker could choose to collide at scale.
#[derive(Default, Clone, Copy)]
pub struct FnvBuild;

/// The hasher behind [`FnvBuild`].
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    /// A final mix, so that the low bits (the table index) depend on every input bit.
    fn finish(&self) -> u64 {
        let x = (self.0 ^ (self.0 >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x ^ (x >> 29)
    }
    /// Eight bytes per multiply (the last chunk zero-padded and marked with its length),
    /// in the manner of FNV-1a.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0 ^ v).wrapping_mul(0x0100_0000_01b3);
            self.0 ^= self.0 >> 32;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let v = rest.iter().rev().fold(rest.len() as u64, |v, &b| (v << 8) | u64::from(b));
            self.0 = (self.0 ^ v).wrapping_mul(0x0100_0000_01b3);
            self.0 ^= self.0 >> 32;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x0100_0000_01b3);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}
