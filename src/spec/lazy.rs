//! Lazy loading for commands that read a few entities (`check-gate`, `get-config`,
//! `get-experiment`, `get-layer`).
//!
//! Compiling a whole payload builds a JSON tree of every spec and compiles them all, while
//! a `check-gate` needs one gate and what it references. [`parse_payload_for`] scans the
//! payload once without building a tree (each spec and `condition_map` entry stays raw
//! text), follows the references of the entities asked for — nested gates (`pass_gate`,
//! `fail_gate`, `multi_*`), delegated experiments (`configDelegate`), `experiment_group`
//! experiments, config mappings (`overrides`, `override_rules`) and `condition_map` keys —
//! and hands a payload holding only those specs, in their original order, to the one
//! compiler. The result evaluates those entities exactly as the whole payload does; the
//! others are absent from it.
//!
//! A new kind of reference between entities must be followed in [`Closure::condition`] or
//! [`Closure::rule`]; the test `lazy_matches_full_for_every_entity` compares every entity of
//! the real payloads against the full compile.
//!
//! What is checked: the JSON syntax of the whole payload (the scan validates it; on any
//! scan error the full parse runs so the message is the usual one), the structure of the
//! collections, and everything of the specs that are read. Type errors inside specs that
//! are never read are not reported, nor their compile warnings.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use serde_json::{Map, Value as Json};

use crate::error::Result;
use crate::spec::compile::{Parsed, compile_at, parse_payload_leaking, referenced_gates};
use crate::spec::model::{CondKind, Kind, NameHasher};
use crate::spec::scan::{Reject, Scan, Scanner};
use crate::spec::tree::Node;

/// Parses a payload and compiles only `roots` and what they reference. Falls back to the
/// full parse for anything but a JSON object (bootstrap strings, errors).
pub fn parse_payload_for(bytes: &[u8], origin: &str, roots: &[(Kind, &str)]) -> Result<Parsed> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        return parse_payload_leaking(bytes, origin);
    }
    let Ok(top) = scan_top(bytes) else {
        return parse_payload_leaking(bytes, origin);
    };
    let (pruned, positions, left_out) = prune(&top, roots);
    let position = |key: &str, i: usize| {
        positions
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, p)| p.get(i).copied())
            .unwrap_or(i)
    };
    let mut parsed = compile_at(&Node::from_json(&pruned), origin, &position)?;
    if let Parsed::Specs(s) = &mut parsed {
        s.left_out = left_out;
    }
    Ok(parsed)
}

/// A collection as found: entries kept raw, or `null`.
enum Section<'a> {
    Object(Vec<(Cow<'a, str>, &'a [u8])>),
    Array(Vec<&'a [u8]>),
    Other(Json),
}

/// A top-level field: a collection kept raw, or a small field parsed.
enum Field<'a> {
    Section(Section<'a>),
    Value(Json),
}

/// The top-level object, fields in order.
struct Top<'a> {
    fields: Vec<(Cow<'a, str>, Field<'a>)>,
}

const GATES: &str = "feature_gates";
const CONFIGS: &str = "dynamic_configs";
const LAYERS: &str = "layer_configs";
const CONDITION_MAP: &str = "condition_map";

/// serde_json's nesting limit when it parses into a tree: 128 levels, one of which the
/// top-level object takes.
const FIELD_DEPTH_LIMIT: usize = 127;

/// Scans the payload into its top-level fields, accepting exactly what serde_json accepts
/// when it deserializes the payload as a map of sections of raw values (`RawValue`) and
/// other fields as trees: see [`crate::spec::scan`].
fn scan_top(bytes: &[u8]) -> Scan<Top<'_>> {
    let mut s = Scanner::new(bytes);
    s.eat(b'{')?;
    let mut fields = Vec::new();
    if s.peek() == Some(b'}') {
        s.at += 1;
    } else {
        loop {
            let k = key(&mut s)?;
            s.peek();
            let f = match &*k {
                GATES | CONFIGS | LAYERS | CONDITION_MAP => Field::Section(section(&mut s)?),
                _ => {
                    let start = s.at;
                    if s.value()? >= FIELD_DEPTH_LIMIT {
                        return Err(Reject);
                    }
                    Field::Value(serde_json::from_slice(s.since(start)).map_err(|_| Reject)?)
                }
            };
            fields.push((k, f));
            match s.peek() {
                Some(b',') => s.at += 1,
                Some(b'}') => {
                    s.at += 1;
                    break;
                }
                _ => return Err(Reject),
            }
        }
    }
    match s.peek() {
        None => Ok(Top { fields }),
        Some(_) => Err(Reject),
    }
}

