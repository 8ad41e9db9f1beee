//! Id lists: named sets of hashed ids, read from Statsig's wire files or a JSON summary.

use std::collections::{HashMap, HashSet};
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
            Self::from_json(&text).map_err(|e| Error::input(format!("{}: {e}", path.display())))
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

fn list_name(path: &Path) -> Result<String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| Error::input(format!("{}: not a valid id-list file name", path.display())))
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
