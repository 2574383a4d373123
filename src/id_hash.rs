//! Hash maps keyed by claim ids, grid cells or words that hash cheaply: a
//! layout (and link routing, and text measurement) looks them up hundreds
//! of thousands of times, where std's `SipHash` costs more than the rest
//! of the work. The mix is seeded per process from std's random
//! state, so a hostile file cannot choose ids that all collide.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// Builds [`IdHasher`]s with this process's seed.
#[derive(Clone, Copy, Debug)]
pub struct IdHash(u64);

impl Default for IdHash {
    fn default() -> Self {
        static SEED: OnceLock<u64> = OnceLock::new();
        Self(*SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0_u64)))
    }
}

impl BuildHasher for IdHash {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher(self.0)
    }
}

/// The splitmix64 finaliser over what is written, from the seed.
#[derive(Clone, Copy, Debug)]
pub struct IdHasher(u64);

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time (words of a map's text are hashed this way).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.0 = mix(self.0 ^ u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.0 = mix(self.0 ^ u64::from_le_bytes(word) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = mix(self.0 ^ u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0 ^ n);
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = mix(self.0 ^ n.cast_unsigned());
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by ids.
pub(crate) type IdMap<K, V> = HashMap<K, V, IdHash>;
/// A hash set of ids.
pub(crate) type IdSet<K> = HashSet<K, IdHash>;

/// An empty [`IdMap`] with room for `n` entries.
pub(crate) fn id_map<K, V>(n: usize) -> IdMap<K, V> {
    HashMap::with_capacity_and_hasher(n, IdHash::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimId;

    #[test]
    fn ids_spread_over_the_table() {
        let hash = IdHash::default();
        let low_bits: std::collections::BTreeSet<u64> = (0..1024_u32)
            .map(|i| hash.hash_one(ClaimId(i * 1024)) & 1023)
            .collect();
        assert!(low_bits.len() > 600, "{}", low_bits.len());
    }
}
