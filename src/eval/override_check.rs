//! Suspicious names in an overrides document: a section the reader does not know (`gate`
//! for `gates`) is ignored, and an entity the specs do not have is never evaluated, so
//! either would silently override nothing. Each is reported with a did-you-mean.

use serde_json::Value as Json;

use crate::spec::CompiledSpecs;
use crate::spec::model::Kind;
use crate::util::suggest::hint;

/// The top-level keys an overrides document may have.
pub const SECTIONS: &[&str] = &[
    "gates",
    "configs",
    "experiments",
    "layers",
    "param_stores",
    "experiment_groups",
];

/// One warning per unknown section, entity, parameter store or store parameter of `doc`
/// (`origin: path: what`), checked against `specs`.
pub fn unknown_names(doc: &Json, specs: &CompiledSpecs, origin: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(top) = doc.as_object() else {
        return out;
    };
    for key in top.keys() {
        if !SECTIONS.contains(&key.as_str()) {
            out.push(format!(
                "{origin}: unknown key {key:?}, ignored{}",
                hint(key, SECTIONS.iter().copied())
            ));
        }
    }
    // `configs` (dynamic config overrides) and `experiments` (experiment overrides) both name
    // specs of `dynamic_configs`; one naming the other kind is warned about by
    // `LocalOverrides::kind_warnings`.
    let entity_sections = [
        ("gates", Kind::Gate, "gate"),
        ("configs", Kind::Config, "dynamic config or experiment"),
        ("experiments", Kind::Config, "experiment"),
        ("experiment_groups", Kind::Config, "experiment"),
        ("layers", Kind::Layer, "layer"),
    ];
    for (section, kind, word) in entity_sections {
        let Some(Json::Object(entries)) = top.get(section) else {
            continue;
        };
        for name in entries.keys() {
            if specs.get(kind, name).is_none() {
                out.push(format!(
                    "{origin}: {section}.{name}: no {word} named {name:?} in the specs{}",
                    specs.suggest(kind, name)
                ));
            }
        }
    }
    if let Some(Json::Object(stores)) = top.get("param_stores") {
        for (name, v) in stores {
            let Some(store) = specs.stores.get(name) else {
                out.push(format!(
                    "{origin}: param_stores.{name}: no parameter store named {name:?} in the \
                     specs{}",
                    specs.stores.suggest(name)
                ));
                continue;
            };
            let Json::Object(m) = v else { continue };
            // `{"*": {...}, "ID": {...}}` per user, else the parameters themselves.
            let per_user = m.contains_key("*");
            let params: Vec<(String, &String)> = match per_user {
                true => m
                    .iter()
                    .filter_map(|(id, p)| Some((id, p.as_object()?)))
                    .flat_map(|(id, p)| p.keys().map(move |k| (format!("{name}.{id}.{k}"), k)))
                    .collect(),
                false => m.keys().map(|k| (format!("{name}.{k}"), k)).collect(),
            };
            for (path, param) in params {
                if store.get(param).is_none() {
                    out.push(format!(
                        "{origin}: param_stores.{path}: store {name:?} has no parameter \
                         {param:?}{}",
                        store.suggest(param)
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_specs_and_unknown_sections_are_reported() {
        let specs = match crate::spec::parse_payload(
            br#"{"feature_gates":{"new_checkout":{"name":"new_checkout","type":"feature_gate","enabled":true,"defaultValue":false,"rules":[],"idType":"userID","salt":"s"}},"dynamic_configs":{},"layer_configs":{}}"#,
            "t",
        )
        .unwrap()
        {
            crate::spec::Parsed::Specs(s) => *s,
            crate::spec::Parsed::NoUpdates => unreachable!(),
        };
        let doc =
            serde_json::json!({"gate": {}, "gates": {"new_checkout": true, "new_chekout": false}});
        let got = unknown_names(&doc, &specs, "o.json");
        assert_eq!(
            got,
            [
                "o.json: unknown key \"gate\", ignored (did you mean `gates`?)",
                "o.json: gates.new_chekout: no gate named \"new_chekout\" in the specs (did you \
                 mean `new_checkout`?)"
            ]
        );
    }
}
