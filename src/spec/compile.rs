//! Turns a payload (v1 or v2 wire form, already parsed as JSON) into [`CompiledSpecs`].
//! Type errors are reported with the JSON path of the offending value.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::spec::id_lists::IdLists;
use crate::spec::model::*;
use crate::spec::time::parse_timestamp_target;
use crate::spec::tree::{Node, Obj};

/// What a payload turned out to be.
pub enum Parsed {
    Specs(Box<CompiledSpecs>),
    /// `{"has_updates": false}`: nothing changed since `sinceTime`.
    NoUpdates,
}

/// Parses payload bytes (a DCS in v1 or v2 form, or bootstrap values possibly wrapped in a
/// JSON string) and compiles them. `origin` names the input in error messages.
pub fn parse_payload(bytes: &[u8], origin: &str) -> Result<Parsed> {
    parse_payload_impl(bytes, origin, false)
}

/// Like [`parse_payload`] but never frees the intermediate JSON tree: for short-lived
/// processes, where freeing it costs more than the exit does.
pub fn parse_payload_leaking(bytes: &[u8], origin: &str) -> Result<Parsed> {
    parse_payload_impl(bytes, origin, true)
}

fn parse_payload_impl(bytes: &[u8], origin: &str, leak: bool) -> Result<Parsed> {
    let json = Node::parse(bytes).map_err(|e| Error::json_at(origin, &e, Error::Specs))?;
    let parsed = match &json {
        Node::String(inner) => {
            let inner = Node::parse_str(inner).map_err(|e| {
                Error::Specs(format!(
                    "{origin}: a JSON string that does not hold JSON: {e}"
                ))
            })?;
            let parsed = compile_at(&inner, origin, &|_, i| i);
            if leak {
                std::mem::forget(inner);
            }
            parsed
        }
        _ => compile_at(&json, origin, &|_, i| i),
    };
    if leak {
        std::mem::forget(json);
    }
    parsed
}

/// Compiles a parsed payload.
pub fn compile(json: &Json, origin: &str) -> Result<Parsed> {
    compile_at(&Node::from_json(json), origin, &|_, i| i)
}

/// Compiles a payload whose v1 collections (arrays) were pruned: `position(key, i)` gives
/// the original index of element `i` of collection `key`, for messages.
pub(crate) fn compile_at(
    json: &Node<'_>,
    origin: &str,
    position: &dyn Fn(&str, usize) -> usize,
) -> Result<Parsed> {
    let top = json.as_object().ok_or_else(|| {
        Error::Specs(format!("{origin}: expected a JSON object at the top level"))
    })?;
    if top.get("has_updates") == Some(&Node::Bool(false)) {
        return Ok(Parsed::NoUpdates);
    }
    if is_client_initialize(top) {
        return Err(Error::Specs(format!(
            "{origin}: this is a client-initialize response (values already evaluated for one \
             user, no rules), not a download_config_specs payload; pass the server's \
             download_config_specs payload (`statsig specs pull`)"
        )));
    }
    let format = detect_format(top).ok_or_else(|| {
        Error::Specs(format!(
            "{origin}: not a download_config_specs payload (no feature_gates, dynamic_configs or layer_configs)"
        ))
    })?;
    let c = Compiler {
        origin,
        format,
        condition_map: top
            .get("condition_map")
            .and_then(Node::as_object)
            .map(|m| m.iter().collect()),
        conditions: Vec::new(),
        condition_keys: HashMap::new(),
        warnings: Vec::new(),
        position,
    };
    c.run(top).map(|s| Parsed::Specs(Box::new(s)))
}

/// A client-initialize response (what `/initialize` or `client-init` returns): its own
/// markers `hash_used`, `evaluated_keys` or `derived_fields`, or entries that carry an
/// evaluated `value` and `rule_id` but no `rules`. Compiled as specs it would evaluate every
/// entity to its default: wrong answers, not an error, so it is refused.
fn is_client_initialize(top: &Obj<'_>) -> bool {
    if ["hash_used", "evaluated_keys", "derived_fields"]
        .iter()
        .any(|k| top.contains_key(k))
    {
        return true;
    }
    ["feature_gates", "dynamic_configs", "layer_configs"]
        .iter()
        .filter_map(|k| top.get(k).and_then(Node::as_object))
        .filter_map(|m| m.values().next().and_then(Node::as_object))
        .any(|e| e.contains_key("value") && e.contains_key("rule_id") && !e.contains_key("rules"))
}

