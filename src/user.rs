//! The user being evaluated: parsed once from JSON (camelCase wire names, snake_case
//! aliases accepted), with every field's facets and derived values ready for conditions.

use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::spec::value::Value;

/// A user, ready for evaluation.
#[derive(Debug)]
pub struct User {
    /// The user as given, keys normalised to the camelCase wire names; echoed in outputs.
    pub json: Map<String, Json>,
    /// `userID`; `""` when the input has none (as Statsig's current SDKs store it).
    pub user_id: Value,
    pub email: Option<Value>,
    pub ip: Option<Value>,
    pub user_agent: Option<Value>,
    pub country: Option<Value>,
    pub locale: Option<Value>,
    pub app_version: Option<Value>,
    pub custom: Vec<(String, Value)>,
    pub private_attributes: Vec<(String, Value)>,
    /// Unit ids by id type, with their string form.
    pub custom_ids: Vec<(String, Value)>,
    pub environment: Vec<(String, Value)>,
    /// Values derived from the user agent (os name/version, browser name/version), parsed
    /// on first use.
    pub(crate) ua_cache: OnceLock<Option<Box<[Value; 4]>>>,
    /// The country of the user's IP, looked up on first use.
    pub(crate) country_cache: OnceLock<Option<Value>>,
}

const RENAMES: &[(&str, &str)] = &[
    ("user_id", "userID"),
    ("userId", "userID"),
    ("user_agent", "userAgent"),
    ("app_version", "appVersion"),
    ("custom_ids", "customIDs"),
    ("customIds", "customIDs"),
    ("private_attributes", "privateAttributes"),
    ("statsig_environment", "statsigEnvironment"),
];

/// The top-level keys evaluation reads from a user (wire names); others are carried along
/// but never looked at.
pub const KEYS: &[&str] = &[
    "userID",
    "email",
    "ip",
    "userAgent",
    "country",
    "locale",
    "appVersion",
    "custom",
    "privateAttributes",
    "customIDs",
    "statsigEnvironment",
];

/// Whether evaluation reads a top-level user key (a wire name or an accepted alias).
pub fn is_known_key(key: &str) -> bool {
    KEYS.contains(&key) || RENAMES.iter().any(|(alias, _)| *alias == key)
}

impl User {
    /// Parses a user JSON object. `origin` names the input in error messages.
    pub fn from_json(json: Json, origin: &str) -> Result<User> {
        let Json::Object(obj) = json else {
            return Err(Error::User(format!(
                "{origin}: a user must be a JSON object"
            )));
        };
        let alias = |k: &str| RENAMES.iter().find(|(from, _)| *from == k);
        // Most users use the wire names: the object is kept as it is.
        let map = if obj.keys().any(|k| alias(k).is_some()) {
            let mut map = Map::new();
            for (k, v) in obj {
                let key = alias(&k).map(|(_, to)| (*to).to_string()).unwrap_or(k);
                map.insert(key, v);
            }
            map
        } else {
            obj
        };
        User::from_map(map, origin)
    }

    fn from_map(map: Map<String, Json>, origin: &str) -> Result<User> {
        // The keys evaluation reads, found in one pass over the object (keys are unique)
        // rather than by one hashed lookup each.
        let mut found: [Option<&Json>; KEYS.len()] = [None; KEYS.len()];
        for (k, v) in &map {
            if let Some(i) = KEYS.iter().position(|key| key == k) {
                found[i] = Some(v);
            }
        }
        let get = |key: &str| {
            let i = KEYS.iter().position(|k| *k == key).expect("a key of KEYS");
            found[i]
        };
        let top = |key: &str| -> Result<Option<Value>> {
            match get(key) {
                None | Some(Json::Null) => Ok(None),
                Some(v @ (Json::String(_) | Json::Number(_) | Json::Bool(_))) => {
                    Ok(Some(Value::from_json(v)))
                }
                Some(_) => Err(Error::User(format!(
                    "{origin}: user.{key} must be a string"
                ))),
            }
        };
        let entries = |key: &str| -> Result<Vec<(String, Value)>> {
            match get(key) {
                None | Some(Json::Null) => Ok(Vec::new()),
                Some(Json::Object(o)) => Ok(o
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect()),
                Some(_) => Err(Error::User(format!(
                    "{origin}: user.{key} must be a JSON object"
                ))),
            }
        };
        Ok(User {
            user_id: top("userID")?.unwrap_or_else(|| Value::from_str_value("")),
            email: top("email")?,
            ip: top("ip")?,
            user_agent: top("userAgent")?,
            country: top("country")?,
            locale: top("locale")?,
            app_version: top("appVersion")?,
            custom: entries("custom")?,
            private_attributes: entries("privateAttributes")?,
            custom_ids: entries("customIDs")?,
            environment: entries("statsigEnvironment")?,
            json: map,
            ua_cache: OnceLock::new(),
            country_cache: OnceLock::new(),
        })
    }

    /// Parses a user from JSON text.
    pub fn parse(text: &str, origin: &str) -> Result<User> {
        let json: Json = serde_json::from_str(text)
            .map_err(|e| Error::User(format!("{origin}: not valid JSON: {e}")))?;
        User::from_json(json, origin)
    }

