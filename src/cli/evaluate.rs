//! `statsig evaluate`: every entity (or the named ones) for one user, or a stream of users.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::common::{EvalArgs, JobsArg, eval_options, load_overrides, load_specs};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, Result};
use crate::eval::Evaluator;
use crate::eval::overrides::LocalOverrides;
use crate::output::json::{Fields, Selection, write_evaluation_fields_with};
use crate::output::records::EvaluationRecords;
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::result::{EvalResult, clean_exposures};
use crate::spec::CompiledSpecs;
use crate::spec::model::{Kind, Spec};

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

pub fn run(a: &EvaluateArgs) -> Result<i32> {
    let fields = match &a.fields {
        Some(list) => Fields::parse(list).map_err(Error::input)?,
        None => Fields::ALL,
    };
    let loaded = load_specs(&a.eval.source)?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval)?;
    let mut sel = Selection {
        gates: a.gates.clone(),
        configs: a.configs.clone(),
        layers: a.layers.clone(),
    };
    sel.configs.extend(a.experiments.iter().cloned());
    check_names(specs, &sel, a.eval.strict)?;

    let mut logger = ExposureLogger::start(
        &a.eval.source,
        &a.exposures,
        specs,
        loaded.kind.reason_source(),
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
            let stdout = std::io::stdout();
            let mut ev = Evaluator::new(specs, &user, eval_options(specs));
            ev.overrides = overrides.as_ref();
            let table = !a.eval.json && a.fields.is_none() && stdout.is_terminal();
            let mut rows = Vec::new();
            let mut out = Vec::with_capacity(64 * 1024);
            let mut failure = None;
            // One evaluation per entity feeds the record, the table and the exposures.
            write_evaluation_fields_with(&mut out, &mut ev, &sel, fields, &mut |kind, spec, r| {
                if table {
                    rows.push(table_row(kind, spec, r));
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
                print_table(rows);
            } else {
                out.push(b'\n');
                stdout
                    .lock()
                    .write_all(&out)
                    .map_err(|e| Error::io("stdout", e))?;
            }
            0
        }
    };
    match logger {
        Some(l) => {
            let sent = l.finish()?;
            Ok(if code != 0 { code } else { sent })
        }
        None => Ok(code),
    }
}

fn check_names(specs: &CompiledSpecs, sel: &Selection, strict: bool) -> Result<()> {
    for (kind, names, word) in [
        (Kind::Gate, &sel.gates, "gate"),
        (Kind::Config, &sel.configs, "config or experiment"),
        (Kind::Layer, &sel.layers, "layer"),
    ] {
        for n in names {
            if specs.get(kind, n).is_none() {
                if strict {
                    return Err(Error::input(format!("unknown {word} {n:?} (--strict)")));
                }
                eprintln!("warning: no {word} named {n:?} in the specs (reason: Unrecognized)");
            }
        }
    }
    Ok(())
}

fn run_batch(
    a: &EvaluateArgs,
    specs: &CompiledSpecs,
    overrides: Option<&LocalOverrides>,
    sel: &Selection,
    fields: Fields,
    path: &std::path::Path,
    mut logger: Option<&mut ExposureLogger>,
) -> Result<i32> {
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
        opts: eval_options(specs),
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
    Ok(0)
}

/// One table row for a result (terminal output of a single user).
fn table_row(kind: Kind, spec: &Spec, r: &EvalResult<'_>) -> Vec<String> {
    let word = match kind {
        Kind::Gate => spec.entity.as_str().replace("feature_", ""),
        _ => spec.entity.as_str().to_string(),
    };
    let value = match kind {
        Kind::Gate => r.bool.to_string(),
        _ => r.json.map(|j| j.json.to_string()).unwrap_or("{}".into()),
    };
    let value = if value.len() > 60 {
        format!("{}…", &value[..value.floor_char_boundary(59)])
    } else {
        value
    };
    vec![
        if word.is_empty() { "gate".into() } else { word },
        spec.name.to_string(),
        value,
        r.rule_id_str().to_string(),
        r.group_name.unwrap_or("").to_string(),
        clean_exposures(&r.secondary_exposures).len().to_string(),
    ]
}

fn print_table(rows: Vec<Vec<String>>) {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_header(vec!["kind", "name", "value", "rule", "group", "exposures"]);
    for row in rows {
        table.add_row(row);
    }
    println!("{table}");
}
