//! `--persisted-values`: sticky assignments for get-experiment, get-layer and evaluate, on
//! fixtures/sdk/sticky_and_layers.json. Expected values are read off the fixture by hand:
//! user-0 has an @statsig.com email (passes targeting); exp_active's active_test group
//! returns {"v":"test"}; exp_inactive is not active.

mod support;

use serde_json::{Value as Json, json};
use support::statsig;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/sdk/sticky_and_layers.json"
);

fn run(args: &[&str]) -> (i32, String, String) {
    let o = statsig().args(args).output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn sticky_test() -> Json {
    json!({"value": true, "json_value": {"v": "sticky"}, "rule_id": "active_test",
           "group_name": "Test", "secondary_exposures": [], "time": 1, "configVersion": 9})
}

#[test]
fn a_saved_assignment_is_returned_with_reason_persisted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(
        &file,
        json!({"user-0:userID": {"exp_active": sticky_test(), "exp_inactive": sticky_test()}})
            .to_string(),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let get = |name: &str| {
        let (code, out, err) = run(&[
            "get-experiment",
            name,
            "--specs",
            FIXTURE,
            "--user",
            r#"{"userID":"user-0","email":"a@statsig.com"}"#,
            "--persisted-values",
            f,
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Json>(&out).unwrap()
    };
    let v = get("exp_active");
    assert_eq!(v["value"], json!({"v": "sticky"}));
    assert_eq!(v["reason"], json!("Persisted"));
    assert_eq!(v["group_name"], json!("Test"));
    // An inactive experiment: the live value; nothing written without --save.
    let v = get("exp_inactive");
    assert_ne!(v["reason"], json!("Persisted"));
    let kept: Json = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(kept["user-0:userID"]["exp_inactive"].is_object());
}

#[test]
fn save_writes_new_assignments_and_drops_inactive_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(
        &file,
        json!({"user-0:userID": {"exp_inactive": sticky_test()}}).to_string(),
    )
    .unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(
        &users,
        "{\"userID\":\"user-0\",\"email\":\"a@statsig.com\"}\n{\"userID\":\"user-1\"}\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--users",
        users.to_str().unwrap(),
        "--experiment",
        "exp_active",
        "--experiment",
        "exp_inactive",
        "--persisted-values",
        file.to_str().unwrap(),
        "--save-persisted-values",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 2);
    let saved: Json = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    // user-0 passes targeting and lands in a group: saved; exp_inactive: deleted.
    let s = &saved["user-0:userID"]["exp_active"];
    assert_eq!(s["value"], json!(true));
    assert_eq!(s["config_version"], json!(3));
    assert_eq!(s["time"], json!(1_700_000_000_000u64));
    assert!(saved["user-0:userID"].get("exp_inactive").is_none());
    // user-1 fails targeting: not in a group, nothing saved.
    assert!(saved.get("user-1:userID").is_none(), "{saved}");
    // A second run returns what the first saved.
    let (_, out, _) = run(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--users",
        users.to_str().unwrap(),
        "--experiment",
        "exp_active",
        "--persisted-values",
        file.to_str().unwrap(),
    ]);
    let first: Json = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["configs"]["exp_active"]["reason"], json!("Persisted"));
    // No temporary files are left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_bad_file_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(
        &file,
        r#"{"user-0:userID": {"exp_active": {"value": "yes"}}}"#,
    )
    .unwrap();
    let (code, out, err) = run(&[
        "get-experiment",
        "exp_active",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-0",
        "--persisted-values",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("p.json: \"user-0:userID\".\"exp_active\": value must be true or false"),
        "{err}"
    );
    // Missing without --save: an error; with --save: starts empty.
    let missing = dir.path().join("none.json");
    let (code, _, err) = run(&[
        "get-experiment",
        "exp_active",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-0",
        "--persisted-values",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&[
        "get-experiment",
        "exp_active",
        "--specs",
        FIXTURE,
        "--user",
        r#"{"userID":"user-0","email":"a@statsig.com"}"#,
        "--persisted-values",
        missing.to_str().unwrap(),
        "--save-persisted-values",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(missing.exists());
    let (code, _, err) = run(&[
        "get-experiment",
        "exp_active",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
        "--enforce-targeting",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--persisted-values"), "{err}");
}

#[test]
fn layers_are_sticky_through_their_experiment() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    let mut layer = sticky_test();
    layer["json_value"] = json!({"p": "sticky"});
    layer["config_delegate"] = json!("exp_in_layer");
    std::fs::write(
        &file,
        json!({"user-0:userID": {"sticky_layer": layer}}).to_string(),
    )
    .unwrap();
    let (code, out, err) = run(&[
        "get-layer",
        "sticky_layer",
        "p",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-0",
        "--persisted-values",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "\"sticky\"\n");
    // user-0 without its email fails exp_in_layer's targeting: enforced, the live value.
    let (_, out, _) = run(&[
        "get-layer",
        "sticky_layer",
        "p",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-0",
        "--persisted-values",
        file.to_str().unwrap(),
        "--enforce-targeting",
    ]);
    assert_eq!(out, "\"layer default\"\n");
}
