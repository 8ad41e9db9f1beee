//! Pieces every evaluating command shares: loading and compiling specs, evaluation options.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::eval::EvalOptions;
use crate::eval::overrides::LocalOverrides;
use crate::source::{self, SourceArgs, SourceKind};
use crate::spec::model::Kind;
use crate::spec::{CompiledSpecs, Parsed, parse_payload_for, parse_payload_leaking};

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

pub fn eval_options(specs: &CompiledSpecs) -> EvalOptions<'_> {
    EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: crate::util::clock::now_ms(),
    }
}

/// `--jobs`: worker threads for a stream of users.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JobsArg {
    /// Worker threads for a stream of users [default: the available parallelism]. The
    /// output order is the input order whatever N is.
    #[arg(long, short = 'j', value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub jobs: Option<u16>,
}

impl JobsArg {
    pub fn jobs(&self) -> usize {
        self.jobs
            .map_or_else(crate::population::stream::default_jobs, usize::from)
    }
}
