//! Descriptions of compiled specs: what kind of entity a spec is, its conditions as one line
//! each, the rows of a listing, and a JSON form of a spec that `specs show --json` prints and
//! the [`super::diff`] compares. Everything here reads the compiled model, so v1 and v2
//! payloads describe alike.

use std::fmt::Write as _;

use serde_json::{Map, Value as Json, json};

use serde::Serialize;

use crate::spec::model::{CompiledSpecs, CondKind, Condition, Entity, Kind, Rule, Spec};
use crate::spec::param_store::ParamStore;

/// What a spec is, as a person would name it: the collection refined by the `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Gate,
    Segment,
    Holdout,
    Config,
    Experiment,
    Autotune,
    Layer,
    /// A parameter store (`param_stores`), not a spec.
    ParamStore,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Gate,
        Category::Segment,
        Category::Holdout,
        Category::Config,
        Category::Experiment,
        Category::Autotune,
        Category::Layer,
        Category::ParamStore,
    ];

    /// A spec's category. A missing or unknown `entity` falls back to the collection.
    pub fn of(spec: &Spec) -> Category {
        match (spec.kind, &spec.entity) {
            (Kind::Gate, Entity::Segment) => Category::Segment,
            (Kind::Gate, Entity::Holdout) => Category::Holdout,
            (Kind::Gate, _) => Category::Gate,
            (Kind::Config, Entity::Experiment) => Category::Experiment,
            (Kind::Config, Entity::Autotune) => Category::Autotune,
            (Kind::Config, _) => Category::Config,
            (Kind::Layer, _) => Category::Layer,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Gate => "gate",
            Category::Segment => "segment",
            Category::Holdout => "holdout",
            Category::Config => "config",
            Category::Experiment => "experiment",
            Category::Autotune => "autotune",
            Category::Layer => "layer",
            Category::ParamStore => "param_store",
        }
    }
}

/// The collection a kind names in a payload, singular (`gate`, `config`, `layer`).
pub fn collection(kind: Kind) -> &'static str {
    match kind {
        Kind::Gate => "gate",
        Kind::Config => "config",
        Kind::Layer => "layer",
    }
}

/// A percentage without a needless fraction: `100%`, `12.5%`.
pub fn percentage(p: f64) -> String {
    format!("{p}%")
}

/// A float as JSON, whole numbers without a fraction (`100`, not `100.0`).
fn number(f: f64) -> Json {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        json!(f as i64)
    } else {
        json!(f)
    }
}

/// Whether a condition's id type is worth mentioning (anything but the default `userID`).
fn notable_id_type(c: &Condition) -> Option<&str> {
    (!c.id_type.is_user_id).then_some(&*c.id_type.name)
}

/// One condition as `type [field] [operator] [target]`, e.g.
/// `user_field email str_ends_with_any ["@statsig.com"]`, `pass_gate my_gate`, `public`.
/// The target is compact JSON, except a gate name, which is printed bare. A non-default id
/// type and a `user_bucket` salt follow in parentheses.
pub fn condition_text(c: &Condition) -> String {
    let mut s = String::from(&*c.type_);
    if let Some(f) = &c.field {
        s.push(' ');
        s.push_str(&f.name);
    }
    if let Some(op) = &c.op_raw {
        s.push(' ');
        s.push_str(op);
    }
    let bare_gate =
        matches!(c.kind, CondKind::PassGate | CondKind::FailGate) && c.target_json.starts_with('"');
    if bare_gate {
        s.push(' ');
        s.push_str(c.gates.first().map(|g| &*g.name).unwrap_or_default());
    } else if &*c.target_json != "null" {
        s.push(' ');
        s.push_str(&c.target_json);
    }
    let mut extra = Vec::new();
    if let Some(t) = notable_id_type(c) {
        extra.push(format!("idType: {t}"));
    }
    if c.kind == CondKind::UserBucket && !c.bucket_salt.is_empty() {
        extra.push(format!("salt: {}", c.bucket_salt));
    }
    if !extra.is_empty() {
        let _ = write!(s, " ({})", extra.join(", "));
    }
    s
}

/// A constant value's JSON text back as a value (text that fails to parse stays a string).
fn value_of(json_text: &str) -> Json {
    serde_json::from_str(json_text).unwrap_or_else(|_| Json::String(json_text.to_string()))
}

