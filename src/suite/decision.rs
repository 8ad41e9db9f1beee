//! Which rule decided an evaluation, collected through the evaluator's [`Trace`] hooks: for
//! rule coverage (cheap: no allocation per evaluation) and, when asked, every rule tried
//! with its first failing condition (to explain a failed expectation).

use crate::eval::trace::{ConditionStep, RuleOutcome, Trace};
use crate::result::EvalResult;
use crate::spec::model::{CompiledSpecs, Kind, Spec};

/// What decided a spec's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decided {
    /// The rule at this index (matched; its value, the default after a failed roll, or a
    /// delegation to its experiment).
    Rule(u32),
    /// No rule decided: the default value (or a disabled spec's).
    Default,
}

/// One rule looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleStep {
    pub rule: u32,
    pub outcome: RuleOutcome,
    /// The first condition (its position in the rule) that failed.
    pub first_failed: Option<u32>,
}

/// How one spec's evaluation went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub kind: Kind,
    /// Index in the compiled specs of its kind.
    pub index: u32,
    pub decided: Decided,
    /// Every rule looked at, in order (only when steps are recorded).
    pub steps: Vec<RuleStep>,
    /// A layer's experiment, when a rule delegated to one.
    pub delegated: Option<Box<Decision>>,
}

struct Frame {
    spec: Option<(Kind, u32)>,
    decided: Decided,
    steps: Vec<RuleStep>,
    ordinal: u32,
    first_failed: Option<u32>,
    delegated: Option<Box<Decision>>,
}

/// Records the decision of the top-level spec (and of a layer's experiment).
pub struct DecisionTrace<'s> {
    specs: &'s CompiledSpecs,
    steps: bool,
    stack: Vec<Frame>,
    /// The last top-level decision, taken by [`DecisionTrace::take`].
    top: Option<Decision>,
}

impl<'s> DecisionTrace<'s> {
    /// With `steps`, every rule tried is kept (allocates); without, only what decided.
    pub fn new(specs: &'s CompiledSpecs, steps: bool) -> Self {
        DecisionTrace {
            specs,
            steps,
            stack: Vec::new(),
            top: None,
        }
    }

    /// The decision of the last evaluation, if a spec was evaluated (not for overrides or
    /// unknown names).
    pub fn take(&mut self) -> Option<Decision> {
        self.stack.clear();
        self.top.take()
    }

    /// Where a spec sits in the compiled model (by address: the traced spec is one of them).
    fn locate(&self, spec: &Spec) -> Option<(Kind, u32)> {
        let list = self.specs.specs(spec.kind);
        let size = std::mem::size_of::<Spec>();
        let base = list.as_ptr() as usize;
        let at = spec as *const Spec as usize;
        (at >= base && at < base + std::mem::size_of_val(list))
            .then(|| (spec.kind, ((at - base) / size) as u32))
    }
}

