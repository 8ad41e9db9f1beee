//! Keeping specs fresh, as the SDKs' background sync does: poll the source every interval
//! (the network through the cache, so each request sends `sinceTime`), hand each payload
//! that differs from the last one to the caller, back off on errors, and stop when asked.

use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::source::{Loaded, SourceSettings, load};
use crate::spec::id_lists::{IdListFiles, IdLists};

/// The SDKs' default config-specs sync interval (`specs_sync_interval_ms`).
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(10);

/// The SDKs' default id-list sync interval (`id_lists_sync_interval_ms`).
pub const DEFAULT_ID_LISTS_INTERVAL: Duration = Duration::from_secs(60);

/// The longest wait between attempts after repeated errors.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Parses `10s`, `1m`, `500ms`, `1h` or a plain number of seconds.
pub fn parse_interval(s: &str) -> std::result::Result<Duration, String> {
    let t = s.trim();
    let (num, unit) = match t.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?}: expected a duration such as 10s, 1m or 500ms"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        u => return Err(format!("{s:?}: unknown unit {u:?} (ms, s, m or h)")),
    };
    if !(secs.is_finite() && secs >= 0.01) {
        return Err(format!("{s:?}: the interval must be at least 10ms"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Polls `settings`' source every `interval` (its id lists every `id_lists_interval`) until
/// `stop()` says so. `changed` gets every payload whose bytes or id lists differ from the
/// previous one (the first one included), with the last lists fetched; an error of
/// the source or of `changed` is reported to `failed` and the next attempt waits twice as
/// long (up to five minutes), until one succeeds. Returns how many payloads were handed on.
pub fn watch(
    settings: &SourceSettings,
    interval: Duration,
    id_lists_interval: Duration,
    stop: &dyn Fn() -> bool,
    changed: &mut dyn FnMut(&Loaded) -> Result<()>,
    failed: &mut dyn FnMut(&Error, Duration),
) -> Result<usize> {
    let mut last_bytes: Option<Vec<u8>> = None;
    // Id lists are fetched every `id_lists_interval` (the SDKs' own sync interval for
    // them); polls in between ask for the specs alone, and every hand-off carries the lists
    // of the last fetch (parsed and raw, moved in and out, never copied). A list changes on
    // its own (users added to a segment) while the rules stay the same, so a fetch that
    // brings different lists is an update even when the payload is not.
    let without_lists = SourceSettings {
        no_id_lists: true,
        ..settings.clone()
    };
    let mut lists: (Option<IdLists>, Option<IdListFiles>) = (None, None);
    let mut lists_unsent = false;
    let mut lists_due = Instant::now();
    let mut wait = interval;
    let mut updates = 0;
    while !stop() {
        let fetch_lists = !settings.no_id_lists && Instant::now() >= lists_due;
        let poll = load(if fetch_lists {
            settings
        } else {
            &without_lists
        });
        if fetch_lists && poll.is_ok() {
            lists_due = Instant::now() + id_lists_interval;
        }
        let outcome = poll.and_then(|mut loaded| {
            if fetch_lists {
                lists_unsent |= loaded.id_list_files != lists.1;
                lists = (loaded.id_lists.take(), loaded.id_list_files.take());
            }
            if !lists_unsent && last_bytes.as_deref() == Some(&loaded.bytes[..]) {
                return Ok(());
            }
            (loaded.id_lists, loaded.id_list_files) = std::mem::take(&mut lists);
            let handed = changed(&loaded);
            lists = (loaded.id_lists.take(), loaded.id_list_files.take());
            handed?;
            lists_unsent = false;
            last_bytes = Some(loaded.bytes);
            updates += 1;
            Ok(())
        });
        wait = match outcome {
            Ok(()) => interval,
            Err(e) => {
                let next = (wait * 2).min(MAX_BACKOFF).max(interval);
                failed(&e, next);
                next
            }
        };
        sleep_unless(wait, stop);
    }
    Ok(updates)
}

/// Sleeps for `d`, waking early when `stop()` becomes true.
fn sleep_unless(d: Duration, stop: &dyn Fn() -> bool) {
    let end = Instant::now() + d;
    while !stop() {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_interval("1m"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_interval("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_interval("2"), Ok(Duration::from_secs(2)));
        assert!(parse_interval("0s").is_err());
        assert!(parse_interval("5 parsecs").is_err());
        assert!(parse_interval("fast").is_err());
    }
}
