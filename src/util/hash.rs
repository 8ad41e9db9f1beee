//! The hashes Statsig uses: sha256 buckets for rollouts, sha256-base64 ids, djb2 names.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// First 8 bytes of SHA-256 over the concatenated parts, big-endian.
pub fn sha256_u64(parts: &[&[u8]]) -> u64 {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    let d = h.finalize();
    u64::from_be_bytes(d[..8].try_into().expect("digest has 32 bytes"))
}

/// Bucket for a rule roll: `sha256_u64(spec_salt.rule_salt.unit_id) % 10000`.
pub fn rule_bucket(spec_salt: &str, rule_salt: &str, unit_id: &str) -> u64 {
    sha256_u64(&[
        spec_salt.as_bytes(),
        b".",
        rule_salt.as_bytes(),
        b".",
        unit_id.as_bytes(),
    ]) % 10_000
}

/// `user_bucket` value: `sha256_u64(salt.unit_id) % 1000`.
pub fn user_bucket(salt: &str, unit_id: &str) -> u64 {
    sha256_u64(&[salt.as_bytes(), b".", unit_id.as_bytes()]) % 1000
}

/// Standard base64 of the SHA-256 digest (44 characters).
pub fn sha256_b64(s: &str) -> String {
    STANDARD.encode(Sha256::digest(s.as_bytes()))
}

/// The id-list key of a value: the first 8 characters of its sha256 base64, on the stack.
pub fn id_list_key(s: &str) -> [u8; 8] {
    let d = Sha256::digest(s.as_bytes());
    let mut out = [0u8; 8];
    // 6 bytes encode to exactly 8 base64 characters.
    STANDARD
        .encode_slice(&d[..6], &mut out)
        .expect("8 bytes hold 6 encoded bytes");
    out
}

/// djb2 over Unicode scalar values, 32-bit wrapping, as a decimal string.
pub fn djb2(s: &str) -> String {
    djb2_u32(s).to_string()
}

pub fn djb2_u32(s: &str) -> u32 {
    s.chars().fold(0u32, |h, c| {
        h.wrapping_shl(5).wrapping_sub(h).wrapping_add(c as u32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_from_the_spec() {
        assert_eq!(
            sha256_u64(&[b"salt1.rule1.user-1"]),
            8_944_609_635_022_750_078
        );
        assert_eq!(rule_bucket("salt1", "rule1", "user-1"), 78);
        assert_eq!(user_bucket("bsalt", "user-1"), 651);
        assert_eq!(&id_list_key("user-1"), b"xsKJ5J6c");
        assert_eq!(&id_list_key("123"), b"pmWkWSBC");
        assert_eq!(
            sha256_b64("is_employee"),
            "fLxsUz+gI7JJ4sqBM/Gmj5oDlcqIOBd58eUOIFlUUDI="
        );
        assert_eq!(djb2("is_employee"), "458439203");
        assert_eq!(djb2("new_feature"), "2571119447");
        assert_eq!(djb2("checkout_exp"), "1463022500");
        assert_eq!(djb2("checkout_layer"), "1516108056");
    }
}
