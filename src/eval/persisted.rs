//! Sticky (persisted) assignments, as the core's `PersistentValuesManager`: a user's
//! experiment or layer assignment, saved once the user is in an experiment group of an
//! active experiment, is returned (reason `Persisted`) instead of the live evaluation while
//! the experiment stays active. `enforce_targeting` drops it when the user now fails the
//! experiment's targeting rules, `enforce_overrides` when an override rule now matches.
//!
//! Values are keyed `"<unitID>:<idType>"` then by experiment or layer name (the core's
//! `UserPersistedValues`). Evaluation only reads them; what to save or delete is collected
//! as [`StickyOp`]s and applied by the caller between users.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value as Json, json};

use crate::error::{Error, Result};
use crate::eval::Evaluator;
use crate::eval::trace::Trace;
use crate::result::{EvalResult, Exposure, Reason};
use crate::spec::model::{Entity, Kind, Returnable, Rule, Spec};

/// A secondary exposure as stored: gate, value, rule.
type Stored = (Box<str>, bool, Box<str>);

/// One saved assignment (the core's `StickyValues`).
#[derive(Debug, Clone, PartialEq)]
pub struct StickyValues {
    pub value: bool,
    pub json_value: Option<Arc<Returnable>>,
    pub rule_id: Option<Box<str>>,
    pub group_name: Option<Box<str>>,
    pub secondary_exposures: Vec<Stored>,
    pub undelegated_secondary_exposures: Option<Vec<Stored>>,
    pub config_delegate: Option<Box<str>>,
    pub explicit_parameters: Option<Vec<Box<str>>>,
    pub time: Option<u64>,
    pub config_version: Option<u32>,
}

/// Every user's saved assignments: storage key → name → value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersistedValues {
    pub users: BTreeMap<String, BTreeMap<String, StickyValues>>,
}

/// What an evaluation decided to change in the store.
#[derive(Debug, Clone, PartialEq)]
pub enum StickyOp {
    Save {
        key: String,
        name: String,
        value: StickyValues,
    },
    Delete {
        key: String,
        name: String,
    },
}

/// How sticky values are used in one run.
#[derive(Debug, Clone, Copy)]
pub struct Sticky<'p> {
    pub values: &'p PersistedValues,
    pub enforce_targeting: bool,
    pub enforce_overrides: bool,
}

impl PersistedValues {
    /// Parses `{ "<unitID>:<idType>": { name: StickyValues } }`; `origin` names the input.
    pub fn parse(text: &str, origin: &str) -> Result<PersistedValues> {
        let json: Json =
            serde_json::from_str(text).map_err(|e| Error::json_at(origin, &e, Error::Persisted))?;
        let top = json
            .as_object()
            .ok_or_else(|| Error::Persisted(format!("{origin}: expected an object of users")))?;
        let mut users = BTreeMap::new();
        for (key, values) in top {
            let values = values.as_object().ok_or_else(|| {
                Error::Persisted(format!(
                    "{origin}: {key:?}: expected an object of sticky values"
                ))
            })?;
            let mut per = BTreeMap::new();
            for (name, v) in values {
                let sv = StickyValues::from_json(v)
                    .map_err(|m| Error::Persisted(format!("{origin}: {key:?}.{name:?}: {m}")))?;
                per.insert(name.clone(), sv);
            }
            users.insert(key.clone(), per);
        }
        Ok(PersistedValues { users })
    }

    /// The whole store in the core's serialized shape, for writing back.
    pub fn to_json(&self) -> Json {
        Json::Object(
            self.users
                .iter()
                .map(|(k, per)| {
                    let per: Map<String, Json> =
                        per.iter().map(|(n, v)| (n.clone(), v.to_json())).collect();
                    (k.clone(), Json::Object(per))
                })
                .collect(),
        )
    }

    pub fn get(&self, key: &str, name: &str) -> Option<&StickyValues> {
        self.users.get(key)?.get(name)
    }

    /// Applies saves and deletes in order; a user left with nothing is removed.
    pub fn apply(&mut self, ops: impl IntoIterator<Item = StickyOp>) -> usize {
        let mut changed = 0;
        for op in ops {
            match op {
                StickyOp::Save { key, name, value } => {
                    self.users.entry(key).or_default().insert(name, value);
                    changed += 1;
                }
                StickyOp::Delete { key, name } => {
                    if let Some(per) = self.users.get_mut(&key)
                        && per.remove(&name).is_some()
                    {
                        changed += 1;
                        if per.is_empty() {
                            self.users.remove(&key);
                        }
                    }
                }
            }
        }
        changed
    }
}

