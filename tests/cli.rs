//! CLI behaviour: the real binary on the repo's own fixture and on the shared specs.

mod support;

use predicates::prelude::*;
use support::*;

fn stdout_of(args: &[&str]) -> String {
    let out = statsig().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn check_gate_prints_true_or_false() {
    statsig()
        .args(["check-gate", "new_checkout", "--specs", FIXTURE])
        .args(["--user-id", "42", "--email", "dev@example.com"])
        .assert()
        .success()
        .stdout("true\n");
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--specs",
            FIXTURE,
            "--user-id",
            "42",
        ])
        .assert()
        .success()
        .stdout("false\n");
}

#[test]
fn check_gate_exit_code_follows_the_answer() {
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--exit-code",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "1", "--ip", "24.114.0.1"])
        .assert()
        .code(0);
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--exit-code",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "1", "--country", "US"])
        .assert()
        .code(1);
}

#[test]
fn json_result_shape() {
    let out = stdout_of(&[
        "check-gate",
        "new_checkout",
        "--json",
        "--specs",
        FIXTURE,
        "--user-id",
        "42",
        "--email",
        "dev@example.com",
    ]);
    insta::assert_snapshot!("check_gate_json", out);
    let out = stdout_of(&[
        "get-layer",
        "checkout_layer",
        "button_color",
        "--json",
        "--specs",
        FIXTURE,
        "--user-id",
        "7",
    ]);
    insta::assert_snapshot!("get_layer_json", out);
}

#[test]
fn get_config_and_experiment_print_pretty_values() {
    let out = stdout_of(&[
        "get-config",
        "pricing",
        "--specs",
        FIXTURE,
        "--user-id",
        "9",
        "--custom",
        "level=12",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["discount"], 15, "--custom level=12 is the number 12");
    let out = stdout_of(&[
        "get-config",
        "pricing",
        "--specs",
        FIXTURE,
        "--user-id",
        "9",
        "--custom",
        "level=\"12\"",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["discount"], 15, "numeric strings compare as numbers too");
    let out = stdout_of(&[
        "get-experiment",
        "checkout_button",
        "--specs",
        FIXTURE,
        "--user-id",
        "7",
    ]);
    assert!(out.contains("\"button_color\""), "{out}");
    assert!(
        out.contains('\n') && out.lines().count() > 2,
        "pretty-printed: {out}"
    );
}

#[test]
fn get_layer_param() {
    statsig()
        .args([
            "get-layer",
            "checkout_layer",
            "show_reviews",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "1"])
        .assert()
        .success()
        .stdout("false\n");
}

#[test]
fn unknown_names_warn_and_strict_fails() {
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
        .stderr(predicate::str::contains("Unrecognized"));
    statsig()
        .args(["check-gate", "no_such_gate", "--strict", "--specs", FIXTURE])
        .args(["--user-id", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no_such_gate"));
}

#[test]
fn evaluate_one_user_is_one_record() {
    let out = stdout_of(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "3",
        "--ip",
        "24.114.0.1",
    ]);
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["user"]["userID"], "3");
    assert_eq!(v["gates"]["canada_promo"]["value"], true);
    assert_eq!(v["configs"]["pricing"]["value"]["currency"], "CAD");
    assert!(v["layers"]["checkout_layer"]["explicit_parameters"].is_array());
    insta::assert_snapshot!("evaluate_one_user", out);
}

#[test]
fn evaluate_selected_entities_only() {
    let out = stdout_of(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "3",
        "--gate",
        "canada_promo",
        "--experiment",
        "checkout_button",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["gates"].as_object().unwrap().len(), 1);
    assert_eq!(v["configs"].as_object().unwrap().len(), 1);
    assert_eq!(v["layers"].as_object().unwrap().len(), 0);
}

#[test]
fn evaluate_streams_ndjson_users() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(
        &users,
        "{\"userID\":\"1\"}\n\n{\"userID\":\"2\",\"country\":\"CA\"}\n",
    )
    .unwrap();
    let out = stdout_of(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--users",
        users.to_str().unwrap(),
    ]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["gates"]["canada_promo"]["value"], true);
    // Users from stdin.
    statsig()
        .args(["evaluate", "--specs", FIXTURE, "--users", "-"])
        .write_stdin("{\"userID\":\"1\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{\"user\":{\"userID\":\"1\"}"));
}

