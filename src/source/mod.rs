//! Where spec payloads come from: files, the network, the cache, data stores. A source hands
//! back the payload bytes and id lists; compiling them is not its business.
//!
//! Precedence: `--specs` wins; else `--data-store`; else `--offline` (the cache only); else a
//! server key (network, through the cache).

pub mod cache;
pub mod data_store;
pub mod file;
pub mod network;
pub mod redis_store;
pub mod watch;

use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::secret::{SERVER_SECRET_ENV, ServerKey};
use crate::spec::id_lists::{IdListFiles, IdLists};
use crate::spec::model::Kind;
use crate::spec::{CompiledSpecs, Parsed, parse_payload, parse_payload_for, parse_payload_leaking};

/// What the spec source is (the library's side of the `--specs`, `--data-store`, network
/// and cache flags): plain data, built by the command line or by a library user.
#[derive(Debug, Clone, Default)]
pub struct SourceSettings {
    /// A payload file; `-` reads stdin.
    pub specs: Option<PathBuf>,
    /// Id lists: a JSON file or a folder of wire-format files.
    pub id_lists: Option<PathBuf>,
    pub server_key_file: Option<PathBuf>,
    pub server_key: Option<crate::secret::KeyArg>,
    /// API base URL (downloads, id lists).
    pub api: Option<String>,
    pub dcs_url: Option<String>,
    pub id_lists_url: Option<String>,
    /// Payload version: 2 (default) or 1.
    pub dcs_version: Option<u8>,
    /// Seconds per request [default: 10].
    pub timeout: Option<f64>,
    /// Retries per request [default: 3].
    pub retries: Option<u32>,
    pub cache_dir: Option<PathBuf>,
    /// The cache only, never the network.
    pub offline: bool,
    pub no_id_lists: bool,
    /// A dump file or `redis://…`.
    pub data_store: Option<String>,
    pub data_store_key: Option<String>,
    /// Sources to try in order until one gives a payload (`--source`); empty: the
    /// precedence above.
    pub sources: Vec<SourceChoice>,
    /// When the network source's custom `--api`/`--dcs-url` fails, try Statsig's API (the
    /// core's `fallback_to_statsig_api`).
    pub fallback_to_statsig_api: bool,
}

/// One source of an ordered `--source` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceChoice {
    Network,
    DataStore,
    Cache,
}

impl SourceChoice {
    pub fn name(self) -> &'static str {
        match self {
            SourceChoice::Network => "network",
            SourceChoice::DataStore => "data-store",
            SourceChoice::Cache => "cache",
        }
    }
}

impl SourceSettings {
    /// The server key from `--server-key-file`, `--server-key` or STATSIG_SERVER_SECRET (in
    /// that order: an explicit flag beats the environment). Warns about `--server-key`.
    pub fn server_key(&self) -> Result<Option<ServerKey>> {
        crate::secret::resolve_server_key(
            self.server_key.as_ref().map(crate::secret::KeyArg::as_str),
            self.server_key_file.as_deref(),
        )
    }

    pub fn version(&self) -> u8 {
        self.dcs_version.unwrap_or(2)
    }

    /// The API base the cache is scoped to: `--dcs-url`, else `--api`, unless it is
    /// Statsig's own (`None`).
    pub fn cache_scope(&self) -> Option<String> {
        let api = self
            .dcs_url
            .as_deref()
            .or(self.api.as_deref())
            .map(|a| crate::http::api_base(a).to_string())?;
        (!network::is_cdn(&api)).then_some(api)
    }

    /// The cache of `key` for these settings' API base.
    pub fn cache(&self, key: &ServerKey) -> Result<cache::Cache> {
        let root = cache::root(self.cache_dir.as_deref())?;
        Ok(cache::Cache::scoped(
            &root,
            key,
            self.cache_scope().as_deref(),
        ))
    }

    /// The retry policy of `--retries` and `--timeout`.
    pub fn retry_policy(&self) -> Result<crate::http::RetryPolicy> {
        crate::http::RetryPolicy::from_flags(self.retries, self.timeout, None)
    }

