//! `get-param-store`, the `param_stores` section of `evaluate`, store overrides, exposures of
//! the referenced entities, and `--override-experiment`, on fixtures/sdk/param_stores.json.
//! Expected values are read off the fixture by hand (user-0 has an @statsig.com email and
//! passes `email_gate`; user-1 has none).

mod support;

use std::path::Path;

use serde_json::{Value as Json, json};
use support::{Server, StatsigEnv, statsig};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/sdk/param_stores.json"
);

/// Runs the binary; evaluating commands get `--user-id 1` unless a user is given.
fn run(args: &[&str]) -> (i32, String, String) {
    let mut c = statsig();
    c.args(args);
    if args[0] != "specs" && !args.iter().any(|a| a.starts_with("--user")) {
        c.args(["--user-id", "1"]);
    }
    let o = c.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn json_out(args: &[&str]) -> Json {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

const STATSIG_USER: &str = r#"{"userID":"user-0","email":"u0@statsig.com"}"#;

#[test]
fn whole_store_maps_fallback_answers_to_null() {
    let v = json_out(&[
        "get-param-store",
        "every_kind",
        "--specs",
        FIXTURE,
        "--user",
        STATSIG_USER,
    ]);
    assert_eq!(v["static_string"], json!("str"));
    assert_eq!(v["gate_string"], json!("yes"));
    assert_eq!(v["config_object"], json!({"k": "v"}));
    assert_eq!(v["integer_number"], json!(3));
    // Type mismatches and missing references: the SDK would answer the fallback.
    for p in [
        "mismatch_static_string",
        "mismatch_gate",
        "mismatch_config",
        "null_static",
        "missing_config",
        "missing_layer_param",
    ] {
        assert_eq!(v[p], Json::Null, "{p}");
    }
    // A missing gate fails: its fail value.
    assert_eq!(v["missing_gate"], json!("no"));
    // The fields decide the kind, not ref_type.
    assert_eq!(v["gate_fields_with_value"], json!("static wins"));
    let other = json_out(&[
        "get-param-store",
        "every_kind",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-1",
    ]);
    assert_eq!(other["gate_string"], json!("no"));
    assert_eq!(other["config_number"], json!(-1));
}

#[test]
fn one_parameter_with_and_without_a_default() {
    let one = |extra: &[&str]| {
        let mut args = vec!["get-param-store", "every_kind"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--specs", FIXTURE, "--user-id", "user-1", "--json"]);
        json_out(&args)
    };
    let v = one(&["static_number"]);
    assert_eq!(
        v,
        json!({"name": "every_kind", "parameter": "static_number", "value": 2.5,
                         "reason": "Bootstrap:Recognized"})
    );
    // The default's type picks the getter: a string getter on a number answers the default.
    assert_eq!(
        one(&["static_number", "--default", "\"x\""])["value"],
        json!("x")
    );
    assert_eq!(
        one(&["static_number", "--default", "0"])["value"],
        json!(2.5)
    );
    // The mismatched static string (value 5) is a number to a number getter.
    assert_eq!(
        one(&["mismatch_static_string", "--default", "0"])["value"],
        json!(5)
    );
    assert_eq!(one(&["mismatch_static_string"])["value"], Json::Null);
    let (code, out, err) = run(&[
        "get-param-store",
        "every_kind",
        "nope",
        "--default",
        "[1]",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "[\n  1\n]\n");
    assert!(err.contains("has no parameter \"nope\""), "{err}");
    let (code, _, err) = run(&[
        "get-param-store",
        "every_kind",
        "x",
        "--default",
        "{bad",
        "--specs",
        FIXTURE,
    ]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: --default: not valid JSON"), "{err}");
}

#[test]
fn unknown_store_warns_or_fails_with_strict() {
    let (code, out, err) = run(&["get-param-store", "every_knd", "--specs", FIXTURE]);
    assert_eq!(code, 0);
    assert_eq!(out, "{}\n");
    assert!(
        err.contains("no parameter store named \"every_knd\"") && err.contains("every_kind"),
        "{err}"
    );
    let (code, out, err) = run(&[
        "get-param-store",
        "every_knd",
        "--specs",
        FIXTURE,
        "--strict",
    ]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_payload_with_an_unreadable_parameter_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut dcs: Json = serde_json::from_slice(&std::fs::read(FIXTURE).unwrap()).unwrap();
    dcs["param_stores"]["empty"]["parameters"]["broken"] =
        json!({"ref_type": "static", "param_type": "string"});
    let path = dir.path().join("dcs.json");
    std::fs::write(&path, dcs.to_string()).unwrap();
    let (code, out, err) = run(&[
        "check-gate",
        "email_gate",
        "--specs",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("param_stores.empty.parameters.broken: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn evaluate_adds_the_section_only_when_asked() {
    let plain = json_out(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-1",
        "--json",
    ]);
    assert!(plain.get("param_stores").is_none());
    let v = json_out(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-1",
        "--json",
        "--gate",
        "email_gate",
        "--param-store",
        "other_app_only",
    ]);
    assert_eq!(
        v["param_stores"],
        json!({"other_app_only": {"p": "server reads it anyway"}})
    );
    let all = json_out(&[
        "evaluate",
        "--specs",
        FIXTURE,
        "--user-id",
        "user-1",
        "--json",
        "--all",
    ]);
    let names: Vec<&String> = all["param_stores"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["every_kind", "other_app_only", "empty"]);
}

#[test]
fn overrides_replace_the_store_for_matching_users() {
    let dir = tempfile::tempdir().unwrap();
    let ov = dir.path().join("ov.json");
    std::fs::write(
        &ov,
        json!({"param_stores": {"every_kind": {"*": {"static_string": "all"},
                                               "user-7": {"gate_boolean": false}}}})
        .to_string(),
    )
    .unwrap();
    let ov = ov.to_str().unwrap();
    let get = |uid: &str| {
        json_out(&[
            "get-param-store",
            "every_kind",
            "--specs",
            FIXTURE,
            "--user-id",
            uid,
            "--overrides",
            ov,
            "--json",
        ])
    };
    assert_eq!(
        get("user-1"),
        json!({"name": "every_kind", "value": {"static_string": "all"},
               "reason": "Bootstrap:LocalOverride"})
    );
    assert_eq!(get("user-7")["value"], json!({"gate_boolean": false}));
}

fn logged(spool: &Path, server: &Server, args: &[&str]) -> Vec<Json> {
    let o = statsig()
        .key()
        .spool(spool)
        .env("STATSIG_LOG_EVENT_URL", server.log_event_url())
        .args(args)
        .args(["--log-exposures", "--specs", FIXTURE])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    server.accepted_events()
}

#[test]
fn exposures_are_those_of_the_referenced_entities() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    let ev = logged(
        spool.path(),
        &server,
        &[
            "get-param-store",
            "every_kind",
            "gate_string",
            "--user-id",
            "user-1",
        ],
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["eventName"], "statsig::gate_exposure");
    assert_eq!(ev[0]["metadata"]["gate"], "email_gate");

    let server = Server::start();
    let ev = logged(
        spool.path(),
        &server,
        &[
            "get-param-store",
            "every_kind",
            "experiment_string",
            "--user-id",
            "user-1",
        ],
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["eventName"], "statsig::config_exposure");
    assert_eq!(ev[0]["metadata"]["config"], "an_experiment");

    // A layer parameter is exposed only when its value is used.
    let server = Server::start();
    let ev = logged(
        spool.path(),
        &server,
        &[
            "get-param-store",
            "every_kind",
            "layer_string",
            "--user-id",
            "user-1",
        ],
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["eventName"], "statsig::layer_exposure");
    assert_eq!(ev[0]["metadata"]["parameterName"], "s");
    let server = Server::start();
    let ev = logged(
        spool.path(),
        &server,
        &[
            "get-param-store",
            "every_kind",
            "mismatch_layer",
            "--user-id",
            "user-1",
        ],
    );
    assert!(ev.is_empty(), "{ev:?}");

    // A static parameter exposes nothing.
    let server = Server::start();
    let ev = logged(
        spool.path(),
        &server,
        &[
            "get-param-store",
            "every_kind",
            "static_string",
            "--user-id",
            "user-1",
        ],
    );
    assert!(ev.is_empty(), "{ev:?}");
}

/// `specs list` lists the stores (with their parameter counts) and each experiment's
/// groups; `specs show` shows a store's parameters and an experiment's groups with their
/// values (as the fixture has them).
#[test]
fn specs_list_and_show_know_stores_and_groups() {
    let rows = json_out(&["specs", "list", "--specs", FIXTURE, "--json"]);
    let row = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("no row {name}: {rows}"))
            .clone()
    };
    let every = row("every_kind");
    assert_eq!(every["type"], "param_store");
    assert_eq!(every["parameters"], 53);
    assert_eq!(row("other_app_only")["target_apps"], json!(["other_app"]));
    assert_eq!(row("an_experiment")["groups"], json!(["Control", "Test"]));
    assert!(row("a_config").get("groups").is_none());
    let only = json_out(&[
        "specs",
        "list",
        "--specs",
        FIXTURE,
        "--kind",
        "param-store",
        "--json",
    ]);
    let names: Vec<&str> = only
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["empty", "every_kind", "other_app_only"]);

    let shown = json_out(&["specs", "show", "every_kind", "--specs", FIXTURE, "--json"]);
    let params = &shown[0]["parameters"];
    assert_eq!(
        params["gate_string"],
        json!({"ref_type": "gate", "param_type": "string", "gate_name": "email_gate",
               "pass_value": "yes", "fail_value": "no"})
    );
    assert_eq!(params["static_number"]["value"], json!(2.5));
    let (code, text, err) = run(&["specs", "show", "every_kind", "--specs", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("param_store every_kind\n"), "{text}");
    assert!(
        text.contains("    gate_string (string): gate email_gate: pass \"yes\", fail \"no\"\n"),
        "{text}"
    );
    assert!(
        text.contains("    experiment_string (string): experiment an_experiment.s\n"),
        "{text}"
    );

    let shown = json_out(&[
        "specs",
        "show",
        "an_experiment",
        "--specs",
        FIXTURE,
        "--json",
    ]);
    let groups = &shown[0]["groups"];
    assert_eq!(groups[0]["name"], "Control");
    assert_eq!(groups[0]["rule_id"], "control");
    assert_eq!(
        groups[0]["value"],
        json!({"s": "str", "n": 2.5, "i": 7, "b": true, "a": [1, "x"], "o": {"k": "v"}, "z": null})
    );
    assert_eq!(groups[1]["name"], "Test");
    let (_, text, _) = run(&["specs", "show", "an_experiment", "--specs", FIXTURE]);
    assert!(
        text.contains("\n  groups\n    Control      {\"s\":\"str\","),
        "{text}"
    );
}
