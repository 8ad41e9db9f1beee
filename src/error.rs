//! One error type whose variants know their exit code.

use std::path::PathBuf;

/// Errors the library reports; each names the input that was wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: a file, a flag, a JSON document. Exit code 2.
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
}

impl Error {
    /// The process exit code scripts can rely on.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) | Error::Io { .. } => 2,
            Error::Network(_) => 3,
        }
    }

    pub fn input(msg: impl Into<String>) -> Self {
        Error::Input(msg.into())
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