    /// `--timeout`, checked.
    pub fn timeout(&self) -> Result<Duration> {
        Ok(self.retry_policy()?.timeout)
    }
}

/// Which kind of source produced a payload; it becomes the `<source>` of evaluation reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    File,
    Network,
    Cache,
    DataStore,
}

impl SourceKind {
    /// The source part of an evaluation reason, as Statsig's SDKs name it.
    pub fn reason_source(self) -> &'static str {
        match self {
            SourceKind::File => "Bootstrap",
            SourceKind::Network | SourceKind::Cache => "Network",
            SourceKind::DataStore => "Adapter(DataStore)",
        }
    }
}

/// A payload as a source delivered it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub bytes: Vec<u8>,
    /// Names the input in messages (a path, `stdin`, a masked URL, a data-store key).
    pub origin: String,
    pub kind: SourceKind,
    pub id_lists: Option<IdLists>,
    /// The id lists as raw wire files with their manifest data, when the source had them
    /// (network, cache, data store); `specs pull` and `specs push` write these out.
    pub id_list_files: Option<IdListFiles>,
    /// The payload already compiled, when the source had to compile it to validate it.
    pub compiled: Option<std::sync::Arc<crate::spec::CompiledSpecs>>,
}

impl Loaded {
    /// The id-list files to write out: the raw ones, else the parsed lists re-serialised.
    pub fn id_list_files_or_derived(&self) -> Option<IdListFiles> {
        match (&self.id_list_files, &self.id_lists) {
            (Some(f), _) => Some(f.clone()),
            (None, Some(l)) => Some(IdListFiles::from_id_lists(l)),
            (None, None) => None,
        }
    }
}

/// Loads the payload the arguments point at.
pub fn load(args: &SourceSettings) -> Result<Loaded> {
    let mut loaded = if let Some(path) = &args.specs {
        file::load(path)?
    } else if !args.sources.is_empty() {
        load_ordered(args)?
    } else if let Some(store) = &args.data_store {
        let key = args.server_key()?;
        data_store::load(store, args, key.as_ref())?
    } else {
        let key = args.server_key()?.ok_or_else(|| {
            Error::Usage(format!(
                "no specs given: pass --specs FILE (or - for stdin), --data-store PATH|URL, or a server key ({SERVER_SECRET_ENV}, --server-key-file)"
            ))
        })?;
        if args.offline {
            args.cache(&key)?.load(args.version(), !args.no_id_lists)?
        } else {
            load_network(args, &key)?
        }
    };
    if let Some(path) = &args.id_lists {
        loaded.id_lists = Some(IdLists::load(path)?);
        loaded.id_list_files = IdListFiles::load_raw(path)?;
    }
    Ok(loaded)
}

/// The network source, through the cache of its API base; with `fallback_to_statsig_api`,
/// a custom API that fails is followed by Statsig's (through Statsig's cache).
fn load_network(args: &SourceSettings, key: &ServerKey) -> Result<Loaded> {
    let first = network::load(args, key, &args.cache(key)?);
    let custom = args.api.is_some() || args.dcs_url.is_some();
    match first {
        Err(e) if args.fallback_to_statsig_api && custom => {
            crate::util::warn::warn(format_args!(
                "{e}; falling back to the Statsig API (--fallback-to-statsig-api)"
            ));
            let statsig = SourceSettings {
                api: None,
                dcs_url: None,
                id_lists_url: None,
                ..args.clone()
            };
            network::load(&statsig, key, &statsig.cache(key)?)
                .map_err(|e2| Error::Network(format!("{e}; then the Statsig API: {e2}")))
        }
        other => other,
    }
}