fn opt_list(list: Option<&[Box<str>]>) -> Json {
    match list {
        Some(l) => Json::Array(l.iter().map(|s| Json::String(s.to_string())).collect()),
        None => Json::Null,
    }
}

/// A condition's JSON form: its wire fields plus the one-line `text`.
pub fn condition_json(c: &Condition) -> Json {
    let mut m = Map::new();
    m.insert("type".into(), json!(&*c.type_));
    m.insert("field".into(), json!(c.field.as_ref().map(|f| &*f.name)));
    m.insert("operator".into(), json!(c.op_raw.as_deref()));
    m.insert("target".into(), value_of(&c.target_json));
    m.insert("id_type".into(), json!(&*c.id_type.name));
    if c.kind == CondKind::UserBucket {
        m.insert("salt".into(), json!(&*c.bucket_salt));
    }
    m.insert("text".into(), json!(condition_text(c)));
    Json::Object(m)
}

/// A rule's JSON form, its conditions resolved.
pub fn rule_json(specs: &CompiledSpecs, r: &Rule) -> Json {
    let conditions: Vec<Json> = r
        .conditions
        .iter()
        .map(|&i| condition_json(&specs.conditions[i as usize]))
        .collect();
    json!({
        "id": &*r.id,
        "name": &*r.name,
        "salt": &*r.salt,
        "pass_percentage": number(r.pass_percentage),
        "id_type": &*r.id_type.name,
        "group_name": r.group_name.as_deref(),
        "is_experiment_group": r.is_experiment_group,
        "return_value": value_of(&r.return_value.json),
        "config_delegate": r.config_delegate.as_ref().map(|(n, _)| &**n),
        "sampling_rate": r.sampling_rate,
        "conditions": conditions,
    })
}

/// A spec's JSON form: every field that matters to evaluation, rules included.
pub fn spec_json(specs: &CompiledSpecs, s: &Spec) -> Json {
    let mut m = Map::new();
    m.insert("name".into(), json!(&*s.name));
    m.insert("collection".into(), json!(collection(s.kind)));
    m.insert("type".into(), json!(Category::of(s).as_str()));
    m.insert(
        "entity".into(),
        match s.entity {
            Entity::Missing => Json::Null,
            ref e => json!(e.as_str()),
        },
    );
    m.insert("wire_type".into(), json!(&*s.type_));
    m.insert("enabled".into(), json!(s.enabled));
    m.insert("id_type".into(), json!(&*s.id_type));
    m.insert("salt".into(), json!(&*s.salt));
    m.insert("default_value".into(), value_of(&s.default_value.json));
    m.insert("target_apps".into(), opt_list(s.target_app_ids.as_deref()));
    m.insert("version".into(), json!(s.version));
    m.insert("is_active".into(), json!(s.is_active));
    m.insert("has_shared_params".into(), json!(s.has_shared_params));
    m.insert(
        "explicit_parameters".into(),
        opt_list(s.explicit_parameters.as_deref()),
    );
    m.insert(
        "forward_all_exposures".into(),
        json!(s.forward_all_exposures),
    );
    if s.kind == Kind::Config {
        m.insert(
            "layer".into(),
            json!(specs.experiment_to_layer.get(&s.name).map(|l| &**l)),
        );
    }
    m.insert("unsupported".into(), json!(s.dropped.as_deref()));
    let rules: Vec<Json> = s.rules.iter().map(|r| rule_json(specs, r)).collect();
    m.insert("rules".into(), Json::Array(rules));
    Json::Object(m)
}

/// Every spec in force, gates then configs then layers.
pub fn all_specs(specs: &CompiledSpecs) -> impl Iterator<Item = &Spec> {
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

/// One row of `specs list`: a spec or a parameter store.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub collection: &'static str,
    pub entity: Option<&'a str>,
    pub enabled: bool,
    pub id_type: &'a str,
    pub rules: usize,
    pub target_apps: Option<Vec<&'a str>>,
    /// An experiment's group names, in rule order (configs only; empty: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<&'a str>>,
    /// A parameter store's parameter count (stores only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<usize>,
}

