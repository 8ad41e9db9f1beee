//! A JSON tree for the compiler ([`crate::spec::compile`]) that borrows its strings from the
//! payload and keeps objects as vectors of pairs: parsing a payload into it costs a fraction
//! of a `serde_json::Value` tree (no hash table per object, no copy of an unescaped string).
//!
//! It is parsed by serde_json's own parser, so it accepts exactly what a `Value` parse
//! accepts and fails with the same messages (syntax, nesting limit, number range); objects
//! behave as `Value`'s (an `IndexMap`): a later duplicate key replaces the value of the
//! earlier one in the earlier one's position. [`Node::write_compact`] writes byte for byte
//! what `serde_json::to_string` writes of the equivalent `Value`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasherDefault;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value as Json};

use crate::spec::model::NameHasher;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Obj<'a>),
}

/// An object: its keys in order, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Obj<'a>(Vec<(Cow<'a, str>, Node<'a>)>);

impl<'a> Obj<'a> {
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node<'a>)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Node<'a>> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Builds an object from pairs in order, with `Value`'s handling of duplicate keys.
    fn from_pairs(mut pairs: Vec<(Cow<'a, str>, Node<'a>)>) -> Self {
        let n = pairs.len();
        let duplicated = match n {
            0 | 1 => false,
            // A bit per key from its length and two of its bytes: only a key whose bit is
            // taken is compared with the earlier keys.
            2..=16 => {
                let mut seen = 0u64;
                (0..n).any(|i| {
                    let k = pairs[i].0.as_bytes();
                    let h = k.len()
                        ^ usize::from(k.first().copied().unwrap_or(0)).wrapping_mul(5)
                        ^ usize::from(k.last().copied().unwrap_or(0)).wrapping_mul(17);
                    let bit = 1u64 << (h % 64);
                    let maybe = seen & bit != 0;
                    seen |= bit;
                    maybe && pairs[..i].iter().any(|(x, _)| *x == pairs[i].0)
                })
            }
            _ => {
                let mut keys: HashSet<&str, BuildHasherDefault<NameHasher>> =
                    HashSet::with_capacity_and_hasher(n, Default::default());
                !pairs.iter().all(|(k, _)| keys.insert(k))
            }
        };
        if duplicated {
            let mut out: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(n);
            for (k, v) in pairs.drain(..) {
                match out.iter_mut().find(|(x, _)| *x == k) {
                    Some(slot) => slot.1 = v,
                    None => out.push((k, v)),
                }
            }
            pairs = out;
        }
        Obj(pairs)
    }
}

impl<'b, 'a> IntoIterator for &'b Obj<'a> {
    type Item = (&'b str, &'b Node<'a>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'b, (Cow<'a, str>, Node<'a>)>,
        fn(&'b (Cow<'a, str>, Node<'a>)) -> (&'b str, &'b Node<'a>),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

/// Compact JSON text, as `Value`'s `Display` writes it.
impl fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.compact())
    }
}

impl<'a> Node<'a> {
    /// Parses JSON text; errors are serde_json's, as a `Value` parse reports them.
    pub fn parse(bytes: &'a [u8]) -> serde_json::Result<Node<'a>> {
        serde_json::from_slice(bytes)
    }

    /// Parses JSON text held in a string.
    pub fn parse_str(text: &'a str) -> serde_json::Result<Node<'a>> {
        serde_json::from_str(text)
    }

    /// The tree of a `Value`, borrowing its strings.
    pub fn from_json(v: &'a Json) -> Node<'a> {
        match v {
            Json::Null => Node::Null,
            Json::Bool(b) => Node::Bool(*b),
            Json::Number(n) => Node::Number(n.clone()),
            Json::String(s) => Node::String(Cow::Borrowed(s)),
            Json::Array(a) => Node::Array(a.iter().map(Node::from_json).collect()),
            Json::Object(o) => Node::Object(Obj(o
                .iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_json(v)))
                .collect())),
        }
    }

    /// The equivalent `Value` (for the few small fields read through `Value`).
    pub fn to_json(&self) -> Json {
        match self {
            Node::Null => Json::Null,
            Node::Bool(b) => Json::Bool(*b),
            Node::Number(n) => Json::Number(n.clone()),
            Node::String(s) => Json::String(s.to_string()),
            Node::Array(a) => Json::Array(a.iter().map(Node::to_json).collect()),
            Node::Object(o) => {
                let mut m = Map::with_capacity(o.len());
                for (k, v) in o.iter() {
                    m.insert(k.to_string(), v.to_json());
                }
                Json::Object(m)
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Obj<'a>> {
        match self {
            Node::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Node::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Node::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    /// Compact JSON text, as `serde_json::to_string` writes the equivalent `Value`.
    pub fn compact(&self) -> String {
        let mut out = Vec::with_capacity(match self {
            Node::String(s) => s.len() + 2,
            Node::Array(_) | Node::Object(_) => 64,
            _ => 24,
        });
        self.write_compact(&mut out);
        // Only whole UTF-8 strings and ASCII are written.
        String::from_utf8(out).unwrap_or_else(|_| "null".into())
    }

    pub fn write_compact(&self, out: &mut Vec<u8>) {
        match self {
            Node::Null => out.extend_from_slice(b"null"),
            Node::Bool(true) => out.extend_from_slice(b"true"),
            Node::Bool(false) => out.extend_from_slice(b"false"),
            Node::Number(n) => {
                let _ = serde_json::to_writer(&mut *out, n);
            }
            Node::String(s) => crate::util::json_str::write_str(out, s),
            Node::Array(a) => {
                out.push(b'[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    x.write_compact(out);
                }
                out.push(b']');
            }
            Node::Object(o) => {
                out.push(b'{');
                for (i, (k, x)) in o.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    crate::util::json_str::write_str(out, k);
                    out.push(b':');
                    x.write_compact(out);
                }
                out.push(b'}');
            }
        }
    }
}

/// A string, borrowed from the input unless it held escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The elements and members of the containers being parsed, one stack each: a container's
/// are moved into a vector of exactly their number when it closes (no vector grown by
/// doubling per container, whose discarded blocks are pages touched for nothing).
#[derive(Default)]
struct Scratch<'de> {
    elems: Vec<Node<'de>>,
    pairs: Vec<(Cow<'de, str>, Node<'de>)>,
}

struct NodeVisitor<'s, 'de>(&'s mut Scratch<'de>);

impl<'de> Visitor<'de> for NodeVisitor<'_, 'de> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
        // As `Value` does: a float that is no JSON number is null.
        Ok(Number::from_f64(n).map_or(Node::Null, Node::Number))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s)))
    }
    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        NodeSeed(self.0).deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let base = self.0.elems.len();
        while let Some(x) = seq.next_element_seed(NodeSeed(&mut *self.0))? {
            self.0.elems.push(x);
        }
        Ok(Node::Array(self.0.elems.drain(base..).collect()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let base = self.0.pairs.len();
        while let Some(Str(k)) = map.next_key::<Str<'de>>()? {
            let v = map.next_value_seed(NodeSeed(&mut *self.0))?;
            self.0.pairs.push((k, v));
        }
        let pairs = self.0.pairs.drain(base..).collect();
        Ok(Node::Object(Obj::from_pairs(pairs)))
    }
}

