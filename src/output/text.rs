//! The text renderer: readable forms for people (a spec with its rules, a diff, spool
//! status, one value).

use std::fmt::Write as _;

use serde_json::Value as Json;

use super::rows::Rows;
use crate::events::spool::Status;
use crate::spec::describe::{Category, condition_text, group_names, groups_json, percentage};
use crate::spec::diff::{FieldChange, SpecsDiff};
use crate::spec::model::{CompiledSpecs, Entity, Kind, Rule, Spec};
use crate::spec::param_store::{ParamSource, ParamStore};

/// Compact JSON text of a value, for one-line display.
pub fn compact(v: &Json) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// A string field's value, `""` when it is empty (so that it is visibly empty).
fn shown(s: &str) -> String {
    if s.is_empty() {
        "\"\"".into()
    } else {
        s.into()
    }
}

/// A spec in readable form: a header, its fields, then each rule with its conditions.
pub fn write_spec_text(out: &mut String, specs: &CompiledSpecs, s: &Spec) {
    let cat = Category::of(s);
    let _ = writeln!(out, "{} {}", cat.as_str(), s.name);
    let mut field = |k: &str, v: &str| {
        let _ = writeln!(out, "  {k:<15}{v}");
    };
    let entity = match &s.entity {
        Entity::Missing => "(none)".to_string(),
        e => e.as_str().to_string(),
    };
    field("entity", &entity);
    field("enabled", &s.enabled.to_string());
    field("id type", &s.id_type);
    field("salt", &shown(&s.salt));
    field("default value", &s.default_value.json);
    if let Some(apps) = &s.target_app_ids {
        field("target apps", &apps.join(", "));
    }
    if let Some(v) = s.version {
        field("version", &v.to_string());
    }
    if let Some(a) = s.is_active {
        field("active", &a.to_string());
    }
    if let Some(layer) = (s.kind == Kind::Config)
        .then(|| specs.experiment_to_layer.get(&s.name))
        .flatten()
    {
        field("layer", layer);
    }
    if let Some(p) = &s.explicit_parameters {
        field("explicit params", &p.join(", "));
    }
    if s.forward_all_exposures {
        field("forward all", "true");
    }
    if let Some(why) = &s.dropped {
        field("unsupported", why);
    }
    let groups = group_names(s);
    if !groups.is_empty() {
        field("groups", &groups.join(", "));
    }
    field("rules", &s.rules.len().to_string());
    for (i, r) in s.rules.iter().enumerate() {
        write_rule_text(out, specs, i, r);
    }
    write_groups_text(out, s);
}

/// An experiment's groups with their values (the value a group override gives).
fn write_groups_text(out: &mut String, s: &Spec) {
    let Some(groups) = groups_json(s) else { return };
    let _ = writeln!(out);
    let _ = writeln!(out, "  groups");
    for g in groups.as_array().into_iter().flatten() {
        let name = g["name"].as_str().unwrap_or_default();
        let _ = writeln!(out, "    {name:<13}{}", compact(&g["value"]));
    }
}

/// A parameter store as `specs show` prints it: each parameter with its type and where its
/// value comes from.
pub fn write_store_text(out: &mut String, st: &ParamStore) {
    let _ = writeln!(out, "param_store {}", st.name);
    if let Some(apps) = &st.target_app_ids {
        let apps = if apps.is_empty() {
            "(none)".to_string()
        } else {
            apps.join(", ")
        };
        let _ = writeln!(out, "  {:<15}{apps}", "target apps");
    }
    if let Some(v) = st.version {
        let _ = writeln!(out, "  {:<15}{v}", "version");
    }
    let _ = writeln!(out, "  {:<15}{}", "parameters", st.parameters.len());
    for (name, p) in &st.parameters {
        let from = match &p.source {
            ParamSource::Static(v) => format!("static {}", compact(v)),
            ParamSource::Gate { gate, pass, fail } => format!(
                "gate {gate}: pass {}, fail {}",
                compact(pass),
                compact(fail)
            ),
            ParamSource::DynamicConfig { config, param } => {
                format!("dynamic_config {config}.{param}")
            }
            ParamSource::Experiment { experiment, param } => {
                format!("experiment {experiment}.{param}")
            }
            ParamSource::Layer { layer, param } => format!("layer {layer}.{param}"),
        };
        let _ = writeln!(out, "    {name} ({}): {from}", p.param_type);
    }
}

