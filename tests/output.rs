//! The output switch shared by every command that prints results: `--format`, its `--json`
//! alias, `--color`/NO_COLOR, and `-q/--quiet`.

mod support;

use predicates::prelude::*;
use support::{FIXTURE, statsig};

#[test]
fn quiet_silences_warnings_but_not_errors() {
    // Without -q the unknown gate is a warning; with it (anywhere on the line) stderr is empty.
    statsig()
        .args([
            "check-gate",
            "no_such_gate",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
        ])
        .assert()
        .success()
        .stdout("false\n")
        .stderr(predicate::str::starts_with("warning: no gate"));
    for args in [
        &["-q", "check-gate", "no_such_gate"][..],
        &["check-gate", "no_such_gate", "--quiet"][..],
    ] {
        statsig()
            .args(args)
            .args(["--specs", FIXTURE, "--user-id", "1"])
            .assert()
            .success()
            .stdout("false\n")
            .stderr("");
    }
    // An error still shows.
    statsig()
        .args(["-q", "check-gate", "no_such_gate", "--strict"])
        .args(["--specs", FIXTURE, "--user-id", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: "));
}

#[test]
fn a_format_a_command_does_not_offer_is_a_usage_error() {
    statsig()
        .args([
            "specs", "show", "x", "--format", "junit", "--specs", FIXTURE,
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--format junit: specs show prints",
        ));
    // --json and --format together are a usage error too.
    statsig()
        .args([
            "specs", "list", "--json", "--format", "table", "--specs", FIXTURE,
        ])
        .assert()
        .code(2)
        .stdout("");
}

const SPECS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/population/specs.json"
);
const CHANGED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/population/specs_changed.json"
);
const STORES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/sdk/param_stores.json"
);

/// stdout of a run that must succeed (or, for `test` and `specs diff`, exit 1), run from the
/// repository so paths in the output are relative.
fn out(args: &[&str]) -> String {
    let o = statsig()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn users_file(dir: &std::path::Path) -> String {
    let p = dir.join("users.ndjson");
    std::fs::write(
        &p,
        "{\"userID\":\"a\"}\n{\"userID\":\"b\",\"email\":\"b@statsig.com\"}\n{\"userID\":\"c\",\"country\":\"CA\"}\n",
    )
    .unwrap();
    p.to_str().unwrap().to_string()
}

/// Every command that prints results has a CSV, a Markdown and (but for a stream of users)
/// a table form: their shapes.
#[test]
fn every_result_command_has_csv_markdown_and_a_table() {
    let tmp = tempfile::tempdir().unwrap();
    let users = users_file(tmp.path());
    let one = ["--specs", FIXTURE, "--user-id", "1"];
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "check_gate",
            [&["check-gate", "new_checkout"][..], &one].concat(),
        ),
        (
            "get_config_field",
            [&["get-config", "pricing", "--field", "plans"][..], &one].concat(),
        ),
        (
            "get_experiment",
            [&["get-experiment", "checkout_button"][..], &one].concat(),
        ),
        (
            "get_layer_param",
            [&["get-layer", "checkout_layer", "button_color"][..], &one].concat(),
        ),
        (
            "get_param_store",
            vec![
                "get-param-store",
                "every_kind",
                "--specs",
                STORES,
                "--user-id",
                "u",
            ],
        ),
        (
            "evaluate_one",
            [
                &["evaluate", "--gate", "new_checkout", "--config", "pricing"][..],
                &one,
            ]
            .concat(),
        ),
        (
            "evaluate_users",
            vec![
                "evaluate",
                "--specs",
                FIXTURE,
                "--users",
                &users,
                "--gate",
                "new_checkout",
                "--layer",
                "checkout_layer",
            ],
        ),
        (
            "report",
            vec!["report", "--specs", SPECS, "--users", &users, "--jobs", "1"],
        ),
        (
            "impact",
            vec!["impact", SPECS, CHANGED, "--users", &users, "--jobs", "1"],
        ),
        ("test", vec!["test", "fixtures/suites_failing"]),
        ("specs_list", vec!["specs", "list", "--specs", FIXTURE]),
        (
            "specs_show",
            vec!["specs", "show", "new_checkout", "--specs", FIXTURE],
        ),
        (
            "specs_show_store",
            vec!["specs", "show", "every_kind", "--specs", STORES],
        ),
        // A spool folder that does not exist: every count is 0.
        (
            "events_status",
            vec!["events", "status", "--spool", "target/no-such-spool"],
        ),
        ("specs_diff", vec!["specs", "diff", SPECS, CHANGED]),
    ];
    for (name, args) in &cases {
        for format in ["csv", "markdown", "table"] {
            // A stream of users is written as it is evaluated: rows, never one table.
            if *name == "evaluate_users" && format == "table" {
                continue;
            }
            let text = out(&[&args[..], &["--format", format]].concat());
            assert!(!text.is_empty(), "{name} {format}: empty");
            insta::assert_snapshot!(format!("{name}_{format}"), text);
        }
    }
}

