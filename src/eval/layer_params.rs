//! Per-parameter layer evaluation (`useNewLayerEval`), as the core's `new_layer_eval`: every
//! rule that matches and passes its roll contributes the parameters not set yet (first
//! writer wins); a delegating rule contributes its experiment's value only while no rule has
//! passed before it and none of that value's parameters is set; the layer's defaults fill
//! the rest. Each parameter remembers the rule that set it (`parameter_rule_ids`).

use std::sync::Arc;

use serde_json::{Map, Value as Json};

use crate::eval::Evaluator;
use crate::eval::trace::Trace;
use crate::result::Exposure;
use crate::spec::model::{Returnable, Spec};

/// The rule id of parameters the layer's defaults set.
const DEFAULT_RULE: &str = "default";

/// The merged value being built: parameters in the order they were set.
struct Merged<'s> {
    values: Map<String, Json>,
    rule_ids: Vec<(&'s str, &'s str)>,
}

impl<'s> Merged<'s> {
    fn has_any(&self, r: &Returnable) -> bool {
        r.keys.iter().any(|k| self.values.contains_key(&**k))
    }

    /// Sets every parameter of `r` not set yet, recording `rule_id` for it.
    fn fill(&mut self, r: &'s Returnable, rule_id: &'s str) {
        if r.keys.iter().all(|k| self.values.contains_key(&**k)) {
            return;
        }
        let Ok(Json::Object(o)) = serde_json::from_str::<Json>(&r.json) else {
            return;
        };
        for (k, key) in o.into_iter().zip(r.keys.iter()) {
            if !self.values.contains_key(&k.0) {
                self.values.insert(k.0, k.1);
                self.rule_ids.push((key, rule_id));
            }
        }
    }
}

