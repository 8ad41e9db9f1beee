//! Small tools every layer may use and that use nothing of the crate: hashing, the clock,
//! ids, JSON string literals, atomic files, XDG paths, masking secrets, did-you-mean suggestions, bounded line
//! reading.

pub mod ahash;
pub mod clock;
pub mod fs;
pub mod hash;
pub mod ids;
pub mod interrupt;
pub mod json_str;
pub mod lines;
pub mod mask;
pub mod paths;
pub mod progress;
pub mod splice;
pub mod suggest;
pub mod warn;
