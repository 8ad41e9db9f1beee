//! `statsig log-event NAME`: one custom event.

use clap::Args;
use serde_json::{Map, Value as Json};

use super::args::SendArgs;
use super::events::{finish_delivery, start_delivery};
use super::user_args::{UserArgs, split_kv};
use crate::error::{Error, ExitCode, Result};
use crate::events::Event;
use crate::user::User;

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

    /// The event time as RFC 3339, a date or epoch ms, as `--at` on the evaluating commands.
    #[arg(long, value_name = "TIME", conflicts_with = "time",
          value_parser = crate::spec::time::parse_clock)]
    pub at: Option<crate::util::clock::Clock>,

    #[command(flatten)]
    pub user: UserArgs,

    #[command(flatten)]
    pub send: SendArgs,
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
            let (k, v) = split_kv("metadata", item)?;
            m.insert(k.to_string(), Json::from(v));
        }
        e.metadata = Some(m);
    }
    if let Some(t) = args.time {
        if t < 0 {
            return Err(Error::Usage(
                "--time must be a non-negative number of ms".into(),
            ));
        }
        e.time = t;
    }
    if let Some(ms) = args.at.and_then(|c| c.fixed()) {
        if ms < 0 {
            return Err(Error::Usage("--at must not be before 1970".into()));
        }
        e.time = ms;
    }
    if !args.user.is_empty() {
        let user = User::from_json(Json::Object(args.user.to_json()?), "user")?;
        e = e.with_user(&user);
    }
    Ok(e)
}

pub fn run(args: &LogEventArgs) -> Result<ExitCode> {
    let event = build_event(args)?;
    let mut d = start_delivery(&args.send)?;
    d.push(&event)?;
    finish_delivery(d, crate::util::warn::quiet())
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
