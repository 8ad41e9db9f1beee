//! `statsig client-init`: the real binary on the repo's fixture and small specs written here.

mod support;

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value as Json;
use support::*;

fn json_of(args: &[&str]) -> Json {
    let out = statsig().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

fn keys(v: &Json) -> Vec<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

/// Specs with target apps: two keyed apps, gates for each and one for no app.
const APPS: &str = r#"{"time":7,"app_id":"dcs_app",
  "sdk_keys_to_app_ids":{"client-web":"web","client-orphan":null},
  "feature_gates":[
    {"name":"web_gate","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
     "defaultValue":false,"idType":"userID","rules":[],"targetAppIDs":["web"]},
    {"name":"ios_gate","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
     "defaultValue":false,"idType":"userID","rules":[],"targetAppIDs":["ios"]},
    {"name":"no_app_gate","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
     "defaultValue":false,"idType":"userID","rules":[]}],
  "dynamic_configs":[],"layer_configs":[]}"#;

fn apps_specs(dir: &Path) -> String {
    let p = dir.join("apps.json");
    std::fs::write(&p, APPS).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn default_payload_is_djb2_and_hides_segments_and_holdouts() {
    let v = json_of(&["client-init", "--specs", FIXTURE, "--user-id", "42"]);
    assert_eq!(v["hash_used"], "djb2");
    assert_eq!(v["has_updates"], true);
    let gates = keys(&v["feature_gates"]);
    assert_eq!(gates.len(), 4, "{gates:?}");
    assert!(gates.iter().all(|k| k.parse::<u32>().is_ok()), "{gates:?}");
    for (_, g) in v["feature_gates"].as_object().unwrap() {
        assert!(g["value"].is_boolean());
        assert!(g["secondary_exposures"].is_array());
    }
    assert_eq!(keys(&v["dynamic_configs"]).len(), 2);
    assert_eq!(keys(&v["layer_configs"]).len(), 1);
    assert_eq!(v["user"]["userID"], "42");
    assert_eq!(v["user"]["statsigEnvironment"]["tier"], "production");
    assert_eq!(v["evaluated_keys"]["userID"], "42");
    assert!(v["time"].is_i64());
    assert!(v["sdkInfo"]["sessionId"].is_string());
    assert!(v["param_stores"].is_object());
}

#[test]
fn hash_none_and_sha256_shape_names() {
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--hash",
        "none",
    ]);
    assert_eq!(v["hash_used"], "none");
    assert_eq!(v["feature_gates"]["new_checkout"]["name"], "new_checkout");
    assert!(v["feature_gates"].get("segment:employees").is_none());
    assert!(v["feature_gates"].get("global_holdout").is_none());
    assert!(v["dynamic_configs"]["checkout_button"].is_object());
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--hash",
        "sha256",
    ]);
    assert_eq!(v["hash_used"], "sha256");
    for k in keys(&v["feature_gates"]) {
        assert_eq!(k.len(), 44, "{k}");
        assert!(k.ends_with('='), "{k}");
    }
}

#[test]
fn entity_filters_select_per_entity_type() {
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--hash",
        "none",
        "--gate",
        "new_checkout",
        "--layer",
        "nope",
    ]);
    assert_eq!(keys(&v["feature_gates"]), ["new_checkout"]);
    assert!(keys(&v["layer_configs"]).is_empty());
    // Configs are not filtered by a gate filter.
    assert_eq!(keys(&v["dynamic_configs"]).len(), 2);
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--hash",
        "none",
        "--experiment",
        "checkout_button",
    ]);
    assert_eq!(keys(&v["dynamic_configs"]), ["pricing", "checkout_button"]);
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--hash",
        "none",
        "--config",
        "pricing",
        "--experiment",
        "none_such",
    ]);
    assert_eq!(keys(&v["dynamic_configs"]), ["pricing"]);
    statsig()
        .args([
            "client-init",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
            "--gate",
            "nope",
            "--strict",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown feature gate \"nope\""));
}

#[test]
fn target_app_filtering_by_client_key_and_app_id() {
    let dir = tempfile::tempdir().unwrap();
    let specs = apps_specs(dir.path());
    let base = [
        "client-init",
        "--specs",
        &specs,
        "--user-id",
        "1",
        "--hash",
        "none",
    ];
    let all = json_of(&base);
    assert_eq!(
        keys(&all["feature_gates"]),
        ["web_gate", "ios_gate", "no_app_gate"]
    );
    let mut args = base.to_vec();
    args.extend(["--client-key", "client-web"]);
    assert_eq!(keys(&json_of(&args)["feature_gates"]), ["web_gate"]);
    let mut args = base.to_vec();
    args.extend(["--target-app-id", "ios", "--client-key", "client-web"]);
    assert_eq!(keys(&json_of(&args)["feature_gates"]), ["ios_gate"]);
}

