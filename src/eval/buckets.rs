//! The sha256 rolls of one user, remembered: a user's evaluations hash the same
//! (salt, unit id) pairs again and again (holdouts under every experiment, a layer's
//! experiment as the layer and as itself, the same segment under many gates), and a hash
//! is a pure function of its parts.
//!
//! Keys are the addresses of the parts: the salts live in the specs and the unit ids in
//! the user, each its own allocation, unchanged while an evaluator lives. Two live strings
//! that start at the same address are the same string (empty strings all start at the same
//! dangling address and are all equal), so an address match is a content match; a content
//! match at other addresses is only a miss. The table is forgotten (not cleared: a
//! generation number moves on) when the user changes.

use crate::util::hash;

/// Slots in the table (a power of two); at most [`MAX_FILLED`] are used, so that probes
/// stay short. A user with more distinct rolls hashes the rest every time.
const SLOTS: usize = 256;
const MAX_FILLED: usize = SLOTS * 3 / 4;

/// A string by address.
type Part = usize;

fn part(s: &str) -> Part {
    s.as_ptr() as usize
}

/// 32 bytes.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// (spec salt, rule salt, unit id); a `user_bucket` has no rule salt: 0.
    key: [Part; 3],
    generation: u32,
    bucket: u16,
}

/// The table; see the module doc.
pub(crate) struct BucketMemo {
    generation: u32,
    filled: usize,
    slots: Option<Box<[Slot]>>,
}

impl Default for BucketMemo {
    fn default() -> Self {
        BucketMemo {
            generation: 1,
            filled: 0,
            slots: None,
        }
    }
}

impl BucketMemo {
    /// Forgets every entry (a new user).
    pub(crate) fn forget(&mut self) {
        self.filled = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: old entries could look current again.
            self.slots = None;
            self.generation = 1;
        }
    }

    /// `hash::rule_bucket(spec_salt, rule_salt, unit)`.
    pub(crate) fn rule_bucket(&mut self, spec_salt: &str, rule_salt: &str, unit: &str) -> u64 {
        let key = [part(spec_salt), part(rule_salt), part(unit)];
        self.bucket(key, || hash::rule_bucket(spec_salt, rule_salt, unit))
    }

    /// `hash::user_bucket(salt, unit)`.
    pub(crate) fn user_bucket(&mut self, salt: &str, unit: &str) -> u64 {
        let key = [part(salt), 0, part(unit)];
        self.bucket(key, || hash::user_bucket(salt, unit))
    }

    /// A bucket (below 10,000) by key.
    fn bucket(&mut self, key: [Part; 3], compute: impl FnOnce() -> u64) -> u64 {
        let generation = self.generation;
        let slots = self
            .slots
            .get_or_insert_with(|| vec![Slot::default(); SLOTS].into_boxed_slice());
        let mut h: u64 = 0;
        for a in key {
            h = (h.rotate_left(5) ^ a as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        let mut i = (h >> 32) as usize & (SLOTS - 1);
        loop {
            let slot = &mut slots[i];
            if slot.generation != generation {
                let bucket = compute();
                if self.filled < MAX_FILLED {
                    *slot = Slot {
                        key,
                        generation,
                        bucket: bucket as u16,
                    };
                    self.filled += 1;
                }
                return bucket;
            }
            if slot.key == key {
                return u64::from(slot.bucket);
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_rolls_equal_fresh_ones() {
        let mut m = BucketMemo::default();
        let units: Vec<String> = (0..2000).map(|i| format!("user-{i}")).collect();
        for _ in 0..2 {
            for u in &units {
                assert_eq!(
                    m.rule_bucket("spec", "rule", u),
                    hash::rule_bucket("spec", "rule", u)
                );
                assert_eq!(m.user_bucket("salt", u), hash::user_bucket("salt", u));
            }
        }
        // The same address for a different user's id after forget().
        let mut id = String::from("a");
        assert_eq!(m.user_bucket("s", &id), hash::user_bucket("s", "a"));
        m.forget();
        id.replace_range(.., "b");
        assert_eq!(m.user_bucket("s", &id), hash::user_bucket("s", "b"));
        // Spec values from the spec: sha256("salt1.rule1.user-1") % 10000 (hash.rs vectors).
        assert_eq!(m.rule_bucket("salt1", "rule1", "user-1"), 78);
        assert_eq!(m.user_bucket("bsalt", "user-1"), 651);
    }
}