/// `--source A,B,C`: each in turn until one gives a payload; each failure is one warning
/// naming the next source, and when all fail the error names each one and why (exit 3).
fn load_ordered(args: &SourceSettings) -> Result<Loaded> {
    let needs_key = args
        .sources
        .iter()
        .any(|s| matches!(s, SourceChoice::Network | SourceChoice::Cache));
    let key = args.server_key()?;
    if needs_key && key.is_none() {
        return Err(Error::Usage(format!(
            "--source network and cache need a server key ({SERVER_SECRET_ENV}, --server-key-file)"
        )));
    }
    if args.sources.contains(&SourceChoice::DataStore) && args.data_store.is_none() {
        return Err(Error::Usage(
            "--source data-store needs --data-store PATH|URL".into(),
        ));
    }
    let mut failures = Vec::new();
    for (i, &source) in args.sources.iter().enumerate() {
        let attempt = match (source, key.as_ref()) {
            (SourceChoice::Network, Some(k)) => load_network(args, k),
            (SourceChoice::Cache, Some(k)) => args
                .cache(k)
                .and_then(|c| c.load(args.version(), !args.no_id_lists)),
            (SourceChoice::DataStore, k) => match &args.data_store {
                Some(store) => data_store::load(store, args, k),
                None => unreachable!("checked above"),
            },
            (_, None) => unreachable!("checked above"),
        };
        match attempt {
            Ok(loaded) => return Ok(loaded),
            Err(e) => {
                if let Some(next) = args.sources.get(i + 1) {
                    crate::util::warn::warn(format_args!(
                        "source {} failed: {e}; trying {}",
                        source.name(),
                        next.name()
                    ));
                }
                failures.push(format!("{}: {e}", source.name()));
            }
        }
    }
    Err(Error::Network(format!(
        "no source gave specs ({})",
        failures.join("; ")
    )))
}

/// Specs compiled from the chosen source, with where they came from.
pub struct LoadedSpecs {
    pub specs: CompiledSpecs,
    pub kind: SourceKind,
    pub origin: String,
}

/// Loads, compiles and attaches id lists; prints compile warnings to stderr.
pub fn load_specs(args: &SourceSettings) -> Result<LoadedSpecs> {
    load_specs_with(args, parse_payload_leaking)
}

/// Like [`load_specs`] for a command that evaluates only `roots`: the specs hold those and
/// what they reference (see [`crate::spec::lazy`]), so a cold start reads the payload once
/// and compiles a few specs.
pub fn load_specs_for(args: &SourceSettings, roots: &[(Kind, &str)]) -> Result<LoadedSpecs> {
    load_specs_with(args, |bytes, origin| {
        parse_payload_for(bytes, origin, roots)
    })
}

fn load_specs_with(
    args: &SourceSettings,
    parse: impl FnOnce(&[u8], &str) -> Result<Parsed>,
) -> Result<LoadedSpecs> {
    let mut loaded = load(args)?;
    let already = loaded
        .compiled
        .take()
        .and_then(|c| std::sync::Arc::try_unwrap(c).ok());
    let parsed = match already {
        Some(c) => Parsed::Specs(Box::new(c)),
        None => parse(&loaded.bytes, &loaded.origin)?,
    };
    let mut specs = match parsed {
        Parsed::Specs(s) => *s,
        Parsed::NoUpdates => return Err(no_specs(&loaded.origin)),
    };
    for w in &specs.warnings {
        crate::util::warn::warn(format_args!("{w}"));
    }
    if let Some(lists) = loaded.id_lists {
        specs.id_lists = lists;
    }
    Ok(LoadedSpecs {
        specs,
        kind: loaded.kind,
        origin: loaded.origin,
    })
}

/// A payload that says `has_updates: false` where specs are needed.
fn no_specs(origin: &str) -> Error {
    Error::Specs(format!(
        "{origin}: the payload says has_updates: false and holds no specs"
    ))
}

/// Compiles a loaded payload (without attaching id lists); gives the specs and their origin.
pub fn compile_loaded(loaded: Loaded) -> Result<(CompiledSpecs, String)> {
    match parse_payload(&loaded.bytes, &loaded.origin)? {
        Parsed::Specs(s) => Ok((*s, loaded.origin)),
        Parsed::NoUpdates => Err(no_specs(&loaded.origin)),
    }
}
