//! An interrupted write leaves nothing behind: temporary files being written are registered
//! here, and SIGINT, SIGTERM or SIGHUP removes them before the process ends (exit 128 +
//! the signal, as the default action would report: 130 for Ctrl-C, 143 for `kill`).
//!
//! The handler is installed with the first registration, so runs that write no file keep
//! the default signal behaviour. It runs on a thread of its own (signal-hook's iterator),
//! where taking a lock and removing files is safe, unlike inside a signal handler.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();
/// A long-running loop (`specs pull --watch`) stops by itself when asked: the signal sets
/// [`STOP`] instead of ending the process.
static GRACEFUL: AtomicBool = AtomicBool::new(false);
static STOP: AtomicBool = AtomicBool::new(false);

/// From now on SIGINT, SIGTERM and SIGHUP do not end the process: they set the flag
/// [`stop_requested`] reads, and the caller finishes what it is writing and returns.
pub fn graceful() {
    GRACEFUL.store(true, Ordering::SeqCst);
    INSTALL.call_once(install);
}

/// Whether a signal asked a [`graceful`] run to stop.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

fn temps() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes `path` if the process is interrupted before [`forget`] is called for it.
pub fn register(path: &Path) {
    INSTALL.call_once(install);
    temps().push(path.to_path_buf());
}

/// The file at `path` is no longer temporary (renamed into place, or removed).
pub fn forget(path: &Path) {
    let mut t = temps();
    if let Some(i) = t.iter().rposition(|p| p == path) {
        t.swap_remove(i);
    }
}

#[cfg(unix)]
fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("statsig-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if GRACEFUL.load(Ordering::SeqCst) {
                    STOP.store(true, Ordering::SeqCst);
                    continue;
                }
                for p in temps().drain(..) {
                    let _ = std::fs::remove_file(p);
                }
                std::process::exit(128 + sig);
            }
        });
}

#[cfg(not(unix))]
fn install() {}