fn detect_format(top: &Obj<'_>) -> Option<Format> {
    if top.get("response_format").and_then(Node::as_str) == Some("dcs-v2") {
        return Some(Format::V2);
    }
    for key in ["feature_gates", "dynamic_configs", "layer_configs"] {
        match top.get(key) {
            Some(Node::Object(_)) => return Some(Format::V2),
            Some(Node::Array(_)) => return Some(Format::V1),
            _ => {}
        }
    }
    None
}

fn type_name(v: &Node<'_>) -> &'static str {
    match v {
        Node::Null => "null",
        Node::Bool(_) => "a boolean",
        Node::Number(_) => "a number",
        Node::String(_) => "a string",
        Node::Array(_) => "an array",
        Node::Object(_) => "an object",
    }
}

const KNOWN_TYPES: &[&str] = &[
    "public",
    "pass_gate",
    "fail_gate",
    "multi_pass_gate",
    "multi_fail_gate",
    "user_field",
    "ip_based",
    "ua_based",
    "environment_field",
    "current_time",
    "user_bucket",
    "unit_id",
    "target_app",
    "experiment_group",
];

/// A spec in a collection: its name, its JSON object and its JSON path.
type Entry<'a> = (&'a str, &'a Obj<'a>, String);

/// The keys of specs, rules and conditions the compiler reads.
const FIELD_KEYS: [&str; 27] = [
    "type",
    "entity",
    "idType",
    "defaultValue",
    "rules",
    "version",
    "salt",
    "enabled",
    "isActive",
    "hasSharedParams",
    "explicitParameters",
    "targetAppIDs",
    "forwardAllExposures",
    "useNewLayerEval",
    "id",
    "passPercentage",
    "returnValue",
    "conditions",
    "configDelegate",
    "name",
    "groupName",
    "isExperimentGroup",
    "samplingRate",
    "operator",
    "field",
    "targetValue",
    "additionalValues",
];

/// The index of `key` in [`FIELD_KEYS`] (a `match`: dispatched on the length first).
fn field_slot(key: &str) -> Option<usize> {
    Some(match key {
        "type" => 0,
        "entity" => 1,
        "idType" => 2,
        "defaultValue" => 3,
        "rules" => 4,
        "version" => 5,
        "salt" => 6,
        "enabled" => 7,
        "isActive" => 8,
        "hasSharedParams" => 9,
        "explicitParameters" => 10,
        "targetAppIDs" => 11,
        "forwardAllExposures" => 12,
        "useNewLayerEval" => 13,
        "id" => 14,
        "passPercentage" => 15,
        "returnValue" => 16,
        "conditions" => 17,
        "configDelegate" => 18,
        "name" => 19,
        "groupName" => 20,
        "isExperimentGroup" => 21,
        "samplingRate" => 22,
        "operator" => 23,
        "field" => 24,
        "targetValue" => 25,
        "additionalValues" => 26,
        _ => return None,
    })
}

/// The values of an object's keys the compiler reads, found in one pass over the object
/// (instead of a hashed lookup per key read).
struct Fields<'a>([Option<&'a Node<'a>>; FIELD_KEYS.len()]);

impl<'a> Fields<'a> {
    fn of(o: &'a Obj<'a>) -> Self {
        let mut f = Fields([None; FIELD_KEYS.len()]);
        for (k, v) in o {
            if let Some(i) = field_slot(k) {
                f.0[i] = Some(v);
            }
        }
        f
    }

    /// The value of `key`, one of [`FIELD_KEYS`].
    fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        let i = field_slot(key);
        debug_assert!(i.is_some(), "{key:?} is not in FIELD_KEYS");
        self.0[i?]
    }
}

struct Compiler<'a> {
    origin: &'a str,
    format: Format,
    /// `condition_map` by key (its keys are distinct, as in any parsed object).
    condition_map: Option<HashMap<&'a str, &'a Node<'a>, BuildHasherDefault<NameHasher>>>,
    conditions: Vec<Condition>,
    /// v2 condition key → index in `conditions`.
    condition_keys: HashMap<&'a str, u32>,
    warnings: Vec<String>,
    /// Original index of a v1 collection element (see [`compile_at`]).
    position: &'a dyn Fn(&str, usize) -> usize,
}

impl<'a> Compiler<'a> {
    fn err(&self, path: &str, msg: impl std::fmt::Display) -> Error {
        Error::Specs(format!("{}: {}: {msg}", self.origin, one_line(path)))
    }

