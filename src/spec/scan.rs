//! A JSON skipper for the lazy index ([`crate::spec::lazy`]): finds where each value ends
//! without building anything, accepting exactly what `serde_json` accepts when it skips a
//! value (`ignore_value`, as under a `RawValue`):
//!
//! - the JSON grammar, whitespace being space, `\n`, `\t` and `\r`;
//! - numbers by their syntax alone (`-`? integer without a leading zero, fraction,
//!   exponent), never their range;
//! - strings without control characters, with the escapes `\" \\ \/ \b \f \n \r \t` and
//!   `\u` with four hex digits (surrogates are not paired, as serde's skip does not);
//! - valid UTF-8, which `RawValue` checks of every value it borrows: every byte outside a
//!   string is ASCII or a syntax error, so checking each string with a non-ASCII byte is
//!   checking the whole input;
//! - nesting without a limit (serde's skip has none; its parse of a value into a tree stops
//!   at 128 levels, which [`Scanner::value`] reports the depth for).
//!
//! Strings, most of a payload's bytes, are crossed eight bytes at a time. On anything else
//! the scan stops with [`Reject`]; the caller then runs the full parse, whose message (with
//! line and column) is the one a user sees.

/// The input is not what the scan accepts.
#[derive(Debug, PartialEq, Eq)]
pub struct Reject;

pub type Scan<T> = std::result::Result<T, Reject>;

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES << 7;

/// The bytes of `w` (eight bytes, little-endian) that a string's scan stops at: the high
/// bit of each byte that is a quote, a backslash, a control character or not ASCII. Each
/// test is Mycroft's zero-byte test without its mask: a byte flagged falsely is either above
/// a true one (a borrow only reaches up from a true one) or not ASCII (flagged anyway), so
/// the lowest flagged byte is always a true one.
#[inline(always)]
fn ascii_hits(w: u64) -> u64 {
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    (w.wrapping_sub(ONES * 0x20) | quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES) | w)
        & HIGH
}

/// Like [`ascii_hits`] but passing over bytes that are not ASCII: the masked tests.
#[inline(always)]
fn hits(w: u64) -> u64 {
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    ((w.wrapping_sub(ONES * 0x20) & !w)
        | (quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash))
        & HIGH
}

/// A cursor over JSON bytes.
pub struct Scanner<'a> {
    bytes: &'a [u8],
    /// The next byte to read.
    pub at: usize,
    /// The open brackets (`[` or `{`) of the value being skipped.
    open: Vec<u8>,
}

impl<'a> Scanner<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Scanner {
            bytes,
            at: 0,
            open: Vec::new(),
        }
    }

    /// Skips whitespace; the next byte, if any.
    #[inline]
    pub fn peek(&mut self) -> Option<u8> {
        self.at = ws(self.bytes, self.at);
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace and `c`.
    #[inline]
    pub fn eat(&mut self, c: u8) -> Scan<()> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(Reject)
        }
    }

    /// The bytes from `start` to the cursor.
    pub fn since(&self, start: usize) -> &'a [u8] {
        &self.bytes[start..self.at]
    }

    /// A string whose opening quote is at the cursor: moves past its closing quote and says
    /// whether it held escapes.
    pub fn string(&mut self) -> Scan<bool> {
        let (end, escaped) = string(self.bytes, self.at)?;
        self.at = end;
        Ok(escaped)
    }

    /// Skips one value (after whitespace). Returns its nesting depth: 0 for a scalar, 1 for
    /// `[]` or `{"a":1}`, 2 for `[[]]`.
    pub fn value(&mut self) -> Scan<usize> {
        self.open.clear();
        let (end, depth) = value(self.bytes, self.at, &mut self.open)?;
        self.at = end;
        Ok(depth)
    }
}

// The scan proper: functions of the bytes and a position, returning the position after what
// they read, so that the position stays in a register.

/// Skips whitespace from `i`.
#[inline(always)]
fn ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if c > b' ' || !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
            break;
        }
        i += 1;
    }
    i
}