#[test]
fn bad_user_line_names_its_line_and_keep_going_skips_it() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(
        &users,
        "{\"userID\":\"1\"}\n{\"userID\": \n{\"userID\":\"3\"}\n",
    )
    .unwrap();
    let u = users.to_str().unwrap();
    statsig()
        .args(["evaluate", "--specs", FIXTURE, "--users", u])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("users.ndjson:2: not valid JSON"));
    let out = statsig()
        .args(["evaluate", "--specs", FIXTURE, "--users", u, "--keep-going"])
        .output()
        .unwrap();
    // Skipped lines make the exit code 2, as in every command with --keep-going.
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2:"));
}

#[test]
fn user_json_inline_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("user.json");
    std::fs::write(&file, r#"{"userID":"2","email":"x@example.com"}"#).unwrap();
    let at = format!("@{}", file.display());
    for (arg, stdin) in [
        (r#"{"userID":"2","email":"x@example.com"}"#, None),
        (at.as_str(), None),
        ("-", Some(r#"{"user_id":"2","email":"x@example.com"}"#)),
    ] {
        let mut cmd = statsig();
        cmd.args([
            "check-gate",
            "new_checkout",
            "--specs",
            FIXTURE,
            "--user",
            arg,
        ]);
        if let Some(s) = stdin {
            cmd.write_stdin(s);
        }
        cmd.assert().success().stdout("true\n");
    }
    // Flags override --user fields.
    statsig()
        .args(["check-gate", "new_checkout", "--specs", FIXTURE])
        .args(["--user", r#"{"userID":"2","email":"x@example.com"}"#])
        .args(["--email", "x@elsewhere.org"])
        .assert()
        .stdout("false\n");
}

#[test]
fn specs_from_stdin() {
    let spec = std::fs::read(FIXTURE).unwrap();
    statsig()
        .args([
            "check-gate",
            "internal_tools",
            "--specs",
            "-",
            "--user-id",
            "1",
        ])
        .args(["--environment", "staging"])
        .write_stdin(spec)
        .assert()
        .success()
        .stdout("true\n");
}

#[test]
fn bootstrap_values_wrapped_in_a_json_string() {
    let dir = tempfile::tempdir().unwrap();
    let wrapped = dir.path().join("bootstrap.json");
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    std::fs::write(&wrapped, serde_json::to_string(&text).unwrap()).unwrap();
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--specs",
            wrapped.to_str().unwrap(),
        ])
        .args(["--user-id", "1", "--country", "CA"])
        .assert()
        .success()
        .stdout("true\n");
}

#[test]
fn bad_inputs_are_one_line_errors_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad_json = dir.path().join("bad.json");
    std::fs::write(&bad_json, "{\"feature_gates\": [").unwrap();
    let bad_type = dir.path().join("bad_type.json");
    std::fs::write(
        &bad_type,
        r#"{"feature_gates":[{"name":"g","rules":[{"id":"r","passPercentage":"50","conditions":[]}]}]}"#,
    )
    .unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "--specs".into(),
                "no/such/file.json".into(),
                "--user-id".into(),
                "1".into(),
            ],
            "no/such/file.json",
        ),
        (
            vec![
                "--specs".into(),
                bad_json.display().to_string(),
                "--user-id".into(),
                "1".into(),
            ],
            "not valid JSON",
        ),
        (
            vec![
                "--specs".into(),
                bad_type.display().to_string(),
                "--user-id".into(),
                "1".into(),
            ],
            "feature_gates[0].rules[0].passPercentage: expected a number, found a string",
        ),
        (vec!["--specs".into(), FIXTURE.into()], "no user given"),
        (
            vec![
                "--specs".into(),
                FIXTURE.into(),
                "--custom".into(),
                "novalue".into(),
            ],
            "expected KEY=VALUE",
        ),
        (
            vec![
                "--specs".into(),
                FIXTURE.into(),
                "--user".into(),
                "[1]".into(),
            ],
            "must be a JSON object",
        ),
        (vec!["--user-id".into(), "1".into()], "no specs given"),
    ];
    for (args, needle) in cases {
        let out = statsig()
            .arg("check-gate")
            .arg("g")
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(out.stdout.is_empty(), "no partial output");
    }
}

