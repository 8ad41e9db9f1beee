//! Evaluation: a compiled spec and a user in, a result out.

mod buckets;
pub mod condition;
mod condition_memo;
pub mod country;
pub mod evaluator;
pub mod layer_params;
pub mod override_check;
pub mod overrides;
pub mod param_store;
pub mod persisted;
pub mod trace;
pub mod ua;

pub use evaluator::{EvalOptions, Evaluator, Scratch};