fn stored_list(v: Option<&Json>, what: &str) -> std::result::Result<Vec<Stored>, String> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let a = v.as_array().ok_or(format!("{what} must be an array"))?;
    a.iter()
        .map(|e| {
            let s = |k: &str| e.get(k).and_then(Json::as_str).map(Box::from);
            let value = match e.get("gateValue") {
                Some(Json::String(s)) => s == "true",
                Some(Json::Bool(b)) => *b,
                _ => false,
            };
            match (s("gate"), s("ruleID")) {
                (Some(g), Some(r)) => Ok((g, value, r)),
                _ => Err(format!(
                    "{what}: each exposure needs gate, gateValue, ruleID"
                )),
            }
        })
        .collect()
}

impl StickyValues {
    /// Reads one value leniently, as the SDK's Python bridge does: missing fields take
    /// their defaults; `configVersion` is accepted for `config_version`.
    pub fn from_json(v: &Json) -> std::result::Result<StickyValues, String> {
        let o = v.as_object().ok_or("expected an object")?;
        let opt_str = |k: &str| -> std::result::Result<Option<Box<str>>, String> {
            match o.get(k) {
                None | Some(Json::Null) => Ok(None),
                Some(Json::String(s)) => Ok(Some(s.as_str().into())),
                Some(_) => Err(format!("{k} must be a string")),
            }
        };
        let number = |k: &str| -> std::result::Result<Option<u64>, String> {
            match o.get(k) {
                None | Some(Json::Null) => Ok(None),
                Some(Json::Number(n)) => Ok(n
                    .as_u64()
                    .or_else(|| n.as_i64().map(|i| i as u64))
                    .or_else(|| n.as_f64().map(|f| f as u64))),
                Some(_) => Err(format!("{k} must be a number")),
            }
        };
        let json_value = match o.get("json_value") {
            None | Some(Json::Null) => None,
            Some(v @ Json::Object(_)) => Some(Arc::new(Returnable::from_json(v))),
            Some(_) => return Err("json_value must be an object".into()),
        };
        let version = match number("config_version")? {
            Some(v) => Some(v),
            None => number("configVersion")?,
        };
        Ok(StickyValues {
            value: match o.get("value") {
                None | Some(Json::Null) => false,
                Some(Json::Bool(b)) => *b,
                Some(_) => return Err("value must be true or false".into()),
            },
            json_value,
            rule_id: opt_str("rule_id")?,
            group_name: opt_str("group_name")?,
            secondary_exposures: stored_list(o.get("secondary_exposures"), "secondary_exposures")?,
            undelegated_secondary_exposures: Some(stored_list(
                o.get("undelegated_secondary_exposures"),
                "undelegated_secondary_exposures",
            )?),
            config_delegate: opt_str("config_delegate")?,
            explicit_parameters: match o.get("explicit_parameters") {
                None | Some(Json::Null) => None,
                Some(Json::Array(a)) => Some(
                    a.iter()
                        .map(|x| x.as_str().map(Box::from))
                        .collect::<Option<Vec<_>>>()
                        .ok_or("explicit_parameters must be strings")?,
                ),
                Some(_) => return Err("explicit_parameters must be an array".into()),
            },
            time: number("time")?,
            config_version: version.map(|v| v as u32),
        })
    }

    pub fn to_json(&self) -> Json {
        let list = |l: &[Stored]| -> Json {
            l.iter()
                .map(|(g, v, r)| json!({"gate": &**g, "gateValue": v.to_string(), "ruleID": &**r}))
                .collect()
        };
        json!({
            "value": self.value,
            "json_value": self.json_value.as_ref().map(|j| serde_json::from_str::<Json>(&j.json).unwrap_or(Json::Null)),
            "rule_id": self.rule_id.as_deref(),
            "group_name": self.group_name.as_deref(),
            "secondary_exposures": list(&self.secondary_exposures),
            "undelegated_secondary_exposures": self.undelegated_secondary_exposures.as_deref().map(list),
            "config_delegate": self.config_delegate.as_deref(),
            "explicit_parameters": self.explicit_parameters,
            "time": self.time,
            "config_version": self.config_version,
        })
    }

