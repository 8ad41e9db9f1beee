//! A validating JSON scanner that splits a payload into raw pieces without building
//! anything: the top-level object's fields, and the entries of the collections the lazy
//! loader reads (`spec::lazy`). It accepts exactly RFC 8259 JSON (UTF-8; no trailing
//! commas, comments, leading zeros or control characters in strings) and finds string
//! ends eight bytes at a time, so that a cold `check-gate` scans 430 KB in a fraction of
//! what a general deserializer takes to skip it. On any error the caller falls back to the
//! full parse, which reports it.

use std::borrow::Cow;

/// Why a scan stopped (the full parse says it properly).
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid;

type Scan<T> = std::result::Result<T, Invalid>;

/// A top-level field's value: for an object, its entries (key, raw value); for an array,
/// its raw elements; for anything else, the raw value.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    Object(Vec<(Cow<'a, str>, &'a str)>),
    Array(Vec<&'a str>),
    Raw(&'a str),
}

/// The top-level object's fields in order (key, value), each collection-valued field named
/// by `split` cut into its entries. Anything but a JSON object (with surrounding white
/// space) is `Invalid`.
pub fn top_level<'a>(
    text: &'a str,
    split: &dyn Fn(&str) -> bool,
) -> Scan<Vec<(Cow<'a, str>, Piece<'a>)>> {
    let mut s = Scanner {
        b: text.as_bytes(),
        text,
        at: 0,
    };
    s.ws();
    s.expect(b'{')?;
    let mut fields = Vec::new();
    s.members(|s, key| {
        let piece = if split(&key) {
            match s.peek() {
                Some(b'{') => {
                    let mut entries = Vec::new();
                    s.at += 1;
                    s.members(|s, k| {
                        let start = s.at;
                        s.value(0)?;
                        entries.push((k, &s.text[start..s.at]));
                        Ok(())
                    })?;
                    Piece::Object(entries)
                }
                Some(b'[') => {
                    let mut elems = Vec::new();
                    s.at += 1;
                    s.elements(|s| {
                        let start = s.at;
                        s.value(0)?;
                        elems.push(&s.text[start..s.at]);
                        Ok(())
                    })?;
                    Piece::Array(elems)
                }
                _ => s.raw()?,
            }
        } else {
            s.raw()?
        };
        fields.push((key, piece));
        Ok(())
    })?;
    s.ws();
    if s.at != s.b.len() {
        return Err(Invalid);
    }
    Ok(fields)
}

/// Nesting deeper than this is refused (serde_json refuses beyond 128; the full parse then
/// decides).
const MAX_DEPTH: usize = 100;

struct Scanner<'a> {
    b: &'a [u8],
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Scan<()> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    /// One value as raw text (white space before it skipped).
    fn raw(&mut self) -> Scan<Piece<'a>> {
        self.ws();
        let start = self.at;
        self.value(0)?;
        Ok(Piece::Raw(&self.text[start..self.at]))
    }

    /// After `{`: `"key": value` pairs up to the closing `}`, each handed to `f` with the
    /// scanner before its value (white space skipped).
    fn members(&mut self, mut f: impl FnMut(&mut Self, Cow<'a, str>) -> Scan<()>) -> Scan<()> {
        self.ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.ws();
            let key = self.key()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            f(self, key)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(Invalid),
            }
        }
    }

    /// After `[`: values up to the closing `]`, each handed to `f` at its start.
    fn elements(&mut self, mut f: impl FnMut(&mut Self) -> Scan<()>) -> Scan<()> {
        self.ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.ws();
            f(self)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(Invalid),
            }
        }
    }

    /// A string key: borrowed, or unescaped when it holds escapes.
    fn key(&mut self) -> Scan<Cow<'a, str>> {
        let start = self.at;
        let escaped = self.string()?;
        let raw = &self.text[start..self.at];
        if escaped {
            serde_json::from_str::<String>(raw)
                .map(Cow::Owned)
                .map_err(|_| Invalid)
        } else {
            Ok(Cow::Borrowed(&raw[1..raw.len() - 1]))
        }
    }

    /// One value at the current position (no leading white space).
    fn value(&mut self, depth: usize) -> Scan<()> {
        match self.peek().ok_or(Invalid)? {
            b'"' => self.string().map(|_| ()),
            b'{' => {
                if depth >= MAX_DEPTH {
                    return Err(Invalid);
                }
                self.at += 1;
                self.members(|s, _| s.value(depth + 1))
            }
            b'[' => {
                if depth >= MAX_DEPTH {
                    return Err(Invalid);
                }
                self.at += 1;
                self.elements(|s| s.value(depth + 1))
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(Invalid),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Scan<()> {
        if self.b[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Scan<()> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Invalid),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(Invalid);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(Invalid);
            }
        }
        Ok(())
    }

    /// A string at `"`; true when it holds escapes. The text is `&str`, so it is UTF-8.
    fn string(&mut self) -> Scan<bool> {
        self.expect(b'"')?;
        let mut escaped = false;
        loop {
            self.at += plain_run(&self.b[self.at..]);
            match self.peek().ok_or(Invalid)? {
                b'"' => {
                    self.at += 1;
                    return Ok(escaped);
                }
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                    match self.peek().ok_or(Invalid)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                        b'u' => {
                            let hex = self.b.get(self.at + 1..self.at + 5).ok_or(Invalid)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return Err(Invalid);
                            }
                            self.at += 5;
                        }
                        _ => return Err(Invalid),
                    }
                }
                // A control character.
                _ => return Err(Invalid),
            }
        }
    }
}

