//! Where spec payloads come from: files, the network, the cache, data stores. A source hands
//! back the payload bytes and id lists; compiling them is not its business.
//!
//! Precedence: `--specs` wins; else `--data-store`; else `--offline` (the cache only); else a
//! server key (network, through the cache).

pub mod cache;
pub mod data_store;
pub mod file;
pub mod network;
pub mod resp;

use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::secret::{SERVER_SECRET_ENV, ServerKey};
use crate::spec::id_lists::{IdListFiles, IdLists};

/// Options choosing the spec source; flattened into every command that needs specs.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SourceArgs {
    /// A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin.
    #[arg(long, value_name = "FILE", global = true)]
    pub specs: Option<PathBuf>,

    /// Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig
    /// id-list files (`+id`/`-id` lines, file name = list name).
    #[arg(long, value_name = "PATH", global = true)]
    pub id_lists: Option<PathBuf>,

    /// Read the server secret key from the first line of FILE (the environment variable
    /// STATSIG_SERVER_SECRET is the other safe way to pass it).
    #[arg(long, value_name = "FILE", global = true)]
    pub server_key_file: Option<PathBuf>,

    /// The server secret key. Visible to other processes through the argument list: prefer
    /// STATSIG_SERVER_SECRET or --server-key-file.
    #[arg(long, value_name = "KEY", global = true, hide_env_values = true)]
    pub server_key: Option<crate::secret::KeyArg>,

    /// Base URL of Statsig's API or of a compatible server such as a forward proxy
    /// (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`).
    #[arg(long, value_name = "URL", global = true)]
    pub api: Option<String>,

    /// Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api).
    #[arg(long, value_name = "URL", global = true)]
    pub dcs_url: Option<String>,

    /// Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in
    /// `.json` or is Statsig's CDN, with POST otherwise.
    #[arg(long, value_name = "URL", global = true)]
    pub id_lists_url: Option<String>,

    /// Payload version to download or prefer in a data store: 2 (default) or 1.
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub dcs_version: Option<u8>,

    /// Seconds one HTTP request may take, connection included [default: 10].
    #[arg(long, value_name = "SECONDS", global = true)]
    pub timeout: Option<f64>,

    /// Retries after a connection error, a timeout, HTTP 408, 429 or 5xx [default: 3].
    #[arg(long, value_name = "N", global = true)]
    pub retries: Option<u32>,

    /// Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`).
    #[arg(long, value_name = "DIR", global = true, env = "STATSIG_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Use the cached payload and id lists of the server key; never touch the network.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Do not download id lists (evaluations of id-list segments then see empty lists).
    #[arg(long, global = true)]
    pub no_id_lists: bool,

    /// A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`.
    #[arg(long, value_name = "PATH|URL", global = true)]
    pub data_store: Option<String>,

    /// The data-store key holding the config specs, when it cannot be derived.
    #[arg(long, value_name = "KEY", global = true)]
    pub data_store_key: Option<String>,
}

impl SourceArgs {
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

    pub fn timeout(&self) -> Result<Duration> {
        let t = self.timeout.unwrap_or(10.0);
        if !(t.is_finite() && t > 0.0 && t < 1e9) {
            return Err(Error::input(
                "--timeout must be a positive number of seconds",
            ));
        }
        Ok(Duration::from_secs_f64(t))
    }

    pub fn retries(&self) -> u32 {
        self.retries.unwrap_or(3)
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
pub fn load(args: &SourceArgs) -> Result<Loaded> {
    let mut loaded = if let Some(path) = &args.specs {
        file::load(path)?
    } else if let Some(store) = &args.data_store {
        let key = args.server_key()?;
        data_store::load(store, args, key.as_ref())?
    } else {
        let key = args.server_key()?.ok_or_else(|| {
            Error::input(format!(
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
