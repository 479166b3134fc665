//! One fast, non-cryptographic hasher for the crate's own maps and sets.
//!
//! Every key hashed with it is either an index the graph assigns itself or a
//! short word of a lexicon looked up per token: never a key an outsider picks
//! to collide, so hash flooding is no concern, and SipHash costs a third of a
//! store load's time and a good part of a sentence's parse.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// The Fx multiply-rotate hasher (as in rustc), eight bytes at a time.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_sets_find_words() {
        let set: FxSet<String> = ["sanctions", "visit"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        assert!(set.contains("visit") && !set.contains("visits"));
        let mut map: FxMap<u32, &str> = FxMap::default();
        map.insert(7, "x");
        assert_eq!(map.get(&7), Some(&"x"));
    }
}
