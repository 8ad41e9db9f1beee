//! Id lists: named sets of hashed ids, read from Statsig's wire files or a JSON summary.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};

/// One id list: the set of 8-character sha256-base64 prefixes of its members.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdList {
    pub ids: HashSet<Box<str>>,
}

impl IdList {
    /// Applies a file in Statsig's wire format: lines `+<id>` add, `-<id>` remove.
    pub fn apply_wire(&mut self, text: &str) {
        for line in text.split(['\n', '\r']) {
            if line.len() < 2 {
                continue;
            }
            // Not `split_at(1)`: a line may start with a multi-byte character.
            if let Some(id) = line.strip_prefix('+') {
                self.ids.insert(id.trim().into());
            } else if let Some(id) = line.strip_prefix('-') {
                self.ids.remove(id.trim());
            }
        }
    }

    pub fn contains(&self, hashed_id: &str) -> bool {
        self.ids.contains(hashed_id)
    }

    /// A list built from one wire-format file.
    pub fn from_wire(text: &str) -> IdList {
        let mut list = IdList::default();
        list.apply_wire(text);
        list
    }

    /// The list as a wire-format file (`+<id>` lines, sorted, so output is stable).
    pub fn to_wire(&self) -> String {
        let mut ids: Vec<&str> = self.ids.iter().map(|s| &**s).collect();
        ids.sort_unstable();
        let mut out = String::with_capacity(ids.len() * 10);
        for id in ids {
            out.push('+');
            out.push_str(id);
            out.push('\n');
        }
        out
    }
}

/// All id lists known to an evaluation, by list name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdLists {
    pub lists: HashMap<String, IdList>,
}

impl IdLists {
    pub fn get(&self, name: &str) -> Option<&IdList> {
        self.lists.get(name)
    }

    pub fn insert(&mut self, name: impl Into<String>, list: IdList) {
        self.lists.insert(name.into(), list);
    }

    /// Reads id lists from `path`: a folder of wire-format files (file name = list name) or a
    /// JSON file `{"<list>": {"hashes": [...]}}` (also accepting `{"<list>": ["<hash>", ...]}`).
    pub fn load(path: &Path) -> Result<Self> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            Self::load_dir(path)
        } else {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            if text.trim_start().starts_with(['+', '-']) || text.trim().is_empty() {
                // A single wire-format file: the list is named after the file.
                let name = list_name(path)?;
                let mut list = IdList::default();
                list.apply_wire(&text);
                let mut lists = HashMap::new();
                lists.insert(name, list);
                return Ok(IdLists { lists });
            }
            Self::from_json(&text).map_err(|e| Error::IdLists(format!("{}: {e}", path.display())))
        }
    }

    fn load_dir(dir: &Path) -> Result<Self> {
        let mut lists = HashMap::new();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let path = entry.path();
            if !path.is_file() {
                continue;
            }
            let name = list_name(&path)?;
            if name.starts_with('.') {
                continue;
            }
            // `specs pull --id-lists-out` percent-encodes unsafe characters in file names.
            let name = list_name_from_file(&name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let mut list = IdList::default();
            list.apply_wire(&text);
            lists.insert(name, list);
        }
        Ok(IdLists { lists })
    }

    /// Parses the JSON summary form.
    pub fn from_json(text: &str) -> std::result::Result<Self, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        let obj = value
            .as_object()
            .ok_or("expected a JSON object of list name → list")?;
        let mut lists = HashMap::new();
        for (name, entry) in obj {
            let hashes = match entry {
                serde_json::Value::Array(a) => a,
                serde_json::Value::Object(o) => match o.get("hashes") {
                    Some(serde_json::Value::Array(a)) => a,
                    _ => return Err(format!("list {name:?}: expected a \"hashes\" array")),
                },
                _ => return Err(format!("list {name:?}: expected an object or an array")),
            };
            let mut list = IdList::default();
            for (i, h) in hashes.iter().enumerate() {
                let h = h
                    .as_str()
                    .ok_or_else(|| format!("list {name:?}: hashes[{i}] is not a string"))?;
                list.ids.insert(h.into());
            }
            lists.insert(name.clone(), list);
        }
        Ok(IdLists { lists })
    }
}

/// One id list as Statsig's servers deliver it: the manifest entry that described it and the
/// raw wire bytes read so far. Kept so that incremental syncs can resume with a byte range and
/// so that the exact files can be written out again (`specs pull --id-lists-out`, data stores).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IdListFile {
    #[serde(rename = "fileID", default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    #[serde(rename = "creationTime", default)]
    pub creation_time: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Bytes of the file held locally (`raw.len()` once loaded).
    #[serde(default)]
    pub size: u64,
    /// The wire text itself; not part of the serialized metadata.
    #[serde(skip)]
    pub raw: Vec<u8>,
}

