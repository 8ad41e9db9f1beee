//! A Redis data store through the `redis` crate (blocking): `redis://` and `rediss://`
//! (TLS), `AUTH` with a password or an ACL user (`redis://user:password@host:port/db`),
//! `SELECT`. A data store needs GET, SET and SCAN only.
//!
//! Errors say what failed in words a user can act on: a timeout says "timed out", a refused
//! password says so, and a key holding the wrong type (`WRONGTYPE`) is an input error.

use std::time::Duration;

use redis::{ErrorKind, RedisError, ServerErrorKind};

use crate::error::{Error, Result};

/// The URL with any `user:password@` replaced by `***@`, for messages.
pub fn mask_url(url: &str) -> String {
    crate::util::mask::url_credentials(url)
}

/// One connection.
pub struct Redis {
    /// `None` once a command ran out of time (its thread still holds the connection).
    conn: Option<redis::Connection>,
    shown: String,
    timeout: Duration,
}

/// Runs `f` on a thread of its own and waits at most `limit` for it. The crate reads a
/// reply until it is complete, and a server that never ends one (an endless line, which
/// the crate's parser also rescans from its start at every read: 2.7 s of CPU for 8 MiB in
/// a debug build, four times that per doubling) would hold the process as long as it likes.
/// So each step is bounded as a whole, like one HTTP request (`--timeout`). On expiry the
/// thread is left behind; it ends with the process.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("statsig-redis".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .ok()?;
    rx.recv_timeout(limit).ok()
}

impl Redis {
    /// Connects, authenticates and selects the database of `url`, each step within `timeout`.
    pub fn connect(url: &str, timeout: Duration) -> Result<Redis> {
        let shown = mask_url(url);
        let (u, s) = (url.to_string(), shown.clone());
        within(timeout, move || Redis::connect_now(&u, s, timeout)).unwrap_or_else(|| {
            Err(Error::Network(format!(
                "{shown}: connecting timed out after {} s (no complete reply)",
                timeout.as_secs_f64()
            )))
        })
    }

    fn connect_now(url: &str, shown: String, timeout: Duration) -> Result<Redis> {
        let bad_url = |e: RedisError| {
            Error::DataStore(format!(
                "{shown}: not a usable Redis URL (redis://[USER:PASSWORD@]HOST[:PORT][/DB] or rediss://…): {}",
                detail(&e)
            ))
        };
        let info = redis::IntoConnectionInfo::into_connection_info(url).map_err(bad_url)?;
        // Named in CLIENT LIST as this tool, not as the crate.
        let settings = info
            .redis_settings()
            .clone()
            .set_lib_name(crate::http::SDK_TYPE, crate::http::SDK_VERSION);
        let client = redis::Client::open(info.set_redis_settings(settings)).map_err(bad_url)?;
        let fail = |e: RedisError| describe(&shown, "connecting", timeout, e);
        let conn = client.get_connection_with_timeout(timeout).map_err(fail)?;
        conn.set_read_timeout(Some(timeout)).map_err(fail)?;
        conn.set_write_timeout(Some(timeout)).map_err(fail)?;
        Ok(Redis {
            conn: Some(conn),
            shown,
            timeout,
        })
    }