#[test]
fn unknown_operator_warns_naming_spec_and_operator() {
    let spec = format!("{SHARED}/conformance/synth_1/dcs.json");
    statsig()
        .args([
            "check-gate",
            "unknown_operator",
            "--specs",
            &spec,
            "--user-id",
            "1",
        ])
        .assert()
        .success()
        .stdout("false\n")
        .stderr(predicate::str::contains(
            "gate \"unknown_operator\" (feature_gates[87]): unknown operator \"fancy_op\"",
        ));
}

#[test]
fn v1_and_v2_payloads_evaluate_the_same() {
    let conf = format!("{SHARED}/conformance/synth_1");
    let users = "{\"userID\":\"a\",\"email\":\"a@statsig.com\",\"country\":\"US\"}\n{\"customIDs\":{\"stableID\":\"s1\"}}\n";
    let run = |dcs: &str| {
        let out = statsig()
            .args(["evaluate", "--specs", &format!("{conf}/{dcs}")])
            .args([
                "--id-lists",
                &format!("{conf}/id_lists.json"),
                "--users",
                "-",
            ])
            .write_stdin(users)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_eq!(run("dcs.json"), run("dcs.v2.json"));
}

#[test]
fn local_overrides_win() {
    let dir = tempfile::tempdir().unwrap();
    let ov = dir.path().join("overrides.json");
    std::fs::write(
        &ov,
        r#"{"gates":{"canada_promo":{"42":true}},"configs":{"pricing":{"currency":"EUR"}}}"#,
    )
    .unwrap();
    let ov = ov.to_str().unwrap();
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--specs",
            FIXTURE,
            "--overrides",
            ov,
        ])
        .args(["--user-id", "42", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"value\":true,\"rule_id\":\"override\"",
        ))
        .stdout(predicate::str::contains("LocalOverride"));
    statsig()
        .args([
            "check-gate",
            "canada_promo",
            "--specs",
            FIXTURE,
            "--overrides",
            ov,
        ])
        .args(["--user-id", "43"])
        .assert()
        .stdout("false\n");
    statsig()
        .args([
            "get-config",
            "pricing",
            "--specs",
            FIXTURE,
            "--overrides",
            ov,
        ])
        .args(["--user-id", "43"])
        .assert()
        .stdout(predicate::str::contains("EUR"));
}

#[test]
fn id_lists_from_a_folder_of_wire_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{SHARED}/specs/core_company_id_list"),
        dir.path().join("company_id_list"),
    )
    .unwrap();
    let spec = format!("{SHARED}/conformance/core_eval_proj_dcs/dcs.json");
    let json_lists = format!("{SHARED}/conformance/core_eval_proj_dcs/id_lists.json");
    let users = "{\"userID\":\"1\",\"customIDs\":{\"companyID\":\"x\"}}\n";
    let run = |lists: &str| {
        statsig()
            .args([
                "evaluate",
                "--specs",
                &spec,
                "--id-lists",
                lists,
                "--users",
                "-",
            ])
            .write_stdin(users)
            .output()
            .unwrap()
    };
    let a = run(dir.path().to_str().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let b = run(&json_lists);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn explain_traces_every_rule_and_condition() {
    let out = statsig()
        .args([
            "check-gate",
            "new_checkout",
            "--explain",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "2", "--custom", "beta=true"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\n");
    let err = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!("explain_check_gate", err);
}
