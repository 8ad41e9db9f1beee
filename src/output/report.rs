//! Renders a population [`Report`]: tables for a terminal, JSON (the contract other tools
//! read), CSV (one row per counted item) and Markdown.

use std::fmt::Write as _;

use super::Format;
use super::rows::Rows;
use crate::population::report::Report;

/// A report in `format` (text is the table form; NDJSON is the JSON document).
pub fn render(r: &Report, format: Format) -> String {
    match format {
        Format::Json | Format::Ndjson => json(r),
        Format::Csv => csv(r),
        Format::Markdown => sections(r, true),
        Format::Table | Format::Text | Format::Junit => sections(r, false),
    }
}

pub fn json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).expect("a report serializes");
    s.push('\n');
    s
}

fn pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

fn share(n: u64, of: u64) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

fn p_value(p: Option<f64>) -> String {
    match p {
        None => "n/a".into(),
        Some(p) if p < 1e-4 => format!("{p:.2e}"),
        Some(p) => format!("{p:.4}"),
    }
}

/// One table per section, as comfy tables or Markdown.
fn sections(r: &Report, markdown: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} users", r.users);
    let mut emit = |title: &str, header: &[&str], rows: Vec<Vec<String>>| {
        if rows.is_empty() {
            return;
        }
        out.push('\n');
        let mut t = Rows::new(header);
        t.rows = rows;
        if markdown {
            let _ = writeln!(out, "## {title}\n");
            out.push_str(&super::markdown::rows(&t));
        } else {
            let _ = writeln!(out, "{title}");
            let right: Vec<usize> = (2..header.len()).collect();
            out.push_str(&super::table::rows(&t.align_right(&right)));
        }
    };

    let gates = r
        .gates
        .iter()
        .map(|(name, g)| {
            let rules = g
                .rules
                .iter()
                .map(|(id, n)| format!("{}: {n}", if id.is_empty() { "\"\"" } else { id }))
                .collect::<Vec<_>>()
                .join(", ");
            vec![name.clone(), rules, g.passed.to_string(), pct(g.pass_rate)]
        })
        .collect();
    emit(
        "Gates",
        &["gate", "deciding rules (users)", "passed", "pass rate"],
        gates,
    );

    let mut exps = Vec::new();
    for (name, e) in r.experiments.iter() {
        let in_groups: u64 = e.groups.iter().map(|(_, n)| n).sum();
        let srm = match e.srm_p {
            Some(_) if e.srm => format!("{} SRM!", p_value(e.srm_p)),
            p => p_value(p),
        };
        for (i, (g, n)) in e.groups.iter().enumerate() {
            let expected = e
                .expected
                .as_ref()
                .and_then(|x| x.get(g))
                .map_or_else(|| "-".into(), |s| pct(*s));
            exps.push(vec![
                if i == 0 { name.clone() } else { String::new() },
                g.clone(),
                n.to_string(),
                pct(share(*n, in_groups)),
                expected,
                if i == 0 { srm.clone() } else { String::new() },
            ]);
        }
        if e.groups.is_empty() {
            exps.push(vec![
                name.clone(),
                "(no group)".into(),
                "0".into(),
                "-".into(),
                "-".into(),
                srm,
            ]);
        }
    }
    emit(
        "Experiments",
        &["experiment", "group", "users", "share", "expected", "SRM p"],
        exps,
    );

    let configs = r
        .configs
        .iter()
        .map(|(name, c)| {
            let top = c
                .value_counts
                .iter()
                .take(3)
                .map(|(v, n)| format!("{}: {n}", clip(v, 40)))
                .collect::<Vec<_>>()
                .join(", ");
            let more = c.value_counts.len().saturating_sub(3);
            let top = if more > 0 {
                format!("{top}, … {more} more")
            } else {
                top
            };
            vec![name.clone(), top, c.values.to_string()]
        })
        .collect();
    emit(
        "Dynamic configs",
        &["config", "values (users)", "distinct values"],
        configs,
    );

    let mut layers = Vec::new();
    for (name, l) in r.layers.iter() {
        let mut first = true;
        let mut row = |exp: String, n: u64| {
            layers.push(vec![
                if first { name.clone() } else { String::new() },
                exp,
                n.to_string(),
                pct(share(n, r.users)),
            ]);
            first = false;
        };
        for (exp, n) in l.allocated.iter() {
            row(exp.clone(), *n);
        }
        row("(none)".into(), l.unallocated);
    }
    emit(
        "Layers",
        &["layer", "allocated experiment", "users", "share"],
        layers,
    );
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}

/// `kind,name,item,users,share,expected,srm_p`: one row per counted item.
pub fn csv(r: &Report) -> String {
    let mut out = String::from("kind,name,item,users,share,expected,srm_p\n");
    let mut row = |kind: &str,
                   name: &str,
                   item: &str,
                   n: u64,
                   share: f64,
                   expected: Option<f64>,
                   p: Option<f64>| {
        let num = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{kind},{},{},{n},{share},{},{}",
            super::csv::field(name),
            super::csv::field(item),
            num(expected),
            num(p)
        );
    };
    for (name, g) in r.gates.iter() {
        row("gate", name, "passed", g.passed, g.pass_rate, None, None);
        for (id, n) in g.rules.iter() {
            row(
                "gate",
                name,
                &format!("rule:{id}"),
                *n,
                share(*n, r.users),
                None,
                None,
            );
        }
    }
    for (name, e) in r.experiments.iter() {
        for (g, n) in e.groups.iter() {
            let expected = e.expected.as_ref().and_then(|x| x.get(g)).copied();
            row(
                "experiment",
                name,
                &format!("group:{g}"),
                *n,
                share(*n, r.users),
                expected,
                e.srm_p,
            );
        }
        row(
            "experiment",
            name,
            "unassigned",
            e.unassigned,
            share(e.unassigned, r.users),
            None,
            e.srm_p,
        );
    }
    for (name, c) in r.configs.iter() {
        for (v, n) in c.value_counts.iter() {
            row(
                "config",
                name,
                &format!("value:{v}"),
                *n,
                share(*n, r.users),
                None,
                None,
            );
        }
    }
    for (name, l) in r.layers.iter() {
        for (x, n) in l.allocated.iter() {
            row(
                "layer",
                name,
                &format!("experiment:{x}"),
                *n,
                share(*n, r.users),
                None,
                None,
            );
        }
        row(
            "layer",
            name,
            "unallocated",
            l.unallocated,
            share(l.unallocated, r.users),
            None,
            None,
        );
    }
    out
}
