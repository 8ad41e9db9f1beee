//! `statsig man`: manual pages (roff) generated from the clap definitions, so they never
//! disagree with `--help`. The pages in `man/` are these, committed (tests/man.rs).

use std::path::PathBuf;

use crate::error::{Error, ExitCode, Result};

#[derive(Debug, Clone, clap::Args)]
pub struct ManArgs {
    /// Write statsig.1 and one page per command (statsig-check-gate.1, ...) into DIR instead
    /// of printing statsig.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(a: &ManArgs) -> Result<ExitCode> {
    let cmd = super::command();
    match &a.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            clap_mangen::generate_to(cmd, dir).map_err(|e| Error::io(dir, e))?;
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .map_err(|e| Error::io("stdout", e))?;
            std::io::Write::write_all(&mut std::io::stdout(), &out)
                .map_err(|e| Error::io("stdout", e))?;
        }
    }
    Ok(ExitCode::Success)
}
