//! Local overrides: fixed values for chosen users (or everyone), checked before any rule.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::eval::trace::OverrideMatch;
use crate::spec::model::{Kind, Returnable};
use crate::user::User;

/// Values for one entity: (user id, value); the id `None` means every user.
type PerUser = Vec<(Option<Box<str>>, Returnable)>;

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
        let mut out = LocalOverrides::default();
        let obj = json
            .as_object()
            .ok_or_else(|| Error::input(format!("{}: expected a JSON object", path.display())))?;
        for (section, kind) in [
            ("gates", Kind::Gate),
            ("configs", Kind::Config),
            ("experiments", Kind::Config),
            ("layers", Kind::Layer),
        ] {
            let Some(s) = obj.get(section) else { continue };
            let s = s.as_object().ok_or_else(|| {
                Error::input(format!("{}: {section} must be an object", path.display()))
            })?;
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
        self.lookup_matched(kind, name, user).map(|(v, _)| v)
    }

    /// [`Self::lookup`] saying which entry matched.
    pub fn lookup_matched<'a, 'u>(
        &'a self,
        kind: Kind,
        name: &str,
        user: &'u User,
    ) -> Option<(&'a Returnable, Matched<'u>)> {
        let list = self.entries.get(&(kind, Box::from(name)))?;
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

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
