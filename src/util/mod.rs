//! Small tools every layer may use and that use nothing of the crate: hashing, the clock,
//! ids.

pub mod clock;
pub mod hash;
pub mod ids;
