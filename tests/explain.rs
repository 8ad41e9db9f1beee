//! `--explain` on `fixtures/explain_dcs.json`: every condition type, nested gates, segments,
//! id lists, holdouts, layers, overrides, and the JSON form. The hash rolls the snapshots
//! show are computed here from the documented hashing (evaluation.md §4, §11), not read from
//! the code under test, and the users are picked by those computations.

mod support;

use sha2::{Digest, Sha256};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/explain_dcs.json");
const ID_LISTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/explain_id_lists.json"
);

/// evaluation.md §4: the first 8 bytes of SHA-256, big-endian.
fn sha256_u64(s: &str) -> u64 {
    let d = Sha256::digest(s.as_bytes());
    u64::from_be_bytes(d[..8].try_into().unwrap())
}

/// Pass-percentage bucket: `sha256_u64(spec_salt.rule_salt.unit) % 10000`.
fn rule_bucket(spec_salt: &str, rule_salt: &str, unit: &str) -> u64 {
    sha256_u64(&format!("{spec_salt}.{rule_salt}.{unit}")) % 10_000
}

/// `user_bucket`: `sha256_u64(salt.unit) % 1000`.
fn user_bucket(salt: &str, unit: &str) -> u64 {
    sha256_u64(&format!("{salt}.{unit}")) % 1000
}

#[test]
fn documented_hash_vectors() {
    // evaluation.md §4 examples, so the helpers above are the documented ones.
    assert_eq!(rule_bucket("salt1", "rule1", "user-1"), 78);
    assert_eq!(user_bucket("bsalt", "user-1"), 651);
}

/// The first `user-N` id that `ok` accepts.
fn pick(ok: impl Fn(&str) -> bool) -> String {
    (0..10_000)
        .map(|i| format!("user-{i}"))
        .find(|u| ok(u))
        .expect("some id fits")
}

/// Where the fixture's experiment puts a user (by the fixture's salts).
#[derive(Debug, PartialEq)]
enum Placement {
    Holdout,
    NotAllocated,
    Control,
    Test,
}

fn placement(uid: &str) -> Placement {
    if rule_bucket("holdout-salt", "holdout_10pct", uid) < 1000 {
        Placement::Holdout
    } else if user_bucket("layer-salt", uid) < 500 {
        Placement::NotAllocated
    } else if user_bucket("exp-salt", uid) < 500 {
        Placement::Control
    } else {
        Placement::Test
    }
}

fn explain(args: &[&str]) -> support::Out {
    let mut c = support::statsig();
    c.args(args)
        .args(["--specs", FIXTURE, "--id-lists", ID_LISTS]);
    let mut out = support::run(c);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    // The fixture's deliberately unsupported gate warns at load; keep only the trace.
    out.stderr = out
        .stderr
        .lines()
        .filter(|l| !l.starts_with("warning: "))
        .map(|l| format!("{l}\n"))
        .collect();
    out
}

/// A user who fails every rule of `every_condition` but the last, whose 50 % roll `inside`
/// decides.
fn every_condition_user(inside: bool) -> (String, String) {
    let uid = pick(|u| {
        (rule_bucket("every_condition", "half", u) < 5000) == inside
            && user_bucket("bucket-salt", u) >= 300
            && placement(u) != Placement::Test
    });
    let user = serde_json::json!({
        "userID": uid,
        "email": "Dev@Example.com",
        "appVersion": "1.9.3-beta",
        "userAgent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "ip": "8.8.8.8",
        "custom": {"level": "9", "colors": ["blue", "green"]},
        "privateAttributes": {"tier_secret": "silver"},
        "customIDs": {"companyID": "initech"},
        "statsigEnvironment": {"tier": "production"}
    });
    (uid, user.to_string())
}