fn write_rule_text(out: &mut String, specs: &CompiledSpecs, i: usize, r: &Rule) {
    let _ = writeln!(out);
    let _ = writeln!(out, "  rule {}", i + 1);
    let mut field = |k: &str, v: &str| {
        let _ = writeln!(out, "    {k:<13}{v}");
    };
    field("id", &r.id);
    if !r.name.is_empty() && r.name != r.id {
        field("name", &r.name);
    }
    field("pass", &percentage(r.pass_percentage));
    field("id type", &r.id_type.name);
    if r.salt != r.id {
        field("salt", &shown(&r.salt));
    }
    if let Some(g) = &r.group_name {
        let mark = if r.is_experiment_group {
            ""
        } else {
            " (not an experiment group)"
        };
        field("group", &format!("{g}{mark}"));
    }
    field("return", &r.return_value.json);
    if let Some((d, _)) = &r.config_delegate {
        field("delegate", d);
    }
    if let Some(rate) = r.sampling_rate {
        field("sampling", &rate.to_string());
    }
    if r.conditions.is_empty() {
        let _ = writeln!(out, "    conditions   (none)");
    } else {
        let _ = writeln!(out, "    conditions");
        for &c in &r.conditions {
            let _ = writeln!(
                out,
                "      {}",
                condition_text(&specs.conditions[c as usize])
            );
        }
    }
}

fn write_field(out: &mut String, indent: &str, f: &FieldChange) {
    out.push_str(&format!(
        "{indent}{}: {} -> {}\n",
        f.field,
        compact(&f.old),
        compact(&f.new)
    ));
}

fn rule_label(id: &str, name: &str) -> String {
    if name.is_empty() || name == id {
        format!("rule {id}")
    } else {
        format!("rule {id} ({name:?})")
    }
}

/// A diff as rows: one per change, `+` added, `-` removed, `~` changed, with what changed
/// (a field, a rule, a rule's field or conditions) and its old and new form.
pub fn diff_rows(d: &SpecsDiff) -> Rows {
    let mut rows = Rows::new(&["change", "kind", "name", "what", "old", "new"]);
    let mut push =
        |change: &str, kind: &str, name: &str, what: String, old: String, new: String| {
            rows.push(vec![
                change.into(),
                kind.into(),
                name.into(),
                what,
                old,
                new,
            ])
        };
    for f in &d.payload {
        push(
            "~",
            "payload",
            "",
            f.field.clone(),
            compact(&f.old),
            compact(&f.new),
        );
    }
    for e in &d.removed {
        push(
            "-",
            &e.type_,
            &e.name,
            String::new(),
            String::new(),
            String::new(),
        );
    }
    for e in &d.added {
        push(
            "+",
            &e.type_,
            &e.name,
            String::new(),
            String::new(),
            String::new(),
        );
    }
    for c in &d.changed {
        let (kind, name) = (c.type_.as_str(), c.name.as_str());
        for f in &c.fields {
            push(
                "~",
                kind,
                name,
                f.field.clone(),
                compact(&f.old),
                compact(&f.new),
            );
        }
        for r in &c.rules_removed {
            push(
                "-",
                kind,
                name,
                rule_label(&r.id, &r.name),
                String::new(),
                String::new(),
            );
        }
        for r in &c.rules_added {
            push(
                "+",
                kind,
                name,
                rule_label(&r.id, &r.name),
                String::new(),
                String::new(),
            );
        }
        for r in &c.rules_changed {
            let label = rule_label(&r.id, &r.name);
            for f in &r.fields {
                let what = format!("{label} {}", f.field);
                push("~", kind, name, what, compact(&f.old), compact(&f.new));
            }
            if let Some(cc) = &r.conditions {
                let what = format!("{label} conditions");
                push(
                    "~",
                    kind,
                    name,
                    what,
                    cc.removed.join("; "),
                    cc.added.join("; "),
                );
            }
        }
        if let Some(f) = &c.rule_order {
            push(
                "~",
                kind,
                name,
                f.field.clone(),
                compact(&f.old),
                compact(&f.new),
            );
        }
    }
    rows
}

