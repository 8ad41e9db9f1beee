//! Parameter stores (`param_stores` in the payload): named sets of parameters, each a static
//! value or a reference to a gate, dynamic config, experiment or layer.
//!
//! A parameter is read the way the Rust core's untagged serde enum reads it: by the fields it
//! has, in the order static (`value`), gate (`gate_name`, `pass_value`, `fail_value`), dynamic
//! config (`config_name`), experiment (`experiment_name`), layer (`layer_name`), each needing
//! string `ref_type` and `param_type` (and `param_name` for the last three). `ref_type` itself
//! decides nothing. A parameter none of these fit makes the payload unreadable, as in the core.

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};

/// What a parameter's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamSource {
    Static(Json),
    Gate {
        gate: Box<str>,
        pass: Json,
        fail: Json,
    },
    DynamicConfig {
        config: Box<str>,
        param: Box<str>,
    },
    Experiment {
        experiment: Box<str>,
        param: Box<str>,
    },
    Layer {
        layer: Box<str>,
        param: Box<str>,
    },
}

/// One parameter of a store.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub ref_type: Box<str>,
    pub param_type: Box<str>,
    pub source: ParamSource,
}

/// One store: its parameters in payload order.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamStore {
    pub name: Box<str>,
    pub parameters: Vec<(Box<str>, Parameter)>,
    pub target_app_ids: Option<Vec<Box<str>>>,
    pub version: Option<u64>,
}

impl ParamStore {
    pub fn get(&self, param: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|(n, _)| &**n == param)
            .map(|(_, p)| p)
    }

    /// `" (did you mean …?)"` over the store's parameters, for an unknown-parameter message.
    pub fn suggest(&self, param: &str) -> String {
        crate::util::suggest::hint(param, self.parameters.iter().map(|(n, _)| &**n))
    }
}

/// All stores of a payload, in payload order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParamStores {
    pub stores: Vec<ParamStore>,
}

impl ParamStores {
    pub fn get(&self, name: &str) -> Option<&ParamStore> {
        self.stores.iter().find(|s| &*s.name == name)
    }

    /// `" (did you mean …?)"` over the store names, or a note that there are none.
    pub fn suggest(&self, name: &str) -> String {
        match self.stores.is_empty() {
            true => " (the payload has no param_stores)".into(),
            false => crate::util::suggest::hint(name, self.stores.iter().map(|s| &*s.name)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stores.is_empty()
    }

    /// Reads `param_stores` (absent or null: no stores). `origin` names the input in errors.
    pub fn compile(v: Option<&Json>, origin: &str) -> Result<ParamStores> {
        let obj = match v {
            None | Some(Json::Null) => return Ok(ParamStores::default()),
            Some(Json::Object(o)) => o,
            Some(_) => {
                return Err(Error::Specs(format!(
                    "{origin}: param_stores: expected an object of stores"
                )));
            }
        };
        let mut stores = Vec::with_capacity(obj.len());
        for (name, store) in obj {
            let path = format!("param_stores.{name}");
            stores.push(compile_store(name, store).map_err(|m| {
                Error::Specs(format!(
                    "{origin}: {path}{m} (the official SDKs reject such a payload)"
                ))
            })?);
        }
        Ok(ParamStores { stores })
    }
}

/// A store, or the error as `".FIELD: message"`.
fn compile_store(name: &str, v: &Json) -> std::result::Result<ParamStore, String> {
    let o = v.as_object().ok_or(": expected an object")?;
    let params = match o.get("parameters") {
        Some(Json::Object(p)) => p,
        _ => return Err(".parameters: expected an object of parameters".into()),
    };
    let mut parameters = Vec::with_capacity(params.len());
    for (pname, p) in params {
        let param = compile_parameter(p).map_err(|m| format!(".parameters.{pname}: {m}"))?;
        parameters.push((Box::from(pname.as_str()), param));
    }
    let target_app_ids = match o.get("targetAppIDs") {
        None | Some(Json::Null) => None,
        Some(Json::Array(a)) => Some(
            a.iter()
                .map(|x| {
                    x.as_str()
                        .map(Box::from)
                        .ok_or(".targetAppIDs: expected strings")
                })
                .collect::<std::result::Result<Vec<_>, _>>()?,
        ),
        Some(_) => return Err(".targetAppIDs: expected an array of strings".into()),
    };
    let version = match o.get("version") {
        None | Some(Json::Null) => None,
        Some(Json::Number(n)) if n.as_u64().is_some_and(|v| v <= u32::MAX as u64) => n.as_u64(),
        Some(_) => return Err(".version: expected a non-negative integer".into()),
    };
    Ok(ParamStore {
        name: name.into(),
        parameters,
        target_app_ids,
        version,
    })
}

/// A string field: `Ok(None)` when absent, `Err` when present but not a string.
fn str_field<'a>(o: &'a Map<String, Json>, key: &str) -> Option<Option<&'a str>> {
    match o.get(key) {
        None => Some(None),
        Some(Json::String(s)) => Some(Some(s)),
        Some(_) => None,
    }
}

