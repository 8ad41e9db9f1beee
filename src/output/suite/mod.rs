//! Reports of `statsig test` runs: terminal text, JSON, JUnit XML. The pieces every format
//! shares live here: how a failure reads in one line, how the deciding rule is told, how
//! a rule is named in coverage.

pub mod json;
pub mod junit;
pub mod text;

use std::path::Path;
use std::time::Duration;

use serde_json::Value as Json;

use crate::eval::trace::RuleOutcome;
use crate::output::Format;
use crate::output::explain::outcome_text;
use crate::output::rows::Rows;
use crate::spec::describe::{Category, collection, condition_text};
use crate::spec::model::{CompiledSpecs, Kind, Spec};
use crate::suite::decision::{Decided, Decision};
use crate::suite::doc::Pos;
use crate::suite::run::{Failure, FileReport, Problem, Report};

/// What is printed as soon as a file has run: its section of the text report (nothing for
/// JSON, which is one document at the end).
pub fn progress(format: Format, f: &FileReport) -> String {
    let mut s = String::new();
    if format == Format::Text && !f.cases.is_empty() {
        text::file(&mut s, f);
    }
    s
}

/// What is printed at the end: the coverage (when asked) and the closing count for text,
/// the whole document for JSON and JUnit, one row per case for a table, CSV and Markdown.
pub fn closing(format: Format, r: &Report, with_coverage: bool) -> String {
    if let Some(s) = rows(r).render(format) {
        return s;
    }
    match format {
        Format::Junit => junit::report(r),
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&json::report(r, with_coverage)).unwrap_or_default();
            s.push('\n');
            s
        }
        _ => {
            let mut s = String::new();
            if with_coverage {
                for c in &r.coverage {
                    text::coverage(&mut s, c);
                }
            }
            text::summary_line(&mut s, r);
            s
        }
    }
}

/// One row per case run: its file and location, name, result, and each failure's line.
pub fn rows(r: &Report) -> Rows {
    let mut rows = Rows::new(&["file", "case", "result", "failures"]);
    for f in &r.files {
        for c in &f.cases {
            let failures: Vec<String> = c
                .failures
                .iter()
                .map(|fl| summary(&f.specs.specs, fl))
                .collect();
            rows.push(vec![
                location(&f.path, c.pos),
                c.name.clone(),
                if c.passed() { "passed" } else { "failed" }.into(),
                failures.join("; "),
            ]);
        }
    }
    rows
}

/// `path:line:col`.
pub fn location(path: &Path, pos: Pos) -> String {
    format!("{}:{}:{}", path.display(), pos.line, pos.col)
}

/// `12 ms`, `0.35 ms`, `1.24 s`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// What an entity is called: its category when the specs have it (`experiment`), else the
/// kind it was asked as.
pub fn entity_word(specs: &CompiledSpecs, kind: Kind, name: &str) -> &'static str {
    specs
        .get(kind, name)
        .map(|s| Category::of(s).as_str())
        .unwrap_or(collection(kind))
}

pub fn compact(v: &Json) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// A fraction as a percentage with two decimals (`24.91%`).
pub fn percent(f: f64) -> String {
    format!("{:.2}%", f * 100.0)
}

/// One line saying what is wrong, for summaries and JUnit `message`.
pub fn summary(specs: &CompiledSpecs, f: &Failure) -> String {
    let word = entity_word(specs, f.kind, &f.entity);
    match &f.problem {
        Problem::UnknownEntity {
            suggestions,
            elsewhere,
        } => {
            let mut s = format!(
                "{} {}: the specs have no {} of that name",
                collection(f.kind),
                f.entity,
                collection(f.kind)
            );
            if let Some(k) = elsewhere {
                let section = match k {
                    Kind::Gate => "gates",
                    Kind::Config => "configs",
                    Kind::Layer => "layers",
                };
                s.push_str(&format!(
                    " ({} is a {}: put it under `{section}:`)",
                    f.entity,
                    entity_word(specs, *k, &f.entity)
                ));
            } else if !suggestions.is_empty() {
                let q: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                s.push_str(&format!(" (did you mean {}?)", q.join(" or ")));
            }
            s
        }
        Problem::Mismatch {
            check,
            expected,
            actual,
            users,
            ..
        } => {
            let verb = if check == "value_contains" {
                "expected to contain"
            } else {
                "expected"
            };
            let mut s = format!(
                "{word} {}: {check} {verb} {}, got {}",
                f.entity,
                compact(expected),
                compact(actual)
            );
            if let Some(u) = users {
                s.push_str(&format!(
                    " for {} of {} users (first: user {})",
                    u.failed, u.of, u.index
                ));
            }
            s
        }
        Problem::OutOfBounds {
            check,
            bounds,
            hits,
            of,
        } => format!(
            "{word} {}: {check} expected between {} and {}, got {} ({hits} of {of} users)",
            f.entity,
            percent(bounds.lo),
            percent(bounds.hi),
            percent(*hits as f64 / *of as f64)
        ),
    }
}