impl Trace for DecisionTrace<'_> {
    fn enter_spec(&mut self, spec: &Spec) {
        let located = self.locate(spec);
        self.stack.push(Frame {
            spec: located,
            decided: Decided::Default,
            steps: Vec::new(),
            ordinal: 0,
            first_failed: None,
            delegated: None,
        });
    }

    fn rule_start(&mut self, _spec: &Spec, _rule_index: usize) {
        if let Some(f) = self.stack.last_mut() {
            f.ordinal = 0;
            f.first_failed = None;
        }
    }

    fn fork(&self) -> Self {
        // A separate evaluation (experiment_group, multi-gate) is not part of the decision.
        DecisionTrace::new(self.specs, false)
    }

    fn condition(&mut self, step: &ConditionStep<'_>) {
        if let Some(f) = self.stack.last_mut() {
            if !step.passed && f.first_failed.is_none() {
                f.first_failed = Some(f.ordinal);
            }
            f.ordinal += 1;
        }
    }

    fn rule(&mut self, _spec: &Spec, rule_index: usize, outcome: RuleOutcome) {
        let steps = self.steps;
        if let Some(f) = self.stack.last_mut() {
            if matches!(
                outcome,
                RuleOutcome::Pass | RuleOutcome::RollFail | RuleOutcome::Delegated
            ) {
                f.decided = Decided::Rule(rule_index as u32);
            }
            if steps {
                f.steps.push(RuleStep {
                    rule: rule_index as u32,
                    outcome,
                    first_failed: f.first_failed,
                });
            }
        }
    }

    fn exit_spec(&mut self, _spec: &Spec, _result: &EvalResult<'_>) {
        let Some(f) = self.stack.pop() else { return };
        let Some((kind, index)) = f.spec else { return };
        let d = Decision {
            kind,
            index,
            decided: f.decided,
            steps: f.steps,
            delegated: f.delegated,
        };
        match self.stack.last_mut() {
            None => self.top = Some(d),
            // A config evaluated directly inside a layer's rule is its experiment; nested
            // gates (conditions) are not part of the asserted result's decision.
            Some(parent)
                if kind == Kind::Config && matches!(parent.spec, Some((Kind::Layer, _))) =>
            {
                parent.delegated = Some(Box::new(d));
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{EvalOptions, Evaluator};
    use crate::spec::{Parsed, parse_payload};
    use crate::user::User;

    fn demo() -> CompiledSpecs {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/demo_dcs.json"
        ))
        .unwrap();
        match parse_payload(&bytes, "demo").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!(),
        }
    }

    fn decide(specs: &CompiledSpecs, user: &str, kind: Kind, name: &str) -> Decision {
        let user = User::parse(user, "u").unwrap();
        let opts = EvalOptions {
            app_id: None,
            now_ms: 0,
        };
        let mut ev = Evaluator::with_trace(specs, &user, opts, DecisionTrace::new(specs, true));
        ev.evaluate(kind, name);
        ev.trace.take().expect("a spec was evaluated")
    }

    #[test]
    fn the_deciding_rule_and_first_failing_conditions() {
        let specs = demo();
        // new_checkout: employees (pass_gate segment), beta_users, ios_v2 (ios, version),
        // rollout_25. An iOS user on an old version fails ios_v2 at its second condition.
        let d = decide(
            &specs,
            r#"{"userID":"1","email":"a@x.org","appVersion":"1.0.0",
                "userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X)"}"#,
            Kind::Gate,
            "new_checkout",
        );
        assert_eq!(d.index, specs.index(Kind::Gate, "new_checkout").unwrap());
        assert_eq!(d.decided, Decided::Rule(3));
        let firsts: Vec<Option<u32>> = d.steps.iter().map(|s| s.first_failed).collect();
        assert_eq!(firsts, [Some(0), Some(0), Some(1), None]);
        assert_eq!(d.steps[0].outcome, RuleOutcome::NoMatch);
        // An employee: rule 1 decides; the nested segment is not a step of the gate.
        let d = decide(
            &specs,
            r#"{"userID":"1","email":"a@example.com"}"#,
            Kind::Gate,
            "new_checkout",
        );
        assert_eq!(d.decided, Decided::Rule(0));
        assert_eq!(d.steps.len(), 1);
        // A disabled gate without rules: the default.
        let d = decide(&specs, r#"{"userID":"1"}"#, Kind::Gate, "legacy_banner");
        assert_eq!(d.decided, Decided::Default);
    }

    #[test]
    fn a_layer_records_its_experiment() {
        let specs = demo();
        // Find a user the layer allocates (bucket >= 500 of layer-salt-1).
        let d = (0..50)
            .map(|i| {
                decide(
                    &specs,
                    &format!(r#"{{"userID":"{i}"}}"#),
                    Kind::Layer,
                    "checkout_layer",
                )
            })
            .find(|d| d.delegated.is_some())
            .expect("some user is allocated");
        assert_eq!(d.decided, Decided::Rule(0));
        let exp = d.delegated.unwrap();
        assert_eq!(exp.kind, Kind::Config);
        assert_eq!(
            exp.index,
            specs.index(Kind::Config, "checkout_button").unwrap()
        );
    }
}
