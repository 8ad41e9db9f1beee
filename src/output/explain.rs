//! `--explain`: the evaluator's recorded trace ([`Recorder`]) as indented text or as one JSON
//! document, each closed by the line saying which rule decided and why.

use std::fmt::Write;

use serde_json::{Value as Json, json};

use crate::eval::trace::{
    ConditionTrace, MappingRuleTrace, NOT_SET, OverrideMatch, Recorder, RollTrace, RuleOutcome,
    RuleTrace, SpecTrace,
};
use crate::output::text::compact;
use crate::result::Reason;
use crate::spec::describe::{collection, percentage};
use crate::spec::model::Kind;

/// How a rule ended, in words.
pub fn outcome_text(outcome: RuleOutcome) -> &'static str {
    match outcome {
        RuleOutcome::Unsupported => "stopped: a condition is unsupported",
        RuleOutcome::NoMatch => "not matched: next rule",
        RuleOutcome::Delegated => "matched: delegated to its experiment",
        RuleOutcome::Pass => "matched, in the rollout: this rule's value",
        RuleOutcome::RollFail => "matched, outside the rollout: the default value",
    }
}

/// An explanation ready to render: what was asked, the trace, and the result.
pub struct Explanation<'a> {
    pub kind: Kind,
    pub name: &'a str,
    /// The result's reason.
    pub reason: Reason,
    pub trace: &'a Recorder,
}

impl Explanation<'_> {
    /// The top spec's trace (none for an override or an unknown name).
    fn root(&self) -> Option<&SpecTrace> {
        self.trace.roots.first()
    }

    /// The structured form (`--explain=json`): stable keys, no colour, no wrapping.
    pub fn to_json(&self) -> Json {
        json!({
            "kind": collection(self.kind),
            "name": self.name,
            "reason": self.reason.as_str(),
            "override": self.trace.override_match,
            "config_mapping": self.mapping_json(),
            "trace": self.root(),
            "decided_by": self.decided_by(),
        })
    }

    /// `null` when no config mapping was looked at; else where it sent the user (`to` null
    /// when none applied) and, when mapping rules ran, each of them.
    fn mapping_json(&self) -> Json {
        let rules = &self.trace.mapping_rules;
        match &self.trace.mapping {
            None if rules.is_empty() => Json::Null,
            Some((from, to)) if rules.is_empty() => json!({"from": from, "to": to}),
            m => json!({
                "from": m.as_ref().map_or(self.name, |(from, _)| from),
                "to": m.as_ref().map(|(_, to)| to),
                "rules": rules,
            }),
        }
    }

    /// The indented text form (`--explain`), ending with the `decided by` line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if !self.trace.mapping_rules.is_empty() {
            let _ = writeln!(
                out,
                "config mapping of {:?} (the payload's overrides)",
                self.name
            );
            for m in &self.trace.mapping_rules {
                write_mapping_rule(&mut out, 1, m);
            }
        }
        if let Some((from, to)) = &self.trace.mapping {
            let _ = writeln!(
                out,
                "{from:?}: the payload's config mapping sends this user to {to:?}"
            );
        }
        match self.root() {
            Some(s) => write_spec(&mut out, 0, s),
            None => {
                let what = match self.reason {
                    Reason::LocalOverride => "a local override answered; no rule was evaluated",
                    Reason::Unrecognized => "no such spec; nothing was evaluated",
                    _ => "no rule was evaluated",
                };
                let _ = writeln!(out, "{} {:?}: {what}", collection(self.kind), self.name);
            }
        }
        let _ = writeln!(out, "decided by: {}", self.decided_by());
        out
    }

    /// One sentence: which rule decided and why.
    pub fn decided_by(&self) -> String {
        if let Some(m) = &self.trace.override_match {
            let who = match m {
                OverrideMatch::UserId { id } => format!("userID {id:?}"),
                OverrideMatch::CustomId { id_type, id } => format!("{id_type} {id:?}"),
                OverrideMatch::Everyone => "every user".into(),
            };
            return format!("a local override for {who} (reason LocalOverride)");
        }
        let mut s = String::new();
        if let Some((from, to)) = &self.trace.mapping {
            let _ = write!(
                s,
                "the payload's config mapping of {from:?} to {to:?}, then "
            );
        }
        match self.root() {
            Some(root) => s.push_str(&spec_decision(root)),
            None if self.reason == Reason::Unrecognized => {
                let _ = write!(
                    s,
                    "no {} named {:?} in the specs (reason Unrecognized)",
                    collection(self.kind),
                    self.name
                );
            }
            None => s.push_str(
                "the spec uses a condition type or operator this tool cannot evaluate \
                 (reason Unsupported)",
            ),
        }
        s
    }
}

