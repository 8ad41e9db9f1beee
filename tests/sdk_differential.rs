//! Differential tests against Statsig's official Python SDK (statsig-python-core, pinned in
//! tests/py/requirements.txt): the same spec file and users go through tests/py/sdk_eval.py
//! and through `statsig evaluate`, and every parameter store value (and, where a case asks,
//! every experiment and layer) must be identical.
//!
//! The SDK runs from `$STATSIG_SDK_PYTHON`, else tests/py/.venv/bin/python (what .ci/run
//! creates). Without it the tests skip with a notice, unless STATSIG_REQUIRE_ALL_TESTS is set.

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Python that has the SDK, or `None` after the skip notice.
fn python() -> Option<PathBuf> {
    let py = std::env::var_os("STATSIG_SDK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("tests/py/.venv/bin/python"));
    let ok = Command::new(&py)
        .args(["-c", "import statsig_python_core"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(py);
    }
    let why = format!(
        "{} cannot import statsig_python_core (python3 -m venv tests/py/.venv && \
         tests/py/.venv/bin/pip install -r tests/py/requirements.txt)",
        py.display()
    );
    if std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_some() {
        panic!("cannot skip under STATSIG_REQUIRE_ALL_TESTS: {why}");
    }
    eprintln!("SKIPPED sdk differential: {why}");
    None
}

/// One comparison: a spec file, users, and the extra inputs both sides get.
struct Case<'a> {
    label: &'a str,
    specs: PathBuf,
    users: PathBuf,
    overrides: Option<PathBuf>,
    /// Also compare experiments and layers (value, rule_id, group_name, allocation).
    entities: bool,
    /// Also compare the client-initialize response's layer entries.
    client_init: bool,
    /// Sticky values both sides start from (each gets its own copy), with the enforce
    /// flags; the saved values are compared too.
    persisted: Option<(PathBuf, &'a [&'a str])>,
}

/// What sdk_eval.py writes for a value the SDK panicked on.
const PANIC: &str = "__sdk_panic__";

/// Counts of one run: values compared, values the SDK could not compute (it panics on some
/// IP addresses), and the mismatches (described).
#[derive(Default)]
struct Tally {
    compared: usize,
    sdk_panics: usize,
    mismatches: Vec<String>,
}

/// Numbers compare as f64: the SDK's `get_float` hands 3 back as 3.0.
fn norm(v: &Json) -> Json {
    match v {
        Json::Number(n) => Json::from(n.as_f64().unwrap()),
        Json::Array(a) => Json::Array(a.iter().map(norm).collect()),
        Json::Object(o) => Json::Object(o.iter().map(|(k, v)| (k.clone(), norm(v))).collect()),
        other => other.clone(),
    }
}

fn lines(bytes: &[u8]) -> Vec<Json> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn run_sdk(py: &Path, case: &Case) -> Vec<Json> {
    let mut c = Command::new(py);
    c.arg(root().join("tests/py/sdk_eval.py"))
        .arg("--specs")
        .arg(&case.specs)
        .arg("--users")
        .arg(&case.users);
    if let Some(o) = &case.overrides {
        c.arg("--overrides").arg(o);
    }
    if case.entities {
        c.arg("--entities");
    }
    if case.client_init {
        c.arg("--client-init");
    }
    if let Some((file, flags)) = &case.persisted {
        c.arg("--persisted").arg(file).args(flags.iter());
    }
    let out = c.output().expect("run the SDK script");
    assert!(
        out.status.success(),
        "{}: sdk_eval.py failed: {}",
        case.label,
        String::from_utf8_lossy(&out.stderr)
    );
    lines(&out.stdout)
}

