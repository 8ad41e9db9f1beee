//! The one HTTP client of this tool, below both `source` (spec and id-list downloads)
//! and `events` (event delivery): the SDK headers (network.md §2), one retry policy,
//! proxies, redirects and response-size limits, defined once.
//!
//! - **Retries.** After a connection error, a timeout, a broken body, HTTP 408, 429 and 5xx
//!   other than 501, with jittered exponential backoff; `Retry-After` (seconds or an
//!   HTTP-date) is honoured up to a cap. Never after another 4xx or 501 (not implemented:
//!   asking again changes nothing).
//! - **The key stays home.** `STATSIG-API-KEY` is sent only to the origin it was meant for:
//!   redirects are followed here, not by ureq, and one to another origin drops the header.
//!   Every message has the key masked; server bodies shown in messages are also stripped of
//!   control characters, so a hostile body cannot drive the terminal.
//! - **Bounded.** A response body is capped on the wire and again once decompressed (a gzip
//!   bomb fails with a clear line instead of filling memory).
//! - **Proxies.** `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` (and lower case) with `NO_PROXY`;
//!   a malformed one is an input error naming the variable, a dead one is named in the
//!   connection error.

use std::io::Read;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};
use crate::secret::ServerKey;

/// `STATSIG-SDK-TYPE` of this tool (also `statsigMetadata.sdkType` of its events).
pub const SDK_TYPE: &str = "statsig-cli";
/// `STATSIG-SDK-VERSION` of this tool.
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest response body accepted, on the wire and again after decompression. The biggest
/// real payloads and id lists are tens of MB.
pub const MAX_BODY: u64 = 256 * 1024 * 1024;
/// Most redirects followed for one request.
const MAX_REDIRECTS: u32 = 5;
/// Characters of a server's error body shown in a message.
const SNIPPET_CHARS: usize = 200;

/// The host base of an `--api` URL: a base that already names a version
/// (`https://host/v1/`) loses it, so every endpoint can add its own.
pub fn api_base(api: &str) -> &str {
    let a = api.trim_end_matches('/');
    a.strip_suffix("/v1")
        .or_else(|| a.strip_suffix("/v2"))
        .unwrap_or(a)
}

/// When and how often to retry, and how long one attempt may take. One set of defaults for
/// every request this tool makes.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff; doubled per retry up to `max_backoff`, then jittered to 50–100 %.
    pub base: Duration,
    pub max_backoff: Duration,
    /// Longest `Retry-After` honoured; a server asking for more gets this.
    pub max_retry_after: Duration,
    /// Per-attempt timeout, connection included.
    pub timeout: Duration,
}

impl RetryPolicy {
    pub const DEFAULT_RETRIES: u32 = 3;
    pub const DEFAULT_TIMEOUT_SECS: f64 = 10.0;
    pub const DEFAULT_BASE_MS: u64 = 200;
    /// Overrides the first backoff, in milliseconds (fast tests, impatient scripts).
    pub const BASE_MS_ENV: &str = "STATSIG_RETRY_BASE_MS";

    /// The policy from the flags a command was given (`--retries`, `--timeout` in seconds,
    /// a first backoff in ms), the defaults for the rest. `base_ms` `None` reads
    /// [`Self::BASE_MS_ENV`].
    pub fn from_flags(
        retries: Option<u32>,
        timeout_secs: Option<f64>,
        base_ms: Option<u64>,
    ) -> Result<RetryPolicy> {
        let t = timeout_secs.unwrap_or(Self::DEFAULT_TIMEOUT_SECS);
        if !(t.is_finite() && t > 0.0 && t < 1e9) {
            return Err(Error::Usage(
                "--timeout must be a positive number of seconds".into(),
            ));
        }
        let base_ms = base_ms.or_else(|| {
            std::env::var(Self::BASE_MS_ENV)
                .ok()
                .and_then(|v| v.trim().parse().ok())
        });
        Ok(RetryPolicy {
            retries: retries.unwrap_or(Self::DEFAULT_RETRIES),
            base: Duration::from_millis(base_ms.unwrap_or(Self::DEFAULT_BASE_MS)),
            timeout: Duration::from_secs_f64(t),
            ..RetryPolicy::default()
        })
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: Self::DEFAULT_RETRIES,
            base: Duration::from_millis(Self::DEFAULT_BASE_MS),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30),
            timeout: Duration::from_secs_f64(Self::DEFAULT_TIMEOUT_SECS),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `n` (0-based) when the server named none.
    pub fn backoff(&self, n: u32) -> Duration {
        backoff(self.base, self.max_backoff, n)
    }

