//! The server secret key: read from the environment, a file or argv, and never shown.

use std::fmt;
use std::path::Path;

use crate::error::{Error, Result};

/// Environment variable holding the server secret key (the preferred way to pass it).
pub const SERVER_SECRET_ENV: &str = "STATSIG_SERVER_SECRET";

/// A server secret key. `Debug` and `Display` print only a masked form, so the key cannot
/// leak through logs or error messages by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerKey(String);

impl ServerKey {
    /// Accepts a key after trimming whitespace; rejects an empty one.
    pub fn new(raw: &str) -> Result<Self> {
        let key = raw.trim();
        if key.is_empty() {
            return Err(Error::Key("the server key is empty".into()));
        }
        if key.chars().any(|c| c.is_control() || c == ' ') {
            return Err(Error::Key(
                "the server key contains spaces or control characters".into(),
            ));
        }
        Ok(ServerKey(key.to_string()))
    }

    /// Reads the key from a file (first line, trimmed).
    pub fn from_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let first = text.lines().next().unwrap_or("");
        ServerKey::new(first).map_err(|e| Error::Key(format!("{}: {e}", path.display())))
    }

    /// The key itself, for request headers and URLs only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `secret-…abcd`: enough to tell keys apart, useless to an attacker.
    pub fn masked(&self) -> String {
        crate::util::mask::keep_tail(&self.0)
    }
}

impl fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerKey({})", self.masked())
    }
}

impl fmt::Display for ServerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// `--server-key` as given on the command line: kept unchecked (a parse error would make
/// clap echo the key) and shown masked by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyArg(String);

impl std::str::FromStr for KeyArg {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Ok(KeyArg(s.to_string()))
    }
}

impl fmt::Debug for KeyArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyArg(…)")
    }
}

impl KeyArg {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The key file: where `statsig specs pull` stores a key typed at its prompt (when asked
/// to), read when no other key is given. `$XDG_CONFIG_HOME/statsig/server-key`, else
/// `~/.config/statsig/server-key`.
pub fn key_file_path() -> Option<std::path::PathBuf> {
    crate::util::paths::statsig_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("server-key"))
}

/// Writes `key` to `path` atomically, the file 0600 and its folder 0700.
pub fn store_key(path: &Path, key: &ServerKey) -> Result<()> {
    crate::util::fs::write_atomic(path, format!("{}\n", key.expose()).as_bytes())
        .map_err(|e| Error::io(path, e))
}

/// Finds the server key: `--server-key-file`, else `--server-key` (with a warning: argv is
/// visible to other local users), else `$STATSIG_SERVER_SECRET`, else the key file
/// ([`key_file_path`]) when it exists. `None` when none is given.
pub fn resolve_server_key(arg: Option<&str>, file: Option<&Path>) -> Result<Option<ServerKey>> {
    if let Some(f) = file {
        return ServerKey::from_file(f).map(Some);
    }
    if let Some(a) = arg {
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| {
            crate::util::warn::warn(format_args!(
                "--server-key is visible to other processes; prefer \
                 {SERVER_SECRET_ENV} or --server-key-file"
            ))
        });
        return ServerKey::new(a)
            .map(Some)
            .map_err(|e| Error::Key(format!("--server-key: {e}")));
    }
    match std::env::var(SERVER_SECRET_ENV) {
        Ok(v) if !v.trim().is_empty() => ServerKey::new(&v)
            .map(Some)
            .map_err(|e| Error::Key(format!("{SERVER_SECRET_ENV}: {e}"))),
        _ => match key_file_path().filter(|p| p.is_file()) {
            Some(p) => ServerKey::from_file(&p).map(Some),
            None => Ok(None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_everything_but_the_tail() {
        let k = ServerKey::new("secret-abcdefghijklmnop1234").unwrap();
        assert_eq!(k.masked(), "secret-…1234");
        assert!(!format!("{k:?}").contains("abcdefgh"));
        assert!(!format!("{k}").contains("abcdefgh"));
    }

    #[test]
    fn short_keys_show_no_tail() {
        let k = ServerKey::new("secret-x").unwrap();
        assert_eq!(k.masked(), "secret-…");
    }

    #[test]
    fn resolves_keys_from_a_file_first() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("k");
        std::fs::write(&f, "secret-fromfile\n").unwrap();
        let k = resolve_server_key(Some("secret-arg"), Some(&f))
            .unwrap()
            .unwrap();
        assert_eq!(k.expose(), "secret-fromfile");
        let k = resolve_server_key(Some("secret-arg"), None)
            .unwrap()
            .unwrap();
        assert_eq!(k.expose(), "secret-arg");
        assert!(resolve_server_key(None, Some(&dir.path().join("none"))).is_err());
    }

    #[test]
    fn rejects_empty_and_spaced_keys() {
        assert!(ServerKey::new("  ").is_err());
        assert!(ServerKey::new("secret-a b").is_err());
    }
}

#[cfg(test)]
mod key_arg_tests {
    use super::*;

    #[test]
    fn debug_of_parsed_arguments_hides_the_key() {
        let k: KeyArg = "secret-abcdefghijklmnop1234".parse().unwrap();
        assert_eq!(k.as_str(), "secret-abcdefghijklmnop1234");
        assert!(!format!("{k:?}").contains("abcdefgh"));
        let args = crate::source::SourceSettings {
            server_key: Some(k),
            ..Default::default()
        };
        assert!(!format!("{args:?}").contains("abcdefgh"));
    }
}
