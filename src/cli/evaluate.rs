//! `statsig evaluate`: every entity (or the named ones) for one user, or a stream of users.

use std::io::Write;
use std::path::PathBuf;

use serde_json::Value as Json;

use crate::cli::args::EntityArgs;
use crate::cli::common::{EvalArgs, JobsArg, is_stdin, load_overrides, one_stdin};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::persisted::StickyArgs;
use crate::cli::user_args::{SINGLE_USER_FLAGS, UserArgs};
use crate::error::{Error, ExitCode, Result};
use crate::eval::overrides::LocalOverrides;
use crate::eval::param_store::{self, Referenced};
use crate::eval::{EvalOptions, Evaluator};
use crate::output::json::{Fields, Selection, append_field, write_evaluation_fields_with};
use crate::output::records::{self, EvaluationRecords, StickyStore};
use crate::output::{self, Format};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::result::EvalResult;
use crate::source::load_specs;
use crate::spec::CompiledSpecs;
use crate::spec::describe::{NameCheck, check_names};
use crate::spec::model::{Entity, Kind};

#[derive(Debug, Clone, clap::Args)]
pub struct EvaluateArgs {
    #[command(flatten)]
    pub entities: EntityArgs,
    /// Also read this parameter store (repeatable): adds a `param_stores` section
    /// `{STORE: {PARAM: VALUE | null}}` to each record.
    #[arg(long = "param-store", value_name = "NAME")]
    pub param_stores: Vec<String>,
    /// Add every parameter store of the payload (the `param_stores` section).
    #[arg(long)]
    pub all: bool,
    /// Users as NDJSON, one JSON object per line; `-` reads stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = SINGLE_USER_FLAGS)]
    pub users: Option<PathBuf>,
    /// Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the
    /// first: each is named on stderr, a closing line counts them, and the exit code is then
    /// 2.
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
    pub sticky: StickyArgs,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

pub fn run(a: &EvaluateArgs) -> Result<ExitCode> {
    one_stdin(&[
        a.eval.specs_stdin(),
        a.user.stdin(),
        ("--users", is_stdin(a.users.as_deref())),
    ])?;
    let format = format(a)?;
    let fields = match &a.fields {
        Some(list) => Fields::parse(list).map_err(Error::Usage)?,
        None => Fields::ALL,
    };
    let loaded = load_specs(&a.eval.source.settings())?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval, specs)?;
    let mut sel = Selection {
        gates: a.entities.gates.clone(),
        configs: a.entities.configs.clone(),
        layers: a.entities.layers.clone(),
    };
    sel.configs.extend(a.entities.experiments.iter().cloned());
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
    let stores = store_names(a, specs)?;

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
            &stores,
            path,
            format,
            logger.as_mut(),
        )?,
        None => {
            let user = a.user.to_user()?;
            let mut persisted = a.sticky.load()?;
            let mut ev = Evaluator::new(specs, &user, EvalOptions::at(specs, a.eval.clock()));
            ev.overrides = overrides.as_ref();
            ev.sticky = persisted.as_ref().map(|p| a.sticky.settings(p));
            let table = format == Format::Table;
            let mut rows = Vec::new();
            let mut out = Vec::with_capacity(64 * 1024);
            // One evaluation per entity feeds the record, the table and the exposures.
            write_evaluation_fields_with(&mut out, &mut ev, &sel, fields, &mut |kind, spec, r| {
                if table {
                    rows.push(output::table::evaluation_row(kind, spec, r, true));
                }
                if let Some(l) = logger.as_mut() {
                    l.log(specs, &user, kind, &spec.name, r, None);
                }
            });
            if !stores.is_empty() {
                let section = param_store::read_stores(&mut ev, &stores, &mut |r| {
                    if let Some(l) = logger.as_mut() {
                        l.log(specs, &user, r.kind, r.name, r.result, r.layer_param);
                    }
                });
                append_field(&mut out, "param_stores", &section);
                if table && let Json::Object(section) = section {
                    for (store, v) in section {
                        rows.push(vec![
                            "param_store".into(),
                            store,
                            v.to_string(),
                            String::new(),
                            String::new(),
                            String::new(),
                        ]);
                    }
                }
            }
            let ops = std::mem::take(&mut ev.sticky_ops);
            drop(ev);
            if table {
                output::print(output::table::rows(&output::table::evaluation(rows)).as_bytes())?;
            } else if let Some(text) = records::table(format, &[&out]) {
                output::print(text.as_bytes())?;
            } else {
                out.push(b'\n');
                output::print(&out)?;
            }
            if let Some(p) = persisted.as_mut() {
                let changed = p.apply(ops);
                a.sticky.save(p, changed)?;
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

/// The output format: a table for one user on a terminal (JSON when piped, or when
/// `--fields` chooses fields), NDJSON for a stream of users; CSV and Markdown in both cases.
fn format(a: &EvaluateArgs) -> Result<Format> {
    let out = &a.eval.output;
    if a.users.is_some() {
        let f = out.choose(
            "evaluate --users",
            &[Format::Ndjson, Format::Json, Format::Csv, Format::Markdown],
            Format::Ndjson,
            Format::Ndjson,
        )?;
        return Ok(f);
    }
    let offered = [
        Format::Table,
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Markdown,
    ];
    let terminal = match a.fields {
        Some(_) => Format::Json,
        None => Format::Table,
    };
    Ok(
        match out.choose("evaluate", &offered, terminal, Format::Json)? {
            Format::Text => Format::Table,
            f => f,
        },
    )
}

/// The stores asked for with `--param-store` (unknown ones warned about, or refused with
/// `--strict`), or every store with `--all`.
fn store_names<'a>(a: &'a EvaluateArgs, specs: &'a CompiledSpecs) -> Result<Vec<&'a str>> {
    if a.all {
        return Ok(specs.stores.stores.iter().map(|s| &*s.name).collect());
    }
    for n in &a.param_stores {
        if specs.stores.get(n).is_none() {
            let hint = specs.stores.suggest(n);
            if a.eval.strict {
                return Err(Error::Unknown(format!(
                    "unknown parameter store {n:?}{hint} (--strict)"
                )));
            }
            crate::util::warn::warn(format_args!(
                "no parameter store named {n:?} in the specs{hint} (reason: Unrecognized)"
            ));
        }
    }
    Ok(a.param_stores.iter().map(String::as_str).collect())
}

#[allow(clippy::too_many_arguments)]
fn run_batch(
    a: &EvaluateArgs,
    specs: &CompiledSpecs,
    overrides: Option<&LocalOverrides>,
    sel: &Selection,
    fields: Fields,
    stores: &[&str],
    path: &std::path::Path,
    format: Format,
    mut logger: Option<&mut ExposureLogger>,
) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut sink = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let persisted = a.sticky.load()?.map(std::sync::Mutex::new);
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
    let store_hook = move |user: &_, r: Referenced<'_, '_>, sink: &mut Vec<_>| {
        if let Some(stamp) = &stamp {
            stamp.events(specs, user, r.kind, r.name, r.result, r.layer_param, sink);
        }
    };
    let work = EvaluationRecords {
        specs,
        overrides,
        selection: sel,
        fields,
        opts: EvalOptions::at(specs, a.eval.clock()),
        exposures: stamp.is_some().then_some(&hook as _),
        param_stores: stores,
        store_exposures: stamp.is_some().then_some(&store_hook as _),
        sticky: persisted.as_ref().map(|values| StickyStore {
            values,
            enforce_targeting: a.sticky.enforce_targeting,
            enforce_overrides: a.sticky.enforce_overrides,
            changed: Default::default(),
        }),
    };
    let settings = StreamSettings {
        // Sticky assignments are read and updated user after user.
        jobs: if persisted.is_some() {
            1
        } else {
            a.jobs.jobs()
        },
        keep_going: a.keep_going,
    };
    let source = UserSource::Ndjson(path.to_path_buf());
    let tabular = match records::header(format) {
        Some(header) => {
            sink.write_all(header.as_bytes())
                .map_err(|e| Error::io("stdout", e))?;
            true
        }
        None => false,
    };
    let streamed = stream::run(&source, settings, &work, |bytes, chunk| {
        // Exposures first: whatever reaches stdout has its exposures spooled, also when
        // stdout closes early (the delivery commits what it has when dropped).
        if let Some(l) = logger.as_deref_mut() {
            chunk.events.into_iter().for_each(|e| l.push(e));
        }
        match tabular {
            true => {
                let mut text = String::new();
                records::lines(format, &chunk.splices.assemble(bytes), &mut text);
                sink.write_all(text.as_bytes())
            }
            false => chunk.splices.write_to(&mut sink, bytes),
        }
        .map_err(|e| Error::io("stdout", e))
    });
    // What was written stays written, also when a later line fails; so do the sticky
    // assignments of the users written.
    let flushed = sink.flush().map_err(|e| Error::io("stdout", e));
    let changed = work
        .sticky
        .as_ref()
        .map(|s| s.changed.load(std::sync::atomic::Ordering::Relaxed));
    if let (Some(values), Some(changed)) = (persisted, changed) {
        let values = values.into_inner().unwrap_or_else(|e| e.into_inner());
        a.sticky.save(&values, changed)?;
    }
    let streamed = streamed?;
    flushed?;
    Ok(streamed.report())
}
