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

/// get-experiment and get-layer read and save sticky values as evaluate does (whose
/// results tests/sdk_differential.rs holds against the official SDK): the saved value is
/// returned with reason Persisted, and a new assignment is saved.
#[test]
fn get_experiment_and_get_layer_use_persisted_values() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    let layer_sticky = json!({"value": true, "json_value": {"p": "sticky layer"},
        "rule_id": "in_layer_test", "group_name": "Test", "secondary_exposures": [],
        "config_delegate": "exp_in_layer", "explicit_parameters": ["p"], "time": 1,
        "config_version": 1});
    std::fs::write(
        &file,
        json!({"user-0:userID": {"exp_active": sticky_test(), "sticky_layer": layer_sticky}})
            .to_string(),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let get = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend(["--specs", FIXTURE, "--email", "a@statsig.com", "--json"]);
        a.extend(["--persisted-values", f]);
        let (code, out, err) = run(&a);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str::<Json>(&out).unwrap()
    };
    let v = get(&["get-experiment", "exp_active", "--user-id", "user-0"]);
    assert_eq!(
        (&v["value"], &v["rule_id"], &v["reason"]),
        (
            &json!({"v": "sticky"}),
            &json!("active_test"),
            &json!("Persisted")
        )
    );
    let v = get(&["get-layer", "sticky_layer", "--user-id", "user-0"]);
    assert_eq!(v["value"], json!({"p": "sticky layer"}));
    assert_eq!(v["allocated_experiment_name"], json!("exp_in_layer"));
    assert_eq!(v["reason"], json!("Persisted"));
    // get-config is the SDK's get_dynamic_config: no sticky values (and no such flag).
    let (code, _, err) = run(&[
        "get-config",
        "exp_active",
        "--specs",
        FIXTURE,
        "--persisted-values",
        f,
    ]);
    assert_eq!(code, 2, "{err}");
    // user-3 has nothing saved: the live result is returned, and saved as evaluate saves it.
    for cmd in [
        ["get-experiment", "exp_active"],
        ["get-layer", "sticky_layer"],
    ] {
        let mut a = cmd.to_vec();
        a.extend(["--user-id", "user-3", "--save-persisted-values"]);
        let got = get(&a);
        assert_ne!(got["reason"], json!("Persisted"));
        let saved: Json = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        let s = &saved["user-3:userID"][cmd[1]];
        assert_eq!(s["json_value"], got["value"], "{cmd:?}: {saved}");
        assert_eq!(s["rule_id"], got["rule_id"], "{cmd:?}");
        // The next read returns it as a sticky value.
        let mut a = cmd.to_vec();
        a.extend(["--user-id", "user-3"]);
        let again = get(&a);
        assert_eq!(again["reason"], json!("Persisted"), "{cmd:?}");
        assert_eq!(again["value"], got["value"]);
    }
    // The same file read by evaluate gives the same values.
    let (_, out, err) = run(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-3",
        "--email",
        "a@statsig.com",
        "--experiment",
        "exp_active",
        "--layer",
        "sticky_layer",
        "--persisted-values",
        f,
        "--json",
    ]);
    let e: Json = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    assert_eq!(e["configs"]["exp_active"]["reason"], json!("Persisted"));
    assert_eq!(e["layers"]["sticky_layer"]["reason"], json!("Persisted"));
}
