//! Reading parameter stores for a user, as the core's `get_parameter_store(user, name)
//! .get_*(param, fallback)` does: a static value as is, a gate's pass or fail value, or one
//! parameter of a config, experiment or layer evaluated for the user. The value must have the
//! getter's JSON type; otherwise the caller's fallback is answered (here: `None`).
//!
//! Server-side reads ignore `targetAppIDs` (only client-initialize filters by app), and a
//! store overridden for the user has only the overridden parameters, as in the core.

use serde_json::Value as Json;

use crate::eval::Evaluator;
use crate::eval::evaluator::ConfigRead;
use crate::eval::overrides::LocalOverrides;
use crate::eval::trace::Trace;
use crate::result::{EvalResult, Reason};
use crate::spec::CompiledSpecs;
use crate::spec::model::Kind;
use crate::spec::param_store::{ParamSource, ParamStore, Parameter};
use crate::user::User;

/// The store a user reads under `name`: a local override for the user first (holding only
/// the overridden parameters), then the payload's. `None` when neither has it.
pub fn store_for<'a>(
    specs: &'a CompiledSpecs,
    overrides: Option<&'a LocalOverrides>,
    user: &User,
    name: &str,
) -> Option<(&'a ParamStore, Reason)> {
    if let Some(s) = overrides.and_then(|o| o.lookup_store(name, user)) {
        return Some((s, Reason::LocalOverride));
    }
    specs.stores.get(name).map(|s| (s, Reason::Recognized))
}

/// The JSON type a typed getter accepts (the core's `serde_json::from_value::<T>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    String,
    /// Any number (`get_float`, or a number fallback).
    Number,
    Bool,
    Array,
    Object,
    /// No typed getter: whatever the value is (the core's `get_json_value` without fallback).
    Any,
}

impl ValueType {
    /// The getter `param_type` calls for: `string`, `number`, `boolean`, `array`, `object`;
    /// anything else reads untyped.
    pub fn of_param_type(t: &str) -> ValueType {
        match t {
            "string" => ValueType::String,
            "number" => ValueType::Number,
            "boolean" => ValueType::Bool,
            "array" => ValueType::Array,
            "object" => ValueType::Object,
            _ => ValueType::Any,
        }
    }

    /// The getter a fallback value picks (the core's `get_json_value(fallback)`).
    pub fn of_fallback(v: &Json) -> ValueType {
        match v {
            Json::Null => ValueType::Any,
            Json::Bool(_) => ValueType::Bool,
            Json::Number(_) => ValueType::Number,
            Json::String(_) => ValueType::String,
            Json::Array(_) => ValueType::Array,
            Json::Object(_) => ValueType::Object,
        }
    }

    pub fn accepts(self, v: &Json) -> bool {
        match self {
            ValueType::String => v.is_string(),
            ValueType::Number => v.is_number(),
            ValueType::Bool => v.is_boolean(),
            ValueType::Array => v.is_array(),
            ValueType::Object => v.is_object(),
            ValueType::Any => true,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Number => "number",
            ValueType::Bool => "boolean",
            ValueType::Array => "array",
            ValueType::Object => "object",
            ValueType::Any => "any",
        }
    }
}

/// An entity a parameter read evaluated, handed to the caller for exposures: the kind, the
/// name, the result, and for layers the parameter read. A layer is handed on only when the
/// parameter's value was used, as the core logs a layer parameter exposure only then.
pub struct Referenced<'r, 's> {
    pub kind: Kind,
    pub name: &'r str,
    pub result: &'r EvalResult<'s>,
    pub layer_param: Option<&'r str>,
}

/// Reads one parameter for the evaluator's user. `None` when the SDK would answer the
/// fallback: the referenced value is missing or not of type `ty`. `seen` gets the entity
/// the read evaluated, if any.
pub fn read<'s, T: Trace>(
    ev: &mut Evaluator<'s, '_, T>,
    param: &Parameter,
    ty: ValueType,
    seen: &mut dyn FnMut(Referenced<'_, 's>),
) -> Option<Json> {
    let (kind, name, key) = match &param.source {
        ParamSource::Static(v) => return ty.accepts(v).then(|| v.clone()),
        ParamSource::Gate { gate, pass, fail } => {
            let r = ev.evaluate(Kind::Gate, gate);
            let v = if r.bool { pass } else { fail };
            seen(Referenced {
                kind: Kind::Gate,
                name: gate,
                result: &ev.result,
                layer_param: None,
            });
            return ty.accepts(v).then(|| v.clone());
        }
        ParamSource::DynamicConfig { config, param } => (Kind::Config, config, param),
        ParamSource::Experiment { experiment, param } => (Kind::Config, experiment, param),
        ParamSource::Layer { layer, param } => (Kind::Layer, layer, param),
    };
    // A dynamic config reference is the SDK's get_dynamic_config, even of an experiment.
    // Sticky values are not used here (the SDK reads stores without persisted values).
    let was = ev.config_read;
    ev.config_read = match param.source {
        ParamSource::DynamicConfig { .. } => ConfigRead::Config,
        _ => ConfigRead::Experiment,
    };
    let sticky = ev.sticky.take();
    ev.evaluate(kind, name);
    ev.sticky = sticky;
    ev.config_read = was;
    let value = ev
        .result
        .value()
        .and_then(|j| lookup_key(&j.json, key))
        .filter(|v| ty.accepts(v));
    // A layer read is an exposure only of the parameter, and only when its value is used.
    if kind != Kind::Layer || value.is_some() {
        seen(Referenced {
            kind,
            name,
            result: &ev.result,
            layer_param: (kind == Kind::Layer).then_some(&**key),
        });
    }
    value
}

