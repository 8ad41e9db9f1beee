//! `statsig impact OLD NEW --users FILE`: which users a new version of the specs flips.

use std::path::PathBuf;

use crate::cli::common::{EvalArgs, JobsArg, is_stdin, load_overrides, one_stdin};
use crate::error::{Error, ExitCode, Result};
use crate::eval::EvalOptions;
use crate::eval::persisted::{PersistedValues, Sticky};
use crate::output::Format;
use crate::output::impact::render;
use crate::population::impact::{ImpactPlan, ImpactTally};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::source::{SourceSettings, load_specs};
use crate::spec::model::Kind;

#[derive(Debug, Clone, clap::Args)]
pub struct ImpactArgs {
    /// OLD and NEW payloads (files, `-` for stdin). With one, it is OLD and NEW comes from
    /// the source options (`--specs`, `--data-store`, the API with a server key); with
    /// `--old-data-store`, a single file is NEW.
    #[arg(value_name = "SPECS", num_args = 0..=2)]
    pub versions: Vec<PathBuf>,
    /// Read OLD from a data store (a dump file or `redis://HOST:PORT/DB`).
    #[arg(long, value_name = "PATH|URL")]
    pub old_data_store: Option<String>,
    /// Users as NDJSON, one JSON object per line; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    pub users: PathBuf,
    /// Up to N example user ids per changed entity.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub examples: usize,
    /// Leave this entity out: its change is expected (repeatable).
    #[arg(long, value_name = "NAME")]
    pub ignore: Vec<String>,
    /// Exit 1 when any entity changes for any user (a CI guard on rule edits).
    #[arg(long, visible_alias = "exit-code")]
    pub fail_on_change: bool,
    /// Sticky assignments both versions read, as the SDKs' user persistent storage holds
    /// them (`{"<unitID>:<idType>": {NAME: StickyValues}}`; never written): a saved
    /// experiment or layer assignment holds while its experiment is active, and the flips
    /// it prevents are shown apart (`sticky_held`).
    #[arg(long, value_name = "FILE")]
    pub persisted_values: Option<PathBuf>,
    /// Drop a sticky value when the user no longer passes the experiment's targeting.
    #[arg(long, requires = "persisted_values")]
    pub enforce_targeting: bool,
    /// Drop a sticky value when an override rule of the experiment now matches the user.
    #[arg(long, requires = "persisted_values")]
    pub enforce_overrides: bool,
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

/// The source settings of one side: a file, a data store, or the source options as given.
fn side(
    base: &SourceSettings,
    file: Option<&PathBuf>,
    data_store: Option<&String>,
) -> SourceSettings {
    let mut s = base.clone();
    if let Some(f) = file {
        s.specs = Some(f.clone());
        s.data_store = None;
    } else if let Some(ds) = data_store {
        s.specs = None;
        s.data_store = Some(ds.clone());
    }
    s
}

pub fn run(a: &ImpactArgs) -> Result<ExitCode> {
    let format = a
        .eval
        .output
        .choose("impact", Format::ANSWERS, Format::Text, Format::Text)?;
    let mut stdin = vec![a.eval.specs_stdin(), ("--users", is_stdin(Some(&a.users)))];
    stdin.extend(a.versions.iter().map(|v| ("SPECS", is_stdin(Some(v)))));
    one_stdin(&stdin)?;
    let base = &a.eval.source.settings();
    let (old, new) = match (a.versions.as_slice(), &a.old_data_store) {
        ([old, new], None) => (side(base, Some(old), None), side(base, Some(new), None)),
        ([new], Some(ds)) => (side(base, None, Some(ds)), side(base, Some(new), None)),
        ([old], None) => (side(base, Some(old), None), side(base, None, None)),
        ([], Some(ds)) => (side(base, None, Some(ds)), side(base, None, None)),
        ([_, _], Some(_)) => {
            return Err(Error::Usage(
                "--old-data-store is OLD: give at most one payload file (NEW)".into(),
            ));
        }
        _ => {
            return Err(Error::Usage(
                "impact compares two versions: statsig impact OLD.json NEW.json --users FILE \
                 (or OLD.json with --specs/--data-store/the API as NEW, or --old-data-store)"
                    .into(),
            ));
        }
    };
    let persisted = match &a.persisted_values {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            Some(PersistedValues::parse(&text, &path.display().to_string())?)
        }
        None => None,
    };
    let old = load_specs(&old)?;
    let new = load_specs(&new)?;
    let overrides = load_overrides(&a.eval, &new.specs)?;
    let opts = (
        EvalOptions::at(&old.specs, a.eval.clock()),
        EvalOptions::at(&new.specs, a.eval.clock()),
    );
    let mut plan = ImpactPlan::new(&old.specs, &new.specs, &a.ignore, opts, a.examples);
    plan.overrides = overrides.as_ref();
    plan.sticky = persisted.as_ref().map(|values| Sticky {
        values,
        enforce_targeting: a.enforce_targeting,
        enforce_overrides: a.enforce_overrides,
    });
    for name in &a.ignore {
        let known = [&old.specs, &new.specs].iter().any(|s| {
            s.gate_index.contains_key(name.as_str())
                || s.config_index.contains_key(name.as_str())
                || s.layer_index.contains_key(name.as_str())
        });
        if !known {
            let names = [&old.specs, &new.specs].into_iter().flat_map(|s| {
                [Kind::Gate, Kind::Config, Kind::Layer]
                    .into_iter()
                    .flat_map(|k| s.specs(k).iter().map(|x| &*x.name))
            });
            let hint = crate::util::suggest::hint(name, names);
            crate::util::warn::warn(format_args!(
                "--ignore {name:?}: no entity of that name in either version{hint}"
            ));
        }
    }
    let settings = StreamSettings {
        jobs: a.jobs.jobs(),
        keep_going: a.keep_going,
    };
    let source = UserSource::Ndjson(a.users.clone());
    let mut tally = ImpactTally::default();
    let streamed = stream::run(&source, settings, &plan, |_, part| {
        tally.absorb(part, a.examples);
        Ok(())
    })?;
    let read = streamed.report();
    let impact = plan.finish(tally);
    crate::output::print_answer(render(&impact, format).as_bytes())?;
    Ok(read.or(if a.fail_on_change && !impact.entities.is_empty() {
        ExitCode::No
    } else {
        ExitCode::Success
    }))
}
