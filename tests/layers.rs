//! The crate's top-level modules form one-way layers: a module may name (`crate::x`) only
//! modules of a lower layer. This test reads src/ as text and fails on a back edge, an
//! edge between modules of one layer (they sit beside each other), or a module that has no
//! layer yet. `python3 ../shared/tools/layers.py` prints the same graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Lowest first. Modules in one row sit beside each other and may not name each other.
const LAYERS: &[&[&str]] = &[
    // Use nothing of the crate.
    &["error", "util", "template"],
    &["secret"],
    // The one HTTP client (headers, retries, redirects, limits) under sources and events.
    &["http"],
    // Wire forms, values, times, id lists, the compiled model, the diff.
    &["spec"],
    &["user"],
    &["result"],
    // Evaluation, and where payloads come from: neither knows the other.
    &["eval", "source"],
    // Events: exposures, spool, delivery.
    &["events"],
    // Many users at once: ordered parallel streams, reports.
    &["population"],
    // Assertion suites: parsing with positions, expansion, running (populations through
    // population's stream), coverage.
    &["suite"],
    // Rendering: text, tables, JSON, NDJSON records, client-initialize bytes, reports.
    &["output"],
    // Arguments → settings → library → output → exit code.
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

/// Source text of a file without its trailing `#[cfg(test)] mod …` blocks (tests may reach
/// anywhere) and without comments.
fn code_of(text: &str) -> String {
    let cut = text.find("#[cfg(test)]\nmod ").unwrap_or(text.len());
    text[..cut]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named after `crate::` in `code`, including `crate::{a, b}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim());
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// module → the modules it names.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel.iter().next().unwrap().to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if matches!(module.as_str(), "lib" | "main" | "bin") {
            continue;
        }
        // Unit tests kept in files of their own (`foo_tests.rs`) may reach anywhere.
        if f.file_stem()
            .is_some_and(|s| s.to_string_lossy().ends_with("_tests"))
        {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let names = named_modules(&code_of(&text));
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(names.into_iter().filter(|n| *n != module));
    }
    graph
}

#[test]
fn every_top_level_module_has_a_layer_and_imports_only_lower_layers() {
    let graph = import_graph();
    let mut problems = Vec::new();
    for (module, names) in &graph {
        let Some(mine) = layer_of(module) else {
            problems.push(format!(
                "src/{module} has no layer: add it to LAYERS in tests/layers.rs"
            ));
            continue;
        };
        for name in names {
            if !graph.contains_key(name) {
                continue; // not a top-level module (e.g. a macro path)
            }
            match layer_of(name) {
                Some(theirs) if theirs < mine => {}
                Some(theirs) if theirs == mine => problems.push(format!(
                    "{module} -> {name}: the two sit beside each other and may not name each other"
                )),
                _ => problems.push(format!(
                    "{module} -> {name}: a back edge (an upper layer named from a lower one)"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_plain_and_grouped_paths() {
    let code =
        "use crate::{spec::model::Spec, util};\nfn f() { crate::eval::x(); }\n// crate::cli\n";
    let names = named_modules(&code_of(code));
    let want: BTreeSet<String> = ["eval", "spec", "util"].map(String::from).into();
    assert_eq!(names, want);
}
