//! The local cache: the last good payload and id lists of each server key, so that repeated
//! commands can ask for `sinceTime` updates and `--offline` works.
//!
//! Layout, under `<root>/<H>/` where `<H>` is a hex sha256 of the key (never the key):
//! `dcs-v1.json` / `dcs-v2.json` (payload bytes exactly as served, decompressed),
//! `id_lists/state.json` (manifest data per list) and `id_lists/files/<list>` (wire bytes).
//! Every file is written to a temporary file in the same folder and renamed into place.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::secret::ServerKey;
use crate::source::{Loaded, SourceKind};
use crate::spec::id_lists::{IdListFile, IdListFiles, list_file_name, list_name_from_file};

/// The cache root: `override_` (`--cache-dir` / STATSIG_CACHE_DIR), else
/// `$XDG_CACHE_HOME/statsig`, else `~/.cache/statsig`.
pub fn root(override_: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = override_ {
        return Ok(p.to_path_buf());
    }
    crate::util::paths::statsig_dir("XDG_CACHE_HOME", ".cache").ok_or_else(|| {
        Error::Environment(
            "no cache folder: set XDG_CACHE_HOME, HOME or STATSIG_CACHE_DIR, or pass --cache-dir"
                .into(),
        )
    })
}

/// The folder name for a key: 32 hex digits of a domain-separated sha256.
pub fn key_dir_name(key: &ServerKey) -> String {
    scoped_dir_name(key, None)
}

