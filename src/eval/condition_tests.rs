//! Unit tests for every condition type and operator (evaluation.md §4–§12, dcs-format.md §8).
//!
//! Each test builds a tiny v1 (or v2) payload whose gate `g` has one rule holding the
//! condition under test, compiles it with [`parse_payload`] and evaluates it.

use serde_json::{Value as Json, json};

use crate::eval::evaluator::{EvalOptions, Evaluator};
use crate::result::Reason;
use crate::spec::id_lists::IdList;
use crate::spec::model::{CompiledSpecs, Kind};
use crate::spec::{Parsed, parse_payload};
use crate::user::User;

/// "Now" for every test: 2023-11-14T22:13:20Z.
const NOW: i64 = 1_700_000_000_000;

// ------------------------------------------------------------------------------ helpers

fn rule(id: &str, pass: f64, conds: Json) -> Json {
    json!({"id": id, "name": id, "passPercentage": pass, "returnValue": true,
           "idType": "userID", "conditions": conds})
}

fn gate_rules(name: &str, rules: Vec<Json>) -> Json {
    json!({"name": name, "type": "feature_gate", "entity": "feature_gate", "salt": "s",
           "enabled": true, "defaultValue": false, "idType": "userID", "rules": rules})
}

/// A gate with one 100 % rule (id `<name>_rule`) holding `conds`.
fn gate(name: &str, conds: Json) -> Json {
    gate_rules(name, vec![rule(&format!("{name}_rule"), 100.0, conds)])
}

/// A segment (`segment:<x>` names are never recorded as exposures).
fn segment(name: &str, conds: Json) -> Json {
    let mut g = gate(name, conds);
    g["entity"] = json!("segment");
    g
}

fn payload(gates: Vec<Json>) -> Json {
    json!({"time": 1, "feature_gates": gates, "dynamic_configs": [], "layer_configs": []})
}

fn compile(p: &Json) -> CompiledSpecs {
    match parse_payload(p.to_string().as_bytes(), "test").expect("payload compiles") {
        Parsed::Specs(s) => *s,
        Parsed::NoUpdates => panic!("no updates"),
    }
}

fn user(u: &str) -> User {
    User::parse(u, "test user").expect("user parses")
}

/// What a test looks at, owned.
#[derive(Debug)]
struct Out {
    bool: bool,
    rule_id: Option<String>,
    id_type: Option<String>,
    reason: Reason,
    /// `gate=value/ruleID` in order.
    exposures: Vec<String>,
    group_name: Option<String>,
}

fn eval_kind(specs: &CompiledSpecs, u: &str, kind: Kind, name: &str) -> Out {
    let u = user(u);
    let opts = EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: NOW,
    };
    let mut ev = Evaluator::new(specs, &u, opts);
    let r = ev.evaluate(kind, name);
    Out {
        bool: r.bool,
        rule_id: r.rule_id.map(String::from),
        id_type: r.id_type.map(String::from),
        reason: r.reason(),
        exposures: r
            .secondary_exposures
            .iter()
            .map(|e| format!("{}={}/{}", e.gate, e.value, e.rule_id))
            .collect(),
        group_name: r.group_name.map(String::from),
    }
}

fn eval_specs(specs: &CompiledSpecs, u: &str) -> Out {
    eval_kind(specs, u, Kind::Gate, "g")
}

fn eval(p: &Json, u: &str) -> Out {
    eval_specs(&compile(p), u)
}

/// Evaluates gate `g` whose only rule holds `cond`; asserts the result is a normal one.
fn check(cond: Json, u: &str) -> bool {
    let out = eval(&payload(vec![gate("g", json!([cond]))]), u);
    assert_eq!(out.reason, Reason::Recognized, "{out:?}");
    let expected_rule = if out.bool { "g_rule" } else { "default" };
    assert_eq!(out.rule_id.as_deref(), Some(expected_rule));
    out.bool
}

fn cond(type_: &str, field: Json, op: &str, target: Json) -> Json {
    json!({"type": type_, "field": field, "operator": op, "targetValue": target,
           "idType": "userID"})
}

fn uf(field: &str, op: &str, target: Json) -> Json {
    cond("user_field", json!(field), op, target)
}

/// `op` applied to the user value `value` (held in `custom.x`) and `target`.
fn op(op: &str, target: Json, value: Json) -> bool {
    let u = json!({"userID": "u", "custom": {"x": value}});
    check(uf("x", op, target), &u.to_string())
}

