//! Hooks through which the evaluator can report every rule and condition it looked at
//! (for `explain`). The default [`NoTrace`] compiles to nothing.

use crate::result::EvalResult;
use crate::spec::model::{Condition, Spec};

/// Receives evaluation steps. Every method has an empty default.
pub trait Trace {
    fn enter_spec(&mut self, _spec: &Spec) {}
    /// A rule's conditions are about to run.
    fn rule_start(&mut self, _spec: &Spec, _rule_index: usize) {}
    /// How a rule ended.
    fn rule(&mut self, _spec: &Spec, _rule_index: usize, _outcome: RuleOutcome) {}
    fn condition(&mut self, _cond: &Condition, _passed: bool, _unsupported: bool) {}
    fn exit_spec(&mut self, _spec: &Spec, _result: &EvalResult<'_>) {}
}

/// How a rule ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleOutcome {
    /// A condition was Unsupported: evaluation stops.
    Unsupported,
    /// Not every condition passed: on to the next rule.
    NoMatch,
    /// Matched and handed over to its experiment.
    Delegated,
    /// Matched and the pass-percentage roll passed: the rule's value.
    Pass,
    /// Matched but the roll failed: the default value, with this rule's id.
    RollFail,
}

/// No tracing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl Trace for NoTrace {}
