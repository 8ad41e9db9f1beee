//! Evaluation: a compiled spec and a user in, a result out.

pub mod country;
pub mod time;
pub mod ua;
pub mod value;