/// A string whose opening quote is at `i`: where it ends (past the closing quote), and
/// whether it held escapes.
#[inline(always)]
fn string(b: &[u8], i: usize) -> Scan<(usize, bool)> {
    let start = i + 1;
    // The common case, inline: a short plain ASCII string, closed within eight bytes.
    if let Some(word) = b.get(start..start + 8) {
        let hit = ascii_hits(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        if hit != 0 {
            let i = start + hit.trailing_zeros() as usize / 8;
            if b[i] == b'"' {
                return Ok((i + 1, false));
            }
            return string_rest(b, start, i);
        }
        return long_string(b, start, start + 8);
    }
    string_rest(b, start, start)
}

/// A string longer than its first eight bytes, from `i`: sixteen bytes at a time while it
/// is plain ASCII.
#[inline(never)]
fn long_string(b: &[u8], start: usize, mut i: usize) -> Scan<(usize, bool)> {
    for pair in b[i..].chunks_exact(16) {
        let (lo, hi) = pair.split_at(8);
        let lo = ascii_hits(u64::from_le_bytes(lo.try_into().expect("8 bytes")));
        let hi = ascii_hits(u64::from_le_bytes(hi.try_into().expect("8 bytes")));
        if lo | hi != 0 {
            i += match lo {
                0 => 8 + hi.trailing_zeros() as usize / 8,
                _ => lo.trailing_zeros() as usize / 8,
            };
            if b[i] == b'"' {
                return Ok((i + 1, false));
            }
            return string_rest(b, start, i);
        }
        i += 16;
    }
    string_rest(b, start, i)
}

/// The rest of a string from `i`, the bytes from `start` (after the opening quote) to `i`
/// being plain ASCII: escapes, non-ASCII bytes, the last bytes of the input.
#[inline(never)]
fn string_rest(b: &[u8], start: usize, mut i: usize) -> Scan<(usize, bool)> {
    let mut escaped = false;
    let mut ascii = true;
    loop {
        while let Some(word) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            let hit = if ascii { ascii_hits(w) } else { hits(w) };
            if hit != 0 {
                i += hit.trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        match b.get(i) {
            None => return Err(Reject),
            Some(b'"') => {
                if !ascii && std::str::from_utf8(&b[start..i]).is_err() {
                    return Err(Reject);
                }
                return Ok((i + 1, escaped));
            }
            Some(b'\\') => {
                escaped = true;
                match b.get(i + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                    Some(b'u') => match b.get(i + 2..i + 6) {
                        Some(hex) if hex.iter().all(u8::is_ascii_hexdigit) => i += 6,
                        _ => return Err(Reject),
                    },
                    _ => return Err(Reject),
                }
            }
            Some(0..0x20) => return Err(Reject),
            // Checked as UTF-8 when the string ends.
            Some(0x80..) => {
                ascii = false;
                i += 1;
            }
            // Fewer than eight bytes were left: one at a time.
            Some(_) => i += 1,
        }
    }
}

/// An object key (after whitespace from `i`) and its colon: where the value may start.
#[inline(always)]
fn key(b: &[u8], i: usize) -> Scan<usize> {
    let i = ws(b, i);
    if b.get(i) != Some(&b'"') {
        return Err(Reject);
    }
    let (i, _) = string(b, i)?;
    let i = ws(b, i);
    match b.get(i) {
        Some(b':') => Ok(i + 1),
        _ => Err(Reject),
    }
}

#[inline(always)]
fn literal(b: &[u8], i: usize, word: &[u8]) -> Scan<usize> {
    match b.get(i..i + word.len()) {
        Some(w) if w == word => Ok(i + word.len()),
        _ => Err(Reject),
    }
}

/// Past the digits from `i`; fails on none.
#[inline(always)]
fn digits(b: &[u8], mut i: usize) -> Scan<usize> {
    let start = i;
    while let Some(b'0'..=b'9') = b.get(i) {
        i += 1;
    }
    if i == start { Err(Reject) } else { Ok(i) }
}

fn number(b: &[u8], mut i: usize) -> Scan<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    i = match b.get(i) {
        // One leading zero; a digit after it fails where the value should end.
        Some(b'0') => i + 1,
        Some(b'1'..=b'9') => digits(b, i)?,
        _ => return Err(Reject),
    };
    if b.get(i) == Some(&b'.') {
        i = digits(b, i + 1)?;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        i = digits(b, i)?;
    }
    Ok(i)
}

/// One value from `i` (after whitespace): where it ends, and its depth. `open` is the stack
/// of open brackets, empty.
fn value(b: &[u8], mut i: usize, open: &mut Vec<u8>) -> Scan<(usize, usize)> {
    let mut depth = 0;
    'value: loop {
        i = ws(b, i);
        match b.get(i) {
            Some(b'"') => i = string(b, i)?.0,
            Some(b'{') => {
                depth = depth.max(open.len() + 1);
                i = ws(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    open.push(b'{');
                    i = key(b, i)?;
                    continue 'value;
                }
            }
            Some(b'[') => {
                depth = depth.max(open.len() + 1);
                i = ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    open.push(b'[');
                    continue 'value;
                }
            }
            Some(b'n') => i = literal(b, i, b"null")?,
            Some(b't') => i = literal(b, i, b"true")?,
            Some(b'f') => i = literal(b, i, b"false")?,
            Some(b'-' | b'0'..=b'9') => i = number(b, i)?,
            _ => return Err(Reject),
        }
        // A value ended: close what ends with it, up to the next value.
        loop {
            let Some(&o) = open.last() else {
                return Ok((i, depth));
            };
            i = ws(b, i);
            match (b.get(i), o) {
                (Some(b','), b'{') => {
                    i = key(b, i + 1)?;
                    continue 'value;
                }
                (Some(b','), _) => {
                    i += 1;
                    continue 'value;
                }
                (Some(b']'), b'[') | (Some(b'}'), b'{') => {
                    i += 1;
                    open.pop();
                }
                _ => return Err(Reject),
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// serde_json's verdict on skipping one value (a `RawValue`, which also checks UTF-8).
    fn serde_accepts(bytes: &[u8]) -> bool {
        serde_json::from_slice::<&serde_json::value::RawValue>(bytes).is_ok()
    }

    fn scan_accepts(bytes: &[u8]) -> bool {
        let mut s = Scanner::new(bytes);
        s.value().is_ok() && s.peek().is_none()
    }

    #[test]
    fn agrees_with_serde_on_edge_cases() {
        let cases: &[&[u8]] = &[
            b"0",
            b"-0",
            b"-",
            b"01",
            b"1.",
            b"1.e5",
            b"1e",
            b"1e+",
            b"1E-7",
            b"-1.5e300",
            b"1e999999",
            b"+1",
            b".5",
            b"nul",
            b"null",
            b"nulll",
            b"true",
            b"tru",
            b"false",
            b"fals",
            b"\"\"",
            b"\"",
            b"\"\\\"",
            b"\"\\u12\"",
            b"\"\\u12g4\"",
            b"\"\\u12AF\"",
            b"\"\\ud800\"",
            b"\"\\x\"",
            b"\"\\/\"",
            b"\"a\x01b\"",
            b"\"a\x7fb\"",
            b"\"a\x1f\"",
            "\"é\"".as_bytes(),
            "\"aaaaaaaaaaaaé€𝄞aaaaaaaaaaaa\"".as_bytes(),
            b"\"\xff\"",
            b"\"aaaaaaaaaaa\xc3\"",
            b"\"aaaaaaaaaaa\xc3\xa9\"",
            b"\"\xed\xa0\x80\"",
            b"\xc3\xa9",
            b"[]",
            b"[",
            b"[1,]",
            b"[,1]",
            b"[1 2]",
            b"[1,2]",
            b" [ 1 , 2 ] ",
            b"\x0c[]",
            b"[]\x0c",
            b"{}",
            b"{",
            b"{\"a\"}",
            b"{\"a\":}",
            b"{\"a\":1,}",
            b"{,\"a\":1}",
            b"{\"a\":1 \"b\":2}",
            b"{\"a\" : 1 , \"b\" :[{}]}",
            b"{1:2}",
            b"{\"a\":1]",
            b"[1}",
            b"[[[[[]]]]]",
            b"[[[[[]]]]",
            b"\"abcdefghijklmnopqrstuvwxyz\\n0123456789\"",
            b"\"abcdefgh\"",
            b"\"abcdefg\\\"\"",
        ];
        for &c in cases {
            assert_eq!(
                scan_accepts(c),
                serde_accepts(c),
                "{:?}",
                String::from_utf8_lossy(c)
            );
        }
    }

    /// The word tests against the byte-by-byte rule, on words of random and chosen bytes.
    #[test]
    fn word_tests_find_the_first_special_byte() {
        let special =
            |c: u8, ascii: bool| c == b'"' || c == b'\\' || c < 0x20 || (ascii && c >= 0x80);
        let chosen = [
            0u8, 0x1f, 0x20, b'"', b'\\', b'a', 0x7f, 0x80, 0xa2, 0xdc, 0xff, 0x21, 0x5d, 0x23,
            0x5b,
        ];
        let mut r = Rng(99);
        for _ in 0..200_000 {
            let mut bytes = [0u8; 8];
            for b in &mut bytes {
                *b = match r.below(3) {
                    0 => r.next() as u8,
                    1 => chosen[r.below(chosen.len())],
                    _ => b'a' + r.below(26) as u8,
                };
            }
            let w = u64::from_le_bytes(bytes);
            for (ascii, hit) in [(true, ascii_hits(w)), (false, hits(w))] {
                let first = bytes.iter().position(|&c| special(c, ascii));
                let found = (hit != 0).then(|| hit.trailing_zeros() as usize / 8);
                assert_eq!(found, first, "{bytes:x?} ascii {ascii}");
            }
        }
    }

    #[test]
    fn deep_nesting_has_no_limit_and_reports_depth() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(serde_accepts(deep.as_bytes()));
        let mut s = Scanner::new(deep.as_bytes());
        assert_eq!(s.value(), Ok(10_000));
        let mut s = Scanner::new(br#"[{"a":[1,{}]},[]]"#);
        assert_eq!(s.value(), Ok(4));
        let mut s = Scanner::new(b"7");
        assert_eq!(s.value(), Ok(0));
    }

    /// A small deterministic generator (xorshift), so a failure can be replayed.
    pub(crate) struct Rng(pub u64);

    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Random JSON-like text: mostly valid, with the pieces most likely to be mishandled.
    pub(crate) fn gen_value(r: &mut Rng, depth: usize, out: &mut Vec<u8>) {
        const ATOMS: &[&str] = &[
            "0", "-0", "12", "-3.25", "1e5", "2E-3", "0.5e+7", "true", "false", "null", "01", "1.",
            "-", "1e", "nul", "\"\"", "\"a\"",
        ];
        const PIECES: &[&str] = &[
            "a",
            "abcdefgh",
            "\\n",
            "\\\"",
            "\\\\",
            "\\u00e9",
            "\\ud83d\\ude00",
            "\\ud800",
            "é",
            "€",
            "𝄞",
            " ",
            "/",
            "\\/",
            "\\q",
            "\\u12",
            "\t",
            "\u{7f}",
            "xxxxxxxxxxxxxxxxxxxx",
        ];
        let ws = |r: &mut Rng, out: &mut Vec<u8>| {
            if r.below(6) == 0 {
                out.extend_from_slice([" ", "\n", "\t", "\r", "  "][r.below(5)].as_bytes());
            }
        };
        ws(r, out);
        match if depth > 5 { 0 } else { r.below(5) } {
            0 => out.extend_from_slice(ATOMS[r.below(ATOMS.len())].as_bytes()),
            1 | 2 => {
                out.push(b'"');
                for _ in 0..r.below(6) {
                    out.extend_from_slice(PIECES[r.below(PIECES.len())].as_bytes());
                }
                out.push(b'"');
            }
            3 => {
                out.push(b'[');
                let n = r.below(4);
                for k in 0..n {
                    if k > 0 {
                        out.push(b',');
                    }
                    gen_value(r, depth + 1, out);
                }
                ws(r, out);
                out.push(b']');
            }
            _ => {
                out.push(b'{');
                let n = r.below(4);
                for k in 0..n {
                    if k > 0 {
                        out.push(b',');
                    }
                    ws(r, out);
                    out.extend_from_slice(
                        ["\"k\"", "\"feature_gates\"", "\"\\u0061\""][r.below(3)].as_bytes(),
                    );
                    ws(r, out);
                    out.push(b':');
                    gen_value(r, depth + 1, out);
                }
                ws(r, out);
                out.push(b'}');
            }
        }
        ws(r, out);
    }

    /// Damages `v` in one of a few ways: truncation, a byte replaced, removed or inserted.
    pub(crate) fn mutate(r: &mut Rng, v: &mut Vec<u8>) {
        if v.is_empty() {
            return;
        }
        const BYTES: &[u8] = b"\"\\{}[],:0-.eE \x00\x1f\x7f\x80\xc3\xa9\xffnu";
        let at = r.below(v.len());
        match r.below(4) {
            0 => v.truncate(at),
            1 => v[at] = BYTES[r.below(BYTES.len())],
            2 => {
                v.remove(at);
            }
            _ => v.insert(at, BYTES[r.below(BYTES.len())]),
        }
    }

    /// Random values, whole, truncated and damaged: the scan accepts exactly what serde does,
    /// and ends where serde's raw value ends. `SCAN_CASES` sets the number of cases.
    #[test]
    fn agrees_with_serde_on_random_input() {
        let cases: usize = std::env::var("SCAN_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(30_000);
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        let mut accepted = 0;
        for case in 0..cases {
            let mut v = Vec::new();
            gen_value(&mut r, 0, &mut v);
            for _ in 0..r.below(3) {
                mutate(&mut r, &mut v);
            }
            let ours = scan_accepts(&v);
            assert_eq!(
                ours,
                serde_accepts(&v),
                "case {case}: {:?}",
                String::from_utf8_lossy(&v)
            );
            if ours {
                accepted += 1;
                // Inside an array the raw value is the same slice.
                let mut wrapped = b"[".to_vec();
                wrapped.extend_from_slice(&v);
                wrapped.extend_from_slice(b",1]");
                let raw: Vec<&serde_json::value::RawValue> =
                    serde_json::from_slice(&wrapped).unwrap();
                let mut s = Scanner::new(&wrapped);
                s.at = 1;
                s.peek();
                let start = s.at;
                s.value().unwrap();
                assert_eq!(s.since(start), raw[0].get().as_bytes());
            }
        }
        assert!(
            accepted > cases / 5 && accepted < cases * 4 / 5,
            "{accepted}"
        );
    }
}
