//! `statsig log-event NAME`: one custom event.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;
use serde_json::{Map, Value as Json};

use super::events::{DeliveryArgs, KeyArgs, finish_delivery, start_delivery};
use crate::error::{Error, Result};
use crate::events::Event;
use crate::user::User;

/// The user an event is about. (Temporary: the shared user flags in `cli/user_args.rs`
/// will replace these.)
#[derive(Debug, Clone, Default, Args)]
pub struct EventUserArgs {
    /// The user as JSON, `@FILE` or `-` (stdin); the flags below override its fields.
    #[arg(long, value_name = "JSON|@FILE|-")]
    pub user: Option<String>,
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub ip: Option<String>,
    #[arg(long)]
    pub user_agent: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub locale: Option<String>,
    #[arg(long)]
    pub app_version: Option<String>,
    /// A custom field (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub custom: Vec<String>,
    /// A custom unit id (repeatable).
    #[arg(long, value_name = "TYPE=ID")]
    pub custom_id: Vec<String>,
    /// A private attribute (repeatable): used for evaluation, never logged.
    #[arg(long, value_name = "KEY=VALUE")]
    pub private: Vec<String>,
    /// statsigEnvironment.tier.
    #[arg(long, value_name = "TIER")]
    pub environment: Option<String>,
}

fn pair(s: &str, flag: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(Error::input(format!("--{flag} {s}: expected KEY=VALUE"))),
    }
}

impl EventUserArgs {
    /// The user, or `None` when no user flag was given.
    pub fn user(&self) -> Result<Option<User>> {
        let mut map = match &self.user {
            None => Map::new(),
            Some(text) => {
                let (text, origin) = if text == "-" {
                    let mut s = String::new();
                    std::io::stdin()
                        .read_to_string(&mut s)
                        .map_err(|e| Error::io("stdin", e))?;
                    (s, "--user -".to_string())
                } else if let Some(path) = text.strip_prefix('@') {
                    let p = PathBuf::from(path);
                    (
                        std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?,
                        path.to_string(),
                    )
                } else {
                    (text.clone(), "--user".to_string())
                };
                match serde_json::from_str::<Json>(&text) {
                    Ok(Json::Object(m)) => m,
                    Ok(_) => return Err(Error::input(format!("{origin}: not a JSON object"))),
                    Err(e) => return Err(Error::input(format!("{origin}: not valid JSON: {e}"))),
                }
            }
        };
        let mut any = self.user.is_some();
        let mut set = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                map.insert(k.to_string(), Json::from(v.as_str()));
                any = true;
            }
        };
        set("userID", &self.user_id);
        set("email", &self.email);
        set("ip", &self.ip);
        set("userAgent", &self.user_agent);
        set("country", &self.country);
        set("locale", &self.locale);
        set("appVersion", &self.app_version);
        for (flag, key, list) in [
            ("custom", "custom", &self.custom),
            ("custom-id", "customIDs", &self.custom_id),
            ("private", "privateAttributes", &self.private),
        ] {
            for item in list {
                let (k, v) = pair(item, flag)?;
                let obj = map.entry(key).or_insert_with(|| Json::Object(Map::new()));
                let Json::Object(obj) = obj else {
                    return Err(Error::input(format!("user.{key} must be a JSON object")));
                };
                obj.insert(k, Json::from(v));
                any = true;
            }
        }
        if let Some(tier) = &self.environment {
            let mut env = Map::new();
            env.insert("tier".into(), Json::from(tier.as_str()));
            map.insert("statsigEnvironment".into(), Json::Object(env));
            any = true;
        }
        if !any {
            return Ok(None);
        }
        User::from_json(Json::Object(map), "user").map(Some)
    }
}

/// Log one custom event.
#[derive(Debug, Args)]
pub struct LogEventArgs {
    /// The event name.
    pub name: String,

    /// The event's value: a number if it reads as one, else a string.
    #[arg(long, value_name = "V", allow_hyphen_values = true)]
    pub value: Option<String>,

    /// Send --value as a string even if it reads as a number.
    #[arg(long)]
    pub string_value: bool,

    /// A metadata field (repeatable), sent as a string.
    #[arg(long, value_name = "KEY=VALUE")]
    pub metadata: Vec<String>,

    /// The event time in ms since the epoch (default now).
    #[arg(long, value_name = "MS")]
    pub time: Option<i64>,

    #[command(flatten)]
    pub user: EventUserArgs,

    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub delivery: DeliveryArgs,
}

/// Builds the event the arguments describe.
pub fn build_event(args: &LogEventArgs) -> Result<Event> {
    let mut e = Event::custom(&args.name)?;
    if let Some(v) = &args.value {
        let number = (!args.string_value)
            .then(|| serde_json::from_str::<serde_json::Number>(v.trim()).ok())
            .flatten();
        e.value = Some(match number {
            Some(n) => Json::Number(n),
            None => Json::from(v.as_str()),
        });
    }
    if !args.metadata.is_empty() {
        let mut m = Map::new();
        for item in &args.metadata {
            let (k, v) = pair(item, "metadata")?;
            m.insert(k, Json::from(v));
        }
        e.metadata = Some(m);
    }
    if let Some(t) = args.time {
        if t < 0 {
            return Err(Error::input("--time must be a non-negative number of ms"));
        }
        e.time = t;
    }
    if let Some(u) = args.user.user()? {
        e = e.with_user(&u);
    }
    Ok(e)
}

pub fn run(args: &LogEventArgs) -> Result<i32> {
    let event = build_event(args)?;
    let mut d = start_delivery(&args.key, &args.delivery)?;
    d.push(&event)?;
    finish_delivery(d, args.delivery.quiet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: LogEventArgs,
    }

    fn parse(args: &[&str]) -> Result<Event> {
        let t = T::try_parse_from(std::iter::once("t").chain(args.iter().copied())).unwrap();
        build_event(&t.a)
    }

    #[test]
    fn builds_events_from_flags() {
        let e = parse(&[
            "buy",
            "--value",
            "9.5",
            "--metadata",
            "sku=a=b",
            "--user-id",
            "u",
            "--custom-id",
            "stableID=s",
            "--private",
            "ssn=1",
            "--time",
            "7",
        ])
        .unwrap();
        let v: Json = serde_json::from_slice(&e.to_json_bytes()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"eventName":"buy","value":9.5,"metadata":{"sku":"a=b"},
                "user":{"userID":"u","customIDs":{"stableID":"s"}},"time":7})
        );
        let e = parse(&["x", "--value", "12", "--string-value"]).unwrap();
        assert_eq!(e.value, Some(Json::from("12")));
        let e = parse(&["x", "--value", "sku_1"]).unwrap();
        assert_eq!(e.value, Some(Json::from("sku_1")));
        assert!(e.user.is_none());
        assert!(parse(&["x", "--metadata", "novalue"]).is_err());
        let e = parse(&[
            "x",
            "--user",
            r#"{"userID":"a","email":"e"}"#,
            "--email",
            "f",
        ])
        .unwrap();
        assert_eq!(e.user.unwrap()["email"], "f");
    }
}
