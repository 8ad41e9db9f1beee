//! The semantic difference of two compiled payloads, entity by entity and rule by rule. It
//! compares the JSON description of each spec ([`super::describe::spec_json`]), so a v1
//! payload and its v2 twin have no difference; rendering is `output`'s business.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::spec::describe::{all_specs, collection, spec_json};
use crate::spec::model::{CompiledSpecs, Kind};

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
        collection: collection(kind),
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
        collection: collection(kind),
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
