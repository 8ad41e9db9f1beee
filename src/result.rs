//! What one evaluation returns. Borrowed from the compiled spec: building a result copies
//! no strings.

use std::sync::Arc;

use crate::spec::model::Returnable;

/// A secondary exposure: a nested gate, segment or holdout check made on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Exposure<'s> {
    pub gate: &'s str,
    pub value: bool,
    pub rule_id: &'s str,
}

/// How a result was reached (`<source>:<reason>` in exposure metadata).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Recognized,
    Unrecognized,
    Unsupported,
    LocalOverride,
    /// A sticky value from `--persisted-values` was returned.
    Persisted,
}

impl Reason {
    /// `<source>:<reason>` as the SDKs report it; a sticky value's reason stands alone.
    pub fn with_source(self, source: &str) -> String {
        match self {
            Reason::Persisted => self.as_str().to_string(),
            _ => format!("{source}:{}", self.as_str()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Recognized => "Recognized",
            Reason::Unrecognized => "Unrecognized",
            Reason::Unsupported => "Unsupported",
            Reason::LocalOverride => "LocalOverride",
            Reason::Persisted => "Persisted",
        }
    }
}

/// The result state of one evaluation context (the Rust core's mutable result).
#[derive(Debug, Clone, Default)]
pub struct EvalResult<'s> {
    pub bool: bool,
    pub json: Option<&'s Returnable>,
    pub rule_id: Option<&'s str>,
    pub group_name: Option<&'s str>,
    pub is_experiment_group: bool,
    pub is_experiment_active: bool,
    pub is_in_layer: bool,
    pub id_type: Option<&'s str>,
    pub version: Option<i64>,
    pub explicit_parameters: Option<&'s [Box<str>]>,
    pub config_delegate: Option<&'s str>,
    pub secondary_exposures: Vec<Exposure<'s>>,
    pub undelegated: Option<Vec<Exposure<'s>>>,
    pub unsupported: bool,
    pub sampling_rate: Option<i64>,
    pub forward_all_exposures: bool,
    /// A nested gate without a sampling rate was looked at (the core's
    /// `has_seen_analytical_gates`): the exposure is always logged.
    pub has_seen_analytical_gates: bool,
    pub override_config_name: Option<&'s str>,
    pub reason: Option<Reason>,
    /// A value made during evaluation instead of taken from the spec (a layer evaluated
    /// per parameter, a sticky value); [`EvalResult::value`] prefers it to `json`.
    pub owned_value: Option<Arc<Returnable>>,
    /// Per-parameter layers: which rule set each parameter (`default` for the layer's
    /// defaults), in the order the parameters were set.
    pub parameter_rule_ids: Option<Vec<(&'s str, &'s str)>>,
}

impl<'s> EvalResult<'s> {
    /// Resets to a fresh state, keeping the exposure lists' capacity.
    pub fn reset(&mut self) {
        let mut exposures = std::mem::take(&mut self.secondary_exposures);
        exposures.clear();
        *self = EvalResult {
            secondary_exposures: exposures,
            ..EvalResult::default()
        };
    }

    /// The result's value: the one made during evaluation, else the spec's.
    pub fn value(&self) -> Option<&Returnable> {
        self.owned_value.as_deref().or(self.json)
    }

    /// The rule that set `param` of a per-parameter layer, else the result's rule.
    pub fn rule_for_param(&self, param: &str) -> &str {
        self.parameter_rule_ids
            .as_deref()
            .and_then(|ids| ids.iter().find(|(p, _)| *p == param))
            .map(|(_, r)| *r)
            .unwrap_or_else(|| self.rule_id_str())
    }

    pub fn rule_id_str(&self) -> &'s str {
        self.rule_id.unwrap_or("")
    }

    pub fn reason(&self) -> Reason {
        self.reason.unwrap_or(if self.unsupported {
            Reason::Unsupported
        } else {
            Reason::Recognized
        })
    }
}

/// Exposure lists as reported: `segment:` records dropped, duplicates removed (first kept).
pub fn clean_exposures<'s>(list: &[Exposure<'s>]) -> Vec<Exposure<'s>> {
    let mut out: Vec<Exposure<'s>> = Vec::with_capacity(list.len());
    for e in list {
        if e.gate.starts_with("segment:") {
            continue;
        }
        if out.iter().any(|o| o == e) {
            continue;
        }
        out.push(*e);
    }
    out
}
