//! Flags every evaluating command shares: the spec source, overrides, `--json`, `--strict`,
//! `--jobs`.

use std::path::{Path, PathBuf};

use crate::cli::args::{OutputArgs, SourceArgs};
use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
use crate::eval::overrides::OverrideFlag;
use crate::spec::CompiledSpecs;
use crate::spec::time::parse_clock;
use crate::util::clock::Clock;

/// Spec-source and evaluation options common to evaluating commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID:
    /// VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`.
    #[arg(long, value_name = "FILE", help_heading = "Overrides")]
    pub overrides: Option<PathBuf>,

    /// A gate's value for every user, or for one user id or custom id with NAME@ID;
    /// repeatable, later flags win. Precedence per user: userID, then customIDs, then
    /// everyone. Flags replace `--overrides` entries for the same name and id.
    #[arg(long, value_name = "NAME[@ID]=BOOL", help_heading = "Overrides",
          value_parser = |s: &str| OverrideFlag::parse("gate", s))]
    pub override_gate: Vec<OverrideFlag>,

    /// A dynamic config's value (a JSON object), as --override-gate.
    #[arg(long, value_name = "NAME[@ID]=JSON", help_heading = "Overrides",
          value_parser = |s: &str| OverrideFlag::parse("config", s))]
    pub override_config: Vec<OverrideFlag>,

    /// An experiment's value: a JSON object, or the name of one of its groups (that
    /// group's value), as --override-gate.
    #[arg(long, value_name = "NAME[@ID]=JSON|GROUP", help_heading = "Overrides",
          value_parser = |s: &str| OverrideFlag::parse("experiment", s))]
    pub override_experiment: Vec<OverrideFlag>,

    /// A layer's value (a JSON object), as --override-gate.
    #[arg(long, value_name = "NAME[@ID]=JSON", help_heading = "Overrides",
          value_parser = |s: &str| OverrideFlag::parse("layer", s))]
    pub override_layer: Vec<OverrideFlag>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time`
    /// conditions, time-bounded config mappings and exposure timestamps use it.
    #[arg(long, value_name = "TIME", value_parser = parse_clock, help_heading = "Evaluation")]
    pub at: Option<Clock>,

    /// Fail (exit code 2) when a named entity does not exist.
    #[arg(long, help_heading = "Evaluation")]
    pub strict: bool,
}

impl EvalArgs {
    /// "Now" for this run: `--at`, else the system clock.
    pub fn clock(&self) -> Clock {
        self.at.unwrap_or_default()
    }
}

impl EvalArgs {
    /// Whether any override (file or flag) was given.
    pub fn has_overrides(&self) -> bool {
        self.overrides.is_some() || self.override_flags().next().is_some()
    }

    fn override_flags(&self) -> impl Iterator<Item = &OverrideFlag> {
        self.override_gate
            .iter()
            .chain(&self.override_config)
            .chain(&self.override_experiment)
            .chain(&self.override_layer)
    }
}

/// `--overrides FILE` (JSON, or YAML by extension) and then the `--override-*` flags;
/// experiment groups are looked up in `specs`.
/// Names the specs do not have (in the file or a flag) are warned about with a did-you-mean:
/// they would silently override nothing.
pub fn load_overrides(args: &EvalArgs, specs: &CompiledSpecs) -> Result<Option<LocalOverrides>> {
    let mut out = match args.overrides.as_deref() {
        Some(path) => {
            let doc = read_overrides(path)?;
            let origin = path.display().to_string();
            let o = LocalOverrides::from_json(&doc, &origin)?;
            for w in crate::eval::override_check::unknown_names(&doc, specs, &origin) {
                crate::util::warn::warn(w);
            }
            Some(o)
        }
        None => None,
    };
    let flags: Vec<OverrideFlag> = args.override_flags().cloned().collect();
    for f in &flags {
        if specs.get(f.kind, &f.name).is_none() {
            crate::util::warn::warn(format_args!(
                "--override-{} {}: no {} named {:?} in the specs{}",
                f.flag_name,
                f.text,
                f.flag_name,
                f.name,
                specs.suggest(f.kind, &f.name)
            ));
        }
    }
    if !flags.is_empty() {
        out.get_or_insert_with(LocalOverrides::default)
            .apply_flags(&flags, specs)?;
    }
    for w in out.iter().flat_map(|o| o.kind_warnings(specs)) {
        crate::util::warn::warn(w);
    }
    Ok(out)
}

/// The overrides document: JSON, or YAML by extension.
fn read_overrides(path: &Path) -> Result<serde_json::Value> {
    let yaml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    if !yaml {
        return serde_json::from_str(&text)
            .map_err(|e| Error::json_at(path.display(), &e, Error::Overrides));
    }
    let at = |e: crate::suite::doc::DocError| Error::At {
        path: path.display().to_string(),
        line: e.pos.line as usize,
        col: e.pos.col as usize,
        msg: e.msg,
    };
    crate::suite::doc::parse(&text, false)
        .and_then(|n| n.to_json())
        .map_err(at)
}

/// Whether a path flag reads stdin (`-`).
pub fn is_stdin(p: Option<&Path>) -> bool {
    p.is_some_and(|p| p.as_os_str() == "-")
}

/// Only one input can read stdin: `--specs -` with `--user -` (or `--users -`) is a usage
/// error rather than one of them silently reading nothing. `inputs` are (flag, reads stdin).
pub fn one_stdin(inputs: &[(&str, bool)]) -> Result<()> {
    let on: Vec<String> = inputs
        .iter()
        .filter(|(_, stdin)| *stdin)
        .map(|(flag, _)| format!("{flag} -"))
        .collect();
    match on.len() {
        0 | 1 => Ok(()),
        _ => Err(Error::Usage(format!(
            "{} would all read stdin; only one input can: give the others as files",
            on.join(" and ")
        ))),
    }
}

impl EvalArgs {
    /// `--specs -`, as an input of [`one_stdin`].
    pub fn specs_stdin(&self) -> (&'static str, bool) {
        ("--specs", is_stdin(self.source.specs.as_deref()))
    }
}

/// `--jobs`: worker threads for a stream of users.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JobsArg {
    /// Worker threads for a stream of users [default: the available parallelism]. The
    /// output order is the input order whatever N is.
    #[arg(long, short = 'j', value_name = "N", help_heading = "Evaluation",
          value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub jobs: Option<u16>,
}

impl JobsArg {
    pub fn jobs(&self) -> usize {
        self.jobs
            .map_or_else(crate::population::stream::default_jobs, usize::from)
    }
}
