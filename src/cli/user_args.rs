//! User flags shared by every command that evaluates or logs for a user.

use std::io::Read;
use std::path::PathBuf;

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::user::User;

/// The ids of the single-user flags below, for `--users FILE` to conflict with: a stream of
/// users and one user's flags together is a usage error (one of them would be ignored).
pub const SINGLE_USER_FLAGS: [&str; 12] = [
    "user",
    "user_id",
    "email",
    "ip",
    "user_agent",
    "country",
    "locale",
    "app_version",
    "custom",
    "private",
    "custom_id",
    "environment",
];

/// Who to evaluate for: flags, or `--user` JSON (inline, `@file`, `-` for stdin).
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "User")]
pub struct UserArgs {
    /// The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields.
    #[arg(long, value_name = "JSON")]
    pub user: Option<String>,
    /// The user's id (`userID`), the unit of most rollouts.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// The user's email.
    #[arg(long)]
    pub email: Option<String>,
    /// The user's IP address (a country is looked up from it when none is given).
    #[arg(long)]
    pub ip: Option<String>,
    /// The user agent (browser and OS conditions parse it).
    #[arg(long, value_name = "UA")]
    pub user_agent: Option<String>,
    /// The user's country, as a two-letter code.
    #[arg(long)]
    pub country: Option<String>,
    /// The user's locale (`en_US`).
    #[arg(long)]
    pub locale: Option<String>,
    /// The app version (`1.2.3`), compared as a version.
    #[arg(long, value_name = "VERSION")]
    pub app_version: Option<String>,
    /// A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number).
    #[arg(long, value_name = "KEY=VALUE")]
    pub custom: Vec<String>,
    /// A private attribute (used for evaluation, never logged).
    #[arg(long, value_name = "KEY=VALUE")]
    pub private: Vec<String>,
    /// A unit id for another id type, e.g. `companyID=42`.
    #[arg(long, value_name = "TYPE=ID")]
    pub custom_id: Vec<String>,
    /// The environment tier (`statsigEnvironment.tier`).
    #[arg(long, value_name = "TIER")]
    pub environment: Option<String>,
}

/// `KEY=VALUE` of a repeatable flag (`--custom`, `--metadata`, ...): a non-empty key, then
/// everything after the first `=`.
pub fn split_kv<'a>(flag: &str, s: &'a str) -> Result<(&'a str, &'a str)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k, v)),
        _ => Err(Error::User(format!("--{flag} {s:?}: expected KEY=VALUE"))),
    }
}

/// `VALUE` as JSON when it parses as JSON, else as a string.
pub fn loose_json(v: &str) -> Json {
    serde_json::from_str(v).unwrap_or_else(|_| Json::String(v.to_string()))
}

impl UserArgs {
    /// `--user -`, as an input of [`super::common::one_stdin`].
    pub fn stdin(&self) -> (&'static str, bool) {
        ("--user", self.user.as_deref() == Some("-"))
    }

    /// Whether any user flag or `--user` was given.
    pub fn is_empty(&self) -> bool {
        self.user.is_none()
            && self.user_id.is_none()
            && self.email.is_none()
            && self.ip.is_none()
            && self.user_agent.is_none()
            && self.country.is_none()
            && self.locale.is_none()
            && self.app_version.is_none()
            && self.custom.is_empty()
            && self.private.is_empty()
            && self.custom_id.is_empty()
            && self.environment.is_none()
    }

    /// Builds the user JSON object (before parsing into a [`User`]).
    pub fn to_json(&self) -> Result<Map<String, Json>> {
        let mut map = match &self.user {
            None => Map::new(),
            Some(spec) => {
                let (text, origin) = read_user_arg(spec)?;
                let json: Json = serde_json::from_str(&text)
                    .map_err(|e| Error::User(format!("{origin}: not valid JSON: {e}")))?;
                User::from_json(json, &origin)?.json
            }
        };
        let mut set = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                map.insert(k.to_string(), Json::String(v.clone()));
            }
        };
        set("userID", &self.user_id);
        set("email", &self.email);
        set("ip", &self.ip);
        set("userAgent", &self.user_agent);
        set("country", &self.country);
        set("locale", &self.locale);
        set("appVersion", &self.app_version);
        for (flag, key, list, loose) in [
            ("custom", "custom", &self.custom, true),
            ("private", "privateAttributes", &self.private, true),
            ("custom-id", "customIDs", &self.custom_id, false),
        ] {
            for kv in list {
                let (k, v) = split_kv(flag, kv)?;
                let obj = map
                    .entry(key.to_string())
                    .or_insert_with(|| Json::Object(Map::new()));
                if !obj.is_object() {
                    *obj = Json::Object(Map::new());
                }
                let value = if loose {
                    loose_json(v)
                } else {
                    Json::String(v.to_string())
                };
                obj.as_object_mut()
                    .expect("just made an object")
                    .insert(k.to_string(), value);
            }
        }
        if let Some(tier) = &self.environment {
            let env = map
                .entry("statsigEnvironment".to_string())
                .or_insert_with(|| Json::Object(Map::new()));
            if !env.is_object() {
                *env = Json::Object(Map::new());
            }
            env.as_object_mut()
                .expect("just made an object")
                .insert("tier".into(), Json::String(tier.clone()));
        }
        Ok(map)
    }

    /// The user; when none was described, asked for on a terminal, else an error.
    pub fn to_user(&self) -> Result<User> {
        let fields = if !self.is_empty() {
            self.to_json()?
        } else if crate::cli::prompt::enabled() {
            crate::cli::prompt::ask_user()?
        } else {
            return Err(Error::User(
                "no user given: pass --user-id, --custom-id, other user flags or --user JSON"
                    .into(),
            ));
        };
        let user = User::from_json(Json::Object(fields), "user")?;
        if !user.has_any_id() {
            crate::util::warn::warn(format_args!(
                "the user has no userID and no customIDs; it is evaluated with an \
                 empty userID, as Statsig's current SDKs do"
            ));
        }
        Ok(user)
    }
}

/// Reads `--user`: inline JSON, `@file`, or `-`.
fn read_user_arg(spec: &str) -> Result<(String, String)> {
    if spec == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::io("stdin", e))?;
        Ok((s, "--user (stdin)".into()))
    } else if let Some(path) = spec.strip_prefix('@') {
        let p = PathBuf::from(path);
        let s = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
        Ok((s, path.to_string()))
    } else {
        Ok((spec.to_string(), "--user".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_build_a_user_and_override_json() {
        let a = UserArgs {
            user: Some(r#"{"userID":"x","custom":{"a":1}}"#.into()),
            user_id: Some("42".into()),
            custom: vec!["level=9".into(), "name=bob".into()],
            custom_id: vec!["companyID=1".into()],
            environment: Some("staging".into()),
            ..UserArgs::default()
        };
        let m = a.to_json().unwrap();
        assert_eq!(m["userID"], "42");
        assert_eq!(m["custom"]["a"], 1);
        assert_eq!(m["custom"]["level"], 9);
        assert_eq!(m["custom"]["name"], "bob");
        assert_eq!(m["customIDs"]["companyID"], "1");
        assert_eq!(m["statsigEnvironment"]["tier"], "staging");
    }

    #[test]
    fn bad_pairs_and_empty_users_are_errors() {
        let a = UserArgs {
            custom: vec!["novalue".into()],
            ..UserArgs::default()
        };
        assert!(a.to_json().is_err());
        assert!(UserArgs::default().to_user().is_err());
    }
}
