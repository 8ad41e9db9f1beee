//! Data stores (network.md §5): where production services keep config specs. Read from a JSON
//! dump (an object of key → value) or a live Redis (`redis://HOST:PORT/DB`), and written by
//! `specs push`.
//!
//! Key schemes (`<H>`: sha256 base64 of the server key, or its first 20 characters for core-v3):
//! - `core`:    `statsig|/v2/download_config_specs|plain_text|<H>` (v2 payload)
//! - `core-v3`: the same with the 20-character `<H>`
//! - `node`:    `statsig|/v1/download_config_specs|plain_text|<H>` (v1 payload)
//! - `python`:  `statsig.cache` (v1 payload) and `/v1/download_id_list_file/<fileID>`
//!
//! Id lists are read from and written to the Node keys `statsig|/v1/get_id_lists|plain_text|<H>`
//! (the manifest) and `statsig|id_list::<name>|plain_text|<H>` (the wire file), whichever scheme
//! holds the payload; the python scheme also gets its per-file keys.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::secret::ServerKey;
use crate::source::redis_store::{Redis, mask_url};
use crate::source::{Loaded, SourceKind, SourceSettings};
use crate::spec::compile::{Parsed, parse_payload};
use crate::spec::id_lists::{IdListFile, IdListFiles};
use crate::spec::model::Format;

const V1_DCS: &str = "statsig|/v1/download_config_specs|plain_text|";
const V2_DCS: &str = "statsig|/v2/download_config_specs|plain_text|";
const LEGACY_DCS: &str = "statsig.cache";
const ID_LIST_FILE_PREFIX: &str = "/v1/download_id_list_file/";

/// Which keys a payload is stored under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyScheme {
    /// statsig-server-core: `statsig|/v2/download_config_specs|plain_text|<sha256 b64 of key>`.
    Core,
    /// statsig-server-core with `data_store_key_schema_version = v3` (first 20 chars of key).
    CoreV3,
    /// Node SDK: `statsig|/v1/download_config_specs|plain_text|<sha256 b64 of key>`.
    Node,
    /// Python SDK: `statsig.cache` and `/v1/download_id_list_file/<fileID>`.
    Python,
}

impl KeyScheme {
    pub fn name(self) -> &'static str {
        match self {
            KeyScheme::Core => "core",
            KeyScheme::CoreV3 => "core-v3",
            KeyScheme::Node => "node",
            KeyScheme::Python => "python",
        }
    }

    /// The payload version SDKs using the scheme read.
    pub fn version(self) -> u8 {
        match self {
            KeyScheme::Core | KeyScheme::CoreV3 => 2,
            KeyScheme::Node | KeyScheme::Python => 1,
        }
    }

    /// `<H>` for the scheme, if it uses one.
    pub fn hash(self, key: &ServerKey) -> Option<String> {
        match self {
            KeyScheme::Core | KeyScheme::Node => Some(sha256_b64(key.expose())),
            KeyScheme::CoreV3 => Some(key.expose().chars().take(20).collect()),
            KeyScheme::Python => None,
        }
    }

    /// The config-specs key; `None` when the scheme needs a server key and none was given.
    pub fn dcs_key(self, key: Option<&ServerKey>) -> Option<String> {
        match self {
            KeyScheme::Python => Some(LEGACY_DCS.to_string()),
            KeyScheme::Core | KeyScheme::CoreV3 => Some(format!("{V2_DCS}{}", self.hash(key?)?)),
            KeyScheme::Node => Some(format!("{V1_DCS}{}", self.hash(key?)?)),
        }
    }
}

/// Standard base64 of the key's SHA-256 digest is the `<H>` of the core and node schemes.
pub use crate::util::hash::sha256_b64;

fn id_list_manifest_key(h: &str) -> String {
    format!("statsig|/v1/get_id_lists|plain_text|{h}")
}

fn id_list_key(name: &str, h: &str) -> String {
    format!("statsig|id_list::{name}|plain_text|{h}")
}

/// `<H>` of a `statsig|…|plain_text|<H>` key.
fn hash_of_store_key(k: &str) -> Option<&str> {
    k.strip_prefix(V1_DCS).or_else(|| k.strip_prefix(V2_DCS))
}

