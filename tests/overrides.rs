//! Overrides from flags and files: precedence per user (userID, then customIDs, then
//! everyone), flags over the file, experiment groups by name, YAML files, and client-init.

mod support;

use support::statsig;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo_dcs.json");

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = statsig()
        .args(args)
        .args(["--specs", FIXTURE, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn user_id_beats_custom_id_beats_everyone() {
    let flags = [
        "--override-gate",
        "canada_promo=true",
        "--override-gate",
        "canada_promo@acme=false",
        "--override-gate",
        "canada_promo@u1=true",
    ];
    let gate = |user: &str| {
        let mut a = vec!["check-gate", "canada_promo", "--user", user];
        a.extend_from_slice(&flags);
        json_of(&a)
    };
    // userID u1 has its own entry, although its company has another.
    let v = gate(r#"{"userID":"u1","customIDs":{"companyID":"acme"}}"#);
    assert_eq!(
        (v["value"].as_bool(), v["rule_id"].as_str()),
        (Some(true), Some("override"))
    );
    assert_eq!(v["reason"], "Bootstrap:LocalOverride");
    // No userID entry: the custom id's.
    let v = gate(r#"{"userID":"u2","customIDs":{"companyID":"acme"}}"#);
    assert_eq!(v["value"], false);
    assert_eq!(v["rule_id"], "override");
    // Neither: the one for everyone.
    let v = gate(r#"{"userID":"u3"}"#);
    assert_eq!(v["value"], true);
    assert_eq!(v["rule_id"], "override");
    // Without the flags the rules decide (US is not Canada).
    let v = json_of(&["check-gate", "canada_promo", "--user-id", "u3"]);
    assert_eq!(v["value"], false);
    assert_ne!(v["rule_id"], "override");
}

#[test]
fn flags_win_over_the_file_and_yaml_files_work() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("o.yaml");
    std::fs::write(
        &yaml,
        "gates:\n  canada_promo: true\nconfigs:\n  pricing:\n    u9: {discount: 99}\n",
    )
    .unwrap();
    let y = yaml.to_str().unwrap();
    let v = json_of(&[
        "check-gate",
        "canada_promo",
        "--user-id",
        "u",
        "--overrides",
        y,
    ]);
    assert_eq!(v["value"], true);
    let v = json_of(&[
        "check-gate",
        "canada_promo",
        "--user-id",
        "u",
        "--overrides",
        y,
        "--override-gate",
        "canada_promo=false",
    ]);
    assert_eq!(v["value"], false);
    let v = json_of(&["get-config", "pricing", "--user-id", "u9", "--overrides", y]);
    assert_eq!(v["value"], serde_json::json!({"discount": 99}));
    assert_eq!(v["rule_id"], "override");

    std::fs::write(&yaml, "gates:\n  canada_promo: [true\n").unwrap();
    let out = statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
        ])
        .args(["--overrides", y])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{y}:")),
        "FILE:LINE:COL expected: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn experiment_groups_by_name_and_values() {
    let v = json_of(&[
        "get-experiment",
        "checkout_button",
        "--user-id",
        "42",
        "--override-experiment",
        "checkout_button=Test",
    ]);
    // The Test group's value in the fixture.
    assert_eq!(
        v["value"],
        serde_json::json!({"button_color": "green", "button_text": "Buy", "show_reviews": true})
    );
    assert_eq!(v["reason"], "Bootstrap:LocalOverride");
    let v = json_of(&[
        "get-experiment",
        "checkout_button",
        "--user-id",
        "42",
        "--override-experiment",
        r#"checkout_button@42={"button_color":"red"}"#,
    ]);
    assert_eq!(v["value"], serde_json::json!({"button_color": "red"}));
    let out = statsig()
        .args([
            "get-experiment",
            "checkout_button",
            "--specs",
            FIXTURE,
            "--user-id",
            "1",
        ])
        .args(["--override-experiment", "checkout_button=Tset"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no group \"Tset\" (groups: Control, Test)"),
        "{err}"
    );
}

#[test]
fn bad_flags_are_one_clear_line() {
    for (flag, value, says) in [
        ("--override-gate", "g=maybe", "true or false"),
        ("--override-gate", "g", "NAME=VALUE"),
        ("--override-config", "c=[1]", "JSON object"),
        ("--override-layer", "l@=1", "empty"),
    ] {
        let out = statsig()
            .args(["check-gate", "g", "--specs", FIXTURE, flag, value])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{flag} {value}: {err}");
    }
}

#[test]
fn client_init_includes_flag_overrides_only_when_asked() {
    let run = |extra: &[&str]| {
        let out = statsig()
            .args([
                "client-init",
                "--specs",
                FIXTURE,
                "--user-id",
                "42",
                "--hash",
                "none",
            ])
            .args(["--override-gate", "new_checkout=false"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["feature_gates"]["new_checkout"].clone(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (gate, err) = run(&[]);
    assert!(err.contains("not applied to client-init without --include-local-overrides"));
    assert_ne!(gate["rule_id"], "override");
    let (gate, _) = run(&["--include-local-overrides"]);
    assert_eq!(gate["value"], false);
    assert_eq!(gate["rule_id"], "override");
}

/// Experiment overrides are the core's `override_experiment[_by_group_name]`: they apply to
/// get-experiment and to a layer delegating to the experiment (rule `override`, no group
/// name, reason LocalOverride), not to get-config, which is `get_dynamic_config`. Values as
/// statsig-python-core 0.24 gives them for fixtures/demo_dcs.json (user 5 is allocated to
/// checkout_button through checkout_layer, in Control).
#[test]
fn experiment_overrides_apply_where_the_sdk_reads_an_experiment() {
    let group = ["--override-experiment", "checkout_button=Test"];
    let test_value =
        serde_json::json!({"button_color": "green", "button_text": "Buy", "show_reviews": true});
    let mut a = vec!["get-experiment", "checkout_button", "--user-id", "5"];
    a.extend_from_slice(&group);
    let v = json_of(&a);
    assert_eq!(v["value"], test_value);
    assert_eq!(v["rule_id"], "override");
    assert_eq!(v["group_name"], serde_json::Value::Null);
    assert_eq!(v["reason"], "Bootstrap:LocalOverride");
    // get-config reads the experiment as a dynamic config: the group override is not used.
    let mut a = vec!["get-config", "checkout_button", "--user-id", "5"];
    a.extend_from_slice(&group);
    let v = json_of(&a);
    assert_eq!(v["rule_id"], "control");
    assert_eq!(v["reason"], "Bootstrap:Recognized");
    // The layer delegating to the experiment takes the override.
    let mut a = vec!["get-layer", "checkout_layer", "--user-id", "5"];
    a.extend_from_slice(&group);
    let v = json_of(&a);
    assert_eq!(v["value"], test_value);
    assert_eq!(v["rule_id"], "override");
    assert_eq!(v["allocated_experiment_name"], "checkout_button");
    // A value override, per user, in the layer too.
    let v = json_of(&[
        "get-layer",
        "checkout_layer",
        "--user-id",
        "5",
        "--override-experiment",
        r#"checkout_button@5={"button_color":"red"}"#,
    ]);
    assert_eq!(v["value"], serde_json::json!({"button_color": "red"}));
    assert_eq!(v["allocated_experiment_name"], "checkout_button");
}

/// A dynamic config override is not an experiment override: get-experiment and layers
/// ignore it, and naming an experiment with it warns.
#[test]
fn config_overrides_of_experiments_warn_and_apply_only_to_get_config() {
    let flag = [
        "--override-config",
        r#"checkout_button={"button_color":"red"}"#,
    ];
    let run = |cmd: &str| {
        let out = statsig()
            .args([
                cmd,
                "checkout_button",
                "--user-id",
                "5",
                "--specs",
                FIXTURE,
                "--json",
            ])
            .args(flag)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (v, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (v, err) = run("get-config");
    assert_eq!(v["value"], serde_json::json!({"button_color": "red"}));
    assert!(
        err.contains(
            "warning: the dynamic config override of \"checkout_button\" applies only to get-config"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (v, _) = run("get-experiment");
    assert_eq!(v["rule_id"], "control");
}