    /// The value saved for a live result, as the core's `make_sticky_value_from_experiment`
    /// / `_from_layer` build it: always `value: true`, the version 0 when the spec has none;
    /// a layer's allocated experiment, explicit parameters and undelegated exposures are
    /// always present, an experiment's delegate never.
    fn from_result(kind: Kind, r: &EvalResult<'_>, lcut: i64) -> StickyValues {
        let own = |l: &[Exposure<'_>]| -> Vec<Stored> {
            l.iter()
                .map(|e| (e.gate.into(), e.value, e.rule_id.into()))
                .collect()
        };
        let layer = kind == Kind::Layer;
        let explicit = r.explicit_parameters.map(|p| p.to_vec());
        StickyValues {
            value: true,
            json_value: Some(Arc::new(
                r.value()
                    .cloned()
                    .unwrap_or_else(|| Returnable::from_json(&json!({}))),
            )),
            rule_id: Some(r.rule_id_str().into()),
            group_name: r.group_name.map(Box::from),
            secondary_exposures: own(&r.secondary_exposures),
            undelegated_secondary_exposures: match (&r.undelegated, layer) {
                (Some(u), _) => Some(own(u)),
                (None, true) => Some(Vec::new()),
                (None, false) => None,
            },
            config_delegate: if layer {
                r.config_delegate.map(Box::from)
            } else {
                None
            },
            explicit_parameters: if layer {
                Some(explicit.unwrap_or_default())
            } else {
                explicit
            },
            time: u64::try_from(lcut).ok(),
            config_version: Some(r.version.unwrap_or(0) as u32),
        }
    }
}

/// The storage key of a user for an id type, `None` when the user has no such id.
pub fn storage_key(user: &crate::user::User, id_type: &str) -> Option<String> {
    let lower = id_type.to_lowercase();
    let id = user.unit_id(id_type, &lower, lower == "userid")?;
    if lower == "userid" && id.str().is_none() {
        return None;
    }
    Some(format!("{}:{id_type}", id.str().unwrap_or("")))
}

/// Which rules a filtered re-evaluation looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFilter {
    /// `targetingGate` / `inlineTargetingRules`: they match a user excluded by targeting.
    Targeting,
    /// Console overrides: rule ids ending in `override`.
    Overrides,
}

impl RuleFilter {
    pub fn keeps(self, rule: &Rule) -> bool {
        match self {
            RuleFilter::Targeting => {
                &*rule.id == "targetingGate" || &*rule.id == "inlineTargetingRules"
            }
            RuleFilter::Overrides => rule.id.ends_with("override"),
        }
    }
}

impl<'s, 'u, T: Trace> Evaluator<'s, 'u, T> {
    /// After a top-level experiment or layer evaluation: returns the sticky value, or saves
    /// or deletes one, as the core does for `get_experiment` / `get_layer` with user
    /// persisted values.
    pub(crate) fn apply_sticky(&mut self, kind: Kind, name: &str) {
        let Some(sticky) = self.sticky else { return };
        let Some(spec) = self.specs.get(kind, name) else {
            return;
        };
        if kind == Kind::Config && spec.entity != Entity::Experiment {
            return;
        }
        let Some(id_type) = self.result.id_type else {
            return;
        };
        let Some(key) = storage_key(self.user, id_type) else {
            return;
        };
        let found = sticky.values.get(&key, name);
        let active = match (kind, found.and_then(|f| f.config_delegate.as_deref())) {
            // A layer's sticky value stays while the experiment it was allocated to is
            // active (the layer's own state when that experiment is gone).
            (Kind::Layer, Some(d)) => self
                .specs
                .get(Kind::Config, d)
                .and_then(|s| s.is_active)
                .unwrap_or(self.result.is_experiment_active),
            _ => self.result.is_experiment_active,
        };
        if !active {
            self.sticky_ops.push(StickyOp::Delete {
                key,
                name: name.into(),
            });
            return;
        }
        if let Some(found) = found {
            let reeval_name = match kind {
                Kind::Layer => found.config_delegate.as_deref(),
                _ => Some(name),
            };
            let keep = match reeval_name {
                Some(n) => self.should_keep_sticky(sticky, n),
                None => true,
            };
            if keep {
                self.use_sticky(found);
            }
            return;
        }
        if self.result.is_experiment_group {
            let value = StickyValues::from_result(kind, &self.result, self.specs.time);
            self.sticky_ops.push(StickyOp::Save {
                key,
                name: name.into(),
                value,
            });
        }
    }