fn is_dcs_key(k: &str) -> bool {
    k == LEGACY_DCS || hash_of_store_key(k).is_some()
}

/// A store key fit for messages: a core-v3 `<H>` (a prefix of the key itself) is masked.
pub fn mask_store_key(k: &str) -> String {
    match k.rsplit_once('|') {
        Some((head, h)) if h.starts_with("secret-") || (h.len() != 44 && h.len() > 8) => {
            format!("{head}|{}", crate::util::mask::keep_head(h, 7))
        }
        _ => k.to_string(),
    }
}

/// An open data store.
pub enum Store {
    Dump {
        path: PathBuf,
        map: Map<String, Json>,
        dirty: bool,
    },
    Redis {
        conn: Box<Redis>,
        url: String,
    },
}

impl Store {
    /// Opens `spec`: `redis://…` or a dump path. With `create`, a missing dump starts empty.
    pub fn open(spec: &str, timeout: Duration, create: bool) -> Result<Store> {
        if spec.starts_with("redis://") || spec.starts_with("rediss://") {
            return Ok(Store::Redis {
                conn: Box::new(Redis::connect(spec, timeout)?),
                url: mask_url(spec),
            });
        }
        let path = PathBuf::from(spec);
        let map = match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<Json>(&bytes) {
                Ok(Json::Object(m)) => m,
                Ok(_) => {
                    return Err(Error::DataStore(format!(
                        "{spec}: a data-store dump must be a JSON object of key → value"
                    )));
                }
                Err(e) => return Err(Error::json_at(spec, &e, Error::DataStore)),
            },
            Err(e) if create && e.kind() == std::io::ErrorKind::NotFound => Map::new(),
            Err(e) => return Err(Error::io(&path, e)),
        };
        Ok(Store::Dump {
            path,
            map,
            dirty: false,
        })
    }

    pub fn shown(&self) -> String {
        match self {
            Store::Dump { path, .. } => path.display().to_string(),
            Store::Redis { url, .. } => url.clone(),
        }
    }

    /// A value as bytes: strings as their UTF-8 text, other JSON as its text.
    pub fn get(&mut self, key: &str) -> Result<Option<Vec<u8>>> {
        match self {
            Store::Dump { map, .. } => Ok(match map.get(key) {
                None | Some(Json::Null) => None,
                Some(Json::String(s)) => Some(s.clone().into_bytes()),
                Some(other) => Some(other.to_string().into_bytes()),
            }),
            Store::Redis { conn, .. } => conn.get(key),
        }
    }

    pub fn set(&mut self, key: &str, value: &[u8]) -> Result<()> {
        match self {
            Store::Dump { map, dirty, .. } => {
                map.insert(
                    key.to_string(),
                    Json::String(String::from_utf8_lossy(value).into_owned()),
                );
                *dirty = true;
                Ok(())
            }
            Store::Redis { conn, .. } => conn.set(key, value),
        }
    }

    /// Saves a changed dump (atomically); Redis writes are immediate.
    pub fn commit(&mut self) -> Result<()> {
        if let Store::Dump { path, map, dirty } = self
            && *dirty
        {
            let mut text = serde_json::to_vec_pretty(map).expect("dump serialises");
            text.push(b'\n');
            crate::util::fs::write_output(path, &text).map_err(|e| Error::io(&*path, e))?;
            *dirty = false;
        }
        Ok(())
    }

    /// Keys that may hold config specs.
    pub fn dcs_keys(&mut self) -> Result<Vec<String>> {
        let keys = match self {
            Store::Dump { map, .. } => map.keys().cloned().collect::<Vec<_>>(),
            Store::Redis { conn, .. } => conn.scan("statsig*")?,
        };
        let mut keys: Vec<String> = keys.into_iter().filter(|k| is_dcs_key(k)).collect();
        keys.sort();
        Ok(keys)
    }
}

/// Unwraps a stored value to the JSON text it carries: a JSON string holding JSON, or core's
/// `{"result": "<text>", "time": ms}` envelope.
pub fn unwrap_value(bytes: Vec<u8>) -> Vec<u8> {
    match serde_json::from_slice::<Json>(&bytes) {
        Ok(Json::String(s)) if serde_json::from_str::<Json>(&s).is_ok() => s.into_bytes(),
        Ok(Json::Object(m))
            if !m.contains_key("feature_gates")
                && !m.contains_key("has_updates")
                && m.get("result").is_some_and(Json::is_string) =>
        {
            match m.get("result") {
                Some(Json::String(s)) => unwrap_value(s.clone().into_bytes()),
                _ => bytes,
            }
        }
        _ => bytes,
    }
}