#[test]
fn every_condition_type_outside_the_rollout() {
    let (uid, user) = every_condition_user(false);
    let out = explain(&[
        "check-gate",
        "every_condition",
        "--explain",
        "--at",
        "2025-12-01T00:00:00Z",
        "--user",
        &user,
    ]);
    assert_eq!(out.stdout, "false\n");
    let err = &out.stderr;
    // The hand-computed rolls are the ones shown.
    let half = rule_bucket("every_condition", "half", &uid);
    assert!(err.contains(&format!(
        "bucket {half} of 10000 ≥ 5000 → outside the rollout (userID {uid:?})"
    )));
    let b = user_bucket("bucket-salt", &uid);
    assert!(err.contains(&format!("bucket {b} of 1000")), "{err}");
    // Coerced values: the number from a string, the lower-cased email, the version, the
    // browser from the user agent, the country from the ip, the time from --at.
    for seen in [
        "user value 9 (custom.level, as a number)",
        r#"user value "1.9.3" (appVersion, as a version)"#,
        r#"user value "firefox" (browser_name parsed from userAgent, lower-cased)"#,
        r#"user value "us" (country looked up from ip 8.8.8.8, lower-cased)"#,
        r#"user value "production" (statsigEnvironment.tier, lower-cased)"#,
        "user value 1764547200000 = 2025-12-01T00:00:00Z (now, as ms since the epoch)",
        "(1,204 values)",
        "privateAttributes.tier_secret (value not shown)",
    ] {
        assert!(err.contains(seen), "missing {seen:?} in\n{err}");
    }
    assert!(!err.contains("silver"), "a private attribute was shown");
    insta::assert_snapshot!("every_condition_outside", err.replace(&uid, "<uid>"));
}

#[test]
fn inside_the_rollout() {
    let (uid, user) = every_condition_user(true);
    let out = explain(&[
        "check-gate",
        "every_condition",
        "--explain",
        "--at",
        "2025-12-01T00:00:00Z",
        "--user",
        &user,
    ]);
    assert_eq!(out.stdout, "true\n");
    let half = rule_bucket("every_condition", "half", &uid);
    let last = out.stderr.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "decided by: rule 15 \"half\" of feature_gate \"every_condition\": every \
             condition passed and userID {uid:?} is in the 50% rollout (bucket {half} < 5000)"
        )
    );
}

#[test]
fn fixed_clock_decides_current_time() {
    let (_, user) = every_condition_user(false);
    for (at, verdict) in [
        ("2025-12-01", "→ fail"),
        ("2026-01-02T00:00:00Z", "→ pass"),
        ("1767312000000", "→ pass"),
    ] {
        let out = explain(&[
            "check-gate",
            "every_condition",
            "--explain",
            "--at",
            at,
            "--user",
            &user,
        ]);
        let line = out
            .stderr
            .lines()
            .find(|l| l.contains("current_time after"))
            .unwrap();
        assert!(line.ends_with(verdict), "{at}: {line}");
    }
}

#[test]
fn nested_gates_segments_id_lists_and_memo() {
    // beta-1's hash is in the list (the fixture holds the hashes of beta-1 and beta-2).
    let out = explain(&[
        "check-gate",
        "beta_access",
        "--explain",
        "--user-id",
        "beta-1",
    ]);
    assert_eq!(out.stdout, "true\n");
    let key = {
        use base64::Engine;
        let d = Sha256::digest(b"beta-1");
        base64::engine::general_purpose::STANDARD.encode(d)[..8].to_string()
    };
    assert!(
        out.stderr
            .contains(&format!("hashed {key}, in list \"beta_ids\"")),
        "{}",
        out.stderr
    );
    insta::assert_snapshot!("nested_in_list", out.stderr);
    let out = explain(&[
        "check-gate",
        "beta_access",
        "--explain",
        "--user-id",
        "nobody",
    ]);
    assert_eq!(out.stdout, "false\n");
    insta::assert_snapshot!("nested_not_in_list", out.stderr);
}