struct NodeSeed<'s, 'de>(&'s mut Scratch<'de>);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, 'de> {
    type Value = Node<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(NodeVisitor(self.0))
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        NodeSeed(&mut Scratch::default()).deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::scan::tests::{Rng, gen_value, mutate};

    /// Parses as `Value` and as `Node`: both fail with the same message, or both succeed with
    /// equal trees and equal compact text.
    fn agree(bytes: &[u8]) {
        let value: serde_json::Result<Json> = serde_json::from_slice(bytes);
        let node = Node::parse(bytes);
        match (value, node) {
            (Ok(v), Ok(n)) => {
                assert_eq!(n.to_json(), v, "{}", String::from_utf8_lossy(bytes));
                assert_eq!(n.compact(), serde_json::to_string(&v).unwrap());
                assert_eq!(Node::from_json(&v), n);
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!(
                "{}: value {:?}, node {:?}",
                String::from_utf8_lossy(bytes),
                a.map(|_| ()),
                b.map(|_| ())
            ),
        }
    }

    #[test]
    fn parses_as_a_value_parse_does() {
        let texts: &[&str] = &[
            r#"{"b":1,"a":[true,false,null,-0,1.5,1e300,12345678901234567890,-7],"é":"ü\u0001"}"#,
            r#"["tab\there","quote\"","back\\slash","\u2028","/","\/"]"#,
            r#"{"nested":{"deeper":{"k":[[],{}]}},"empty":"","e\u0073c":"x"}"#,
            r#"{"a":1,"b":2,"a":3}"#,
            r#"{"xa":1,"ya":2,"xa":3,"za":4,"":5,"":6}"#,
            r#"{"type":"t","salt":"s","type":{"again":[1,{"k":1,"k":[2]}]}}"#,
            r#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,
                "k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k5":"again"}"#,
            "1e400",
            "-1e-400",
            "18446744073709551616",
            "-9223372036854775809",
            "0.1",
            "[1,]",
            "{\"a\" 1}",
            "\"\\ud800\"",
            "\"unterminated",
            "  {\"x\" : [ 1 , 2 ] }  ",
        ];
        for t in texts {
            agree(t.as_bytes());
        }
        agree(&[b'"', 0xff, b'"']);
        let deep = "[".repeat(200) + &"]".repeat(200);
        agree(deep.as_bytes());
        let ok_depth = "[".repeat(100) + &"]".repeat(100);
        agree(ok_depth.as_bytes());
    }

    #[test]
    fn generated_and_mutated_values_parse_alike() {
        let mut r = Rng(0x5eed_7ee5);
        for _ in 0..3000 {
            let mut v = Vec::new();
            gen_value(&mut r, 0, &mut v);
            agree(&v);
            mutate(&mut r, &mut v);
            agree(&v);
        }
    }

    #[test]
    fn the_payloads_parse_alike() {
        let dir = format!("{}/../shared/specs", env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                agree(&std::fs::read(&path).unwrap());
                seen += 1;
            }
        }
        assert!(
            seen > 0 || std::fs::metadata(&dir).is_err(),
            "no payload in {dir}"
        );
    }
}
