//! Local overrides: fixed values for chosen users (or everyone), checked before any rule.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::eval::trace::OverrideMatch;
use crate::spec::CompiledSpecs;
use crate::spec::model::{Entity, Kind, Returnable, Spec};
use crate::spec::param_store::{ParamStore, Parameter};
use crate::user::User;

/// Values for one entity: (user id, value); the id `None` means every user.
type PerUser<T = Returnable> = Vec<(Option<Box<str>>, T)>;

/// Which override entry applied to a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched<'u> {
    UserId(&'u str),
    /// The id type and the id.
    CustomId(&'u str, &'u str),
    Everyone,
}

impl Matched<'_> {
    pub fn describe(&self) -> OverrideMatch {
        match *self {
            Matched::UserId(id) => OverrideMatch::UserId { id: id.into() },
            Matched::CustomId(t, id) => OverrideMatch::CustomId {
                id_type: t.into(),
                id: id.into(),
            },
            Matched::Everyone => OverrideMatch::Everyone,
        }
    }
}

/// What an experiment override sets: a value (the core's `override_experiment`) or a group
/// whose value to take (`override_experiment_by_group_name`). The two share one slot per
/// experiment and id, as in the core: the later one replaces the earlier.
#[derive(Debug, Clone, PartialEq)]
pub enum ExperimentOverride {
    Value(Returnable),
    Group(Box<str>),
}

/// Overrides by entity kind and name.
#[derive(Debug, Default)]
pub struct LocalOverrides {
    /// Gates, dynamic configs (the core's `override_dynamic_config`: read where the SDK
    /// reads a dynamic config) and layers.
    entries: HashMap<(Kind, Box<str>), PerUser>,
    /// Experiments (read where the SDK reads an experiment: `get_experiment`, a layer's
    /// delegation, client-initialize entries of experiments).
    experiments: HashMap<Box<str>, PerUser<ExperimentOverride>>,
    /// Parameter stores replaced whole (the core's `override_parameter_store`).
    stores: HashMap<Box<str>, PerUser<ParamStore>>,
}

/// userID, then each customIDs value in order, then the everyone entry (the core's
/// `find_override_for_user`), saying which entry matched.
fn pick<'a, 'u, T>(list: &'a PerUser<T>, user: &'u User) -> Option<(&'a T, Matched<'u>)> {
    let by_id = |id: &str| {
        list.iter()
            .find(|(i, _)| i.as_deref() == Some(id))
            .map(|(_, v)| v)
    };
    if let Some(uid) = user.user_id.str().filter(|s| !s.is_empty())
        && let Some(v) = by_id(uid)
    {
        return Some((v, Matched::UserId(uid)));
    }
    for (id_type, v) in &user.custom_ids {
        if let Some(id) = v.str()
            && let Some(v) = by_id(id)
        {
            return Some((v, Matched::CustomId(id_type, id)));
        }
    }
    list.iter()
        .find(|(i, _)| i.is_none())
        .map(|(_, v)| (v, Matched::Everyone))
}

fn put<T>(list: &mut PerUser<T>, id: Option<&str>, value: T) {
    list.retain(|(i, _)| i.as_deref() != id);
    list.push((id.map(Box::from), value));
}

impl LocalOverrides {
    /// Adds an override for one user id (or everyone with `None`); `Kind::Config` is a
    /// dynamic config override.
    pub fn add(&mut self, kind: Kind, name: &str, id: Option<&str>, value: &Json) {
        let list = self.entries.entry((kind, name.into())).or_default();
        put(list, id, Returnable::from_json(value));
    }

    /// Sets an experiment's value for one user id (or everyone).
    pub fn add_experiment(&mut self, name: &str, id: Option<&str>, value: &Json) {
        let list = self.experiments.entry(name.into()).or_default();
        put(
            list,
            id,
            ExperimentOverride::Value(Returnable::from_json(value)),
        );
    }

    /// Replaces a parameter store for one user id (or everyone): `params` maps each
    /// parameter to a parameter object or a plain value (a static parameter).
    pub fn add_store(
        &mut self,
        name: &str,
        id: Option<&str>,
        params: &serde_json::Map<String, Json>,
    ) {
        let store = ParamStore {
            name: name.into(),
            parameters: params
                .iter()
                .map(|(k, v)| (Box::from(k.as_str()), Parameter::from_override(v)))
                .collect(),
            target_app_ids: None,
            version: None,
        };
        put(self.stores.entry(name.into()).or_default(), id, store);
    }

    /// Forces an experiment into the group named `group` for one user id (or everyone).
    pub fn add_group(&mut self, experiment: &str, id: Option<&str>, group: &str) {
        put(
            self.experiments.entry(experiment.into()).or_default(),
            id,
            ExperimentOverride::Group(group.into()),
        );
    }