    fn opt_str(&self, o: &Fields<'a>, key: &str, path: &str) -> Result<Option<&'a str>> {
        match o.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(Node::String(s)) => Ok(Some(s)),
            Some(v) => Err(self.err(
                &format!("{path}.{key}"),
                format_args!("expected a string, found {}", type_name(v)),
            )),
        }
    }

    fn opt_bool(&self, o: &Fields<'_>, key: &str, path: &str) -> Result<Option<bool>> {
        match o.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(Node::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(self.err(
                &format!("{path}.{key}"),
                format_args!("expected a boolean, found {}", type_name(v)),
            )),
        }
    }

    fn opt_f64(&self, o: &Fields<'_>, key: &str, path: &str) -> Result<Option<f64>> {
        match o.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(Node::Number(n)) => Ok(n.as_f64()),
            Some(v) => Err(self.err(
                &format!("{path}.{key}"),
                format_args!("expected a number, found {}", type_name(v)),
            )),
        }
    }

    fn opt_str_list(&self, o: &Fields<'_>, key: &str, path: &str) -> Result<Option<Vec<Box<str>>>> {
        match o.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(Node::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(i, x)| match x {
                    Node::String(s) => Ok(Box::from(&**s)),
                    v => Err(self.err(
                        &format!("{path}.{key}[{i}]"),
                        format_args!("expected a string, found {}", type_name(v)),
                    )),
                })
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(v) => Err(self.err(
                &format!("{path}.{key}"),
                format_args!("expected an array, found {}", type_name(v)),
            )),
        }
    }

    /// The `(name, spec JSON, path)` entries of a collection in either form.
    fn entries(&self, top: &'a Obj<'a>, key: &str) -> Result<Vec<Entry<'a>>> {
        let mut out = Vec::new();
        match top.get(key) {
            None | Some(Node::Null) => {}
            Some(Node::Array(a)) => {
                for (i, s) in a.iter().enumerate() {
                    let path = format!("{key}[{}]", (self.position)(key, i));
                    let o = s.as_object().ok_or_else(|| {
                        self.err(
                            &path,
                            format_args!("expected an object, found {}", type_name(s)),
                        )
                    })?;
                    let name = self
                        .opt_str(&Fields::of(o), "name", &path)?
                        .ok_or_else(|| self.err(&path, "missing \"name\""))?;
                    out.push((name, o, path));
                }
            }
            Some(Node::Object(m)) => {
                for (name, s) in m {
                    let path = format!("{key}.{name}");
                    let o = s.as_object().ok_or_else(|| {
                        self.err(
                            &path,
                            format_args!("expected an object, found {}", type_name(s)),
                        )
                    })?;
                    out.push((name, o, path));
                }
            }
            Some(v) => {
                return Err(self.err(
                    key,
                    format_args!("expected an array or an object, found {}", type_name(v)),
                ));
            }
        }
        Ok(out)
    }

    fn run(mut self, top: &'a Obj<'a>) -> Result<CompiledSpecs> {
        let gate_entries = self.entries(top, "feature_gates")?;
        let config_entries = self.entries(top, "dynamic_configs")?;
        let layer_entries = self.entries(top, "layer_configs")?;

        let mut gates = Vec::with_capacity(gate_entries.len());
        for (name, o, path) in &gate_entries {
            gates.push(self.spec(name, o, path, Kind::Gate)?);
        }
        let mut configs = Vec::with_capacity(config_entries.len());
        for (name, o, path) in &config_entries {
            configs.push(self.spec(name, o, path, Kind::Config)?);
        }
        let mut layers = Vec::with_capacity(layer_entries.len());
        for (name, o, path) in &layer_entries {
            layers.push(self.spec(name, o, path, Kind::Layer)?);
        }

        let index = |v: &Vec<Spec>| -> NameIndex {
            // Later duplicates replace earlier ones, as a JSON object would.
            v.iter()
                .enumerate()
                .map(|(i, p)| (p.name.clone(), i as u32))
                .collect()
        };
        let gate_index = index(&gates);
        let config_index = index(&configs);
        let layer_index = index(&layers);

        // Resolve names now that every spec is known.
        for c in &mut self.conditions {
            for g in &mut c.gates {
                g.index = gate_index.get(&g.name).copied();
            }
            if c.kind == CondKind::ExperimentGroup {
                c.experiment = c
                    .field
                    .as_ref()
                    .and_then(|f| config_index.get(&f.name).copied());
            }
        }
        for spec in gates
            .iter_mut()
            .chain(configs.iter_mut())
            .chain(layers.iter_mut())
        {
            for rule in &mut spec.rules {
                if let Some((name, idx)) = &mut rule.config_delegate {
                    *idx = config_index.get(name).copied();
                }
            }
        }

        let mut config_mapping = ConfigMapping::default();
        if let Some(Node::Object(rules)) = top.get("override_rules") {
            for (name, r) in rules {
                let path = format!("override_rules.{name}");
                let mut dropped = None;
                let rule = self.rule(r, &path, 0, &mut dropped)?;
                config_mapping.rules.insert(name.into(), rule);
            }
            // Conditions added for override rules need gate resolution too.
            for c in &mut self.conditions {
                for g in &mut c.gates {
                    g.index = gate_index.get(&g.name).copied();
                }
            }
        }
        if let Some(Node::Object(maps)) = top.get("overrides") {
            for (name, list) in maps {
                let Some(list) = list.as_array() else {
                    continue;
                };
                let mut entries = Vec::new();
                for m in list {
                    let Some(m) = m.as_object() else { continue };
                    let Some(new_name) = m.get("new_config_name").and_then(Node::as_str) else {
                        continue;
                    };
                    let mut refs = Vec::new();
                    for r in m
                        .get("rules")
                        .and_then(Node::as_array)
                        .into_iter()
                        .flatten()
                    {
                        if let Some(rn) = r.get("rule_name").and_then(Node::as_str) {
                            let st = r.get("start_time").and_then(Node::as_i64).unwrap_or(0);
                            refs.push((Box::from(rn), st));
                        }
                    }
                    entries.push(MappingEntry {
                        new_config_name: new_name.into(),
                        rules: refs,
                    });
                }
                config_mapping.mappings.insert(name.into(), entries);
            }
        }

        let app_map = |key: &str| -> Option<HashMap<Box<str>, Option<Box<str>>>> {
            top.get(key).and_then(Node::as_object).map(|m| {
                m.iter()
                    .map(|(k, v)| (Box::from(k), v.as_str().map(Box::from)))
                    .collect()
            })
        };
        let experiment_to_layer = match top.get("experiment_to_layer").and_then(Node::as_object) {
            Some(m) => m
                .iter()
                .filter_map(|(k, v)| Some((Box::from(k), Box::from(v.as_str()?))))
                .collect(),
            None => {
                let mut m = HashMap::new();
                if let Some(layers) = top.get("layers").and_then(Node::as_object) {
                    for (layer, exps) in layers {
                        for e in exps.as_array().into_iter().flatten() {
                            if let Some(e) = e.as_str() {
                                m.insert(Box::from(e), Box::from(layer));
                            }
                        }
                    }
                }
                m
            }
        };

        share_bucket_salts(&mut self.conditions);
        Ok(CompiledSpecs {
            format: self.format,
            sdk_configs: crate::spec::model::SdkConfigs::from_json(
                top.get("sdk_configs").map(Node::to_json).as_ref(),
            ),
            gates,
            configs,
            layers,
            gate_index,
            config_index,
            layer_index,
            conditions: self.conditions,
            time: top.get("time").and_then(Node::as_i64).unwrap_or(0),
            app_id: top.get("app_id").and_then(Node::as_str).map(Box::from),
            default_environment_value: top
                .get("default_environment")
                .and_then(Node::as_str)
                .map(crate::spec::value::Value::from_str_value),
            default_environment: top
                .get("default_environment")
                .and_then(Node::as_str)
                .map(Box::from),
            sdk_keys_to_app_ids: app_map("sdk_keys_to_app_ids"),
            hashed_sdk_keys_to_app_ids: app_map("hashed_sdk_keys_to_app_ids"),
            experiment_to_layer,
            config_mapping,
            id_lists: IdLists::default(),
            missing_id_lists: MissingIdLists::default(),
            warnings: self.warnings,
            hashed_sdk_key_used: top.get("hashed_sdk_key_used").and_then(|v| match v {
                Node::String(s) => Some(Box::from(&**s)),
                Node::Null => None,
                other => Some(other.to_string().into()),
            }),
            param_stores: top
                .get("param_stores")
                .filter(|v| v.is_object())
                .map(|v| v.to_string().into()),
            stores: crate::spec::param_store::ParamStores::compile(
                top.get("param_stores").map(Node::to_json).as_ref(),
                self.origin,
            )?,
            left_out: Vec::new(),
        })
    }

    fn spec(&mut self, name: &'a str, o: &'a Obj<'a>, path: &str, kind: Kind) -> Result<Spec> {
        let o = &Fields::of(o);
        let type_ = self.opt_str(o, "type", path)?.unwrap_or(match kind {
            Kind::Gate => "feature_gate",
            _ => "dynamic_config",
        });
        // Old payloads lack `entity`: read it from `type`, as the legacy SDK does (the
        // conformance data follows it).
        let entity = match Entity::parse(self.opt_str(o, "entity", path)?) {
            Entity::Missing => match type_ {
                "feature_gate" => Entity::FeatureGate,
                "dynamic_config" => Entity::DynamicConfig,
                _ => Entity::Missing,
            },
            e => e,
        };
        let id_type = match self.opt_str(o, "idType", path)? {
            Some(t) => t,
            None => {
                self.warnings.push(format!(
                    "{}: {path}: no \"idType\"; using \"userID\"",
                    self.origin
                ));
                "userID"
            }
        };
        let default_value = match o.get("defaultValue") {
            Some(v) => Returnable::from_node(v),
            None => Returnable::from_node(&match kind {
                Kind::Gate => Node::Bool(false),
                _ => Node::Object(Obj::default()),
            }),
        };
        let rules_json = match o.get("rules") {
            None | Some(Node::Null) => &[][..],
            Some(Node::Array(a)) => a.as_slice(),
            Some(v) => {
                return Err(self.err(
                    &format!("{path}.rules"),
                    format_args!("expected an array, found {}", type_name(v)),
                ));
            }
        };
        let mut dropped = None;
        let mut rules = Vec::with_capacity(rules_json.len());
        for (i, r) in rules_json.iter().enumerate() {
            rules.push(self.rule(r, &format!("{path}.rules[{i}]"), i, &mut dropped)?);
        }
        if let Some(why) = &dropped {
            let word = match kind {
                Kind::Gate => "gate",
                Kind::Config => "config",
                Kind::Layer => "layer",
            };
            self.warnings.push(format!(
                "{}: {word} {name:?} ({}): {why}; it evaluates as Unsupported",
                self.origin,
                one_line(path)
            ));
        }
        let version = match o.get("version") {
            None | Some(Node::Null) => None,
            Some(Node::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
            Some(v) => {
                return Err(self.err(
                    &format!("{path}.version"),
                    format_args!("expected a number, found {}", type_name(v)),
                ));
            }
        };
        let spec = Spec {
            name: name.into(),
            kind,
            entity,
            type_: type_.into(),
            salt: self.opt_str(o, "salt", path)?.unwrap_or("").into(),
            enabled: self.opt_bool(o, "enabled", path)?.unwrap_or(true),
            default_value,
            rules,
            id_type: id_type.into(),
            version,
            is_active: self.opt_bool(o, "isActive", path)?,
            has_shared_params: self.opt_bool(o, "hasSharedParams", path)?,
            explicit_parameters: self.opt_str_list(o, "explicitParameters", path)?,
            target_app_ids: self.opt_str_list(o, "targetAppIDs", path)?,
            forward_all_exposures: self
                .opt_bool(o, "forwardAllExposures", path)?
                .unwrap_or(false),
            use_new_layer_eval: self.opt_bool(o, "useNewLayerEval", path)?.unwrap_or(false),
            dropped: dropped.map(Box::from),
        };
        Ok(spec)
    }

    fn rule(
        &mut self,
        r: &'a Node<'a>,
        path: &str,
        _index: usize,
        dropped: &mut Option<String>,
    ) -> Result<Rule> {
        let o = r.as_object().ok_or_else(|| {
            self.err(
                path,
                format_args!("expected an object, found {}", type_name(r)),
            )
        })?;
        let o = &Fields::of(o);
        let id = self.opt_str(o, "id", path)?.unwrap_or("");
        let salt = match o.get("salt") {
            Some(Node::String(s)) => &**s,
            _ => id,
        };
        let pass_percentage = self.opt_f64(o, "passPercentage", path)?.unwrap_or(0.0);
        let return_value = match o.get("returnValue") {
            Some(v) => Returnable::from_node(v),
            None => Returnable::from_node(&Node::Bool(true)),
        };
        let conds_json = match o.get("conditions") {
            None | Some(Node::Null) => &[][..],
            Some(Node::Array(a)) => a.as_slice(),
            Some(v) => {
                return Err(self.err(
                    &format!("{path}.conditions"),
                    format_args!("expected an array, found {}", type_name(v)),
                ));
            }
        };
        let mut conditions = Vec::with_capacity(conds_json.len());
        for (i, c) in conds_json.iter().enumerate() {
            let cpath = format!("{path}.conditions[{i}]");
            let idx = match c {
                Node::String(key) => self.condition_by_key(key, &cpath, dropped)?,
                Node::Object(co) => self.condition(co, &cpath, dropped)?,
                v => {
                    return Err(self.err(
                        &cpath,
                        format_args!(
                            "expected a condition object or a condition_map key, found {}",
                            type_name(v)
                        ),
                    ));
                }
            };
            conditions.push(idx);
        }
        let config_delegate = match o.get("configDelegate") {
            Some(Node::String(s)) if !s.is_empty() => Some((Box::from(&**s), None)),
            _ => None,
        };
        Ok(Rule {
            plan: ConditionPlan::new(&conditions, &self.conditions),
            id: id.into(),
            name: self.opt_str(o, "name", path)?.unwrap_or("").into(),
            salt: salt.into(),
            pass_percentage,
            return_value,
            conditions,
            id_type: UnitType::new(self.opt_str(o, "idType", path)?.unwrap_or("userID")),
            group_name: self.opt_str(o, "groupName", path)?.map(Box::from),
            is_experiment_group: self.opt_bool(o, "isExperimentGroup", path)? == Some(true),
            config_delegate,
            sampling_rate: o.get("samplingRate").and_then(Node::as_i64),
        })
    }

    fn condition_by_key(
        &mut self,
        key: &'a str,
        path: &str,
        dropped: &mut Option<String>,
    ) -> Result<u32> {
        if let Some(&idx) = self.condition_keys.get(key) {
            if self.conditions[idx as usize].kind == CondKind::Unknown && dropped.is_none() {
                *dropped = Some(self.drop_reason(idx));
            }
            self.note_drop(idx, dropped);
            return Ok(idx);
        }
        let found = self
            .condition_map
            .as_ref()
            .and_then(|m| m.get(key).copied());
        let idx = match found {
            Some(Node::Object(co)) => {
                let p = format!("condition_map.{key}");
                let mut d = None;

                self.condition(co, &p, &mut d)?
            }
            Some(v) => {
                return Err(self.err(
                    &format!("condition_map.{key}"),
                    format_args!("expected an object, found {}", type_name(v)),
                ));
            }
            None => {
                let _ = path;
                let idx = self.conditions.len() as u32;
                self.conditions.push(Condition {
                    kind: CondKind::Unknown,
                    type_: format!("missing condition {key:?}").into(),
                    op: Op::Unknown,
                    op_raw: None,
                    field: None,
                    target: Target::default(),
                    target_json: "null".into(),
                    id_type: UnitType::new("userID"),
                    bucket_salt: "".into(),
                    gates: Vec::new(),
                    experiment: None,
                });
                idx
            }
        };
        self.condition_keys.insert(key, idx);
        self.note_drop(idx, dropped);
        Ok(idx)
    }

    fn drop_reason(&self, idx: u32) -> String {
        let c = &self.conditions[idx as usize];
        if c.type_.starts_with("missing condition") {
            format!("rule references a {} absent from condition_map", c.type_)
        } else if !KNOWN_TYPES.contains(&c.type_.to_lowercase().as_str()) {
            format!("unknown condition type {:?}", c.type_)
        } else {
            format!(
                "unknown operator {:?}",
                c.op_raw.as_deref().unwrap_or_default()
            )
        }
    }

    fn note_drop(&self, idx: u32, dropped: &mut Option<String>) {
        if dropped.is_some() {
            return;
        }
        let c = &self.conditions[idx as usize];
        let bad_type = c.type_.starts_with("missing condition")
            || !KNOWN_TYPES.contains(&c.type_.to_lowercase().as_str());
        let bad_op = c
            .op_raw
            .as_deref()
            .is_some_and(|o| Op::parse(&o.to_lowercase()) == Op::Unknown);
        if bad_type || bad_op {
            *dropped = Some(self.drop_reason(idx));
        }
    }

    fn condition(
        &mut self,
        co: &'a Obj<'a>,
        path: &str,
        dropped: &mut Option<String>,
    ) -> Result<u32> {
        let co = &Fields::of(co);
        let type_ = self
            .opt_str(co, "type", path)?
            .ok_or_else(|| self.err(path, "missing condition \"type\""))?;
        let kind = CondKind::parse(type_);
        let op_raw = self.opt_str(co, "operator", path)?;
        let op = match op_raw {
            None => Op::Missing,
            Some(s) => Op::parse(s),
        };
        let field_name = self.opt_str(co, "field", path)?;
        let field = field_name.map(field);
        let target_json = co.get("targetValue").unwrap_or(&Node::Null);
        let mut target = compile_target(target_json);
        if op == Op::StrMatches
            && let Some(s) = &target.s
        {
            target.regex = fancy_regex::Regex::new(s).ok();
        }
        if kind == CondKind::UserBucket && matches!(op, Op::Any | Op::None) {
            target.buckets = BucketSet::of(&target).map(Box::new);
        }
        let id_type = UnitType::new(self.opt_str(co, "idType", path)?.unwrap_or("userID"));
        let bucket_salt = co
            .get("additionalValues")
            .and_then(|a| a.get("salt"))
            .and_then(Node::as_str)
            .unwrap_or("");
        let gates = referenced_gates(kind, target_json)
            .into_iter()
            .map(|name| GateRef { name, index: None })
            .collect();
        let idx = self.conditions.len() as u32;
        self.conditions.push(Condition {
            kind,
            type_: type_.into(),
            op,
            op_raw: op_raw.map(Box::from),
            field,
            target,
            target_json: target_json.compact().into(),
            id_type,
            bucket_salt: bucket_salt.into(),
            gates,
            experiment: None,
        });
        self.note_drop(idx, dropped);
        Ok(idx)
    }
}