    fn run<T: redis::FromRedisValue + Send + 'static>(
        &mut self,
        what: &str,
        cmd: &redis::Cmd,
    ) -> Result<T> {
        let secs = self.timeout.as_secs_f64();
        let mut conn = self.conn.take().ok_or_else(|| {
            Error::Network(format!(
                "{}: {what}: the connection was given up after an earlier timeout",
                self.shown
            ))
        })?;
        let cmd = cmd.clone();
        let done = within(self.timeout, move || {
            let r = cmd.query::<T>(&mut conn);
            (r, conn)
        });
        let Some((r, conn)) = done else {
            return Err(Error::Network(format!(
                "{}: {what} timed out after {secs} s (no complete reply)",
                self.shown
            )));
        };
        self.conn = Some(conn);
        r.map_err(|e| describe(&self.shown, what, self.timeout, e))
    }

    pub fn get(&mut self, key: &str) -> Result<Option<Vec<u8>>> {
        self.run("GET", redis::cmd("GET").arg(key))
    }

    pub fn set(&mut self, key: &str, value: &[u8]) -> Result<()> {
        self.run("SET", redis::cmd("SET").arg(key).arg(value))
    }

    /// All keys matching a glob pattern, via SCAN (never KEYS, which blocks the server).
    pub fn scan(&mut self, pattern: &str) -> Result<Vec<String>> {
        let mut cursor: u64 = 0;
        let mut keys = Vec::new();
        loop {
            let (next, batch): (u64, Vec<Vec<u8>>) = self.run(
                "SCAN",
                redis::cmd("SCAN")
                    .arg(cursor)
                    .arg("MATCH")
                    .arg(pattern)
                    .arg("COUNT")
                    .arg(1000),
            )?;
            keys.extend(
                batch
                    .into_iter()
                    .map(|k| String::from_utf8_lossy(&k).into_owned()),
            );
            if next == 0 {
                break;
            }
            cursor = next;
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }
}

/// The error's own words on one line (the crate's parse errors span several), control
/// characters from a server's reply removed.
fn detail(e: &RedisError) -> String {
    e.to_string()
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const AUTH_HINT: &str = "give it as redis://:PASSWORD@HOST or redis://USER:PASSWORD@HOST";

/// Turns a crate error into ours: `WRONGTYPE` is the input's fault (exit 2), everything
/// else is the network's (exit 3), in words that name the cause.
fn describe(shown: &str, what: &str, timeout: Duration, e: RedisError) -> Error {
    let secs = timeout.as_secs_f64();
    if e.code() == Some("WRONGTYPE") {
        return Error::DataStore(format!(
            "{shown}: {what}: the key holds a value of another type than a string ({})",
            e.detail().unwrap_or("WRONGTYPE").trim()
        ));
    }
    let msg = if e.is_timeout() {
        format!("{what} timed out after {secs} s")
    } else if e.kind() == ErrorKind::AuthenticationFailed
        || e.code().is_some_and(|c| c == "WRONGPASS" || c == "NOAUTH")
    {
        format!(
            "{what}: authentication failed: {} ({AUTH_HINT})",
            e.detail()
                .unwrap_or("the server refused the credentials")
                .trim()
        )
    } else if e.code() == Some("NOAUTH") || e.to_string().contains("Authentication required") {
        // The server wants a password the URL did not give (the crate words this as a
        // failed SELECT).
        format!("{what}: authentication failed: the server requires a password ({AUTH_HINT})")
    } else if e.is_connection_refusal() {
        format!("{what}: connection refused")
    } else if e.kind() == ErrorKind::Server(ServerErrorKind::NoPerm) {
        format!("{what}: the user lacks the permission: {}", detail(&e))
    } else if e.is_io_error() {
        format!("{what}: {}", detail(&e))
    } else {
        format!("{what} failed: {}", detail(&e))
    };
    Error::Network(format!("{shown}: {msg}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_masked_and_checked() {
        assert_eq!(mask_url("redis://u:pw@h:1/0"), "redis://***@h:1/0");
        assert_eq!(mask_url("redis://h:1/0"), "redis://h:1/0");
        for bad in ["redis://h:x", "redis://h/db"] {
            let e = Redis::connect(bad, Duration::from_millis(100))
                .err()
                .unwrap();
            assert_eq!(e.exit_code(), crate::error::ExitCode::Input, "{bad}: {e}");
            assert!(e.to_string().contains("not a usable Redis URL"), "{e}");
        }
        let e = Redis::connect("redis://:hunter2@h:x", Duration::from_millis(100))
            .err()
            .unwrap();
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }
}