/// The readable form of a diff.
pub fn diff_text(d: &SpecsDiff) -> String {
    if d.identical {
        return format!("no differences between {} and {}\n", d.old, d.new);
    }
    let mut out = format!("--- {}\n+++ {}\n", d.old, d.new);
    for f in &d.payload {
        write_field(&mut out, "payload ", f);
    }
    for e in &d.removed {
        out.push_str(&format!("- {} {}\n", e.type_, e.name));
    }
    for e in &d.added {
        out.push_str(&format!("+ {} {}\n", e.type_, e.name));
    }
    for c in &d.changed {
        out.push_str(&format!("~ {} {}\n", c.type_, c.name));
        for f in &c.fields {
            write_field(&mut out, "    ", f);
        }
        for r in &c.rules_removed {
            out.push_str(&format!("    - {}\n", rule_label(&r.id, &r.name)));
        }
        for r in &c.rules_added {
            out.push_str(&format!("    + {}\n", rule_label(&r.id, &r.name)));
        }
        for r in &c.rules_changed {
            out.push_str(&format!("    ~ {}\n", rule_label(&r.id, &r.name)));
            for f in &r.fields {
                write_field(&mut out, "        ", f);
            }
            if let Some(cc) = &r.conditions {
                out.push_str("        conditions:\n");
                for l in &cc.removed {
                    out.push_str(&format!("          - {l}\n"));
                }
                for l in &cc.added {
                    out.push_str(&format!("          + {l}\n"));
                }
                if cc.removed.is_empty() && cc.added.is_empty() {
                    out.push_str("          (reordered)\n");
                }
            }
        }
        if let Some(f) = &c.rule_order {
            write_field(&mut out, "    ", f);
        }
    }
    out.push_str(&format!(
        "{} added, {} removed, {} changed{}\n",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        if d.payload.is_empty() {
            ""
        } else {
            ", payload fields changed"
        }
    ));
    out
}

/// `events status` as rows: one per count, one per dead letter, damaged or unreadable part.
pub fn spool_rows(st: &Status) -> Rows {
    let mut rows = Rows::new(&["item", "count", "detail"]).align_right(&[1]);
    let mut push = |item: &str, n: String, detail: &str| {
        rows.push(vec![item.into(), n, detail.into()]);
    };
    push("queued events", st.events.to_string(), &st.dir);
    push("queued batches", st.batches.to_string(), "");
    push("segments", st.segments.to_string(), "");
    push("bytes", st.bytes.to_string(), "");
    push("in flight segments", st.in_flight_segments.to_string(), "");
    push("dead events", st.dead_events.to_string(), "");
    for d in &st.dead_letters {
        push(
            "dead letter",
            String::new(),
            &format!("{} {}", d.file, d.reason),
        );
    }
    for q in &st.quarantined {
        push("quarantined", String::new(), q);
    }
    for u in &st.unreadable {
        push("unreadable", String::new(), u);
    }
    rows
}