    /// The wait before retry number `n`, honouring a `Retry-After` (capped).
    pub fn wait(&self, n: u32, retry_after: Option<Duration>) -> Duration {
        match retry_after {
            Some(a) => a.min(self.max_retry_after),
            None => self.backoff(n),
        }
    }
}

/// `base · 2ⁿ` capped at `max`, then jittered to 50–100 % so that many clients retrying
/// together spread out. `n` counts retries from 0.
pub fn backoff(base: Duration, max: Duration, n: u32) -> Duration {
    let full = base.saturating_mul(1u32 << n.min(20)).min(max);
    let mut r = [0u8; 2];
    let _ = getrandom::fill(&mut r);
    full.mul_f64(0.5 + 0.5 * (f64::from(u16::from_le_bytes(r)) / f64::from(u16::MAX)))
}

/// `Retry-After` (RFC 9110 §10.2.3): a number of seconds (fractions accepted) or an
/// HTTP-date, read against `now`; a date in the past means "now".
pub fn parse_retry_after(v: &str, now: SystemTime) -> Option<Duration> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    if let Some(s) = v.parse::<f64>().ok().filter(|s| s.is_finite()) {
        return (s >= 0.0).then(|| Duration::from_secs_f64(s.min(1e9)));
    }
    let at = parse_http_date(v)?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64;
    Some(Duration::from_secs(at.saturating_sub(now).max(0) as u64))
}

/// Seconds since the epoch of an HTTP-date in any of the three forms RFC 9110 §5.6.7 makes
/// recipients accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
pub fn parse_http_date(v: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i as u32 + 1);
    let words: Vec<&str> = v.split_whitespace().collect();
    let (y, mo, d, time) = match words.as_slice() {
        [_, day, mon, year, time, "GMT"] => (
            year.parse::<i64>().ok()?,
            month(mon)?,
            day.parse::<u32>().ok()?,
            *time,
        ),
        [_, date, time, "GMT"] => {
            let mut p = date.split('-');
            let (day, mon, year) = (p.next()?, p.next()?, p.next()?);
            let yy = year.parse::<i64>().ok()?;
            // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
            let y = if year.len() == 2 {
                if yy > 69 { 1900 + yy } else { 2000 + yy }
            } else {
                yy
            };
            (y, month(mon)?, day.parse::<u32>().ok()?, *time)
        }
        [_, mon, day, time, year] => (
            year.parse::<i64>().ok()?,
            month(mon)?,
            day.parse::<u32>().ok()?,
            *time,
        ),
        _ => return None,
    };
    let mut t = time.split(':').map(|x| x.parse::<i64>().ok());
    let (h, mi, s) = (t.next()??, t.next()??, t.next()??);
    if t.next().is_some() || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Text from a server fit for a message: the key masked, control characters (escape
/// sequences, carriage returns, newlines) replaced by spaces, cut to a short snippet.
pub fn sanitize(text: &str, key: &ServerKey) -> String {
    let masked = text.replace(key.expose(), &key.masked());
    let clean: String = masked
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut words = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = words.char_indices().nth(SNIPPET_CHARS) {
        words.truncate(cut);
        words.push('…');
    }
    words
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// One request: `what` names it in messages (`download_config_specs`, `log_event`).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub what: &'a str,
    pub method: Method,
    pub url: &'a str,
    /// Headers beyond the SDK ones.
    pub headers: &'a [(&'a str, String)],
    pub body: Option<&'a [u8]>,
}

