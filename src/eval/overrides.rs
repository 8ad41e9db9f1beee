//! Local overrides: fixed values for chosen users (or everyone), checked before any rule.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::spec::model::{Kind, Returnable};
use crate::user::User;

/// Values for one entity: (user id, value); the id `None` means every user.
type PerUser = Vec<(Option<Box<str>>, Returnable)>;

/// Overrides by entity kind and name.
#[derive(Debug, Default)]
pub struct LocalOverrides {
    entries: HashMap<(Kind, Box<str>), PerUser>,
}

impl LocalOverrides {
    /// Adds an override for one user id (or everyone with `None`).
    pub fn add(&mut self, kind: Kind, name: &str, id: Option<&str>, value: &Json) {
        let list = self.entries.entry((kind, name.into())).or_default();
        list.retain(|(i, _)| i.as_deref() != id);
        list.push((id.map(Box::from), Returnable::from_json(value)));
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
        Ok(out)
    }

    /// userID, then each customIDs value in order, then the everyone entry.
    pub fn lookup(&self, kind: Kind, name: &str, user: &User) -> Option<&Returnable> {
        let list = self.entries.get(&(kind, Box::from(name)))?;
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

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
