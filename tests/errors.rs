//! Errors: one line naming the input (with FILE:LINE:COL where there is one) and the exit
//! code its kind decides — 2 for anything given to the tool, 3 for the network, 70 for a bug.

mod support;

use predicates::prelude::*;
use support::{FIXTURE, statsig};

#[test]
fn a_json_syntax_error_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3, column 3 is the `x` (counted by hand).
    let specs = dir.path().join("specs.json");
    std::fs::write(&specs, "{\n  \"feature_gates\": [\n  x]}").unwrap();
    let want = format!(
        "error: {}:3:3: not valid JSON: expected value\n",
        specs.display()
    );
    statsig()
        .args(["check-gate", "g", "--user-id", "1", "--specs"])
        .arg(&specs)
        .assert()
        .code(2)
        .stdout("")
        .stderr(want);
    // The same for an overrides file (line 2, column 13: the `}` after the trailing comma).
    let over = dir.path().join("overrides.json");
    std::fs::write(&over, "{\"gates\":\n {\"a\": true,}}").unwrap();
    let want = format!(
        "error: {}:2:13: not valid JSON: trailing comma\n",
        over.display()
    );
    statsig()
        .args([
            "check-gate",
            "g",
            "--user-id",
            "1",
            "--specs",
            FIXTURE,
            "--overrides",
        ])
        .arg(&over)
        .assert()
        .code(2)
        .stderr(want);
}

#[test]
fn usage_errors_exit_2_before_any_work() {
    statsig()
        .args(["client-init", "--format", "csv", "--specs", "/no/such/file"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: --format csv: client-init prints json, ndjson",
        ));
}
