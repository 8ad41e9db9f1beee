//! The official JS client accepts `statsig client-init` payloads: runs tests/js/bootstrap_test.mjs
//! (the CLI's payloads loaded into @statsig/js-client through setData + initializeSync, every
//! value compared with `statsig evaluate`). Skips with a notice when node, tests/js/node_modules
//! (`npm ci` in tests/js) or the shared conformance data are absent.

use std::path::Path;
use std::process::Command;

/// Skips with a notice, unless CI asked for every test to run (`STATSIG_REQUIRE_ALL_TESTS`).
fn skip(why: String) {
    if std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_some() {
        panic!("cannot skip under STATSIG_REQUIRE_ALL_TESTS: {why}");
    }
    eprintln!("SKIPPED (js client test): {why}");
}

#[test]
fn js_client_bootstraps_from_client_init_payloads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let js = root.join("tests/js");
    let conformance = root.join("../shared/conformance");
    if Command::new("node").arg("--version").output().is_err() {
        skip("node is not installed".into());
        return;
    }
    if !js.join("node_modules/@statsig/js-client").exists() {
        skip(format!("run `npm ci` in {}", js.display()));
        return;
    }
    if !conformance.is_dir() {
        skip(format!("no {}", conformance.display()));
        return;
    }
    let out = Command::new("node")
        .current_dir(&js)
        .arg("bootstrap_test.mjs")
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_statsig"))
        .arg("--conformance")
        .arg(&conformance)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "js-client bootstrap test failed:\n{stdout}\n{stderr}"
    );
}

/// The README's SSR recipe: a payload made for exactly the browser's user (stableID and
/// environment included) gives the plain reason `Bootstrap` (tests/js/bootstrap_reason_test.mjs,
/// which also checks that mismatched users get the Partial/StableID reasons).
#[test]
fn js_client_reports_plain_bootstrap_for_the_same_user() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let js = root.join("tests/js");
    if Command::new("node").arg("--version").output().is_err() {
        skip("node is not installed".into());
        return;
    }
    if !js.join("node_modules/@statsig/js-client").exists() {
        skip(format!("run `npm ci` in {}", js.display()));
        return;
    }
    let out = Command::new("node")
        .current_dir(&js)
        .arg("bootstrap_reason_test.mjs")
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_statsig"))
        .arg("--specs")
        .arg(root.join("fixtures/demo_dcs.json"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "js-client bootstrap reason test failed:\n{stdout}\n{stderr}"
    );
}
