//! Typed errors: each variant says what failed and decides the process exit code.

use std::path::PathBuf;

/// How the process ends. Scripts rely on these numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    /// Done; for `check-gate --exit-code`, the gate passed; for `specs diff`, no difference.
    Success = 0,
    /// A negative answer, not a failure: the gate failed (`--exit-code`), the specs differ.
    No = 1,
    /// Bad input: a flag, a file, a document, a user; or lines skipped with `--keep-going`.
    Input = 2,
    /// The network failed or the server refused; events not delivered stay spooled.
    Network = 3,
    /// A broken invariant in the tool itself (a bug): `EX_SOFTWARE`.
    Internal = 70,
}

impl ExitCode {
    /// `a`, unless it is a success and `b` is not: the worse of two outcomes in the order
    /// they happened (the first failure wins).
    pub fn or(self, b: ExitCode) -> ExitCode {
        if self == ExitCode::Success { b } else { self }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(c: ExitCode) -> Self {
        std::process::ExitCode::from(c as u8)
    }
}

/// Errors the library reports. The variant says what failed; its message names the input
/// (a flag, `FILE:LINE:COL`, a spec's JSON path) and what was wrong with it. The exit code is
/// decided here, in [`Error::exit_code`], and nowhere else.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Flags that do not go together, a missing or malformed flag value, a format a command
    /// does not print.
    #[error("{0}")]
    Usage(String),
    /// What the machine lacks: a cache or spool folder (no HOME), a usable proxy variable.
    #[error("{0}")]
    Environment(String),
    /// The server key: missing where it is needed, empty, or unusable.
    #[error("{0}")]
    Key(String),
    /// A specs payload (file, download, cache, data-store entry) that cannot be used; the
    /// message starts with where it came from.
    #[error("{0}")]
    Specs(String),
    /// Id lists: a file, a folder, a manifest.
    #[error("{0}")]
    IdLists(String),
    /// A data store: its address, its keys, what it holds.
    #[error("{0}")]
    DataStore(String),
    /// A user: the user flags, `--user-json`, a line of `--users` (`FILE:LINE`).
    #[error("{0}")]
    User(String),
    /// A user template (`--generate --user`, a suite population): bad JSON, an unknown
    /// `${variable}`.
    #[error("{0}")]
    Template(String),
    /// Local overrides: the `--overrides` file or an `--override-*` flag.
    #[error("{0}")]
    Overrides(String),
    /// A persisted (sticky) values file.
    #[error("{0}")]
    Persisted(String),
    /// An event: the `log-event` flags or a line of `log-events`.
    #[error("{0}")]
    Event(String),
    /// A line of input that cannot be read as one: too long, not UTF-8.
    #[error("{0}")]
    Line(String),
    /// A place in a document: a suite file, a YAML overrides file, a report part.
    #[error("{path}:{line}:{col}: {msg}")]
    At {
        path: String,
        line: usize,
        col: usize,
        msg: String,
    },
    /// Assertion suites: none found, no case to run, their specs.
    #[error("{0}")]
    Suite(String),
    /// Reports given to `report --merge` that do not add up.
    #[error("{0}")]
    Report(String),
    /// A name the specs do not have, refused with `--strict` (or where no default exists).
    #[error("{0}")]
    Unknown(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The network failed or the server refused.
    #[error("{0}")]
    Network(String),
    /// Something that cannot happen did (a serialisation failed, a worker thread stopped).
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The process exit code scripts can rely on: 2 for anything given to the tool (flags,
    /// files, documents, the environment), 3 for the network, 70 for a bug.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_)
            | Error::Environment(_)
            | Error::Key(_)
            | Error::Specs(_)
            | Error::IdLists(_)
            | Error::DataStore(_)
            | Error::User(_)
            | Error::Template(_)
            | Error::Overrides(_)
            | Error::Persisted(_)
            | Error::Event(_)
            | Error::Line(_)
            | Error::At { .. }
            | Error::Suite(_)
            | Error::Report(_)
            | Error::Unknown(_)
            | Error::Io { .. } => ExitCode::Input,
            Error::Network(_) => ExitCode::Network,
            Error::Internal(_) => ExitCode::Internal,
        }
    }

    /// Whether this is about one record of a stream (a user or an event line), which
    /// `--keep-going` skips.
    pub fn is_bad_record(&self) -> bool {
        matches!(self, Error::User(_) | Error::Event(_) | Error::Line(_))
    }

    /// Whether this is a write to a closed pipe (`statsig … | head`): the reader's choice,
    /// not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// A JSON document that does not parse: `PATH:LINE:COL: not valid JSON: WHAT`, the
    /// position serde_json appends to its message moved to the front. Without a position
    /// (an I/O failure inside the parser) the message is given to `otherwise`.
    pub fn json_at(
        path: impl std::fmt::Display,
        e: &serde_json::Error,
        otherwise: fn(String) -> Error,
    ) -> Self {
        let msg = e.to_string();
        if e.line() == 0 {
            return otherwise(format!("{path}: not valid JSON: {msg}"));
        }
        let msg = match msg.rfind(" at line ") {
            Some(i) => &msg[..i],
            None => &msg,
        };
        Error::At {
            path: path.to_string(),
            line: e.line(),
            // serde_json counts a position before a line's first character as column 0.
            col: e.column().max(1),
            msg: format!("not valid JSON: {msg}"),
        }
    }

    pub fn internal(msg: impl Into<String>) -> Self {
        Error::Internal(msg.into())
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_decide_the_exit_code() {
        assert_eq!(Error::Usage("x".into()).exit_code() as u8, 2);
        assert_eq!(Error::User("x".into()).exit_code() as u8, 2);
        let at = Error::At {
            path: "s.yaml".into(),
            line: 3,
            col: 7,
            msg: "bad".into(),
        };
        assert_eq!(at.to_string(), "s.yaml:3:7: bad");
        assert_eq!(at.exit_code() as u8, 2);
        // `x` is the third character of line 3.
        let bad = serde_json::from_str::<serde_json::Value>("[\n  1,\n  x]").unwrap_err();
        assert_eq!(
            Error::json_at("f.json", &bad, Error::Specs).to_string(),
            "f.json:3:3: not valid JSON: expected value"
        );
        assert_eq!(
            Error::io("f", std::io::ErrorKind::NotFound.into()).exit_code() as u8,
            2
        );
        assert_eq!(Error::Network("x".into()).exit_code() as u8, 3);
        assert_eq!(Error::internal("x").exit_code() as u8, 70);
        assert!(Error::io("stdout", std::io::ErrorKind::BrokenPipe.into()).is_broken_pipe());
        assert_eq!(ExitCode::Success.or(ExitCode::Network), ExitCode::Network);
        assert_eq!(ExitCode::No.or(ExitCode::Network), ExitCode::No);
    }
}
