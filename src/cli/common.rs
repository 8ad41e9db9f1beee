//! Flags every evaluating command shares: the spec source, overrides, `--json`, `--strict`,
//! `--jobs`.

use std::path::PathBuf;

use crate::cli::args::{OutputArgs, SourceArgs};
use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
use crate::spec::CompiledSpecs;

/// Spec-source and evaluation options common to evaluating commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Local overrides: `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "layers": ...}`.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,

    /// Force an experiment into one of its groups, by group name, for every user
    /// (repeatable).
    #[arg(long, value_name = "NAME=GROUP")]
    pub override_experiment: Vec<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Fail (exit code 2) when a named entity does not exist.
    #[arg(long)]
    pub strict: bool,
}

/// `--overrides FILE` and `--override-experiment NAME=GROUP`, checked against the specs
/// (an unknown experiment or group is warned about with the names there are).
pub fn load_overrides(args: &EvalArgs, specs: &CompiledSpecs) -> Result<Option<LocalOverrides>> {
    let mut ov = args
        .overrides
        .as_deref()
        .map(LocalOverrides::load)
        .transpose()?;
    for flag in &args.override_experiment {
        let Some((name, group)) = flag.split_once('=') else {
            return Err(Error::input(format!(
                "--override-experiment {flag:?}: expected NAME=GROUP"
            )));
        };
        ov.get_or_insert_with(LocalOverrides::default)
            .add_group(name, None, group);
    }
    if let Some(ov) = &ov {
        for (name, group) in ov.group_overrides() {
            warn_unknown_group(specs, name, group);
        }
    }
    Ok(ov)
}

/// A group override naming no experiment or no group of it still applies (the experiment
/// gets an empty value, as in the SDK), but is most likely a typo.
fn warn_unknown_group(specs: &CompiledSpecs, name: &str, group: &str) {
    use crate::spec::model::Kind;
    let Some(spec) = specs.get(Kind::Config, name) else {
        eprintln!("warning: --override-experiment: no experiment named {name:?} in the specs");
        return;
    };
    let groups: Vec<&str> = spec
        .rules
        .iter()
        .filter_map(|r| r.group_name.as_deref())
        .collect();
    if !groups.contains(&group) {
        let mut uniq = groups.clone();
        uniq.dedup();
        let hint = match uniq.iter().find(|g| g.eq_ignore_ascii_case(group)) {
            Some(g) => format!("did you mean {g:?}?"),
            None if uniq.is_empty() => "it has no groups".to_string(),
            None => format!("its groups: {}", uniq.join(", ")),
        };
        eprintln!(
            "warning: --override-experiment: experiment {name:?} has no group {group:?} ({hint}); \
             its value is empty, as in the SDK"
        );
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
