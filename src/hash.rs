//! FNV-1a hashing for the crate's small-key tables (words, token hashes, document and
//! figure indexes), used by quotes and compare: much faster than the standard SipHash in
//! wasm, and these tables hold no keys an attacker could choose to collide at scale.

/// FNV-1a hashing for small keys (words, token hashes): much faster than SipHash, and
/// these tables hold no keys an attacker could choose to collide at scale.
#[derive(Default, Clone, Copy)]
pub struct FnvBuild;

/// The hasher behind [`FnvBuild`].
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
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
