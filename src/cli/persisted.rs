//! `--persisted-values FILE` and friends: sticky assignments for get-experiment, get-layer
//! and evaluate, read from (and with `--save-persisted-values` written back to) a JSON file
//! in the SDKs' `UserPersistedValues` shape.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::eval::persisted::{PersistedValues, Sticky};

#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Sticky values")]
pub struct StickyArgs {
    /// Sticky assignments, as the SDKs' user persistent storage holds them:
    /// `{"<unitID>:<idType>": {NAME: StickyValues}}`. A saved experiment or layer
    /// assignment is returned (reason Persisted) while its experiment is active.
    #[arg(long, value_name = "FILE")]
    pub persisted_values: Option<PathBuf>,
    /// Write new assignments (users newly in an active experiment's group) and removals
    /// (inactive experiments) back to the --persisted-values file, atomically; a missing
    /// file starts empty.
    #[arg(long, requires = "persisted_values")]
    pub save_persisted_values: bool,
    /// Drop a sticky value when the user no longer passes the experiment's targeting.
    #[arg(long, requires = "persisted_values")]
    pub enforce_targeting: bool,
    /// Drop a sticky value when an override rule of the experiment now matches the user.
    #[arg(long, requires = "persisted_values")]
    pub enforce_overrides: bool,
}

impl StickyArgs {
    /// The file's values (`None` without --persisted-values).
    pub fn load(&self) -> Result<Option<PersistedValues>> {
        let Some(path) = &self.persisted_values else {
            return Ok(None);
        };
        match std::fs::read_to_string(path) {
            Ok(text) => PersistedValues::parse(&text, &path.display().to_string()).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && self.save_persisted_values => {
                Ok(Some(PersistedValues::default()))
            }
            Err(e) => Err(Error::io(path, e)),
        }
    }

    pub fn settings<'p>(&self, values: &'p PersistedValues) -> Sticky<'p> {
        Sticky {
            values,
            enforce_targeting: self.enforce_targeting,
            enforce_overrides: self.enforce_overrides,
        }
    }

    /// Writes the values back when asked to (temporary file, fsync, rename).
    pub fn save(&self, values: &PersistedValues, changed: usize) -> Result<()> {
        let (Some(path), true) = (&self.persisted_values, self.save_persisted_values) else {
            return Ok(());
        };
        if changed == 0 && path.exists() {
            return Ok(());
        }
        let mut bytes = serde_json::to_vec_pretty(&values.to_json())
            .map_err(|e| Error::internal(e.to_string()))?;
        bytes.push(b'\n');
        crate::util::fs::write_output(path, &bytes).map_err(|e| Error::io(path, e))
    }
}
