//! A suite file as a tree that remembers where each key and value was written, so that every
//! complaint about it can say `FILE:LINE:COL`. YAML is read with `saphyr-parser` (events with
//! spans); JSON is checked by serde_json first (JSON's own error messages) and then read by
//! the same YAML parser, JSON being YAML 1.2 flow syntax, so both give the same tree.
//!
//! Plain YAML scalars are resolved with the YAML 1.2 core schema (`yes` stays a string);
//! anchors, aliases and `<<` merge keys work.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, SpannedEventReceiver};
use serde_json::{Map, Value as Json};

/// A position in a file, both 1-based (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Something wrong at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    pub pos: Pos,
    pub msg: String,
}

impl DocError {
    pub fn new(pos: Pos, msg: impl Into<String>) -> DocError {
        DocError {
            pos,
            msg: msg.into(),
        }
    }
}

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

/// A mapping key and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// A float with its text as written (`1.0` stays `1.0` when used as text).
    Float(f64, String),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

impl Node {
    /// What the value is, for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(..) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The text of a scalar (strings, numbers as written, booleans); `None` for the rest.
    pub fn scalar_text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Float(_, raw) => Some(Cow::Borrowed(raw)),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f, _) => Some(f),
            _ => None,
        }
    }

    /// The value as JSON. Floats that JSON cannot hold (`.inf`, `.nan`) are an error.
    pub fn to_json(&self) -> Result<Json, DocError> {
        Ok(match &self.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::from(*i),
            Value::Float(f, raw) => {
                Json::Number(serde_json::Number::from_f64(*f).ok_or_else(|| {
                    DocError::new(self.pos, format!("{raw} is not a number JSON can hold"))
                })?)
            }
            Value::Str(s) => Json::String(s.clone()),
            Value::Seq(items) => {
                Json::Array(items.iter().map(Node::to_json).collect::<Result<_, _>>()?)
            }
            Value::Map(entries) => {
                let mut m = Map::with_capacity(entries.len());
                for (k, v) in entries {
                    m.insert(k.name.clone(), v.to_json()?);
                }
                Json::Object(m)
            }
        })
    }

    /// Applies `f` to every string value and key, keeping positions.
    pub fn map_strings(&self, f: &impl Fn(&str) -> String) -> Node {
        let value = match &self.value {
            Value::Str(s) => Value::Str(f(s)),
            Value::Seq(items) => Value::Seq(items.iter().map(|n| n.map_strings(f)).collect()),
            Value::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(k, v)| {
                        (
                            Key {
                                name: f(&k.name),
                                pos: k.pos,
                            },
                            v.map_strings(f),
                        )
                    })
                    .collect(),
            ),
            other => other.clone(),
        };
        Node {
            pos: self.pos,
            value,
        }
    }

    /// Calls `f` with every string value and key and its position.
    pub fn visit_strings<'a>(&'a self, f: &mut impl FnMut(&'a str, Pos)) {
        match &self.value {
            Value::Str(s) => f(s, self.pos),
            Value::Seq(items) => items.iter().for_each(|n| n.visit_strings(f)),
            Value::Map(entries) => {
                for (k, v) in entries {
                    f(&k.name, k.pos);
                    v.visit_strings(f);
                }
            }
            _ => {}
        }
    }
}

/// Parses a YAML document (or, with `json`, a JSON document) into a tree. An empty YAML
/// file is `null`.
pub fn parse(text: &str, json: bool) -> Result<Node, DocError> {
    if json && let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let msg = e.to_string();
        // serde_json appends " at line L column C"; the position goes in front instead.
        let msg = match msg.rfind(" at line ") {
            Some(i) => msg[..i].to_string(),
            None => msg,
        };
        return Err(DocError::new(
            Pos {
                line: e.line() as u32,
                col: e.column().max(1) as u32,
            },
            format!("not valid JSON: {msg}"),
        ));
    }
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut builder, false) {
        let m = e.marker();
        return Err(DocError::new(
            Pos {
                line: m.line() as u32,
                col: m.col() as u32 + 1,
            },
            format!("not valid YAML: {}", e.info()),
        ));
    }
    if let Some(e) = builder.error {
        return Err(e);
    }
    Ok(builder.root.unwrap_or(Node {
        pos: Pos { line: 1, col: 1 },
        value: Value::Null,
    }))
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: span.start.line() as u32,
        col: span.start.col() as u32 + 1,
    }
}