/// A spec's experiment group names, each once, in rule order.
pub fn group_names(s: &Spec) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for g in s.rules.iter().filter_map(|r| r.group_name.as_deref()) {
        if !v.contains(&g) {
            v.push(g);
        }
    }
    v
}

/// An experiment's groups as JSON, `[{name, rule_id, value}]`, in rule order (the first
/// rule of a group name is the one a group override takes); `None` without groups.
pub fn groups_json(s: &Spec) -> Option<Json> {
    let mut seen = Vec::new();
    let groups: Vec<Json> = s
        .rules
        .iter()
        .filter_map(|r| Some((r.group_name.as_deref()?, r)))
        .filter(|(g, _)| {
            let new = !seen.contains(g);
            seen.push(*g);
            new
        })
        .map(
            |(g, r)| json!({"name": g, "rule_id": &*r.id, "value": value_of(&r.return_value.json)}),
        )
        .collect();
    (!groups.is_empty()).then_some(Json::Array(groups))
}

/// A parameter store's JSON form: its parameters as the payload has them.
pub fn store_json(st: &ParamStore) -> Json {
    let params: Map<String, Json> = st
        .parameters
        .iter()
        .map(|(n, p)| (n.to_string(), p.to_json()))
        .collect();
    json!({
        "name": &*st.name,
        "collection": "param_stores",
        "type": Category::ParamStore.as_str(),
        "target_apps": st.target_app_ids.as_ref().map(|v| v.iter().map(|a| &**a).collect::<Vec<_>>()),
        "version": st.version,
        "parameters": params,
    })
}

/// The rows of a listing: specs of the `filter` categories (all when empty), sorted by
/// category then name.
pub fn list_rows<'a>(specs: &'a CompiledSpecs, filter: &[Category]) -> Vec<ListRow<'a>> {
    let mut rows: Vec<(Category, ListRow<'a>)> = all_specs(specs)
        .filter(|s| in_categories(filter, s))
        .map(|s| {
            let cat = Category::of(s);
            let entity = match s.entity {
                Entity::Missing => None,
                ref e => Some(e.as_str()),
            };
            let row = ListRow {
                name: &s.name,
                type_: cat.as_str(),
                collection: collection(s.kind),
                entity,
                enabled: s.enabled,
                id_type: &s.id_type,
                rules: s.rules.len(),
                target_apps: s
                    .target_app_ids
                    .as_ref()
                    .map(|v| v.iter().map(|a| &**a).collect()),
                groups: Some(group_names(s)).filter(|g| !g.is_empty()),
                parameters: None,
            };
            (cat, row)
        })
        .collect();
    if filter.is_empty() || filter.contains(&Category::ParamStore) {
        rows.extend(specs.stores.stores.iter().map(|st| {
            let row = ListRow {
                name: &st.name,
                type_: Category::ParamStore.as_str(),
                collection: "param_stores",
                entity: None,
                enabled: true,
                id_type: "",
                rules: 0,
                target_apps: st
                    .target_app_ids
                    .as_ref()
                    .map(|v| v.iter().map(|a| &**a).collect()),
                groups: None,
                parameters: Some(st.parameters.len()),
            };
            (Category::ParamStore, row)
        }));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(b.1.name)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// Whether `spec` is of one of the `filter` categories (any, when `filter` is empty).
pub fn in_categories(filter: &[Category], spec: &Spec) -> bool {
    filter.is_empty() || filter.contains(&Category::of(spec))
}

/// Names that look like `name`, at most five, for an "unknown entity" message: the closest
/// by edit distance first (a typo), then those where one contains the other, ignoring case.
pub fn similar_names<'a>(specs: &'a CompiledSpecs, name: &str) -> Vec<&'a str> {
    let all = || {
        all_specs(specs)
            .map(|s| &*s.name)
            .chain(specs.stores.stores.iter().map(|s| &*s.name))
    };
    let mut v = crate::util::suggest::closest(name, all());
    let want = name.to_lowercase();
    let mut containing: Vec<&str> = all()
        .filter(|n| {
            let l = n.to_lowercase();
            l.contains(&want) || want.contains(&l)
        })
        .collect();
    containing.sort_unstable();
    for n in containing {
        if !v.contains(&n) {
            v.push(n);
        }
    }
    v.truncate(5);
    v
}