/// How many leading bytes need no attention inside a string (not `"`, `\` or a control
/// character), eight at a time.
fn plain_run(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let special = |v: u64| {
        let less = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
        less(v, 0x20)
            | less(v ^ (ONES * u64::from(b'"')), 1)
            | less(v ^ (ONES * u64::from(b'\\')), 1)
    };
    let mut i = 0;
    while i + 8 <= b.len() {
        let v = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        let m = special(v);
        if m != 0 {
            // The lowest flagged byte is a real one (borrows only run upwards).
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..0x20) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_ok(text: &str) -> bool {
        top_level(text, &|k| k == "c").is_ok()
    }

    #[test]
    fn accepts_what_serde_json_accepts_and_refuses_what_it_refuses() {
        let cases = [
            r#"{}"#,
            r#" { "a" : 1 , "b":[1,2,{"x":null}], "c":{"k":"v","k2":[true,false]} } "#,
            r#"{"a":-0.5e+10,"b":1E3,"c":[0,-1,2.25]}"#,
            r#"{"a":"esc \" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00","c":"x"}"#,
            r#"{"a\u0041":1}"#,
            r#"{"a":"caf\u00e9 — ünïcødé ✓ 😀"}"#,
            // Refused:
            r#"{"a":1,}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":1e}"#,
            r#"{"a":-}"#,
            r#"{"a":+1}"#,
            r#"{"a":tru}"#,
            r#"{"a":nul}"#,
            r#"{"a":"x\qy"}"#,
            r#"{"a":"\u12G4"}"#,
            r#"{"a":"\u12"}"#,
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"nl\nhere\"}",
            r#"{"a":"unterminated}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":1} x"#,
            r#"{"a":1}}"#,
            r#"[1,2]"#,
            r#""top""#,
            r#"{"a":[1,2}"#,
            r#"{"a":{"b":1]}"#,
            r#"{"a":1 "b":2}"#,
            "",
            "   ",
        ];
        for text in cases {
            let serde = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text);
            assert_eq!(scan_ok(text), serde.is_ok(), "{text:?}");
        }
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(200), "]".repeat(200));
        assert!(!scan_ok(&deep));
        let fine = format!("{{\"a\":{}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(scan_ok(&fine));
    }

    #[test]
    fn pieces_are_the_raw_texts() {
        let text =
            r#"{"a":[1, 2],"c":{"k1": {"x":[1,"]"]} ,"k\"2":"v"},"c":[ 3 ,{"y":4}],"z":null}"#;
        let got = top_level(text, &|k| k == "c").unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], ("a".into(), Piece::Raw("[1, 2]")));
        assert_eq!(
            got[1],
            (
                "c".into(),
                Piece::Object(vec![
                    ("k1".into(), r#"{"x":[1,"]"]}"#),
                    ("k\"2".into(), r#""v""#)
                ])
            )
        );
        assert_eq!(got[2], ("c".into(), Piece::Array(vec!["3", r#"{"y":4}"#])));
        assert_eq!(got[3], ("z".into(), Piece::Raw("null")));
    }

    #[test]
    fn the_real_payloads_scan() {
        for name in ["core_eval_proj_dcs.json", "py_download_config_specs.json"] {
            let path = format!("{}/../shared/specs/{name}", env!("CARGO_MANIFEST_DIR"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let top = top_level(&text, &|k| k == "feature_gates").unwrap();
            let want: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap();
            assert_eq!(top.len(), want.len(), "{name}");
            for (k, piece) in &top {
                let parsed = match piece {
                    Piece::Raw(r) => serde_json::from_str(r).unwrap(),
                    Piece::Array(a) => serde_json::Value::Array(
                        a.iter().map(|r| serde_json::from_str(r).unwrap()).collect(),
                    ),
                    Piece::Object(o) => serde_json::Value::Object(
                        o.iter()
                            .map(|(k, r)| (k.to_string(), serde_json::from_str(r).unwrap()))
                            .collect(),
                    ),
                };
                assert_eq!(&parsed, &want[&**k], "{name}: {k}");
            }
        }
    }

    #[test]
    fn plain_runs_stop_at_the_first_special_byte() {
        let slow = |b: &[u8]| {
            b.iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(b.len())
        };
        for len in 0..30 {
            for pos in 0..=len {
                for special in [b'"', b'\\', 0x01, 0x1f] {
                    for fill in [b'a', 0x80, 0xff, 0x21, 0x5d] {
                        let mut v = vec![fill; len];
                        if pos < len {
                            v[pos] = special;
                        }
                        assert_eq!(plain_run(&v), slow(&v), "{v:?}");
                    }
                }
            }
        }
    }
}
