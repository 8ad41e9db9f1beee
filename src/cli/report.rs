//! `statsig report`: who gets what over a population, or `--merge` of the parts' reports.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::args::EntityArgs;
use crate::cli::common::{EvalArgs, JobsArg, is_stdin, load_overrides, one_stdin};
use crate::error::{Error, ExitCode, Result};
use crate::eval::EvalOptions;
use crate::output::Format;
use crate::output::report::render;
use crate::population::report::{Report, ReportPlan, ReportSelection, Tally, unknown_names};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::source::load_specs;

#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Users as NDJSON, one JSON object per line; `-` reads stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["generate", "merge"])]
    pub users: Option<PathBuf>,
    /// Generate N users from `--user TEMPLATE` instead of reading them.
    #[arg(
        long,
        value_name = "N",
        requires = "user_template",
        conflicts_with = "merge"
    )]
    pub generate: Option<u64>,
    /// The generated users' JSON, `${i}` standing for 0..N-1: '{"userID":"user-${i}"}'.
    #[arg(long = "user", value_name = "TEMPLATE", requires = "generate")]
    pub user_template: Option<String>,
    /// Combine the JSON reports (`--format json`) of the parts of a split population into
    /// the report of the whole: counts add, rates and p-values are computed again.
    #[arg(long, value_name = "PART", num_args = 1..)]
    pub merge: Vec<PathBuf>,
    #[command(flatten)]
    pub entities: EntityArgs,
    /// Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the
    /// first: each is named on stderr, a closing line counts them, and the exit code is then
    /// 2.
    #[arg(long)]
    pub keep_going: bool,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[command(flatten)]
    pub eval: EvalArgs,
}

pub fn run(a: &ReportArgs) -> Result<ExitCode> {
    let format = a
        .eval
        .output
        .choose("report", Format::ANSWERS, Format::Table, Format::Json)?;
    let (report, read) = if a.merge.is_empty() {
        population(a)?
    } else {
        let mut parts = Vec::with_capacity(a.merge.len());
        for p in &a.merge {
            let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
            let origin = p.display().to_string();
            parts.push((origin.clone(), Report::parse(&bytes, &origin)?));
        }
        (Report::merge(parts)?, ExitCode::Success)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(render(&report, format).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("stdout", e))?;
    Ok(read)
}

/// The report over a stream of users, and the stream's exit code (2 when `--keep-going`
/// skipped lines).
fn population(a: &ReportArgs) -> Result<(Report, ExitCode)> {
    one_stdin(&[
        a.eval.specs_stdin(),
        ("--users", is_stdin(a.users.as_deref())),
    ])?;
    let source = match (&a.users, a.generate, &a.user_template) {
        (Some(path), _, _) => UserSource::Ndjson(path.clone()),
        (None, Some(count), Some(template)) => UserSource::Generate {
            count,
            template: template.clone(),
        },
        _ => {
            return Err(Error::Usage(
                "report needs users: --users FILE (`-` for stdin), --generate N --user \
                 TEMPLATE, or --merge PART.json..."
                    .into(),
            ));
        }
    };
    source.check()?;
    let loaded = load_specs(&a.eval.source.settings())?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval, specs)?;
    let sel = ReportSelection {
        gates: a.entities.gates.clone(),
        configs: a.entities.configs.clone(),
        experiments: a.entities.experiments.clone(),
        layers: a.entities.layers.clone(),
    };
    for problem in unknown_names(specs, &sel) {
        if a.eval.strict {
            return Err(Error::Unknown(format!("{problem} (--strict)")));
        }
        crate::util::warn::warn(format_args!("{problem}"));
    }
    let mut plan = ReportPlan::new(specs, &sel, EvalOptions::at(specs, a.eval.clock()));
    plan.overrides = overrides.as_ref();
    let settings = StreamSettings {
        jobs: a.jobs.jobs(),
        keep_going: a.keep_going,
    };
    let mut tally = Tally::default();
    let streamed = stream::run(&source, settings, &plan, |_, part| {
        tally.absorb(part);
        Ok(())
    })?;
    let read = streamed.report();
    Ok((plan.finish(tally), read))
}
