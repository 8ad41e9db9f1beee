//! POSTing one batch to `log_event` (events.md §7, network.md §2) through the one HTTP
//! client ([`crate::http`]), which owns the headers and the retry policy.

use crate::error::Result;
use crate::http::{Client, Failure, Method, Request, RetryPolicy};
use crate::secret::ServerKey;

/// The legacy SDKs' default API base; `log_event` is appended.
pub const DEFAULT_API: &str = "https://statsigapi.net";

/// `{api}/v1/log_event`. `--api` is read as for spec downloads: a host base, with or
/// without a trailing `/v1` (or `/v2`).
pub fn log_event_url(api: Option<&str>, log_event_url: Option<&str>) -> String {
    if let Some(u) = log_event_url {
        return u.to_string();
    }
    let base = crate::http::api_base(api.unwrap_or(DEFAULT_API));
    format!("{base}/v1/log_event")
}

/// The session id of this process (a random v4 UUID).
pub fn new_session_id() -> String {
    crate::util::ids::session_id().to_string()
}

/// Why a batch was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The server could not be reached or kept failing; retrying later may work.
    Unavailable(String),
    /// The server refused the batch (a 4xx other than 408/429, or 501); `reason` is the
    /// server's answer, sanitised.
    Rejected {
        status: u16,
        message: String,
        reason: String,
    },
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Unavailable(m) => f.write_str(m),
            SendError::Rejected { message, .. } => f.write_str(message),
        }
    }
}

/// Sends batches to one `log_event` URL.
pub struct Sender {
    client: Client,
    url: String,
}

impl Sender {
    pub fn new(url: String, key: ServerKey, policy: RetryPolicy) -> Result<Sender> {
        Ok(Sender {
            client: Client::new(key, policy)?,
            url,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Sends one gzipped batch body of `count` events, retrying as the policy says.
    pub fn send(&self, gzipped_body: &[u8], count: u32) -> Result<(), SendError> {
        let headers = [
            ("STATSIG-EVENT-COUNT", count.to_string()),
            ("Content-Type", "application/json".to_string()),
            ("Content-Encoding", "gzip".to_string()),
        ];
        let req = Request {
            what: "log_event",
            method: Method::Post,
            url: &self.url,
            headers: &headers,
            body: Some(gzipped_body),
        };
        match self.client.send(&req) {
            Ok(_) => Ok(()),
            Err(Failure::Rejected {
                status,
                message,
                reason,
            }) => Err(SendError::Rejected {
                status,
                message,
                reason,
            }),
            Err(Failure::KeyRejected { status, message }) => Err(SendError::Rejected {
                status,
                reason: message.clone(),
                message,
            }),
            Err(other) => Err(SendError::Unavailable(other.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            log_event_url(None, None),
            "https://statsigapi.net/v1/log_event"
        );
        assert_eq!(
            log_event_url(Some("http://h/v1/"), None),
            "http://h/v1/log_event"
        );
        assert_eq!(
            log_event_url(Some("http://h"), None),
            "http://h/v1/log_event"
        );
        assert_eq!(log_event_url(Some("x"), Some("http://y/e")), "http://y/e");
    }

    #[test]
    fn one_session_id_per_process() {
        let s = new_session_id();
        assert_eq!(s.len(), 36);
        assert_eq!(&s[14..15], "4");
        assert_eq!(s, new_session_id());
    }
}