/// A successful (2xx) exchange, body decompressed.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Why a request failed, after any retries. Every message has the key masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Unreachable, or kept failing (connection errors, timeouts, 408, 429, 5xx): trying
    /// again later may work.
    Unavailable(String),
    /// The server refused the key (401, 403).
    KeyRejected { status: u16, message: String },
    /// The server refused this request for itself (another 4xx, 501); `reason` is its
    /// body, sanitised.
    Rejected {
        status: u16,
        message: String,
        reason: String,
    },
    /// The response was larger than [`MAX_BODY`], on the wire or decompressed.
    TooLarge(String),
    /// The request cannot be made as given (a bad URL).
    Invalid(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Unavailable(m)
            | Failure::KeyRejected { message: m, .. }
            | Failure::Rejected { message: m, .. }
            | Failure::TooLarge(m)
            | Failure::Invalid(m) => f.write_str(m),
        }
    }
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Error {
        Error::Network(f.to_string())
    }
}

/// What one attempt came to.
enum Attempt {
    Done(Response),
    Retry {
        why: String,
        after: Option<Duration>,
    },
    /// A 3xx with a `Location`; `see_other` (303) turns the request into a GET.
    Redirect {
        location: String,
        see_other: bool,
    },
    Fail(Failure),
}

/// A blocking HTTP client that knows the key, the SDK headers and the retry policy.
pub struct Client {
    agent: ureq::Agent,
    key: ServerKey,
    session_id: String,
    policy: RetryPolicy,
    proxy: Option<ureq::Proxy>,
    /// Print each retry on stderr (spec downloads; event delivery reports once at the end).
    announce: bool,
    progress: bool,
}

/// The proxy the environment names, checked: a set but malformed variable is an error
/// (ureq alone would ignore it and connect directly).
pub fn proxy_from_env() -> Result<Option<ureq::Proxy>> {
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        let Some(v) = std::env::var_os(var) else {
            continue;
        };
        let v = v.to_string_lossy();
        if v.trim().is_empty() {
            continue;
        }
        let v_trimmed = v.trim();
        let with_scheme = if v_trimmed.contains("://") {
            v_trimmed.to_string()
        } else {
            format!("http://{v_trimmed}")
        };
        // ureq reads a bad port as the default one; the url crate is strict.
        let valid = ureq::Proxy::new(v_trimmed).is_ok()
            && url::Url::parse(&with_scheme).is_ok_and(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some_and(|h| !h.is_empty())
            });
        if !valid {
            return Err(Error::Environment(format!(
                "{var}: not a usable proxy URL {:?} (expected http://HOST:PORT)",
                crate::util::mask::url_credentials(&v)
            )));
        }
        // Valid: ureq reads the same variables, and NO_PROXY with them.
        return Ok(ureq::Proxy::try_from_env());
    }
    Ok(None)
}

