//! The README's examples and every `--help`'s "Examples:" lines run, so neither rots.
//!
//! README: every command line starting with
//! `statsig` in a ```` ```sh ```` block runs in a folder holding the files the examples name
//! (`specs.json` is fixtures/demo_dcs.json, `old.json`/`new.json` the population fixtures,
//! `dcs.json` fixtures/sdk/param_stores.json, a few users and events...), with the server key
//! and `--api` of a loopback server standing in for Statsig's. A line passes when it exits 0
//! or 1 (a negative answer: a failed gate, specs that differ) with no `error:` on stderr.
//! The few lines that need what this machine has not (another host, a Redis server, GNU
//! parallel's output) are listed in [`NOT_HERE`] with the reason; a README line naming a
//! fixture entity that does not exist fails here. The help examples (src/cli/examples.rs)
//! name the repository's fixtures and run the same way from a folder that links them.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use support::{KEY, Server};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Lines (by a part of their text) that cannot run here, and why.
const NOT_HERE: &[(&str, &str)] = &[
    ("forward-proxy:8000", "names a host of the reader's network"),
    (
        "redis://",
        "needs a Redis server (tests/data_store.rs covers Redis)",
    ),
    (
        "part-*.json",
        "reads the parts GNU parallel wrote in the line before",
    ),
    (
        "--watch",
        "runs until stopped (tests/specs_watch.rs runs it and stops it)",
    ),
];

/// The README's shell example lines: `statsig ...` commands of ```` ```sh ```` blocks, with
/// `\` continuations joined, and the quick start's `cargo run --release --` as `statsig`.
fn example_lines(readme: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in readme.lines().enumerate() {
        let n = i + 1;
        if let Some(info) = line.strip_prefix("```") {
            in_sh = !in_sh && info.trim() == "sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let (start, mut text) = match pending.take() {
            Some((s, t)) => (s, format!("{t} {}", line.trim())),
            None => (n, line.trim().to_string()),
        };
        if let Some(cont) = text.strip_suffix('\\') {
            pending = Some((start, cont.trim_end().to_string()));
            continue;
        }
        if let Some(rest) = text.strip_prefix("cargo run --release -- ") {
            text = format!("statsig {rest}");
        }
        if text.starts_with("statsig ") {
            out.push((start, text));
        }
    }
    out
}

fn copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
}

/// The folder the examples run in.
fn sandbox(dir: &Path) {
    let fx = Path::new(ROOT).join("fixtures");
    copy(&fx.join("demo_dcs.json"), &dir.join("specs.json"));
    copy(&fx.join("population/specs.json"), &dir.join("old.json"));
    copy(
        &fx.join("population/specs_changed.json"),
        &dir.join("new.json"),
    );
    copy(&fx.join("sdk/param_stores.json"), &dir.join("dcs.json"));
    copy(&fx.join("demo_dcs.json"), &dir.join("pulled.json"));
    std::fs::write(dir.join("key"), format!("{KEY}\n")).unwrap();
    std::fs::write(dir.join("sticky.json"), "{}\n").unwrap();
    let mut users = String::new();
    for i in 0..20 {
        users.push_str(&format!(
            "{{\"userID\":\"user-{i}\",\"email\":\"u{i}@example.com\",\"custom\":{{\"level\":{i}}}}}\n"
        ));
    }
    std::fs::write(dir.join("users.ndjson"), users).unwrap();
    std::fs::write(
        dir.join("events.ndjson"),
        "{\"eventName\":\"purchase\",\"value\":9.99,\"user\":{\"userID\":\"user-1\"}}\n\
         {\"eventName\":\"view\",\"user\":{\"userID\":\"user-2\"}}\n",
    )
    .unwrap();
    // `statsig test` with no path runs the suites under the folder (they name ../demo_dcs.json).
    std::fs::create_dir(dir.join("suites")).unwrap();
    copy(&fx.join("demo_dcs.json"), &dir.join("demo_dcs.json"));
    for f in ["checkout.statsig.yaml", "internal.statsig.json"] {
        copy(&fx.join("suites").join(f), &dir.join("suites").join(f));
    }
    // The quick start names the repository's fixtures.
    std::os::unix::fs::symlink(&fx, dir.join("fixtures")).unwrap();
}