/// The gates a condition names: `pass_gate`/`fail_gate` one, `multi_*` a list (a string
/// target is iterated by character, as the legacy SDK does), other types none.
pub(crate) fn referenced_gates(kind: CondKind, target: &Node<'_>) -> Vec<Box<str>> {
    match kind {
        CondKind::PassGate | CondKind::FailGate => vec![target.as_str().unwrap_or("").into()],
        CondKind::MultiPassGate | CondKind::MultiFailGate => match target {
            Node::Array(a) => a
                .iter()
                .map(|g| match g {
                    Node::String(s) => Box::from(&**s),
                    other => other.to_string().into(),
                })
                .collect(),
            Node::String(s) => s.chars().map(|ch| ch.to_string().into()).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A JSON path built from spec names, with control characters escaped so that a message
/// naming it stays on one line.
fn one_line(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.contains(char::is_control) {
        return path.into();
    }
    path.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Pre-computes the lookups for a user field name.
pub(crate) fn field(f: &str) -> Field {
    let lower = f.to_lowercase();
    let top = match lower.as_str() {
        "userid" => Some(TopField::UserId),
        "email" => Some(TopField::Email),
        "ip" => Some(TopField::Ip),
        "country" => Some(TopField::Country),
        "locale" => Some(TopField::Locale),
        "appversion" => Some(TopField::AppVersion),
        "useragent" => Some(TopField::UserAgent),
        _ => None,
    };
    let alias = match lower.as_str() {
        "user_id" => Some(TopField::UserId),
        "app_version" => Some(TopField::AppVersion),
        "user_agent" => Some(TopField::UserAgent),
        _ => None,
    };
    let ua = match lower.as_str() {
        "os_name" | "osname" => Some(UaField::OsName),
        "os_version" | "osversion" => Some(UaField::OsVersion),
        "browser_name" | "browsername" => Some(UaField::BrowserName),
        "browser_version" | "browserversion" => Some(UaField::BrowserVersion),
        _ => None,
    };
    Field {
        name: f.into(),
        lower: lower.into(),
        top,
        alias,
        ua,
    }
}

/// The decimal digits of `n`, as serde_json writes an unsigned integer.
fn u64_text(mut n: u64) -> Box<str> {
    let mut b = [0u8; 20];
    let mut i = b.len();
    loop {
        i -= 1;
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    Box::from(std::str::from_utf8(&b[i..]).unwrap_or("0"))
}

/// `s.to_lowercase()`, without its per-character work for ASCII without upper case.
fn lower_case(s: &str) -> Box<str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        s.to_lowercase().into()
    } else {
        s.into()
    }
}

/// Element string of a target array (or value of a target object): a string as-is,
/// anything else as compact JSON text (booleans and unsigned integers, the usual ones, without
/// the general writer).
fn elem_text(v: &Node<'_>) -> Box<str> {
    match v {
        Node::String(s) => Box::from(&**s),
        Node::Bool(true) => "true".into(),
        Node::Bool(false) => "false".into(),
        Node::Null => "null".into(),
        Node::Number(n) => match n.as_u64() {
            Some(u) => u64_text(u),
            None => v.compact().into(),
        },
        other => other.compact().into(),
    }
}

pub(crate) fn compile_target(v: &Node<'_>) -> Target {
    let mut t = Target::default();
    match v {
        Node::Null => t.kind = TargetKind::Null,
        Node::Bool(b) => {
            t.kind = TargetKind::Bool;
            t.b = Some(*b);
        }
        Node::Number(n) => {
            t.kind = TargetKind::Number;
            t.f = n.as_f64();
        }
        Node::String(s) => {
            t.kind = TargetKind::String;
            t.f = s.parse::<f64>().ok();
            t.ts = parse_timestamp_target(s);
            t.lower = Some(s.to_lowercase().into());
            t.s = Some(Box::from(&**s));
        }
        Node::Array(a) => {
            t.kind = TargetKind::Array;
            t.elems = a
                .iter()
                .map(|e| {
                    let s = elem_text(e);
                    TargetElem {
                        lower: lower_case(&s),
                        s,
                    }
                })
                .collect();
            // The last element of each lower-case form, in order of index.
            let mut by_lower: HashMap<&str, usize, BuildHasherDefault<NameHasher>> =
                HashMap::with_capacity_and_hasher(t.elems.len(), Default::default());
            for (i, e) in t.elems.iter().enumerate() {
                by_lower.insert(&e.lower, i);
            }
            let mut last: Vec<usize> = by_lower.into_values().collect();
            last.sort_unstable();
            t.collapsed = last.into_iter().map(|i| (i, t.elems[i].clone())).collect();
            t.lower_sorted = t.elems.iter().map(|e| e.lower.clone()).collect();
            t.lower_sorted.sort_by(|a, b| probe_order(a, b));
            t.lower_sorted.dedup();
            t.exact_sorted = t.elems.iter().map(|e| e.s.clone()).collect();
            t.exact_sorted.sort_by(|a, b| probe_order(a, b));
            t.exact_sorted.dedup();
        }
        Node::Object(o) => {
            t.kind = TargetKind::Object;
            t.keys_sorted = o.keys().map(Box::from).collect();
            t.keys_sorted.sort_by(|a, b| probe_order(a, b));
            t.entries = o
                .iter()
                .map(|(k, x)| (Box::from(k), elem_text(x)))
                .collect();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_texts_are_the_compact_json_of_non_strings() {
        let text =
            r#"["a","É",true,false,null,0,7,18446744073709551615,-3,1.5,1e300,[1,{"k":2}],{}]"#;
        let v: Json = serde_json::from_str(text).unwrap();
        let n = Node::parse(text.as_bytes()).unwrap();
        for (j, e) in v.as_array().unwrap().iter().zip(n.as_array().unwrap()) {
            let want = match j {
                Json::String(s) => s.clone(),
                other => serde_json::to_string(other).unwrap(),
            };
            assert_eq!(&*elem_text(e), want.as_str());
            assert_eq!(&*lower_case(&want), want.to_lowercase().as_str());
        }
        for u in [0, 9, 10, 99, 1000, u64::MAX] {
            assert_eq!(&*u64_text(u), u.to_string().as_str());
        }
        for s in ["abc", "ABC", "aBc-1", "ÀÉ", "straße", "İ", ""] {
            assert_eq!(&*lower_case(s), s.to_lowercase().as_str());
        }
    }

    #[test]
    fn field_slots_follow_field_keys() {
        for (i, k) in FIELD_KEYS.iter().enumerate() {
            assert_eq!(field_slot(k), Some(i), "{k}");
        }
        assert_eq!(field_slot("Type"), None);
        assert_eq!(field_slot(""), None);
    }

    #[test]
    fn errors_and_warnings_naming_a_spec_stay_on_one_line() {
        // Found by the fuzz smoke test: a v2 spec name holding a newline split the message.
        let e = parse_payload(br#"{"feature_gates":{"a\nb":5}}"#, "p.json")
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            e,
            r"p.json: feature_gates.a\nb: expected an object, found a number"
        );
        let p = br#"{"feature_gates":{"a\tb":{"idType":"userID","rules":[{"conditions":[
            {"type":"user_field","operator":"nope"}]}]}}}"#;
        let Ok(Parsed::Specs(s)) = parse_payload(p, "p.json") else {
            panic!("compiles")
        };
        assert_eq!(s.warnings.len(), 1);
        assert!(
            s.warnings[0].contains(r"(feature_gates.a\tb)"),
            "{:?}",
            s.warnings
        );
    }
}