impl Client {
    /// A client with `policy`; fails on a malformed proxy variable.
    pub fn new(key: ServerKey, policy: RetryPolicy) -> Result<Client> {
        let proxy = proxy_from_env()?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(policy.timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(proxy.clone())
            .user_agent(format!(
                "statsig-cli/{SDK_VERSION} statsig-sdk-type/{SDK_TYPE} statsig-sdk-version/{SDK_VERSION}"
            ))
            .build()
            .into();
        Ok(Client {
            agent,
            key,
            session_id: crate::util::ids::session_id().to_string(),
            policy,
            proxy,
            announce: false,
            progress: false,
        })
    }

    /// Print each retry on stderr, and show progress bars for long bodies on a terminal.
    pub fn interactive(mut self) -> Client {
        self.announce = true;
        self.progress = crate::util::progress::shown();
        self
    }

    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    pub fn key(&self) -> &ServerKey {
        &self.key
    }

    /// `s` with the key masked, for messages.
    pub fn mask(&self, s: &str) -> String {
        s.replace(self.key.expose(), &self.key.masked())
    }

    /// Whether progress bars are drawn (stderr is a terminal and the client is interactive).
    pub fn shows_progress(&self) -> bool {
        self.progress
    }

    /// [`Client::send`] with the request spelled out.
    pub fn fetch(
        &self,
        what: &str,
        method: Method,
        url: &str,
        headers: &[(&str, String)],
        body: Option<&[u8]>,
    ) -> std::result::Result<Response, Failure> {
        self.send(&Request {
            what,
            method,
            url,
            headers,
            body,
        })
    }

    /// One request with retries and redirects.
    pub fn send(&self, req: &Request) -> std::result::Result<Response, Failure> {
        let shown = self.mask(req.url);
        let attempts = self.policy.retries + 1;
        let mut last = String::new();
        for n in 0..attempts {
            match self.attempt(req, n) {
                Attempt::Done(r) => return Ok(r),
                Attempt::Fail(e) => return Err(e),
                Attempt::Redirect { .. } => unreachable!("attempt follows redirects"),
                Attempt::Retry { why, after } => {
                    let why = self.mask(&why);
                    if n + 1 < attempts {
                        let wait = self.policy.wait(n, after);
                        if self.announce && !crate::util::warn::quiet() {
                            eprintln!(
                                "statsig: {}: {why}; retry {} of {} in {:.2} s",
                                req.what,
                                n + 1,
                                self.policy.retries,
                                wait.as_secs_f64()
                            );
                        }
                        std::thread::sleep(wait);
                    }
                    last = why;
                }
            }
        }
        let tries = if attempts == 1 {
            "1 attempt".to_string()
        } else {
            format!("{attempts} attempts")
        };
        Err(Failure::Unavailable(format!(
            "{} failed after {tries}: {last} ({shown})",
            req.what
        )))
    }

    /// One attempt, redirects included.
    fn attempt(&self, req: &Request, n: u32) -> Attempt {
        let mut url = req.url.to_string();
        let mut method = req.method;
        let mut body = req.body;
        let mut send_key = true;
        for _ in 0..=MAX_REDIRECTS {
            match self.exchange(req, &url, method, body, send_key, n) {
                Attempt::Redirect {
                    location,
                    see_other,
                } => {
                    let Some((next, same_origin)) = redirect_target(&url, &location) else {
                        return Attempt::Fail(Failure::Invalid(format!(
                            "{}: a redirect to an unusable location {:?} ({})",
                            req.what,
                            sanitize(&location, &self.key),
                            self.mask(req.url)
                        )));
                    };
                    // The key is for the origin the request was made to, never another.
                    send_key &= same_origin;
                    if see_other {
                        method = Method::Get;
                        body = None;
                    }
                    url = next;
                }
                other => return other,
            }
        }
        Attempt::Fail(Failure::Invalid(format!(
            "{}: more than {MAX_REDIRECTS} redirects ({})",
            req.what,
            self.mask(req.url)
        )))
    }

    fn exchange(
        &self,
        req: &Request,
        url: &str,
        method: Method,
        body: Option<&[u8]>,
        send_key: bool,
        n: u32,
    ) -> Attempt {
        let result = match method {
            Method::Get => self
                .with_headers(self.agent.get(url), n, send_key, req)
                .call(),
            Method::Post => {
                let rb = self.with_headers(self.agent.post(url), n, send_key, req);
                match body {
                    Some(b) => rb.send(b),
                    None => rb.send_empty(),
                }
            }
        };
        let resp = match result {
            Ok(r) => r,
            Err(e) => return self.classify_error(e, url),
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let encoding = header("content-encoding");
        let retry_after =
            header("retry-after").and_then(|v| parse_retry_after(&v, SystemTime::now()));
        let length = header("content-length").and_then(|v| v.parse::<u64>().ok());
        let location = header("location");
        let reason = resp.status().canonical_reason().unwrap_or("");
        let status_text = format!("HTTP {status} {reason}").trim_end().to_string();
        if (200..300).contains(&status) {
            let raw = match self.read_body(req.what, resp.into_body(), length) {
                Ok(b) => b,
                Err(e) if is_too_large(&e) => {
                    return Attempt::Fail(self.too_large(req, "on the wire"));
                }
                Err(e) => {
                    return Attempt::Retry {
                        why: format!("reading the response failed: {e}"),
                        after: None,
                    };
                }
            };
            return match decode(raw, encoding.as_deref(), MAX_BODY) {
                Ok(body) => Attempt::Done(Response { status, body }),
                Err(DecodeError::TooLarge) => {
                    Attempt::Fail(self.too_large(req, "once decompressed"))
                }
                Err(DecodeError::Bad(why)) => Attempt::Retry { why, after: None },
            };
        }
        if let (301 | 302 | 303 | 307 | 308, Some(loc)) = (status, &location) {
            return Attempt::Redirect {
                location: loc.clone(),
                see_other: status == 303,
            };
        }
        // An error body, read only as far as a message needs.
        let text = resp
            .into_body()
            .with_config()
            .limit(64 * 1024)
            .read_to_vec()
            .ok()
            .and_then(|raw| decode(raw, encoding.as_deref(), 64 * 1024).ok())
            .map(|b| sanitize(&String::from_utf8_lossy(&b), &self.key))
            .unwrap_or_default();
        let with_text = if text.is_empty() {
            status_text.clone()
        } else {
            format!("{status_text}: {text}")
        };
        match status {
            401 | 403 => Attempt::Fail(Failure::KeyRejected {
                status,
                message: format!(
                    "the server key was rejected (HTTP {status}) by {}",
                    host_of(url)
                ),
            }),
            408 | 429 | 500 | 502..=599 => Attempt::Retry {
                why: with_text,
                after: retry_after,
            },
            _ => Attempt::Fail(Failure::Rejected {
                status,
                message: format!("{}: {with_text} ({})", req.what, self.mask(url)),
                reason: text,
            }),
        }
    }

    fn too_large(&self, req: &Request, when: &str) -> Failure {
        Failure::TooLarge(format!(
            "{}: the response is larger than {} MiB {when}; refused ({})",
            req.what,
            MAX_BODY >> 20,
            self.mask(req.url)
        ))
    }

    fn with_headers<B>(
        &self,
        mut rb: ureq::RequestBuilder<B>,
        attempt: u32,
        send_key: bool,
        req: &Request,
    ) -> ureq::RequestBuilder<B> {
        if send_key {
            rb = rb.header("STATSIG-API-KEY", self.key.expose());
        }
        rb = rb
            .header("STATSIG-SDK-TYPE", SDK_TYPE)
            .header("STATSIG-SDK-VERSION", SDK_VERSION)
            .header("STATSIG-SERVER-SESSION-ID", &self.session_id)
            .header(
                "STATSIG-CLIENT-TIME",
                crate::util::clock::now_ms().to_string(),
            )
            .header("STATSIG-RETRY", attempt.to_string())
            .header("x-request-service", SDK_TYPE)
            .header("Accept-Encoding", "gzip, deflate");
        for (k, v) in req.headers {
            rb = rb.header(*k, v);
        }
        rb
    }

    /// Whether requests to `url` go through the proxy.
    fn proxied(&self, url: &str) -> Option<&ureq::Proxy> {
        let p = self.proxy.as_ref()?;
        let uri: ureq::http::Uri = url.parse().ok()?;
        (!p.is_no_proxy(&uri)).then_some(p)
    }

    fn classify_error(&self, e: ureq::Error, url: &str) -> Attempt {
        let proxy = self.proxied(url).map(|p| {
            let scheme = match p.protocol() {
                ureq::ProxyProtocol::Http => "http",
                ureq::ProxyProtocol::Https => "https",
                _ => "socks",
            };
            format!(" (through the proxy {scheme}://{}:{})", p.host(), p.port())
        });
        let via = proxy.unwrap_or_default();
        match e {
            ureq::Error::Timeout(_) => Attempt::Retry {
                why: format!("timed out after {} s{via}", fmt_secs(self.policy.timeout)),
                after: None,
            },
            ureq::Error::BadUri(_) | ureq::Error::RequireHttpsOnly(_) | ureq::Error::Http(_) => {
                Attempt::Fail(Failure::Invalid(
                    self.mask(&format!("invalid request: {e}")),
                ))
            }
            ureq::Error::ConnectProxyFailed(m) => Attempt::Retry {
                why: format!("the proxy refused the connection: {m}{via}"),
                after: None,
            },
            ureq::Error::Io(io) => Attempt::Retry {
                why: format!("connection failed: {io}{via}"),
                after: None,
            },
            other => Attempt::Retry {
                why: format!("connection failed: {other}{via}"),
                after: None,
            },
        }
    }

    fn read_body(
        &self,
        what: &str,
        mut body: ureq::Body,
        length: Option<u64>,
    ) -> std::io::Result<Vec<u8>> {
        let mut reader = body.with_config().limit(MAX_BODY).reader();
        let bar = self.progress.then(|| progress_bar(what, length));
        let mut out = Vec::with_capacity(length.unwrap_or(0).min(64 << 20) as usize);
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
            if let Some(b) = &bar {
                b.set_position(out.len() as u64);
            }
        }
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        Ok(out)
    }
}

/// Whether a body read failed on ureq's size limit.
fn is_too_large(e: &std::io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
        .is_some_and(|u| matches!(u, ureq::Error::BodyExceedsLimit(_)))
}

/// Where a redirect from `from` to `location` goes: (absolute URL, same origin as `from`).
/// `None` for a location that is not http(s).
fn redirect_target(from: &str, location: &str) -> Option<(String, bool)> {
    let base = url::Url::parse(from).ok()?;
    let next = base.join(location.trim()).ok()?;
    if !matches!(next.scheme(), "http" | "https") {
        return None;
    }
    let same = base.origin() == next.origin();
    Some((next.to_string(), same))
}

/// A progress bar for a body of `length` bytes, or a spinner when it is unknown.
pub fn progress_bar(what: &str, length: Option<u64>) -> indicatif::ProgressBar {
    let bar = match length {
        Some(n) => indicatif::ProgressBar::with_draw_target(
            Some(n),
            indicatif::ProgressDrawTarget::stderr(),
        )
        .with_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        ),
        None => {
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr())
                .with_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {msg} {bytes} {bytes_per_sec}",
                    )
                    .expect("valid template"),
                )
        }
    };
    bar.set_message(what.to_string());
    bar
}

