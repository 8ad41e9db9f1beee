//! `statsig test`: the example suites in fixtures/, every kind of failure, matrices,
//! populations, coverage, JUnit, invalid files, relative paths, JSON and YAML alike.
//! Expected values are worked out from the fixture's rules (buckets with sha256 as the
//! evaluation spec says), never taken from the tool.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use sha2::{Digest, Sha256};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(p: &str) -> PathBuf {
    Path::new(ROOT).join("fixtures").join(p)
}

/// The one harness's binary, run from the repository (suite paths in reports are relative).
fn statsig() -> assert_cmd::Command {
    let mut c = support::statsig();
    c.current_dir(ROOT);
    c
}

fn run(args: &[&str]) -> support::Out {
    let mut c = statsig();
    c.args(args);
    support::run(c)
}

fn json_report(args: &[&str]) -> (i32, Json) {
    let mut a = vec!["test", "--format", "json"];
    a.extend_from_slice(args);
    let r = run(&a);
    let doc = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\nstderr: {}", r.stdout, r.stderr));
    (r.code, doc)
}

fn cases(doc: &Json) -> Vec<&Json> {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["cases"].as_array().unwrap())
        .collect()
}

fn case<'a>(doc: &'a Json, name: &str) -> &'a Json {
    cases(doc)
        .into_iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no case {name:?}"))
}

/// `sha256_u64(s)`: the first 8 bytes of SHA-256, big-endian (evaluation spec §4).
fn sha256_u64(s: &str) -> u64 {
    let d = Sha256::digest(s.as_bytes());
    u64::from_be_bytes(d[..8].try_into().unwrap())
}

