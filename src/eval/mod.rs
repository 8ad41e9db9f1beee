//! Evaluation: a compiled spec and a user in, a result out.

pub mod condition;
pub mod country;
pub mod evaluator;
pub mod overrides;
pub mod trace;
pub mod ua;

pub use evaluator::{EvalOptions, Evaluator, Scratch};