fn fmt_secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s}")
    }
}

/// `host[:port]` of a URL, for messages.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.split(['/', '?']).next().unwrap_or(rest)
}

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Corrupt, truncated or an unknown coding.
    Bad(String),
    /// Larger than the cap once decompressed.
    TooLarge,
}

/// Undoes `Content-Encoding` (gzip, deflate — zlib-wrapped or raw — or identity), refusing
/// to produce more than `cap` bytes.
pub fn decode(
    body: Vec<u8>,
    encoding: Option<&str>,
    cap: u64,
) -> std::result::Result<Vec<u8>, DecodeError> {
    let Some(enc) = encoding else {
        return Ok(body);
    };
    let mut body = body;
    // Codings are listed in the order applied; undo them last first.
    for coding in enc.split(',').map(|c| c.trim().to_ascii_lowercase()).rev() {
        body = match coding.as_str() {
            "" | "identity" => body,
            "gzip" | "x-gzip" => read_capped(flate2::read::MultiGzDecoder::new(&body[..]), cap)
                .map_err(|e| {
                    e.unwrap_or_else(|e| {
                        DecodeError::Bad(format!(
                            "the gzip response body is corrupt or truncated: {e}"
                        ))
                    })
                })?,
            "deflate" => match read_capped(flate2::read::ZlibDecoder::new(&body[..]), cap) {
                Ok(out) => out,
                Err(Ok(too_large)) => return Err(too_large),
                Err(Err(_)) => read_capped(flate2::read::DeflateDecoder::new(&body[..]), cap)
                    .map_err(|e| {
                        e.unwrap_or_else(|e| {
                            DecodeError::Bad(format!(
                                "the deflate response body is corrupt or truncated: {e}"
                            ))
                        })
                    })?,
            },
            other => {
                return Err(DecodeError::Bad(format!(
                    "unsupported Content-Encoding {other:?}"
                )));
            }
        };
    }
    Ok(body)
}

