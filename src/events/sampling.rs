//! Exposure sampling as the Rust core decides it (its `ExposureSampling`): with the payload's
//! `sdk_configs.sampling_mode` `on`, an exposure is logged when its spec forwards all
//! exposures, when it looked at a nested gate that has no sampling rate, when it is the first
//! of its (spec, rule) in the run, or when the hash of its spec, rule, user and value is a
//! multiple of the sampling rate (the rule's `samplingRate`, or `special_case_sampling_rate`
//! for rules `default`, `disabled` and none); others are dropped. In `shadow` mode every
//! exposure is logged, marked `shadowLogged: dropped` where `on` would drop it. Without a
//! mode nothing is sampled.
//!
//! The hashes are the core's fixed-seed ahash ([`crate::util::ahash`]), so a decision is the
//! same on every run and machine. The core forgets which (spec, rule) pairs it has seen every
//! 60 seconds; here "first" is first in the run.

use std::collections::HashSet;

use serde_json::{Map, Value as Json};

use crate::events::Event;
use crate::result::EvalResult;
use crate::spec::model::Kind;
use crate::spec::model::{SamplingMode, SdkConfigs};
use crate::util::ahash::{hash_bytes, hash_str, hash_u64s};

/// What an exposure's sampling needs beyond the event itself (whose metadata gives the spec
/// name, the rule id and the value, and whose user gives the ids).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SamplingInfo {
    /// The id type the evaluation hashed on (the core adds that unit id to the user hash).
    pub unit_id_type: Option<String>,
    /// The core's per-kind extra: a gate's value, a config's `passed`, whether the user is
    /// in an experiment group, or the hash of a layer parameter's name.
    pub additional_hash: u64,
    /// The deciding rule's `samplingRate`.
    pub rule_sampling_rate: Option<u64>,
    /// The spec's `forwardAllExposures`.
    pub forward_all_exposures: bool,
    /// The evaluation looked at a nested gate without a sampling rate.
    pub has_seen_analytical_gates: bool,
}

impl SamplingInfo {
    /// The sampling inputs of an exposure of `r`: a gate's (`kind` Gate), a config's or
    /// experiment's (`experiment`: read as an experiment, whose extra is whether the user
    /// is in a group), or a layer parameter's (`param`).
    pub fn from_result(
        kind: Kind,
        experiment: bool,
        r: &EvalResult<'_>,
        param: Option<&str>,
    ) -> SamplingInfo {
        let additional_hash = match (kind, param) {
            (Kind::Layer, Some(p)) => hash_str(p),
            (Kind::Config, _) if experiment => r.is_experiment_group as u64,
            _ => r.bool as u64,
        };
        SamplingInfo {
            // statsig-python-core 0.24 hashes configs and experiments without a unit id
            // (its evaluations of them carry no id type); gates and layers with theirs.
            unit_id_type: match kind {
                Kind::Config => None,
                _ => r.id_type.map(str::to_string),
            },
            additional_hash,
            // The core's layer parameter exposures carry no sampling rate of their own.
            rule_sampling_rate: match kind {
                Kind::Layer => None,
                _ => r.sampling_rate.and_then(|v| u64::try_from(v).ok()),
            },
            forward_all_exposures: r.forward_all_exposures,
            has_seen_analytical_gates: r.has_seen_analytical_gates,
        }
    }
}

/// What to do with one exposure.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Log it as it is (no sampling, or always-logged).
    Log,
    /// Log it with these `statsigMetadata` fields (`samplingRate`, `samplingMode`,
    /// `shadowLogged`).
    Sampled(Map<String, Json>),
    Drop,
}

/// The sampling state of one run.
#[derive(Debug)]
pub struct Sampler {
    mode: SamplingMode,
    special_case_rate: Option<u64>,
    /// (spec name hash, rule id hash) pairs already logged once.
    seen: HashSet<(u64, u64)>,
}

/// The core's hash of a user value: a string's own hash, anything else's JSON text's.
fn value_hash(v: &Json) -> u64 {
    match v {
        Json::String(s) => hash_str(s),
        other => hash_str(&other.to_string()),
    }
}

/// The core's `create_exposure_dedupe_user_hash`.
fn user_hash(user: Option<&Map<String, Json>>, unit_id_type: Option<&str>) -> u64 {
    let user_id = user.and_then(|u| u.get("userID"));
    let custom = user
        .and_then(|u| u.get("customIDs"))
        .and_then(Json::as_object);
    let unit = |id_type: &str| -> u64 {
        if id_type.eq_ignore_ascii_case("userid") {
            return user_id.map_or(0, value_hash);
        }
        custom
            .and_then(|c| c.get(id_type).or_else(|| c.get(&id_type.to_lowercase())))
            .map_or(0, value_hash)
    };
    let custom_sum = custom.map_or(0, |c| {
        c.values()
            .fold(0u64, |acc, v| acc.wrapping_add(value_hash(v)))
    });
    hash_u64s(&[
        user_id.map_or(0, value_hash),
        unit("stableID"),
        unit_id_type.map_or(0, unit),
        custom_sum,
    ])
}

