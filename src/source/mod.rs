//! Where spec payloads come from: files, the network, the cache, data stores. A source hands
//! back the payload bytes and id lists; compiling them is not its business.

pub mod file;
pub mod id_lists;

use std::path::PathBuf;

use crate::error::Result;
use id_lists::IdLists;

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
}

/// Loads the payload the arguments point at.
pub fn load(args: &SourceArgs) -> Result<Loaded> {
    let mut loaded = match &args.specs {
        Some(path) => file::load(path)?,
        None => {
            return Err(crate::error::Error::input(
                "no specs given: pass --specs FILE (or - for stdin)",
            ));
        }
    };
    if let Some(path) = &args.id_lists {
        loaded.id_lists = Some(IdLists::load(path)?);
    }
    Ok(loaded)
}