/// Reads `r` to the end, or stops with `Err(Ok(TooLarge))` past `cap` bytes.
///
/// Into fixed-size chunks, joined once the end is reached: a growing `Vec` doubles its
/// capacity and copies itself, so a bomb stopped at a 256 MiB cap had used twice that; with
/// chunks memory stays near the bytes actually produced.
fn read_capped(
    mut r: impl Read,
    cap: u64,
) -> std::result::Result<Vec<u8>, std::result::Result<DecodeError, std::io::Error>> {
    const CHUNK: usize = 1 << 20;
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    let mut total: u64 = 0;
    loop {
        let mut chunk = vec![0u8; CHUNK];
        let mut filled = 0;
        while filled < CHUNK {
            match r.read(&mut chunk[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Err(e)),
            }
        }
        total += filled as u64;
        if total > cap {
            return Err(Ok(DecodeError::TooLarge));
        }
        chunk.truncate(filled);
        let last = filled < CHUNK;
        chunks.push(chunk);
        if last {
            break;
        }
    }
    if chunks.len() == 1 {
        return Ok(chunks.pop().unwrap_or_default());
    }
    // Each chunk is freed as it is copied: the joined body is never held twice.
    let mut out = Vec::with_capacity(total as usize);
    for c in chunks {
        out.extend_from_slice(&c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn key() -> ServerKey {
        ServerKey::new("secret-abcdefghijklmnop1234").unwrap()
    }

    #[test]
    fn backoff_doubles_jitters_and_caps() {
        let p = RetryPolicy {
            base: Duration::from_millis(100),
            max_backoff: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        for _ in 0..50 {
            let d0 = p.backoff(0);
            assert!(d0 >= p.base / 2 && d0 <= p.base, "{d0:?}");
            let d1 = p.backoff(1);
            assert!(d1 >= p.base && d1 <= p.base * 2, "{d1:?}");
            assert!(p.backoff(30) <= p.max_backoff);
        }
        assert_eq!(p.wait(0, Some(Duration::from_secs(999))), p.max_retry_after);
        assert_eq!(p.wait(3, Some(Duration::ZERO)), Duration::ZERO);
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(parse_retry_after(" 2 ", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after("0.5", now),
            Some(Duration::from_millis(500))
        );
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
        for date in [
            "Sun, 06 Nov 1994 08:49:47 GMT",
            "Sunday, 06-Nov-94 08:49:47 GMT",
            "Sun Nov  6 08:49:47 1994",
        ] {
            assert_eq!(
                parse_retry_after(date, now),
                Some(Duration::from_secs(10)),
                "{date}"
            );
        }
        // In the past: retry now.
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", SystemTime::now()),
            Some(Duration::ZERO)
        );
        // Hand-computed: 2015-10-21 07:28:00 UTC is 1445412480.
        assert_eq!(
            parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480)
        );
        assert_eq!(parse_http_date("Wed, 21 Foo 2015 07:28:00 GMT"), None);
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 25:28:00 GMT"), None);
    }

    #[test]
    fn decodes_gzip_and_deflate_within_the_cap() {
        let text = b"{\"a\":1}".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode(gz.clone(), Some("gzip"), 100).unwrap(), text);
        assert!(matches!(
            decode(gz[..gz.len() - 6].to_vec(), Some("gzip"), 100),
            Err(DecodeError::Bad(_))
        ));
        assert_eq!(
            decode(gz.clone(), Some("gzip"), 3),
            Err(DecodeError::TooLarge)
        );
        assert_eq!(decode(gz, Some("gzip"), 7).unwrap(), text);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&text).unwrap();
        let z = z.finish().unwrap();
        assert_eq!(decode(z.clone(), Some("deflate"), 100).unwrap(), text);
        assert_eq!(decode(z, Some("deflate"), 2), Err(DecodeError::TooLarge));
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(&text).unwrap();
        assert_eq!(
            decode(d.finish().unwrap(), Some("Deflate"), 100).unwrap(),
            text
        );
        assert_eq!(decode(text.clone(), None, 1).unwrap(), text);
        assert_eq!(decode(text.clone(), Some("identity"), 100).unwrap(), text);
        assert!(decode(text, Some("br"), 100).is_err());
    }

    #[test]
    fn sanitize_masks_the_key_and_strips_control_characters() {
        let k = key();
        let s = sanitize(
            "{\"error\":\"bad key secret-abcdefghijklmnop1234\"}\x1b[2J\r\nmore\x07",
            &k,
        );
        assert!(!s.contains("abcdefghijklmnop"), "{s}");
        assert!(s.contains(&k.masked()), "{s}");
        assert!(!s.chars().any(char::is_control), "{s:?}");
        assert!(s.ends_with("[2J more"), "{s}");
        let long = "x".repeat(1000);
        assert_eq!(sanitize(&long, &k).chars().count(), SNIPPET_CHARS + 1);
    }

    #[test]
    fn redirects_know_their_origin() {
        let (u, same) = redirect_target("http://a:1/v1/x?k=1", "/v1/y").unwrap();
        assert_eq!((u.as_str(), same), ("http://a:1/v1/y", true));
        let (u, same) = redirect_target("http://a:1/v1/x", "http://a:2/z").unwrap();
        assert_eq!((u.as_str(), same), ("http://a:2/z", false));
        let (_, same) = redirect_target("http://a/x", "https://a/x").unwrap();
        assert!(!same);
        assert!(redirect_target("http://a/x", "file:///etc/passwd").is_none());
    }

    #[test]
    fn api_bases_lose_their_version() {
        assert_eq!(api_base("http://h/v1/"), "http://h");
        assert_eq!(api_base("http://h/v2"), "http://h");
        assert_eq!(api_base("http://h"), "http://h");
    }

    #[test]
    fn userinfo_is_masked() {
        use crate::util::mask::url_credentials;
        assert_eq!(
            url_credentials("http://u:pw@proxy:3128/x"),
            "http://***@proxy:3128/x"
        );
        assert_eq!(url_credentials("u:pw@proxy"), "***@proxy");
        assert_eq!(url_credentials("http://proxy/a@b"), "http://proxy/a@b");
    }

    #[test]
    fn one_session_id_and_masking() {
        let c = Client::new(key(), RetryPolicy::default()).unwrap();
        assert_eq!(c.session_id().len(), 36);
        let m = c.mask("http://h/v2/download_config_specs/secret-abcdefghijklmnop1234.json");
        assert!(!m.contains("abcdefgh") && m.contains("secret-…1234"), "{m}");
    }
}