impl Sampler {
    /// A sampler for the payload's `sdk_configs`; `None` when it sets no sampling mode.
    pub fn new(configs: &SdkConfigs) -> Option<Sampler> {
        Some(Sampler {
            mode: configs.sampling_mode?,
            special_case_rate: configs.special_case_sampling_rate,
            seen: HashSet::new(),
        })
    }

    /// The decision for one exposure, in the order the core takes them.
    pub fn decide(&mut self, e: &Event, info: &SamplingInfo) -> Decision {
        let meta = e.metadata.as_ref();
        let field = |k: &str| meta.and_then(|m| m.get(k)).and_then(Json::as_str);
        let name = field("gate").or_else(|| field("config")).unwrap_or("");
        let rule_id = field("ruleID").unwrap_or("");
        if info.forward_all_exposures || info.has_seen_analytical_gates {
            return Decision::Log;
        }
        // An empty interned string (no rule) carries the hash 0.
        let spec_hash = hash_bytes(name.as_bytes());
        let rule_hash = if rule_id.is_empty() {
            0
        } else {
            hash_bytes(rule_id.as_bytes())
        };
        if self.seen.insert((spec_hash, rule_hash)) {
            return Decision::Log;
        }
        let rate = match rule_id {
            "default" | "disabled" | "" => self.special_case_rate,
            _ => None,
        }
        .or(info.rule_sampling_rate);
        let sampled = match rate {
            None => true,
            Some(rate) => {
                let h = spec_hash
                    ^ rule_hash
                    ^ user_hash(e.user.as_ref(), info.unit_id_type.as_deref())
                    ^ info.additional_hash;
                h.is_multiple_of(rate)
            }
        };
        let (mode, logged) = match (self.mode, sampled) {
            (SamplingMode::On, false) => return Decision::Drop,
            (SamplingMode::On, true) => ("on", true),
            (SamplingMode::Shadow, s) => ("shadow", s),
        };
        let mut m = Map::new();
        m.insert("samplingRate".into(), rate.map_or(Json::Null, Json::from));
        m.insert("samplingMode".into(), mode.into());
        let shadow = if logged { "logged" } else { "dropped" };
        m.insert("shadowLogged".into(), shadow.into());
        Decision::Sampled(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate_event(user: &str, rule: &str, value: bool) -> Event {
        let mut meta = Map::new();
        meta.insert("gate".into(), "g".into());
        meta.insert("ruleID".into(), rule.into());
        meta.insert("gateValue".into(), value.to_string().into());
        let mut u = Map::new();
        u.insert("userID".into(), user.into());
        Event {
            event_name: "statsig::gate_exposure".into(),
            value: None,
            metadata: Some(meta),
            user: Some(u),
            time: 0,
            secondary_exposures: Some(Vec::new()),
            statsig_metadata: None,
            sampling: None,
        }
    }

    fn info(value: bool, rate: Option<u64>) -> SamplingInfo {
        SamplingInfo {
            unit_id_type: Some("userID".into()),
            additional_hash: value as u64,
            rule_sampling_rate: rate,
            ..SamplingInfo::default()
        }
    }

    #[test]
    fn no_mode_no_sampler() {
        assert!(Sampler::new(&SdkConfigs::default()).is_none());
    }

    #[test]
    fn first_of_a_rule_forwarded_and_analytical_are_always_logged() {
        let on = SdkConfigs {
            sampling_mode: Some(SamplingMode::On),
            special_case_sampling_rate: None,
        };
        let mut s = Sampler::new(&on).unwrap();
        // A rate no hash is a multiple of in practice: only the always-logged cases pass.
        let rate = Some(u64::MAX - 58);
        assert_eq!(
            s.decide(&gate_event("a", "r", true), &info(true, rate)),
            Decision::Log
        );
        assert_eq!(
            s.decide(&gate_event("b", "r", true), &info(true, rate)),
            Decision::Drop
        );
        let mut forwarded = info(true, rate);
        forwarded.forward_all_exposures = true;
        assert_eq!(
            s.decide(&gate_event("b", "r", true), &forwarded),
            Decision::Log
        );
        let mut analytical = info(true, rate);
        analytical.has_seen_analytical_gates = true;
        assert_eq!(
            s.decide(&gate_event("b", "r", true), &analytical),
            Decision::Log
        );
        // Rate 1 keeps everything, with the sampling fields.
        match s.decide(&gate_event("c", "r", true), &info(true, Some(1))) {
            Decision::Sampled(m) => {
                assert_eq!(m["samplingRate"], 1);
                assert_eq!(m["samplingMode"], "on");
                assert_eq!(m["shadowLogged"], "logged");
            }
            d => panic!("{d:?}"),
        }
    }

    #[test]
    fn shadow_logs_what_on_drops() {
        let shadow = SdkConfigs {
            sampling_mode: Some(SamplingMode::Shadow),
            special_case_sampling_rate: Some(u64::MAX - 58),
        };
        let mut s = Sampler::new(&shadow).unwrap();
        s.decide(&gate_event("a", "default", false), &info(false, None));
        match s.decide(&gate_event("b", "default", false), &info(false, None)) {
            Decision::Sampled(m) => {
                assert_eq!(m["samplingRate"], u64::MAX - 58);
                assert_eq!(m["samplingMode"], "shadow");
                assert_eq!(m["shadowLogged"], "dropped");
            }
            d => panic!("{d:?}"),
        }
    }
}
