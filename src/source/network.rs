//! Specs and id lists from Statsig's API (or any server speaking the same protocol), as the
//! server SDKs fetch them (network.md): download_config_specs v2 (default) or v1, `sinceTime`
//! updates against the cache, the id-list manifest and incremental id-list files.
//!
//! Requests carry the SDK headers of network.md §2 with `STATSIG-SDK-TYPE: statsig-cli`. A
//! request is retried with exponential backoff and jitter after a connection error, a timeout,
//! a broken body, HTTP 408, 429 (honouring `Retry-After`) and 5xx; never after another 4xx.
//! 401 and 403 mean the key was rejected. The key never appears in a message: URLs are shown
//! with the key masked and every error text is scrubbed of it.

use std::io::{IsTerminal, Read};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::secret::ServerKey;
use crate::source::cache::Cache;
use crate::source::{Loaded, SourceKind, SourceSettings};
use crate::spec::compile::{Parsed, parse_payload};
use crate::spec::id_lists::{IdListFile, IdListFiles};

/// `STATSIG-SDK-TYPE` of this tool.
pub const SDK_TYPE: &str = "statsig-cli";
/// `STATSIG-SDK-VERSION` of this tool.
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Statsig's CDN, the default host of config specs and id lists.
pub const CDN: &str = "https://api.statsigcdn.com";

/// Largest response body accepted (the biggest real payloads are tens of MB).
const MAX_BODY: u64 = 512 * 1024 * 1024;
/// First retry delay; doubled per retry, capped at [`MAX_BACKOFF`], then jittered.
const BASE_BACKOFF: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// Longest `Retry-After` honoured; a server asking for more gets this.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// The URLs one sync talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// Full config-specs URL, key included, without query.
    pub dcs: String,
    /// Id-list manifest URL.
    pub id_lists: String,
    /// Whether the manifest is POSTed (any server but the CDN) or fetched with GET.
    pub id_lists_post: bool,
}

fn check_url(flag: &str, url: &str) -> Result<()> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(())
    } else {
        Err(Error::input(format!(
            "{flag}: expected an http:// or https:// URL, got {url:?}"
        )))
    }
}

/// The host base of an `--api` URL: a P-style base that already names a version
/// (`https://host/v1/`) loses it, so every endpoint can add its own.
pub fn api_base(api: &str) -> &str {
    let a = api.trim_end_matches('/');
    a.strip_suffix("/v1")
        .or_else(|| a.strip_suffix("/v2"))
        .unwrap_or(a)
}

/// Whether `url` is on Statsig's CDN host (which takes GETs and `range=` query parameters).
pub fn is_cdn(url: &str) -> bool {
    url.strip_prefix(CDN)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
}

impl Endpoints {
    pub fn new(args: &SourceSettings, key: &ServerKey) -> Result<Endpoints> {
        let api = match &args.api {
            Some(api) => {
                check_url("--api", api)?;
                api_base(api).to_string()
            }
            None => CDN.to_string(),
        };
        let dcs = match &args.dcs_url {
            Some(u) => {
                check_url("--dcs-url", u)?;
                format!("{}/{}.json", u.trim_end_matches('/'), key.expose())
            }
            None => format!(
                "{api}/v{}/download_config_specs/{}.json",
                args.version(),
                key.expose()
            ),
        };
        let (id_lists, id_lists_post) = match &args.id_lists_url {
            Some(u) => {
                check_url("--id-lists-url", u)?;
                let get = is_cdn(u) || u.split('?').next().unwrap_or("").ends_with(".json");
                (u.clone(), !get)
            }
            None if is_cdn(&api) => (
                format!("{api}/v1/get_id_lists/{}.json", key.expose()),
                false,
            ),
            None => (format!("{api}/v1/get_id_lists"), true),
        };
        Ok(Endpoints {
            dcs,
            id_lists,
            id_lists_post,
        })
    }
}

/// A successful HTTP exchange, body decompressed.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