/// A loopback server that serves the demo payload (so `specs pull --out specs.json` leaves
/// the lines after it on the same specs) and takes events, and the folder to run in.
fn world() -> (Server, tempfile::TempDir) {
    let server = Server::start();
    let demo = std::fs::read(Path::new(ROOT).join("fixtures/demo_dcs.json")).unwrap();
    server.state.lock().unwrap().v2 = demo;
    let dir = tempfile::tempdir().unwrap();
    sandbox(dir.path());
    (server, dir)
}

/// Runs each `(line number, command line)` with `sh` in `dir`, the binary first on PATH;
/// returns the failures. A line passes when it exits 0 or 1 with no `error:` on stderr and
/// no warning about a name the specs do not have.
fn run_lines(lines: &[(usize, String)], dir: &Path, server: &Server, origin: &str) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin!("statsig");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for (n, line) in lines {
        if let Some((_, why)) = NOT_HERE.iter().find(|(part, _)| line.contains(part)) {
            eprintln!("{origin}:{n}: not run here ({why}): {line}");
            continue;
        }
        let started = std::time::Instant::now();
        let mut c = Command::new("sh");
        support::clean_env(&mut c);
        let o = c
            .current_dir(dir)
            .env("PATH", &path)
            .env("STATSIG_SERVER_SECRET", KEY)
            .env("STATSIG_API", server.url())
            .env("STATSIG_CACHE_DIR", dir.join(".cache"))
            .env("STATSIG_SPOOL_DIR", dir.join(".spool"))
            .args(["-c", line])
            .stdin(std::fs::File::open(dir.join("users.ndjson")).unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        eprintln!(
            "{origin}:{n}: {:.1} s: {line}",
            started.elapsed().as_secs_f64()
        );
        let code = o.status.code().unwrap_or(-1);
        // A name the specs do not have is only a warning to the tool, but a rotten example.
        let unknown = stderr.lines().any(|l| {
            l.starts_with("warning: no ") && l.contains("named")
                || l.contains("no entity of that name")
        });
        if !(code == 0 || code == 1) || stderr.lines().any(|l| l.starts_with("error:")) || unknown {
            failures.push(format!("{origin}:{n}: exit {code}: {line}\n{stderr}"));
        }
    }
    failures
}

#[test]
fn the_readme_examples_run() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let mut lines = example_lines(&readme);
    assert!(lines.len() > 40, "found only {} example lines", lines.len());
    let (server, dir) = world();
    // A data store dump for `--data-store dump.json`, written the way the README says.
    lines.insert(
        0,
        (
            0,
            "statsig specs push --data-store dump.json --specs specs.json".into(),
        ),
    );
    let failures = run_lines(&lines, dir.path(), &server, "README.md");
    assert!(
        failures.is_empty(),
        "{} of {} README lines failed:\n{}",
        failures.len(),
        lines.len(),
        failures.join("\n")
    );
}

/// Every "Examples:" line of every command's `--help`: (command path, line).
fn help_examples() -> Vec<(String, String)> {
    fn walk(c: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        for s in c.get_subcommands() {
            let p = format!("{path} {}", s.get_name()).trim().to_string();
            let after = s
                .get_after_help()
                .map(|a| a.to_string())
                .unwrap_or_default();
            if let Some(ex) = after.split("Examples:").nth(1) {
                let ex = ex.split("Exit codes:").next().unwrap_or("");
                for l in ex.lines().map(str::trim) {
                    if !l.is_empty() && !l.starts_with('#') {
                        out.push((p.clone(), l.to_string()));
                    }
                }
            }
            walk(s, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(&statsig::cli::command(), "", &mut out);
    out
}

#[test]
fn the_help_examples_run() {
    let examples = help_examples();
    assert!(
        examples.len() > 30,
        "found only {} examples",
        examples.len()
    );
    // The examples name the repository's fixtures: run them from a folder that has them.
    let (server, dir) = world();
    let mut failures = Vec::new();
    for (path, line) in &examples {
        failures.extend(run_lines(
            &[(0, line.clone())],
            dir.path(),
            &server,
            &format!("statsig {path} --help"),
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {} help examples failed:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn continuations_are_joined_and_other_blocks_ignored() {
    let md = "text\n```sh\n# a comment\nstatsig a \\\n  --b c\nexport X=1\n```\n```yaml\nstatsig no\n```\n```sh\ncargo run --release -- d\n```\n";
    assert_eq!(
        example_lines(md),
        [
            (4, "statsig a --b c".to_string()),
            (12, "statsig d".to_string())
        ]
    );
}