    /// The store override that applies to the user, if any.
    pub fn lookup_store(&self, name: &str, user: &User) -> Option<&ParamStore> {
        pick(self.stores.get(name)?, user).map(|(s, _)| s)
    }

    /// The experiment override that applies to the user, and which entry matched.
    pub fn lookup_experiment<'a, 'u>(
        &'a self,
        name: &str,
        user: &'u User,
    ) -> Option<(&'a ExperimentOverride, Matched<'u>)> {
        pick(self.experiments.get(name)?, user)
    }

    /// Overrides that name an entity of another kind than the one they override, which
    /// therefore apply in fewer places than their author may think: a dynamic config
    /// override of an experiment (read only by `get-config`), an experiment override of a
    /// dynamic config (read only by `get-experiment`). One warning line each.
    pub fn kind_warnings(&self, specs: &CompiledSpecs) -> Vec<String> {
        let entity = |n: &str| specs.get(Kind::Config, n).map(|s| &s.entity);
        let mut out = Vec::new();
        let mut configs: Vec<&str> = self
            .entries
            .keys()
            .filter(|(k, n)| {
                *k == Kind::Config && entity(n).is_some_and(|e| *e != Entity::DynamicConfig)
            })
            .map(|(_, n)| &**n)
            .collect();
        configs.sort_unstable();
        for n in configs {
            out.push(format!(
                "the dynamic config override of {n:?} applies only to get-config: {n:?} is an \
                 experiment (override it with --override-experiment or \"experiments\")"
            ));
        }
        let mut exps: Vec<&str> = self
            .experiments
            .keys()
            .filter(|n| entity(n) == Some(&Entity::DynamicConfig))
            .map(|n| &**n)
            .collect();
        exps.sort_unstable();
        for n in exps {
            out.push(format!(
                "the experiment override of {n:?} applies only to get-experiment: {n:?} is a \
                 dynamic config (override it with --override-config or \"configs\")"
            ));
        }
        out
    }

    /// Reads `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "layers": ...}`.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let json: Json = serde_json::from_str(&text)
            .map_err(|e| Error::json_at(path.display(), &e, Error::Overrides))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// The same shape as [`LocalOverrides::load`], already parsed; `origin` names it.
    pub fn from_json(json: &Json, origin: &str) -> Result<Self> {
        let mut out = LocalOverrides::default();
        let obj = json
            .as_object()
            .ok_or_else(|| Error::Overrides(format!("{origin}: expected a JSON object")))?;
        for (section, kind) in [
            ("gates", Some(Kind::Gate)),
            ("configs", Some(Kind::Config)),
            ("experiments", None),
            ("layers", Some(Kind::Layer)),
        ] {
            let Some(s) = obj.get(section) else { continue };
            let s = s.as_object().ok_or_else(|| {
                Error::Overrides(format!("{origin}: {section} must be an object"))
            })?;
            for (name, v) in s {
                let per_user = match (kind, v) {
                    (Some(Kind::Gate), Json::Object(m)) => Some(m),
                    (_, Json::Object(m)) if m.values().all(Json::is_object) && !m.is_empty() => {
                        Some(m)
                    }
                    _ => None,
                };
                let mut add = |id: Option<&str>, val: &Json| match kind {
                    Some(kind) => out.add(kind, name, id, val),
                    None => out.add_experiment(name, id, val),
                };
                match per_user {
                    Some(m) => {
                        for (id, val) in m {
                            add((id != "*").then_some(id.as_str()), val);
                        }
                    }
                    None => add(None, v),
                }
            }
        }
        if let Some(s) = obj.get("param_stores") {
            let s = s.as_object().ok_or_else(|| {
                Error::Overrides(format!("{origin}: param_stores must be an object"))
            })?;
            for (name, v) in s {
                let m = v.as_object().ok_or_else(|| {
                    Error::Overrides(format!(
                        "{origin}: param_stores.{name} must be an object of parameters"
                    ))
                })?;
                // `{"*": {...}, "ID": {...}}` overrides per user; otherwise for everyone.
                if m.contains_key("*") {
                    for (id, params) in m {
                        let params = params.as_object().ok_or_else(|| {
                            Error::Overrides(format!(
                                "{origin}: param_stores.{name}.{id} must be an object of parameters"
                            ))
                        })?;
                        out.add_store(name, (id != "*").then_some(id.as_str()), params);
                    }
                } else {
                    out.add_store(name, None, m);
                }
            }
        }
        if let Some(s) = obj.get("experiment_groups") {
            let s = s.as_object().ok_or_else(|| {
                Error::Overrides(format!("{origin}: experiment_groups must be an object"))
            })?;
            for (name, v) in s {
                match v {
                    Json::String(g) => out.add_group(name, None, g),
                    Json::Object(m) => {
                        for (id, g) in m {
                            let g = g.as_str().ok_or_else(|| {
                                Error::Overrides(format!(
                                    "{origin}: experiment_groups.{name}.{id} must be a group name"
                                ))
                            })?;
                            out.add_group(name, (id != "*").then_some(id.as_str()), g);
                        }
                    }
                    _ => {
                        return Err(Error::Overrides(format!(
                            "{origin}: experiment_groups.{name} must be a group name or {{ID: GROUP}}"
                        )));
                    }
                }
            }
        }
        Ok(out)
    }