#[test]
fn layer_allocation_experiment_groups_and_holdout() {
    let held = pick(|u| placement(u) == Placement::Holdout && user_bucket("layer-salt", u) >= 500);
    let out = explain(&[
        "get-layer",
        "checkout_layer",
        "--explain",
        "--user-id",
        &held,
    ]);
    let hb = rule_bucket("holdout-salt", "holdout_10pct", &held);
    assert!(
        out.stderr
            .contains(&format!("bucket {hb} of 10000 < 1000 → in the rollout"))
    );
    assert!(
        out.stderr
            .lines()
            .last()
            .unwrap()
            .ends_with("the user is in holdout \"holdout_gate\", so the default value"),
        "{}",
        out.stderr
    );
    insta::assert_snapshot!("layer_holdout", out.stderr.replace(&held, "<uid>"));

    let test = pick(|u| placement(u) == Placement::Test);
    let out = explain(&[
        "get-layer",
        "checkout_layer",
        "--explain",
        "--user-id",
        &test,
    ]);
    let lb = user_bucket("layer-salt", &test);
    let eb = user_bucket("exp-salt", &test);
    assert!(
        out.stderr
            .contains(&format!("allocated the user at layer bucket {lb} of 1000"))
    );
    assert!(
        out.stderr
            .contains(&format!("bucket {eb} of 1000 (salt \"exp-salt\""))
    );
    assert!(out.stdout.contains("green"));
    insta::assert_snapshot!("layer_test_group", out.stderr.replace(&test, "<uid>"));
}

#[test]
fn overrides_decide_before_any_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("overrides.json");
    std::fs::write(
        &file,
        r#"{"gates": {"every_condition": {"u1": true, "acme": false, "*": true}}}"#,
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let last = |args: &[&str]| {
        let mut a = vec![
            "check-gate",
            "every_condition",
            "--explain",
            "--overrides",
            f,
        ];
        a.extend_from_slice(args);
        explain(&a).stderr.lines().last().unwrap().to_string()
    };
    assert_eq!(
        last(&["--user-id", "u1"]),
        "decided by: a local override for userID \"u1\" (reason LocalOverride)"
    );
    assert_eq!(
        last(&[
            "--user",
            r#"{"userID":"u2","customIDs":{"companyID":"acme"}}"#
        ]),
        "decided by: a local override for companyID \"acme\" (reason LocalOverride)"
    );
    assert_eq!(
        last(&["--user-id", "u3"]),
        "decided by: a local override for every user (reason LocalOverride)"
    );
}

#[test]
fn unsupported_and_unknown() {
    let out = explain(&["check-gate", "odd_operator", "--explain", "--user-id", "1"]);
    insta::assert_snapshot!("unsupported", out.stderr);
    let out = explain(&["check-gate", "no_such_gate", "--explain", "--user-id", "1"]);
    assert!(
        out.stderr.contains(
            "decided by: no gate named \"no_such_gate\" in the specs (reason Unrecognized)"
        )
    );
}

#[test]
fn json_form_is_one_document_on_stdout() {
    let test = pick(|u| placement(u) == Placement::Test);
    for form in [&["--explain=json"][..], &["--explain", "--json"][..]] {
        let mut args = vec!["get-experiment", "checkout_exp", "--user-id", &test];
        args.extend_from_slice(form);
        let out = explain(&args);
        assert!(
            !out.stderr.contains("decided by"),
            "{form:?}: no text trace"
        );
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["group_name"], "Test");
        let x = &v["explain"];
        assert_eq!(x["kind"], "config");
        let control = &x["trace"]["rules"][2]["conditions"][0]["bucket"];
        assert_eq!(control["bucket"], user_bucket("exp-salt", &test));
        let v: serde_json::Value =
            serde_json::from_str(&out.stdout.replace(&test, "<uid>")).unwrap();
        insta::assert_snapshot!("json_test_group", serde_json::to_string_pretty(&v).unwrap());
    }
}

