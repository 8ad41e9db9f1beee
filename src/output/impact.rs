//! Renders an [`Impact`]: a one-screen summary first, then per entity the counts, the
//! transitions and example users; or the JSON contract.

use std::fmt::Write as _;

use super::Format;
use super::rows::Rows;
use crate::population::impact::Impact;

/// An impact in `format`: JSON (also for NDJSON), one row per changed entity (table, CSV,
/// Markdown), else the text form.
pub fn render(i: &Impact, format: Format) -> String {
    match format {
        Format::Json | Format::Ndjson => {
            let mut s = serde_json::to_string_pretty(i).expect("an impact serializes");
            s.push('\n');
            s
        }
        Format::Table | Format::Csv | Format::Markdown => {
            rows(i).render(format).unwrap_or_default()
        }
        _ => text(i),
    }
}

/// One row per changed entity: how many users change and how, every transition with its
/// count, the example users.
pub fn rows(i: &Impact) -> Rows {
    let mut rows = Rows::new(&[
        "kind",
        "name",
        "users",
        "share",
        "value",
        "rule",
        "group",
        "transitions",
        "examples",
    ])
    .align_right(&[2, 3, 4, 5, 6]);
    for (name, e) in i.entities.iter() {
        let transitions: Vec<String> = e
            .transitions
            .iter()
            .map(|(t, n)| format!("{t}: {n}"))
            .collect();
        rows.push(vec![
            e.kind.clone(),
            name.to_string(),
            e.changed.to_string(),
            pct(e.changed, i.users),
            e.value_changed.to_string(),
            e.rule_changed.to_string(),
            e.group_changed.to_string(),
            transitions.join("; "),
            e.examples.join(" "),
        ]);
    }
    rows
}

fn pct(n: u64, of: u64) -> String {
    if of == 0 {
        return "0%".into();
    }
    format!("{:.2}%", n as f64 * 100.0 / of as f64)
}

/// The summary (one line per changed entity, its main transition), then the details; with
/// sticky assignments, the flips they held apart.
pub fn text(i: &Impact) -> String {
    let mut out = changes(i);
    if let Some(held) = &i.sticky_held {
        if held.is_empty() {
            let _ = writeln!(
                out,
                "\nSticky assignments (--persisted-values) held no flip."
            );
        } else {
            let _ = writeln!(
                out,
                "\nHeld by sticky assignments (--persisted-values): the live evaluation flips, \
                 the saved assignment is served (not counted above):"
            );
            let width = held
                .iter()
                .map(|(n, _)| n.chars().count())
                .max()
                .unwrap_or(0);
            for (name, h) in held.iter() {
                let main = h
                    .transitions
                    .iter()
                    .map(|(t, n)| format!("{t}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(
                    out,
                    "  {:<10} {name:<width$}  {:>8} users held ({:>7})  {main}",
                    h.kind,
                    h.held,
                    pct(h.held, i.users)
                );
                if !h.examples.is_empty() {
                    let _ = writeln!(
                        out,
                        "  {:<10} {:<width$}  e.g. {}",
                        "",
                        "",
                        h.examples.join(", ")
                    );
                }
            }
        }
    }
    out
}

fn changes(i: &Impact) -> String {
    let mut out = String::new();
    if i.entities.is_empty() {
        let _ = writeln!(
            out,
            "No change: {} entities give every one of the {} users the same value, rule and \
             group.",
            i.compared, i.users
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{} of {} entities change for some of the {} users:\n",
        i.entities.len(),
        i.compared,
        i.users
    );
    let width = i
        .entities
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    for (name, e) in i.entities.iter() {
        let main = e
            .transitions
            .iter()
            .next()
            .map(|(t, n)| format!("{t}: {n}"))
            .unwrap_or_default();
        let more = e.transitions.len().saturating_sub(1);
        let more = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {:<10} {name:<width$}  {:>8} users ({:>7})  {main}{more}",
            e.kind,
            e.changed,
            pct(e.changed, i.users)
        );
    }
    for (name, e) in i.entities.iter() {
        let _ = writeln!(
            out,
            "\n{} {name}: {} users change (value {}, rule {}, group {})",
            e.kind, e.changed, e.value_changed, e.rule_changed, e.group_changed
        );
        for (t, n) in e.transitions.iter() {
            let _ = writeln!(out, "  {t}: {n}");
        }
        if !e.examples.is_empty() {
            let _ = writeln!(out, "  e.g. {}", e.examples.join(", "));
        }
    }
    out
}
