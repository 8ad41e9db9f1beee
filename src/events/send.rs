//! POSTing one batch to `log_event` (events.md §7, network.md §2), with retries (§8 of
//! the issue: exponential backoff with jitter on connection errors, timeouts, 408, 429
//! and 5xx; `Retry-After` honoured; other 4xx are not retried).

use std::time::Duration;

use crate::secret::ServerKey;

/// `STATSIG-SDK-TYPE` and `statsigMetadata.sdkType` of this tool.
pub const SDK_TYPE: &str = "statsig-cli";
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The legacy SDKs' default API base; `log_event` is appended.
pub const DEFAULT_API: &str = "https://statsigapi.net";

/// `{api}/v1/log_event`. `--api` is read as for spec downloads: a host base, with or
/// without a trailing `/v1` (or `/v2`).
pub fn log_event_url(api: Option<&str>, log_event_url: Option<&str>) -> String {
    if let Some(u) = log_event_url {
        return u.to_string();
    }
    let base = crate::source::network::api_base(api.unwrap_or(DEFAULT_API));
    format!("{base}/v1/log_event")
}

/// The session id of this process (a random v4 UUID).
pub fn new_session_id() -> String {
    crate::util::ids::session_id().to_string()
}

/// When and how often to retry.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff; doubled per retry, with jitter (a random 50–100 % of it).
    pub base: Duration,
    /// Longest single wait, `Retry-After` included.
    pub max_delay: Duration,
    /// Per-request timeout.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: 5,
            base: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            timeout: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `n` (1-based).
    pub fn backoff(&self, n: u32) -> Duration {
        crate::retry::backoff(self.base, self.max_delay, n.saturating_sub(1))
    }
}

/// Why a batch was not delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The server could not be reached or kept failing; retrying later may work.
    Unavailable(String),
    /// The server refused the batch (a 4xx other than 408/429).
    Rejected { status: u16, message: String },
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
    agent: ureq::Agent,
    url: String,
    key: ServerKey,
    session_id: String,
    pub policy: RetryPolicy,
}

impl Sender {
    pub fn new(url: String, key: ServerKey, session_id: String, policy: RetryPolicy) -> Sender {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(policy.timeout))
            .http_status_as_error(false)
            .user_agent(format!("{SDK_TYPE}/{SDK_VERSION}"))
            .build()
            .into();
        Sender {
            agent,
            url,
            key,
            session_id,
            policy,
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Sends one gzipped batch body, retrying as the policy says.
    pub fn send(&self, gzipped_body: &[u8], count: u32) -> Result<(), SendError> {
        let wire = gzipped_body;
        let mut attempt = 0u32;
        loop {
            let (err, retry_after) = match self.post(wire, count, attempt) {
                Ok(()) => return Ok(()),
                Err(Attempt::Fatal(e)) => return Err(e),
                Err(Attempt::Retry(msg, after)) => (msg, after),
            };
            attempt += 1;
            if attempt > self.policy.retries {
                return Err(SendError::Unavailable(format!(
                    "{err} (gave up after {} attempts)",
                    attempt
                )));
            }
            let wait = retry_after
                .map(|d| d.min(self.policy.max_delay))
                .unwrap_or_else(|| self.policy.backoff(attempt));
            std::thread::sleep(wait);
        }
    }

    fn post(&self, wire: &[u8], count: u32, attempt: u32) -> Result<(), Attempt> {
        let req = self
            .agent
            .post(&self.url)
            .header("STATSIG-API-KEY", self.key.expose())
            .header("STATSIG-SDK-TYPE", SDK_TYPE)
            .header("STATSIG-SDK-VERSION", SDK_VERSION)
            .header("STATSIG-SERVER-SESSION-ID", &self.session_id)
            .header(
                "STATSIG-CLIENT-TIME",
                crate::util::clock::now_ms().to_string().as_str(),
            )
            .header("STATSIG-EVENT-COUNT", count.to_string().as_str())
            .header("STATSIG-RETRY", attempt.to_string().as_str())
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip");
        let resp = match req.send(wire) {
            Ok(r) => r,
            // Transport errors never include the key: it travels in a header only.
            Err(e) => return Err(Attempt::Retry(format!("{}: {e}", self.url), None)),
        };
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(crate::retry::parse_retry_after);
        let mut body = resp.into_body();
        let text = body
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        if (200..300).contains(&status) {
            return Ok(());
        }
        let snippet: String = text.chars().take(200).collect();
        let msg = format!("{}: HTTP {status} {}", self.url, snippet.trim());
        match status {
            408 | 429 | 500..=599 => Err(Attempt::Retry(msg, retry_after)),
            _ => Err(Attempt::Fatal(SendError::Rejected {
                status,
                message: msg,
            })),
        }
    }
}

enum Attempt {
    Retry(String, Option<Duration>),
    Fatal(SendError),
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

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let p = RetryPolicy {
            base: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        for _ in 0..20 {
            let d1 = p.backoff(1);
            assert!(d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100));
            let d2 = p.backoff(2);
            assert!(d2 >= Duration::from_millis(100) && d2 <= Duration::from_millis(200));
            assert!(p.backoff(10) <= Duration::from_millis(350));
        }
    }
}
