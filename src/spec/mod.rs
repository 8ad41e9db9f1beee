//! The spec model: wire forms (v1, v2) compiled into one typed form; values, times and id
//! lists as the evaluator compares them; descriptions of specs and the semantic diff.

pub mod compile;
pub mod describe;
pub mod diff;
pub mod id_lists;
pub mod lazy;
pub mod model;
pub mod param_store;
pub mod scan;
pub mod time;
pub mod tree;
pub mod value;

pub use compile::{Parsed, parse_payload, parse_payload_leaking};
pub use lazy::parse_payload_for;
pub use model::CompiledSpecs;
