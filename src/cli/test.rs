//! `statsig test`: run assertion suites. Arguments become [`suite::Settings`], the library
//! reads, loads and runs, `output::suite` renders; the exit code is 0 (all passed), 1 (a
//! case failed) or 2 (an invalid file, or specs that cannot be loaded).

use std::io::Write;
use std::path::PathBuf;

use crate::cli::common::load_specs;
use crate::error::{Error, Result};
use crate::output::suite as render;
use crate::source::SourceArgs;
use crate::suite::{self, SpecRef, SuiteSpecs};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// A line per case, failures explained.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct TestArgs {
    /// Suite files, or folders searched for *.statsig.yaml, *.statsig.yml and *.statsig.json
    /// [default: .]
    pub paths: Vec<PathBuf>,
    /// The report on stdout.
    #[arg(long, value_enum, default_value_t = TestFormat::Text)]
    pub format: TestFormat,
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
    /// The specs for files without `specs:`.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Loads the specs a file names, or the command's source.
fn load(default: &SourceArgs, r: &SpecRef) -> Result<SuiteSpecs> {
    let args = match &r.specs {
        Some(path) => SourceArgs {
            specs: Some(path.clone()),
            id_lists: r.id_lists.clone(),
            ..SourceArgs::default()
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

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

pub fn run(a: &TestArgs) -> Result<i32> {
    let paths = suite::discover::find(&a.paths)?;
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for p in &paths {
        match suite::read_file(p) {
            Ok(f) => files.push(f),
            Err(e) => bad.push(e),
        }
    }
    if let Some(last) = bad.pop() {
        for e in bad {
            eprintln!("error: {e}");
        }
        return Err(last);
    }
    let prepared = suite::prepare(files, |r| load(&a.source, r))?;
    let settings = suite::Settings {
        filter: a.filter.clone(),
        fail_fast: a.fail_fast,
        now_ms: crate::util::clock::now_ms(),
    };
    let text = a.format == TestFormat::Text;
    let mut write_err = None;
    let report = suite::run(&prepared, &settings, |f| {
        if text && write_err.is_none() {
            let mut s = String::new();
            render::text::file(&mut s, f);
            write_err = print(&s).err();
        }
    });
    if let Some(e) = write_err {
        return Err(e);
    }
    if report.passed() + report.failed() == 0 {
        return Err(Error::input(match &a.filter {
            Some(f) => format!("no case matches --filter {f:?}"),
            None => "the suites hold no case".into(),
        }));
    }
    if let Some(path) = &a.junit {
        write_atomically(path, render::junit::report(&report).as_bytes())?;
    }
    match a.format {
        TestFormat::Text => {
            let mut s = String::new();
            if a.coverage {
                for c in &report.coverage {
                    render::text::coverage(&mut s, c);
                }
            }
            render::text::summary_line(&mut s, &report);
            print(&s)?;
        }
        TestFormat::Json => {
            let doc = render::json::report(&report, a.coverage);
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            print(&s)?;
        }
    }
    Ok(if report.failed() > 0 { 1 } else { 0 })
}

/// Writes through a temporary file in the same folder, so a reader never sees half a report.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