/// An object key and its colon: borrowed, or unescaped as serde_json does (which rejects
/// unpaired surrogates in keys).
fn key<'a>(s: &mut Scanner<'a>) -> Scan<Cow<'a, str>> {
    if s.peek() != Some(b'"') {
        return Err(Reject);
    }
    let start = s.at;
    let escaped = s.string()?;
    let quoted = s.since(start);
    let k = if escaped {
        Cow::Owned(serde_json::from_slice::<String>(quoted).map_err(|_| Reject)?)
    } else {
        Cow::Borrowed(std::str::from_utf8(&quoted[1..quoted.len() - 1]).map_err(|_| Reject)?)
    };
    s.eat(b':')?;
    Ok(k)
}

/// A collection: an object or an array of raw entries, or `null`.
fn section<'a>(s: &mut Scanner<'a>) -> Scan<Section<'a>> {
    match s.peek() {
        Some(b'{') => {
            s.at += 1;
            let mut entries = Vec::with_capacity(64);
            if s.peek() == Some(b'}') {
                s.at += 1;
                return Ok(Section::Object(entries));
            }
            loop {
                let k = key(s)?;
                s.peek();
                let start = s.at;
                s.value()?;
                entries.push((k, s.since(start)));
                match s.peek() {
                    Some(b',') => s.at += 1,
                    Some(b'}') => {
                        s.at += 1;
                        return Ok(Section::Object(entries));
                    }
                    _ => return Err(Reject),
                }
            }
        }
        Some(b'[') => {
            s.at += 1;
            let mut entries = Vec::with_capacity(64);
            if s.peek() == Some(b']') {
                s.at += 1;
                return Ok(Section::Array(entries));
            }
            loop {
                s.peek();
                let start = s.at;
                s.value()?;
                entries.push(s.since(start));
                match s.peek() {
                    Some(b',') => s.at += 1,
                    Some(b']') => {
                        s.at += 1;
                        return Ok(Section::Array(entries));
                    }
                    _ => return Err(Reject),
                }
            }
        }
        Some(b'n') => {
            let start = s.at;
            s.value()?;
            match s.since(start) {
                b"null" => Ok(Section::Other(Json::Null)),
                _ => Err(Reject),
            }
        }
        // Any other value fails the scan; the full parse then reports it.
        _ => Err(Reject),
    }
}

impl<'a> Top<'a> {
    /// The last field of that name (a later duplicate replaces an earlier one).
    fn field(&self, name: &str) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, f)| f)
    }

    fn section(&self, name: &str) -> Option<&Section<'a>> {
        match self.field(name) {
            Some(Field::Section(s)) => Some(s),
            _ => None,
        }
    }

    fn value(&self, name: &str) -> Option<&Json> {
        match self.field(name) {
            Some(Field::Value(v)) => Some(v),
            _ => None,
        }
    }
}

/// The name of a v1 (array) entry; `None` when the compiler would reject the entry.
#[derive(serde::Deserialize)]
struct Named<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
}

/// One collection's entries by name, with the ones picked so far.
struct Index<'t, 'a> {
    section: Option<&'t Section<'a>>,
    /// The first and the last entry of each name.
    by_name: HashMap<Cow<'a, str>, (usize, usize), BuildHasherDefault<NameHasher>>,
    /// Per entry, the next entry of the same name (`usize::MAX` for none).
    next: Vec<usize>,
    picked: HashMap<usize, Json>,
}