/// `fixtures/config_mapping_dcs.json`: `pricing_v1` maps to `pricing_v2` by `map_staff`
/// (pass_gate is_staff: an email ending in @corp.com), else by `map_half` (public, 50 %,
/// rolled with pricing_v1's salt `cfg-v1`, evaluation.md §9.2).
const MAPPING: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/config_mapping_dcs.json"
);

fn explain_mapping(uid: &str, extra: &[&str]) -> (String, serde_json::Value) {
    let mut c = support::statsig();
    c.args([
        "get-config",
        "pricing_v1",
        "--specs",
        MAPPING,
        "--user-id",
        uid,
    ])
    .args(extra)
    .arg("--explain=json");
    let out = support::run(c);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut t = support::statsig();
    t.args([
        "get-config",
        "pricing_v1",
        "--specs",
        MAPPING,
        "--user-id",
        uid,
    ])
    .args(extra)
    .arg("--explain");
    let text = support::run(t).stderr;
    (text, doc)
}

#[test]
fn config_mapping_rules_are_traced() {
    // Staff: the first mapping rule's nested gate passes; mapped to pricing_v2.
    let (text, doc) = explain_mapping("user-0", &["--email", "Ann@Corp.com"]);
    let m = &doc["explain"]["config_mapping"];
    assert_eq!(m["from"], "pricing_v1");
    assert_eq!(m["to"], "pricing_v2");
    assert_eq!(m["rules"][0]["id"], "map_staff");
    assert_eq!(m["rules"][0]["outcome"], "pass");
    let nested = &m["rules"][0]["conditions"][0]["nested"][0];
    assert_eq!(nested["name"], "is_staff");
    assert_eq!(nested["value"], true);
    assert_eq!(doc["value"], serde_json::json!({"tier": "v2"}));
    assert!(
        text.contains("config mapping of \"pricing_v1\" (the payload's overrides)\n  rule 1 \"map_staff\" → \"pricing_v2\", pass 100%\n    pass_gate is_staff → pass\n"),
        "{text}"
    );
    assert!(text.contains(r#"user value "ann@corp.com" (email, lower-cased) → pass"#));
    // The mapped spec stays the trace's subject (the nested gate is not taken for it).
    assert_eq!(doc["explain"]["trace"]["name"], "pricing_v2");

    // Not staff, outside map_half's 50 %: both rules shown, the roll hand-computed.
    let out = pick(|u| rule_bucket("cfg-v1", "map_half", u) >= 5000);
    let (text, doc) = explain_mapping(&out, &[]);
    let m = &doc["explain"]["config_mapping"];
    assert_eq!(m["to"], serde_json::Value::Null);
    assert_eq!(m["rules"][0]["outcome"], "no_match");
    assert_eq!(m["rules"][1]["outcome"], "roll_fail");
    let b = rule_bucket("cfg-v1", "map_half", &out);
    assert_eq!(m["rules"][1]["roll"]["bucket"], b);
    assert!(
        text.contains(&format!(
            "    bucket {b} of 10000 ≥ 5000 → outside the rollout (userID {out:?})\n    matched, outside the rollout: not mapped by this rule\n"
        )),
        "{text}"
    );
    assert_eq!(doc["explain"]["trace"]["name"], "pricing_v1");
    assert_eq!(doc["value"], serde_json::json!({"tier": "v1-rule"}));

    // Inside the 50 %: mapped by the second rule.
    let inside = pick(|u| rule_bucket("cfg-v1", "map_half", u) < 5000);
    let (_, doc) = explain_mapping(&inside, &[]);
    let m = &doc["explain"]["config_mapping"];
    assert_eq!(m["to"], "pricing_v2");
    assert_eq!(m["rules"][1]["outcome"], "pass");
    assert_eq!(doc["value"], serde_json::json!({"tier": "v2"}));
}