impl<'s, 'u, T: Trace> Evaluator<'s, 'u, T> {
    /// Evaluates `spec` (a layer with `useNewLayerEval`) into the shared result.
    pub(crate) fn evaluate_layer_per_parameter(&mut self, spec: &'s Spec) {
        let mut merged = Merged {
            values: Map::new(),
            rule_ids: Vec::new(),
        };
        let mut has_passed_rule = false;
        let mut passed = false;
        let mut rule_id: &'s str = DEFAULT_RULE;
        let mut delegate: Option<&'s str> = None;
        let mut group_name: Option<&'s str> = None;
        let mut is_experiment_group = false;
        let mut explicit: Option<&'s [Box<str>]> = None;
        let mut exposures: Vec<Exposure<'s>> = Vec::new();

        for rule in &spec.rules {
            self.evaluate_rule_conditions(rule);
            exposures.append(&mut self.result.secondary_exposures);
            if self.result.unsupported {
                return;
            }
            if !self.result.bool || !self.roll(rule, &spec.salt) {
                continue;
            }
            if self.delegate(rule) {
                if has_passed_rule {
                    continue;
                }
                let Some(value) = self.result.json else {
                    continue;
                };
                if merged.has_any(value) {
                    continue;
                }
                merged.fill(value, &rule.id);
                exposures.append(&mut self.result.secondary_exposures);
                passed = self.result.bool;
                delegate = self.result.config_delegate;
                group_name = self.result.group_name;
                rule_id = &rule.id;
                is_experiment_group = rule.is_experiment_group;
                explicit = self.result.explicit_parameters;
            } else {
                passed = self.result.bool;
                merged.fill(&rule.return_value, &rule.id);
            }
            has_passed_rule = true;
        }
        merged.fill(&spec.default_value, DEFAULT_RULE);

        let r = &mut self.result;
        r.bool = passed;
        r.config_delegate = delegate;
        r.group_name = group_name;
        r.rule_id = Some(rule_id);
        r.json = None;
        r.owned_value = Some(Arc::new(Returnable::from_json(&Json::Object(
            merged.values,
        ))));
        r.is_experiment_group = is_experiment_group;
        r.is_experiment_active = spec.is_active == Some(true);
        r.explicit_parameters = explicit;
        r.secondary_exposures = exposures;
        // The core moves the rules' exposures into the layer's list before copying them
        // to the undelegated list, which therefore stays empty.
        r.undelegated = Some(Vec::new());
        r.parameter_rule_ids = Some(merged.rule_ids);
        self.finalize(spec, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::EvalOptions;
    use crate::spec::model::Kind;
    use crate::spec::{CompiledSpecs, Parsed, parse_payload};
    use crate::user::User;
    use serde_json::json;

    fn compile(v: &Json) -> CompiledSpecs {
        match parse_payload(v.to_string().as_bytes(), "t").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!(),
        }
    }

    fn rule(id: &str, value: Json, delegate: Option<&str>) -> Json {
        let mut r = json!({"id":id,"name":id,"salt":id,"passPercentage":100,"returnValue":value,
                           "idType":"userID","conditions":["pub"]});
        if let Some(d) = delegate {
            r["configDelegate"] = json!(d);
        }
        r
    }

    fn payload(rules: Vec<Json>) -> Json {
        json!({"time":1,"has_updates":true,"condition_map":{"pub":{"type":"public"}},
          "feature_gates":{},
          "dynamic_configs":{"e":{"name":"e","type":"dynamic_config","entity":"experiment",
            "salt":"s","enabled":true,"defaultValue":{},"idType":"userID","isActive":true,
            "explicitParameters":["b"],
            "rules":[{"id":"g","name":"g","salt":"g","passPercentage":100,"returnValue":{"b":"e"},
              "idType":"userID","conditions":["pub"],"groupName":"G","isExperimentGroup":true}]}},
          "layer_configs":{"l":{"name":"l","type":"dynamic_config","entity":"layer","salt":"s",
            "enabled":true,"defaultValue":{"a":"d","b":"d","c":"d"},"idType":"userID",
            "useNewLayerEval":true,"rules":rules}}})
    }

    fn eval(specs: &CompiledSpecs) -> (Json, String, Vec<(String, String)>, Option<String>) {
        let user = User::parse(r#"{"userID":"1"}"#, "u").unwrap();
        let mut ev = Evaluator::new(
            specs,
            &user,
            EvalOptions {
                app_id: None,
                now_ms: 0,
            },
        );
        let r = ev.evaluate(Kind::Layer, "l");
        (
            serde_json::from_str(&r.value().unwrap().json).unwrap(),
            r.rule_id_str().to_string(),
            r.parameter_rule_ids
                .as_deref()
                .unwrap()
                .iter()
                .map(|(p, r)| (p.to_string(), r.to_string()))
                .collect(),
            r.config_delegate.map(String::from),
        )
    }

    #[test]
    fn first_writer_wins_and_defaults_fill_the_rest() {
        let specs = compile(&payload(vec![
            rule("r1", json!({"a":"r1"}), None),
            rule("r2", json!({"a":"r2","c":"r2"}), None),
        ]));
        let (v, rule_id, ids, delegate) = eval(&specs);
        assert_eq!(v, json!({"a":"r1","c":"r2","b":"d"}));
        // Only a delegating rule names the result's rule.
        assert_eq!(rule_id, "default");
        assert_eq!(delegate, None);
        let ids: Vec<(&str, &str)> = ids.iter().map(|(a, b)| (&**a, &**b)).collect();
        assert_eq!(ids, [("a", "r1"), ("c", "r2"), ("b", "default")]);
    }

    #[test]
    fn a_delegate_after_a_passed_rule_is_skipped() {
        let specs = compile(&payload(vec![
            rule("r1", json!({"a":"r1"}), None),
            rule("to_e", json!({}), Some("e")),
        ]));
        let (v, rule_id, _, delegate) = eval(&specs);
        assert_eq!(v, json!({"a":"r1","b":"d","c":"d"}));
        assert_eq!((rule_id.as_str(), delegate), ("default", None));
    }

    #[test]
    fn a_first_delegate_contributes_and_names_the_rule() {
        let specs = compile(&payload(vec![
            rule("to_e", json!({}), Some("e")),
            rule("r2", json!({"b":"r2","c":"r2"}), None),
        ]));
        let (v, rule_id, ids, delegate) = eval(&specs);
        assert_eq!(v, json!({"b":"e","c":"r2","a":"d"}));
        assert_eq!(rule_id, "to_e");
        assert_eq!(delegate.as_deref(), Some("e"));
        assert_eq!(ids[0], ("b".to_string(), "to_e".to_string()));
    }
}