#[test]
fn test_prints_junit_on_stdout() {
    let text = out(&["test", "fixtures/suites_failing", "--format", "junit"]);
    // Durations vary: the shape without them.
    let re = blank_times(&text);
    insta::assert_snapshot!("test_junit", re);
}

/// `time="…"` attributes blanked.
fn blank_times(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("time=\"") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let end = rest.find('"').unwrap();
        out.push('T');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Runs the binary on a pseudo-terminal (util-linux `script`), with `env` set, and returns
/// what the terminal showed.
fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin!("statsig");
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(bin.to_str().unwrap());
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    let mut c = std::process::Command::new("script");
    support::clean_env(&mut c);
    c.env_remove("NO_COLOR");
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["-qec", &line, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs commands on a pseudo-terminal");
    String::from_utf8(o.stdout).unwrap()
}

const ESC: &str = "\x1b[";

#[test]
fn colour_on_a_terminal_only() {
    let gate = [
        "check-gate",
        "new_checkout",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
    ];
    // A terminal: true in green (SGR 32), false in red (31).
    assert_eq!(on_terminal(&gate, &[]), "\x1b[32mtrue\x1b[0m\r\n");
    let off = [
        "check-gate",
        "new_checkout",
        "--specs",
        FIXTURE,
        "--user-id",
        "2",
    ];
    assert!(on_terminal(&off, &[]).starts_with("\x1b[31mfalse"));
    // NO_COLOR (any non-empty value) or --color never: no escape code on a terminal.
    assert_eq!(on_terminal(&gate, &[("NO_COLOR", "1")]), "true\r\n");
    let never = [&gate[..], &["--color", "never"]].concat();
    assert_eq!(on_terminal(&never, &[]), "true\r\n");
    // Piped: none, unless --color always.
    statsig().args(gate).assert().success().stdout("true\n");
    statsig()
        .args(gate)
        .args(["--color", "always"])
        .assert()
        .success()
        .stdout("\x1b[32mtrue\x1b[0m\n");
}

#[test]
fn tables_and_diffs_are_coloured_on_a_terminal() {
    // Table headers bold (SGR 1), booleans coloured.
    let table = on_terminal(
        &[
            "evaluate",
            "--gate",
            "new_checkout",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
        ],
        &[],
    );
    assert!(table.contains("\x1b[1m kind "), "{table:?}");
    assert!(table.contains("\x1b[38;5;10m true "), "{table:?}");
    let plain = on_terminal(
        &[
            "evaluate",
            "--gate",
            "new_checkout",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
        ],
        &[("NO_COLOR", "1")],
    );
    assert!(!plain.contains(ESC) && plain.contains("kind"), "{plain:?}");
    // specs diff: ~ lines yellow (33); + green and - red likewise.
    let diff = on_terminal(&["specs", "diff", SPECS, CHANGED], &[]);
    assert!(
        diff.contains("\x1b[33m~ gate rollout_gate\x1b[0m"),
        "{diff:?}"
    );
    let diff = on_terminal(&["specs", "diff", SPECS, CHANGED, "--color", "never"], &[]);
    assert!(
        diff.contains("~ gate rollout_gate") && !diff.contains(ESC),
        "{diff:?}"
    );
    // test: ✓ green, ✗ red.
    let suite = on_terminal(&["test", "fixtures/suites_failing"], &[]);
    assert!(
        suite.contains("\x1b[32m✓\x1b[0m this one passes"),
        "{suite:?}"
    );
    assert!(suite.contains("\x1b[31m✗\x1b[0m wrong value"), "{suite:?}");
    // report's tables: bold headers like every table.
    let report = on_terminal(
        &[
            "report",
            "--specs",
            SPECS,
            "--generate",
            "3",
            "--user",
            "{\"userID\":\"u${i}\"}",
        ],
        &[],
    );
    assert!(report.contains("\x1b[1m gate "), "{report:?}");
    // Piped, every format is free of escape codes.
    for f in ["text", "table", "csv", "markdown", "json"] {
        let o = out(&["specs", "diff", SPECS, CHANGED, "--format", f]);
        assert!(!o.contains(ESC), "{f}: {o:?}");
    }
}
