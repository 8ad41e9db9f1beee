//! JSON string literals written straight into a byte buffer, for every writer of JSON text
//! (spec values compiled once, records and payloads per user): most strings need no escape,
//! and checking that eight bytes at a time is far cheaper than escaping byte by byte.

/// Appends a JSON string literal; strings that need no escaping skip the escaper.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// Whether a string holds a byte JSON escapes (a control character, `"` or `\\`), eight
/// bytes at a time.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `v` is below `n` (n <= 128): the classic "has less" bit trick.
    let has_less = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH != 0;
    let has_byte = |v: u64, b: u8| has_less(v ^ (ONES * u64::from(b)), 1);
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if has_less(v, 0x20) || has_byte(v, b'"') || has_byte(v, b'\\') {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let long = "x".repeat(17);
        for s in [
            "",
            "plain",
            "quote\"",
            "back\\slash",
            "tab\t",
            "nl\n",
            "\u{1}",
            "\u{1f}",
            " ",
            "\u{7f}",
            "é ü 日本",
            "12345678\"",
            "1234567\u{0}",
            &long,
        ] {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn escape_check_matches_the_byte_by_byte_rule() {
        let slow = |s: &[u8]| s.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        // Every special byte at every position of strings of several lengths, among plain,
        // multi-byte and boundary bytes (0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xff).
        let fillers: &[u8] = &[b'a', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xff];
        for len in 0..40 {
            for &fill in fillers {
                let base = vec![fill; len];
                assert_eq!(needs_escape(&base), slow(&base));
                for pos in 0..len {
                    for special in [0u8, 0x0a, 0x1f, b'"', b'\\', 0x20, 0x22 - 1, 0x5c + 1] {
                        let mut v = base.clone();
                        v[pos] = special;
                        assert_eq!(needs_escape(&v), slow(&v), "{v:?}");
                    }
                }
            }
        }
        let mut out = Vec::new();
        write_str(
            &mut out,
            "caf\u{e9} \"q\" \\ \n end of a long enough string",
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#""café \"q\" \\ \n end of a long enough string""#
        );
    }
}