/// The rule that ended a spec's evaluation, if one did.
fn deciding_rule(s: &SpecTrace) -> Option<&RuleTrace> {
    s.rules.last().filter(|r| r.outcome != RuleOutcome::NoMatch)
}

fn rule_name(r: &RuleTrace) -> String {
    let mut t = format!("rule {} {:?}", r.index, r.id);
    if let Some(g) = &r.group_name {
        let _ = write!(t, " (group {g:?})");
    }
    t
}

/// A holdout the rule's conditions found the user in.
fn holdout_hit(r: &RuleTrace) -> Option<&str> {
    r.conditions.iter().find_map(|c| {
        (c.type_ == "pass_gate" && c.result == "pass")
            .then(|| c.nested.iter().find(|n| n.entity == "holdout"))
            .flatten()
            .map(|n| n.name.as_str())
    })
}

fn spec_decision(s: &SpecTrace) -> String {
    let what = format!("{} {:?}", s.entity, s.name);
    let Some(r) = deciding_rule(s) else {
        return if s.enabled {
            format!("no rule of {what} matched: its default value")
        } else {
            format!("{what} is disabled and no rule matched: its default value")
        };
    };
    let rule = rule_name(r);
    match r.outcome {
        RuleOutcome::Unsupported => {
            format!(
                "{rule} of {what} reached a condition this tool cannot evaluate (reason Unsupported)"
            )
        }
        RuleOutcome::Delegated => {
            let alloc = r
                .conditions
                .iter()
                .find_map(|c| c.bucket.as_ref())
                .map(|b| format!(" at layer bucket {} of {}", b.bucket, b.of))
                .unwrap_or_default();
            match &r.delegated_to {
                Some(exp) => format!(
                    "{rule} of {what} allocated the user{alloc} to experiment {:?}; there {}",
                    exp.name,
                    spec_decision(exp)
                ),
                None => format!("{rule} of {what} delegated to its experiment"),
            }
        }
        RuleOutcome::Pass => {
            let roll = match &r.roll {
                Some(RollTrace {
                    bucket: Some(b),
                    threshold,
                    unit_id,
                    id_type,
                    ..
                }) => format!(
                    " and {id_type} {unit_id:?} is in the {} rollout (bucket {b} < {})",
                    percentage(r.pass_percentage),
                    number(*threshold)
                ),
                _ => String::new(),
            };
            format!("{rule} of {what}: every condition passed{roll}")
        }
        RuleOutcome::RollFail => {
            if let Some(h) = holdout_hit(r) {
                return format!(
                    "{rule} of {what}: the user is in holdout {h:?}, so the default value"
                );
            }
            match &r.roll {
                Some(RollTrace {
                    bucket: Some(b),
                    threshold,
                    unit_id,
                    id_type,
                    ..
                }) => format!(
                    "{rule} of {what}: every condition passed but {id_type} {unit_id:?} is \
                     outside the {} rollout (bucket {b} ≥ {}), so the default value",
                    percentage(r.pass_percentage),
                    number(*threshold)
                ),
                _ => format!(
                    "{rule} of {what}: every condition passed but the rollout is 0%, so the \
                     default value"
                ),
            }
        }
        RuleOutcome::NoMatch => unreachable!("filtered by deciding_rule"),
    }
}

/// `100` rather than `100.0`; fractions kept.
pub(crate) fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Epoch milliseconds as `2025-12-01T00:00:00Z` (proleptic Gregorian, UTC).
fn utc(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000) / 1000;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// `1,204`.
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn line(out: &mut String, depth: usize, text: &str) {
    indent(out, depth);
    out.push_str(text);
    out.push('\n');
}

fn write_spec(out: &mut String, depth: usize, s: &SpecTrace) {
    let mut head = format!("{} {:?}", s.entity, s.name);
    if !s.enabled {
        head.push_str(" (disabled)");
    }
    let _ = write!(head, ", id type {}", s.id_type);
    line(out, depth, &head);
    for r in &s.rules {
        write_rule(out, depth + 1, r);
    }
    if s.rules.is_empty() || deciding_rule(s).is_none() {
        line(out, depth + 1, "no rule matched: the default value");
    }
    let mut tail = format!("= {} (rule {:?}", compact(&s.value), s.rule_id);
    if let Some(g) = &s.group_name {
        let _ = write!(tail, ", group {g:?}");
    }
    tail.push(')');
    line(out, depth, &tail);
}

fn write_rule(out: &mut String, depth: usize, r: &RuleTrace) {
    line(
        out,
        depth,
        &format!("{}, pass {}", rule_name(r), percentage(r.pass_percentage)),
    );
    for c in &r.conditions {
        write_condition(out, depth + 1, c);
    }
    if let Some(roll) = r.roll.as_ref().filter(|_| r.pass_percentage < 100.0) {
        line(out, depth + 1, &roll_text(roll, r.pass_percentage));
    }
    line(out, depth + 1, outcome_text(r.outcome));
    if let Some(exp) = &r.delegated_to {
        write_spec(out, depth + 2, exp);
    }
}

