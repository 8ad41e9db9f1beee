//! `statsig evaluate`: every entity (or the named ones) for one user, or a stream of users.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::common::{EvalArgs, JobsArg, load_overrides};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, ExitCode, Result};
use crate::eval::overrides::LocalOverrides;
use crate::eval::{EvalOptions, Evaluator};
use crate::output::json::{Fields, Selection, write_evaluation_fields_with};
use crate::output::records::EvaluationRecords;
use crate::output::{self, Format};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::result::EvalResult;
use crate::source::load_specs;
use crate::spec::CompiledSpecs;
use crate::spec::describe::{NameCheck, check_names};
use crate::spec::model::{Entity, Kind};

#[derive(Debug, Clone, clap::Args)]
pub struct EvaluateArgs {
    /// Only this gate (repeatable).
    #[arg(long = "gate", value_name = "NAME")]
    pub gates: Vec<String>,
    /// Only this dynamic config (repeatable).
    #[arg(long = "config", value_name = "NAME")]
    pub configs: Vec<String>,
    /// Only this experiment (repeatable).
    #[arg(long = "experiment", value_name = "NAME")]
    pub experiments: Vec<String>,
    /// Only this layer (repeatable).
    #[arg(long = "layer", value_name = "NAME")]
    pub layers: Vec<String>,
    /// Users as NDJSON, one JSON object per line; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// Skip (and report) bad user lines instead of stopping.
    #[arg(long)]
    pub keep_going: bool,
    /// Only these fields of each record, comma-separated (any of user, value, rule_id,
    /// id_type, group_name, is_experiment, secondary_exposures, allocated_experiment_name,
    /// undelegated_secondary_exposures, explicit_parameters); default: the full record.
    #[arg(long, value_name = "LIST")]
    pub fields: Option<String>,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

pub fn run(a: &EvaluateArgs) -> Result<ExitCode> {
    let fields = match &a.fields {
        Some(list) => Fields::parse(list).map_err(Error::input)?,
        None => Fields::ALL,
    };
    let loaded = load_specs(&a.eval.source.settings())?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval, specs)?;
    let mut sel = Selection {
        gates: a.gates.clone(),
        configs: a.configs.clone(),
        layers: a.layers.clone(),
    };
    sel.configs.extend(a.experiments.iter().cloned());
    let any = |_: &Entity| true;
    let checks = [
        NameCheck {
            kind: Kind::Gate,
            word: "gate",
            names: &sel.gates,
            accept: any,
        },
        NameCheck {
            kind: Kind::Config,
            word: "config or experiment",
            names: &sel.configs,
            accept: any,
        },
        NameCheck {
            kind: Kind::Layer,
            word: "layer",
            names: &sel.layers,
            accept: any,
        },
    ];
    check_names(specs, &checks, a.eval.strict, " (reason: Unrecognized)")?;

    let mut logger = ExposureLogger::start(
        &a.eval.source,
        &a.exposures,
        specs,
        loaded.kind.reason_source(),
        a.eval.clock(),
    )?;
    let code = match &a.users {
        Some(path) => run_batch(
            a,
            specs,
            overrides.as_ref(),
            &sel,
            fields,
            path,
            logger.as_mut(),
        )?,
        None => {
            let user = a.user.to_user()?;
            let mut ev = Evaluator::new(specs, &user, EvalOptions::at(specs, a.eval.clock()));
            ev.overrides = overrides.as_ref();
            // A table on a terminal, unless JSON or a choice of fields was asked for.
            let format = Format::choose(
                a.eval.output.json || a.fields.is_some(),
                Format::Table,
                Format::Json,
            );
            let table = format == Format::Table;
            let mut rows = Vec::new();
            let mut out = Vec::with_capacity(64 * 1024);
            let mut failure = None;
            // One evaluation per entity feeds the record, the table and the exposures.
            write_evaluation_fields_with(&mut out, &mut ev, &sel, fields, &mut |kind, spec, r| {
                if table {
                    rows.push(output::table::evaluation_row(kind, spec, r));
                }
                if let Some(l) = logger.as_mut()
                    && let Err(e) = l.log(specs, &user, kind, &spec.name, r, None)
                {
                    failure.get_or_insert(e);
                }
            });
            if let Some(e) = failure {
                return Err(e);
            }
            if table {
                output::print(output::table::evaluation(rows).as_bytes())?;
            } else {
                out.push(b'\n');
                output::print(&out)?;
            }
            ExitCode::Success
        }
    };
    match logger {
        Some(l) => {
            let sent = l.finish()?;
            Ok(code.or(sent))
        }
        None => Ok(code),
    }
}

fn run_batch(
    a: &EvaluateArgs,
    specs: &CompiledSpecs,
    overrides: Option<&LocalOverrides>,
    sel: &Selection,
    fields: Fields,
    path: &std::path::Path,
    mut logger: Option<&mut ExposureLogger>,
) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut sink = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let stamp = logger.as_ref().map(|l| l.stamp());
    let hook = move |user: &_,
                     kind,
                     spec: &crate::spec::model::Spec,
                     r: &EvalResult<'_>,
                     sink: &mut Vec<_>| {
        if let Some(stamp) = &stamp {
            stamp.events(specs, user, kind, &spec.name, r, None, sink);
        }
    };
    let work = EvaluationRecords {
        specs,
        overrides,
        selection: sel,
        fields,
        opts: EvalOptions::at(specs, a.eval.clock()),
        exposures: stamp.is_some().then_some(&hook as _),
    };
    let settings = StreamSettings {
        jobs: a.jobs.jobs(),
        keep_going: a.keep_going,
    };
    let source = UserSource::Ndjson(path.to_path_buf());
    let streamed = stream::run(&source, settings, &work, |bytes, events| {
        sink.write_all(bytes).map_err(|e| Error::io("stdout", e))?;
        if let Some(l) = logger.as_deref_mut() {
            events.into_iter().try_for_each(|e| l.push(e))?;
        }
        Ok(())
    });
    // What was written stays written, also when a later line fails.
    let flushed = sink.flush().map_err(|e| Error::io("stdout", e));
    let streamed = streamed?;
    flushed?;
    streamed.report();
    Ok(ExitCode::Success)
}