pub(crate) fn compile_parameter(v: &Json) -> std::result::Result<Parameter, String> {
    let o = v.as_object().ok_or("expected an object")?;
    // `name` is optional but, when given, must be a string for every shape.
    if str_field(o, "name").is_none() {
        return Err("name must be a string".into());
    }
    let (Some(Some(ref_type)), Some(Some(param_type))) =
        (str_field(o, "ref_type"), str_field(o, "param_type"))
    else {
        return Err("needs string ref_type and param_type".into());
    };
    let s = |k: &str| str_field(o, k).flatten();
    let source = if let Some(value) = o.get("value") {
        ParamSource::Static(value.clone())
    } else if let (Some(gate), Some(pass), Some(fail)) =
        (s("gate_name"), o.get("pass_value"), o.get("fail_value"))
    {
        ParamSource::Gate {
            gate: gate.into(),
            pass: pass.clone(),
            fail: fail.clone(),
        }
    } else if let (Some(config), Some(param)) = (s("config_name"), s("param_name")) {
        ParamSource::DynamicConfig {
            config: config.into(),
            param: param.into(),
        }
    } else if let (Some(experiment), Some(param)) = (s("experiment_name"), s("param_name")) {
        ParamSource::Experiment {
            experiment: experiment.into(),
            param: param.into(),
        }
    } else if let (Some(layer), Some(param)) = (s("layer_name"), s("param_name")) {
        ParamSource::Layer {
            layer: layer.into(),
            param: param.into(),
        }
    } else {
        return Err(format!(
            "ref_type {ref_type:?} without the fields of any parameter kind (value; gate_name, \
             pass_value, fail_value; config_name, experiment_name or layer_name with param_name)"
        ));
    };
    Ok(Parameter {
        ref_type: ref_type.into(),
        param_type: param_type.into(),
        source,
    })
}

/// The parameter's own JSON form (overrides echo it back in `specs show`).
impl Parameter {
    pub fn to_json(&self) -> Json {
        let mut o = Map::new();
        o.insert("ref_type".into(), Json::from(&*self.ref_type));
        o.insert("param_type".into(), Json::from(&*self.param_type));
        match &self.source {
            ParamSource::Static(v) => {
                o.insert("value".into(), v.clone());
            }
            ParamSource::Gate { gate, pass, fail } => {
                o.insert("gate_name".into(), Json::from(&**gate));
                o.insert("pass_value".into(), pass.clone());
                o.insert("fail_value".into(), fail.clone());
            }
            ParamSource::DynamicConfig { config, param } => {
                o.insert("config_name".into(), Json::from(&**config));
                o.insert("param_name".into(), Json::from(&**param));
            }
            ParamSource::Experiment { experiment, param } => {
                o.insert("experiment_name".into(), Json::from(&**experiment));
                o.insert("param_name".into(), Json::from(&**param));
            }
            ParamSource::Layer { layer, param } => {
                o.insert("layer_name".into(), Json::from(&**layer));
                o.insert("param_name".into(), Json::from(&**param));
            }
        }
        Json::Object(o)
    }