/// `statsig evaluate --all` records, then (with persisted values) `{"persisted": ...}`: the
/// file `--save-persisted-values` wrote.
fn run_cli(case: &Case) -> Vec<Json> {
    let tmp = tempfile::tempdir().unwrap();
    let mut c = support::StatsigEnv::cache(support::statsig(), tmp.path());
    c.arg("evaluate")
        .arg("--specs")
        .arg(&case.specs)
        .arg("--users")
        .arg(&case.users)
        .arg("--all");
    if let Some(o) = &case.overrides {
        c.arg("--overrides").arg(o);
    }
    let saved = tmp.path().join("persisted.json");
    if let Some((file, flags)) = &case.persisted {
        std::fs::copy(file, &saved).unwrap();
        c.arg("--persisted-values")
            .arg(&saved)
            .arg("--save-persisted-values")
            .args(flags.iter());
    }
    let out = support::run(c);
    assert_eq!(out.code, 0, "{}: {}", case.label, out.stderr);
    let mut records = lines(out.stdout.as_bytes());
    if case.persisted.is_some() {
        let values: Json = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
        records.push(serde_json::json!({ "persisted": values }));
    }
    records
}

/// Users with no values left are the same as absent users.
fn without_empty_users(v: &Json) -> Json {
    match v {
        Json::Object(o) => Json::Object(
            o.iter()
                .filter(|(_, per)| per.as_object().is_none_or(|m| !m.is_empty()))
                .map(|(k, per)| (k.clone(), per.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `statsig client-init --hash none` for every user of the case, one response per line.
fn run_cli_client_init(case: &Case) -> Vec<Json> {
    let tmp = tempfile::tempdir().unwrap();
    let mut c = support::StatsigEnv::cache(support::statsig(), tmp.path());
    c.arg("client-init")
        .arg("--specs")
        .arg(&case.specs)
        .arg("--users")
        .arg(&case.users)
        .args(["--hash", "none"]);
    let out = support::run(c);
    assert_eq!(out.code, 0, "{}: {}", case.label, out.stderr);
    lines(out.stdout.as_bytes())
}

fn compare(case: &Case, sdk: &[Json], cli: &[Json], gcir: &[Json], t: &mut Tally) {
    assert_eq!(sdk.len(), cli.len(), "{}: record counts", case.label);
    let (sdk, cli) = if case.persisted.is_some() {
        let (s, c) = (&sdk[sdk.len() - 1], &cli[cli.len() - 1]);
        let (want, got) = (
            without_empty_users(&s["persisted"]),
            without_empty_users(&c["persisted"]),
        );
        for (key, per) in want.as_object().unwrap() {
            for (name, v) in per.as_object().unwrap() {
                t.compared += 1;
                if norm(v) != norm(&got[key][name]) {
                    t.mismatches.push(format!(
                        "{} saved {key} {name}: SDK {v}, statsig {}",
                        case.label, got[key][name]
                    ));
                }
            }
        }
        let (nw, ng) = (count_values(&want), count_values(&got));
        if nw != ng {
            t.mismatches.push(format!(
                "{}: the SDK saved {nw} values, statsig {ng}",
                case.label
            ));
        }
        (&sdk[..sdk.len() - 1], &cli[..cli.len() - 1])
    } else {
        (sdk, cli)
    };
    for (i, (s, c)) in sdk.iter().zip(cli).enumerate() {
        let mut check = |what: String, want: &Json, got: &Json| {
            if want == PANIC {
                t.sdk_panics += 1;
                return;
            }
            t.compared += 1;
            if norm(want) != norm(got) {
                t.mismatches.push(format!(
                    "{} user {i} {what}: SDK {want}, statsig {got}",
                    case.label
                ));
            }
        };
        for (store, params) in s["param_stores"].as_object().unwrap() {
            for (p, want) in params.as_object().unwrap() {
                let got = &c["param_stores"][store][p];
                check(format!("param store {store}.{p}"), want, got);
            }
        }
        if case.client_init && s["client_init_layers"] == PANIC {
            check("client-init".into(), &s["client_init_layers"], &Json::Null);
        } else if case.client_init {
            for (name, want) in s["client_init_layers"].as_object().unwrap() {
                let got = &gcir[i]["layer_configs"][name];
                for f in [
                    "value",
                    "rule_id",
                    "group_name",
                    "allocated_experiment_name",
                    "explicit_parameters",
                    "parameter_rule_ids",
                    "is_experiment_active",
                    "is_user_in_experiment",
                ] {
                    check(format!("client-init layer {name} {f}"), &want[f], &got[f]);
                }
            }
        }
        if !case.entities {
            continue;
        }
        for (name, want) in s["configs"].as_object().unwrap() {
            if want == PANIC {
                check(format!("config {name}"), want, &Json::Null);
                continue;
            }
            let got = &c["configs"][name];
            for f in ["value", "rule_id"] {
                check(format!("config {name} {f}"), &want[f], &got[f]);
            }
        }
        for (name, want) in s["experiments"].as_object().unwrap() {
            if want == PANIC {
                check(format!("experiment {name}"), want, &Json::Null);
                continue;
            }
            let got = &c["configs"][name];
            for f in ["value", "rule_id", "group_name"] {
                check(format!("experiment {name} {f}"), &want[f], &got[f]);
            }
            check(
                format!("experiment {name} persisted"),
                &Json::Bool(want["reason"] == "Persisted"),
                &Json::Bool(got["reason"] == "Persisted"),
            );
        }
        for (name, want) in s["layers"].as_object().unwrap() {
            if want == PANIC {
                check(format!("layer {name}"), want, &Json::Null);
                continue;
            }
            let got = &c["layers"][name];
            for f in [
                "value",
                "rule_id",
                "group_name",
                "allocated_experiment_name",
            ] {
                check(format!("layer {name} {f}"), &want[f], &got[f]);
            }
            check(
                format!("layer {name} persisted"),
                &Json::Bool(want["reason"] == "Persisted"),
                &Json::Bool(got["reason"] == "Persisted"),
            );
        }
    }
}

fn run_cases(cases: &[Case]) {
    let Some(py) = python() else { return };
    let mut t = Tally::default();
    for case in cases {
        let sdk = run_sdk(&py, case);
        let cli = run_cli(case);
        let gcir = if case.client_init {
            run_cli_client_init(case)
        } else {
            Vec::new()
        };
        compare(case, &sdk, &cli, &gcir, &mut t);
    }
    println!(
        "sdk differential: {} values compared, {} mismatches ({} left out: the SDK panicked)",
        t.compared,
        t.mismatches.len(),
        t.sdk_panics
    );
    assert!(t.compared > 0, "nothing was compared");
    assert!(
        t.mismatches.is_empty(),
        "{} of {} values differ from the official SDK:\n{}",
        t.mismatches.len(),
        t.compared,
        t.mismatches[..t.mismatches.len().min(40)].join("\n")
    );
}

fn count_values(v: &Json) -> usize {
    v.as_object()
        .map(|o| {
            o.values()
                .filter_map(Json::as_object)
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Users that vary in id, email and custom ids, as NDJSON.
fn users_file(dir: &Path, n: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..n {
        let mut u = serde_json::json!({"userID": format!("user-{i}")});
        if i % 3 == 0 {
            u["email"] = format!("u{i}@statsig.com").into();
        }
        if i % 5 == 0 {
            u["customIDs"] = serde_json::json!({"companyID": format!("c{i}")});
        }
        s.push_str(&u.to_string());
        s.push('\n');
    }
    let p = dir.join("users.ndjson");
    std::fs::write(&p, s).unwrap();
    p
}

/// A conformance data set's users, unzipped.
fn conformance_users(dir: &Path, set: &str) -> PathBuf {
    let gz = root().join(format!("../shared/conformance/{set}/users.ndjson.gz"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let p = dir.join(format!("{set}.users.ndjson"));
    std::fs::write(&p, text).unwrap();
    p
}

fn fixture(name: &str) -> PathBuf {
    root().join("fixtures/sdk").join(name)
}

#[test]
fn per_parameter_layers_match_the_official_sdk() {
    let tmp = tempfile::tempdir().unwrap();
    let users = users_file(tmp.path(), 80);
    run_cases(&[Case {
        label: "fixtures/sdk/sticky_and_layers.json",
        specs: fixture("sticky_and_layers.json"),
        users,
        overrides: None,
        entities: true,
        client_init: true,
        persisted: None,
    }]);
}

#[test]
fn parameter_stores_match_the_official_sdk() {
    let tmp = tempfile::tempdir().unwrap();
    let users = users_file(tmp.path(), 60);
    let overrides = tmp.path().join("overrides.json");
    std::fs::write(
        &overrides,
        serde_json::json!({"param_stores": {
            "every_kind": {"*": {"static_string": "everyone"},
                           "user-3": {"static_string": "three", "gate_number": 42,
                                      "by_ref": {"ref_type": "gate", "param_type": "string",
                                                 "gate_name": "email_gate", "pass_value": "p",
                                                 "fail_value": "f"}}},
            "other_app_only": {"p": ["a", "b"], "q": {"x": 1}}
        }})
        .to_string(),
    )
    .unwrap();
    let groups = tmp.path().join("groups.json");
    std::fs::write(
        &groups,
        serde_json::json!({"experiment_groups": {
            "an_experiment": {"*": "Test", "user-4": "Control", "c5": "no such group"},
            "exp_in_layer": "Control"
        }})
        .to_string(),
    )
    .unwrap();
    // Config and experiment overrides are separate, as in the core: a config override of
    // an experiment, an experiment override of a config, values and groups for an
    // experiment a layer delegates to, per user and for everyone.
    let values = tmp.path().join("values.json");
    std::fs::write(
        &values,
        serde_json::json!({
            "configs": {"an_experiment": {"from": "configs"},
                        "a_config": {"user-2": {"c": "two"}, "*": {"c": "all"}}},
            "experiments": {"a_config": {"from": "experiments"},
                            "exp_in_layer": {"user-0": {"s": "overridden"}, "c0": {"s": "by company"}}},
            "experiment_groups": {"an_experiment": {"user-1": "Control", "*": "Test"},
                                  "exp_in_layer": {"user-3": "Control", "user-6": "Nope"}},
            "layers": {"a_layer": {"user-9": {"s": "layer override"}}}
        })
        .to_string(),
    )
    .unwrap();
    let specs = |f: &str| support::shared(f);
    run_cases(&[
        Case {
            label: "fixtures/sdk/param_stores.json",
            specs: fixture("param_stores.json"),
            users: users.clone(),
            overrides: None,
            entities: true,
            client_init: false,
            persisted: None,
        },
        Case {
            label: "fixtures/sdk/param_stores.json + overrides",
            specs: fixture("param_stores.json"),
            users: users.clone(),
            overrides: Some(overrides),
            entities: false,
            client_init: false,
            persisted: None,
        },
        Case {
            label: "fixtures/sdk/param_stores.json + experiment group overrides",
            specs: fixture("param_stores.json"),
            users: users.clone(),
            overrides: Some(groups),
            entities: true,
            client_init: false,
            persisted: None,
        },
        Case {
            label: "fixtures/sdk/param_stores.json + config, experiment and layer overrides",
            specs: fixture("param_stores.json"),
            users: users.clone(),
            overrides: Some(values),
            entities: true,
            client_init: false,
            persisted: None,
        },
        Case {
            label: "core_demo_proj_dcs.json",
            specs: specs("core_demo_proj_dcs.json"),
            users: conformance_users(tmp.path(), "core_demo_proj_dcs"),
            overrides: None,
            entities: true,
            client_init: true,
            persisted: None,
        },
        Case {
            label: "core_eval_proj_dcs.json",
            specs: specs("core_eval_proj_dcs.json"),
            users: conformance_users(tmp.path(), "core_eval_proj_dcs"),
            overrides: None,
            entities: true,
            client_init: true,
            persisted: None,
        },
        Case {
            label: "core_dcs_target_app_filtering.json",
            specs: specs("core_dcs_target_app_filtering.json"),
            users,
            overrides: None,
            entities: true,
            client_init: true,
            persisted: None,
        },
    ]);
}

/// A sticky value as an SDK saves it (`StickyValues`).
fn sticky(value: Json, rule: &str, group: &str, delegate: Option<&str>) -> Json {
    serde_json::json!({
        "value": true, "json_value": value, "rule_id": rule, "group_name": group,
        "secondary_exposures": [], "undelegated_secondary_exposures": [],
        "config_delegate": delegate, "explicit_parameters": delegate.map(|_| vec!["p"]),
        "time": 1_690_000_000_000u64, "config_version": 2
    })
}

/// Saved assignments for a third of the users: present for active and inactive
/// experiments, for layers whose experiment is active, inactive or absent, for users who
/// now fail targeting or match an override rule, and for a custom id.
fn persisted_file(dir: &Path, n: usize) -> PathBuf {
    let mut users = serde_json::Map::new();
    for i in (0..n).filter(|i| i % 3 != 2) {
        let mut per = serde_json::Map::new();
        per.insert(
            "exp_active".into(),
            sticky(
                serde_json::json!({"v": "sticky test"}),
                "active_test",
                "Test",
                None,
            ),
        );
        per.insert(
            "exp_inactive".into(),
            sticky(
                serde_json::json!({"v": "sticky"}),
                "inactive_test",
                "Test",
                None,
            ),
        );
        if i % 2 == 0 {
            per.insert(
                "sticky_layer".into(),
                sticky(
                    serde_json::json!({"p": "sticky"}),
                    "in_layer_test",
                    "Test",
                    Some("exp_in_layer"),
                ),
            );
            per.insert(
                "inactive_layer".into(),
                sticky(
                    serde_json::json!({"v": "sticky"}),
                    "inactive_test",
                    "Test",
                    Some("exp_inactive"),
                ),
            );
        } else {
            // No allocated experiment: nothing to enforce against; a missing one: the
            // layer's own state decides.
            per.insert(
                "sticky_layer".into(),
                sticky(serde_json::json!({"p": "no delegate"}), "r", "Test", None),
            );
            per.insert(
                "new_layer".into(),
                sticky(
                    serde_json::json!({"p1": "gone"}),
                    "r",
                    "Test",
                    Some("no_such_experiment"),
                ),
            );
        }
        users.insert(format!("user-{i}:userID"), Json::Object(per));
    }
    users.insert(
        "c0:companyID".into(),
        serde_json::json!({"exp_company": sticky(serde_json::json!({"v": "sticky"}), "company_test", "Test", None)}),
    );
    let p = dir.join("persisted.json");
    std::fs::write(&p, Json::Object(users).to_string()).unwrap();
    p
}

#[test]
fn sticky_assignments_match_the_official_sdk() {
    let tmp = tempfile::tempdir().unwrap();
    let users = users_file(tmp.path(), 45);
    let persisted = persisted_file(tmp.path(), 45);
    let empty = tmp.path().join("empty.json");
    std::fs::write(&empty, "{}").unwrap();
    let case = |label, file: &PathBuf, flags| Case {
        label,
        specs: fixture("sticky_and_layers.json"),
        users: users.clone(),
        overrides: None,
        entities: true,
        client_init: false,
        persisted: Some((file.clone(), flags)),
    };
    run_cases(&[
        case("sticky: first assignments", &empty, &[]),
        case("sticky: saved values", &persisted, &[]),
        case(
            "sticky: --enforce-targeting",
            &persisted,
            &["--enforce-targeting"],
        ),
        case(
            "sticky: --enforce-overrides",
            &persisted,
            &["--enforce-overrides"],
        ),
        case(
            "sticky: both enforced",
            &persisted,
            &["--enforce-targeting", "--enforce-overrides"],
        ),
    ]);
}

/// The exposures one run logs, as comparable records sorted: user, event, spec, rule,
/// parameter, value and `statsigMetadata` (`{}` for the legacy `{"samplingMode": null}`,
/// which the core sends as an empty object).
fn exposure_records(events: impl Iterator<Item = Json>) -> Vec<String> {
    let mut v: Vec<String> = events
        .map(|e| {
            let m = &e["metadata"];
            let mut sm: std::collections::BTreeMap<String, Json> =
                serde_json::from_value(e["statsigMetadata"].clone()).unwrap_or_default();
            if sm.len() == 1 && sm.get("samplingMode") == Some(&Json::Null) {
                sm.clear();
            }
            let value = match (&m["gateValue"], &m["rulePassed"]) {
                (Json::Null, v) | (v, _) => v.clone(),
            };
            serde_json::json!({
                "user": e["user"]["userID"], "event": e["eventName"],
                "spec": if m["gate"].is_null() { &m["config"] } else { &m["gate"] },
                "rule": m["ruleID"], "param": m["parameterName"], "value": value,
                "statsigMetadata": sm,
            })
            .to_string()
        })
        .collect();
    v.sort();
    v
}

/// Exposure sampling (`sdk_configs` on and shadow, rule `samplingRate`,
/// `special_case_sampling_rate`, `forwardAllExposures`, nested gates without a rate, custom
/// id types, layer parameters): the exposures `statsig evaluate --log-exposures` delivers
/// are the ones the official SDK logs, with the same `statsigMetadata`.
#[test]
fn exposure_sampling_matches_the_official_sdk() {
    let Some(py) = python() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut users = String::new();
    for i in 0..300 {
        let mut u = serde_json::json!({"userID": format!("user-{i}")});
        if i % 4 == 0 {
            u["customIDs"] = serde_json::json!({"companyID": format!("c{}", i % 7)});
        }
        if i % 5 == 0 {
            u["customIDs"]["stableID"] = format!("s{i}").into();
        }
        users.push_str(&u.to_string());
        users.push('\n');
    }
    let users_path = tmp.path().join("users.ndjson");
    std::fs::write(&users_path, users).unwrap();
    let base: Json =
        serde_json::from_slice(&std::fs::read(fixture("sampling.json")).unwrap()).unwrap();
    let (mut compared, mut sampled) = (0, 0);
    for mode in ["on", "shadow"] {
        let mut specs = base.clone();
        specs["sdk_configs"]["sampling_mode"] = mode.into();
        let specs_path = tmp.path().join(format!("sampling_{mode}.json"));
        std::fs::write(&specs_path, specs.to_string()).unwrap();

        let out = Command::new(&py)
            .arg(root().join("tests/py/sdk_exposures.py"))
            .arg("--specs")
            .arg(&specs_path)
            .arg("--users")
            .arg(&users_path)
            .output()
            .expect("run the SDK script");
        assert!(
            out.status.success(),
            "sdk_exposures.py: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let want = exposure_records(lines(&out.stdout).into_iter());

        let server = support::Server::start();
        let spool = tempfile::tempdir().unwrap();
        let mut c =
            support::StatsigEnv::spool(support::StatsigEnv::key(support::statsig()), spool.path());
        c.env("STATSIG_LOG_EVENT_URL", server.log_event_url())
            .arg("evaluate")
            .arg("--specs")
            .arg(&specs_path)
            .arg("--users")
            .arg(&users_path)
            .arg("--log-exposures");
        let o = support::run(c);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let got = exposure_records(server.accepted_events().into_iter());
        let diff: Vec<_> = want
            .iter()
            .filter(|w| !got.contains(w))
            .map(|w| format!("only the SDK: {w}"))
            .chain(
                got.iter()
                    .filter(|g| !want.contains(g))
                    .map(|g| format!("only statsig: {g}")),
            )
            .collect();
        assert!(
            diff.is_empty() && want.len() == got.len(),
            "sampling {mode}: SDK {} exposures, statsig {}:\n{}",
            want.len(),
            got.len(),
            diff[..diff.len().min(30)].join("\n")
        );
        compared += want.len();
        sampled += want.iter().filter(|w| w.contains("samplingMode")).count();
    }
    println!("sdk differential: {compared} exposures compared ({sampled} sampled), 0 mismatches");
    assert!(sampled > 100, "too few sampled exposures to prove anything");
}
