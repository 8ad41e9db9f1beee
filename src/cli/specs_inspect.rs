//! `specs list`, `specs show`, `specs diff`: looking at specs without evaluating them. They
//! read the compiled model, so a v1 payload and its v2 twin list, show and diff alike.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::PathBuf;

use comfy_table::{CellAlignment, Table};
use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::cli::common::load_specs;
use crate::error::{Error, Result};
use crate::output::describe::{self, Category, compact, spec_json, write_spec_text};
use crate::source::{self, SourceArgs};
use crate::spec::model::{CompiledSpecs, Kind, Spec};
use crate::spec::{Parsed, parse_payload};

/// An entity kind to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Feature gates (not segments or holdouts).
    Gate,
    Segment,
    Holdout,
    /// Dynamic configs (not experiments or autotunes).
    Config,
    Experiment,
    Autotune,
    Layer,
    /// Parameter stores (`param_stores`).
    ParamStore,
}

impl KindArg {
    fn category(self) -> Option<Category> {
        Some(match self {
            KindArg::Gate => Category::Gate,
            KindArg::Segment => Category::Segment,
            KindArg::Holdout => Category::Holdout,
            KindArg::Config => Category::Config,
            KindArg::Experiment => Category::Experiment,
            KindArg::Autotune => Category::Autotune,
            KindArg::Layer => Category::Layer,
            KindArg::ParamStore => return None,
        })
    }
}

fn kind_matches(filter: &[KindArg], spec: &Spec) -> bool {
    filter.is_empty()
        || filter
            .iter()
            .any(|k| k.category() == Some(Category::of(spec)))
}

fn stores_wanted(filter: &[KindArg]) -> bool {
    filter.is_empty() || filter.contains(&KindArg::ParamStore)
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Only these kinds (repeat the flag or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Print a JSON array of objects instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// The entity's name; every gate, config and layer of that name is shown.
    pub name: String,
    /// Only entities of these kinds (repeat the flag or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Print a JSON array (one object per matching entity) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The old payload (v1 or v2; `-` reads stdin).
    pub old: PathBuf,
    /// The new payload; without it, the specs the source options give (e.g. `--specs FILE`).
    pub new: Option<PathBuf>,
    /// Print the differences as one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub source: SourceArgs,
}

fn print(text: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text)
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

fn all_specs(specs: &CompiledSpecs) -> impl Iterator<Item = &Spec> {
    [Kind::Gate, Kind::Config, Kind::Layer]
        .into_iter()
        .flat_map(move |kind| {
            specs
                .specs(kind)
                .iter()
                .enumerate()
                // A name given twice in a v1 array: the later spec is the one in force.
                .filter(move |(i, s)| specs.index(kind, &s.name) == Some(*i as u32))
                .map(|(_, s)| s)
        })
}

/// One row of `specs list`.
#[derive(Debug, Serialize)]
struct ListRow<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    type_: &'static str,
    collection: &'static str,
    entity: Option<&'a str>,
    enabled: bool,
    id_type: &'a str,
    rules: usize,
    target_apps: Option<Vec<&'a str>>,
}

