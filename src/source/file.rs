//! Specs from a file or stdin.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::source::{Loaded, SourceKind};

pub fn load(path: &Path) -> Result<Loaded> {
    let (bytes, origin) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("stdin", e))?;
        (buf, "stdin".to_string())
    } else {
        (
            std::fs::read(path).map_err(|e| Error::io(path, e))?,
            path.display().to_string(),
        )
    };
    Ok(Loaded {
        bytes,
        origin,
        kind: SourceKind::File,
        id_lists: None,
        id_list_files: None,
        compiled: None,
    })
}
