//! The table renderer: boxed tables for a terminal (`specs list`, `evaluate` of one user).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};

use crate::result::{EvalResult, clean_exposures};
use crate::spec::describe::ListRow;
use crate::spec::model::{Kind, Spec};

/// `specs list` as a table.
pub fn spec_list(rows: &[ListRow<'_>]) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(vec![
        "NAME",
        "TYPE",
        "ENABLED",
        "ID TYPE",
        "RULES",
        "TARGET APPS",
        "GROUPS",
    ]);
    for r in rows {
        let kind = match r.entity {
            Some(e)
                if e != r.type_
                    && !matches!(
                        (r.type_, e),
                        ("gate", "feature_gate") | ("config", "dynamic_config")
                    ) =>
            {
                format!("{} ({e})", r.type_)
            }
            _ => r.type_.to_string(),
        };
        t.add_row(vec![
            r.name.to_string(),
            kind,
            if r.enabled { "yes" } else { "no" }.to_string(),
            r.id_type.to_string(),
            match r.parameters {
                Some(n) => format!("{n} params"),
                None => r.rules.to_string(),
            },
            r.target_apps
                .as_ref()
                .map(|a| {
                    if a.is_empty() {
                        "(none)".to_string()
                    } else {
                        a.join(", ")
                    }
                })
                .unwrap_or_default(),
            r.groups.as_ref().map(|g| g.join(", ")).unwrap_or_default(),
        ]);
    }
    if let Some(c) = t.column_mut(4) {
        c.set_cell_alignment(CellAlignment::Right);
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// One row of the `evaluate` table for a result.
pub fn evaluation_row(kind: Kind, spec: &Spec, r: &EvalResult<'_>) -> Vec<String> {
    let word = match kind {
        Kind::Gate => spec.entity.as_str().replace("feature_", ""),
        _ => spec.entity.as_str().to_string(),
    };
    let value = match kind {
        Kind::Gate => r.bool.to_string(),
        _ => r.value().map(|j| j.json.to_string()).unwrap_or("{}".into()),
    };
    let value = if value.len() > 60 {
        format!("{}…", &value[..value.floor_char_boundary(59)])
    } else {
        value
    };
    vec![
        if word.is_empty() { "gate".into() } else { word },
        spec.name.to_string(),
        value,
        r.rule_id_str().to_string(),
        r.group_name.unwrap_or("").to_string(),
        clean_exposures(&r.secondary_exposures).len().to_string(),
    ]
}

/// The `evaluate` table of one user's results.
pub fn evaluation(rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_header(vec!["kind", "name", "value", "rule", "group", "exposures"]);
    for row in rows {
        table.add_row(row);
    }
    format!("{table}\n")
}
