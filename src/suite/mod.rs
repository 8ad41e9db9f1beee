//! `statsig test`: assertion suites that pin what a rule set gives chosen users.
//!
//! A suite file (YAML or JSON) names its specs, default user and cases; each case names a
//! user (or a matrix of users, or a generated population) and what each gate, config,
//! experiment or layer must give it. The path: [`discover`] finds files → [`model`] reads
//! and expands them (with positions from [`doc`]) → [`run`] evaluates, on every core for
//! populations (through `population::stream`), recording which rule decided ([`decision`]) → [`coverage`] lists the rules
//! no case decided. Rendering is `output::suite`'s business.

pub mod coverage;
pub mod decision;
pub mod discover;
pub mod doc;
pub mod model;
pub mod run;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
pub use model::{SpecRef, SuiteFile};
pub use run::{Prepared, Report, Settings, SuiteSpecs, run};

/// Reads and checks one suite file; a problem is `FILE:LINE:COL: what is wrong`. Warnings
/// (`FILE:LINE:COL: ...`) are in [`SuiteFile::warnings`].
pub fn read_file(path: &Path) -> Result<SuiteFile> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    model::parse_file(path, &text, json).map_err(|e| Error::At {
        path: path.display().to_string(),
        line: e.pos.line as usize,
        col: e.pos.col as usize,
        msg: e.msg,
    })
}

/// Loads each distinct spec source once (through `load`) and compiles each file's overrides.
pub fn prepare(
    files: Vec<SuiteFile>,
    mut load: impl FnMut(&SpecRef) -> Result<SuiteSpecs>,
) -> Result<Vec<Prepared>> {
    let mut loaded: HashMap<SpecRef, Arc<SuiteSpecs>> = HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let specs = match loaded.get(&file.source) {
            Some(s) => s.clone(),
            None => {
                let s =
                    Arc::new(load(&file.source).map_err(|e| {
                        Error::Suite(format!("{}: specs: {e}", file.path.display()))
                    })?);
                loaded.insert(file.source.clone(), s.clone());
                s
            }
        };
        let overrides = file
            .overrides
            .as_ref()
            .map(|j| LocalOverrides::from_json(j, &format!("{}: overrides", file.path.display())))
            .transpose()?;
        out.push(Prepared {
            file,
            specs,
            overrides,
        });
    }
    Ok(out)
}