/// Picks the config-specs key: `--data-store-key`, else by the server key through each scheme
/// (the preferred version first), else the only config-specs key present.
fn choose(store: &mut Store, args: &SourceSettings, key: Option<&ServerKey>) -> Result<String> {
    let shown = store.shown();
    if let Some(k) = &args.data_store_key {
        return Ok(k.clone());
    }
    if let Some(key) = key {
        let order: &[KeyScheme] = if args.dcs_version == Some(1) {
            &[
                KeyScheme::Node,
                KeyScheme::Python,
                KeyScheme::Core,
                KeyScheme::CoreV3,
            ]
        } else {
            &[
                KeyScheme::Core,
                KeyScheme::CoreV3,
                KeyScheme::Node,
                KeyScheme::Python,
            ]
        };
        for scheme in order {
            let k = scheme.dcs_key(Some(key)).expect("a key is given");
            if store.get(&k)?.is_some() {
                return Ok(k);
            }
        }
        return Err(Error::DataStore(format!(
            "{shown}: no config specs for server key {} (looked for the core, core-v3, node and python key schemes); name the key with --data-store-key",
            key.masked()
        )));
    }
    let keys = store.dcs_keys()?;
    match keys.len() {
        1 => Ok(keys.into_iter().next().expect("one key")),
        0 => Err(Error::DataStore(format!(
            "{shown}: no config specs found (no statsig.cache or statsig|/v1|v2/download_config_specs|… key)"
        ))),
        _ => Err(Error::DataStore(format!(
            "{shown}: {} config-specs entries ({}); pick one with --data-store-key or give the server key",
            keys.len(),
            keys.iter()
                .map(|k| mask_store_key(k))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Reads id lists stored under the Node keys for `<H>`; `None` when there is no manifest.
fn read_id_lists(store: &mut Store, h: &str) -> Result<Option<IdListFiles>> {
    let Some(manifest) = store.get(&id_list_manifest_key(h))? else {
        return Ok(None);
    };
    let manifest: Json = serde_json::from_slice(&unwrap_value(manifest)).map_err(|e| {
        Error::DataStore(format!(
            "{}: the id-list manifest is not valid JSON: {e}",
            store.shown()
        ))
    })?;
    let entries: Vec<(String, Option<&Map<String, Json>>)> = match &manifest {
        Json::Object(m) => m
            .iter()
            .map(|(k, v)| {
                let o = v.as_object();
                let name = o
                    .and_then(|o| o.get("name").or_else(|| o.get("key")))
                    .and_then(Json::as_str)
                    .unwrap_or(k);
                (name.to_string(), o)
            })
            .collect(),
        Json::Array(a) => a
            .iter()
            .filter_map(Json::as_str)
            .map(|n| (n.to_string(), None))
            .collect(),
        _ => {
            return Err(Error::DataStore(format!(
                "{}: the id-list manifest is neither an object nor an array",
                store.shown()
            )));
        }
    };
    let mut files = IdListFiles::default();
    for (name, meta) in entries {
        let raw = store.get(&id_list_key(&name, h))?.unwrap_or_default();
        let field = |f: &str| meta.and_then(|m| m.get(f));
        let file = IdListFile {
            file_id: field("fileID").and_then(Json::as_str).map(str::to_string),
            creation_time: field("creationTime").and_then(Json::as_i64).unwrap_or(0),
            url: field("url").and_then(Json::as_str).map(str::to_string),
            size: raw.len() as u64,
            raw,
        };
        files.lists.insert(name, file);
    }
    Ok(Some(files))
}

/// The data-store source.
pub fn load(spec: &str, args: &SourceSettings, key: Option<&ServerKey>) -> Result<Loaded> {
    let mut store = Store::open(spec, args.timeout()?, false)?;
    let dcs_key = choose(&mut store, args, key)?;
    let shown = store.shown();
    let bytes = store.get(&dcs_key)?.ok_or_else(|| {
        Error::DataStore(format!(
            "{shown}: no value under {}",
            mask_store_key(&dcs_key)
        ))
    })?;
    let bytes = unwrap_value(bytes);
    let h = hash_of_store_key(&dcs_key)
        .map(str::to_string)
        .or_else(|| key.map(|k| sha256_b64(k.expose())));
    let files = match (&h, args.no_id_lists) {
        (Some(h), false) => read_id_lists(&mut store, h)?,
        _ => None,
    };
    Ok(Loaded {
        bytes,
        origin: format!("{shown} [{}]", mask_store_key(&dcs_key)),
        kind: SourceKind::DataStore,
        id_lists: files.as_ref().map(IdListFiles::to_id_lists),
        id_list_files: files,
        compiled: None,
    })
}

/// The payload's version (1 or 2), from compiling it.
pub fn payload_version(loaded: &Loaded) -> Result<u8> {
    match parse_payload(&loaded.bytes, &loaded.origin)? {
        Parsed::Specs(c) => Ok(match c.format {
            Format::V1 => 1,
            Format::V2 => 2,
        }),
        Parsed::NoUpdates => Err(Error::DataStore(format!(
            "{}: has_updates:false is not a payload",
            loaded.origin
        ))),
    }
}

/// The keys and values `specs push` writes.
pub fn push_entries(
    loaded: &Loaded,
    scheme: KeyScheme,
    key: Option<&ServerKey>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let dcs_key = scheme.dcs_key(key).ok_or_else(|| {
        Error::Usage(format!(
            "--key-scheme {} needs the server key (STATSIG_SERVER_SECRET or --server-key-file) to name its keys",
            scheme.name()
        ))
    })?;
    let mut out = vec![(dcs_key, loaded.bytes.clone())];
    let Some(files) = loaded.id_list_files_or_derived() else {
        return Ok(out);
    };
    if scheme == KeyScheme::Python {
        for (name, f) in &files.lists {
            match &f.file_id {
                Some(id) => out.push((format!("{ID_LIST_FILE_PREFIX}{id}"), f.raw.clone())),
                None => crate::util::warn::warn(format_args!(
                    "id list {name} has no fileID; the python scheme cannot store it"
                )),
            }
        }
    }
    let h = match (scheme.hash_or_default(key), key) {
        (Some(h), _) => h,
        (None, _) => return Ok(out),
    };
    let mut manifest = Map::new();
    for (name, f) in &files.lists {
        let mut m = Map::new();
        m.insert("name".into(), Json::String(name.clone()));
        m.insert("size".into(), Json::from(f.raw.len() as u64));
        m.insert("creationTime".into(), Json::from(f.creation_time));
        if let Some(u) = &f.url {
            m.insert("url".into(), Json::String(u.clone()));
        }
        if let Some(id) = &f.file_id {
            m.insert("fileID".into(), Json::String(id.clone()));
        }
        manifest.insert(name.clone(), Json::Object(m));
        out.push((id_list_key(name, &h), f.raw.clone()));
    }
    out.push((
        id_list_manifest_key(&h),
        Json::Object(manifest).to_string().into_bytes(),
    ));
    Ok(out)
}

impl KeyScheme {
    /// `<H>` for the id-list keys: the scheme's own, or for python the sha256 one when the
    /// server key is known.
    fn hash_or_default(self, key: Option<&ServerKey>) -> Option<String> {
        let key = key?;
        self.hash(key).or_else(|| Some(sha256_b64(key.expose())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ServerKey {
        ServerKey::new("secret-abc123").unwrap()
    }

    #[test]
    fn scheme_keys_match_network_md() {
        let h = "nI3k4kIo4TdQvMFa2uFzKXjhi/LwRHDzPb8465lXmRk=";
        assert_eq!(
            KeyScheme::Core.dcs_key(Some(&key())).unwrap(),
            format!("statsig|/v2/download_config_specs|plain_text|{h}")
        );
        assert_eq!(
            KeyScheme::Node.dcs_key(Some(&key())).unwrap(),
            format!("statsig|/v1/download_config_specs|plain_text|{h}")
        );
        assert_eq!(
            KeyScheme::CoreV3.dcs_key(Some(&key())).unwrap(),
            "statsig|/v2/download_config_specs|plain_text|secret-abc123"
        );
        assert_eq!(KeyScheme::Python.dcs_key(None).unwrap(), "statsig.cache");
        assert!(KeyScheme::Core.dcs_key(None).is_none());
    }

    #[test]
    fn masks_v3_keys_only() {
        let k = "statsig|/v2/download_config_specs|plain_text|secret-abcdefghijklm";
        assert_eq!(
            mask_store_key(k),
            "statsig|/v2/download_config_specs|plain_text|secret-…"
        );
        let k = "statsig|/v2/download_config_specs|plain_text|nI3k4kIo4TdQvMFa2uFzKXjhi/LwRHDzPb8465lXmRk=";
        assert_eq!(mask_store_key(k), k);
        assert_eq!(mask_store_key("statsig.cache"), "statsig.cache");
    }

    #[test]
    fn unwraps_values() {
        assert_eq!(unwrap_value(br#""{\"a\":1}""#.to_vec()), br#"{"a":1}"#);
        assert_eq!(
            unwrap_value(br#"{"result":"{\"a\":1}","time":5}"#.to_vec()),
            br#"{"a":1}"#
        );
        assert_eq!(unwrap_value(b"+abc\n".to_vec()), b"+abc\n");
        let obj = br#"{"feature_gates":{},"result":"x"}"#.to_vec();
        assert_eq!(unwrap_value(obj.clone()), obj);
    }

    #[test]
    fn dump_lookup_by_key_and_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.json");
        let payload = r#"{"has_updates":true,"time":1700000000000,"feature_gates":{},"dynamic_configs":{},"layer_configs":{},"condition_map":{},"experiment_to_layer":{}}"#;
        let dump = serde_json::json!({
            "statsig|/v2/download_config_specs|plain_text|nI3k4kIo4TdQvMFa2uFzKXjhi/LwRHDzPb8465lXmRk=": payload,
            "statsig|/v1/get_id_lists|plain_text|nI3k4kIo4TdQvMFa2uFzKXjhi/LwRHDzPb8465lXmRk=": {"vips": {"name": "vips", "size": 4, "fileID": "f1", "creationTime": 1}},
            "statsig|id_list::vips|plain_text|nI3k4kIo4TdQvMFa2uFzKXjhi/LwRHDzPb8465lXmRk=": "+abc\n",
            "unrelated": 5
        });
        std::fs::write(&path, dump.to_string()).unwrap();
        let spec = path.to_str().unwrap();
        let args = SourceSettings::default();
        for k in [Some(key()), None] {
            let l = load(spec, &args, k.as_ref()).unwrap();
            assert_eq!(l.bytes, payload.as_bytes());
            assert_eq!(l.kind, SourceKind::DataStore);
            assert!(
                l.id_lists
                    .as_ref()
                    .unwrap()
                    .get("vips")
                    .unwrap()
                    .contains("abc")
            );
        }
        let other = ServerKey::new("secret-other").unwrap();
        let e = load(spec, &args, Some(&other)).unwrap_err().to_string();
        assert!(
            e.contains("--data-store-key") && !e.contains("secret-other"),
            "{e}"
        );
    }

    #[test]
    fn push_entries_per_scheme() {
        let loaded = Loaded {
            bytes: b"{}".to_vec(),
            origin: "x".into(),
            kind: SourceKind::File,
            id_lists: None,
            compiled: None,
            id_list_files: Some(IdListFiles {
                lists: [(
                    "vips".to_string(),
                    IdListFile {
                        file_id: Some("F".into()),
                        size: 5,
                        raw: b"+abc\n".to_vec(),
                        ..IdListFile::default()
                    },
                )]
                .into(),
            }),
        };
        let keys = |s, k: Option<&ServerKey>| -> Vec<String> {
            push_entries(&loaded, s, k)
                .unwrap()
                .into_iter()
                .map(|e| e.0)
                .collect()
        };
        let py = keys(KeyScheme::Python, None);
        assert_eq!(py, vec!["statsig.cache", "/v1/download_id_list_file/F"]);
        let core = keys(KeyScheme::Core, Some(&key()));
        assert_eq!(core.len(), 3);
        assert!(core[1].starts_with("statsig|id_list::vips|plain_text|nI3k"));
        assert!(push_entries(&loaded, KeyScheme::Node, None).is_err());
    }
}
