//! User-side values with the facets Statsig's operators read (string, number, integer,
//! timestamp, bool, array elements, object entries), computed once per user.

use serde_json::Value as Json;

use crate::spec::time::parse_timestamp_user;

/// One user-side value. An operator reads only the facet it needs and is false when it is
/// missing; a missing user field is [`Value::MISSING`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Value {
    pub is_null: bool,
    pub b: Option<bool>,
    pub f: Option<f64>,
    pub i: Option<i64>,
    pub ts: Option<i64>,
    pub s: Option<String>,
    /// Lower-cased `s`, kept only when it differs from `s`.
    lower: Option<String>,
    /// Array elements' string facets (`None` for an element without one).
    pub elems: Option<Vec<Option<String>>>,
    /// Object entries: key and the value's string facet.
    pub entries: Option<Vec<(String, Option<String>)>>,
}

impl Value {
    /// The empty value: no facets; counts as null for `eq null`.
    pub const MISSING: Value = Value {
        is_null: true,
        b: None,
        f: None,
        i: None,
        ts: None,
        s: None,
        lower: None,
        elems: None,
        entries: None,
    };

    pub fn from_str_value(s: &str) -> Value {
        let mut v = Value {
            f: parse_f64(s),
            i: parse_i64(s),
            ts: parse_timestamp_user(s),
            ..Value::default()
        };
        v.set_str(s.to_string());
        v
    }

    /// A small non-negative integer (a `user_bucket`): the facets `from_json` gives the
    /// number, without going through JSON and float formatting.
    pub fn from_small_uint(n: u32) -> Value {
        Value {
            f: Some(f64::from(n)),
            i: Some(i64::from(n)),
            s: Some(n.to_string()),
            ..Value::default()
        }
    }

    /// A value holding only an integer facet (e.g. the current time).
    pub fn int_only(i: i64) -> Value {
        Value {
            i: Some(i),
            ..Value::default()
        }
    }

    pub fn from_json(j: &Json) -> Value {
        match j {
            Json::Null => Value::MISSING,
            Json::Bool(b) => {
                let mut v = Value {
                    b: Some(*b),
                    ..Value::default()
                };
                v.set_str(if *b { "true" } else { "false" }.to_string());
                v
            }
            Json::Number(n) => {
                let f = n.as_f64();
                let mut i = n.as_i64();
                if i.is_none()
                    && let Some(f) = f
                {
                    let t = f as i64;
                    if t as f64 == f {
                        i = Some(t);
                    }
                }
                let mut v = Value {
                    f,
                    i,
                    ..Value::default()
                };
                let s = match f {
                    Some(f) => f.to_string(),
                    None => n.to_string(),
                };
                v.set_str(s);
                v
            }
            Json::String(s) => Value::from_str_value(s),
            Json::Array(a) => {
                let elems = a.iter().map(|e| Value::from_json(e).s).collect();
                let mut v = Value {
                    elems: Some(elems),
                    ..Value::default()
                };
                v.set_str(serde_json::to_string(j).unwrap_or_default());
                v
            }
            Json::Object(o) => Value {
                entries: Some(
                    o.iter()
                        .map(|(k, x)| (k.clone(), Value::from_json(x).s))
                        .collect(),
                ),
                ..Value::default()
            },
        }
    }

    fn set_str(&mut self, s: String) {
        // Most strings are already lower case; only allocate when they are not.
        self.lower = if s.chars().any(|c| c.to_lowercase().next() != Some(c)) {
            Some(s.to_lowercase()).filter(|l| *l != s)
        } else {
            None
        };
        self.s = Some(s);
    }

    /// The string facet, lower-cased.
    pub fn lower(&self) -> Option<&str> {
        self.lower.as_deref().or(self.s.as_deref())
    }

    pub fn str(&self) -> Option<&str> {
        self.s.as_deref()
    }
}

/// Rust's `f64` grammar: optional sign, digits with optional fraction, optional exponent, or
/// `inf`/`infinity`/`nan` in any case.
pub fn parse_f64(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// Optional sign and ASCII digits only.
pub fn parse_i64(s: &str) -> Option<i64> {
    s.parse::<i64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_print_like_rust_f64_display() {
        assert_eq!(Value::from_json(&json!(5.0)).s.as_deref(), Some("5"));
        assert_eq!(Value::from_json(&json!(1.5)).s.as_deref(), Some("1.5"));
        assert_eq!(
            Value::from_json(&json!(1e21)).s.as_deref(),
            Some("1000000000000000000000")
        );
        assert_eq!(
            Value::from_json(&json!(1e-7)).s.as_deref(),
            Some("0.0000001")
        );
        assert_eq!(Value::from_json(&json!(9.0)).i, Some(9));
        let big = Value::from_json(&json!(18446744073709551615u64));
        assert_eq!(big.s.as_deref(), Some("18446744073709552000"));
        assert_eq!(big.i, None);
    }

    #[test]
    fn strings_get_number_and_time_facets() {
        let v = Value::from_str_value("12");
        assert_eq!(v.f, Some(12.0));
        assert_eq!(v.i, Some(12));
        assert_eq!(v.ts, Some(12));
        let v = Value::from_str_value("1e3");
        assert_eq!(v.f, Some(1000.0));
        assert_eq!(v.i, None);
        assert_eq!(Value::from_str_value(" 1").f, None);
        assert_eq!(Value::from_str_value("1_0").f, None);
        assert_eq!(Value::from_str_value("NaN").f.map(f64::is_nan), Some(true));
        assert_eq!(Value::from_str_value("ABC").lower(), Some("abc"));
    }

    #[test]
    fn small_uints_have_the_facets_of_their_json() {
        for n in [0u32, 1, 9, 10, 999, 1000, 65_535, u32::MAX] {
            assert_eq!(
                Value::from_small_uint(n),
                Value::from_json(&json!(n)),
                "{n}"
            );
        }
    }

    #[test]
    fn arrays_and_bools() {
        let v = Value::from_json(&json!([1, "c", true, 1.0, null]));
        assert_eq!(v.s.as_deref(), Some("[1,\"c\",true,1.0,null]"));
        assert_eq!(
            v.elems.unwrap(),
            vec![Some("1"), Some("c"), Some("true"), Some("1"), None]
                .into_iter()
                .map(|s| s.map(String::from))
                .collect::<Vec<_>>()
        );
        let b = Value::from_json(&json!(true));
        assert_eq!(b.s.as_deref(), Some("true"));
        assert_eq!(b.f, None);
    }
}
