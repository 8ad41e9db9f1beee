//! Specs and id lists from Statsig's API (or any server speaking the same protocol), as the
//! server SDKs fetch them (network.md): download_config_specs v2 (default) or v1, `sinceTime`
//! updates against the cache, the id-list manifest and incremental id-list files.
//!
//! Requests go through the one HTTP client ([`crate::http`]): SDK headers, retries, redirects
//! and size limits are its business. The key never appears in a message: URLs are shown with
//! the key masked and every error text is scrubbed of it.

use crate::error::{Error, Result};
use crate::http::{Client, Method, api_base};
use crate::secret::ServerKey;
use crate::source::cache::Cache;
use crate::source::{Loaded, SourceKind, SourceSettings};
use crate::spec::compile::{Parsed, parse_payload};
use crate::spec::id_lists::{IdListFile, IdListFiles};

/// Statsig's CDN, the default host of config specs and id lists.
pub const CDN: &str = "https://api.statsigcdn.com";

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
        Err(Error::Usage(format!(
            "{flag}: expected an http:// or https:// URL, got {url:?}"
        )))
    }
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
                if !crate::util::warn::quiet() {
                    eprintln!(
                        "statsig: download_config_specs: the server sent an older payload (time {} < cached {lcut}); keeping the cached one",
                        compiled.time
                    );
                }
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
/// manifest are dropped. A manifest that cannot be had fails the sync; a list that cannot be
/// had keeps its local copy and is named in [`IdListSync::failed`].
pub fn sync_id_lists(
    client: &Client,
    endpoints: &Endpoints,
    local: &IdListFiles,
) -> Result<IdListSync> {
    let resp = if endpoints.id_lists_post {
        let body = format!(
            "{{\"statsigMetadata\":{{\"sdkType\":\"{}\",\"sdkVersion\":\"{}\",\"sessionID\":\"{}\"}}}}",
            crate::http::SDK_TYPE,
            crate::http::SDK_VERSION,
            client.session_id()
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

    let bar = client.shows_progress().then(|| {
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

    let mut out = IdListSync::default();
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
                out.lists.lists.insert(name, c.clone());
            }
            continue;
        };
        if let Some(c) = current
            && creation_time < c.creation_time
        {
            out.lists.lists.insert(name, c.clone());
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
        match fetch_list(client, &name, url, size, &mut file) {
            Ok(()) => {
                out.lists.lists.insert(name, file);
            }
            Err(e) => {
                // One list failing costs that list only: the copy we had, if any, stays.
                if let Some(c) = current {
                    out.lists.lists.insert(name.clone(), c.clone());
                }
                out.failed.push((name, e.to_string()));
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(out)
}

/// Brings one id-list file from its local size up to `size` (the manifest's).
fn fetch_list(
    client: &Client,
    name: &str,
    url: &str,
    size: u64,
    file: &mut IdListFile,
) -> Result<()> {
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
    Ok(())
}

/// What an id-list sync brought: the lists, and those that failed (name, why), which kept
/// the copy the cache had, if any.
#[derive(Debug, Default)]
pub struct IdListSync {
    pub lists: IdListFiles,
    pub failed: Vec<(String, String)>,
}

/// The network source: config specs (through the cache) and, unless `--no-id-lists`, id lists.
pub fn load(args: &SourceSettings, key: &ServerKey, cache: &Cache) -> Result<Loaded> {
    let version = args.version();
    let endpoints = Endpoints::new(args, key)?;
    let client = Client::new(key.clone(), args.retry_policy()?)?.interactive();
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
                crate::util::warn::warn(format_args!("could not update the cache: {e}"));
            }
            (bytes, Some(std::sync::Arc::from(compiled)))
        }
        SpecsUpdate::Unchanged(bytes) => (bytes, None),
    };
    let files = if args.no_id_lists {
        None
    } else {
        // Specs without fresh id lists still evaluate: a failure here warns, naming what is
        // missing, and the cached lists stand in.
        let local = cache.read_id_lists().unwrap_or_default();
        let synced = match sync_id_lists(&client, &endpoints, &local) {
            Ok(sync) => {
                for (name, why) in &sync.failed {
                    let fallback = if sync.lists.lists.contains_key(name) {
                        "using the cached copy"
                    } else {
                        "conditions on it see an empty list"
                    };
                    crate::util::warn::warn(format_args!(
                        "id list {name} is missing or stale ({fallback}): {why}"
                    ));
                }
                sync.lists
            }
            Err(e) => {
                let names: Vec<&str> = local.lists.keys().map(String::as_str).collect();
                let fallback = if names.is_empty() {
                    "no id lists: conditions on them see empty lists".to_string()
                } else {
                    format!("using the cached copies of {}", names.join(", "))
                };
                crate::util::warn::warn(format_args!("id lists unavailable ({fallback}): {e}"));
                local.clone()
            }
        };
        if synced != local
            && let Err(e) = cache.write_id_lists(&synced)
        {
            crate::util::warn::warn(format_args!("could not update the id-list cache: {e}"));
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
    fn lcut_reads_time() {
        assert_eq!(
            lcut_of(br#"{"time":1700000000000,"x":[1]}"#),
            Some(1700000000000)
        );
        assert_eq!(lcut_of(br#"{"x":1}"#), Some(0));
        assert_eq!(lcut_of(b"nope"), None);
    }
}
