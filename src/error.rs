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

/// Errors the library reports; each names the input that was wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Flags that do not go together, or a format or value a command does not offer.
    /// Exit code 2.
    #[error("{0}")]
    Usage(String),
    /// Bad input: a file's content, a flag, a JSON document, a user. Exit code 2.
    #[error("{0}")]
    Input(String),
    /// A file could not be read or written. Exit code 2.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The network failed or the server refused. Exit code 3.
    #[error("{0}")]
    Network(String),
    /// Something that cannot happen did (a serialisation failed, a worker thread stopped).
    /// Exit code 70.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The process exit code scripts can rely on.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) | Error::Input(_) | Error::Io { .. } => ExitCode::Input,
            Error::Network(_) => ExitCode::Network,
            Error::Internal(_) => ExitCode::Internal,
        }
    }

    /// Whether this is a write to a closed pipe (`statsig … | head`): the reader's choice,
    /// not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn input(msg: impl Into<String>) -> Self {
        Error::Input(msg.into())
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
        assert_eq!(Error::input("x").exit_code() as u8, 2);
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