enum Frame {
    Seq {
        node_pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        node_pos: Pos,
        anchor: usize,
        entries: Vec<(Key, Node)>,
        key: Option<Key>,
        /// Mappings merged in with `<<`, applied at the end (explicit keys win).
        merges: Vec<Node>,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    error: Option<DocError>,
}

const MERGE_KEY: &str = "<<";

impl Builder {
    fn fail(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(DocError::new(pos, msg));
        }
    }

    /// A finished node goes into its parent (or becomes the root).
    fn push(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                merges,
                ..
            }) => match key.take() {
                None => {
                    let name = node.scalar_text().map(|s| s.into_owned());
                    match (name, &node.value) {
                        (Some(name), _) => {
                            *key = Some(Key {
                                name,
                                pos: node.pos,
                            })
                        }
                        (None, Value::Null) => {
                            *key = Some(Key {
                                name: String::new(),
                                pos: node.pos,
                            })
                        }
                        (None, _) => {
                            let pos = node.pos;
                            self.fail(
                                pos,
                                "a mapping key must be a plain value, not a list or mapping",
                            )
                        }
                    }
                }
                Some(k) if k.name == MERGE_KEY => merges.push(node),
                Some(k) => {
                    if let Some((first, _)) = entries.iter().find(|(e, _)| e.name == k.name) {
                        let msg = format!(
                            "duplicate key {:?} (first written at {})",
                            k.name, first.pos
                        );
                        self.fail(k.pos, msg);
                    } else {
                        entries.push((k, node));
                    }
                }
            },
        }
    }
}

/// A scalar's value: quoted (or `!!str`) scalars are strings, plain ones are resolved.
fn scalar(text: Cow<'_, str>, style: ScalarStyle, tag: Option<String>) -> Value {
    if style != ScalarStyle::Plain || tag.as_deref() == Some("str") {
        return Value::Str(text.into_owned());
    }
    resolve_plain(&text).unwrap_or_else(|| Value::Str(text.into_owned()))
}

/// YAML 1.2 core schema for plain scalars; `None` means a string.
fn resolve_plain(s: &str) -> Option<Value> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Some(Value::Float(f64::INFINITY, s.into()));
        }
        "-.inf" | "-.Inf" | "-.INF" => return Some(Value::Float(f64::NEG_INFINITY, s.into())),
        ".nan" | ".NaN" | ".NAN" => return Some(Value::Float(f64::NAN, s.into())),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(match s.parse::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Float(s.parse().ok()?, s.into()),
        });
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok().map(Value::Int);
    }
    if let Some(hex) = s.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Value::Int);
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let b = digits.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return None;
        }
        i += exp;
    }
    if i != b.len() {
        return None;
    }
    Some(Value::Float(s.parse().ok()?, s.into()))
}