#[test]
fn client_key_without_app_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let specs = apps_specs(dir.path());
    for key in ["client-orphan", "client-unknown"] {
        statsig()
            .args([
                "client-init",
                "--specs",
                &specs,
                "--user-id",
                "1",
                "--client-key",
                key,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("maps to no app"));
    }
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    statsig()
        .args([
            "client-init",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
            "--hash",
            "md5",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("md5"));
    statsig()
        .args(["client-init", "--specs", FIXTURE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no user given"));
    statsig()
        .args(["client-init", "--specs", FIXTURE, "--user", "[1]"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must be a JSON object"));
}

#[test]
fn user_without_ids_gets_the_sdk_payload_and_a_warning() {
    let out = statsig()
        .args([
            "client-init",
            "--specs",
            FIXTURE,
            "--email",
            "a@b.c",
            "--hash",
            "none",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no userID and no customIDs"), "{stderr}");
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["user"]["userID"], "");
    assert_eq!(v["user"]["email"], "a@b.c");
    assert_eq!(v["evaluated_keys"], serde_json::json!({}));
}

#[test]
fn private_attributes_are_never_echoed() {
    let v = json_of(&[
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
        "--private",
        "ssn=123",
    ]);
    assert!(v["user"].get("privateAttributes").is_none());
    assert!(v["pa_hash"].is_string());
}

#[test]
fn users_file_gives_one_line_per_user_and_reports_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(
        &users,
        "{\"userID\":\"a\"}\n\n{\"userID\":\"b\"}\nnot json\n",
    )
    .unwrap();
    let users = users.to_string_lossy().into_owned();
    statsig()
        .args(["client-init", "--specs", FIXTURE, "--users", &users])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("users.ndjson:4"));
    let out = statsig()
        .args([
            "client-init",
            "--specs",
            FIXTURE,
            "--users",
            &users,
            "--keep-going",
        ])
        .output()
        .unwrap();
    // The good lines are written; the skipped one makes the exit code 2.
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Json> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["user"]["userID"], "a");
    assert_eq!(lines[1]["user"]["userID"], "b");
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped"));
    // stdin works too.
    statsig()
        .args(["client-init", "--specs", FIXTURE, "--users", "-"])
        .write_stdin("{\"userID\":\"c\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"userID\":\"c\""));
}

#[test]
fn out_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("payload.json");
    let d = dest.to_string_lossy().into_owned();
    statsig()
        .args([
            "client-init",
            "--specs",
            FIXTURE,
            "--user-id",
            "7",
            "--out",
            &d,
        ])
        .assert()
        .success()
        .stdout("");
    let v: Json = serde_json::from_slice(&std::fs::read(&dest).unwrap()).unwrap();
    assert_eq!(v["user"]["userID"], "7");
    let names = || -> Vec<String> {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(), ["payload.json"]);

    // A failing batch leaves the previous file untouched and no temp file behind.
    let users = dir.path().join("bad.ndjson");
    std::fs::write(&users, "{\"userID\":\"x\"}\n{oops\n").unwrap();
    statsig()
        .args(["client-init", "--specs", FIXTURE, "--out", &d])
        .arg("--users")
        .arg(&users)
        .assert()
        .code(2);
    let v: Json = serde_json::from_slice(&std::fs::read(&dest).unwrap()).unwrap();
    assert_eq!(v["user"]["userID"], "7");
    let mut left = names();
    left.sort();
    assert_eq!(left, ["bad.ndjson", "payload.json"]);
}

#[test]
fn unwritable_out_dir_is_exit_2_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    // Missing folders are made (tests/reliability.rs); a file where a folder should be
    // cannot be, even as root.
    std::fs::write(dir.path().join("no"), "a file").unwrap();
    let missing = dir.path().join("no/such/dir/payload.json");
    statsig()
        .args(["client-init", "--specs", FIXTURE, "--user-id", "7", "--out"])
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("payload.json"));
    assert!(!missing.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn local_overrides_only_with_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let ov = dir.path().join("ov.json");
    std::fs::write(&ov, r#"{"gates":{"canada_promo":true}}"#).unwrap();
    let ov = ov.to_string_lossy().into_owned();
    let base = [
        "client-init",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
        "--hash",
        "none",
        "--overrides",
        &ov,
    ];
    let off = json_of(&base);
    assert_eq!(off["feature_gates"]["canada_promo"]["value"], false);
    let mut args = base.to_vec();
    args.push("--include-local-overrides");
    let on = json_of(&args);
    assert_eq!(on["feature_gates"]["canada_promo"]["value"], true);
    assert_eq!(on["feature_gates"]["canada_promo"]["rule_id"], "override");
}