/// `specs show` as rows: one per rule of each spec (a spec without rules has one row for its
/// default), then one per parameter of a store (`store`: its JSON form).
pub fn spec_rows(specs: &CompiledSpecs, found: &[&Spec], store: Option<&Json>) -> Rows {
    let mut rows = Rows::new(&[
        "type",
        "name",
        "rule",
        "id",
        "pass",
        "id_type",
        "group",
        "return",
        "conditions",
    ]);
    for s in found {
        let kind = Category::of(s).as_str();
        for (i, r) in s.rules.iter().enumerate() {
            let conditions: Vec<String> = r
                .conditions
                .iter()
                .map(|&c| condition_text(&specs.conditions[c as usize]))
                .collect();
            rows.push(vec![
                kind.into(),
                s.name.to_string(),
                (i + 1).to_string(),
                r.id.to_string(),
                percentage(r.pass_percentage),
                r.id_type.name.to_string(),
                r.group_name.as_deref().unwrap_or("").to_string(),
                r.return_value.json.to_string(),
                conditions.join("; "),
            ]);
        }
        rows.push(vec![
            kind.into(),
            s.name.to_string(),
            "default".into(),
            String::new(),
            String::new(),
            s.id_type.to_string(),
            String::new(),
            s.default_value.json.to_string(),
            String::new(),
        ]);
    }
    if let Some(st) = store {
        let name = st.get("name").and_then(Json::as_str).unwrap_or("");
        if let Some(Json::Object(params)) = st.get("parameters") {
            for (p, v) in params {
                let blank = || String::new();
                rows.push(vec![
                    "param_store".into(),
                    name.into(),
                    p.clone(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    v.to_string(),
                    blank(),
                ]);
            }
        }
    }
    rows
}

/// `events status` for people; ages are counted from `now_ms`.
pub fn spool_status(st: &Status, now_ms: i64) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "spool: {}", st.dir);
    let _ = writeln!(
        out,
        "queued: {} events in {} batches, {} segments, {} bytes",
        st.events, st.batches, st.segments, st.bytes
    );
    if let Some(t) = st.oldest_ms {
        let age = (now_ms - t).max(0) / 1000;
        let _ = writeln!(out, "oldest: {age} s ago");
    }
    if st.in_flight_segments > 0 {
        let _ = writeln!(
            out,
            "being sent by another process: {} segments",
            st.in_flight_segments
        );
    }
    for u in &st.unreadable {
        let _ = writeln!(out, "unreadable: {u}");
    }
    if !st.dead_letters.is_empty() {
        let _ = writeln!(
            out,
            "refused by the server: {} events in {} batches (`statsig events retry` sends them again, `statsig events purge` deletes them)",
            st.dead_events,
            st.dead_letters.len()
        );
        for d in &st.dead_letters {
            let reason = if d.reason.is_empty() { "-" } else { &d.reason };
            let _ = writeln!(
                out,
                "  HTTP {} {} events: {reason} ({})",
                d.status, d.events, d.file
            );
        }
    }
    if !st.quarantined.is_empty() {
        let _ = writeln!(out, "damaged parts moved aside: {}", st.quarantined.len());
        for q in &st.quarantined {
            let _ = writeln!(out, "  {q}");
        }
    }
    out
}

/// A value as `check-gate`/`get-*` print it: a boolean as a (coloured) word, anything else as
/// pretty JSON, or with `raw` a string bare and anything else as one line of JSON.
pub fn value(out: &mut Vec<u8>, v: &Json, raw: bool) {
    match (raw, v) {
        (_, Json::Bool(b)) => {
            out.extend_from_slice(super::style::boolean(*b).as_bytes());
            out.push(b'\n');
        }
        (true, Json::String(s)) => {
            out.extend_from_slice(s.as_bytes());
            out.push(b'\n');
        }
        (true, _) => {
            let _ = serde_json::to_writer(&mut *out, v);
            out.push(b'\n');
        }
        (false, _) => {
            let _ = serde_json::to_writer_pretty(&mut *out, v);
            out.push(b'\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::diff::{EntityChange, EntityRef};

    #[test]
    fn diff_lines() {
        let d = SpecsDiff {
            identical: false,
            old: "a.json".into(),
            new: "b.json".into(),
            payload: vec![],
            added: vec![EntityRef {
                collection: "layer",
                type_: "layer".into(),
                name: "l".into(),
            }],
            removed: vec![],
            changed: vec![EntityChange {
                collection: "gate",
                type_: "gate".into(),
                name: "g".into(),
                fields: vec![],
                rules_added: vec![],
                rules_removed: vec![],
                rules_changed: vec![],
                rule_order: Some(FieldChange {
                    field: "rule_order".into(),
                    old: serde_json::json!(["r1", "r2"]),
                    new: serde_json::json!(["r2", "r1"]),
                }),
            }],
        };
        assert_eq!(
            diff_text(&d),
            "--- a.json\n+++ b.json\n+ layer l\n~ gate g\n    rule_order: [\"r1\",\"r2\"] -> \
             [\"r2\",\"r1\"]\n1 added, 0 removed, 1 changed\n"
        );
    }
}