#[test]
fn the_example_suites_pass() {
    let r = run(&["test", "fixtures/suites"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout.matches("  ✓ ").count(), 21, "{}", r.stdout);
    assert!(!r.stdout.contains('✗'));
    assert!(
        r.stdout.contains("\n21 passed, 0 failed in "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .starts_with("fixtures/suites/checkout.statsig.yaml\n")
    );
    assert!(
        r.stdout
            .contains("\nfixtures/suites/internal.statsig.json\n")
    );
}

#[test]
fn matrix_cases_run_once_per_combination_named_after_it() {
    let (code, doc) = json_report(&["fixtures/suites/checkout.statsig.yaml"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = cases(&doc)
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .filter(|n| n.starts_with("iOS users"))
        .collect();
    let base = "iOS users on 2.0 and later get the new checkout";
    let want: Vec<String> = ["2.0.0", "2.1.0", "10.3"]
        .iter()
        .flat_map(|v| ["US", "DE"].map(|c| format!("{base} [version={v}, country={c}]")))
        .collect();
    assert_eq!(names, want);
    assert_eq!(
        case(&doc, &format!("{base} [version=10.3, country=DE]"))["location"],
        "fixtures/suites/checkout.statsig.yaml:32:5"
    );
}

#[test]
fn each_kind_of_failure_is_reported_with_what_decided() {
    let (code, doc) = json_report(&["fixtures/suites_failing"]);
    assert_eq!(code, 1);
    assert_eq!(doc["summary"]["passed"], 1);
    assert_eq!(doc["summary"]["failed"], 6);
    assert_eq!(case(&doc, "this one passes")["passed"], true);

    // dev@example.com is in segment:employees, so rule 1 `employees` gives true.
    let f = &case(&doc, "wrong value")["failures"][0];
    assert_eq!(f["check"], "value");
    assert_eq!(
        (&f["expected"], &f["actual"]),
        (&Json::Bool(false), &Json::Bool(true))
    );
    assert_eq!(f["decided_by"]["rule_id"], "employees");
    assert_eq!(f["decided_by"]["rule"], 1);
    assert_eq!(
        f["location"],
        "fixtures/suites_failing/broken.statsig.yaml:11:28"
    );

    let f = &case(&doc, "wrong rule")["failures"][0];
    assert_eq!(f["check"], "rule_id");
    assert_eq!(f["expected"], "beta_users");
    assert_eq!(f["actual"], "employees");
    // A second miss on the same entity carries the same explanation.
    let f = &case(&doc, "wrong rule")["failures"][1];
    assert_eq!(f["check"], "value");
    assert_eq!(f["decided_by"]["rule_id"], "employees");

    // user-2: not held out (sha256_u64("holdout-1.holdout_5pct.user-2") % 10000 >= 500),
    // layer bucket 538 >= 500 (allocated), experiment bucket 907 >= 500 (not Control): Test.
    assert!(sha256_u64("holdout-1.holdout_5pct.user-2") % 10000 >= 500);
    assert_eq!(sha256_u64("layer-salt-1.user-2") % 1000, 538);
    assert_eq!(sha256_u64("exp-button-groups.user-2") % 1000, 907);
    let f = &case(&doc, "wrong group")["failures"][0];
    assert_eq!(f["check"], "group_name");
    assert_eq!(
        (f["expected"].as_str(), f["actual"].as_str()),
        (Some("Control"), Some("Test"))
    );
    let d = &f["decided_by"];
    assert_eq!(
        (d["rule"].as_u64(), d["rule_id"].as_str()),
        (Some(4), Some("test"))
    );
    let firsts: Vec<&str> = d["rules_tried"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["outcome"] == "no_match")
        .map(|s| s["first_failing_condition"].as_str().unwrap())
        .collect();
    assert_eq!(
        firsts,
        [
            "pass_gate global_holdout",
            "user_bucket lt 500 (salt: layer-salt-1)",
            "user_bucket lt 500 (salt: exp-button-groups)"
        ]
    );

    let f = &case(&doc, "missing entity")["failures"][0];
    assert_eq!(f["check"], "exists");
    assert_eq!(f["suggestions"], serde_json::json!(["new_checkout"]));
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `new_checkout`?")
    );

    // level 12 >= 10: rule `power_users`, which prices in USD.
    let f = &case(&doc, "subset mismatch")["failures"][0];
    assert_eq!(f["check"], "value_contains");
    assert_eq!(f["actual"]["currency"], "USD");
    assert_eq!(f["actual"]["discount"], 15);
    assert_eq!(f["decided_by"]["rule_id"], "power_users");

    // None of user-0..user-1999 is an employee, beta or on iOS: only rule 4, a 25% roll.
    let passing = (0..2000)
        .filter(|i| sha256_u64(&format!("gate-checkout.rollout_25.user-{i}")) % 10000 < 2500)
        .count();
    let f = &case(&doc, "pass rate out of bounds")["failures"][0];
    assert_eq!(f["check"], "pass_rate");
    assert_eq!(f["hits"], passing);
    assert_eq!(f["of"], 2000);
    assert_eq!(f["expected"], serde_json::json!([0.45, 0.55]));
}

#[test]
fn the_terminal_report_shows_expected_actual_and_the_deciding_rule() {
    let r = run(&["test", "fixtures/suites_failing"]);
    assert_eq!(r.code, 1);
    let out = &r.stdout;
    assert!(out.contains("  ✓ this one passes  "), "{out}");
    assert!(out.contains("  ✗ wrong value  "), "{out}");
    // The explain trace, concise: the deciding sentence, the rule's conditions with the
    // user's values, nested segments the same way.
    let block = concat!(
        "      gate new_checkout, value  (fixtures/suites_failing/broken.statsig.yaml:11:28)\n",
        "        expected: false\n",
        "        actual: true\n",
        "        decided by: rule 1 \"employees\" of feature_gate \"new_checkout\": every condition passed\n",
        "          rule 1 \"employees\": pass_gate segment:employees → pass\n",
        "            segment \"segment:employees\" = true (rule \"seg_emp_email\")\n",
        "              rule 1 \"seg_emp_email\": user_field email str_ends_with_any [\"@example.com\"] · user value \"dev@example.com\" (email, lower-cased) → pass\n",
    );
    assert!(out.contains(block), "{out}");
    // The second miss of the same entity by the same user is not explained again.
    assert!(
        out.contains("      gate new_checkout, value  (fixtures/suites_failing/broken.statsig.yaml:15:58)\n        expected: false\n        actual: true\n        decided by: as above\n"),
        "{out}"
    );
    // Rules not matched show their failing condition with the bucket the user hashed to
    // (sha256 as evaluation.md §11 says), and the holdout's roll.
    let holdout = sha256_u64("holdout-1.holdout_5pct.user-2") % 10000;
    let layer = sha256_u64("layer-salt-1.user-2") % 1000;
    let control = sha256_u64("exp-button-groups.user-2") % 1000;
    assert!(holdout >= 500 && layer >= 500 && control >= 500);
    for l in [
        "        decided by: rule 4 \"test\" (group \"Test\") of experiment \"checkout_button\": every condition passed\n".to_string(),
        "          rule 1 \"holdout_rule\": pass_gate global_holdout → fail\n".to_string(),
        format!("                bucket {holdout} of 10000 ≥ 500 → outside the rollout (userID \"user-2\")\n"),
        format!("          rule 2 \"layerAssignment\": user_bucket lt 500 · bucket {layer} of 1000 (salt \"layer-salt-1\", userID \"user-2\") → fail\n"),
        format!("          rule 3 \"control\" (group \"Control\"): user_bucket lt 500 · bucket {control} of 1000 (salt \"exp-button-groups\", userID \"user-2\") → fail\n"),
        "          rule 4 \"test\" (group \"Test\"): public → pass\n".to_string(),
    ] {
        assert!(out.contains(&l), "missing {l:?} in\n{out}");
    }
    assert!(out.contains(
        "gate new_chekout: the specs have no gate of that name (did you mean `new_checkout`?)"
    ));
    assert!(
        out.contains("        expected to contain: {\"currency\":\"EUR\"}\n"),
        "{out}"
    );
    assert!(
        out.contains("        expected: between 45.00% and 55.00%\n"),
        "{out}"
    );
    assert!(out.contains("\n1 passed, 6 failed in "), "{out}");
}

#[test]
fn population_statistics_match_the_hashes() {
    let (code, doc) = json_report(&[
        "fixtures/suites/checkout.statsig.yaml",
        "--filter",
        "rollout",
    ]);
    assert_eq!(code, 0);
    assert_eq!(doc["summary"]["total"], 1);
    let p = &case(&doc, "the 25% rollout is about 25%")["population"];
    assert_eq!(p["count"], 20000);
    let gate = &p["entities"][0];
    let passing = (0..20000)
        .filter(|i| sha256_u64(&format!("gate-checkout.rollout_25.user-{i}")) % 10000 < 2500)
        .count();
    assert_eq!(gate["passed"], passing);
    // checkout_button: held out (5%) → rule 1, no group; layer bucket < 500 → rule 2, no
    // group; experiment bucket < 500 → Control; else Test.
    let (mut control, mut test) = (0, 0);
    for i in 0..20000 {
        let u = format!("user-{i}");
        if sha256_u64(&format!("holdout-1.holdout_5pct.{u}")) % 10000 < 500
            || sha256_u64(&format!("layer-salt-1.{u}")) % 1000 < 500
        {
            continue;
        }
        if sha256_u64(&format!("exp-button-groups.{u}")) % 1000 < 500 {
            control += 1;
        } else {
            test += 1;
        }
    }
    let groups = &p["entities"][1]["groups"];
    assert_eq!(
        (groups["Control"].as_u64(), groups["Test"].as_u64()),
        (Some(control), Some(test))
    );
}

#[test]
fn a_population_point_expectation_names_the_first_user_that_missed() {
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("p.statsig.yaml");
    std::fs::write(
        &suite,
        "cases:\n  - name: everyone passes\n    population: { count: 100, user: { userID: \"user-${i}\" } }\n    gates: { new_checkout: true }\n",
    )
    .unwrap();
    let first = (0..100)
        .find(|i| sha256_u64(&format!("gate-checkout.rollout_25.user-{i}")) % 10000 >= 2500)
        .unwrap();
    let failed = (0..100)
        .filter(|i| sha256_u64(&format!("gate-checkout.rollout_25.user-{i}")) % 10000 >= 2500)
        .count();
    let (code, doc) = json_report(&[
        suite.to_str().unwrap(),
        "--specs",
        fixture("demo_dcs.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let f = &cases(&doc)[0]["failures"][0];
    assert_eq!(f["users"]["failed"], failed);
    assert_eq!(f["users"]["first_index"], first);
    assert_eq!(f["users"]["first_user"]["userID"], format!("user-{first}"));
    assert_eq!(f["decided_by"]["rule_id"], "rollout_25");
    // The first user's explain trace, as `--explain=json` has it: outside the 25 % roll.
    let x = &f["explain"];
    assert_eq!(x["name"], "new_checkout");
    let roll = &x["trace"]["rules"][3]["roll"];
    assert_eq!(roll["unit_id"], format!("user-{first}"));
    assert_eq!(
        roll["bucket"],
        sha256_u64(&format!("gate-checkout.rollout_25.user-{first}")) % 10000
    );
    assert_eq!(roll["in_rollout"], false);
}

/// The report without times (they change from run to run).
fn without_times(s: &str) -> String {
    s.lines()
        .map(|l| match l.rfind("  ") {
            Some(i) if l.ends_with(" ms") || l.ends_with(" s") => &l[..i],
            _ => l,
        })
        .filter(|l| !l.contains(" passed, "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn coverage_lists_rules_no_case_decided() {
    let r = run(&["test", "fixtures/suites", "--coverage"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let at = r
        .stdout
        .find("\nRule coverage")
        .expect("a coverage section");
    insta::assert_snapshot!(
        "coverage_of_the_example_suites",
        without_times(&r.stdout[at..])
    );
    // Nothing asks for a beta user: new_checkout's rule 2 is never decided.
    assert!(
        r.stdout
            .contains("  rule 2 `beta_users` of gate new_checkout: never decided\n")
    );
    let (_, doc) = json_report(&["fixtures/suites", "--coverage"]);
    let never = doc["coverage"][0]["never_decided"].as_array().unwrap();
    assert!(never.contains(&Json::from(
        "rule 2 `beta_users` of gate new_checkout: never decided"
    )));
    assert!(
        !never
            .iter()
            .any(|l| l.as_str().unwrap().contains("`employees`"))
    );
}

#[test]
fn junit_xml_parses_and_carries_names_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let xml_path = dir.path().join("report.xml");
    let r = run(&[
        "test",
        "fixtures/suites_failing",
        "fixtures/suites/internal.statsig.json",
        "--junit",
        xml_path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("12"));
    assert_eq!(root.attribute("failures"), Some("6"));
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(
        suites[0].attribute("name"),
        Some("fixtures/suites_failing/broken.statsig.yaml")
    );
    let testcases: Vec<_> = suites[1]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(
        testcases[1].attribute("name"),
        Some("enterprise companies see them in production [company=acme]")
    );
    let failures: Vec<_> = suites[0]
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 6);
    let wrong_value = suites[0]
        .children()
        .find(|n| n.attribute("name") == Some("wrong value"))
        .unwrap();
    let failure = wrong_value
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(
        failure.attribute("message"),
        Some("gate new_checkout: value expected false, got true")
    );
    assert!(
        failure
            .text()
            .unwrap()
            .contains("decided by: rule 1 \"employees\"")
    );
    for tc in root.descendants().filter(|n| n.has_tag_name("testcase")) {
        tc.attribute("time")
            .unwrap()
            .parse::<f64>()
            .expect("a number of seconds");
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn invalid_files_are_exit_2_with_file_line_col() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let specs = format!("specs: {}\n", fixture("demo_dcs.json").display());
    let bad = [
        (
            "unknown.statsig.yaml",
            format!(
                "{specs}cases:\n  - name: a\n    user: {{ userID: x }}\n    gates: {{ g: {{ rule: x }} }}\n"
            ),
            "unknown.statsig.yaml:5:19: unknown key `rule` in `gates.g` (did you mean `rule_id`?)",
        ),
        (
            "type.statsig.yaml",
            format!("{specs}cases:\n  - name: a\n    gates:\n      g: {{ rule_id: {{ a: 1 }} }}\n"),
            "type.statsig.yaml:5:21: `gates.g.rule_id` must be a string, found a mapping",
        ),
        (
            "var.statsig.yaml",
            format!(
                "{specs}cases:\n  - name: m\n    matrix: {{ country: [US] }}\n    user: {{ userID: \"u-${{contry}}\" }}\n    gates: {{ g: true }}\n"
            ),
            "var.statsig.yaml:5:21: `${contry}` is not a defined variable: case \"m\" defines `country` (did you mean `country`?)",
        ),
        (
            "syntax.statsig.yaml",
            "cases:\n  - name: [a\n".to_string(),
            "syntax.statsig.yaml:3:",
        ),
        (
            "syntax.statsig.json",
            "{\"cases\": [\n  {\"name\": \"a\",}\n]}".to_string(),
            "syntax.statsig.json:2:16: not valid JSON",
        ),
    ];
    for (name, text, want) in bad {
        let p = write(d, name, &text);
        let r = run(&["test", p.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{name}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
        let line = r.stderr.lines().next().unwrap_or_default();
        assert!(
            line.starts_with("error: ") && line.contains(want),
            "{name}: {line}\nwant: {want}"
        );
        assert!(
            line.contains(&format!("{}", d.join(name).display())),
            "{line}"
        );
    }
    // Every bad file is named, not only the first.
    let r = run(&["test", d.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .count(),
        5,
        "{}",
        r.stderr
    );
}

#[test]
fn specs_that_cannot_be_loaded_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "s.statsig.yaml",
        "specs: nowhere.json\ncases:\n  - name: a\n    gates: { g: true }\n",
    );
    let r = run(&["test", p.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("s.statsig.yaml: specs: "), "{}", r.stderr);
    assert!(r.stderr.contains("nowhere.json"), "{}", r.stderr);
    // No specs: in the file and none on the command line.
    let p = write(
        dir.path(),
        "t.statsig.yaml",
        "cases:\n  - name: a\n    gates: { g: true }\n",
    );
    let r = run(&["test", p.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no specs given"), "{}", r.stderr);
}

#[test]
fn relative_paths_are_resolved_against_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("suites/deep")).unwrap();
    std::fs::create_dir_all(d.join("specs")).unwrap();
    std::fs::copy(fixture("demo_dcs.json"), d.join("specs/prod.json")).unwrap();
    write(
        &d.join("suites/deep"),
        "a.statsig.yaml",
        "specs: ../../specs/prod.json\ncases:\n  - name: employees\n    user: { userID: \"1\", email: a@example.com }\n    gates: { new_checkout: true }\n",
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let out = statsig()
        .current_dir(elsewhere.path())
        .args(["test", d.join("suites").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And from the suite's own folder with a relative path.
    let out = statsig()
        .current_dir(d.join("suites"))
        .args(["test", "deep/a.statsig.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn json_and_yaml_suites_are_equivalent() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let specs = fixture("demo_dcs.json").display().to_string();
    let yaml = r#"
specs: SPECS
environment: production
user: { email: qa@acme.test }
cases:
  - name: a matrix
    matrix: { id: [c1, c2], n: [1.50, 2] }
    user: { userID: "${id}-${n}", country: CA }
    gates: { canada_promo: true, new_checkout: { value: true } }
  - name: a population
    population: { count: 500, user: { userID: "p-${i}" } }
    gates: { new_checkout: { pass_rate: [0.2, 0.3] } }
    configs: { pricing: { value_contains: { currency: USD } } }
"#;
    let json = r#"{
  "specs": "SPECS",
  "environment": "production",
  "user": {"email": "qa@acme.test"},
  "cases": [
    {"name": "a matrix", "matrix": {"id": ["c1", "c2"], "n": [1.50, 2]},
     "user": {"userID": "${id}-${n}", "country": "CA"},
     "gates": {"canada_promo": true, "new_checkout": {"value": true}}},
    {"name": "a population", "population": {"count": 500, "user": {"userID": "p-${i}"}},
     "gates": {"new_checkout": {"pass_rate": [0.2, 0.3]}},
     "configs": {"pricing": {"value_contains": {"currency": "USD"}}}}
  ]
}"#;
    let y = write(d, "eq.statsig.yaml", &yaml.replace("SPECS", &specs));
    let j = write(d, "eq.statsig.json", &json.replace("SPECS", &specs));
    let strip = |mut doc: Json| {
        for f in doc["files"].as_array_mut().unwrap() {
            f["path"] = Json::Null;
            for c in f["cases"].as_array_mut().unwrap() {
                c["duration_ms"] = Json::Null;
                c["location"] = Json::Null;
                for fl in c["failures"].as_array_mut().unwrap() {
                    fl["location"] = Json::Null;
                }
            }
        }
        doc["summary"]["duration_ms"] = Json::Null;
        doc
    };
    let (cy, dy) = json_report(&[y.to_str().unwrap()]);
    let (cj, dj) = json_report(&[j.to_str().unwrap()]);
    assert_eq!(cy, cj);
    let (dy, dj) = (strip(dy), strip(dj));
    assert_eq!(dy, dj);
    // The number is used as written: `1.50`, not `1.5`.
    assert_eq!(cases(&dy)[0]["name"], "a matrix [id=c1, n=1.50]");
    assert_eq!(dy["summary"]["total"], 5);
}

#[test]
fn filter_and_fail_fast_choose_what_runs() {
    let (code, doc) = json_report(&["fixtures/suites", "--filter", "CANADIANS"]);
    assert_eq!(code, 0);
    assert_eq!(doc["summary"]["total"], 3);
    let r = run(&["test", "fixtures/suites", "--filter", "nothing like this"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no case matches --filter"),
        "{}",
        r.stderr
    );
    let (code, doc) = json_report(&["fixtures/suites_failing", "--fail-fast"]);
    assert_eq!(code, 1);
    assert_eq!(doc["summary"]["passed"], 1);
    assert_eq!(doc["summary"]["failed"], 1);
    assert_eq!(doc["summary"]["skipped"], 5);
    let skipped = doc["files"][0]["skipped"].as_array().unwrap();
    assert_eq!(skipped[0]["name"], "wrong rule");
    // JUnit lists the cases not run as skipped.
    let dir = tempfile::tempdir().unwrap();
    let xml_path = dir.path().join("r.xml");
    let r = run(&[
        "test",
        "fixtures/suites_failing",
        "--fail-fast",
        "--junit",
        xml_path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        (root.attribute("tests"), root.attribute("skipped")),
        (Some("7"), Some("5"))
    );
    assert_eq!(
        root.descendants()
            .filter(|n| n.has_tag_name("skipped"))
            .count(),
        5
    );
}

#[test]
fn files_without_specs_use_the_source_flags() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "x.statsig.yml",
        "cases:\n  - name: employees\n    user: { userID: \"1\", email: a@example.com }\n    gates: { new_checkout: true }\n",
    );
    let r = run(&[
        "test",
        p.to_str().unwrap(),
        "--specs",
        fixture("demo_dcs.json").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("1 passed, 0 failed"));
}

#[test]
fn user_keys_no_condition_reads_are_warned_about_with_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "w.statsig.yaml",
        "cases:\n  - name: a\n    user: { userID: \"1\", emial: a@example.com }\n    gates: { new_checkout: { value: true, rule_id: rollout_25 } }\n",
    );
    let r = run(&[
        "test",
        p.to_str().unwrap(),
        "--specs",
        fixture("demo_dcs.json").to_str().unwrap(),
    ]);
    // The misspelt email is not read: the user is no employee (rule 1) and gets the gate
    // from rule 4's roll (sha256_u64("gate-checkout.rollout_25.1") % 10000 < 2500).
    assert!(sha256_u64("gate-checkout.rollout_25.1") % 10000 < 2500);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let want = format!(
        "warning: {}:3:26: user key `emial` is not a field Statsig reads, so no condition sees it (did you mean `email`?)",
        p.display()
    );
    assert!(r.stderr.contains(&want), "{}", r.stderr);
}

#[test]
fn at_in_a_file_is_now_for_that_file_and_the_flag_wins() {
    // fixtures/config_mapping_dcs.json maps `banner` to `banner_2027` from start_time
    // 1798761600000 (2027-01-01T00:00:00Z = 20819 days × 86 400 000 ms).
    assert_eq!(20_819i64 * 86_400_000, 1_798_761_600_000);
    let d = tempfile::tempdir().unwrap();
    let specs = fixture("config_mapping_dcs.json");
    let suite = |at: &str, text: &str| {
        format!(
            "specs: {}\n{at}cases:\n  - name: banner\n    user: {{ userID: u }}\n    configs: {{ banner: {{ value: {{ text: {text} }} }} }}\n",
            specs.display()
        )
    };
    let after = d.path().join("after.statsig.yaml");
    std::fs::write(&after, suite("at: 2027-01-01T00:00:00Z\n", "new")).unwrap();
    let before = d.path().join("before.statsig.yaml");
    std::fs::write(&before, suite("at: 1798761599999\n", "old")).unwrap();
    // Each file runs at its own `at:`, in one run.
    let r = run(&["test", after.to_str().unwrap(), before.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // --at wins over the files' `at:`: the "before" file now sees the mapping.
    let r = run(&["test", before.to_str().unwrap(), "--at", "2027-06-01"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("actual: {\"text\":\"new\"}"),
        "{}",
        r.stdout
    );
    // A time that is not one: FILE:LINE:COL, exit 2.
    let bad = d.path().join("bad.statsig.yaml");
    std::fs::write(&bad, suite("at: next tuesday\n", "old")).unwrap();
    let r = run(&["test", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(&format!(
            "error: {}:2:5: `at`: \"next tuesday\" is not a time",
            bad.display()
        )),
        "{}",
        r.stderr
    );
}
