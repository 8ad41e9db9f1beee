//! `--explain`: a rule-by-rule, condition-by-condition account of an evaluation, collected
//! through the evaluator's [`Trace`] hooks.

use std::fmt::Write;

use crate::eval::trace::{RuleOutcome, Trace};
use crate::output::describe::{condition_text, percentage};
use crate::result::EvalResult;
use crate::spec::model::{Condition, Spec};

/// How a rule ended, in words.
pub fn outcome_text(outcome: RuleOutcome) -> &'static str {
    match outcome {
        RuleOutcome::Unsupported => "stopped: a condition is unsupported",
        RuleOutcome::NoMatch => "not matched: next rule",
        RuleOutcome::Delegated => "matched: delegated to its experiment",
        RuleOutcome::Pass => "matched, in the rollout: this rule's value",
        RuleOutcome::RollFail => "matched, outside the rollout: the default value",
    }
}

/// Collects the trace as indented text lines.
#[derive(Debug, Default)]
pub struct ExplainTrace {
    out: String,
    depth: usize,
}

impl ExplainTrace {
    pub fn into_text(self) -> String {
        self.out
    }

    fn line(&mut self, extra: usize, text: &str) {
        for _ in 0..(self.depth + extra) {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }
}

impl Trace for ExplainTrace {
    fn enter_spec(&mut self, spec: &Spec) {
        let entity = match spec.entity.as_str() {
            "" => &*spec.type_,
            e => e,
        };
        let mut t = format!("{entity} {:?}", spec.name);
        if !spec.enabled {
            t.push_str(" (disabled)");
        }
        let _ = write!(
            t,
            ", {} rule(s), id type {}",
            spec.rules.len(),
            spec.id_type
        );
        self.line(0, &t);
        self.depth += 1;
    }

    fn rule_start(&mut self, spec: &Spec, rule_index: usize) {
        let r = &spec.rules[rule_index];
        let mut t = format!("rule {} {:?}", rule_index + 1, r.id);
        if let Some(g) = &r.group_name {
            let _ = write!(t, " (group {g:?})");
        }
        let _ = write!(t, ", pass {}", percentage(r.pass_percentage));
        self.line(0, &t);
        self.depth += 1;
    }

    fn condition(&mut self, cond: &Condition, passed: bool, unsupported: bool) {
        let verdict = if unsupported {
            "UNSUPPORTED"
        } else if passed {
            "pass"
        } else {
            "fail"
        };
        let t = format!("{} → {verdict}", condition_text(cond));
        self.line(0, &t);
    }

    fn rule(&mut self, _spec: &Spec, _rule_index: usize, outcome: RuleOutcome) {
        self.line(0, outcome_text(outcome));
        self.depth = self.depth.saturating_sub(1);
    }

    fn exit_spec(&mut self, spec: &Spec, result: &EvalResult<'_>) {
        let value = match spec.kind {
            crate::spec::model::Kind::Gate => result.bool.to_string(),
            _ => result
                .json
                .map(|j| j.json.to_string())
                .unwrap_or_else(|| "{}".into()),
        };
        let mut t = format!("= {value} (rule {:?}", result.rule_id_str());
        if let Some(d) = result.config_delegate {
            let _ = write!(t, ", delegated to {d:?}");
        }
        t.push(')');
        self.depth = self.depth.saturating_sub(1);
        self.line(0, &t);
    }
}