impl<'t, 'a> Index<'t, 'a> {
    fn new(section: Option<&'t Section<'a>>, keep_malformed: bool) -> Self {
        let mut index = Index {
            section,
            by_name: HashMap::default(),
            next: Vec::new(),
            picked: HashMap::new(),
        };
        match section {
            Some(Section::Object(entries)) => {
                index.by_name.reserve(entries.len());
                index.next = vec![usize::MAX; entries.len()];
                for (i, (k, raw)) in entries.iter().enumerate() {
                    // A spec that is not an object is an error of the whole payload: keep it
                    // so the compiler reports it.
                    if keep_malformed && !raw.starts_with(b"{") {
                        index.picked.insert(i, parse(raw));
                    }
                    index.add(k.clone(), i);
                }
            }
            Some(Section::Array(entries)) => {
                index.by_name.reserve(entries.len());
                index.next = vec![usize::MAX; entries.len()];
                for (i, raw) in entries.iter().enumerate() {
                    match serde_json::from_slice::<Named<'a>>(raw) {
                        Ok(Named { name: Some(n) }) => index.add(n, i),
                        _ => {
                            index.picked.insert(i, parse(raw));
                        }
                    }
                }
            }
            Some(Section::Other(_)) | None => {}
        }
        index
    }

    fn add(&mut self, name: Cow<'a, str>, i: usize) {
        match self.by_name.entry(name) {
            Entry::Occupied(mut e) => {
                let (_, last) = e.get_mut();
                self.next[*last] = i;
                *last = i;
            }
            Entry::Vacant(e) => {
                e.insert((i, i));
            }
        }
    }

    /// Picks every entry named `name`; returns the newly picked ones' indices.
    fn pick(&mut self, name: &str) -> Vec<usize> {
        let Some(&(first, _)) = self.by_name.get(name) else {
            return Vec::new();
        };
        let mut new = Vec::new();
        let mut next = first;
        while next != usize::MAX {
            let i = next;
            next = self.next[i];
            if self.picked.contains_key(&i) {
                continue;
            }
            let raw = match self.section {
                Some(Section::Object(e)) => e[i].1,
                Some(Section::Array(e)) => e[i],
                _ => unreachable!("indexed sections hold entries"),
            };
            self.picked.insert(i, parse(raw));
            new.push(i);
        }
        new
    }

    /// The collection with only the picked entries, in their original order, and those
    /// entries' original indices.
    fn pruned(mut self) -> (Option<Json>, Vec<usize>) {
        let mut ids: Vec<usize> = self.picked.keys().copied().collect();
        ids.sort_unstable();
        let Some(section) = self.section else {
            return (None, ids);
        };
        let json = match section {
            Section::Object(entries) => {
                let mut m = Map::new();
                for &i in &ids {
                    let v = self.picked.remove(&i).expect("picked");
                    m.insert(entries[i].0.to_string(), v);
                }
                Json::Object(m)
            }
            Section::Array(_) => Json::Array(
                ids.iter()
                    .map(|i| self.picked.remove(i).expect("picked"))
                    .collect(),
            ),
            Section::Other(v) => v.clone(),
        };
        (Some(json), ids)
    }
}

/// A raw entry parsed; the scan has validated it, so this cannot fail (null otherwise).
fn parse(raw: &[u8]) -> Json {
    serde_json::from_slice(raw).unwrap_or(Json::Null)
}

/// Follows references from the roots, picking entries.
struct Closure<'t, 'a> {
    gates: Index<'t, 'a>,
    configs: Index<'t, 'a>,
    layers: Index<'t, 'a>,
    conditions: Index<'t, 'a>,
    overrides: Option<&'t Map<String, Json>>,
    queue: Vec<(Kind, String)>,
    seen: HashSet<(Kind, String)>,
    keys_seen: HashSet<String>,
}

impl<'t, 'a> Closure<'t, 'a> {
    fn want(&mut self, kind: Kind, name: &str) {
        let key = (kind, name.to_string());
        if !self.seen.contains(&key) {
            self.seen.insert(key.clone());
            self.queue.push(key);
        }
    }

    fn index(&mut self, kind: Kind) -> &mut Index<'t, 'a> {
        match kind {
            Kind::Gate => &mut self.gates,
            Kind::Config => &mut self.configs,
            Kind::Layer => &mut self.layers,
        }
    }

    fn run(&mut self) {
        while let Some((kind, name)) = self.queue.pop() {
            let index = self.index(kind);
            for i in index.pick(&name) {
                let spec = self.index(kind).picked.remove(&i).expect("picked");
                for rule in spec
                    .get("rules")
                    .and_then(Json::as_array)
                    .into_iter()
                    .flatten()
                {
                    self.rule(rule);
                }
                self.index(kind).picked.insert(i, spec);
            }
            // A config mapping can replace this entity by another of the same kind.
            if let Some(list) = self
                .overrides
                .and_then(|o| o.get(&name))
                .and_then(Json::as_array)
            {
                for m in list {
                    if let Some(n) = m.get("new_config_name").and_then(Json::as_str) {
                        self.want(kind, n);
                    }
                }
            }
        }
    }

