//! Hooks through which the evaluator can report every rule and condition it looked at
//! (for `explain`). The default [`NoTrace`] compiles to nothing.

use crate::result::EvalResult;
use crate::spec::model::{Condition, Spec};

/// Receives evaluation steps. Every method has an empty default.
pub trait Trace {
    fn enter_spec(&mut self, _spec: &Spec) {}
    /// `matched`: `None` when the rule stopped as Unsupported, else whether its conditions
    /// matched and (for a match) whether the roll passed.
    fn rule(&mut self, _spec: &Spec, _rule_index: usize, _outcome: Option<bool>) {}
    fn condition(&mut self, _cond: &Condition, _passed: bool, _unsupported: bool) {}
    fn exit_spec(&mut self, _spec: &Spec, _result: &EvalResult<'_>) {}
}

/// No tracing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl Trace for NoTrace {}