/// The folder name for a key and an API base other than Statsig's (`None`: Statsig's), so
/// that payloads of two servers never share a cache entry.
pub fn scoped_dir_name(key: &ServerKey, api: Option<&str>) -> String {
    let text = match api {
        None => format!("statsig-cli-cache\0{}", key.expose()),
        Some(api) => format!("statsig-cli-cache\0{}\0{api}", key.expose()),
    };
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` atomically ([`crate::util::fs::write_atomic`]), naming `path` in
/// any error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::util::fs::write_atomic(path, bytes).map_err(|e| Error::io(path, e))
}

/// The cache of one server key.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    key_masked: String,
}

impl Cache {
    pub fn new(root: &Path, key: &ServerKey) -> Cache {
        Cache::scoped(root, key, None)
    }

    /// The cache of a key at one API base ([`scoped_dir_name`]).
    pub fn scoped(root: &Path, key: &ServerKey, api: Option<&str>) -> Cache {
        Cache {
            dir: root.join(scoped_dir_name(key, api)),
            key_masked: key.masked(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn specs_path(&self, version: u8) -> PathBuf {
        self.dir.join(format!("dcs-v{version}.json"))
    }

    fn id_lists_dir(&self) -> PathBuf {
        self.dir.join("id_lists")
    }

    /// The cached payload, if there is a readable one.
    pub fn read_specs(&self, version: u8) -> Option<Vec<u8>> {
        std::fs::read(self.specs_path(version)).ok()
    }

    /// Replaces the cached payload. Callers validate the payload first.
    pub fn write_specs(&self, version: u8, bytes: &[u8]) -> Result<()> {
        write_atomic(&self.specs_path(version), bytes)
    }

    /// The cached id lists; a list whose file does not match its recorded size is dropped,
    /// so the next sync downloads it again from the start.
    pub fn read_id_lists(&self) -> Option<IdListFiles> {
        let dir = self.id_lists_dir();
        let state = std::fs::read(dir.join("state.json")).ok()?;
        let state: std::collections::BTreeMap<String, IdListFile> =
            serde_json::from_slice(&state).ok()?;
        let mut files = IdListFiles::default();
        for (name, mut meta) in state {
            let Ok(raw) = std::fs::read(dir.join("files").join(list_file_name(&name))) else {
                continue;
            };
            if raw.len() as u64 != meta.size {
                continue;
            }
            meta.raw = raw;
            files.lists.insert(name, meta);
        }
        Some(files)
    }

    /// Replaces the cached id lists: the files first, then the state that describes them,
    /// then files of lists no longer present are removed.
    pub fn write_id_lists(&self, files: &IdListFiles) -> Result<()> {
        let dir = self.id_lists_dir();
        let files_dir = dir.join("files");
        let old = self.read_id_lists().unwrap_or_default();
        for (name, f) in &files.lists {
            if old.lists.get(name).map(|o| &o.raw) == Some(&f.raw) {
                continue;
            }
            write_atomic(&files_dir.join(list_file_name(name)), &f.raw)?;
        }
        let state = serde_json::to_vec_pretty(&files.lists).expect("id-list state serialises");
        write_atomic(&dir.join("state.json"), &state)?;
        if let Ok(entries) = std::fs::read_dir(&files_dir) {
            for e in entries.flatten() {
                let fname = e.file_name().to_string_lossy().into_owned();
                if fname.starts_with('.') {
                    continue;
                }
                if !files.lists.contains_key(&list_name_from_file(&fname)) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }

    /// `--offline`: the cached payload and id lists, or an error saying there are none.
    pub fn load(&self, version: u8, with_id_lists: bool) -> Result<Loaded> {
        let path = self.specs_path(version);
        let bytes = self.read_specs(version).ok_or_else(|| {
            Error::Specs(format!(
                "--offline: no cached v{version} config specs for server key {} (run once without --offline)",
                self.key_masked
            ))
        })?;
        let files = if with_id_lists {
            self.read_id_lists()
        } else {
            None
        };
        Ok(Loaded {
            bytes,
            origin: path.display().to_string(),
            kind: SourceKind::Cache,
            id_lists: files.as_ref().map(IdListFiles::to_id_lists),
            id_list_files: files,
            compiled: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_dir_name_hides_the_key() {
        let k = ServerKey::new("secret-abcdefghijklmnop").unwrap();
        let n = key_dir_name(&k);
        assert_eq!(n.len(), 32);
        assert!(n.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(!n.contains("abcdefgh"));
        assert_ne!(n, key_dir_name(&ServerKey::new("secret-other").unwrap()));
    }

    #[test]
    fn specs_and_id_lists_round_trip() {
        let tmp = tempfile::tempdir().unwrap();
        let k = ServerKey::new("secret-abcdefghijklmnop").unwrap();
        let c = Cache::new(tmp.path(), &k);
        assert!(c.read_specs(2).is_none());
        assert!(c.load(2, true).is_err());
        c.write_specs(2, b"{\"x\":1}").unwrap();
        c.write_specs(2, b"{\"x\":2}").unwrap();
        assert_eq!(c.read_specs(2).unwrap(), b"{\"x\":2}");

        let mut files = IdListFiles::default();
        for (name, raw) in [("a/b", &b"+x\n"[..]), ("c", &b"+y\n-y\n"[..])] {
            files.lists.insert(
                name.into(),
                IdListFile {
                    file_id: Some("f".into()),
                    creation_time: 5,
                    url: None,
                    size: raw.len() as u64,
                    raw: raw.to_vec(),
                },
            );
        }
        c.write_id_lists(&files).unwrap();
        assert_eq!(c.read_id_lists().unwrap(), files);
        files.lists.remove("c");
        c.write_id_lists(&files).unwrap();
        assert_eq!(c.read_id_lists().unwrap(), files);
        let n = std::fs::read_dir(c.dir().join("id_lists/files"))
            .unwrap()
            .count();
        assert_eq!(n, 1);

        // A file whose size does not match its state is dropped.
        std::fs::write(c.dir().join("id_lists/files/a%2Fb"), b"+xy\n").unwrap();
        assert!(c.read_id_lists().unwrap().lists.is_empty());

        let loaded = c.load(2, true).unwrap();
        assert_eq!(loaded.kind, SourceKind::Cache);
    }

    #[test]
    fn root_prefers_override_then_xdg() {
        assert_eq!(root(Some(Path::new("/x"))).unwrap(), PathBuf::from("/x"));
    }
}
