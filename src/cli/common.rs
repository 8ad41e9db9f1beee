//! Flags every evaluating command shares: the spec source, overrides, `--json`, `--strict`,
//! `--jobs`.

use std::path::PathBuf;

use crate::cli::args::{OutputArgs, SourceArgs};
use crate::error::Result;
use crate::eval::overrides::LocalOverrides;

/// Spec-source and evaluation options common to evaluating commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Local overrides: `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "layers": ...}`.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Fail (exit code 2) when a named entity does not exist.
    #[arg(long)]
    pub strict: bool,
}

pub fn load_overrides(args: &EvalArgs) -> Result<Option<LocalOverrides>> {
    args.overrides
        .as_deref()
        .map(LocalOverrides::load)
        .transpose()
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
