//! Pieces every evaluating command shares: loading and compiling specs, evaluation options.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::eval::EvalOptions;
use crate::eval::overrides::LocalOverrides;
use crate::source::{self, SourceArgs, SourceKind};
use crate::spec::model::Kind;
use crate::spec::{CompiledSpecs, Parsed, parse_payload_for, parse_payload_leaking};
use crate::user::User;

/// Spec-source and evaluation options common to evaluating commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Local overrides: `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "layers": ...}`.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,

    /// Print the full result as JSON.
    #[arg(long)]
    pub json: bool,

    /// Fail (exit code 2) when a named entity does not exist.
    #[arg(long)]
    pub strict: bool,
}

/// Specs compiled from the chosen source, with where they came from.
pub struct LoadedSpecs {
    pub specs: CompiledSpecs,
    pub kind: SourceKind,
    pub origin: String,
}

/// Loads, compiles and attaches id lists; prints compile warnings to stderr.
pub fn load_specs(args: &SourceArgs) -> Result<LoadedSpecs> {
    load_specs_with(args, parse_payload_leaking)
}

/// Like [`load_specs`] for a command that evaluates only `roots`: the specs hold those and
/// what they reference (see [`crate::spec::lazy`]).
pub fn load_specs_for(args: &SourceArgs, roots: &[(Kind, &str)]) -> Result<LoadedSpecs> {
    load_specs_with(args, |bytes, origin| {
        parse_payload_for(bytes, origin, roots)
    })
}

fn load_specs_with(
    args: &SourceArgs,
    parse: impl FnOnce(&[u8], &str) -> Result<Parsed>,
) -> Result<LoadedSpecs> {
    let mut loaded = source::load(args)?;
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
        Parsed::NoUpdates => {
            return Err(Error::input(format!(
                "{}: the payload says has_updates: false and holds no specs",
                loaded.origin
            )));
        }
    };
    for w in &specs.warnings {
        eprintln!("warning: {w}");
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

pub fn load_overrides(args: &EvalArgs) -> Result<Option<LocalOverrides>> {
    args.overrides
        .as_deref()
        .map(LocalOverrides::load)
        .transpose()
}

pub use crate::session::now_ms;

pub fn eval_options(specs: &CompiledSpecs) -> EvalOptions<'_> {
    EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: now_ms(),
    }
}

/// Reads users from an NDJSON file (`-` for stdin), one JSON object per line, and hands each
/// to `each`. A bad line is an error naming `FILE:LINE`, or with `keep_going` a warning and
/// a skip. Blank lines are ignored. Returns how many lines were skipped and how many users
/// had no id (with the first such line), for the closing warnings.
pub fn for_each_user(
    path: &std::path::Path,
    keep_going: bool,
    mut each: impl FnMut(&User) -> Result<()>,
) -> Result<UserStream> {
    use std::io::BufRead;
    let (reader, name): (Box<dyn std::io::Read>, String) = if path.as_os_str() == "-" {
        (Box::new(std::io::stdin()), "stdin".into())
    } else {
        (
            Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, e))?),
            path.display().to_string(),
        )
    };
    let reader = std::io::BufReader::with_capacity(256 * 1024, reader);
    let mut stats = UserStream::default();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::input(format!("{name}:{}: {e}", i + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        let user = match User::parse(&line, &format!("{name}:{}", i + 1)) {
            Ok(u) => u,
            Err(e) if keep_going => {
                eprintln!("warning: skipped {e}");
                stats.skipped += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        if !user.has_any_id() {
            stats.no_id += 1;
            stats.first_no_id.get_or_insert(format!("{name}:{}", i + 1));
        }
        each(&user)?;
    }
    Ok(stats)
}

/// What [`for_each_user`] saw besides the users it handed on.
#[derive(Debug, Default)]
pub struct UserStream {
    pub skipped: usize,
    pub no_id: usize,
    pub first_no_id: Option<String>,
}

impl UserStream {
    /// The closing lines on stderr: skipped lines, users without any id.
    pub fn report(&self) {
        if let Some(first) = &self.first_no_id {
            eprintln!(
                "warning: {} user(s) have no userID and no customIDs (first: {first}); they are \
                 evaluated with an empty userID, as Statsig's current SDKs do",
                self.no_id
            );
        }
        if self.skipped > 0 {
            eprintln!("{} bad user line(s) skipped", self.skipped);
        }
    }
}