    /// The core's `should_return_sticky_value`: false when enforcement says the live
    /// evaluation wins.
    fn should_keep_sticky(&self, sticky: Sticky<'_>, experiment: &str) -> bool {
        let Some(spec) = self.specs.get(Kind::Config, experiment) else {
            return !(sticky.enforce_targeting || sticky.enforce_overrides);
        };
        if sticky.enforce_targeting && self.reevaluate(spec, RuleFilter::Targeting) {
            return false;
        }
        if sticky.enforce_overrides && self.reevaluate(spec, RuleFilter::Overrides) {
            return false;
        }
        true
    }

    /// A fresh evaluation of `spec` restricted to the rules `filter` keeps.
    fn reevaluate(&self, spec: &'s Spec, filter: RuleFilter) -> bool {
        let mut sub = Evaluator::new(self.specs, self.user, self.opts);
        sub.overrides = self.overrides;
        sub.evaluate_filtered(spec, &|r| filter.keeps(r))
    }

    /// Replaces the live result with a sticky value (the core's
    /// `make_evaluation_result_from_sticky_value`).
    fn use_sticky(&mut self, found: &'s StickyValues) {
        let borrow = |l: &'s [Stored]| -> Vec<Exposure<'s>> {
            l.iter()
                .map(|(g, v, r)| Exposure {
                    gate: g,
                    value: *v,
                    rule_id: r,
                })
                .collect()
        };
        let r = &mut self.result;
        r.bool = found.value;
        r.rule_id = found.rule_id.as_deref();
        r.group_name = found.group_name.as_deref();
        r.json = None;
        r.owned_value = found.json_value.clone();
        r.version = found.config_version.map(i64::from);
        r.config_delegate = found.config_delegate.as_deref();
        r.explicit_parameters = found.explicit_parameters.as_deref();
        r.secondary_exposures = borrow(&found.secondary_exposures);
        r.undelegated = found.undelegated_secondary_exposures.as_deref().map(borrow);
        r.is_experiment_active = true;
        r.is_experiment_group = true;
        r.unsupported = false;
        r.is_in_layer = false;
        r.parameter_rule_ids = None;
        r.reason = Some(Reason::Persisted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_version_spellings_and_round_trips() {
        let text = r#"{"u1:userID":{"e":{"value":true,"json_value":{"a":1},"rule_id":"r",
            "group_name":"Test","secondary_exposures":[{"gate":"g","gateValue":"true","ruleID":"x"}],
            "configVersion":4,"time":1.5e12}}}"#;
        let p = PersistedValues::parse(text, "f.json").unwrap();
        let v = p.get("u1:userID", "e").unwrap();
        assert_eq!(v.config_version, Some(4));
        assert_eq!(v.time, Some(1_500_000_000_000));
        assert_eq!(v.secondary_exposures[0], ("g".into(), true, "x".into()));
        let again = PersistedValues::parse(&p.to_json().to_string(), "again").unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn bad_input_names_the_file_and_the_entry() {
        let e = PersistedValues::parse(r#"{"u:userID":{"e":{"value":"yes"}}}"#, "f.json")
            .unwrap_err()
            .to_string();
        assert_eq!(e, r#"f.json: "u:userID"."e": value must be true or false"#);
        let e = PersistedValues::parse("{\n  nope", "f.json")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("f.json:2:3: not valid JSON"), "{e}");
    }

    #[test]
    fn apply_saves_and_deletes() {
        let mut p = PersistedValues::default();
        let v = StickyValues::from_json(&json!({"value": true})).unwrap();
        p.apply([StickyOp::Save {
            key: "k".into(),
            name: "e".into(),
            value: v,
        }]);
        assert!(p.get("k", "e").is_some());
        p.apply([StickyOp::Delete {
            key: "k".into(),
            name: "e".into(),
        }]);
        assert!(p.users.is_empty());
    }

    #[test]
    fn filters_pick_targeting_and_override_rules() {
        let rule = |id: &str| Rule {
            id: id.into(),
            name: id.into(),
            salt: "".into(),
            pass_percentage: 100.0,
            return_value: Returnable::from_json(&json!({})),
            conditions: vec![],
            plan: Default::default(),
            id_type: crate::spec::model::UnitType::new("userID"),
            group_name: None,
            is_experiment_group: false,
            config_delegate: None,
            sampling_rate: None,
        };
        assert!(RuleFilter::Targeting.keeps(&rule("targetingGate")));
        assert!(RuleFilter::Targeting.keeps(&rule("inlineTargetingRules")));
        assert!(!RuleFilter::Targeting.keeps(&rule("abc:override")));
        assert!(RuleFilter::Overrides.keeps(&rule("6AG:userID:id_override")));
        assert!(!RuleFilter::Overrides.keeps(&rule("control")));
    }
}
