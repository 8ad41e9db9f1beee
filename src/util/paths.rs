//! Where per-user files live when no flag or variable says: the XDG base directories.

use std::path::PathBuf;

/// `$<xdg_var>/statsig` when that variable holds an absolute path, else
/// `$HOME/<under_home>/statsig`; `None` without either. (`XDG_CACHE_HOME` / `.cache` for the
/// cache, `XDG_STATE_HOME` / `.local/state` for the event spool.)
pub fn statsig_dir(xdg_var: &str, under_home: &str) -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(x) = var(xdg_var).filter(|p| p.is_absolute()) {
        return Some(x.join("statsig"));
    }
    var("HOME").map(|h| h.join(under_home).join("statsig"))
}
