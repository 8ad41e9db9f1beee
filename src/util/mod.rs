//! Small tools every layer may use and that use nothing of the crate: hashing, the clock,
//! ids, did-you-mean suggestions.

pub mod clock;
pub mod hash;
pub mod ids;
pub mod suggest;