enum Attempt {
    Done(Response),
    Retry {
        why: String,
        after: Option<Duration>,
    },
    Fail(Error),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// A blocking HTTP client that knows the key, the headers and the retry policy.
pub struct Client {
    agent: ureq::Agent,
    key: ServerKey,
    session_id: String,
    retries: u32,
    timeout: Duration,
    progress: bool,
}

impl Client {
    pub fn new(key: ServerKey, timeout: Duration, retries: u32) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(format!(
                "statsig-cli/{SDK_VERSION} statsig-sdk-type/{SDK_TYPE} statsig-sdk-version/{SDK_VERSION}"
            ))
            .build()
            .into();
        let session_id = crate::util::ids::session_id().to_string();
        Client {
            agent,
            key,
            session_id,
            retries,
            timeout,
            progress: std::io::stderr().is_terminal(),
        }
    }

    /// `url` with the key masked, for messages.
    pub fn mask(&self, s: &str) -> String {
        s.replace(self.key.expose(), &self.key.masked())
    }

    /// Backoff before retry number `n` (0-based): 200 ms · 2ⁿ, capped, jittered to 50–100 %.
    fn backoff(&self, n: u32) -> Duration {
        crate::retry::backoff(BASE_BACKOFF, MAX_BACKOFF, n)
    }

    fn with_headers<B>(
        &self,
        mut rb: ureq::RequestBuilder<B>,
        attempt: u32,
        extra: &[(&str, String)],
    ) -> ureq::RequestBuilder<B> {
        let now_ms = crate::util::clock::now_ms();
        rb = rb
            .header("STATSIG-API-KEY", self.key.expose())
            .header("STATSIG-SDK-TYPE", SDK_TYPE)
            .header("STATSIG-SDK-VERSION", SDK_VERSION)
            .header("STATSIG-SERVER-SESSION-ID", &self.session_id)
            .header("STATSIG-CLIENT-TIME", now_ms.to_string())
            .header("STATSIG-RETRY", attempt.to_string())
            .header("x-request-service", "statsig-cli")
            .header("Accept-Encoding", "gzip, deflate");
        for (k, v) in extra {
            rb = rb.header(*k, v);
        }
        rb
    }