/// Names a command was asked for, of one kind (`--gate`, `--experiment`, ...).
pub struct NameCheck<'a> {
    pub kind: Kind,
    /// How messages call the kind: "gate", "config or experiment", ...
    pub word: &'static str,
    pub names: &'a [String],
    /// Whether a spec of that name is of the kind asked for (its `entity`).
    pub accept: fn(&Entity) -> bool,
}

/// Checks that every name asked for exists: an unknown one is a warning on stderr (ending in
/// `suffix`), or with `strict` an error.
pub fn check_names(
    specs: &CompiledSpecs,
    checks: &[NameCheck<'_>],
    strict: bool,
    suffix: &str,
) -> crate::error::Result<()> {
    for c in checks {
        for n in c.names {
            if specs.get(c.kind, n).is_some_and(|s| (c.accept)(&s.entity)) {
                continue;
            }
            let hint = specs.suggest(c.kind, n);
            if strict {
                return Err(crate::error::Error::Unknown(format!(
                    "unknown {} {n:?}{hint} (--strict)",
                    c.word
                )));
            }
            crate::util::warn::warn(format_args!(
                "no {} named {n:?} in the specs{hint}{suffix}",
                c.word
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{Parsed, parse_payload};

    fn compile(text: &str) -> CompiledSpecs {
        match parse_payload(text.as_bytes(), "test").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!("no specs"),
        }
    }

    fn one_gate(conditions: &str) -> CompiledSpecs {
        compile(&format!(
            r#"{{"feature_gates":[{{"name":"g","type":"feature_gate","entity":"feature_gate",
            "salt":"s","enabled":true,"defaultValue":false,"idType":"userID",
            "rules":[{{"id":"r1","name":"r","passPercentage":50,"returnValue":true,
            "idType":"userID","conditions":{conditions}}}]}}]}}"#
        ))
    }

    fn texts(specs: &CompiledSpecs) -> Vec<String> {
        specs.conditions.iter().map(condition_text).collect()
    }

    #[test]
    fn condition_lines() {
        let specs = one_gate(
            r#"[{"type":"user_field","field":"email","operator":"str_ends_with_any","targetValue":["@statsig.com"]},
               {"type":"pass_gate","targetValue":"other"},
               {"type":"public","operator":null,"targetValue":null},
               {"type":"user_bucket","operator":"lt","targetValue":500,"idType":"stableID","additionalValues":{"salt":"abc"}},
               {"type":"user_field","field":"country","operator":"eq","targetValue":"US"}]"#,
        );
        assert_eq!(
            texts(&specs),
            [
                r#"user_field email str_ends_with_any ["@statsig.com"]"#,
                "pass_gate other",
                "public",
                "user_bucket lt 500 (idType: stableID, salt: abc)",
                r#"user_field country eq "US""#,
            ]
        );
    }

    #[test]
    fn categories() {
        let specs = compile(
            r#"{"feature_gates":[{"name":"segment:s","entity":"segment","idType":"userID"},
                                 {"name":"old","idType":"userID"}],
                "dynamic_configs":[{"name":"e","entity":"experiment","idType":"userID"},
                                   {"name":"a","entity":"autotune","idType":"userID"}]}"#,
        );
        let cats: Vec<_> = specs
            .gates
            .iter()
            .chain(&specs.configs)
            .map(|s| Category::of(s).as_str())
            .collect();
        assert_eq!(cats, ["segment", "gate", "experiment", "autotune"]);
    }

    #[test]
    fn percentages() {
        assert_eq!(percentage(100.0), "100%");
        assert_eq!(percentage(12.5), "12.5%");
        assert_eq!(percentage(0.0), "0%");
    }

    #[test]
    fn spec_json_has_rules_and_condition_text() {
        let specs = one_gate(r#"[{"type":"public"}]"#);
        let j = spec_json(&specs, &specs.gates[0]);
        assert_eq!(j["type"], "gate");
        assert_eq!(j["rules"][0]["id"], "r1");
        assert_eq!(j["rules"][0]["pass_percentage"], 50);
        assert_eq!(j["rules"][0]["conditions"][0]["text"], "public");
    }
}
