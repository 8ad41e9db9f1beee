//! Evaluation: a compiled spec and a user in, a result out.

pub mod country;
pub mod ua;
