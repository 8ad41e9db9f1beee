//! The event object (events.md §1) and the logged user (§2).
//!
//! Events are written the way Statsig's legacy Python SDK writes them: keys whose value is
//! null are omitted at the top level. `privateAttributes` never reaches an event: every
//! user is passed through [`loggable_user`] (or [`crate::user::User::loggable_json`]).

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::user::User;

/// One secondary exposure as logged: `{"gate","gateValue","ruleID"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecondaryExposure {
    pub gate: String,
    #[serde(rename = "gateValue")]
    pub gate_value: String,
    #[serde(rename = "ruleID")]
    pub rule_id: String,
}

impl SecondaryExposure {
    pub fn new(gate: &str, value: bool, rule_id: &str) -> Self {
        SecondaryExposure {
            gate: gate.to_string(),
            gate_value: bool_str(value).to_string(),
            rule_id: rule_id.to_string(),
        }
    }
}

impl From<&crate::result::Exposure<'_>> for SecondaryExposure {
    fn from(e: &crate::result::Exposure<'_>) -> Self {
        SecondaryExposure::new(e.gate, e.value, e.rule_id)
    }
}

/// `"true"` / `"false"`, as exposure metadata spells booleans.
pub fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// An event ready to be logged. The user, if any, is already stripped.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub event_name: String,
    /// A string or a number; `None` omits the key.
    pub value: Option<Json>,
    pub metadata: Option<Map<String, Json>>,
    pub user: Option<Map<String, Json>>,
    /// Creation time, ms since the epoch.
    pub time: i64,
    /// Exposures only.
    pub secondary_exposures: Option<Vec<SecondaryExposure>>,
    /// Exposures only: `{"samplingMode": null}`, or the sampling fields of a sampled one.
    pub statsig_metadata: Option<Map<String, Json>>,
    /// Exposures only, not sent: what the sampling decision needs
    /// ([`crate::events::sampling`]).
    pub sampling: Option<Box<crate::events::sampling::SamplingInfo>>,
}

impl Event {
    /// A custom event named `name` at the current time, with no value, metadata or user.
    pub fn custom(name: &str) -> Result<Event> {
        if name.is_empty() {
            return Err(Error::Event("the event name is empty".into()));
        }
        Ok(Event {
            event_name: name.to_string(),
            value: None,
            metadata: None,
            user: None,
            time: crate::util::clock::now_ms(),
            secondary_exposures: None,
            statsig_metadata: None,
            sampling: None,
        })
    }

    /// Sets the user, stripping `privateAttributes`.
    pub fn with_user(mut self, user: &User) -> Event {
        self.user = Some(user.loggable_json());
        self
    }

    /// The event as one line of JSON (the form batches are made of).
    pub fn to_json_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("events serialise")
    }
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("eventName", &self.event_name)?;
        if let Some(v) = &self.value {
            m.serialize_entry("value", v)?;
        }
        if let Some(v) = &self.metadata {
            m.serialize_entry("metadata", v)?;
        }
        if let Some(v) = &self.user {
            m.serialize_entry("user", v)?;
        }
        m.serialize_entry("time", &self.time)?;
        if let Some(v) = &self.secondary_exposures {
            m.serialize_entry("secondaryExposures", v)?;
        }
        if let Some(v) = &self.statsig_metadata {
            m.serialize_entry("statsigMetadata", v)?;
        }
        m.end()
    }
}

/// A user JSON object as logged: wire names, `privateAttributes` removed, `userID` present.
/// Validates the user the way evaluation does, so a bad user is rejected, not logged.
pub fn loggable_user(json: Json, origin: &str) -> Result<Map<String, Json>> {
    Ok(User::from_json(json, origin)?.loggable_json())
}

/// One line of an NDJSON event file, borrowed from the line: `value` and `metadata` are
/// passed through as written, only the user is rebuilt (to strip it).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LineEvent<'a> {
    #[serde(rename = "eventName", alias = "event_name")]
    event_name: Option<&'a RawValue>,
    #[serde(default, borrow)]
    value: Option<&'a RawValue>,
    #[serde(default, borrow)]
    metadata: Option<&'a RawValue>,
    #[serde(default)]
    user: Option<Json>,
    #[serde(default, borrow)]
    time: Option<&'a RawValue>,
}

