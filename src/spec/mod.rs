//! The spec model: wire forms (v1, v2) compiled into one typed form.

pub mod compile;
pub mod model;

pub use compile::{Parsed, parse_payload};
pub use model::CompiledSpecs;
