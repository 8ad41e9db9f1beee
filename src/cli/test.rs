//! `statsig test`: run assertion suites. Arguments become [`suite::Settings`], the library
//! reads, loads and runs, `output::suite` renders; the exit code is 0 (all passed), 1 (a
//! case failed) or 2 (an invalid file, or specs that cannot be loaded).

use std::io::Write;
use std::path::PathBuf;

use crate::cli::args::{OutputArgs, SourceArgs};
use crate::error::{Error, ExitCode, Result};
use crate::output::Format;
use crate::output::{self, suite as render};
use crate::source::{SourceSettings, load_specs};
use crate::suite::{self, SpecRef, SuiteSpecs};
use crate::util::fs::OutputFile;

#[derive(Debug, Clone, clap::Args)]
pub struct TestArgs {
    /// Suite files, or folders searched for *.statsig.yaml, *.statsig.yml and *.statsig.json
    /// [default: .]
    pub paths: Vec<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Run only the cases whose name contains TEXT (ASCII case ignored).
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Stop at the first failing case.
    #[arg(long)]
    pub fail_fast: bool,
    /// Show, per entity, which rules some case decided, and list the rules none did.
    #[arg(long)]
    pub coverage: bool,
    /// Run as if it were TIME (RFC 3339, a date or epoch ms), for `current_time` conditions
    /// and time-bounded config mappings; wins over the files' `at:`.
    #[arg(long, value_name = "TIME", value_parser = crate::spec::time::parse_clock)]
    pub at: Option<crate::util::clock::Clock>,
    /// The report on stdout: a line per case (text), one JSON document, JUnit XML, or a row
    /// per case.
    #[command(flatten)]
    pub output: OutputArgs,
    /// The specs for files without `specs:`.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Loads the specs a file names, or the command's source.
fn load(default: &SourceSettings, r: &SpecRef) -> Result<SuiteSpecs> {
    let args = match &r.specs {
        Some(path) => SourceSettings {
            specs: Some(path.clone()),
            id_lists: r.id_lists.clone(),
            ..SourceSettings::default()
        },
        None => {
            let mut a = default.clone();
            if r.id_lists.is_some() {
                a.id_lists = r.id_lists.clone();
            }
            a
        }
    };
    let loaded = load_specs(&args)?;
    Ok(SuiteSpecs {
        specs: loaded.specs,
        origin: loaded.origin,
        reason_source: loaded.kind.reason_source(),
    })
}

pub fn run(a: &TestArgs) -> Result<ExitCode> {
    let format = a.output.choose(
        "test",
        &[
            Format::Text,
            Format::Json,
            Format::Table,
            Format::Csv,
            Format::Markdown,
            Format::Junit,
        ],
        Format::Text,
        Format::Text,
    )?;
    let paths = suite::discover::find(&a.paths)?;
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for p in &paths {
        match suite::read_file(p) {
            Ok(f) => {
                for (pos, w) in &f.warnings {
                    crate::util::warn::warn(format_args!("{}:{pos}: {w}", p.display()));
                }
                files.push(f)
            }
            Err(e) => bad.push(e),
        }
    }
    if let Some(last) = bad.pop() {
        for e in bad {
            eprintln!("error: {e}");
        }
        return Err(last);
    }
    let base = a.source.settings();
    let prepared = suite::prepare(files, |r| load(&base, r))?;
    let settings = suite::Settings {
        filter: a.filter.clone(),
        fail_fast: a.fail_fast,
        now_ms: a.at.unwrap_or_default().now_ms(),
        now_fixed: a.at.is_some(),
    };
    let mut write_err = None;
    let report = suite::run(&prepared, &settings, |f| {
        if write_err.is_none() {
            write_err = output::print_answer(render::progress(format, f).as_bytes()).err();
        }
    })?;
    if let Some(e) = write_err {
        return Err(e);
    }
    if report.passed() + report.failed() == 0 {
        return Err(Error::Suite(match &a.filter {
            Some(f) => format!("no case matches --filter {f:?}"),
            None => "the suites hold no case".into(),
        }));
    }
    if let Some(path) = &a.junit {
        // Through a temporary file: a CI job never reads half a report.
        let mut f = OutputFile::create(path).map_err(|e| Error::io(path, e))?;
        f.write_all(render::junit::report(&report).as_bytes())
            .and_then(|()| f.commit())
            .map_err(|e| Error::io(path, e))?;
    }
    output::print_answer(render::closing(format, &report, a.coverage).as_bytes())?;
    Ok(if report.failed() > 0 {
        ExitCode::No
    } else {
        ExitCode::Success
    })
}
