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
    } else if let Some(store) = &args.data_store {
        let key = args.server_key()?;
        data_store::load(store, args, key.as_ref())?
    } else {
        let key = args.server_key()?.ok_or_else(|| {
            Error::Usage(format!(
                "no specs given: pass --specs FILE (or - for stdin), --data-store PATH|URL, or a server key ({SERVER_SECRET_ENV}, --server-key-file)"
            ))
        })?;
        let cache = cache::Cache::new(&cache::root(args.cache_dir.as_deref())?, &key);
        if args.offline {
            cache.load(args.version(), !args.no_id_lists)?
        } else {
            network::load(args, &key, &cache)?
        }
    };
    if let Some(path) = &args.id_lists {
        loaded.id_lists = Some(IdLists::load(path)?);
        loaded.id_list_files = IdListFiles::load_raw(path)?;
    }
    Ok(loaded)
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