    fn rule(&mut self, rule: &Json) {
        if let Some(d) = rule.get("configDelegate").and_then(Json::as_str)
            && !d.is_empty()
        {
            self.want(Kind::Config, d);
        }
        for c in rule
            .get("conditions")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            match c {
                Json::String(key) if self.keys_seen.insert(key.clone()) => {
                    for i in self.conditions.pick(key) {
                        let co = self.conditions.picked.remove(&i).expect("picked");
                        self.condition(&co);
                        self.conditions.picked.insert(i, co);
                    }
                }
                Json::Object(_) => self.condition(c),
                _ => {}
            }
        }
    }

    fn condition(&mut self, co: &Json) {
        let Some(kind) = co.get("type").and_then(Json::as_str).map(CondKind::parse) else {
            return;
        };
        let target = co.get("targetValue").unwrap_or(&Json::Null);
        for g in referenced_gates(kind, &Node::from_json(target)) {
            self.want(Kind::Gate, &g);
        }
        if kind == CondKind::ExperimentGroup
            && let Some(f) = co.get("field").and_then(Json::as_str)
        {
            self.want(Kind::Config, f);
        }
    }
}

/// The payload with only the entries the roots need, every other top-level field as is; and
/// per collection the original indices of the entries kept.
/// The payload holding only what `roots` need, the positions of the entries kept, and (when
/// a root is not in the payload) every spec name, for a did-you-mean.
#[allow(clippy::type_complexity)]
fn prune(
    top: &Top<'_>,
    roots: &[(Kind, &str)],
) -> (Json, Vec<(&'static str, Vec<usize>)>, Vec<(Kind, Box<str>)>) {
    let mut c = Closure {
        gates: Index::new(top.section(GATES), true),
        configs: Index::new(top.section(CONFIGS), true),
        layers: Index::new(top.section(LAYERS), true),
        conditions: Index::new(top.section(CONDITION_MAP), false),
        overrides: top.value("overrides").and_then(Json::as_object),
        queue: Vec::new(),
        seen: HashSet::new(),
        keys_seen: HashSet::new(),
    };
    for &(kind, name) in roots {
        c.want(kind, name);
    }
    // Override rules are compiled whole: follow them all.
    if let Some(rules) = top.value("override_rules").and_then(Json::as_object) {
        for r in rules.values() {
            c.rule(r);
        }
    }
    c.run();
    let missing = roots.iter().any(|&(kind, name)| {
        let index = match kind {
            Kind::Gate => &c.gates,
            Kind::Config => &c.configs,
            Kind::Layer => &c.layers,
        };
        !index.by_name.contains_key(name)
    });
    let left_out: Vec<(Kind, Box<str>)> = match missing {
        false => Vec::new(),
        true => [
            (Kind::Gate, &c.gates),
            (Kind::Config, &c.configs),
            (Kind::Layer, &c.layers),
        ]
        .into_iter()
        .flat_map(|(k, index)| index.by_name.keys().map(move |n| (k, Box::from(&**n))))
        .collect(),
    };
    let Closure {
        gates,
        configs,
        layers,
        conditions,
        ..
    } = c;
    let mut pruned = [
        (GATES, gates.pruned()),
        (CONFIGS, configs.pruned()),
        (LAYERS, layers.pruned()),
        (CONDITION_MAP, conditions.pruned()),
    ];
    let positions = pruned
        .iter_mut()
        .map(|(k, (_, ids))| (*k, std::mem::take(ids)))
        .collect();
    let mut out = Map::new();
    for (k, f) in &top.fields {
        let v = match f {
            Field::Value(v) => v.clone(),
            Field::Section(_) => {
                let slot = pruned.iter_mut().find(|(n, _)| n == k).expect("a section");
                // Every occurrence gets the last one's entries, as a later duplicate
                // would replace the earlier in a parsed object.
                slot.1.0.clone().unwrap_or(Json::Null)
            }
        };
        out.insert(k.to_string(), v);
    }
    (Json::Object(out), positions, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{EvalOptions, Evaluator};
    use crate::output::json::write_entity_record;
    use crate::spec::scan::tests::{Rng, gen_value, mutate};
    use crate::spec::{CompiledSpecs, parse_payload};
    use crate::user::User;

    /// The scan this module did before [`scan_top`]: serde_json deserializing the payload
    /// with sections of `RawValue`s. [`scan_top`] must accept exactly what this accepts and
    /// find the same fields and entries.
    mod oracle {
        use super::super::{CONDITION_MAP, CONFIGS, GATES, LAYERS};
        use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
        use serde_json::Value as Json;
        use serde_json::value::RawValue;
        use std::borrow::Cow;
        use std::fmt;

        /// A map key, borrowed unless it held escapes.
        struct Key<'a>(Cow<'a, str>);

        impl<'de> Deserialize<'de> for Key<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Key<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_borrowed_str<E>(
                        self,
                        s: &'de str,
                    ) -> std::result::Result<Key<'de>, E> {
                        Ok(Key(Cow::Borrowed(s)))
                    }
                    fn visit_str<E>(self, s: &str) -> std::result::Result<Key<'de>, E> {
                        Ok(Key(Cow::Owned(s.to_owned())))
                    }
                }
                d.deserialize_str(V)
            }
        }

        /// A collection as found: entries kept raw, or any other value as parsed.
        pub enum Section<'a> {
            Object(Vec<(Cow<'a, str>, &'a RawValue)>),
            Array(Vec<&'a RawValue>),
            Other(Json),
        }

        impl<'de> Deserialize<'de> for Section<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Section<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an object, an array or null")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut m: A,
                    ) -> std::result::Result<Section<'de>, A::Error> {
                        let mut v = Vec::with_capacity(m.size_hint().unwrap_or(64));
                        while let Some((k, raw)) = m.next_entry::<Key<'de>, &'de RawValue>()? {
                            v.push((k.0, raw));
                        }
                        Ok(Section::Object(v))
                    }
                    fn visit_seq<A: SeqAccess<'de>>(
                        self,
                        mut s: A,
                    ) -> std::result::Result<Section<'de>, A::Error> {
                        let mut v = Vec::with_capacity(s.size_hint().unwrap_or(64));
                        while let Some(raw) = s.next_element::<&'de RawValue>()? {
                            v.push(raw);
                        }
                        Ok(Section::Array(v))
                    }
                    fn visit_unit<E>(self) -> std::result::Result<Section<'de>, E> {
                        Ok(Section::Other(Json::Null))
                    }
                }
                // Any other value fails the scan; the full parse then reports it.
                d.deserialize_any(V)
            }
        }

        /// A top-level field: a collection kept raw, or a small field parsed.
        pub enum Field<'a> {
            Section(Section<'a>),
            Value(Json),
        }

        /// The top-level object, fields in order.
        pub struct Top<'a> {
            pub fields: Vec<(Cow<'a, str>, Field<'a>)>,
        }

        impl<'de> Deserialize<'de> for Top<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Top<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut m: A,
                    ) -> std::result::Result<Top<'de>, A::Error> {
                        let mut fields = Vec::new();
                        while let Some(k) = m.next_key::<Key<'de>>()? {
                            let f = match &*k.0 {
                                GATES | CONFIGS | LAYERS | CONDITION_MAP => {
                                    Field::Section(m.next_value::<Section<'de>>()?)
                                }
                                _ => Field::Value(m.next_value::<Json>()?),
                            };
                            fields.push((k.0, f));
                        }
                        Ok(Top { fields })
                    }
                }
                d.deserialize_map(V)
            }
        }
    }

    /// Both scans' results in one comparable form.
    fn canonical_new(bytes: &[u8]) -> Option<Vec<(String, String)>> {
        let top = scan_top(bytes).ok()?;
        Some(
            top.fields
                .iter()
                .map(|(k, f)| {
                    let v = match f {
                        Field::Value(v) => format!("value {v}"),
                        Field::Section(Section::Other(v)) => format!("other {v}"),
                        Field::Section(Section::Object(e)) => format!(
                            "object {:?}",
                            e.iter()
                                .map(|(k, r)| (k.to_string(), r.to_vec()))
                                .collect::<Vec<_>>()
                        ),
                        Field::Section(Section::Array(e)) => format!("array {e:?}"),
                    };
                    (k.to_string(), v)
                })
                .collect(),
        )
    }

    fn canonical_old(bytes: &[u8]) -> Option<Vec<(String, String)>> {
        let top: oracle::Top<'_> = serde_json::from_slice(bytes).ok()?;
        Some(
            top.fields
                .iter()
                .map(|(k, f)| {
                    let v = match f {
                        oracle::Field::Value(v) => format!("value {v}"),
                        oracle::Field::Section(oracle::Section::Other(v)) => format!("other {v}"),
                        oracle::Field::Section(oracle::Section::Object(e)) => format!(
                            "object {:?}",
                            e.iter()
                                .map(|(k, r)| (k.to_string(), r.get().as_bytes().to_vec()))
                                .collect::<Vec<_>>()
                        ),
                        oracle::Field::Section(oracle::Section::Array(e)) => format!(
                            "array {:?}",
                            e.iter().map(|r| r.get().as_bytes()).collect::<Vec<_>>()
                        ),
                    };
                    (k.to_string(), v)
                })
                .collect(),
        )
    }

    fn assert_scans_agree(bytes: &[u8], what: &str) {
        assert_eq!(
            canonical_new(bytes),
            canonical_old(bytes),
            "{what}: {:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(2000)])
        );
    }

    #[test]
    fn scan_agrees_with_serde_on_the_real_payloads_whole_and_truncated() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/specs");
        let mut r = Rng(7);
        for entry in std::fs::read_dir(dir).expect("../shared/specs") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            assert_scans_agree(&bytes, &path.display().to_string());
            for _ in 0..40 {
                let cut = r.below(bytes.len() + 1);
                assert_scans_agree(&bytes[..cut], "truncated");
                let mut damaged = bytes.clone();
                mutate(&mut r, &mut damaged);
                assert_scans_agree(&damaged, "damaged");
            }
        }
    }

    #[test]
    fn scan_agrees_with_serde_on_nesting_limits() {
        for depth in 120..135 {
            for key in ["time", GATES] {
                let v = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                let p = format!(r#"{{"{key}":{v}}}"#);
                assert_scans_agree(p.as_bytes(), &format!("{key} {depth}"));
                let p = format!(r#"{{"{key}":[{v}]}}"#);
                assert_scans_agree(p.as_bytes(), &format!("{key} [{depth}]"));
            }
        }
    }

    #[test]
    fn scan_agrees_with_serde_on_edge_cases() {
        for p in [
            &br#"{}"#[..],
            b" { } ",
            b"{} x",
            b"{\"feature_gates\":null}",
            b"{\"feature_gates\":nul}",
            b"{\"feature_gates\":true}",
            b"{\"feature_gates\":\"x\"}",
            b"{\"feature_gates\":5}",
            b"{\"feature_gates\":{}}",
            b"{\"feature_gates\":[]}",
            b"{\"feature_gates\":{,}}",
            b"{\"feature_gates\":{\"a\":1,}}",
            b"{\"feature_gates\":[1,]}",
            b"{\"feature\\u005fgates\":{\"a\\u0062\":{}}}",
            b"{\"feature_gates\":{\"\\ud800\":{}}}",
            b"{\"feature_gates\":{\"a\":\"\\ud800\"}}",
            b"{\"\\ud800\":1}",
            b"{\"time\":\"\\ud800\"}",
            b"{\"time\":1e400}",
            b"{\"feature_gates\":{\"a\":1e400}}",
            b"{\"time\":-0.0}",
            b"{\"time\":1,\"time\":2}",
            b"{\"time\":1 \"x\":2}",
            b"{\"time\"}",
            b"{\"time\":}",
            b"{time:1}",
            b"{\"a\":\"\xff\"}",
            b"{\"feature_gates\":{\"a\":\"\xc3\xa9\"}}",
            b"{\"feature_gates\":{\"\xc3\":1}}",
            b"\t{\"time\":1}\r\n",
        ] {
            assert_scans_agree(p, "edge case");
        }
    }

    /// Random payloads, whole and damaged. `SCAN_CASES` sets the number of cases.
    #[test]
    fn scan_agrees_with_serde_on_random_payloads() {
        let cases: usize = std::env::var("SCAN_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(20_000);
        let mut r = Rng(0x2545_f491_4f6c_dd1d);
        let mut accepted = 0;
        for _ in 0..cases {
            let mut p = b"{".to_vec();
            for k in 0..r.below(5) {
                if k > 0 {
                    p.push(b',');
                }
                let name =
                    [GATES, CONFIGS, LAYERS, CONDITION_MAP, "time", "has_updates"][r.below(6)];
                p.extend_from_slice(format!("\"{name}\":").as_bytes());
                gen_value(&mut r, 0, &mut p);
            }
            p.push(b'}');
            for _ in 0..r.below(3) {
                mutate(&mut r, &mut p);
            }
            if canonical_old(&p).is_some() {
                accepted += 1;
            }
            assert_scans_agree(&p, "random");
        }
        assert!(accepted > cases / 10, "{accepted}");
    }

    fn lazy(bytes: &[u8], kind: Kind, name: &str) -> CompiledSpecs {
        match parse_payload_for(bytes, "t", &[(kind, name)]).unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!("no updates"),
        }
    }

    fn record(specs: &CompiledSpecs, user: &User, kind: Kind, name: &str) -> String {
        let opts = EvalOptions {
            app_id: specs.app_id.as_deref(),
            now_ms: 1_767_000_000_000,
        };
        let mut ev = Evaluator::new(specs, user, opts);
        let r = ev.evaluate(kind, name).clone();
        let mut out = Vec::new();
        match specs.get(kind, name) {
            Some(spec) => write_entity_record(&mut out, kind, spec, &r),
            None => out.extend_from_slice(b"absent"),
        }
        out.extend_from_slice(format!(" {:?} {:?}", r.reason(), r.override_config_name).as_bytes());
        String::from_utf8(out).unwrap()
    }

    /// Every entity of the real payloads, for a few users, evaluates the same from the lazy
    /// compile of that entity as from the full compile.
    #[test]
    fn lazy_matches_full_for_every_entity() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/specs");
        let users = [
            r#"{"userID":"1","email":"a@statsig.com","country":"US"}"#,
            r#"{"userID":"user-7","email":"x@example.com","customIDs":{"companyID":"c3","stableID":"s"}}"#,
            r#"{"customIDs":{"stableID":"s9"},"ip":"1.2.3.4","userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"}"#,
        ];
        let users: Vec<User> = users.iter().map(|u| User::parse(u, "u").unwrap()).collect();
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).expect("../shared/specs") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let Ok(Parsed::Specs(all)) = parse_payload(&bytes, "t") else {
                continue;
            };
            for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
                for spec in all.specs(kind) {
                    let one = lazy(&bytes, kind, &spec.name);
                    assert!(one.specs(kind).len() <= all.specs(kind).len());
                    for u in &users {
                        assert_eq!(
                            record(&one, u, kind, &spec.name),
                            record(&all, u, kind, &spec.name),
                            "{}: {kind:?} {}",
                            path.display(),
                            spec.name
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 200, "only {checked} entities checked");
    }

    const V2: &str = r#"{"response_format":"dcs-v2","time":5,"has_updates":true,
      "feature_gates":{
        "root":{"salt":"s","enabled":true,"defaultValue":false,"idType":"userID","rules":[
          {"id":"r","salt":"r","passPercentage":100,"idType":"userID","conditions":["c1","c2"]}]},
        "inner":{"salt":"s","enabled":true,"defaultValue":false,"idType":"userID","rules":[
          {"id":"ri","salt":"ri","passPercentage":100,"idType":"userID","conditions":["c0"]}]},
        "multi_a":{"salt":"s","enabled":true,"defaultValue":true,"idType":"userID","rules":[]},
        "unrelated":{"salt":5}},
      "dynamic_configs":{
        "exp":{"salt":"e","enabled":true,"defaultValue":{},"idType":"userID","rules":[
          {"id":"g","salt":"g","passPercentage":100,"groupName":"G","idType":"userID","conditions":["c0"]}]},
        "other":{"salt":"o","enabled":true,"defaultValue":{},"idType":"userID","rules":[]}},
      "layer_configs":{
        "layer":{"salt":"l","enabled":true,"defaultValue":{},"idType":"userID","rules":[
          {"id":"d","salt":"","passPercentage":100,"idType":"userID","conditions":["c0"],
           "configDelegate":"exp"}]}},
      "condition_map":{
        "c0":{"type":"public"},
        "c1":{"type":"pass_gate","targetValue":"inner"},
        "c2":{"type":"multi_fail_gate","targetValue":["multi_a","nope"]},
        "c3":{"type":"experiment_group","field":"exp","operator":"any","targetValue":["G"]}},
      "overrides":{"other":[{"new_config_name":"exp","rules":[{"rule_name":"or","start_time":0}]}]},
      "override_rules":{"or":{"id":"or","salt":"or","passPercentage":100,"conditions":["c3"]}}}"#;

    fn names(specs: &CompiledSpecs, kind: Kind) -> Vec<&str> {
        specs.specs(kind).iter().map(|s| &*s.name).collect()
    }

    #[test]
    fn picks_the_root_and_what_it_references() {
        let s = lazy(V2.as_bytes(), Kind::Gate, "root");
        assert_eq!(names(&s, Kind::Gate), ["root", "inner", "multi_a"]);
        // override_rules are compiled whole, and c3 names the experiment.
        assert_eq!(names(&s, Kind::Config), ["exp"]);
        assert!(names(&s, Kind::Layer).is_empty());
        let s = lazy(V2.as_bytes(), Kind::Layer, "layer");
        assert_eq!(names(&s, Kind::Layer), ["layer"]);
        assert_eq!(names(&s, Kind::Config), ["exp"]);
        // A config mapping brings its target.
        let s = lazy(V2.as_bytes(), Kind::Config, "other");
        assert_eq!(names(&s, Kind::Config), ["exp", "other"]);
    }

    #[test]
    fn type_errors_of_specs_never_read_are_not_reported() {
        // The full compile rejects "unrelated" (a numeric salt); the lazy one never reads it.
        assert!(parse_payload(V2.as_bytes(), "t").is_err());
        let e = parse_payload_for(V2.as_bytes(), "t", &[(Kind::Gate, "unrelated")])
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "t: feature_gates.unrelated.salt: expected a string, found a number"
        );
    }

    #[test]
    fn structural_and_syntax_errors_are_the_full_parse_ones() {
        for bad in [
            &br#"{"feature_gates":{"a":5},"dynamic_configs":{}}"#[..],
            br#"{"feature_gates":[{"name":"a"},{"nom":"b"}]}"#,
            br#"{"feature_gates":7}"#,
            br#"{"feature_gates":{"a":{}},"#,
            b"[1]",
            b"\"{\\\"feature_gates\\\":{}}\"",
            br#"{"has_updates":false}"#,
            b"{}",
        ] {
            let lazy = parse_payload_for(bad, "t", &[(Kind::Gate, "a")]).map(|p| match p {
                Parsed::Specs(s) => format!("specs {}", s.gates.len()),
                Parsed::NoUpdates => "no updates".into(),
            });
            let full = parse_payload(bad, "t").map(|p| match p {
                Parsed::Specs(s) => format!("specs {}", s.gates.len()),
                Parsed::NoUpdates => "no updates".into(),
            });
            assert_eq!(
                lazy.map_err(|e| e.to_string()),
                full.map_err(|e| e.to_string()),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn v1_arrays_and_duplicates() {
        let v1 = br#"{"feature_gates":[
          {"name":"g","salt":"first","idType":"userID","rules":[]},
          {"name":"x","salt":"x","idType":"userID","rules":[]},
          {"name":"g","salt":"second","idType":"userID","rules":[]}],
          "dynamic_configs":[],"layer_configs":[]}"#;
        let s = lazy(v1, Kind::Gate, "g");
        assert_eq!(names(&s, Kind::Gate), ["g", "g"]);
        assert_eq!(&*s.get(Kind::Gate, "g").unwrap().salt, "second");
        // Messages name the element by its index in the whole array.
        let bad = br#"{"feature_gates":[{"name":"x","rules":[]},{"name":"g","salt":1}]}"#;
        let e = parse_payload_for(bad, "t", &[(Kind::Gate, "g")])
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "t: feature_gates[1].salt: expected a string, found a number"
        );
    }
}