    /// The unit id for an id type: `userID`, else `customIDs[t]`, else `customIDs[lower(t)]`.
    pub fn unit_id(&self, name: &str, lower: &str, is_user_id: bool) -> Option<&Value> {
        if is_user_id {
            return Some(&self.user_id);
        }
        self.custom_ids
            .iter()
            .find(|(k, _)| k == name)
            .or_else(|| self.custom_ids.iter().find(|(k, _)| k == lower))
            .map(|(_, v)| v)
    }

    /// Whether the legacy SDK would evaluate this user (it needs a userID or customIDs).
    pub fn has_any_id(&self) -> bool {
        self.user_id.str().is_some_and(|s| !s.is_empty()) || !self.custom_ids.is_empty()
    }

    /// The user as logged: everything but `privateAttributes`, `userID` always present.
    pub fn loggable_json(&self) -> Map<String, Json> {
        let mut m = Map::new();
        if !self.json.contains_key("userID") {
            m.insert("userID".into(), Json::String(String::new()));
        }
        for (k, v) in &self.json {
            if k != "privateAttributes" {
                m.insert(k.clone(), v.clone());
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_aliases_become_wire_names() {
        let u = User::parse(
            r#"{"user_id":"7","custom_ids":{"companyID":"c"},"app_version":"1.2"}"#,
            "t",
        )
        .unwrap();
        assert_eq!(u.user_id.str(), Some("7"));
        assert!(u.json.contains_key("userID"));
        assert_eq!(
            u.unit_id("companyID", "companyid", false).unwrap().str(),
            Some("c")
        );
        // Unit-id types match exactly or by their lower-case form, as the Rust core does.
        assert!(u.unit_id("COMPANYID", "companyid", false).is_none());
        assert_eq!(u.app_version.unwrap().str(), Some("1.2"));
    }

    #[test]
    fn every_key_is_read_with_wire_names_or_aliases() {
        let wire = r#"{"userID":"u","email":"e","ip":"1.2.3.4","userAgent":"ua","country":"US",
            "locale":"en","appVersion":"2","custom":{"a":1},"privateAttributes":{"p":2},
            "customIDs":{"c":"3"},"statsigEnvironment":{"tier":"t"},"extra":true}"#;
        let aliased = wire
            .replace("userID", "user_id")
            .replace("userAgent", "user_agent")
            .replace("appVersion", "app_version")
            .replace("privateAttributes", "private_attributes")
            .replace("customIDs", "customIds")
            .replace("statsigEnvironment", "statsig_environment");
        for text in [wire, aliased.as_str()] {
            let u = User::parse(text, "t").unwrap();
            let s = |v: &Option<Value>| v.as_ref().and_then(Value::str).map(str::to_string);
            assert_eq!(u.user_id.str(), Some("u"));
            assert_eq!(
                [
                    &u.email,
                    &u.ip,
                    &u.user_agent,
                    &u.country,
                    &u.locale,
                    &u.app_version
                ]
                .map(s),
                ["e", "1.2.3.4", "ua", "US", "en", "2"].map(|x| Some(x.to_string()))
            );
            let keys = |e: &[(String, Value)]| e.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
            assert_eq!(keys(&u.custom), ["a"]);
            assert_eq!(keys(&u.private_attributes), ["p"]);
            assert_eq!(keys(&u.custom_ids), ["c"]);
            assert_eq!(keys(&u.environment), ["tier"]);
            // The echo keeps the order given, under the wire names.
            let echoed: Vec<&str> = u.json.keys().map(String::as_str).collect();
            assert_eq!(echoed[..3], ["userID", "email", "ip"]);
            assert_eq!(echoed.last(), Some(&"extra"));
        }
        let bad = User::parse(r#"{"email":{"x":1},"userID":[1]}"#, "t").unwrap_err();
        assert_eq!(bad.to_string(), "t: user.userID must be a string");
    }

    #[test]
    fn numeric_ids_use_their_string_form() {
        let u = User::parse(r#"{"userID":123,"customIDs":{"stableID":1.0}}"#, "t").unwrap();
        assert_eq!(u.user_id.str(), Some("123"));
        assert_eq!(
            u.unit_id("stableID", "stableid", false).unwrap().str(),
            Some("1")
        );
    }

    #[test]
    fn rejects_non_objects_and_bad_fields() {
        assert!(User::parse("[]", "t").is_err());
        assert!(User::parse(r#"{"custom": 3}"#, "t").is_err());
        assert!(User::parse(r#"{"email": {}}"#, "t").is_err());
        let e = User::parse("{", "users.ndjson:3").unwrap_err().to_string();
        assert!(e.starts_with("users.ndjson:3: not valid JSON"), "{e}");
    }

    #[test]
    fn loggable_user_drops_private_attributes() {
        let u = User::parse(r#"{"email":"a","privateAttributes":{"x":1}}"#, "t").unwrap();
        let l = u.loggable_json();
        assert!(!l.contains_key("privateAttributes"));
        assert_eq!(l["userID"], "");
    }
}
