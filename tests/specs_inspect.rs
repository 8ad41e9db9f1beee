//! `statsig specs list | show | diff` run as a binary on the shared spec files.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};
use support::{Out, statsig};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/specs_inspect");
const DATA_SETS: [&str; 4] = [
    "core_demo_proj_dcs",
    "core_eval_proj_dcs",
    "py_download_config_specs",
    "synth_1",
];

fn shared(rel: &str) -> String {
    format!("{SHARED}/{rel}")
}

fn dcs(set: &str) -> String {
    shared(&format!("conformance/{set}/dcs.json"))
}

fn run(args: &[&str]) -> Out {
    let mut c = statsig();
    c.args(args);
    support::run(c)
}

fn run_json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON on stdout")
}

/// Stderr without the compile warnings `load_specs` prints.
fn errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| !l.starts_with("warning:"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// list

#[test]
fn list_counts_match_the_conformance_metadata() {
    for set in DATA_SETS {
        let meta: Value = serde_json::from_str(
            &std::fs::read_to_string(shared(&format!("conformance/{set}/meta.json"))).unwrap(),
        )
        .unwrap();
        let rows = run_json(&["specs", "list", "--json", "--specs", &dcs(set)]);
        let mut by_type: BTreeMap<String, u64> = BTreeMap::new();
        for r in rows.as_array().unwrap() {
            *by_type
                .entry(r["type"].as_str().unwrap().into())
                .or_default() += 1;
        }
        let n = |t: &str| by_type.get(t).copied().unwrap_or(0);
        let e = &meta["entities"];
        assert_eq!(
            n("gate") + n("segment") + n("holdout"),
            e["gates"],
            "{set} gates"
        );
        assert_eq!(n("segment"), e["segments"], "{set} segments");
        assert_eq!(n("holdout"), e["holdouts"], "{set} holdouts");
        assert_eq!(
            n("config") + n("experiment") + n("autotune"),
            e["configs"],
            "{set} configs"
        );
        assert_eq!(n("experiment"), e["experiments"], "{set} experiments");
        assert_eq!(n("layer"), e["layers"], "{set} layers");
    }
}

#[test]
fn list_of_v1_and_v2_twins_is_the_same() {
    let v1 = run(&["specs", "list", "--specs", &dcs("synth_1")]);
    let v2 = run(&[
        "specs",
        "list",
        "--specs",
        &shared("conformance/synth_1/dcs.v2.json"),
    ]);
    assert_eq!(v1.code, 0);
    assert_eq!(v1.stdout, v2.stdout);
}

#[test]
fn list_filters_by_kind() {
    let rows = run_json(&[
        "specs",
        "list",
        "--json",
        "--kind",
        "segment,holdout",
        "--specs",
        &dcs("core_eval_proj_dcs"),
    ]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 9 + 4);
    assert!(
        rows.iter()
            .all(|r| r["type"] == "segment" || r["type"] == "holdout")
    );
    let layers = run_json(&[
        "specs",
        "list",
        "--json",
        "--kind",
        "layer",
        "--kind",
        "experiment",
        "--specs",
        &dcs("core_demo_proj_dcs"),
    ]);
    assert_eq!(layers.as_array().unwrap().len(), 1 + 7);
}

#[test]
fn list_table_shape() {
    let out = run(&["specs", "list", "--specs", &dcs("core_demo_proj_dcs")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("list_core_demo_proj_dcs", out.stdout);
}

#[test]
fn list_json_shape() {
    let out = run(&[
        "specs",
        "list",
        "--json",
        "--specs",
        &shared("specs/core_dcs_target_app_filtering.json"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("list_json_target_app_filtering", out.stdout);
}

#[test]
fn list_reads_stdin() {
    let bytes = std::fs::read(dcs("py_download_config_specs")).unwrap();
    let out = statsig()
        .args(["specs", "list", "--json", "--specs", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 10);
}

// ---------------------------------------------------------------------------------------
// show

#[test]
fn show_prints_known_rules_and_conditions() {
    let out = run(&[
        "specs",
        "show",
        "segment:beta_users",
        "--specs",
        &dcs("synth_1"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let s = &out.stdout;
    assert!(s.starts_with("segment segment:beta_users\n"), "{s}");
    assert!(s.contains("    id           rNdd1YukZi997\n"), "{s}");
    assert!(
        s.contains("      user_field email str_ends_with_any [\"@statsig.com\",\"@statsig.io\"]\n"),
        "{s}"
    );
    assert!(
        s.contains("      user_field userID in_segment_list \"synth_users_list\"\n"),
        "{s}"
    );

    let chain = run(&["specs", "show", "chain_twice", "--specs", &dcs("synth_1")]);
    assert!(
        chain.stdout.contains(
            "      pass_gate chain_c\n      pass_gate chain_c\n      fail_gate global_holdout\n"
        ),
        "{}",
        chain.stdout
    );
}

#[test]
fn show_is_the_same_for_v1_and_v2() {
    for name in ["bucket_stable", "chain_twice", "layer_main", "exp_layer_a"] {
        let v1 = run(&["specs", "show", name, "--json", "--specs", &dcs("synth_1")]);
        let v2 = run(&[
            "specs",
            "show",
            name,
            "--json",
            "--specs",
            &shared("conformance/synth_1/dcs.v2.json"),
        ]);
        assert_eq!(v1.code, 0, "{name}: {}", v1.stderr);
        assert_eq!(v1.stdout, v2.stdout, "{name}");
    }
}

#[test]
fn show_text_shape_for_every_collection_of_a_name() {
    let out = run(&[
        "specs",
        "show",
        "checkout",
        "--specs",
        &format!("{FIXTURES}/same_name.json"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("show_same_name", out.stdout);
}

#[test]
fn show_json_shape() {
    let out = run(&[
        "specs",
        "show",
        "checkout",
        "--json",
        "--kind",
        "gate",
        "--specs",
        &format!("{FIXTURES}/same_name.json"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    insta::assert_snapshot!("show_json_gate", out.stdout);
}

#[test]
fn show_layer_of_core_demo() {
    let out = run(&[
        "specs",
        "show",
        "a_layer",
        "--specs",
        &dcs("core_demo_proj_dcs"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("show_core_demo_a_layer", out.stdout);
}

#[test]
fn show_unknown_name_exits_2_with_one_line() {
    let out = run(&["specs", "show", "beta", "--specs", &dcs("synth_1")]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let errs = errors(&out.stderr);
    assert_eq!(errs.len(), 1, "{}", out.stderr);
    assert!(
        errs[0].starts_with("error: ")
            && errs[0].contains("no gate, config, layer or parameter store named \"beta\""),
        "{}",
        errs[0]
    );
    assert!(
        errs[0].contains("similar names: segment:beta_users"),
        "{}",
        errs[0]
    );
}

// ---------------------------------------------------------------------------------------
// diff

#[test]
fn diff_of_v1_and_v2_twin_is_empty() {
    let old = dcs("synth_1");
    let new = shared("conformance/synth_1/dcs.v2.json");
    let out = run(&["specs", "diff", &old, &new]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.starts_with("no differences"), "{}", out.stdout);
    let j = run_json(&["specs", "diff", "--json", &new, &old]);
    assert_eq!(j["identical"], true);
    assert_eq!(j["changed"], json!([]));
}

#[test]
fn diff_of_a_file_with_itself_is_empty() {
    for set in DATA_SETS {
        let out = run(&["specs", "diff", &dcs(set), &dcs(set)]);
        assert_eq!(out.code, 0, "{set}: {}", out.stdout);
    }
}

fn write_json(dir: &Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec(v).unwrap()).unwrap();
    p.display().to_string()
}

/// The synth_1 v1 payload with known edits: a rule's pass percentage and a condition's
/// target changed, a rule added, a gate disabled, a gate added, a config removed.
fn modified_synth() -> Value {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(dcs("synth_1")).unwrap()).unwrap();
    let gates = v["feature_gates"].as_array_mut().unwrap();
    let seg = gates
        .iter_mut()
        .find(|g| g["name"] == "segment:beta_users")
        .unwrap();
    seg["rules"][0]["conditions"][0]["targetValue"] = json!(["@statsig.com"]);
    seg["rules"][1]["passPercentage"] = json!(25);
    let public = gates
        .iter_mut()
        .find(|g| g["name"] == "public_gate")
        .unwrap();
    public["enabled"] = json!(false);
    let mut extra = public["rules"][0].clone();
    extra["id"] = json!("new_rule");
    extra["name"] = json!("New rule");
    public["rules"].as_array_mut().unwrap().push(extra);
    let mut added = public.clone();
    added["name"] = json!("brand_new_gate");
    gates.push(added);
    let configs = v["dynamic_configs"].as_array_mut().unwrap();
    configs.retain(|c| c["name"] != "config_stable");
    v
}

#[test]
fn diff_reports_the_exact_changes() {
    let dir = tempfile::tempdir().unwrap();
    let new = write_json(dir.path(), "new.json", &modified_synth());
    let old = dcs("synth_1");

    let j = {
        let out = run(&["specs", "diff", "--json", &old, &new]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        serde_json::from_str::<Value>(&out.stdout).unwrap()
    };
    assert_eq!(j["identical"], false);
    assert_eq!(j["payload"], json!([]));
    assert_eq!(
        j["added"],
        json!([{"collection": "gate", "type": "gate", "name": "brand_new_gate"}])
    );
    assert_eq!(
        j["removed"],
        json!([{"collection": "config", "type": "config", "name": "config_stable"}])
    );
    let changed = j["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 2, "{changed:#?}");
    let public = changed.iter().find(|c| c["name"] == "public_gate").unwrap();
    assert_eq!(
        public["fields"],
        json!([{"field": "enabled", "old": true, "new": false}])
    );
    assert_eq!(public["rules_added"][0]["id"], "new_rule");
    assert_eq!(public["rules_removed"], json!([]));
    let seg = changed
        .iter()
        .find(|c| c["name"] == "segment:beta_users")
        .unwrap();
    assert_eq!(seg["fields"], json!([]));
    let rules = seg["rules_changed"].as_array().unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0]["id"], "rNdd1YukZi997");
    assert_eq!(
        rules[0]["conditions"]["removed"],
        json!(["user_field email str_ends_with_any [\"@statsig.com\",\"@statsig.io\"]"])
    );
    assert_eq!(
        rules[0]["conditions"]["added"],
        json!(["user_field email str_ends_with_any [\"@statsig.com\"]"])
    );
    assert_eq!(rules[1]["id"], "rBOLpVnGGzh98");
    assert_eq!(
        rules[1]["fields"],
        json!([{"field": "pass_percentage", "old": 100, "new": 25}])
    );

    let text = run(&["specs", "diff", &old, &new]);
    assert_eq!(text.code, 1);
    let expected = format!(
        "--- {old}\n+++ {new}\n\
         - config config_stable\n\
         + gate brand_new_gate\n\
         ~ gate public_gate\n    enabled: true -> false\n    + rule new_rule (\"New rule\")\n\
         ~ segment segment:beta_users\n\
         \x20   ~ rule rNdd1YukZi997\n\
         \x20       conditions:\n\
         \x20         - user_field email str_ends_with_any [\"@statsig.com\",\"@statsig.io\"]\n\
         \x20         + user_field email str_ends_with_any [\"@statsig.com\"]\n\
         \x20   ~ rule rBOLpVnGGzh98\n\
         \x20       pass_percentage: 100 -> 25\n\
         1 added, 1 removed, 2 changed\n"
    );
    assert_eq!(text.stdout, expected);
}

#[test]
fn diff_across_formats_reports_only_the_edit() {
    // v2 old, modified v1 new: the format change itself is no difference.
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(dcs("synth_1")).unwrap()).unwrap();
    let layer = v["layer_configs"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|l| l["name"] == "layer_main")
        .unwrap();
    layer["salt"] = json!("new-salt");
    let dir = tempfile::tempdir().unwrap();
    let new = write_json(dir.path(), "v1.json", &v);
    let j = {
        let out = run(&[
            "specs",
            "diff",
            "--json",
            &shared("conformance/synth_1/dcs.v2.json"),
            &new,
        ]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        serde_json::from_str::<Value>(&out.stdout).unwrap()
    };
    let changed = j["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["name"], "layer_main");
    assert_eq!(changed[0]["fields"][0]["field"], "salt");
    assert_eq!(changed[0]["fields"][0]["new"], "new-salt");
    assert_eq!(j["added"], json!([]));
    assert_eq!(j["removed"], json!([]));
}

#[test]
fn diff_new_side_from_source_options() {
    let out = run(&[
        "specs",
        "diff",
        &dcs("synth_1"),
        "--specs",
        &shared("conformance/synth_1/dcs.v2.json"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn diff_of_malformed_input_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let truncated = dir.path().join("truncated.json");
    std::fs::write(&truncated, "{\"feature_gates\": [").unwrap();
    let wrong_type = dir.path().join("wrong.json");
    std::fs::write(&wrong_type, r#"{"feature_gates": [{"name": 3}]}"#).unwrap();
    let good = dcs("py_download_config_specs");
    for (old, new, needle) in [
        (
            truncated.display().to_string(),
            good.clone(),
            "not valid JSON",
        ),
        (
            good.clone(),
            wrong_type.display().to_string(),
            "feature_gates[0].name",
        ),
        (
            good.clone(),
            shared("specs/py_get_id_lists.json"),
            "not a download_config_specs payload",
        ),
        (
            good.clone(),
            "/nonexistent/specs.json".into(),
            "/nonexistent/specs.json",
        ),
    ] {
        let out = run(&["specs", "diff", &old, &new]);
        assert_eq!(out.code, 2, "{old} {new}: {}", out.stdout);
        assert_eq!(out.stdout, "");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}", out.stderr);
        assert!(lines[0].starts_with("error: "), "{}", lines[0]);
        assert!(lines[0].contains(needle), "{}", lines[0]);
    }
}