impl IdListFile {
    pub fn to_list(&self) -> IdList {
        IdList::from_wire(&String::from_utf8_lossy(&self.raw))
    }
}

/// Raw id-list files by list name, in name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdListFiles {
    pub lists: BTreeMap<String, IdListFile>,
}

impl IdListFiles {
    /// The parsed sets evaluation needs.
    pub fn to_id_lists(&self) -> IdLists {
        IdLists {
            lists: self
                .lists
                .iter()
                .map(|(name, f)| (name.clone(), f.to_list()))
                .collect(),
        }
    }

    /// The raw files behind `--id-lists PATH` when it names wire-format files (a folder of
    /// them or a single one); `None` for the JSON summary form.
    pub fn load_raw(path: &Path) -> Result<Option<IdListFiles>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        let mut files = IdListFiles::default();
        let mut add = |name: String, p: &Path| -> Result<()> {
            let raw = std::fs::read(p).map_err(|e| Error::io(p, e))?;
            let f = IdListFile {
                size: raw.len() as u64,
                raw,
                ..IdListFile::default()
            };
            files.lists.insert(name, f);
            Ok(())
        };
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            for entry in entries {
                let p = entry.map_err(|e| Error::io(path, e))?.path();
                let name = list_name(&p)?;
                if !p.is_file() || name.starts_with('.') {
                    continue;
                }
                add(list_name_from_file(&name), &p)?;
            }
        } else {
            let text = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let t = String::from_utf8_lossy(&text);
            if !(t.trim_start().starts_with(['+', '-']) || t.trim().is_empty()) {
                return Ok(None);
            }
            add(list_name(path)?, path)?;
        }
        Ok(Some(files))
    }

    /// Wraps parsed lists whose raw files are unknown, re-serialising each one.
    pub fn from_id_lists(lists: &IdLists) -> IdListFiles {
        IdListFiles {
            lists: lists
                .lists
                .iter()
                .map(|(name, l)| {
                    let raw = l.to_wire().into_bytes();
                    let f = IdListFile {
                        size: raw.len() as u64,
                        raw,
                        ..IdListFile::default()
                    };
                    (name.clone(), f)
                })
                .collect(),
        }
    }
}

/// A file name for a list name: safe characters kept, anything else percent-encoded, so two
/// names never share a file and no name escapes the folder.
pub fn list_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, b) in name.bytes().enumerate() {
        let safe = b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || (b == b'.' && i > 0);
        if safe {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push('%');
    }
    out
}

/// Inverse of [`list_file_name`].
pub fn list_name_from_file(file: &str) -> String {
    let bytes = file.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn list_name(path: &Path) -> Result<String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| Error::IdLists(format!("{}: not a valid id-list file name", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_lines_add_and_remove() {
        let mut l = IdList::default();
        l.apply_wire("+a+b/cdef\n+xsKJ5J6c\n-a+b/cdef\n+\n\n*junk\n");
        assert!(l.contains("xsKJ5J6c"));
        assert!(!l.contains("a+b/cdef"));
        assert_eq!(l.ids.len(), 1);
    }

    #[test]
    fn wire_lines_starting_with_multibyte_characters_are_ignored() {
        // Found by fuzzing: `split_at(1)` panicked inside a multi-byte character.
        let mut l = IdList::default();
        l.apply_wire("\u{fffd}\"l\"\n\u{e9}+abc\n+ok\n");
        assert_eq!(l.ids.len(), 1);
        assert!(l.contains("ok"));
    }

    #[test]
    fn wire_round_trip_and_file_names() {
        let l = IdList::from_wire("+b\n+a\n-b\n+c/d\n");
        assert_eq!(l.to_wire(), "+a\n+c/d\n");
        for name in ["vip_ids", "a/b", "..", "x y%", "é"] {
            let f = list_file_name(name);
            assert!(!f.contains('/') && f != ".." && !f.starts_with('.'), "{f}");
            assert_eq!(list_name_from_file(&f), name);
        }
        let files = IdListFiles::from_id_lists(&IdLists::from_json(r#"{"l":["x","y"]}"#).unwrap());
        assert_eq!(files.lists["l"].raw, b"+x\n+y\n");
        assert_eq!(files.to_id_lists().get("l").unwrap().ids.len(), 2);
    }

    #[test]
    fn json_summary_form() {
        let lists =
            IdLists::from_json(r#"{"l":{"raw_ids":["x"],"hashes":["7/rrkvF6"]},"m":["abc"]}"#)
                .unwrap();
        assert!(lists.get("l").unwrap().contains("7/rrkvF6"));
        assert!(lists.get("m").unwrap().contains("abc"));
        assert!(IdLists::from_json(r#"{"l":{"hashes":[1]}}"#).is_err());
        assert!(IdLists::from_json("[").is_err());
    }
}