    /// userID, then each customIDs value in order, then the everyone entry.
    pub fn lookup(&self, kind: Kind, name: &str, user: &User) -> Option<&Returnable> {
        self.lookup_matched(kind, name, user).map(|(v, _)| v)
    }

    /// [`Self::lookup`] saying which entry matched.
    pub fn lookup_matched<'a, 'u>(
        &'a self,
        kind: Kind,
        name: &str,
        user: &'u User,
    ) -> Option<(&'a Returnable, Matched<'u>)> {
        pick(self.entries.get(&(kind, Box::from(name)))?, user)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.stores.is_empty() && self.experiments.is_empty()
    }

    /// Adds overrides given as flags, after any file: a flag replaces a file entry for the
    /// same entity and id. Experiment groups are looked up in `specs`.
    pub fn apply_flags(&mut self, flags: &[OverrideFlag], specs: &CompiledSpecs) -> Result<()> {
        for f in flags {
            let id = f.id.as_deref();
            match (&f.value, f.flag_name) {
                (FlagValue::Group(g), _) => {
                    check_group(specs, &f.name, g)
                        .map_err(|e| Error::Overrides(format!("{}: {e}", f.flag())))?;
                    self.add_group(&f.name, id, g);
                }
                (FlagValue::Json(v), "experiment") => self.add_experiment(&f.name, id, v),
                (FlagValue::Json(v), _) => self.add(f.kind, &f.name, id, v),
            }
        }
        Ok(())
    }
}

/// What an override flag sets: a value, or an experiment group to take the value of.
#[derive(Debug, Clone, PartialEq)]
pub enum FlagValue {
    Json(Json),
    Group(String),
}

/// One `--override-gate|config|experiment|layer NAME[@ID]=VALUE`.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideFlag {
    pub kind: Kind,
    /// Which flag it came from (`gate`, `config`, `experiment`, `layer`), for messages.
    pub flag_name: &'static str,
    pub name: String,
    /// A user id or custom id; `None` for every user.
    pub id: Option<String>,
    pub value: FlagValue,
    /// The text as given, for messages.
    pub text: String,
}

impl OverrideFlag {
    fn flag(&self) -> String {
        format!("--override-{} {}", self.flag_name, self.text)
    }

    /// Parses `NAME[@ID]=VALUE` for `flag_name` (`gate`, `config`, `experiment`, `layer`).
    /// A gate takes `true`/`false`; a config or layer a JSON object; an experiment a JSON
    /// object or a group name.
    pub fn parse(flag_name: &'static str, text: &str) -> std::result::Result<Self, String> {
        let kind = match flag_name {
            "gate" => Kind::Gate,
            "config" | "experiment" => Kind::Config,
            "layer" => Kind::Layer,
            other => return Err(format!("unknown override kind {other:?}")),
        };
        let Some((target, raw)) = text.split_once('=') else {
            return Err(format!(
                "{text:?}: expected NAME=VALUE or NAME@ID=VALUE (for example \
                 {})",
                example(flag_name)
            ));
        };
        let (name, id) = match target.split_once('@') {
            Some((n, i)) if !i.is_empty() => (n, Some(i.to_string())),
            Some(_) => return Err(format!("{text:?}: the id after @ is empty")),
            None => (target, None),
        };
        if name.is_empty() {
            return Err(format!("{text:?}: the name before = is empty"));
        }
        let value = match kind {
            Kind::Gate => match raw.trim() {
                "true" => FlagValue::Json(Json::Bool(true)),
                "false" => FlagValue::Json(Json::Bool(false)),
                v => {
                    return Err(format!(
                        "{text:?}: a gate override is true or false, not {v:?}"
                    ));
                }
            },
            _ => match serde_json::from_str::<Json>(raw) {
                Ok(v @ Json::Object(_)) => FlagValue::Json(v),
                _ if flag_name == "experiment" && !raw.trim_start().starts_with('{') => {
                    FlagValue::Group(raw.trim().to_string())
                }
                Ok(_) => {
                    return Err(format!("{text:?}: the value must be a JSON object"));
                }
                Err(e) => return Err(format!("{text:?}: the value is not valid JSON: {e}")),
            },
        };
        Ok(OverrideFlag {
            kind,
            flag_name,
            name: name.to_string(),
            id,
            value,
            text: text.to_string(),
        })
    }
}

