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
