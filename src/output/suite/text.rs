//! The terminal report: a line per case (✓ or ✗, name, time), the details of each failure
//! under it, a closing count, and the coverage when asked.

use std::fmt::Write as _;

use crate::output::explain::Explanation;
use crate::output::style::{self, Paint};
use crate::output::suite::{
    compact, decision_lines, duration, entity_word, location, never_decided, percent, summary,
};
use crate::spec::describe::Category;
use crate::suite::run::{CaseReport, Coverage, FileReport, Problem, Report};

/// One file's section: its path, then its cases.
pub fn file(out: &mut String, f: &FileReport) {
    let _ = writeln!(out, "{}", f.path.display());
    for c in &f.cases {
        case(out, f, c);
    }
}

fn case(out: &mut String, f: &FileReport, c: &CaseReport) {
    let mark = match c.passed() {
        true => style::paint("✓", Paint::Green),
        false => style::paint("✗", Paint::Red),
    };
    let _ = writeln!(out, "  {mark} {}  {}", c.name, duration(c.duration));
    case_failures(out, f, c);
}

/// The details under a failed case's line: what was checked and where, expected and
/// actual, and the rule that decided.
pub fn case_failures(out: &mut String, f: &FileReport, c: &CaseReport) {
    let specs = &f.specs.specs;
    // An entity missed twice by the same user is explained once.
    let mut explained_already: Vec<(crate::spec::model::Kind, &str, Option<u64>)> = Vec::new();
    for fl in &c.failures {
        let word = entity_word(specs, fl.kind, &fl.entity);
        let at = location(&f.path, fl.pos);
        match &fl.problem {
            Problem::UnknownEntity { .. } => {
                let _ = writeln!(out, "      {}", summary(specs, fl));
                let _ = writeln!(out, "        at {at}");
            }
            Problem::Mismatch {
                check,
                expected,
                actual,
                decision,
                explained,
                users,
            } => {
                let _ = writeln!(out, "      {word} {}, {check}  ({at})", fl.entity);
                let verb = if check == "value_contains" {
                    "expected to contain"
                } else {
                    "expected"
                };
                let _ = writeln!(out, "        {verb}: {}", compact(expected));
                let _ = writeln!(out, "        actual: {}", compact(actual));
                if let Some(u) = users {
                    let _ = writeln!(
                        out,
                        "        {} of {} users missed it; the first, user {}: {}",
                        u.failed,
                        u.of,
                        u.index,
                        compact(&u.user)
                    );
                }
                let who = (fl.kind, fl.entity.as_str(), users.as_ref().map(|u| u.index));
                if explained_already.contains(&who) {
                    let _ = writeln!(out, "        decided by: as above");
                    continue;
                }
                explained_already.push(who);
                let lines = match explained {
                    Some(x) => Explanation {
                        kind: fl.kind,
                        name: &fl.entity,
                        reason: x.reason,
                        trace: &x.trace,
                    }
                    .concise(),
                    None => decision_lines(specs, decision.as_deref()),
                };
                for l in lines {
                    let _ = writeln!(out, "        {l}");
                }
            }
            Problem::OutOfBounds {
                check,
                bounds,
                hits,
                of,
            } => {
                let _ = writeln!(out, "      {word} {}, {check}  ({at})", fl.entity);
                let _ = writeln!(
                    out,
                    "        expected: between {} and {}",
                    percent(bounds.lo),
                    percent(bounds.hi)
                );
                let _ = writeln!(
                    out,
                    "        actual: {} ({hits} of {of} users)",
                    percent(*hits as f64 / *of as f64)
                );
            }
        }
    }
}

/// The closing line: `N passed, N failed` (then skipped and time).
pub fn summary_line(out: &mut String, r: &Report) {
    let _ = write!(out, "\n{} passed, {} failed", r.passed(), r.failed());
    if r.skipped > 0 {
        let _ = write!(out, ", {} skipped (--fail-fast)", r.skipped);
    }
    let _ = writeln!(out, " in {}", duration(r.duration));
}

/// Per entity, how many rules some case decided; then the rules none did.
pub fn coverage(out: &mut String, cov: &Coverage) {
    let entities = cov.entities();
    let total: usize = entities.iter().map(|e| e.rules.len()).sum();
    let decided: usize = entities.iter().map(|e| e.decided_rules()).sum();
    let _ = writeln!(
        out,
        "\nRule coverage of {}: {decided} of {total} rules decided by some case",
        cov.specs.origin
    );
    for e in &entities {
        let name = format!("{} {}", Category::of(e.spec).as_str(), e.spec.name);
        if !e.asserted {
            let _ = writeln!(out, "  {name}: not tested by any case");
            continue;
        }
        let rules = match e.rules.len() {
            0 => "no rules".to_string(),
            n => format!("{} of {n} rules", e.decided_rules()),
        };
        let default = if e.default_decided {
            "reached"
        } else {
            "never reached"
        };
        let _ = writeln!(out, "  {name}: {rules}, default value {default}");
    }
    let never = never_decided(cov);
    if !never.is_empty() {
        let _ = writeln!(out, "Rules no case decided:");
        for l in never {
            let _ = writeln!(out, "  {l}");
        }
    }
}