/// `rule 3 "ios_v2"`.
pub fn rule_name(spec: &Spec, index: u32) -> String {
    match spec.rules.get(index as usize) {
        Some(r) => format!("rule {} {:?}", index + 1, &*r.id),
        None => format!("rule {}", index + 1),
    }
}

/// A rule's first failing condition as text.
pub fn condition_at(specs: &CompiledSpecs, spec: &Spec, rule: u32, ordinal: u32) -> Option<String> {
    let r = spec.rules.get(rule as usize)?;
    let ci = *r.conditions.get(ordinal as usize)?;
    specs.conditions.get(ci as usize).map(condition_text)
}

/// Lines telling how a result was decided: the deciding rule, then each rule tried before
/// it with its first failing condition, then a layer's experiment the same way.
pub fn decision_lines(specs: &CompiledSpecs, d: Option<&Decision>) -> Vec<String> {
    let Some(d) = d else {
        return vec!["decided by: a local override (or no spec was evaluated)".into()];
    };
    let mut out = Vec::new();
    push_decision(specs, d, "", &mut out);
    out
}

fn push_decision(specs: &CompiledSpecs, d: &Decision, indent: &str, out: &mut Vec<String>) {
    let Some(spec) = specs.specs(d.kind).get(d.index as usize) else {
        return;
    };
    let decided = match d.decided {
        Decided::Rule(i) => {
            let outcome = d
                .steps
                .iter()
                .find(|s| s.rule == i)
                .map(|s| outcome_text(s.outcome))
                .unwrap_or("matched");
            format!("{} ({outcome})", rule_name(spec, i))
        }
        Decided::Default if !spec.enabled => "the default value (disabled)".into(),
        Decided::Default => match d.steps.last() {
            Some(s) if s.outcome == RuleOutcome::Unsupported => format!(
                "{}, which has an unsupported condition",
                rule_name(spec, s.rule)
            ),
            _ => "the default value (no rule matched)".into(),
        },
    };
    out.push(format!(
        "{indent}decided by: {decided}{}",
        if indent.is_empty() {
            String::new()
        } else {
            format!(" of {} {}", Category::of(spec).as_str(), spec.name)
        }
    ));
    for s in &d.steps {
        if s.outcome != RuleOutcome::NoMatch {
            continue;
        }
        let cond = s
            .first_failed
            .and_then(|o| condition_at(specs, spec, s.rule, o))
            .unwrap_or_else(|| "no condition failed".into());
        out.push(format!(
            "{indent}  {} not matched: {cond} → fail",
            rule_name(spec, s.rule)
        ));
    }
    if let Some(x) = &d.delegated {
        push_decision(specs, x, &format!("{indent}  "), out);
    }
}

/// The rules no case decided, one line each: ``rule 3 `ios_v2` of gate new_checkout: never decided``.
pub fn never_decided(cov: &crate::suite::run::Coverage) -> Vec<String> {
    let mut out = Vec::new();
    for e in cov.entities() {
        for (i, decided) in e.rules.iter().enumerate() {
            if !decided {
                out.push(format!(
                    "rule {} `{}` of {} {}: never decided",
                    i + 1,
                    e.spec.rules[i].id,
                    Category::of(e.spec).as_str(),
                    e.spec.name
                ));
            }
        }
    }
    out
}