/// Parses one NDJSON event line and appends its wire form to `out`. `origin` names the
/// line in errors (`events.ndjson:12`). A missing `time` becomes `now`.
pub fn append_line_event(
    line: &[u8],
    origin: &dyn std::fmt::Display,
    now: i64,
    out: &mut Vec<u8>,
) -> Result<()> {
    let bad = |msg: &str| Error::Event(format!("{origin}: {msg}"));
    let ev: LineEvent = serde_json::from_slice(line).map_err(|e| {
        if std::str::from_utf8(line).is_err() {
            return bad("the line is not valid UTF-8");
        }
        let msg = e.to_string();
        Error::Event(format!("{origin}: not a valid event: {msg}"))
    })?;
    let name = match ev.event_name {
        None => return Err(bad("eventName is missing")),
        Some(raw) => match serde_json::from_str::<Json>(raw.get()) {
            Ok(Json::String(s)) if !s.is_empty() => raw,
            _ => return Err(bad("eventName must be a non-empty string")),
        },
    };
    let value = ev.value.filter(|r| r.get() != "null");
    if let Some(v) = value {
        let first = v.get().as_bytes()[0];
        if !(first == b'"' || first == b'-' || first.is_ascii_digit()) {
            return Err(bad("value must be a string or a number"));
        }
    }
    let metadata = ev.metadata.filter(|r| r.get() != "null");
    if let Some(m) = metadata
        && !m.get().starts_with('{')
    {
        return Err(bad("metadata must be a JSON object"));
    }
    let user = match ev.user {
        None | Some(Json::Null) => None,
        // The origin is formatted only on error: this runs once per line of large files.
        Some(u) => Some(loggable_user(u, "").map_err(|e| match e {
            Error::User(m) => Error::User(format!("{origin}{m}")),
            other => other,
        })?),
    };
    let time = match ev.time.filter(|r| r.get() != "null") {
        None => now,
        Some(raw) => match serde_json::from_str::<Json>(raw.get()) {
            Ok(Json::Number(n)) => match n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.is_finite())
                    .map(|f| f as i64)
            }) {
                Some(t) if t >= 0 => t,
                _ => return Err(bad("time must be a non-negative integer (ms)")),
            },
            _ => return Err(bad("time must be a number of milliseconds")),
        },
    };
    out.extend_from_slice(b"{\"eventName\":");
    out.extend_from_slice(name.get().as_bytes());
    if let Some(v) = value {
        out.extend_from_slice(b",\"value\":");
        out.extend_from_slice(v.get().as_bytes());
    }
    if let Some(m) = metadata {
        out.extend_from_slice(b",\"metadata\":");
        out.extend_from_slice(m.get().as_bytes());
    }
    if let Some(u) = user {
        out.extend_from_slice(b",\"user\":");
        serde_json::to_writer(&mut *out, &u).expect("users serialise");
    }
    out.extend_from_slice(b",\"time\":");
    out.extend_from_slice(time.to_string().as_bytes());
    out.push(b'}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Result<Json> {
        let mut out = Vec::new();
        append_line_event(s.as_bytes(), &"f:1", 42, &mut out)?;
        Ok(serde_json::from_slice(&out).unwrap())
    }

    #[test]
    fn line_events_keep_their_fields_and_strip_private_attributes() {
        let v = line(
            r#"{"eventName":"buy","value":9.5,"metadata":{"a":1,"b":"x"},
                "user":{"user_id":"u1","privateAttributes":{"ssn":"123"}},"time":1700}"#,
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!({"eventName":"buy","value":9.5,"metadata":{"a":1,"b":"x"},
                "user":{"userID":"u1"},"time":1700})
        );
        assert!(!v.to_string().contains("ssn"));
    }

    #[test]
    fn line_events_default_time_and_omit_nulls() {
        let v = line(r#"{"eventName":"e","value":null,"metadata":null,"user":null}"#).unwrap();
        assert_eq!(v, serde_json::json!({"eventName":"e","time":42}));
    }

    #[test]
    fn bad_lines_name_their_origin() {
        for (text, want) in [
            (r#"{"value":1}"#, "eventName is missing"),
            (r#"{"eventName":""}"#, "non-empty"),
            (r#"{"eventName":"e","value":true}"#, "string or a number"),
            (r#"{"eventName":"e","metadata":[1]}"#, "JSON object"),
            (r#"{"eventName":"e","time":-1}"#, "non-negative"),
            (r#"{"eventName":"e","user":{"email":{}}}"#, "user.email"),
            (r#"{"eventName":"e","extra":1}"#, "unknown field"),
            ("{", "not a valid event"),
        ] {
            let e = line(text).unwrap_err().to_string();
            assert!(e.starts_with("f:1: "), "{e}");
            assert!(e.contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn events_serialise_without_nulls() {
        let mut e = Event::custom("x").unwrap();
        e.time = 5;
        e.value = Some(Json::from("v"));
        assert_eq!(
            String::from_utf8(e.to_json_bytes()).unwrap(),
            r#"{"eventName":"x","value":"v","time":5}"#
        );
        assert!(Event::custom("").is_err());
    }
}
