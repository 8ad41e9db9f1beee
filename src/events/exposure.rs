//! Exposure events (events.md §3): `statsig::gate_exposure`, `statsig::config_exposure`
//! (configs and experiments) and `statsig::layer_exposure` (one per layer parameter read).
//!
//! Built the way the legacy Python SDK builds them: metadata values are strings, except the
//! numeric detail fields `configSyncTime`, `initTime` and `serverTime`; secondary exposures
//! are the cleaned list (no `segment:` entries, duplicates removed).
//!
//! The evaluation commands fill one of the plain input structs below, or build it from an
//! [`EvalResult`] with `from_result`, and call [`gate`], [`config`] or [`layer`].

use std::collections::HashSet;

use serde_json::{Map, Value as Json};

use super::model::{Event, SecondaryExposure, bool_str};
use crate::result::{EvalResult, Exposure, clean_exposures};
use crate::user::User;
use crate::util::clock::now_ms;

pub const GATE_EXPOSURE: &str = "statsig::gate_exposure";
pub const CONFIG_EXPOSURE: &str = "statsig::config_exposure";
pub const LAYER_EXPOSURE: &str = "statsig::layer_exposure";

/// Evaluation details appended to every exposure's metadata.
#[derive(Debug, Clone, Default)]
pub struct Details<'a> {
    /// `reason`, e.g. `Network`, `Bootstrap:Unrecognized`; omitted when `None`.
    pub reason: Option<&'a str>,
    /// The spec payload's `time` (lcut), as `configSyncTime`.
    pub config_sync_time: Option<i64>,
    /// When the specs were loaded, as `initTime`.
    pub init_time: Option<i64>,
    /// The exposure's time (ms); `None` = now. Also written as `serverTime`.
    pub time: Option<i64>,
}

/// Fields every exposure kind shares.
#[derive(Debug, Clone, Default)]
pub struct Common<'a> {
    /// The spec's `version`, written as `configVersion` (a decimal string).
    pub version: Option<i64>,
    pub override_config_name: Option<&'a str>,
    /// Adds `isManualExposure: "true"`.
    pub manual: bool,
    pub details: Details<'a>,
}

/// A gate check.
#[derive(Debug, Clone, Default)]
pub struct GateExposureInput<'a> {
    pub gate: &'a str,
    pub value: bool,
    pub rule_id: &'a str,
    /// As evaluated; cleaned here.
    pub secondary_exposures: &'a [Exposure<'a>],
    pub common: Common<'a>,
}

/// A dynamic config or experiment read.
#[derive(Debug, Clone, Default)]
pub struct ConfigExposureInput<'a> {
    pub config: &'a str,
    pub rule_id: &'a str,
    /// Whether the rule passed (`rulePassed`).
    pub rule_passed: bool,
    pub secondary_exposures: &'a [Exposure<'a>],
    pub common: Common<'a>,
}

/// One layer parameter read.
#[derive(Debug, Clone, Default)]
pub struct LayerExposureInput<'a> {
    pub layer: &'a str,
    pub rule_id: &'a str,
    pub parameter_name: &'a str,
    /// The experiment the user is allocated to (`config_delegate`), if any.
    pub allocated_experiment: Option<&'a str>,
    /// Whether the parameter is one of the evaluation's explicit parameters.
    pub is_explicit: bool,
    /// All secondary exposures (logged when the parameter is explicit).
    pub secondary_exposures: &'a [Exposure<'a>],
    /// The undelegated ones (logged otherwise).
    pub undelegated_secondary_exposures: &'a [Exposure<'a>],
    pub common: Common<'a>,
}

impl<'a> GateExposureInput<'a> {
    pub fn from_result(gate: &'a str, r: &'a EvalResult<'a>, common: Common<'a>) -> Self {
        GateExposureInput {
            gate,
            value: r.bool,
            rule_id: r.rule_id_str(),
            secondary_exposures: &r.secondary_exposures,
            common: Common {
                version: common.version.or(r.version),
                override_config_name: common.override_config_name.or(r.override_config_name),
                ..common
            },
        }
    }
}