    /// An override value that is not a parameter object: a static parameter whose
    /// `param_type` is inferred from the value (the core's `override_parameter_store`).
    pub fn from_override(v: &Json) -> Parameter {
        compile_parameter(v).unwrap_or_else(|_| Parameter {
            ref_type: "static".into(),
            param_type: match v {
                Json::Null => "null",
                Json::Bool(_) => "boolean",
                Json::Number(_) => "number",
                Json::String(_) => "string",
                Json::Array(_) => "array",
                Json::Object(_) => "object",
            }
            .into(),
            source: ParamSource::Static(v.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(p: Json) -> std::result::Result<Parameter, String> {
        compile_parameter(&p)
    }

    #[test]
    fn shape_decides_not_ref_type() {
        // A gate parameter that also carries `value` reads as static, as the core's
        // untagged enum reads it.
        let p = one(
            json!({"ref_type":"gate","param_type":"string","gate_name":"g",
                          "pass_value":"P","fail_value":"F","value":"V"}),
        )
        .unwrap();
        assert_eq!(p.source, ParamSource::Static(json!("V")));
        let p = one(
            json!({"ref_type":"bogus","param_type":"string","layer_name":"l",
                          "param_name":"x"}),
        )
        .unwrap();
        assert_eq!(
            p.source,
            ParamSource::Layer {
                layer: "l".into(),
                param: "x".into()
            }
        );
        // config_name wins over experiment_name when both are there.
        let p = one(
            json!({"ref_type":"experiment","param_type":"string","config_name":"c",
                          "experiment_name":"e","param_name":"x"}),
        )
        .unwrap();
        assert!(matches!(p.source, ParamSource::DynamicConfig { .. }));
    }

    #[test]
    fn unreadable_parameters_reject_the_payload() {
        assert!(one(json!({"ref_type":"static","param_type":"string"})).is_err());
        assert!(one(json!({"ref_type":"static","value":1})).is_err());
        assert!(
            one(
                json!({"ref_type":"gate","param_type":"string","gate_name":"g",
                          "pass_value":1})
            )
            .is_err()
        );
        let err = ParamStores::compile(
            Some(&json!({"s":{"parameters":{"p":{"ref_type":"static"}}}})),
            "f.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("f.json: param_stores.s.parameters.p: "),
            "{err}"
        );
    }

    #[test]
    fn stores_keep_payload_order_and_fields() {
        let s = ParamStores::compile(
            Some(
                &json!({"b":{"parameters":{"z":{"ref_type":"static","param_type":"number",
              "value":1},"a":{"ref_type":"static","param_type":"number","value":2}},
              "targetAppIDs":["app"],"version":3},"a":{"parameters":{}}}),
            ),
            "f",
        )
        .unwrap();
        assert_eq!(s.stores[0].name.as_ref(), "b");
        assert_eq!(s.stores[0].parameters[0].0.as_ref(), "z");
        assert_eq!(s.stores[0].version, Some(3));
        assert_eq!(
            s.stores[0].target_app_ids.as_deref(),
            Some(&[Box::from("app")][..])
        );
        assert!(s.get("a").unwrap().parameters.is_empty());
    }

    #[test]
    fn overrides_infer_static_parameters() {
        let p = Parameter::from_override(&json!(5));
        assert_eq!(&*p.param_type, "number");
        assert_eq!(p.source, ParamSource::Static(json!(5)));
        let full = json!({"ref_type":"gate","param_type":"boolean","gate_name":"g",
                          "pass_value":true,"fail_value":false});
        assert_eq!(Parameter::from_override(&full).to_json(), full);
    }
}
