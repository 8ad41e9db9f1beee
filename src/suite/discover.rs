//! Finding suite files: paths given as files are taken as they are; folders are searched
//! (recursively, in name order, hidden folders skipped) for `*.statsig.yaml|yml|json`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const SUFFIXES: &[&str] = &[".statsig.yaml", ".statsig.yml", ".statsig.json"];
const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

/// Whether a file name marks a suite file.
pub fn is_suite_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// The suite files under `paths` (`.` when empty), each once, in the order found.
pub fn find(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
            if out.len() == before {
                return Err(Error::Suite(format!(
                    "{}: no suite files (*.statsig.yaml, *.statsig.yml, *.statsig.json) in this folder",
                    p.display()
                )));
            }
        } else {
            let ok = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            if !ok {
                return Err(Error::Suite(format!(
                    "{}: a suite file is .yaml, .yml or .json",
                    p.display()
                )));
            }
            out.push(p.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let path = e.path();
        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            if !name.starts_with('.') && name != "node_modules" {
                walk(&path, out)?;
            }
        } else if is_suite_name(&name) {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_for_suite_names_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/.hidden")).unwrap();
        for f in [
            "b/z.statsig.yml",
            "a.statsig.yaml",
            "notes.yaml",
            "b/.hidden/x.statsig.json",
            "c.STATSIG.json",
        ] {
            std::fs::write(d.join(f), "").unwrap();
        }
        let found = find(&[d.to_path_buf()]).unwrap();
        let rel: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(rel, ["a.statsig.yaml", "b/z.statsig.yml", "c.STATSIG.json"]);
        let explicit = find(&[
            d.join("notes.yaml"),
            d.join("a.statsig.yaml"),
            d.join("notes.yaml"),
        ])
        .unwrap();
        assert_eq!(explicit.len(), 2);
        assert!(find(&[d.join("b/.hidden")]).is_ok());
        std::fs::create_dir(d.join("empty")).unwrap();
        assert!(
            find(&[d.join("empty")])
                .unwrap_err()
                .to_string()
                .contains("no suite files")
        );
    }
}