impl<'a> ConfigExposureInput<'a> {
    pub fn from_result(config: &'a str, r: &'a EvalResult<'a>, common: Common<'a>) -> Self {
        ConfigExposureInput {
            config,
            rule_id: r.rule_id_str(),
            rule_passed: r.bool,
            secondary_exposures: &r.secondary_exposures,
            common: Common {
                version: common.version.or(r.version),
                override_config_name: common.override_config_name.or(r.override_config_name),
                ..common
            },
        }
    }
}

impl<'a> LayerExposureInput<'a> {
    /// `configVersion` is the result's version (the layer's) unless `common.version` is set:
    /// the legacy SDK logs the allocated experiment's version when there is one (the core
    /// logs the layer's), so pass that to match it.
    pub fn from_result(
        layer: &'a str,
        parameter_name: &'a str,
        r: &'a EvalResult<'a>,
        common: Common<'a>,
    ) -> Self {
        let is_explicit = r
            .explicit_parameters
            .is_some_and(|ps| ps.iter().any(|p| &**p == parameter_name));
        LayerExposureInput {
            layer,
            // A per-parameter layer logs the rule that set this parameter.
            rule_id: r.rule_for_param(parameter_name),
            parameter_name,
            allocated_experiment: r.config_delegate,
            is_explicit,
            secondary_exposures: &r.secondary_exposures,
            undelegated_secondary_exposures: r
                .undelegated
                .as_deref()
                .unwrap_or(&r.secondary_exposures),
            common: Common {
                version: common.version.or(r.version),
                override_config_name: common.override_config_name.or(r.override_config_name),
                ..common
            },
        }
    }
}

fn s(v: &str) -> Json {
    Json::String(v.to_string())
}