impl<'input> SpannedEventReceiver<'input> for Builder {
    fn on_event(&mut self, ev: Event<'input>, span: Span) {
        if self.error.is_some() {
            return;
        }
        let pos = pos_of(&span);
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| t.suffix.clone());
                let value = scalar(text, style, tag);
                self.push(Node { pos, value }, anchor);
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq {
                node_pos: pos,
                anchor,
                items: Vec::new(),
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                node_pos: pos,
                anchor,
                entries: Vec::new(),
                key: None,
                merges: Vec::new(),
            }),
            Event::SequenceEnd => {
                if let Some(Frame::Seq {
                    node_pos,
                    anchor,
                    items,
                }) = self.stack.pop()
                {
                    self.push(
                        Node {
                            pos: node_pos,
                            value: Value::Seq(items),
                        },
                        anchor,
                    );
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map {
                    node_pos,
                    anchor,
                    mut entries,
                    merges,
                    ..
                }) = self.stack.pop()
                {
                    for m in merges {
                        let sources: Vec<Node> = match m.value {
                            Value::Seq(items) => items,
                            _ => vec![m],
                        };
                        for src in sources {
                            let Value::Map(src_entries) = src.value else {
                                self.fail(src.pos, "`<<` merges a mapping (or a list of them)");
                                return;
                            };
                            for (k, v) in src_entries {
                                if !entries.iter().any(|(e, _)| e.name == k.name) {
                                    entries.push((k, v));
                                }
                            }
                        }
                    }
                    self.push(
                        Node {
                            pos: node_pos,
                            value: Value::Map(entries),
                        },
                        anchor,
                    );
                }
            }
            Event::Alias(id) => match self.anchors.get(&id) {
                Some(n) => {
                    let n = n.clone();
                    self.push(n, 0);
                }
                None => self.fail(pos, "an alias to an unknown anchor"),
            },
            Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::StreamStart
            | Event::StreamEnd
            | Event::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(n: &'a Node, key: &str) -> &'a Node {
        &n.as_map()
            .unwrap()
            .iter()
            .find(|(k, _)| k.name == key)
            .unwrap_or_else(|| panic!("no {key}"))
            .1
    }

    #[test]
    fn yaml_keys_and_values_carry_positions() {
        let doc = parse(
            "a: 1\nb:\n  - x\n  - 'yes'\n  - yes\nc: {d: 1.50, e: ~}\n",
            false,
        )
        .unwrap();
        let m = doc.as_map().unwrap();
        assert_eq!(m[1].0.pos, Pos { line: 2, col: 1 });
        let b = get(&doc, "b");
        let Value::Seq(items) = &b.value else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 4, col: 5 });
        assert_eq!(items[2].value, Value::Str("yes".into()));
        let d = get(get(&doc, "c"), "d");
        assert_eq!(d.pos, Pos { line: 6, col: 8 });
        assert_eq!(d.scalar_text().unwrap(), "1.50");
        assert_eq!(get(get(&doc, "c"), "e").value, Value::Null);
        assert_eq!(get(&doc, "a").value, Value::Int(1));
    }

    #[test]
    fn core_schema_resolution() {
        for (s, v) in [
            ("12", Value::Int(12)),
            ("-3", Value::Int(-3)),
            ("0x1f", Value::Int(31)),
            ("true", Value::Bool(true)),
            ("No", Value::Str("No".into())),
            ("1.0.0", Value::Str("1.0.0".into())),
            ("2e3", Value::Float(2000.0, "2e3".into())),
            (".5", Value::Float(0.5, ".5".into())),
        ] {
            assert_eq!(resolve_plain(s).unwrap_or(Value::Str(s.into())), v, "{s}");
        }
    }

    #[test]
    fn json_and_yaml_give_the_same_tree_values() {
        let y = parse("a: [1, \"x\", {b: null}]\nc: true\n", false).unwrap();
        let j = parse("{\n\t\"a\":[1,\"x\",{\"b\":null}],\n\t\"c\": true\n}", true).unwrap();
        assert_eq!(y.to_json().unwrap(), j.to_json().unwrap());
        assert_eq!(get(&j, "c").pos, Pos { line: 3, col: 7 });
    }

    #[test]
    fn syntax_errors_and_duplicates_have_positions() {
        let e = parse("{\"a\": 1,\n \"b\" 2}", true).unwrap_err();
        assert_eq!(e.pos.line, 2);
        assert!(e.msg.starts_with("not valid JSON"), "{}", e.msg);
        let e = parse("a: [1, 2\nb: 3\n", false).unwrap_err();
        assert!(e.msg.starts_with("not valid YAML"), "{}", e.msg);
        let e = parse("a: 1\nb: 2\na: 3\n", false).unwrap_err();
        assert_eq!(e.pos, Pos { line: 3, col: 1 });
        assert!(e.msg.contains("duplicate key \"a\""), "{}", e.msg);
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let doc = parse(
            "base: &b {country: US, email: a@b.c}\nu:\n  <<: *b\n  country: CA\nv: *b\n",
            false,
        )
        .unwrap();
        assert_eq!(
            get(&doc, "u").to_json().unwrap(),
            serde_json::json!({"country": "CA", "email": "a@b.c"})
        );
        assert_eq!(
            get(&doc, "v").to_json().unwrap(),
            serde_json::json!({"country": "US", "email": "a@b.c"})
        );
    }
}
