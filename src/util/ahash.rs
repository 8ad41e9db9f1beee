//! The Rust core's fixed-seed hash (`RandomState::with_seeds(420, 42, 24, 4)` of the `ahash`
//! crate, 0.8), which its exposure sampling decides with. ahash picks its algorithm by the
//! target it is compiled for; the official packages for x86-64 (no `aes` target feature) run
//! the portable "fallback" algorithm with 128-bit folded multiplication, and that is the one
//! reproduced here, on every platform, so a decision does not depend on where `statsig` runs.
//!
//! Values are fed the way `std`'s `Hash` impls feed a hasher: a `str` is its bytes then
//! `0xff`; a byte slice or a slice of `u64` is its length (as a `u64`) then its bytes
//! (little-endian words).

const MULTIPLE: u64 = 6_364_136_223_846_793_005;
const ROT: u32 = 23;
/// `ahash::random_state::PI2`, which `with_seeds` XORs into the seeds.
const PI2: [u64; 4] = [
    0x4528_21e6_38d0_1377,
    0xbe54_66cf_34e9_0c6c,
    0xc0ac_29b7_c97c_50dd,
    0x3f84_d5b5_b547_0917,
];
const SEEDS: [u64; 4] = [420, 42, 24, 4];

#[inline]
fn folded_multiply(s: u64, by: u64) -> u64 {
    let r = (s as u128).wrapping_mul(by as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

fn le64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b[..8].try_into().unwrap_or_default())
}

fn le32(b: &[u8]) -> u64 {
    u32::from_le_bytes(b[..4].try_into().unwrap_or_default()) as u64
}

/// ahash's fallback `AHasher`, seeded as the core seeds it.
struct Hasher {
    buffer: u64,
    pad: u64,
    extra_keys: [u64; 2],
}

impl Hasher {
    fn new() -> Hasher {
        let k: [u64; 4] = std::array::from_fn(|i| SEEDS[i] ^ PI2[i]);
        Hasher {
            buffer: k[1],
            pad: k[0],
            extra_keys: [k[2], k[3]],
        }
    }

    fn update(&mut self, v: u64) {
        self.buffer = folded_multiply(v ^ self.buffer, MULTIPLE);
    }

    fn large_update(&mut self, lo: u64, hi: u64) {
        let combined = folded_multiply(lo ^ self.extra_keys[0], hi ^ self.extra_keys[1]);
        self.buffer = (self.buffer.wrapping_add(self.pad) ^ combined).rotate_left(ROT);
    }

    fn write(&mut self, input: &[u8]) {
        let len = input.len();
        self.buffer = self.buffer.wrapping_add(len as u64).wrapping_mul(MULTIPLE);
        if len > 16 {
            self.large_update(le64(&input[len - 16..]), le64(&input[len - 8..]));
            let mut data = input;
            while data.len() > 16 {
                self.large_update(le64(data), le64(&data[8..]));
                data = &data[16..];
            }
        } else if len > 8 {
            self.large_update(le64(input), le64(&input[len - 8..]));
        } else {
            let (a, b) = match len {
                4..=8 => (le32(input), le32(&input[len - 4..])),
                2..=3 => (
                    u16::from_le_bytes([input[0], input[1]]) as u64,
                    input[len - 1] as u64,
                ),
                1 => (input[0] as u64, input[0] as u64),
                _ => (0, 0),
            };
            self.large_update(a, b);
        }
    }

    fn finish(&self) -> u64 {
        let rot = (self.buffer & 63) as u32;
        folded_multiply(self.buffer, self.pad).rotate_left(rot)
    }
}

/// The core's `ahash_str`: the hash of a string value (a user id, a parameter name).
pub fn hash_str(s: &str) -> u64 {
    let mut h = Hasher::new();
    h.write(s.as_bytes());
    h.update(0xff);
    h.finish()
}

/// `hash_one(s.as_bytes())`: the hash an interned string (a spec name, a rule id) carries.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = Hasher::new();
    h.update(b.len() as u64);
    h.write(b);
    h.finish()
}

/// `hash_one(vec![...])` of `u64`s.
pub fn hash_u64s(v: &[u64]) -> u64 {
    let mut h = Hasher::new();
    h.update(v.len() as u64);
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    h.write(&bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_branch_is_stable_and_distinct() {
        // Lengths 0..=40 cross each branch of `write`; the hashes must all differ.
        let text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDE";
        let mut seen = std::collections::HashSet::new();
        for n in 0..=40 {
            assert!(seen.insert(hash_str(&text[..n])), "length {n}");
            assert!(seen.insert(hash_bytes(&text.as_bytes()[..n])), "length {n}");
        }
        assert_eq!(hash_str("user-1"), hash_str("user-1"));
    }

    /// Against the `ahash` crate itself where it runs the same algorithm (x86-64 without
    /// the `aes` target feature, as the core's x86-64 packages are built).
    #[test]
    #[cfg(all(target_arch = "x86_64", not(target_feature = "aes")))]
    fn matches_the_ahash_crate() {
        let state = ::ahash::RandomState::with_seeds(420, 42, 24, 4);
        let text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for n in 0..=text.len() {
            let s = &text[..n];
            assert_eq!(hash_str(s), state.hash_one(s), "str of length {n}");
            assert_eq!(
                hash_bytes(s.as_bytes()),
                state.hash_one(s.as_bytes()),
                "bytes {n}"
            );
        }
        for v in [vec![], vec![1u64], vec![7, 0, u64::MAX, 42], vec![3; 9]] {
            assert_eq!(hash_u64s(&v), state.hash_one(v.clone()), "{v:?}");
        }
    }
}