fn list_rows<'a>(specs: &'a CompiledSpecs, filter: &[KindArg]) -> Vec<ListRow<'a>> {
    let mut rows: Vec<(Category, ListRow<'a>)> = all_specs(specs)
        .filter(|s| kind_matches(filter, s))
        .map(|s| {
            let cat = Category::of(s);
            let entity = match s.entity {
                crate::spec::model::Entity::Missing => None,
                ref e => Some(e.as_str()),
            };
            let row = ListRow {
                name: &s.name,
                type_: cat.as_str(),
                collection: describe::collection(s.kind),
                entity,
                enabled: s.enabled,
                id_type: &s.id_type,
                rules: s.rules.len(),
                target_apps: s
                    .target_app_ids
                    .as_ref()
                    .map(|v| v.iter().map(|a| &**a).collect()),
            };
            (cat, row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(b.1.name)));
    let mut rows: Vec<ListRow<'a>> = rows.into_iter().map(|(_, r)| r).collect();
    if stores_wanted(filter) {
        let mut stores: Vec<_> = specs.stores.stores.iter().collect();
        stores.sort_by(|a, b| a.name.cmp(&b.name));
        // A store has parameters where a spec has rules: RULES counts them.
        rows.extend(stores.into_iter().map(|s| {
            ListRow {
                name: &s.name,
                type_: "param_store",
                collection: "param_stores",
                entity: None,
                enabled: true,
                id_type: "",
                rules: s.parameters.len(),
                target_apps: s
                    .target_app_ids
                    .as_ref()
                    .map(|v| v.iter().map(|a| &**a).collect()),
            }
        }));
    }
    rows
}

fn list_table(rows: &[ListRow<'_>]) -> String {
    let mut t = Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    t.set_header(vec![
        "NAME",
        "TYPE",
        "ENABLED",
        "ID TYPE",
        "RULES",
        "TARGET APPS",
    ]);
    for r in rows {
        let kind = match r.entity {
            Some(e)
                if e != r.type_
                    && !matches!(
                        (r.type_, e),
                        ("gate", "feature_gate") | ("config", "dynamic_config")
                    ) =>
            {
                format!("{} ({e})", r.type_)
            }
            _ => r.type_.to_string(),
        };
        t.add_row(vec![
            r.name.to_string(),
            kind,
            if r.enabled { "yes" } else { "no" }.to_string(),
            r.id_type.to_string(),
            r.rules.to_string(),
            r.target_apps
                .as_ref()
                .map(|a| {
                    if a.is_empty() {
                        "(none)".to_string()
                    } else {
                        a.join(", ")
                    }
                })
                .unwrap_or_default(),
        ]);
    }
    if let Some(c) = t.column_mut(4) {
        c.set_cell_alignment(CellAlignment::Right);
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

pub fn list(a: &ListArgs) -> Result<i32> {
    let loaded = load_specs(&a.source)?;
    let rows = list_rows(&loaded.specs, &a.kind);
    if a.json {
        let mut out = serde_json::to_vec_pretty(&rows).map_err(|e| Error::input(e.to_string()))?;
        out.push(b'\n');
        print(&out)?;
    } else {
        print(list_table(&rows).as_bytes())?;
    }
    Ok(0)
}

/// Names that look like `name`, for an "unknown entity" message.
fn similar_names<'a>(specs: &'a CompiledSpecs, name: &str) -> Vec<&'a str> {
    let want = name.to_lowercase();
    let mut v: Vec<&str> = all_specs(specs)
        .map(|s| &*s.name)
        .chain(specs.stores.stores.iter().map(|s| &*s.name))
        .filter(|n| {
            let l = n.to_lowercase();
            l.contains(&want) || want.contains(&l)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v.truncate(5);
    v
}

pub fn show(a: &ShowArgs) -> Result<i32> {
    let loaded = load_specs(&a.source)?;
    let specs = &loaded.specs;
    let found: Vec<&Spec> = [Kind::Gate, Kind::Config, Kind::Layer]
        .into_iter()
        .filter_map(|k| specs.get(k, &a.name))
        .filter(|s| kind_matches(&a.kind, s))
        .collect();
    let store = specs.stores.get(&a.name).filter(|_| stores_wanted(&a.kind));
    if found.is_empty() && store.is_none() {
        let mut msg = format!(
            "{}: no gate, config, layer or parameter store named {:?}",
            loaded.origin, a.name
        );
        if !a.kind.is_empty() {
            msg.push_str(" of the kinds asked for");
        }
        let similar = similar_names(specs, &a.name);
        if !similar.is_empty() {
            msg.push_str(&format!("; similar names: {}", similar.join(", ")));
        }
        return Err(Error::input(msg));
    }
    if a.json {
        let mut v: Vec<Json> = found.iter().map(|s| spec_json(specs, s)).collect();
        v.extend(store.map(describe::param_store_json));
        let mut out = serde_json::to_vec_pretty(&v).map_err(|e| Error::input(e.to_string()))?;
        out.push(b'\n');
        print(&out)?;
    } else {
        let mut out = String::new();
        for (i, s) in found.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            write_spec_text(&mut out, specs, s);
        }
        if let Some(store) = store {
            if !found.is_empty() {
                out.push('\n');
            }
            describe::write_param_store_text(&mut out, store);
        }
        print(out.as_bytes())?;
    }
    Ok(0)
}

// ---------------------------------------------------------------------------------------
// diff

#[derive(Debug, Serialize, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub old: Json,
    pub new: Json,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct EntityRef {
    pub collection: &'static str,
    #[serde(rename = "type")]
    pub type_: String,
    pub name: String,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct RuleRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct ConditionsChange {
    /// Condition lines only in the old rule.
    pub removed: Vec<String>,
    /// Condition lines only in the new rule.
    pub added: Vec<String>,
    pub old: Vec<String>,
    pub new: Vec<String>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct RuleChange {
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
    pub conditions: Option<ConditionsChange>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct EntityChange {
    pub collection: &'static str,
    #[serde(rename = "type")]
    pub type_: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
    pub rules_added: Vec<RuleRef>,
    pub rules_removed: Vec<RuleRef>,
    pub rules_changed: Vec<RuleChange>,
    /// Rule ids in order, old and new, when the rules both sides have were reordered.
    pub rule_order: Option<FieldChange>,
}

/// The semantic difference of two payloads.
#[derive(Debug, Serialize, PartialEq)]
pub struct SpecsDiff {
    pub identical: bool,
    pub old: String,
    pub new: String,
    /// Top-level fields that matter to evaluation (`app_id`, `default_environment`, ...).
    pub payload: Vec<FieldChange>,
    pub added: Vec<EntityRef>,
    pub removed: Vec<EntityRef>,
    pub changed: Vec<EntityChange>,
}

fn sorted_map(m: Option<&HashMap<Box<str>, Option<Box<str>>>>) -> Json {
    match m {
        None => Json::Null,
        Some(m) => {
            let b: BTreeMap<&str, Option<&str>> =
                m.iter().map(|(k, v)| (&**k, v.as_deref())).collect();
            json!(b)
        }
    }
}

fn payload_fields(s: &CompiledSpecs) -> Vec<(&'static str, Json)> {
    vec![
        ("app_id", json!(s.app_id.as_deref())),
        (
            "default_environment",
            json!(s.default_environment.as_deref()),
        ),
        (
            "sdk_keys_to_app_ids",
            sorted_map(s.sdk_keys_to_app_ids.as_ref()),
        ),
        (
            "hashed_sdk_keys_to_app_ids",
            sorted_map(s.hashed_sdk_keys_to_app_ids.as_ref()),
        ),
        (
            "param_stores",
            s.param_stores
                .as_deref()
                .and_then(|p| serde_json::from_str(p).ok())
                .unwrap_or(Json::Null),
        ),
    ]
}

/// A condition's JSON with what does not change its meaning taken out: the display `text`,
/// and the spelling of a `user_bucket` membership target (v2 may send `{"330": true}` where
/// v1 sends `[330]`).
fn semantic_condition(c: &Json) -> Json {
    let mut c = c.clone();
    if let Some(o) = c.as_object_mut() {
        o.remove("text");
        let bucket = o.get("type").and_then(Json::as_str) == Some("user_bucket");
        let set_op = matches!(
            o.get("operator")
                .and_then(Json::as_str)
                .map(str::to_lowercase)
                .as_deref(),
            Some("any" | "none")
        );
        if bucket && set_op {
            let mut members: Vec<String> = match o.get("target") {
                Some(Json::Object(m)) => m.keys().cloned().collect(),
                Some(Json::Array(a)) => a
                    .iter()
                    .map(|x| match x {
                        Json::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if !members.is_empty() {
                members.sort();
                members.dedup();
                o.insert("target".into(), json!(members));
            }
        }
    }
    c
}

fn texts(conds: &Json) -> Vec<String> {
    conds
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Elements of `a` not matched one-for-one in `b`, in `a`'s order.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<Option<&String>> = b.iter().map(Some).collect();
    a.iter()
        .filter(|x| {
            if let Some(slot) = left.iter_mut().find(|s| s.is_some_and(|s| s == *x)) {
                *slot = None;
                false
            } else {
                true
            }
        })
        .cloned()
        .collect()
}

/// Changed fields of two JSON objects, in the old object's key order then new keys.
fn field_changes(old: &Json, new: &Json, skip: &[&str]) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = o.keys().collect();
    keys.extend(n.keys().filter(|k| !o.contains_key(*k)));
    keys.into_iter()
        .filter(|k| !skip.contains(&k.as_str()))
        .filter_map(|k| {
            let a = o.get(k).cloned().unwrap_or(Json::Null);
            let b = n.get(k).cloned().unwrap_or(Json::Null);
            (a != b).then(|| FieldChange {
                field: k.clone(),
                old: a,
                new: b,
            })
        })
        .collect()
}

/// Rules keyed by id; a repeated id gets `#2`, `#3`, ... on its later occurrences.
fn keyed_rules(spec: &Json) -> Vec<(String, &Json)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    spec["rules"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let id = r["id"].as_str().unwrap_or_default().to_string();
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            let key = if *n == 1 { id } else { format!("{id}#{n}") };
            (key, r)
        })
        .collect()
}

fn rule_ref(key: &str, r: &Json) -> RuleRef {
    RuleRef {
        id: key.to_string(),
        name: r["name"].as_str().unwrap_or_default().to_string(),
    }
}

fn diff_rule(key: &str, old: &Json, new: &Json) -> Option<RuleChange> {
    let fields = field_changes(old, new, &["id", "conditions"]);
    let oc: Vec<Json> = old["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(semantic_condition)
        .collect();
    let nc: Vec<Json> = new["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(semantic_condition)
        .collect();
    let conditions = (oc != nc).then(|| {
        let (ot, nt) = (texts(&old["conditions"]), texts(&new["conditions"]));
        ConditionsChange {
            removed: minus(&ot, &nt),
            added: minus(&nt, &ot),
            old: ot,
            new: nt,
        }
    });
    (!fields.is_empty() || conditions.is_some()).then(|| RuleChange {
        id: key.to_string(),
        name: new["name"].as_str().unwrap_or_default().to_string(),
        fields,
        conditions,
    })
}

fn diff_entity(kind: Kind, name: &str, old: &Json, new: &Json) -> Option<EntityChange> {
    let fields = field_changes(old, new, &["name", "rules"]);
    let or = keyed_rules(old);
    let nr = keyed_rules(new);
    let om: HashMap<&str, &Json> = or.iter().map(|(k, r)| (k.as_str(), *r)).collect();
    let nm: HashMap<&str, &Json> = nr.iter().map(|(k, r)| (k.as_str(), *r)).collect();
    let rules_added: Vec<RuleRef> = nr
        .iter()
        .filter(|(k, _)| !om.contains_key(k.as_str()))
        .map(|(k, r)| rule_ref(k, r))
        .collect();
    let rules_removed: Vec<RuleRef> = or
        .iter()
        .filter(|(k, _)| !nm.contains_key(k.as_str()))
        .map(|(k, r)| rule_ref(k, r))
        .collect();
    let rules_changed: Vec<RuleChange> = nr
        .iter()
        .filter_map(|(k, r)| om.get(k.as_str()).and_then(|o| diff_rule(k, o, r)))
        .collect();
    let common_old: Vec<&str> = or
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| nm.contains_key(k))
        .collect();
    let common_new: Vec<&str> = nr
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| om.contains_key(k))
        .collect();
    let rule_order = (common_old != common_new).then(|| FieldChange {
        field: "rule_order".into(),
        old: json!(or.iter().map(|(k, _)| k).collect::<Vec<_>>()),
        new: json!(nr.iter().map(|(k, _)| k).collect::<Vec<_>>()),
    });
    let changed = !fields.is_empty()
        || !rules_added.is_empty()
        || !rules_removed.is_empty()
        || !rules_changed.is_empty()
        || rule_order.is_some();
    changed.then(|| EntityChange {
        collection: describe::collection(kind),
        type_: new["type"].as_str().unwrap_or_default().to_string(),
        name: name.to_string(),
        fields,
        rules_added,
        rules_removed,
        rules_changed,
        rule_order,
    })
}

fn entity_map(specs: &CompiledSpecs, kind: Kind) -> BTreeMap<&str, Json> {
    all_specs(specs)
        .filter(|s| s.kind == kind)
        .map(|s| (&*s.name, spec_json(specs, s)))
        .collect()
}

fn entity_ref(kind: Kind, name: &str, spec: &Json) -> EntityRef {
    EntityRef {
        collection: describe::collection(kind),
        type_: spec["type"].as_str().unwrap_or_default().to_string(),
        name: name.to_string(),
    }
}

/// Compares two compiled payloads entity by entity and rule by rule.
pub fn diff_specs(old: &CompiledSpecs, new: &CompiledSpecs) -> SpecsDiff {
    let payload = {
        let o = payload_fields(old);
        let n = payload_fields(new);
        o.into_iter()
            .zip(n)
            .filter(|((_, a), (_, b))| a != b)
            .map(|((k, a), (_, b))| FieldChange {
                field: k.to_string(),
                old: a,
                new: b,
            })
            .collect::<Vec<_>>()
    };
    let (mut added, mut removed, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
        let om = entity_map(old, kind);
        let nm = entity_map(new, kind);
        for (name, o) in &om {
            match nm.get(name) {
                None => removed.push(entity_ref(kind, name, o)),
                Some(n) => changed.extend(diff_entity(kind, name, o, n)),
            }
        }
        for (name, n) in &nm {
            if !om.contains_key(name) {
                added.push(entity_ref(kind, name, n));
            }
        }
    }
    SpecsDiff {
        identical: payload.is_empty()
            && added.is_empty()
            && removed.is_empty()
            && changed.is_empty(),
        old: String::new(),
        new: String::new(),
        payload,
        added,
        removed,
        changed,
    }
}

fn write_field(out: &mut String, indent: &str, f: &FieldChange) {
    out.push_str(&format!(
        "{indent}{}: {} -> {}\n",
        f.field,
        compact(&f.old),
        compact(&f.new)
    ));
}

fn rule_label(id: &str, name: &str) -> String {
    if name.is_empty() || name == id {
        format!("rule {id}")
    } else {
        format!("rule {id} ({name:?})")
    }
}

/// The readable form of a diff.
pub fn diff_text(d: &SpecsDiff) -> String {
    if d.identical {
        return format!("no differences between {} and {}\n", d.old, d.new);
    }
    let mut out = format!("--- {}\n+++ {}\n", d.old, d.new);
    for f in &d.payload {
        write_field(&mut out, "payload ", f);
    }
    for e in &d.removed {
        out.push_str(&format!("- {} {}\n", e.type_, e.name));
    }
    for e in &d.added {
        out.push_str(&format!("+ {} {}\n", e.type_, e.name));
    }
    for c in &d.changed {
        out.push_str(&format!("~ {} {}\n", c.type_, c.name));
        for f in &c.fields {
            write_field(&mut out, "    ", f);
        }
        for r in &c.rules_removed {
            out.push_str(&format!("    - {}\n", rule_label(&r.id, &r.name)));
        }
        for r in &c.rules_added {
            out.push_str(&format!("    + {}\n", rule_label(&r.id, &r.name)));
        }
        for r in &c.rules_changed {
            out.push_str(&format!("    ~ {}\n", rule_label(&r.id, &r.name)));
            for f in &r.fields {
                write_field(&mut out, "        ", f);
            }
            if let Some(cc) = &r.conditions {
                out.push_str("        conditions:\n");
                for l in &cc.removed {
                    out.push_str(&format!("          - {l}\n"));
                }
                for l in &cc.added {
                    out.push_str(&format!("          + {l}\n"));
                }
                if cc.removed.is_empty() && cc.added.is_empty() {
                    out.push_str("          (reordered)\n");
                }
            }
        }
        if let Some(f) = &c.rule_order {
            write_field(&mut out, "    ", f);
        }
    }
    out.push_str(&format!(
        "{} added, {} removed, {} changed{}\n",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        if d.payload.is_empty() {
            ""
        } else {
            ", payload fields changed"
        }
    ));
    out
}

fn compile_loaded(loaded: source::Loaded) -> Result<(CompiledSpecs, String)> {
    match parse_payload(&loaded.bytes, &loaded.origin)? {
        Parsed::Specs(s) => Ok((*s, loaded.origin)),
        Parsed::NoUpdates => Err(Error::input(format!(
            "{}: the payload says has_updates: false and holds no specs",
            loaded.origin
        ))),
    }
}

pub fn diff(a: &DiffArgs) -> Result<i32> {
    let (old, old_origin) = compile_loaded(source::file::load(&a.old)?)?;
    let (new, new_origin) = match &a.new {
        Some(p) => compile_loaded(source::file::load(p)?)?,
        None => compile_loaded(source::load(&a.source)?)?,
    };
    let mut d = diff_specs(&old, &new);
    d.old = old_origin;
    d.new = new_origin;
    if a.json {
        let mut out = serde_json::to_vec_pretty(&d).map_err(|e| Error::input(e.to_string()))?;
        out.push(b'\n');
        print(&out)?;
    } else {
        print(diff_text(&d).as_bytes())?;
    }
    Ok(if d.identical { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(text: &str) -> CompiledSpecs {
        match parse_payload(text.as_bytes(), "test").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!("no specs"),
        }
    }

    const V1: &str = r#"{"feature_gates":[{"name":"g","type":"feature_gate","entity":"feature_gate",
        "salt":"s","enabled":true,"defaultValue":false,"idType":"userID","rules":[
          {"id":"r1","name":"emails","passPercentage":100,"returnValue":true,"idType":"userID",
           "conditions":[{"type":"user_field","field":"email","operator":"str_ends_with_any","targetValue":["@a.com"]}]},
          {"id":"r2","name":"bucket","passPercentage":50,"returnValue":true,"idType":"userID",
           "conditions":[{"type":"user_bucket","operator":"any","targetValue":[1,2],"additionalValues":{"salt":"x"}}]}]}],
        "dynamic_configs":[],"layer_configs":[]}"#;

    const V2: &str = r#"{"response_format":"dcs-v2","condition_map":{
          "1":{"type":"user_field","field":"email","operator":"str_ends_with_any","targetValue":["@a.com"]},
          "2":{"type":"user_bucket","operator":"any","targetValue":{"2":true,"1":true},"additionalValues":{"salt":"x"}}},
        "feature_gates":{"g":{"type":"feature_gate","entity":"feature_gate",
        "salt":"s","enabled":true,"defaultValue":false,"idType":"userID","rules":[
          {"id":"r1","name":"emails","passPercentage":100,"returnValue":true,"idType":"userID","conditions":["1"]},
          {"id":"r2","name":"bucket","passPercentage":50,"returnValue":true,"idType":"userID","conditions":["2"]}]}},
        "dynamic_configs":{},"layer_configs":{}}"#;

    #[test]
    fn v1_and_v2_twins_are_identical() {
        let d = diff_specs(&compile(V1), &compile(V2));
        assert!(d.identical, "{d:#?}");
    }

    #[test]
    fn reports_rule_field_and_condition_changes() {
        let new = V1
            .replace("\"passPercentage\":50", "\"passPercentage\":25")
            .replace("@a.com", "@b.com");
        let d = diff_specs(&compile(V1), &compile(&new));
        assert!(!d.identical);
        assert_eq!(d.changed.len(), 1);
        let c = &d.changed[0];
        assert_eq!(c.name, "g");
        assert!(c.fields.is_empty());
        assert_eq!(c.rules_changed.len(), 2);
        assert_eq!(c.rules_changed[0].id, "r1");
        let cc = c.rules_changed[0].conditions.as_ref().unwrap();
        assert_eq!(
            cc.removed,
            [r#"user_field email str_ends_with_any ["@a.com"]"#]
        );
        assert_eq!(
            cc.added,
            [r#"user_field email str_ends_with_any ["@b.com"]"#]
        );
        assert_eq!(
            c.rules_changed[1].fields,
            [FieldChange {
                field: "pass_percentage".into(),
                old: json!(50),
                new: json!(25)
            }]
        );
    }

    #[test]
    fn reports_added_removed_entities_and_rule_order() {
        let swapped = V2.replace(
            r#""rules":[
          {"id":"r1","name":"emails","passPercentage":100,"returnValue":true,"idType":"userID","conditions":["1"]},
          {"id":"r2","name":"bucket","passPercentage":50,"returnValue":true,"idType":"userID","conditions":["2"]}]"#,
            r#""rules":[
          {"id":"r2","name":"bucket","passPercentage":50,"returnValue":true,"idType":"userID","conditions":["2"]},
          {"id":"r1","name":"emails","passPercentage":100,"returnValue":true,"idType":"userID","conditions":["1"]}]"#,
        )
        .replace(
            r#""layer_configs":{}"#,
            r#""layer_configs":{"l":{"idType":"userID","defaultValue":{}}}"#,
        );
        assert_ne!(swapped, V2);
        let d = diff_specs(&compile(V1), &compile(&swapped));
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].name, "l");
        assert_eq!(d.added[0].type_, "layer");
        let order = d.changed[0].rule_order.as_ref().unwrap();
        assert_eq!(order.old, json!(["r1", "r2"]));
        assert_eq!(order.new, json!(["r2", "r1"]));
        let text = diff_text(&d);
        assert!(text.contains("+ layer l\n"), "{text}");
        assert!(
            text.contains("rule_order: [\"r1\",\"r2\"] -> [\"r2\",\"r1\"]"),
            "{text}"
        );
        let back = diff_specs(&compile(&swapped), &compile(V1));
        assert_eq!(back.removed[0].name, "l");
    }

    #[test]
    fn duplicate_rule_ids_are_numbered() {
        let j = json!({"rules": [{"id": "a"}, {"id": "b"}, {"id": "a"}]});
        let keys: Vec<String> = keyed_rules(&j).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b", "a#2"]);
    }

    #[test]
    fn minus_is_a_multiset_difference() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(minus(&s(&["a", "a", "b"]), &s(&["a", "c"])), s(&["a", "b"]));
    }
}
