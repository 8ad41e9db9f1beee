//! Warnings on stderr: suspicious input that still works. `-q/--quiet` turns them off for the
//! whole process (errors are never silenced), so every layer warns through [`warn`] instead
//! of writing to stderr itself.

use std::sync::atomic::{AtomicBool, Ordering};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Silences (or restores) warnings and progress notes for the rest of the process.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether `-q/--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Prints `warning: MSG` on stderr unless quiet.
pub fn warn(msg: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("warning: {msg}");
    }
}
