//! Local overrides: fixed values for chosen users (or everyone), checked before any rule.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::spec::model::{Kind, Returnable};
use crate::spec::param_store::{ParamStore, Parameter};
use crate::user::User;

/// Values for one entity: (user id, value); the id `None` means every user.
type PerUser<T = Returnable> = Vec<(Option<Box<str>>, T)>;

/// Overrides by entity kind and name.
#[derive(Debug, Default)]
pub struct LocalOverrides {
    entries: HashMap<(Kind, Box<str>), PerUser>,
    /// Parameter stores replaced whole (the core's `override_parameter_store`).
    stores: HashMap<Box<str>, PerUser<ParamStore>>,
    /// Experiments forced into a group by name (`override_experiment_by_group_name`).
    groups: HashMap<Box<str>, PerUser<Box<str>>>,
}

/// userID, then each customIDs value in order, then the everyone entry (the core's
/// `find_override_for_user`).
fn pick<'a, T>(list: &'a PerUser<T>, user: &User) -> Option<&'a T> {
    let by_id = |id: &str| {
        list.iter()
            .find(|(i, _)| i.as_deref() == Some(id))
            .map(|(_, v)| v)
    };
    if let Some(uid) = user.user_id.str().filter(|s| !s.is_empty())
        && let Some(v) = by_id(uid)
    {
        return Some(v);
    }
    for (_, v) in &user.custom_ids {
        if let Some(v) = v.str().and_then(by_id) {
            return Some(v);
        }
    }
    list.iter().find(|(i, _)| i.is_none()).map(|(_, v)| v)
}

fn put<T>(list: &mut PerUser<T>, id: Option<&str>, value: T) {
    list.retain(|(i, _)| i.as_deref() != id);
    list.push((id.map(Box::from), value));
}

impl LocalOverrides {
    /// Adds an override for one user id (or everyone with `None`).
    pub fn add(&mut self, kind: Kind, name: &str, id: Option<&str>, value: &Json) {
        let list = self.entries.entry((kind, name.into())).or_default();
        put(list, id, Returnable::from_json(value));
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
            self.groups.entry(experiment.into()).or_default(),
            id,
            group.into(),
        );
    }

    /// The store override that applies to the user, if any.
    pub fn lookup_store(&self, name: &str, user: &User) -> Option<&ParamStore> {
        pick(self.stores.get(name)?, user)
    }

    /// The forced group name for an experiment and user, if any.
    pub fn lookup_group(&self, experiment: &str, user: &User) -> Option<&str> {
        pick(self.groups.get(experiment)?, user).map(|g| &**g)
    }

    /// Every experiment with a group override, with the group names asked for.
    pub fn group_overrides(&self) -> impl Iterator<Item = (&str, &str)> {
        self.groups
            .iter()
            .flat_map(|(e, l)| l.iter().map(move |(_, g)| (&**e, &**g)))
    }

    /// Reads `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "layers": ...}`.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let json: Json = serde_json::from_str(&text)
            .map_err(|e| Error::input(format!("{}: not valid JSON: {e}", path.display())))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// The same shape as [`LocalOverrides::load`], already parsed; `origin` names it.
    pub fn from_json(json: &Json, origin: &str) -> Result<Self> {
        let mut out = LocalOverrides::default();
        let obj = json
            .as_object()
            .ok_or_else(|| Error::input(format!("{origin}: expected a JSON object")))?;
        for (section, kind) in [
            ("gates", Kind::Gate),
            ("configs", Kind::Config),
            ("experiments", Kind::Config),
            ("layers", Kind::Layer),
        ] {
            let Some(s) = obj.get(section) else { continue };
            let s = s
                .as_object()
                .ok_or_else(|| Error::input(format!("{origin}: {section} must be an object")))?;
            for (name, v) in s {
                let per_user = match (kind, v) {
                    (Kind::Gate, Json::Object(m)) => Some(m),
                    (_, Json::Object(m)) if m.values().all(Json::is_object) && !m.is_empty() => {
                        Some(m)
                    }
                    _ => None,
                };
                match per_user {
                    Some(m) => {
                        for (id, val) in m {
                            let id = (id != "*").then_some(id.as_str());
                            out.add(kind, name, id, val);
                        }
                    }
                    None => out.add(kind, name, None, v),
                }
            }
        }
        if let Some(s) = obj.get("param_stores") {
            let s = s
                .as_object()
                .ok_or_else(|| Error::input(format!("{origin}: param_stores must be an object")))?;
            for (name, v) in s {
                let m = v.as_object().ok_or_else(|| {
                    Error::input(format!(
                        "{origin}: param_stores.{name} must be an object of parameters"
                    ))
                })?;
                // `{"*": {...}, "ID": {...}}` overrides per user; otherwise for everyone.
                if m.contains_key("*") {
                    for (id, params) in m {
                        let params = params.as_object().ok_or_else(|| {
                            Error::input(format!(
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
                Error::input(format!("{origin}: experiment_groups must be an object"))
            })?;
            for (name, v) in s {
                match v {
                    Json::String(g) => out.add_group(name, None, g),
                    Json::Object(m) => {
                        for (id, g) in m {
                            let g = g.as_str().ok_or_else(|| {
                                Error::input(format!(
                                    "{origin}: experiment_groups.{name}.{id} must be a group name"
                                ))
                            })?;
                            out.add_group(name, (id != "*").then_some(id.as_str()), g);
                        }
                    }
                    _ => {
                        return Err(Error::input(format!(
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
        pick(self.entries.get(&(kind, Box::from(name)))?, user)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.stores.is_empty() && self.groups.is_empty()
    }
}