fn example(flag_name: &str) -> &'static str {
    match flag_name {
        "gate" => "new_checkout=true, new_checkout@user-42=false",
        "experiment" => "checkout_exp=Test, checkout_exp@user-42={\"color\":\"red\"}",
        _ => "pricing={\"discount\":10}",
    }
}

/// Checks that experiment `name` has a group named exactly `group` (the core matches group
/// names exactly; without one it answers an empty value); an error names the groups there
/// are.
pub fn check_group(
    specs: &CompiledSpecs,
    name: &str,
    group: &str,
) -> std::result::Result<(), String> {
    let Some(spec) = specs.get(Kind::Config, name) else {
        return Err(format!("no experiment named {name:?} in the specs"));
    };
    let groups: Vec<&str> = spec
        .rules
        .iter()
        .filter_map(|r| r.group_name.as_deref())
        .collect();
    if groups.contains(&group) {
        return Ok(());
    }
    if groups.is_empty() {
        return Err(format!("{name:?} has no experiment groups"));
    }
    let mut msg = format!(
        "{name:?} has no group {group:?} (groups: {})",
        groups.join(", ")
    );
    if let Some(g) = groups.iter().find(|g| g.eq_ignore_ascii_case(group)) {
        msg.push_str(&format!("; did you mean {g:?}?"));
    }
    Err(msg)
}

/// The value an experiment override gives: its value, or the return value of the rule
/// whose group it names (`None` when there is no such rule: the core's empty value).
pub fn experiment_value<'s>(
    ov: &'s ExperimentOverride,
    spec: Option<&'s Spec>,
) -> Option<&'s Returnable> {
    match ov {
        ExperimentOverride::Value(v) => Some(v),
        ExperimentOverride::Group(g) => spec?
            .rules
            .iter()
            .find(|r| r.group_name.as_deref() == Some(&**g))
            .map(|r| &r.return_value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(text: &str) -> User {
        User::parse(text, "test").unwrap()
    }

    #[test]
    fn flags_parse() {
        let f = OverrideFlag::parse("gate", "g@u1=true").unwrap();
        assert_eq!(
            (f.kind, f.name.as_str(), f.id.as_deref()),
            (Kind::Gate, "g", Some("u1"))
        );
        assert_eq!(f.value, FlagValue::Json(json!(true)));
        let f = OverrideFlag::parse("experiment", "e=Test").unwrap();
        assert_eq!(f.value, FlagValue::Group("Test".into()));
        let f = OverrideFlag::parse("experiment", r#"e={"a":1}"#).unwrap();
        assert_eq!(f.value, FlagValue::Json(json!({"a": 1})));
        assert!(OverrideFlag::parse("gate", "g=yes").is_err());
        assert!(OverrideFlag::parse("gate", "g").is_err());
        assert!(OverrideFlag::parse("config", "c=Test").is_err());
        assert!(OverrideFlag::parse("experiment", "e={bad").is_err());
        assert!(OverrideFlag::parse("layer", "@u=1").is_err());
    }

    #[test]
    fn user_id_beats_custom_id_beats_everyone() {
        let mut o = LocalOverrides::default();
        o.add(Kind::Gate, "g", None, &json!(true));
        o.add(Kind::Gate, "g", Some("acme"), &json!(false));
        o.add(Kind::Gate, "g", Some("u1"), &json!(true));
        let both = user(r#"{"userID":"u1","customIDs":{"companyID":"acme"}}"#);
        let (v, m) = o.lookup_matched(Kind::Gate, "g", &both).unwrap();
        assert_eq!((v.bool, m), (Some(true), Matched::UserId("u1")));
        let custom = user(r#"{"userID":"u2","customIDs":{"companyID":"acme"}}"#);
        let (v, m) = o.lookup_matched(Kind::Gate, "g", &custom).unwrap();
        assert_eq!(
            (v.bool, m),
            (Some(false), Matched::CustomId("companyID", "acme"))
        );
        let other = user(r#"{"userID":"u3"}"#);
        let (v, m) = o.lookup_matched(Kind::Gate, "g", &other).unwrap();
        assert_eq!((v.bool, m), (Some(true), Matched::Everyone));
        assert!(o.lookup(Kind::Config, "g", &other).is_none());
    }
}