    /// One request with retries. `what` names it in messages (`download_config_specs`).
    pub fn fetch(
        &self,
        what: &str,
        method: Method,
        url: &str,
        extra: &[(&str, String)],
        body: Option<&[u8]>,
    ) -> Result<Response> {
        let shown = self.mask(url);
        let attempts = self.retries + 1;
        let mut last = String::new();
        for n in 0..attempts {
            match self.attempt(what, method, url, n, extra, body) {
                Attempt::Done(r) => return Ok(r),
                Attempt::Fail(e) => return Err(e),
                Attempt::Retry { why, after } => {
                    let why = self.mask(&why);
                    if n + 1 < attempts {
                        let wait = match after {
                            Some(a) => a.min(MAX_RETRY_AFTER),
                            None => self.backoff(n),
                        };
                        eprintln!(
                            "statsig: {what}: {why}; retry {} of {} in {:.2} s",
                            n + 1,
                            self.retries,
                            wait.as_secs_f64()
                        );
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
        Err(Error::Network(format!(
            "{what} failed after {tries}: {last} ({shown})"
        )))
    }

    fn attempt(
        &self,
        what: &str,
        method: Method,
        url: &str,
        n: u32,
        extra: &[(&str, String)],
        body: Option<&[u8]>,
    ) -> Attempt {
        let result = match method {
            Method::Get => self.with_headers(self.agent.get(url), n, extra).call(),
            Method::Post => {
                let rb = self.with_headers(self.agent.post(url), n, extra);
                match body {
                    Some(b) => rb.send(b),
                    None => rb.send_empty(),
                }
            }
        };
        let resp = match result {
            Ok(r) => r,
            Err(e) => return self.classify_error(e),
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let encoding = header("content-encoding");
        let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v));
        let length = header("content-length").and_then(|v| v.parse::<u64>().ok());
        let reason = resp.status().canonical_reason().unwrap_or("");
        let status_text = format!("HTTP {status} {reason}").trim_end().to_string();
        match status {
            200..=299 => {}
            401 | 403 => {
                return Attempt::Fail(Error::Network(format!(
                    "the server key was rejected (HTTP {status}) by {}",
                    host_of(url)
                )));
            }
            408 | 429 | 500..=599 => {
                return Attempt::Retry {
                    why: status_text,
                    after: retry_after,
                };
            }
            _ => {
                return Attempt::Fail(Error::Network(format!(
                    "{what}: {status_text} ({})",
                    self.mask(url)
                )));
            }
        }
        let raw = match self.read_body(what, resp.into_body(), length) {
            Ok(b) => b,
            Err(e) => {
                return Attempt::Retry {
                    why: format!("reading the response failed: {e}"),
                    after: None,
                };
            }
        };
        match decode(raw, encoding.as_deref()) {
            Ok(body) => Attempt::Done(Response { status, body }),
            Err(e) => Attempt::Retry {
                why: e,
                after: None,
            },
        }
    }

    fn classify_error(&self, e: ureq::Error) -> Attempt {
        match e {
            ureq::Error::Timeout(_) => Attempt::Retry {
                why: format!("timed out after {} s", fmt_secs(self.timeout)),
                after: None,
            },
            ureq::Error::BadUri(_)
            | ureq::Error::InvalidProxyUrl
            | ureq::Error::RequireHttpsOnly(_)
            | ureq::Error::Http(_) => {
                Attempt::Fail(Error::Network(self.mask(&format!("invalid request: {e}"))))
            }
            ureq::Error::Io(io) => Attempt::Retry {
                why: format!("connection failed: {io}"),
                after: None,
            },
            other => Attempt::Retry {
                why: format!("connection failed: {other}"),
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

fn progress_bar(what: &str, length: Option<u64>) -> indicatif::ProgressBar {
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

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.split(['/', '?']).next().unwrap_or(rest)
}

pub use crate::retry::parse_retry_after;

/// Undoes `Content-Encoding` (gzip, deflate — zlib-wrapped or raw — or identity).
pub fn decode(body: Vec<u8>, encoding: Option<&str>) -> std::result::Result<Vec<u8>, String> {
    let Some(enc) = encoding else {
        return Ok(body);
    };
    let mut body = body;
    // Codings are listed in the order applied; undo them last first.
    for coding in enc.split(',').map(|c| c.trim().to_ascii_lowercase()).rev() {
        body = match coding.as_str() {
            "" | "identity" => body,
            "gzip" | "x-gzip" => {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .map_err(|e| format!("the gzip response body is corrupt or truncated: {e}"))?;
                out
            }
            "deflate" => {
                let mut out = Vec::new();
                match flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out) {
                    Ok(_) => out,
                    Err(_) => {
                        out.clear();
                        flate2::read::DeflateDecoder::new(&body[..])
                            .read_to_end(&mut out)
                            .map_err(|e| {
                                format!("the deflate response body is corrupt or truncated: {e}")
                            })?;
                        out
                    }
                }
            }
            other => return Err(format!("unsupported Content-Encoding {other:?}")),
        };
    }
    Ok(body)
}

/// The lcut of a cached payload, read without building a tree.
#[derive(Debug, Default, serde::Deserialize)]
struct PayloadMeta {
    #[serde(default)]
    time: Option<serde_json::Value>,
}

fn payload_meta(bytes: &[u8]) -> Option<PayloadMeta> {
    serde_json::from_slice(bytes).ok()
}

/// The lcut (`time`) of a payload, 0 when absent.
pub fn lcut_of(bytes: &[u8]) -> Option<i64> {
    let meta = payload_meta(bytes)?;
    Some(match meta.time {
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .unwrap_or(0),
        _ => 0,
    })
}

/// What a config-specs download produced.
#[derive(Debug)]
pub enum SpecsUpdate {
    /// A new payload, validated (and compiled, so it need not be again); it should be cached.
    New(Vec<u8>, Box<crate::spec::CompiledSpecs>),
    /// The cached payload is current (`has_updates:false`, or the server sent an older one).
    Unchanged(Vec<u8>),
}

/// Downloads config specs, sending `sinceTime` when a cached payload has an lcut, and
/// validates the answer (dcs-format.md §7).
pub fn fetch_specs(
    client: &Client,
    endpoints: &Endpoints,
    cached: Option<Vec<u8>>,
    key: &ServerKey,
) -> Result<SpecsUpdate> {
    let cached = cached.and_then(|b| lcut_of(&b).map(|t| (b, t)));
    let mut url = endpoints.dcs.clone();
    if let Some((_, lcut)) = &cached
        && *lcut != 0
    {
        url.push_str(&format!("?sinceTime={lcut}"));
    }
    let origin = client.mask(&endpoints.dcs);
    let resp = client.fetch("download_config_specs", Method::Get, &url, &[], None)?;
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Network(format!(
            "download_config_specs: empty response (HTTP {}) from {origin}",
            resp.status
        )));
    }
    let parsed = parse_payload(&resp.body, &origin).map_err(|e| {
        Error::Network(format!(
            "download_config_specs: the server sent an unusable payload: {}",
            client.mask(&e.to_string())
        ))
    })?;
    match parsed {
        Parsed::NoUpdates => match cached {
            Some((bytes, _)) => Ok(SpecsUpdate::Unchanged(bytes)),
            None => Err(Error::Network(format!(
                "download_config_specs: the server answered has_updates:false without sinceTime ({origin})"
            ))),
        },
        Parsed::Specs(compiled) => {
            if let Some(h) = compiled.hashed_sdk_key_used.as_deref()
                && !h.is_empty()
                && h != crate::util::hash::djb2(key.expose())
            {
                return Err(Error::Network(format!(
                    "download_config_specs: the payload was made for another server key (hashed_sdk_key_used {h}) ({origin})"
                )));
            }
            if let Some((bytes, lcut)) = cached
                && compiled.time < lcut
            {
                eprintln!(
                    "statsig: download_config_specs: the server sent an older payload (time {} < cached {lcut}); keeping the cached one",
                    compiled.time
                );
                return Ok(SpecsUpdate::Unchanged(bytes));
            }
            Ok(SpecsUpdate::New(resp.body, compiled))
        }
    }
}

fn json_i64(v: Option<&serde_json::Value>) -> Option<i64> {
    match v? {
        serde_json::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Brings `local` up to date with the server's id-list manifest: new, recreated or replaced
/// lists are downloaded from byte 0, grown lists from their local size, lists absent from the
/// manifest are dropped. Any failure aborts the whole sync and leaves `local` untouched.
pub fn sync_id_lists(
    client: &Client,
    endpoints: &Endpoints,
    local: &IdListFiles,
) -> Result<IdListFiles> {
    let resp = if endpoints.id_lists_post {
        let body = format!(
            "{{\"statsigMetadata\":{{\"sdkType\":\"{SDK_TYPE}\",\"sdkVersion\":\"{SDK_VERSION}\",\"sessionID\":\"{}\"}}}}",
            client.session_id
        );
        client.fetch(
            "get_id_lists",
            Method::Post,
            &endpoints.id_lists,
            &[("Content-Type", "application/json".to_string())],
            Some(body.as_bytes()),
        )?
    } else {
        client.fetch("get_id_lists", Method::Get, &endpoints.id_lists, &[], None)?
    };
    let origin = client.mask(&endpoints.id_lists);
    let manifest: serde_json::Value = serde_json::from_slice(&resp.body).map_err(|e| {
        Error::Network(format!(
            "get_id_lists: the manifest is not valid JSON: {e} ({origin})"
        ))
    })?;
    let manifest = manifest.as_object().ok_or_else(|| {
        Error::Network(format!(
            "get_id_lists: the manifest is not a JSON object ({origin})"
        ))
    })?;

    let bar = client.progress.then(|| {
        let b = indicatif::ProgressBar::with_draw_target(
            Some(manifest.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        )
        .with_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} lists")
                .expect("valid template")
                .progress_chars("=> "),
        );
        b.set_message("syncing id lists");
        b
    });

    let mut out = IdListFiles::default();
    for (entry_key, entry) in manifest {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let Some(obj) = entry.as_object() else {
            continue;
        };
        let name = obj
            .get("name")
            .or_else(|| obj.get("key"))
            .and_then(|v| v.as_str())
            .unwrap_or(entry_key)
            .to_string();
        let url = obj.get("url").and_then(|v| v.as_str()).unwrap_or("");
        let file_id = obj.get("fileID").and_then(|v| v.as_str());
        let creation_time = json_i64(obj.get("creationTime")).unwrap_or(0);
        let size = json_i64(obj.get("size")).unwrap_or(0).max(0) as u64;
        let current = local.lists.get(&name);
        let (Some(file_id), false) = (file_id, url.is_empty()) else {
            // Nothing usable to fetch: keep what we have, if anything.
            if let Some(c) = current {
                out.lists.insert(name, c.clone());
            }
            continue;
        };
        if let Some(c) = current
            && creation_time < c.creation_time
        {
            out.lists.insert(name, c.clone());
            continue;
        }
        let reset = match current {
            None => true,
            Some(c) => c.file_id.as_deref() != Some(file_id) || creation_time > c.creation_time,
        };
        let mut file = if reset {
            IdListFile::default()
        } else {
            current.cloned().unwrap_or_default()
        };
        file.file_id = Some(file_id.to_string());
        file.creation_time = creation_time;
        file.url = Some(url.to_string());
        let start = file.raw.len() as u64;
        if size > start {
            let cdn = is_cdn(url);
            let (fetch_url, mut headers) = if cdn {
                let sep = if url.contains('?') { '&' } else { '?' };
                (format!("{url}{sep}range={start}-"), Vec::new())
            } else {
                (url.to_string(), vec![("Range", format!("bytes={start}-"))])
            };
            headers.push(("statsig-id-list-file-size", size.to_string()));
            let what = format!("id list {name}");
            let resp = client.fetch(&what, Method::Get, &fetch_url, &headers, None)?;
            let body = resp.body;
            if let Some(first) = body.first()
                && *first != b'+'
                && *first != b'-'
            {
                return Err(Error::Network(format!(
                    "{what}: the file does not start with + or -; update rejected ({})",
                    client.mask(url)
                )));
            }
            // A server that ignored the range sends the whole file with 200.
            let whole = start > 0 && resp.status == 200 && !cdn;
            if whole {
                file.raw = body;
            } else {
                file.raw.extend_from_slice(&body);
            }
        }
        file.size = file.raw.len() as u64;
        out.lists.insert(name, file);
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(out)
}

/// The network source: config specs (through the cache) and, unless `--no-id-lists`, id lists.
pub fn load(args: &SourceSettings, key: &ServerKey, cache: &Cache) -> Result<Loaded> {
    let version = args.version();
    let endpoints = Endpoints::new(args, key)?;
    let client = Client::new(key.clone(), args.timeout()?, args.retries());
    let cached = cache.read_specs(version);
    let has_cache = cached.is_some();
    let update = fetch_specs(&client, &endpoints, cached, key).map_err(|e| {
        if has_cache {
            Error::Network(format!(
                "{e}; a cached payload exists: add --offline to use it"
            ))
        } else {
            e
        }
    })?;
    let (bytes, compiled) = match update {
        SpecsUpdate::New(bytes, compiled) => {
            if let Err(e) = cache.write_specs(version, &bytes) {
                eprintln!("warning: could not update the cache: {e}");
            }
            (bytes, Some(std::sync::Arc::from(compiled)))
        }
        SpecsUpdate::Unchanged(bytes) => (bytes, None),
    };
    let files = if args.no_id_lists {
        None
    } else {
        let local = cache.read_id_lists().unwrap_or_default();
        let synced = sync_id_lists(&client, &endpoints, &local)?;
        if synced != local
            && let Err(e) = cache.write_id_lists(&synced)
        {
            eprintln!("warning: could not update the id-list cache: {e}");
        }
        Some(synced)
    };
    Ok(Loaded {
        bytes,
        origin: client.mask(&endpoints.dcs),
        kind: SourceKind::Network,
        id_lists: files.as_ref().map(IdListFiles::to_id_lists),
        id_list_files: files,
        compiled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn key() -> ServerKey {
        ServerKey::new("secret-abcdefghijklmnop1234").unwrap()
    }

    #[test]
    fn endpoints_default_to_the_cdn() {
        let args = SourceSettings::default();
        let e = Endpoints::new(&args, &key()).unwrap();
        assert_eq!(
            e.dcs,
            "https://api.statsigcdn.com/v2/download_config_specs/secret-abcdefghijklmnop1234.json"
        );
        assert_eq!(
            e.id_lists,
            "https://api.statsigcdn.com/v1/get_id_lists/secret-abcdefghijklmnop1234.json"
        );
        assert!(!e.id_lists_post);
    }

    #[test]
    fn endpoints_follow_api_and_overrides() {
        let args = SourceSettings {
            api: Some("http://proxy:8000/v1/".into()),
            dcs_version: Some(1),
            ..SourceSettings::default()
        };
        let e = Endpoints::new(&args, &key()).unwrap();
        assert_eq!(
            e.dcs,
            "http://proxy:8000/v1/download_config_specs/secret-abcdefghijklmnop1234.json"
        );
        assert_eq!(e.id_lists, "http://proxy:8000/v1/get_id_lists");
        assert!(e.id_lists_post);

        let args = SourceSettings {
            api: Some("http://proxy:8000".into()),
            dcs_url: Some("http://other/v2/download_config_specs/".into()),
            id_lists_url: Some("http://third/lists.json".into()),
            ..SourceSettings::default()
        };
        let e = Endpoints::new(&args, &key()).unwrap();
        assert_eq!(
            e.dcs,
            "http://other/v2/download_config_specs/secret-abcdefghijklmnop1234.json"
        );
        assert_eq!(e.id_lists, "http://third/lists.json");
        assert!(!e.id_lists_post);

        let bad = SourceSettings {
            api: Some("ftp://x".into()),
            ..SourceSettings::default()
        };
        assert!(Endpoints::new(&bad, &key()).is_err());
    }

    #[test]
    fn cdn_detection() {
        assert!(is_cdn("https://api.statsigcdn.com/v1/x"));
        assert!(!is_cdn("https://api.statsigcdn.com.evil/v1/x"));
        assert!(!is_cdn("http://127.0.0.1/v1/x"));
    }

    #[test]
    fn decodes_gzip_and_deflate() {
        let text = b"{\"a\":1}".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode(gz.clone(), Some("gzip")).unwrap(), text);
        assert!(decode(gz[..gz.len() - 6].to_vec(), Some("gzip")).is_err());
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&text).unwrap();
        assert_eq!(decode(z.finish().unwrap(), Some("deflate")).unwrap(), text);
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(&text).unwrap();
        assert_eq!(decode(d.finish().unwrap(), Some("Deflate")).unwrap(), text);
        assert_eq!(decode(text.clone(), None).unwrap(), text);
        assert_eq!(decode(text.clone(), Some("identity")).unwrap(), text);
        assert!(decode(text, Some("br")).is_err());
    }

    #[test]
    fn retry_after_and_backoff() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        let c = Client::new(key(), Duration::from_secs(1), 3);
        for n in 0..6 {
            let d = c.backoff(n);
            let full = BASE_BACKOFF.saturating_mul(1 << n).min(MAX_BACKOFF);
            assert!(d >= full / 2 && d <= full, "{n}: {d:?}");
        }
    }

    #[test]
    fn session_id_is_a_v4_uuid_and_masking_hides_the_key() {
        let c = Client::new(key(), Duration::from_secs(1), 0);
        assert_eq!(c.session_id.len(), 36);
        assert_eq!(&c.session_id[14..15], "4");
        let m = c.mask("http://h/v2/download_config_specs/secret-abcdefghijklmnop1234.json");
        assert!(!m.contains("abcdefgh"));
        assert!(m.contains("secret-…1234"));
    }

    #[test]
    fn lcut_reads_time() {
        assert_eq!(
            lcut_of(br#"{"time":1700000000000,"x":[1]}"#),
            Some(1700000000000)
        );
        assert_eq!(lcut_of(br#"{"x":1}"#), Some(0));
        assert_eq!(lcut_of(b"nope"), None);
    }
}