fn write_mapping_rule(out: &mut String, depth: usize, m: &MappingRuleTrace) {
    let r = &m.rule;
    line(
        out,
        depth,
        &format!(
            "{} → {:?}, pass {}",
            rule_name(r),
            m.to,
            percentage(r.pass_percentage)
        ),
    );
    for c in &r.conditions {
        write_condition(out, depth + 1, c);
    }
    if let Some(roll) = r.roll.as_ref().filter(|_| r.pass_percentage < 100.0) {
        line(out, depth + 1, &roll_text(roll, r.pass_percentage));
    }
    line(out, depth + 1, mapping_outcome_text(r.outcome));
}

/// How a config-mapping rule ended, in words.
fn mapping_outcome_text(outcome: RuleOutcome) -> &'static str {
    match outcome {
        RuleOutcome::Pass | RuleOutcome::Delegated => "matched, in the rollout: mapped",
        RuleOutcome::RollFail => "matched, outside the rollout: not mapped by this rule",
        RuleOutcome::NoMatch => "not matched: not mapped by this rule",
        RuleOutcome::Unsupported => "a condition is unsupported: not mapped by this rule",
    }
}

fn roll_text(roll: &RollTrace, pct: f64) -> String {
    let who = format!("{} {:?}", roll.id_type, roll.unit_id);
    match roll.bucket {
        Some(b) if roll.in_rollout => format!(
            "bucket {b} of {} < {} → in the rollout ({who})",
            roll.of,
            number(roll.threshold)
        ),
        Some(b) => format!(
            "bucket {b} of {} ≥ {} → outside the rollout ({who})",
            roll.of,
            number(roll.threshold)
        ),
        None if pct <= 0.0 => "pass 0%: nobody is in the rollout".into(),
        None => "everyone is in the rollout".into(),
    }
}

/// `["a","b","c", …] (1,204 values)` for long arrays; other targets as compact JSON, long
/// strings cut.
fn target_text(c: &ConditionTrace) -> String {
    match (&c.target, c.target_count) {
        (Json::Array(a), Some(n)) if n > 3 => {
            let first: Vec<String> = a.iter().take(3).map(compact).collect();
            format!("[{}, …] ({} values)", first.join(","), thousands(n))
        }
        (Json::Null, _) => String::new(),
        (t, _) => {
            let s = compact(t);
            if s.chars().count() > 60 {
                let cut: String = s.chars().take(57).collect();
                format!("{cut}…")
            } else {
                s
            }
        }
    }
}

/// How the operator reads the value, in words.
fn coercion(op: &str) -> Option<&'static str> {
    Some(match op {
        "gt" | "gte" | "lt" | "lte" => "as a number",
        o if o.starts_with("version_") => "as a version",
        "any"
        | "none"
        | "str_starts_with_any"
        | "str_ends_with_any"
        | "str_contains_any"
        | "str_contains_none" => "lower-cased",
        "before" | "after" | "on" => "as ms since the epoch",
        _ => return None,
    })
}

fn write_condition(out: &mut String, depth: usize, c: &ConditionTrace) {
    line(out, depth, &condition_line(c));
    for n in &c.nested {
        write_spec(out, depth + 1, n);
    }
}

/// One condition as it ran: type, field, operator, target, the user's value and where it
/// came from, `→ pass|fail`.
fn condition_line(c: &ConditionTrace) -> String {
    let mut t = c.type_.clone();
    if let Some(f) = &c.field {
        let _ = write!(t, " {f}");
    }
    if let Some(op) = &c.operator {
        let _ = write!(t, " {op}");
    }
    let gate_like = matches!(c.type_.as_str(), "pass_gate" | "fail_gate");
    let target = target_text(c);
    if !target.is_empty() {
        if gate_like {
            let _ = write!(t, " {}", c.target.as_str().unwrap_or(&target));
        } else {
            let _ = write!(t, " {target}");
        }
    }
    if let Some(b) = &c.bucket {
        let _ = write!(
            t,
            " · bucket {} of {} (salt {:?}, {} {:?})",
            b.bucket, b.of, b.salt, b.id_type, b.unit_id
        );
    } else if let Some(l) = &c.id_list {
        let id = c.user_value.as_ref().map(compact).unwrap_or("none".into());
        let _ = write!(t, " · {}", c.value_from.as_deref().unwrap_or("value"));
        let _ = write!(t, " {id}");
        if !l.list_loaded {
            let _ = write!(t, ": list {:?} is not loaded", l.list);
        } else {
            let _ = write!(
                t,
                ", hashed {}, {} list {:?}",
                l.hashed,
                if l.in_list { "in" } else { "not in" },
                l.list
            );
        }
    } else if c.value_from.as_deref() == Some(NOT_SET) {
        let _ = write!(t, " · {NOT_SET}");
        if let Some(v) = c.user_value.as_ref().filter(|v| !v.is_null()) {
            let _ = write!(t, " (compared as {})", compact(v));
        }
    } else if let Some(from) = &c.value_from {
        match &c.user_value {
            Some(v) => {
                let _ = write!(t, " · user value {}", compact(v));
                if let (Some(ms), Some("before" | "after" | "on")) =
                    (v.as_i64(), c.operator.as_deref())
                {
                    let _ = write!(t, " = {}", utc(ms));
                }
                let mut notes = vec![from.clone()];
                if let Some(how) = c.operator.as_deref().and_then(coercion) {
                    notes.push(how.into());
                }
                let _ = write!(t, " ({})", notes.join(", "));
            }
            None => {
                let _ = write!(t, " · {from}");
            }
        }
    }
    if let Some(m) = &c.memoized {
        let _ = write!(
            t,
            " · {:?} was evaluated earlier: {} (rule {:?})",
            m.gate, m.value, m.rule_id
        );
    }
    let _ = write!(t, " → {}", c.result);
    t
}

