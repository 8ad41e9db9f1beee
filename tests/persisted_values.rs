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