/// `op` applied to a missing user value.
fn op_missing(op: &str, target: Json) -> bool {
    check(uf("x", op, target), r#"{"userID":"u"}"#)
}

// ------------------------------------------------------------------------------ public

#[test]
fn public_is_true_whatever_the_operator() {
    assert!(check(json!({"type": "public", "operator": null}), "{}"));
    // dcs-format §8: "any" may appear on public; it is ignored (and the spec is not dropped).
    assert!(check(
        json!({"type": "public", "operator": "any", "targetValue": ["nobody"]}),
        "{}"
    ));
    assert!(check(
        json!({"type": "public", "operator": "eq", "targetValue": false}),
        "{}"
    ));
}

// ------------------------------------------------------------------------------ rules (§3, §4, §12)

#[test]
fn first_matching_rule_wins_even_when_its_roll_fails() {
    let p = payload(vec![gate_rules(
        "g",
        vec![
            rule("r0", 0.0, json!([{"type": "public"}])),
            rule("r1", 100.0, json!([{"type": "public"}])),
        ],
    )]);
    let out = eval(&p, r#"{"userID":"u"}"#);
    assert!(!out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("r0"));
}

#[test]
fn all_conditions_run_and_exposures_of_failed_rules_stay() {
    let p = payload(vec![
        gate_rules(
            "g",
            vec![
                rule(
                    "r1",
                    100.0,
                    json!([{"type": "pass_gate", "targetValue": "off"},
                           {"type": "pass_gate", "targetValue": "on"}]),
                ),
                rule(
                    "r2",
                    100.0,
                    json!([{"type": "fail_gate", "targetValue": "off"}]),
                ),
            ],
        ),
        gate("on", json!([{"type": "public"}])),
        gate("off", json!([uf("email", "eq", json!("nobody"))])),
    ]);
    let out = eval(&p, r#"{"userID":"u"}"#);
    assert!(out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("r2"));
    // r1 failed on its first condition but its second still ran; the memo replays `off`.
    assert_eq!(
        out.exposures,
        ["off=false/default", "on=true/on_rule", "off=false/default"]
    );
}

#[test]
fn a_failed_field_condition_still_lets_a_later_nested_gate_record_its_exposure() {
    // The untraced evaluator runs effectful conditions first and the pure ones after, cheap
    // ones first; the answer and the exposures are those of the rule's order.
    let bucket = |salt: &str| {
        json!({"type": "user_bucket", "operator": "lt", "targetValue": 1000,
               "additionalValues": {"salt": salt}, "idType": "userID"})
    };
    let p = payload(vec![
        gate_rules(
            "g",
            vec![
                rule(
                    "r1",
                    100.0,
                    json!([bucket("same"), uf("email", "eq", json!("nobody")),
                           {"type": "pass_gate", "targetValue": "on"}]),
                ),
                rule(
                    "r2",
                    100.0,
                    json!([bucket("same"), {"type": "fail_gate", "targetValue": "off"}]),
                ),
            ],
        ),
        gate("on", json!([{"type": "public"}])),
        gate("off", json!([uf("email", "eq", json!("nobody"))])),
    ]);
    let out = eval(&p, r#"{"userID":"u","email":"a@b"}"#);
    assert!(out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("r2"));
    assert_eq!(out.exposures, ["on=true/on_rule", "off=false/default"]);
    // The same rules with the field condition passing: r1 passes.
    let out = eval(&p, r#"{"userID":"u","email":"nobody"}"#);
    assert_eq!(out.rule_id.as_deref(), Some("r1"));
    assert_eq!(out.exposures, ["on=true/on_rule"]);
}

#[test]
fn pass_percentage_roll_and_rule_salts() {
    // evaluation.md §4: sha256_u64("salt1.rule1.user-1") % 10000 = 78, and
    // sha256_u64("salt1..user-1") % 10000 = 6690.
    let mk = |pass: f64, salt: Option<Json>| {
        let mut r = rule("rule1", pass, json!([{"type": "public"}]));
        if let Some(s) = salt {
            r["salt"] = s;
        }
        let mut g = gate_rules("g", vec![r]);
        g["salt"] = json!("salt1");
        payload(vec![g])
    };
    let u = r#"{"userID":"user-1"}"#;
    let roll = |pass: f64, salt: Option<Json>| {
        let out = eval(&mk(pass, salt), u);
        assert_eq!(out.rule_id.as_deref(), Some("rule1"));
        out.bool
    };
    // No salt: the rule id is used.
    assert!(roll(0.79, None));
    assert!(!roll(0.78, None));
    assert!(roll(0.79, Some(json!("rule1"))));
    // A null salt falls back to the rule id (R).
    assert!(roll(0.79, Some(Json::Null)));
    // dcs-format §8: an empty rule salt is used verbatim.
    assert!(!roll(66.89, Some(json!(""))));
    assert!(roll(66.91, Some(json!(""))));
    assert!(roll(50.0, None));
    assert!(!roll(50.0, Some(json!(""))));
    // The unit is the rule's idType.
    assert!(!eval(&mk(0.79, None), r#"{"userID":"user-2"}"#).bool);
}

#[test]
fn disabled_spec_still_runs_rules_and_returns_default_value() {
    let mut g = gate_rules(
        "g",
        vec![rule("r", 100.0, json!([uf("email", "eq", json!("x@y"))]))],
    );
    g["enabled"] = json!(false);
    g["defaultValue"] = json!(true);
    let p = payload(vec![g]);
    let out = eval(&p, r#"{"email":"nobody"}"#);
    assert!(out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("disabled"));
    let out = eval(&p, r#"{"email":"x@y"}"#);
    assert!(out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("r"));
}

#[test]
fn holdout_rule_returning_false_yields_false() {
    let mut r = rule("holdout", 100.0, json!([{"type": "public"}]));
    r["returnValue"] = json!(false);
    let out = eval(&payload(vec![gate_rules("g", vec![r])]), "{}");
    assert!(!out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("holdout"));
}

// ------------------------------------------------------------------------------ pass_gate / fail_gate (§7)

#[test]
fn pass_and_fail_gate_follow_the_nested_gate() {
    let p = |t: &str| {
        payload(vec![
            gate(
                "g",
                json!([{"type": t, "targetValue": "inner", "operator": null}]),
            ),
            gate(
                "inner",
                json!([uf("email", "str_ends_with_any", json!(["@statsig.com"]))]),
            ),
        ])
    };
    let yes = r#"{"email":"a@Statsig.com"}"#;
    let no = r#"{"email":"a@example.com"}"#;
    let out = eval(&p("pass_gate"), yes);
    assert!(out.bool);
    assert_eq!(out.exposures, ["inner=true/inner_rule"]);
    let out = eval(&p("pass_gate"), no);
    assert!(!out.bool);
    assert_eq!(out.exposures, ["inner=false/default"]);
    // fail_gate negates the condition, not the recorded value.
    let out = eval(&p("fail_gate"), no);
    assert!(out.bool);
    assert_eq!(out.exposures, ["inner=false/default"]);
    assert!(!eval(&p("fail_gate"), yes).bool);
}

#[test]
fn nested_exposures_come_before_the_gate_record() {
    let p = payload(vec![
        gate("g", json!([{"type": "pass_gate", "targetValue": "a"}])),
        gate("a", json!([{"type": "pass_gate", "targetValue": "b"}])),
        gate("b", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(out.bool);
    assert_eq!(out.exposures, ["b=true/b_rule", "a=true/a_rule"]);
    assert_eq!(out.rule_id.as_deref(), Some("g_rule"));
}

#[test]
fn operator_on_pass_gate_is_ignored() {
    let p = payload(vec![
        gate(
            "g",
            json!([{"type": "pass_gate", "operator": "any", "targetValue": "b"}]),
        ),
        gate("b", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(out.bool);
    assert_eq!(out.reason, Reason::Recognized);
}

#[test]
fn unrecognized_nested_gate_is_false_without_a_record() {
    let p = |t: &str| {
        payload(vec![gate(
            "g",
            json!([{"type": t, "targetValue": "missing"}]),
        )])
    };
    let out = eval(&p("pass_gate"), "{}");
    assert!(!out.bool);
    assert!(out.exposures.is_empty(), "{out:?}");
    assert_eq!(out.reason, Reason::Recognized);
    let out = eval(&p("fail_gate"), "{}");
    assert!(out.bool);
    assert!(out.exposures.is_empty());
    // A non-string target names the gate "" (unrecognized).
    let p = payload(vec![gate(
        "g",
        json!([{"type": "pass_gate", "targetValue": 5}]),
    )]);
    assert!(!eval(&p, "{}").bool);
}

#[test]
fn unrecognized_nested_gate_keeps_the_earlier_rule_id() {
    // §7.2 R quirk: an unrecognized gate does not touch rule_id, so its record carries the
    // rule id of the nested gate evaluated before it.
    let p = payload(vec![
        gate(
            "g",
            json!([{"type": "pass_gate", "targetValue": "on"},
                   {"type": "pass_gate", "targetValue": "missing"}]),
        ),
        gate("on", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(!out.bool);
    assert_eq!(out.exposures, ["on=true/on_rule", "missing=false/on_rule"]);
}

#[test]
fn nested_gate_memo_replays_the_first_result() {
    // Rule 1 memoises `missing` with no rule id. In rule 2 the `on` gate writes a rule id,
    // then `missing` is restored from the memo (rule id none) and so records nothing.
    // Without the memo it would be re-evaluated and recorded with `on`'s rule id.
    let p = payload(vec![
        gate_rules(
            "g",
            vec![
                rule(
                    "r1",
                    100.0,
                    json!([{"type": "pass_gate", "targetValue": "missing"}]),
                ),
                rule(
                    "r2",
                    100.0,
                    json!([{"type": "pass_gate", "targetValue": "on"},
                           {"type": "pass_gate", "targetValue": "missing"}]),
                ),
            ],
        ),
        gate("on", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(!out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("default"));
    assert_eq!(out.exposures, ["on=true/on_rule"]);
}

#[test]
fn memo_replays_nested_exposures_and_fail_gate_negates_the_memo() {
    let p = payload(vec![
        gate(
            "g",
            json!([{"type": "pass_gate", "targetValue": "a"},
                   {"type": "fail_gate", "targetValue": "a"}]),
        ),
        gate("a", json!([{"type": "pass_gate", "targetValue": "b"}])),
        gate("b", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(!out.bool, "pass_gate a && fail_gate a");
    assert_eq!(
        out.exposures,
        [
            "b=true/b_rule",
            "a=true/a_rule",
            "b=true/b_rule",
            "a=true/a_rule"
        ]
    );
}

#[test]
fn segment_records_are_never_kept() {
    let p = payload(vec![
        gate(
            "g",
            json!([{"type": "pass_gate", "targetValue": "segment:s"}]),
        ),
        segment(
            "segment:s",
            json!([{"type": "pass_gate", "targetValue": "inner"}]),
        ),
        gate("inner", json!([{"type": "public"}])),
    ]);
    let out = eval(&p, "{}");
    assert!(out.bool);
    assert_eq!(out.exposures, ["inner=true/inner_rule"]);
    // multi_* records are dropped at output time; the raw record is kept here (§7.4).
}

#[test]
fn unsupported_nested_gate_makes_the_parent_unsupported() {
    let p = payload(vec![
        gate(
            "g",
            json!([{"type": "pass_gate", "targetValue": "on"},
                   {"type": "pass_gate", "targetValue": "bad"}]),
        ),
        gate("on", json!([{"type": "public"}])),
        gate(
            "bad",
            json!([{"type": "user_field", "field": "email", "operator": null}]),
        ),
    ]);
    let out = eval(&p, "{}");
    assert_eq!(out.reason, Reason::Unsupported);
    // The exposures gathered before the unsupported gate are lost.
    assert!(out.exposures.is_empty(), "{out:?}");
    assert_eq!(out.id_type.as_deref(), Some("userID"));
}

#[test]
fn gate_dropped_by_the_legacy_loader_resets_the_parent() {
    // §7.3 (conformance: P): records {name,false,""}, empties earlier exposures.
    let p = |t: &str| {
        payload(vec![
            gate(
                "g",
                json!([{"type": "pass_gate", "targetValue": "on"},
                       {"type": t, "targetValue": "dropped"}]),
            ),
            gate("on", json!([{"type": "public"}])),
            gate("dropped", json!([uf("email", "no_such_op", json!("x"))])),
        ])
    };
    let out = eval(&p("pass_gate"), "{}");
    assert!(!out.bool);
    assert_eq!(out.reason, Reason::Recognized);
    assert_eq!(out.exposures, ["dropped=false/"]);
    let out = eval(&p("fail_gate"), "{}");
    assert!(out.bool);
    assert_eq!(out.exposures, ["dropped=false/"]);
}

#[test]
fn gate_cycle_ends_unsupported_without_overflow() {
    let p = payload(vec![gate(
        "g",
        json!([{"type": "pass_gate", "targetValue": "g"}]),
    )]);
    let out = eval(&p, "{}");
    assert_eq!(out.reason, Reason::Unsupported);
}

// ------------------------------------------------------------------------------ multi_pass_gate / multi_fail_gate (§7.4)

fn multi_payload(t: &str, target: Json) -> Json {
    payload(vec![
        gate("g", json!([{"type": t, "targetValue": target}])),
        gate("on", json!([{"type": "pass_gate", "targetValue": "inner"}])),
        gate("inner", json!([{"type": "public"}])),
        gate("off", json!([uf("email", "eq", json!("nobody"))])),
        gate("off2", json!([uf("email", "eq", json!("nobody"))])),
    ])
}

#[test]
fn multi_pass_gate_stops_at_the_first_passing_gate() {
    let out = eval(
        &multi_payload("multi_pass_gate", json!(["off", "on", "off2"])),
        "{}",
    );
    assert!(out.bool);
    // Separate evaluations: `on`'s own nested exposure (inner) is not added.
    assert_eq!(out.exposures, ["off=false/default", "on=true/on_rule"]);
    let out = eval(
        &multi_payload("multi_pass_gate", json!(["off", "missing", "off2"])),
        "{}",
    );
    assert!(!out.bool);
    // Every checked gate is recorded, a missing one with rule id "".
    assert_eq!(
        out.exposures,
        ["off=false/default", "missing=false/", "off2=false/default"]
    );
}

#[test]
fn multi_fail_gate_stops_at_the_first_failing_gate() {
    let out = eval(
        &multi_payload("multi_fail_gate", json!(["on", "off", "off2"])),
        "{}",
    );
    assert!(out.bool);
    assert_eq!(out.exposures, ["on=true/on_rule", "off=false/default"]);
    let out = eval(&multi_payload("multi_fail_gate", json!(["on", "on"])), "{}");
    assert!(!out.bool);
    assert_eq!(out.exposures, ["on=true/on_rule", "on=true/on_rule"]);
}

#[test]
fn multi_gate_with_null_or_empty_target_is_false() {
    for t in ["multi_pass_gate", "multi_fail_gate"] {
        assert!(!eval(&multi_payload(t, Json::Null), "{}").bool);
        let out = eval(&multi_payload(t, json!([])), "{}");
        assert!(!out.bool);
        assert!(out.exposures.is_empty());
    }
}

// ------------------------------------------------------------------------------ user_field (§5.1)

#[test]
fn user_field_top_level_value_when_non_empty() {
    let c = uf("email", "eq", json!("a@b"));
    assert!(check(
        c.clone(),
        r#"{"email":"a@b","custom":{"email":"c@d"}}"#
    ));
    // Empty top-level value: fall through to custom.
    assert!(!check(
        c.clone(),
        r#"{"email":"","custom":{"email":"c@d"}}"#
    ));
    assert!(check(
        uf("email", "eq", json!("c@d")),
        r#"{"email":"","custom":{"email":"c@d"}}"#
    ));
    // The field name is matched case-insensitively against the top-level names.
    assert!(check(uf("EMAIL", "eq", json!("a@b")), r#"{"email":"a@b"}"#));
    assert!(check(uf("UserID", "eq", json!("7")), r#"{"userID":"7"}"#));
    // Numbers use their string form.
    assert!(check(uf("userID", "eq", json!("123")), r#"{"userID":123}"#));
}

#[test]
fn user_field_custom_exact_then_lowercase() {
    let u = r#"{"custom":{"Plan":"exact","plan":"lower"}}"#;
    assert!(check(uf("Plan", "eq", json!("exact")), u));
    assert!(check(uf("PLAN", "eq", json!("lower")), u));
    assert!(check(uf("plan", "eq", json!("lower")), u));
    // No upper-casing: only the field and its lower-case form are tried.
    assert!(!check(
        uf("plan", "eq", json!("exact")),
        r#"{"custom":{"Plan":"exact"}}"#
    ));
}

#[test]
fn user_field_private_attributes_after_custom() {
    let c = uf("tier", "eq", json!("p"));
    assert!(check(c.clone(), r#"{"privateAttributes":{"tier":"p"}}"#));
    assert!(!check(
        c.clone(),
        r#"{"custom":{"tier":"c"},"privateAttributes":{"tier":"p"}}"#
    ));
    assert!(check(
        uf("TIER", "eq", json!("p")),
        r#"{"privateAttributes":{"tier":"p"}}"#
    ));
}

#[test]
fn user_field_present_null_custom_key_wins() {
    let u = r#"{"custom":{"x":null},"privateAttributes":{"x":"p"}}"#;
    assert!(check(uf("x", "eq", Json::Null), u));
    assert!(!check(uf("x", "eq", json!("p")), u));
    // Even over the alias of a top-level field.
    let u = r#"{"userID":"7","custom":{"user_id":null}}"#;
    assert!(check(uf("user_id", "eq", Json::Null), u));
}

#[test]
fn user_field_aliases() {
    // user_id maps to userID even when it is empty ("" when absent).
    assert!(check(uf("user_id", "eq", json!("7")), r#"{"userID":"7"}"#));
    assert!(check(uf("user_id", "eq", json!("")), "{}"));
    assert!(!check(uf("user_id", "eq", Json::Null), "{}"));
    // userID itself is used only when non-empty, and is not an alias.
    assert!(check(uf("userID", "eq", Json::Null), "{}"));
    assert!(check(
        uf("app_version", "eq", json!("1.2")),
        r#"{"appVersion":"1.2"}"#
    ));
    assert!(check(
        uf("user_agent", "eq", json!("UA")),
        r#"{"userAgent":"UA"}"#
    ));
    // A custom user_agent beats the top-level userAgent for the alias.
    assert!(check(
        uf("user_agent", "eq", json!("custom")),
        r#"{"userAgent":"UA","custom":{"user_agent":"custom"}}"#
    ));
    // ip_address is not an alias.
    assert!(check(
        uf("ip_address", "eq", Json::Null),
        r#"{"ip":"1.2.3.4"}"#
    ));
}

#[test]
fn user_field_null_field_is_missing() {
    let c = json!({"type": "user_field", "field": null, "operator": "eq", "targetValue": null});
    assert!(check(c, r#"{"userID":"u","custom":{"null":"x"}}"#));
    let c = json!({"type": "user_field", "operator": "any", "targetValue": [""]});
    assert!(check(c, r#"{"userID":"u"}"#));
}

// ------------------------------------------------------------------------------ ip_based (§5.3)

fn ip(op: &str, field: &str, target: Json) -> Json {
    cond("ip_based", json!(field), op, target)
}

#[test]
fn ip_based_country_from_ip() {
    assert!(check(
        ip("any", "country", json!(["us"])),
        r#"{"ip":"1.1.1.1"}"#
    ));
    assert!(check(
        ip("any", "country", json!(["FR"])),
        r#"{"ip":"2.2.2.2"}"#
    ));
    assert!(!check(
        ip("any", "country", json!(["US"])),
        r#"{"ip":"2.2.2.2"}"#
    ));
    // The IP may also come from custom (get("ip")).
    assert!(check(
        ip("any", "country", json!(["US"])),
        r#"{"custom":{"ip":"1.1.1.1"}}"#
    ));
}

#[test]
fn ip_based_user_country_wins_and_empty_country_falls_back() {
    let c = ip("any", "country", json!(["DE"]));
    assert!(check(c.clone(), r#"{"country":"DE","ip":"1.1.1.1"}"#));
    assert!(check(
        ip("any", "country", json!(["US"])),
        r#"{"country":"","ip":"1.1.1.1"}"#
    ));
    assert!(check(c, r#"{"ip":"1.1.1.1","custom":{"country":"DE"}}"#));
}

#[test]
fn ip_based_without_anything_runs_the_operator_on_the_empty_value() {
    // R: `none` is true (P would say false).
    assert!(check(ip("none", "country", json!(["US"])), "{}"));
    assert!(!check(ip("any", "country", json!(["US"])), "{}"));
    assert!(check(ip("eq", "country", Json::Null), "{}"));
    // `--`, IPv6, bad quads and out-of-table numbers give no country (and never panic).
    for bad in [
        "10.10.10.10",
        "::1",
        "1.2.3",
        "a.b.c.d",
        "999.1.1.1",
        "1.1.1.1.1",
    ] {
        let u = json!({"ip": bad}).to_string();
        assert!(
            check(ip("none", "country", json!(["US", "--"])), &u),
            "{bad}"
        );
    }
}

#[test]
fn ip_based_looks_up_the_country_only_for_the_exact_field_country() {
    assert!(!check(
        ip("any", "Country", json!(["US"])),
        r#"{"ip":"1.1.1.1"}"#
    ));
    // Other fields are plain lookups.
    assert!(check(
        ip("any", "ip", json!(["1.1.1.1"])),
        r#"{"ip":"1.1.1.1"}"#
    ));
}

// ------------------------------------------------------------------------------ ua_based (§5.2)

const CHROME_WIN: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
    (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

fn ua(field: &str, op: &str, target: Json) -> Json {
    cond("ua_based", json!(field), op, target)
}

#[test]
fn ua_based_parses_the_user_agent() {
    let u = json!({"userAgent": CHROME_WIN}).to_string();
    assert!(check(ua("os_name", "any", json!(["windows"])), &u));
    assert!(check(ua("osname", "eq", json!("Windows")), &u));
    assert!(check(ua("os_version", "eq", json!("10")), &u));
    assert!(check(ua("browser_name", "any", json!(["Chrome"])), &u));
    assert!(check(ua("browserVersion", "eq", json!("140.0.0.0")), &u));
    assert!(check(
        ua("browser_version", "version_gte", json!("139")),
        &u
    ));
    // Other fields have no UA value.
    assert!(check(ua("device", "eq", Json::Null), &u));
    // The user agent may come from custom.
    let u = json!({"custom": {"userAgent": CHROME_WIN}}).to_string();
    assert!(check(ua("os_name", "eq", json!("Windows")), &u));
}

#[test]
fn ua_based_user_field_wins_over_parsing() {
    let u = json!({"userAgent": CHROME_WIN, "custom": {"os_name": "Linux"}}).to_string();
    assert!(check(ua("os_name", "eq", json!("Linux")), &u));
    assert!(!check(ua("os_name", "eq", json!("Windows")), &u));
}

#[test]
fn ua_based_without_a_usable_user_agent_is_missing() {
    assert!(check(ua("os_name", "none", json!(["Windows"])), "{}"));
    assert!(check(
        ua("os_name", "eq", Json::Null),
        r#"{"userAgent":""}"#
    ));
    // User agents longer than 1000 bytes are not parsed.
    let long = format!("{CHROME_WIN} {}", "x".repeat(1000));
    let u = json!({ "userAgent": long }).to_string();
    assert!(check(ua("os_name", "eq", Json::Null), &u));
}

// ------------------------------------------------------------------------------ environment_field (§1.2, §5.4)

#[test]
fn environment_field_user_tier_then_default_environment() {
    let c = cond(
        "environment_field",
        json!("tier"),
        "any",
        json!(["staging"]),
    );
    let mut p = payload(vec![gate("g", json!([c]))]);
    assert!(eval(&p, r#"{"statsigEnvironment":{"tier":"Staging"}}"#).bool);
    assert!(!eval(&p, "{}").bool);
    p["default_environment"] = json!("staging");
    assert!(eval(&p, "{}").bool);
    // The user's own tier wins.
    assert!(!eval(&p, r#"{"statsigEnvironment":{"tier":"production"}}"#).bool);
}

#[test]
fn environment_field_user_key_is_exact_default_also_lowercase() {
    let c = cond(
        "environment_field",
        json!("Tier"),
        "eq",
        json!("production"),
    );
    let mut p = payload(vec![gate("g", json!([c]))]);
    p["default_environment"] = json!("production");
    // User key "tier" does not match field "Tier"; the SDK environment does, via lower-case.
    assert!(eval(&p, r#"{"statsigEnvironment":{"tier":"staging"}}"#).bool);
    assert!(!eval(&p, r#"{"statsigEnvironment":{"Tier":"staging"}}"#).bool);
    // Without either: missing.
    let c = cond(
        "environment_field",
        json!("tier"),
        "none",
        json!(["production"]),
    );
    assert!(check(c, "{}"));
}

// ------------------------------------------------------------------------------ current_time (§5.5)

#[test]
fn current_time_compares_as_milliseconds() {
    let t = |op: &str, target: Json| check(cond("current_time", Json::Null, op, target), "{}");
    assert!(t("after", json!(NOW - 1)));
    assert!(!t("after", json!(NOW)));
    assert!(t("before", json!(NOW + 1)));
    assert!(!t("before", json!(NOW)));
    assert!(t("on", json!("2023-11-14T00:00:00Z")));
    assert!(!t("on", json!("2023-11-15T00:00:00Z")));
    assert!(t("after", json!("2023-11-14 22:13:19")));
    // Targets are never scaled: 1.7e9 "seconds" in the future are ms in 1970.
    assert!(!t("before", json!(1_700_000_001)));
    // Only an int facet: numeric and equality operators are false.
    assert!(!t("gt", json!(0)));
    assert!(!t("lt", json!(NOW * 2)));
    assert!(!t("eq", json!(NOW)));
}

// ------------------------------------------------------------------------------ user_bucket (§4)

fn bucket(op: &str, target: Json, salt: Option<&str>) -> Json {
    let mut c = cond("user_bucket", Json::Null, op, target);
    if let Some(s) = salt {
        c["additionalValues"] = json!({ "salt": s });
    }
    c
}

#[test]
fn user_bucket_array_target() {
    // sha256_u64("bsalt.user-1") % 1000 = 651.
    let u = r#"{"userID":"user-1"}"#;
    assert!(check(bucket("any", json!([650, 651]), Some("bsalt")), u));
    assert!(!check(bucket("any", json!([650, 652]), Some("bsalt")), u));
    assert!(check(bucket("none", json!([650, 652]), Some("bsalt")), u));
    assert!(check(bucket("lt", json!(652), Some("bsalt")), u));
    assert!(!check(bucket("lt", json!(651), Some("bsalt")), u));
    assert!(check(bucket("gte", json!(651), Some("bsalt")), u));
    assert!(check(bucket("eq", json!(651), Some("bsalt")), u));
    // No salt: "" → sha256_u64(".user-1") % 1000 = 450.
    assert!(check(bucket("eq", json!(450), None), u));
}

#[test]
fn user_bucket_uses_the_conditions_id_type() {
    let mut c = bucket("eq", json!(651), Some("bsalt"));
    c["idType"] = json!("stableID");
    assert!(check(
        c.clone(),
        r#"{"userID":"x","customIDs":{"stableID":"user-1"}}"#
    ));
    assert!(!check(c, r#"{"userID":"user-1"}"#));
}

#[test]
fn user_bucket_v2_object_target() {
    let v2 = |target: Json, op: &str| {
        json!({"response_format": "dcs-v2", "time": 1, "has_updates": true,
          "feature_gates": {"g": {"type": "feature_gate", "entity": "feature_gate", "salt": "s",
              "enabled": true, "defaultValue": false, "idType": "userID",
              "rules": [{"id": "g_rule", "name": "r", "passPercentage": 100,
                         "returnValue": true, "idType": "userID", "conditions": ["1"]}]}},
          "dynamic_configs": {}, "layer_configs": {},
          "condition_map": {"1": {"type": "user_bucket", "operator": op, "targetValue": target,
              "additionalValues": {"salt": "bsalt"}, "idType": "userID"}}})
    };
    let u = r#"{"userID":"user-1"}"#;
    assert!(eval(&v2(json!({"651": true, "700": true}), "any"), u).bool);
    assert!(!eval(&v2(json!({"650": true}), "any"), u).bool);
    assert!(!eval(&v2(json!({"651": true}), "none"), u).bool);
    assert!(eval(&v2(json!({"650": true}), "none"), u).bool);
    // Only any/none read object targets.
    assert!(!eval(&v2(json!({"651": true}), "str_starts_with_any"), u).bool);
    // Keys are compared as strings with the bucket's decimal form: other spellings of 651
    // are other strings.
    assert!(
        !eval(
            &v2(json!({"0651": true, "651.0": true, " 651": true}), "any"),
            u
        )
        .bool
    );
    assert!(eval(&v2(json!({"0651": true, "651.0": true}), "none"), u).bool);
}

#[test]
fn user_bucket_list_spellings() {
    // sha256_u64("bsalt.user-1") % 1000 = 651: only the string "651" (or the number) lists it.
    let u = r#"{"userID":"user-1"}"#;
    assert!(check(bucket("any", json!(["651"]), Some("bsalt")), u));
    assert!(!check(
        bucket("any", json!(["0651", "651.0", "+651"]), Some("bsalt")),
        u
    ));
    assert!(check(
        bucket("none", json!(["0651", "651.0"]), Some("bsalt")),
        u
    ));
    // Members at or above 1000 never match a bucket, and do not disturb those below.
    assert!(check(
        bucket("any", json!([1651, 651, 5000]), Some("bsalt")),
        u
    ));
    assert!(!check(
        bucket("any", json!([1651, 1023, 1024]), Some("bsalt")),
        u
    ));
    // Bucket numbers are compared as decimal text, so a mixed-case list still matches.
    assert!(check(
        bucket("any", json!(["x", "651", "Y"]), Some("bsalt")),
        u
    ));
}

// ------------------------------------------------------------------------------ unit_id (§4, §5.5)

fn unit(id_type: &str, op: &str, target: Json) -> Json {
    let mut c = cond("unit_id", Json::Null, op, target);
    c["idType"] = json!(id_type);
    c
}

#[test]
fn unit_id_reads_user_id_or_custom_ids() {
    assert!(check(
        unit("userID", "eq", json!("u1")),
        r#"{"userID":"u1"}"#
    ));
    assert!(check(
        unit("USERID", "eq", json!("u1")),
        r#"{"userID":"u1"}"#
    ));
    let u = r#"{"userID":"u1","customIDs":{"companyID":"c1","stableid":"s1"}}"#;
    assert!(check(unit("companyID", "eq", json!("c1")), u));
    // Exact key, then the lower-cased id type.
    assert!(check(unit("stableID", "eq", json!("s1")), u));
    assert!(check(unit("COMPANYID", "eq", Json::Null), u));
    assert!(check(unit("other", "none", json!(["c1"])), u));
    // Numeric ids use their string form.
    assert!(check(
        unit("companyID", "eq", json!("123")),
        r#"{"customIDs":{"companyID":123}}"#
    ));
    // userID is "" when absent.
    assert!(check(unit("userID", "eq", json!("")), "{}"));
}

// ------------------------------------------------------------------------------ target_app (§5.5)

#[test]
fn target_app_is_the_payload_app_id() {
    let c = cond("target_app", Json::Null, "any", json!(["app1"]));
    let mut p = payload(vec![gate("g", json!([c]))]);
    assert!(!eval(&p, "{}").bool);
    p["app_id"] = json!("app1");
    assert!(eval(&p, "{}").bool);
    p["app_id"] = json!("app2");
    assert!(!eval(&p, "{}").bool);
    let c = cond("target_app", Json::Null, "eq", Json::Null);
    assert!(check(c, "{}"));
}

// ------------------------------------------------------------------------------ experiment_group (§5.5)

#[test]
fn experiment_group_reads_a_separate_evaluation() {
    let exp = json!({"name": "exp", "type": "dynamic_config", "entity": "experiment",
        "salt": "e", "enabled": true, "defaultValue": {}, "idType": "userID", "isActive": true,
        "rules": [{"id": "grp", "name": "grp", "passPercentage": 100, "returnValue": {"a": 1},
                   "idType": "userID", "groupName": "Control", "isExperimentGroup": true,
                   "conditions": [{"type": "pass_gate", "targetValue": "inner"}]}]});
    let mk = |field: &str, op: &str, target: Json| {
        let mut p = payload(vec![
            gate(
                "g",
                json!([cond("experiment_group", json!(field), op, target)]),
            ),
            gate("inner", json!([{"type": "public"}])),
        ]);
        p["dynamic_configs"] = json!([exp.clone()]);
        p
    };
    let out = eval(&mk("exp", "any", json!(["control"])), "{}");
    assert!(out.bool);
    // The separate evaluation's exposures are not added, nor its group name.
    assert!(out.exposures.is_empty(), "{out:?}");
    assert_eq!(out.group_name, None);
    assert!(eval(&mk("nope", "eq", Json::Null), "{}").bool);
    assert!(eval(&mk("nope", "none", json!(["control"])), "{}").bool);
}

// ------------------------------------------------------------------------------ gt gte lt lte (§6.1)

#[test]
fn numeric_operators_on_numbers() {
    assert!(op("gt", json!(4), json!(5)));
    assert!(!op("gt", json!(5), json!(5)));
    assert!(op("gte", json!(5), json!(5)));
    assert!(op("lt", json!(5), json!(4.5)));
    assert!(!op("lt", json!(5), json!(5)));
    assert!(op("lte", json!(5), json!(5)));
    assert!(!op("lte", json!(5), json!(5.0001)));
}

#[test]
fn numeric_operators_parse_strings_as_f64() {
    assert!(op("gt", json!(9), json!("10")));
    assert!(op("gt", json!("9"), json!(10)));
    assert!(op("gt", json!("9.5"), json!("10")));
    assert!(op("gt", json!(999), json!("1e3")));
    assert!(op("gt", json!(1e308), json!("inf")));
    assert!(op("lt", json!(-1e308), json!("-Infinity")));
    // No whitespace, no underscores, nothing else.
    for bad in [" 5", "5 ", "1_0", "abc", "", "0x10"] {
        for o in ["gt", "gte", "lt", "lte"] {
            assert!(!op(o, json!(1), json!(bad)), "{o} {bad:?}");
        }
    }
    // NaN compares false every way.
    for o in ["gt", "gte", "lt", "lte"] {
        assert!(!op(o, json!(1), json!("NaN")), "{o}");
    }
}

#[test]
fn numeric_operators_bools_and_missing_are_not_numbers() {
    for o in ["gt", "gte", "lt", "lte"] {
        assert!(!op(o, json!(0), json!(true)), "{o} true");
        assert!(!op(o, json!(0), json!(false)), "{o} false");
        assert!(!op(o, json!(true), json!(1)), "{o} target true");
        assert!(!op_missing(o, json!(0)), "{o} missing");
        assert!(!op(o, json!(0), Json::Null), "{o} null");
        assert!(!op(o, json!(0), json!([1])), "{o} array");
    }
}

// ------------------------------------------------------------------------------ version_* (§6.2)

const VERSION_OPS: [&str; 6] = [
    "version_gt",
    "version_gte",
    "version_lt",
    "version_lte",
    "version_eq",
    "version_neq",
];

/// The six version operators for (value, target), in [`VERSION_OPS`] order.
fn versions(value: Json, target: Json) -> [bool; 6] {
    VERSION_OPS.map(|o| op(o, target.clone(), value.clone()))
}

const LESS: [bool; 6] = [false, false, true, true, false, true];
const GREATER: [bool; 6] = [true, true, false, false, false, true];
const EQUAL: [bool; 6] = [false, true, false, true, true, false];
const NEVER: [bool; 6] = [false; 6];

#[test]
fn version_comparison_basics() {
    assert_eq!(versions(json!("1.2"), json!("1.3")), LESS);
    assert_eq!(versions(json!("10.0"), json!("9.9.9")), GREATER);
    assert_eq!(versions(json!("1.2"), json!("1.2.0")), EQUAL);
    assert_eq!(versions(json!("1.2.0.0"), json!("1.2")), EQUAL);
    assert_eq!(versions(json!("1.2.3-beta"), json!("1.2.3")), EQUAL);
    assert_eq!(versions(json!("1.2.4-beta"), json!("1.2.3-rc.9")), GREATER);
    // Components are trimmed and may carry a sign; they are i128.
    assert_eq!(versions(json!(" 1 .2"), json!("1.2")), EQUAL);
    assert_eq!(versions(json!("+1.2"), json!("1.2")), EQUAL);
    assert_eq!(versions(json!("99999999999999999999"), json!("9")), GREATER);
}

#[test]
fn version_components_are_parsed_lazily() {
    // The bad component is never reached.
    assert_eq!(versions(json!("1.2.x"), json!("1.3")), LESS);
    assert_eq!(versions(json!("1.2.x"), json!("2.0.0.1")), LESS);
    // Reached: false for every operator.
    assert_eq!(versions(json!("1.2.x"), json!("1.2.5")), NEVER);
    assert_eq!(versions(json!("1..2"), json!("1.3")), NEVER);
    assert_eq!(versions(json!("1.3"), json!("1..2")), NEVER);
    // The text before the first "-": "-1" becomes "" (R), which does not parse.
    assert_eq!(versions(json!("-1"), json!("1")), NEVER);
    assert_eq!(versions(json!("-1"), json!("0")), NEVER);
    assert_eq!(versions(json!(""), json!("1")), NEVER);
}

#[test]
fn version_numeric_target_never_matches_numeric_value_does() {
    assert_eq!(versions(json!("1.0"), json!(1)), NEVER);
    assert_eq!(versions(json!("1"), json!(1.0)), NEVER);
    // A numeric value uses its f64 string.
    assert_eq!(versions(json!(1.5), json!("1.5")), EQUAL);
    assert_eq!(versions(json!(2), json!("1.9")), GREATER);
    // Missing value / bool target / array target.
    for o in VERSION_OPS {
        assert!(!op_missing(o, json!("1.0")), "{o}");
        assert!(!op(o, json!(true), json!("true")), "{o}");
    }
}

// ------------------------------------------------------------------------------ any none str_* (§6.3)

#[test]
fn any_and_none_are_case_insensitive() {
    assert!(op("any", json!(["abc", "def"]), json!("ABC")));
    assert!(!op("none", json!(["abc", "def"]), json!("ABC")));
    assert!(op("any", json!(["ÉCOLE"]), json!("école")));
    assert!(!op("any", json!(["abc"]), json!("abcd")));
    assert!(op("none", json!(["abc"]), json!("abcd")));
}

#[test]
fn any_elements_are_strings_or_json_text() {
    assert!(op("any", json!([9.0]), json!("9.0")));
    assert!(!op("any", json!([9.0]), json!(9)));
    assert!(op("any", json!([9]), json!(9.0)));
    assert!(op("any", json!([1]), json!(1)));
    assert!(op("any", json!([1]), json!("1")));
    assert!(op("any", json!([true]), json!(true)));
    assert!(op("any", json!([true]), json!("TRUE")));
    assert!(op("any", json!([null]), json!("null")));
    // An array value reads as its JSON text.
    assert!(op("any", json!(["[1,\"a\"]"]), json!([1, "a"])));
}

#[test]
fn string_operators_with_a_missing_value_use_the_empty_string() {
    assert!(op_missing("any", json!([""])));
    assert!(!op_missing("none", json!([""])));
    assert!(!op_missing("any", json!(["x"])));
    assert!(op_missing("none", json!(["x"])));
    assert!(op_missing("str_starts_with_any", json!([""])));
    assert!(!op_missing("str_starts_with_any", json!(["x"])));
    assert!(op_missing("str_contains_none", json!(["x"])));
    assert!(!op_missing("str_contains_any", json!(["x"])));
    // A present null is missing too.
    assert!(op("any", json!([""]), Json::Null));
}

#[test]
fn str_prefix_suffix_contains() {
    assert!(op("str_starts_with_any", json!(["zz", "Ab"]), json!("abc")));
    assert!(!op("str_starts_with_any", json!(["bc"]), json!("abc")));
    assert!(op("str_ends_with_any", json!(["BC"]), json!("abc")));
    assert!(!op("str_ends_with_any", json!(["ab"]), json!("abc")));
    assert!(op("str_contains_any", json!(["B"]), json!("abc")));
    assert!(!op("str_contains_any", json!(["ac"]), json!("abc")));
    assert!(op("str_contains_none", json!(["z", "ac"]), json!("abc")));
    assert!(!op("str_contains_none", json!(["z", "C"]), json!("abc")));
    // Numbers: "1.5" starts with the element "1".
    assert!(op("str_starts_with_any", json!([1]), json!(1.5)));
}

#[test]
fn string_operators_with_non_array_targets() {
    for o in [
        "any",
        "str_starts_with_any",
        "str_ends_with_any",
        "str_contains_any",
    ] {
        assert!(!op(o, json!("abc"), json!("abc")), "{o} string");
        assert!(!op(o, json!(5), json!(5)), "{o} number");
        assert!(!op(o, Json::Null, json!("")), "{o} null");
    }
    // The negations are true.
    for o in ["none", "str_contains_none"] {
        assert!(op(o, json!("abc"), json!("abc")), "{o} string");
        assert!(op(o, Json::Null, json!("")), "{o} null");
    }
    // Object targets: membership among the keys for any/none only.
    assert!(op("any", json!({"abc": true}), json!("ABC")));
    assert!(!op("none", json!({"abc": true}), json!("abc")));
    assert!(!op("str_contains_any", json!({"abc": true}), json!("abc")));
    assert!(op("str_contains_none", json!({"abc": true}), json!("abc")));
}

// ------------------------------------------------------------------------------ *_case_sensitive (§6.4)

#[test]
fn case_sensitive_membership() {
    assert!(op("any_case_sensitive", json!(["abc"]), json!("abc")));
    assert!(!op("any_case_sensitive", json!(["ABC"]), json!("abc")));
    assert!(op("none_case_sensitive", json!(["ABC"]), json!("abc")));
    assert!(!op("none_case_sensitive", json!(["abc"]), json!("abc")));
    assert!(op("any_case_sensitive", json!([1]), json!(1)));
}

#[test]
fn case_sensitive_every_element_counts() {
    // Conformance follows the legacy SDK: no collapse of case variants.
    let t = json!(["Foo", "foo"]);
    assert!(op("any_case_sensitive", t.clone(), json!("Foo")));
    assert!(op("any_case_sensitive", t.clone(), json!("foo")));
    assert!(!op("any_case_sensitive", t.clone(), json!("FOO")));
    assert!(!op("none_case_sensitive", t.clone(), json!("Foo")));
    assert!(op("none_case_sensitive", t, json!("FOO")));
}

#[test]
fn case_sensitive_missing_and_non_array() {
    assert!(op_missing("any_case_sensitive", json!([""])));
    assert!(op_missing("none_case_sensitive", json!(["x"])));
    // dcs-format §8: targetValue may be null for none_case_sensitive.
    assert!(op("none_case_sensitive", Json::Null, json!("x")));
    assert!(!op("any_case_sensitive", Json::Null, json!("x")));
    assert!(!op("any_case_sensitive", json!("x"), json!("x")));
    assert!(op("none_case_sensitive", json!("x"), json!("x")));
}

// ------------------------------------------------------------------------------ str_matches (§6.5)

#[test]
fn str_matches_is_an_unanchored_search() {
    assert!(op("str_matches", json!("o w"), json!("hello world")));
    assert!(op("str_matches", json!("^hel"), json!("hello")));
    assert!(!op("str_matches", json!("^ell"), json!("hello")));
    assert!(op("str_matches", json!("\\d+"), json!("abc123")));
    // Case-sensitive unless the pattern says otherwise.
    assert!(!op("str_matches", json!("abc"), json!("ABC")));
    assert!(op("str_matches", json!("(?i)abc"), json!("ABC")));
    // Numbers match their string form.
    assert!(op("str_matches", json!("^12"), json!(123)));
}

#[test]
fn str_matches_uses_rust_regex_semantics() {
    // `$` only at the very end: no match before a final newline.
    assert!(!op("str_matches", json!("abc$"), json!("abc\n")));
    assert!(op("str_matches", json!("abc$"), json!("xabc")));
    assert!(op("str_matches", json!("abc\\z"), json!("abc")));
    // Look-around and named groups (fancy_regex).
    assert!(op("str_matches", json!("foo(?=bar)"), json!("foobar")));
    assert!(!op("str_matches", json!("foo(?!bar)"), json!("foobar")));
    assert!(op("str_matches", json!("(?<y>\\d{4})-"), json!("2024-01")));
    // \d is Unicode.
    assert!(op("str_matches", json!("^\\d$"), json!("٣")));
}

#[test]
fn str_matches_invalid_or_non_string_pattern_or_missing_value_is_false() {
    assert!(!op("str_matches", json!("("), json!("(")));
    assert!(!op("str_matches", json!("[a-"), json!("a")));
    assert!(!op("str_matches", json!(5), json!("5")));
    assert!(!op("str_matches", json!(["a"]), json!("a")));
    assert!(!op_missing("str_matches", json!(".*")));
    assert!(!op("str_matches", json!(".*"), json!({"a": 1})));
    // An empty string value is present and matches.
    assert!(op("str_matches", json!("^$"), json!("")));
}

// ------------------------------------------------------------------------------ eq / neq (§6.6)

/// `eq` and checks that `neq` is its negation.
fn eq(target: Json, value: Json) -> bool {
    let e = op("eq", target.clone(), value.clone());
    assert_eq!(op("neq", target, value), !e, "neq must negate eq");
    e
}

#[test]
fn eq_null_target() {
    assert!(op_missing("eq", Json::Null));
    assert!(!op_missing("neq", Json::Null));
    assert!(eq(Json::Null, Json::Null));
    assert!(!eq(Json::Null, json!("")));
    assert!(!eq(Json::Null, json!(false)));
    assert!(!eq(Json::Null, json!(0)));
    // targetValue absent = null.
    assert!(check(
        json!({"type": "user_field", "field": "x", "operator": "eq"}),
        "{}"
    ));
}

#[test]
fn eq_bool_target() {
    assert!(eq(json!(true), json!(true)));
    assert!(!eq(json!(true), json!(false)));
    assert!(eq(json!(false), json!(false)));
    assert!(!eq(json!(true), json!("true")));
    assert!(!eq(json!(true), json!(1)));
    assert!(!op_missing("eq", json!(false)));
}

#[test]
fn eq_number_target() {
    assert!(eq(json!(9), json!("9")));
    assert!(eq(json!(9), json!("9.0")));
    assert!(eq(json!(9), json!(9.0)));
    assert!(eq(json!(9.5), json!("9.5")));
    assert!(!eq(json!(1), json!(true)));
    assert!(!eq(json!(9), json!("abc")));
    assert!(!eq(json!(9), json!([9])));
    assert!(!op_missing("eq", json!(0)));
    // dcs-format §8: beyond i64/f64 precision, compared as f64.
    let big: Json = serde_json::from_str("9223372036854775000").unwrap();
    assert!(eq(big.clone(), big.clone()));
    assert!(eq(big.clone(), json!("9223372036854775000")));
    // Both sides are f64: 2^63 - 808 and 2^63 - 1000 round to the same double...
    assert!(eq(big.clone(), json!("9223372036854774808")));
    // ...while i64::MAX rounds up to 2^63.
    assert!(!eq(
        big,
        serde_json::from_str("9223372036854775807").unwrap()
    ));
    assert!(eq(serde_json::from_str("1e+60").unwrap(), json!("1e60")));
    assert!(op(
        "gt",
        serde_json::from_str("1e+59").unwrap(),
        json!("1e60")
    ));
}

#[test]
fn eq_string_target_is_exact() {
    assert!(eq(json!("5"), json!(5)));
    assert!(eq(json!("9"), json!(9.0)));
    assert!(!eq(json!("9.0"), json!(9.0)));
    assert!(eq(json!("1.5"), json!(1.5)));
    assert!(eq(json!("true"), json!(true)));
    assert!(!eq(json!("abc"), json!("ABC")));
    assert!(eq(json!("[1,\"c\",true]"), json!([1, "c", true])));
    assert!(!eq(json!("{}"), json!({})));
    assert!(!op_missing("eq", json!("")));
    assert!(op_missing("neq", json!("")));
}

#[test]
fn eq_array_target() {
    assert!(eq(json!(["a", "b"]), json!(["a", "b"])));
    assert!(!eq(json!(["a", "b"]), json!(["b", "a"])));
    assert!(!eq(json!(["a", "b"]), json!(["a"])));
    assert!(!eq(json!(["a", "b"]), json!(["a", "b", "c"])));
    assert!(!eq(json!(["a"]), json!(["A"])));
    assert!(eq(json!([1, "x"]), json!(["1", "x"])));
    assert!(eq(json!([1]), json!([1.0])));
    // Target elements keep their JSON text ("1.0"); user numbers print as "1".
    assert!(!eq(json!([1.0]), json!([1.0])));
    assert!(!eq(json!(["a"]), json!("a")));
    assert!(eq(json!([]), json!([])));
}

#[test]
fn eq_object_target() {
    let t = json!({"a": 1, "b": "x"});
    assert!(eq(t.clone(), json!({"b": "x", "a": 1})));
    assert!(eq(t.clone(), json!({"a": "1", "b": "x"})));
    assert!(!eq(t.clone(), json!({"a": 2, "b": "x"})));
    assert!(!eq(t.clone(), json!({"a": 1, "b": "x", "c": 0})));
    assert!(!eq(t.clone(), json!({"a": 1})));
    assert!(!eq(t, json!("x")));
    assert!(eq(json!({}), json!({})));
}

// ------------------------------------------------------------------------------ before / after / on (§6.7)

const SEC: i64 = 1_700_000_000; // 2023-11-14T22:13:20Z

#[test]
fn time_values_in_seconds_are_scaled_targets_are_not() {
    assert!(op("after", json!(SEC * 1000 - 1), json!(SEC)));
    assert!(!op("after", json!(SEC * 1000), json!(SEC)));
    assert!(op("after", json!(SEC * 1000 - 1), json!(SEC * 1000)));
    assert!(op("before", json!(SEC * 1000 + 1), json!(SEC)));
    assert!(op("after", json!(SEC * 1000 - 1), json!(SEC.to_string())));
    // 10^10 and above are milliseconds already.
    assert!(op(
        "before",
        json!(10_000_000_001i64),
        json!(10_000_000_000i64)
    ));
    assert!(op(
        "after",
        json!(9_999_999_000i64),
        json!(9_999_999_999i64)
    ));
    // A float target is truncated; a float user value without an integer facet is ignored.
    assert!(op("on", json!(SEC as f64 * 1000.0 + 0.9), json!(SEC)));
    assert!(op("after", json!(0), json!(1.7e9)));
    assert!(!op("after", json!(0), json!(1.5)));
    // A target string that is no date falls back to its float facet.
    assert!(op("on", json!("1.7e12"), json!(SEC)));
    assert!(!op("after", json!("1.7e12"), json!(SEC)));
}

#[test]
fn time_rfc3339_and_plain_dates() {
    assert!(op(
        "on",
        json!("2023-11-14T00:00:00Z"),
        json!("2023-11-14T22:13:20Z")
    ));
    assert!(op(
        "on",
        json!("2023-11-14T00:00:00Z"),
        json!("2023-11-14 23:59:59")
    ));
    assert!(!op(
        "on",
        json!("2023-11-14T00:00:00Z"),
        json!("2023-11-15 00:00:00")
    ));
    assert!(op("after", json!("2023-11-14 22:13:19"), json!(SEC)));
    assert!(op("before", json!("2023-11-14T22:13:21Z"), json!(SEC)));
    // A bare date is neither a timestamp nor a number.
    assert!(!op("on", json!("2023-11-14"), json!(SEC)));
    // Target offsets are applied (no length limit on the target side).
    assert!(op("on", json!("2023-11-15T03:00:00+05:00"), json!(SEC)));
    assert!(op("on", json!(SEC * 1000), json!("2023-11-14t20:00:00z")));
}

#[test]
fn time_user_dates_need_8_to_20_bytes() {
    // 25 bytes (offset) and 22 bytes (fraction) are too long on the user side.
    for v in ["2023-11-14T22:13:20+00:00", "2023-11-14T22:13:20.5Z"] {
        for o in ["before", "after", "on"] {
            assert!(!op(o, json!(SEC * 1000), json!(v)), "{o} {v}");
        }
    }
    assert!(op("on", json!(SEC * 1000), json!("2023-11-14T22:13:20Z")));
}

#[test]
fn time_on_truncates_toward_zero() {
    // -1 s → -1000 ms: trunc(-1000/86400000) = 0 = trunc(0/86400000).
    assert!(op("on", json!(0), json!(-1)));
    assert!(op("on", json!(86_399_999), json!(1)));
    assert!(!op("on", json!(86_400_000), json!(1)));
}

#[test]
fn time_missing_or_non_time_values_are_false() {
    for o in ["before", "after", "on"] {
        assert!(!op_missing(o, json!(SEC)), "{o}");
        assert!(!op(o, json!(SEC), json!(true)), "{o}");
        assert!(!op(o, json!(SEC), json!("yesterday")), "{o}");
        assert!(!op(o, Json::Null, json!(SEC)), "{o} null target");
        assert!(!op(o, json!("not a date"), json!(SEC)), "{o} bad target");
    }
}

// ------------------------------------------------------------------------------ in_segment_list (§11.1)

fn with_list(cond: Json, list: &str, ids: &[&str]) -> CompiledSpecs {
    let mut specs = compile(&payload(vec![gate("g", json!([cond]))]));
    specs.id_lists.lists.insert(
        list.to_string(),
        IdList {
            ids: ids.iter().map(|s| Box::from(*s)).collect(),
        },
    );
    specs
}

#[test]
fn segment_list_membership_by_hashed_id() {
    // "user-1" → xsKJ5J6c, "123" → pmWkWSBC.
    let c = unit("userID", "in_segment_list", json!("list"));
    let specs = with_list(c, "list", &["xsKJ5J6c", "pmWkWSBC"]);
    assert!(eval_specs(&specs, r#"{"userID":"user-1"}"#).bool);
    assert!(eval_specs(&specs, r#"{"userID":123}"#).bool);
    assert!(!eval_specs(&specs, r#"{"userID":"user-2"}"#).bool);
    let c = unit("userID", "not_in_segment_list", json!("list"));
    let specs = with_list(c, "list", &["xsKJ5J6c"]);
    assert!(!eval_specs(&specs, r#"{"userID":"user-1"}"#).bool);
    assert!(eval_specs(&specs, r#"{"userID":"user-2"}"#).bool);
    // Through a user field.
    let c = uf("email", "in_segment_list", json!("list"));
    let key = String::from_utf8(crate::util::hash::id_list_key("a@b").to_vec()).unwrap();
    let specs = with_list(c, "list", &[&key]);
    assert!(eval_specs(&specs, r#"{"email":"a@b"}"#).bool);
}

#[test]
fn segment_list_missing_list_or_value() {
    let specs = with_list(
        unit("userID", "in_segment_list", json!("nope")),
        "list",
        &[],
    );
    assert!(!eval_specs(&specs, r#"{"userID":"user-1"}"#).bool);
    let specs = with_list(
        unit("userID", "not_in_segment_list", json!("nope")),
        "l",
        &[],
    );
    assert!(eval_specs(&specs, r#"{"userID":"user-1"}"#).bool);
    // An object value has no string facet: never in a list.
    let specs = with_list(
        uf("x", "not_in_segment_list", json!("l")),
        "l",
        &["xsKJ5J6c"],
    );
    assert!(eval_specs(&specs, r#"{"custom":{"x":{"a":1}}}"#).bool);
    // A non-string target names no list.
    let specs = with_list(
        unit("userID", "in_segment_list", json!(5)),
        "5",
        &["xsKJ5J6c"],
    );
    assert!(!eval_specs(&specs, r#"{"userID":"user-1"}"#).bool);
}

// ------------------------------------------------------------------------------ array_contains_* (§6.9)

const ARRAY_OPS: [&str; 4] = [
    "array_contains_any",
    "array_contains_none",
    "array_contains_all",
    "not_array_contains_all",
];

/// The four array operators for (value, target), in [`ARRAY_OPS`] order.
fn arrays(value: Json, target: Json) -> [bool; 4] {
    ARRAY_OPS.map(|o| op(o, target.clone(), value.clone()))
}

#[test]
fn array_contains_operators() {
    let v = json!(["a", "b", 1]);
    assert_eq!(
        arrays(v.clone(), json!(["b", "z"])),
        [true, false, false, true]
    );
    assert_eq!(
        arrays(v.clone(), json!(["a", "1"])),
        [true, false, true, false]
    );
    assert_eq!(
        arrays(v.clone(), json!(["a", 1])),
        [true, false, true, false]
    );
    assert_eq!(
        arrays(v.clone(), json!(["y", "z"])),
        [false, true, false, true]
    );
    // Case-sensitive.
    assert_eq!(arrays(v, json!(["A"])), [false, true, false, true]);
}

#[test]
fn array_contains_empty_target() {
    assert_eq!(arrays(json!(["a"]), json!([])), [false, true, true, false]);
    assert_eq!(arrays(json!([]), json!([])), [false, true, true, false]);
}

#[test]
fn array_contains_needs_two_arrays() {
    assert_eq!(arrays(json!("a"), json!(["a"])), [false; 4]);
    assert_eq!(arrays(json!(["a"]), json!("a")), [false; 4]);
    assert_eq!(arrays(json!(["a"]), Json::Null), [false; 4]);
    assert_eq!(arrays(json!({"a": 1}), json!(["a"])), [false; 4]);
    for o in ARRAY_OPS {
        assert!(!op_missing(o, json!(["a"])), "{o}");
    }
}

#[test]
fn array_contains_element_strings() {
    // Elements without a string facet count as "".
    assert_eq!(
        arrays(json!([null]), json!([""])),
        [true, false, true, false]
    );
    assert_eq!(
        arrays(json!([{"k": 1}]), json!([""])),
        [true, false, true, false]
    );
    // Target numbers keep their JSON text ("1.0"); user numbers print as "1".
    assert_eq!(
        arrays(json!([1.0]), json!([1.0])),
        [false, true, false, true]
    );
    assert_eq!(
        arrays(json!(["1.0"]), json!([1.0])),
        [true, false, true, false]
    );
    assert_eq!(
        arrays(json!([true]), json!([true])),
        [true, false, true, false]
    );
}

#[test]
fn array_contains_target_case_variants_collapse() {
    // §5.0 / §6.9: target items collapse by lower-case onto the last spelling (R quirk).
    assert_eq!(
        arrays(json!(["a"]), json!(["a", "A"])),
        [false, true, false, true]
    );
    assert_eq!(
        arrays(json!(["A"]), json!(["a", "A"])),
        [true, false, true, false]
    );
}

// ------------------------------------------------------------------------------ unsupported (§10)

#[test]
fn null_operator_is_unsupported_for_value_conditions() {
    for t in [
        "user_field",
        "ip_based",
        "ua_based",
        "environment_field",
        "current_time",
        "user_bucket",
        "unit_id",
        "target_app",
    ] {
        let c = json!({"type": t, "field": "email", "operator": null, "targetValue": "x",
                       "idType": "userID"});
        let specs = compile(&payload(vec![gate("g", json!([c]))]));
        assert!(specs.gates[0].dropped.is_none(), "{t}: not dropped at load");
        let out = eval_specs(&specs, r#"{"userID":"u","email":"x"}"#);
        assert_eq!(out.reason, Reason::Unsupported, "{t}");
        assert_eq!(out.rule_id, None, "{t}");
        assert_eq!(out.id_type.as_deref(), Some("userID"), "{t}");
        assert!(!out.bool, "{t}");
    }
}

#[test]
fn unsupported_keeps_the_bool_of_the_partial_rule() {
    // §10.2: an earlier true condition leaves bool true; the rule stops the spec.
    let c = json!([{"type": "public"}, {"type": "user_field", "field": "x", "operator": null}]);
    let p = payload(vec![gate_rules(
        "g",
        vec![
            rule("r1", 100.0, c),
            rule("r2", 100.0, json!([{"type": "public"}])),
        ],
    )]);
    let out = eval(&p, "{}");
    assert_eq!(out.reason, Reason::Unsupported);
    assert!(out.bool);
    assert_eq!(out.rule_id, None);
}

#[test]
fn an_earlier_matching_rule_ends_before_the_unsupported_one() {
    let bad = json!([{"type": "user_field", "field": "x", "operator": null}]);
    let p = payload(vec![gate_rules(
        "g",
        vec![
            rule("r0", 0.0, json!([{"type": "public"}])),
            rule("bad", 100.0, bad),
        ],
    )]);
    let out = eval(&p, "{}");
    assert_eq!(out.reason, Reason::Recognized);
    assert!(!out.bool);
    assert_eq!(out.rule_id.as_deref(), Some("r0"));
}

#[test]
fn unknown_operator_or_type_drops_the_spec() {
    for c in [
        uf("email", "no_such_op", json!("x")),
        json!({"type": "no_such_type", "operator": "eq", "targetValue": "x"}),
    ] {
        // The bad condition comes after a passing pass_gate: nothing of it survives.
        let p = payload(vec![
            gate_rules(
                "g",
                vec![
                    rule(
                        "r0",
                        100.0,
                        json!([{"type": "pass_gate", "targetValue": "on"}]),
                    ),
                    rule("r1", 100.0, json!([c])),
                ],
            ),
            gate("on", json!([{"type": "public"}])),
        ]);
        let specs = compile(&p);
        assert!(specs.gates[0].dropped.is_some());
        assert!(
            specs.warnings.iter().any(|w| w.contains("\"g\"")),
            "{:?}",
            specs.warnings
        );
        let out = eval_specs(&specs, r#"{"email":"x"}"#);
        assert_eq!(out.reason, Reason::Unsupported);
        assert!(!out.bool);
        assert_eq!(out.rule_id, None);
        assert_eq!(out.id_type.as_deref(), Some(""));
        assert!(out.exposures.is_empty());
        // The other gate is fine.
        assert!(eval_kind(&specs, "{}", Kind::Gate, "on").bool);
    }
}

#[test]
fn v2_rule_with_a_key_missing_from_condition_map_is_dropped() {
    let p = json!({"response_format": "dcs-v2", "time": 1, "has_updates": true,
      "feature_gates": {"g": {"type": "feature_gate", "entity": "feature_gate", "salt": "s",
          "enabled": true, "defaultValue": false, "idType": "userID",
          "rules": [{"id": "r", "name": "r", "passPercentage": 100, "returnValue": true,
                     "idType": "userID", "conditions": ["nope"]}]}},
      "dynamic_configs": {}, "layer_configs": {}, "condition_map": {}});
    let out = eval(&p, "{}");
    assert_eq!(out.reason, Reason::Unsupported);
    assert_eq!(out.id_type.as_deref(), Some(""));
}

// ------------------------------------------------------------------------------ runaway specs

#[test]
fn self_referencing_separate_evaluations_terminate() {
    // Found by the fuzz smoke test: two self-references branch 2^300 ways without a budget
    // on separate evaluations.
    let start = std::time::Instant::now();
    for t in ["multi_pass_gate", "multi_fail_gate"] {
        let p = payload(vec![gate(
            "g",
            json!([{"type": t, "targetValue": ["g", "g", "g"]}]),
        )]);
        let out = eval(&p, "{}");
        assert_eq!(out.reason, Reason::Recognized, "{t}");
    }
    let mut p = payload(vec![]);
    let c = cond("experiment_group", json!("e"), "any", json!(["x"]));
    p["dynamic_configs"] = json!([{"name": "e", "type": "dynamic_config", "salt": "s",
        "enabled": true, "defaultValue": {}, "idType": "userID",
        "rules": [rule("r", 100.0, json!([c.clone(), c]))]}]);
    let out = eval_kind(&compile(&p), "{}", Kind::Config, "e");
    assert_eq!(out.rule_id.as_deref(), Some("default"));
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}