/// Nested gates the concise form follows, at most this deep.
const CONCISE_NESTING: usize = 3;

impl Explanation<'_> {
    /// The short form `statsig test` prints under a failed expectation: the `decided by`
    /// sentence, then per rule looked at only the conditions that settled it (the first
    /// failing one of a rule that did not match, every one of the rule that decided) with
    /// the user's values, the roll, and nested gates the same way. Lines without a newline.
    pub fn concise(&self) -> Vec<String> {
        let mut out = vec![format!("decided by: {}", self.decided_by())];
        for m in &self.trace.mapping_rules {
            concise_rule(&mut out, 1, &m.rule, Some(&m.to), 0);
        }
        if let Some(root) = self.root() {
            for r in &root.rules {
                concise_rule(&mut out, 1, r, None, 0);
            }
        }
        out
    }
}

fn push_line(out: &mut Vec<String>, depth: usize, text: String) {
    out.push(format!("{}{text}", "  ".repeat(depth)));
}

fn concise_rule(
    out: &mut Vec<String>,
    depth: usize,
    r: &RuleTrace,
    mapped_to: Option<&str>,
    nesting: usize,
) {
    let settled = matches!(r.outcome, RuleOutcome::NoMatch | RuleOutcome::Unsupported);
    let shown: Vec<&ConditionTrace> = if settled {
        r.conditions
            .iter()
            .filter(|c| c.result != "pass")
            .take(1)
            .collect()
    } else {
        r.conditions.iter().collect()
    };
    let mut head = rule_name(r);
    if let Some(to) = mapped_to {
        let _ = write!(head, " (config mapping to {to:?})");
    }
    let inner = match shown.as_slice() {
        [one] => {
            push_line(out, depth, format!("{head}: {}", condition_line(one)));
            concise_nested(out, depth + 1, one, nesting);
            depth + 1
        }
        many => {
            push_line(out, depth, format!("{head}:"));
            for c in many {
                push_line(out, depth + 1, condition_line(c));
                concise_nested(out, depth + 2, c, nesting);
            }
            depth + 1
        }
    };
    if !settled && let Some(roll) = r.roll.as_ref().filter(|_| r.pass_percentage < 100.0) {
        push_line(out, inner, roll_text(roll, r.pass_percentage));
    }
    if let Some(exp) = &r.delegated_to {
        concise_spec(out, inner, exp, nesting);
    }
}

fn concise_nested(out: &mut Vec<String>, depth: usize, c: &ConditionTrace, nesting: usize) {
    if nesting >= CONCISE_NESTING {
        return;
    }
    for n in &c.nested {
        concise_spec(out, depth, n, nesting + 1);
    }
}

fn concise_spec(out: &mut Vec<String>, depth: usize, s: &SpecTrace, nesting: usize) {
    let mut head = format!("{} {:?}", s.entity, s.name);
    if let Json::Bool(b) = s.value {
        let _ = write!(head, " = {b}");
    }
    let _ = write!(head, " (rule {:?}", s.rule_id);
    if let Some(g) = &s.group_name {
        let _ = write!(head, ", group {g:?}");
    }
    head.push(')');
    push_line(out, depth, head);
    for r in &s.rules {
        concise_rule(out, depth + 1, r, None, nesting);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        // 2025-12-01 is day 20423 since the epoch.
        assert_eq!(utc(20_423 * 86_400_000 + 3_661_000), "2025-12-01T01:01:01Z");
        assert_eq!(utc(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(utc(-1000), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