/// Every parameter of a store with the getter its `param_type` calls for, in store order.
pub fn read_all<'s, T: Trace>(
    ev: &mut Evaluator<'s, '_, T>,
    store: &ParamStore,
    seen: &mut dyn FnMut(Referenced<'_, 's>),
) -> Vec<(Box<str>, Option<Json>)> {
    store
        .parameters
        .iter()
        .map(|(name, p)| {
            let ty = ValueType::of_param_type(&p.param_type);
            (name.clone(), read(ev, p, ty, seen))
        })
        .collect()
}

/// Several stores as `{STORE: {PARAM: VALUE | null}}` (an unknown store is `{}`), for
/// `evaluate`'s `param_stores` section.
pub fn read_stores<'s, T: Trace>(
    ev: &mut Evaluator<'s, '_, T>,
    names: &[&str],
    seen: &mut dyn FnMut(Referenced<'_, 's>),
) -> Json {
    let mut out = serde_json::Map::with_capacity(names.len());
    for &name in names {
        let params = match store_for(ev.specs, ev.overrides, ev.user, name) {
            Some((store, _)) => read_all(ev, store, seen)
                .into_iter()
                .map(|(k, v)| (k.into(), v.unwrap_or(Json::Null)))
                .collect(),
            None => serde_json::Map::new(),
        };
        out.insert(name.into(), Json::Object(params));
    }
    Json::Object(out)
}

/// One key of a JSON object given as text.
fn lookup_key(json: &str, key: &str) -> Option<Json> {
    match serde_json::from_str::<Json>(json).ok()? {
        Json::Object(mut o) => o.remove(key),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::EvalOptions;
    use crate::spec::{CompiledSpecs, Parsed, parse_payload};
    use crate::user::User;
    use serde_json::json;

    fn compile(json: &Json) -> CompiledSpecs {
        match parse_payload(json.to_string().as_bytes(), "test").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!(),
        }
    }

    fn payload() -> Json {
        let rule = |id: &str, cond: &str, value: Json| {
            json!({"id":id,"name":id,"salt":"s","passPercentage":100,"returnValue":value,
                   "idType":"userID","conditions":[cond]})
        };
        json!({"time":1,"has_updates":true,
          "condition_map":{
            "pub":{"type":"public"},
            "em":{"type":"user_field","field":"email","operator":"any","targetValue":["a@x.com"]}},
          "feature_gates":{"g":{"name":"g","type":"feature_gate","entity":"feature_gate",
            "salt":"s","enabled":true,"defaultValue":false,"idType":"userID",
            "rules":[rule("gr","em",json!(true))]}},
          "dynamic_configs":{"c":{"name":"c","type":"dynamic_config","entity":"dynamic_config",
            "salt":"s","enabled":true,"defaultValue":{"n":1,"s":"d"},"idType":"userID",
            "rules":[rule("cr","em",json!({"n":2.5,"s":"x","o":{"k":1}}))]}},
          "layer_configs":{"l":{"name":"l","type":"dynamic_config","entity":"layer",
            "salt":"s","enabled":true,"defaultValue":{"p":"lp","q":[1]},"idType":"userID",
            "rules":[]}},
          "param_stores":{"st":{"parameters":{
            "s":{"ref_type":"static","param_type":"string","value":"v"},
            "bad":{"ref_type":"static","param_type":"string","value":5},
            "g":{"ref_type":"gate","param_type":"number","gate_name":"g","pass_value":1,"fail_value":0},
            "cn":{"ref_type":"dynamic_config","param_type":"number","config_name":"c","param_name":"n"},
            "cs":{"ref_type":"dynamic_config","param_type":"number","config_name":"c","param_name":"s"},
            "miss":{"ref_type":"experiment","param_type":"string","experiment_name":"nope","param_name":"s"},
            "lp":{"ref_type":"layer","param_type":"string","layer_name":"l","param_name":"p"},
            "lq":{"ref_type":"layer","param_type":"string","layer_name":"l","param_name":"q"}}}}})
    }

    #[test]
    fn every_source_and_type_check() {
        let specs = compile(&payload());
        let store = specs.stores.get("st").unwrap();
        let opts = EvalOptions {
            app_id: None,
            now_ms: 0,
        };
        let read_for = |user: &str| {
            let user = User::parse(user, "u").unwrap();
            let mut ev = Evaluator::new(&specs, &user, opts);
            let mut seen = Vec::new();
            let vals = read_all(&mut ev, store, &mut |r| {
                seen.push((r.kind, r.name.to_string(), r.layer_param.map(String::from)))
            });
            (
                Json::Object(
                    vals.into_iter()
                        .map(|(k, v)| (k.to_string(), v.unwrap_or(Json::Null)))
                        .collect(),
                ),
                seen,
            )
        };
        let (v, seen) = read_for(r#"{"userID":"1","email":"a@x.com"}"#);
        assert_eq!(
            v,
            json!({"s":"v","bad":null,"g":1,"cn":2.5,"cs":null,"miss":null,"lp":"lp","lq":null})
        );
        // gate, config twice, the missing experiment, and the layer only for the parameter
        // whose value was used.
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[4], (Kind::Layer, "l".into(), Some("p".into())));
        let (v, _) = read_for(r#"{"userID":"1"}"#);
        assert_eq!(v["g"], json!(0));
        assert_eq!(v["cn"], json!(1));
    }

    #[test]
    fn getters_by_fallback() {
        assert_eq!(ValueType::of_fallback(&json!(1.5)), ValueType::Number);
        assert_eq!(ValueType::of_fallback(&json!(null)), ValueType::Any);
        assert!(ValueType::Number.accepts(&json!(3)));
        assert!(!ValueType::String.accepts(&json!(3)));
        assert_eq!(ValueType::of_param_type("weird"), ValueType::Any);
    }
}