fn finish(
    name: &str,
    user: Option<&User>,
    mut meta: Map<String, Json>,
    exposures: &[Exposure<'_>],
    common: &Common<'_>,
) -> Event {
    if let Some(v) = common.version {
        meta.insert("configVersion".into(), s(&v.to_string()));
    }
    if let Some(o) = common.override_config_name {
        meta.insert("overrideConfigName".into(), s(o));
    }
    if common.manual {
        meta.insert("isManualExposure".into(), s("true"));
    }
    let d = &common.details;
    let time = d.time.unwrap_or_else(now_ms);
    if let Some(r) = d.reason {
        meta.insert("reason".into(), s(r));
    }
    if let Some(t) = d.config_sync_time {
        meta.insert("configSyncTime".into(), Json::from(t));
    }
    if let Some(t) = d.init_time {
        meta.insert("initTime".into(), Json::from(t));
    }
    meta.insert("serverTime".into(), Json::from(time));
    let mut statsig_metadata = Map::new();
    statsig_metadata.insert("samplingMode".into(), Json::Null);
    Event {
        event_name: name.to_string(),
        value: None,
        metadata: Some(meta),
        user: user.map(User::loggable_json),
        time,
        secondary_exposures: Some(
            clean_exposures(exposures)
                .iter()
                .map(SecondaryExposure::from)
                .collect(),
        ),
        statsig_metadata: Some(statsig_metadata),
        sampling: None,
    }
}

/// `statsig::gate_exposure`.
pub fn gate(user: Option<&User>, g: &GateExposureInput<'_>) -> Event {
    let mut m = Map::new();
    m.insert("gate".into(), s(g.gate));
    m.insert("gateValue".into(), s(bool_str(g.value)));
    m.insert("ruleID".into(), s(g.rule_id));
    finish(GATE_EXPOSURE, user, m, g.secondary_exposures, &g.common)
}

/// `statsig::config_exposure`, for dynamic configs and experiments alike.
pub fn config(user: Option<&User>, c: &ConfigExposureInput<'_>) -> Event {
    let mut m = Map::new();
    m.insert("config".into(), s(c.config));
    m.insert("ruleID".into(), s(c.rule_id));
    m.insert("rulePassed".into(), s(bool_str(c.rule_passed)));
    finish(CONFIG_EXPOSURE, user, m, c.secondary_exposures, &c.common)
}

/// `statsig::layer_exposure` for one parameter.
pub fn layer(user: Option<&User>, l: &LayerExposureInput<'_>) -> Event {
    let mut m = Map::new();
    m.insert("config".into(), s(l.layer));
    m.insert("ruleID".into(), s(l.rule_id));
    let allocated = if l.is_explicit {
        l.allocated_experiment.unwrap_or("")
    } else {
        ""
    };
    m.insert("allocatedExperiment".into(), s(allocated));
    m.insert("parameterName".into(), s(l.parameter_name));
    m.insert("isExplicitParameter".into(), s(bool_str(l.is_explicit)));
    let exposures = if l.is_explicit {
        l.secondary_exposures
    } else {
        l.undelegated_secondary_exposures
    };
    finish(LAYER_EXPOSURE, user, m, exposures, &l.common)
}

/// Drops repeated exposures within one run, keyed as the legacy SDK keys them (§4): user id,
/// custom ids, event name and metadata values other than the detail fields. Custom events
/// and exposures without a user are never deduplicated.
#[derive(Debug, Default)]
pub struct Deduper {
    seen: HashSet<String>,
}

const NOT_IN_KEY: &[&str] = &[
    "reason",
    "configSyncTime",
    "initTime",
    "serverTime",
    "isManualExposure",
];

impl Deduper {
    /// True the first time an exposure is seen (log it), false for a repeat.
    pub fn first_time(&mut self, e: &Event) -> bool {
        let (Some(user), Some(meta)) = (&e.user, &e.metadata) else {
            return true;
        };
        if e.secondary_exposures.is_none() {
            return true;
        }
        let text = |v: &Json| match v {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut key = user.get("userID").map(text).unwrap_or_default();
        key.push(',');
        if let Some(Json::Object(ids)) = user.get("customIDs") {
            key.push_str(&ids.values().map(text).collect::<Vec<_>>().join(","));
        }
        key.push(',');
        key.push_str(&e.event_name);
        key.push(',');
        let values: Vec<String> = meta
            .iter()
            .filter(|(k, _)| !NOT_IN_KEY.contains(&k.as_str()))
            .map(|(_, v)| text(v))
            .collect();
        key.push_str(&values.join(","));
        if self.seen.len() >= 10_000 {
            self.seen.clear();
        }
        self.seen.insert(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user() -> User {
        User::parse(
            r#"{"userID":"u1","email":"a@b.c","privateAttributes":{"ssn":"1"}}"#,
            "t",
        )
        .unwrap()
    }

    const EXPOSURES: &[Exposure<'static>] = &[
        Exposure {
            gate: "segment:s",
            value: true,
            rule_id: "r0",
        },
        Exposure {
            gate: "partial_gate",
            value: false,
            rule_id: "r1",
        },
        Exposure {
            gate: "partial_gate",
            value: false,
            rule_id: "r1",
        },
        Exposure {
            gate: "a_holdout",
            value: false,
            rule_id: "r2",
        },
    ];

    fn common() -> Common<'static> {
        Common {
            version: Some(32),
            details: Details {
                reason: Some("Network"),
                config_sync_time: Some(1),
                init_time: Some(2),
                time: Some(3),
            },
            ..Common::default()
        }
    }

    #[test]
    fn gate_exposure_matches_the_spec_shape() {
        let u = user();
        let e = gate(
            Some(&u),
            &GateExposureInput {
                gate: "a_gate",
                value: true,
                rule_id: "rule",
                secondary_exposures: EXPOSURES,
                common: common(),
            },
        );
        let v: Json = serde_json::from_slice(&e.to_json_bytes()).unwrap();
        assert_eq!(
            v,
            json!({"eventName":"statsig::gate_exposure",
                "metadata":{"gate":"a_gate","gateValue":"true","ruleID":"rule","configVersion":"32",
                    "reason":"Network","configSyncTime":1,"initTime":2,"serverTime":3},
                "user":{"userID":"u1","email":"a@b.c"},"time":3,
                "secondaryExposures":[{"gate":"partial_gate","gateValue":"false","ruleID":"r1"},
                    {"gate":"a_holdout","gateValue":"false","ruleID":"r2"}],
                "statsigMetadata":{"samplingMode":null}})
        );
    }

    #[test]
    fn config_exposure_has_rule_passed() {
        let e = config(
            None,
            &ConfigExposureInput {
                config: "exp",
                rule_id: "prestart",
                rule_passed: false,
                secondary_exposures: &[],
                common: Common {
                    manual: true,
                    override_config_name: Some("o"),
                    ..Common::default()
                },
            },
        );
        let m = e.metadata.unwrap();
        assert_eq!(m["config"], "exp");
        assert_eq!(m["rulePassed"], "false");
        assert_eq!(m["isManualExposure"], "true");
        assert_eq!(m["overrideConfigName"], "o");
        assert!(e.user.is_none());
        assert_eq!(e.event_name, CONFIG_EXPOSURE);
    }

    #[test]
    fn layer_exposure_picks_exposures_by_explicitness() {
        let under = [Exposure {
            gate: "u",
            value: true,
            rule_id: "x",
        }];
        let mut l = LayerExposureInput {
            layer: "a_layer",
            rule_id: "lr",
            parameter_name: "a_string",
            allocated_experiment: Some("an_experiment"),
            is_explicit: true,
            secondary_exposures: EXPOSURES,
            undelegated_secondary_exposures: &under,
            common: common(),
        };
        let e = layer(None, &l);
        let m = e.metadata.as_ref().unwrap();
        assert_eq!(m["allocatedExperiment"], "an_experiment");
        assert_eq!(m["isExplicitParameter"], "true");
        assert_eq!(m["parameterName"], "a_string");
        assert_eq!(e.secondary_exposures.as_ref().unwrap().len(), 2);
        l.is_explicit = false;
        let e = layer(None, &l);
        let m = e.metadata.as_ref().unwrap();
        assert_eq!(m["allocatedExperiment"], "");
        assert_eq!(m["isExplicitParameter"], "false");
        assert_eq!(
            e.secondary_exposures.unwrap(),
            vec![SecondaryExposure::new("u", true, "x")]
        );
    }

    #[test]
    fn from_result_reads_the_evaluation() {
        let params: Vec<Box<str>> = vec!["p".into()];
        let r = EvalResult {
            bool: true,
            rule_id: Some("r"),
            version: Some(7),
            config_delegate: Some("exp"),
            explicit_parameters: Some(&params),
            secondary_exposures: EXPOSURES.to_vec(),
            undelegated: Some(vec![]),
            ..EvalResult::default()
        };
        let l = LayerExposureInput::from_result("lay", "p", &r, Common::default());
        assert!(l.is_explicit);
        assert_eq!(l.common.version, Some(7));
        let l = LayerExposureInput::from_result("lay", "q", &r, Common::default());
        assert!(!l.is_explicit);
        assert!(layer(None, &l).secondary_exposures.unwrap().is_empty());
        let g = GateExposureInput::from_result("g", &r, Common::default());
        assert!(g.value);
        let c = ConfigExposureInput::from_result("c", &r, Common::default());
        assert!(c.rule_passed);
    }

    #[test]
    fn deduper_drops_repeats_but_not_other_users() {
        let u = user();
        let g = GateExposureInput {
            gate: "g",
            value: true,
            rule_id: "r",
            ..Default::default()
        };
        let mut d = Deduper::default();
        assert!(d.first_time(&gate(Some(&u), &g)));
        assert!(!d.first_time(&gate(Some(&u), &g)));
        let other = User::parse(r#"{"userID":"u2"}"#, "t").unwrap();
        assert!(d.first_time(&gate(Some(&other), &g)));
        assert!(d.first_time(&gate(None, &g)));
        assert!(d.first_time(&gate(None, &g)));
    }
}
