//! The table exporter: boxed tables for a terminal. With colour on, headers are bold and
//! boolean cells green (true) or red (false). Also the rows of `specs list` and of
//! `evaluate` for one user, which CSV and Markdown render too.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, Table};

use super::rows::Rows;
use super::style;
use crate::result::{EvalResult, clean_exposures};
use crate::spec::describe::ListRow;
use crate::spec::model::{Kind, Spec};

/// Rows as a boxed table.
pub fn rows(r: &Rows) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    let colour = style::enabled();
    if colour {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(r.header.iter().map(|h| match colour {
        true => Cell::new(h).add_attribute(Attribute::Bold),
        false => Cell::new(h),
    }));
    for row in &r.rows {
        t.add_row(row.iter().map(|v| match (colour, v.as_str()) {
            (true, "true") => Cell::new(v).fg(Color::Green),
            (true, "false") => Cell::new(v).fg(Color::Red),
            _ => Cell::new(v),
        }));
    }
    for &i in &r.right {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{t}\n")
}

/// `specs list`: one row per entity.
pub fn spec_list(rows: &[ListRow<'_>]) -> Rows {
    let mut t = Rows::new(&[
        "NAME",
        "TYPE",
        "ENABLED",
        "ID TYPE",
        "RULES",
        "TARGET APPS",
        "GROUPS",
    ])
    .align_right(&[4]);
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
        t.push(vec![
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
    t
}

/// One row of the `evaluate` rows for a result; `clip` shortens a long value to fit a
/// terminal's table.
pub fn evaluation_row(kind: Kind, spec: &Spec, r: &EvalResult<'_>, clip: bool) -> Vec<String> {
    let word = match kind {
        Kind::Gate => spec.entity.as_str().replace("feature_", ""),
        _ => spec.entity.as_str().to_string(),
    };
    let value = match kind {
        Kind::Gate => r.bool.to_string(),
        _ => r.value().map(|j| j.json.to_string()).unwrap_or("{}".into()),
    };
    let value = if clip && value.len() > 60 {
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

/// The `evaluate` rows of one user's results.
pub fn evaluation(rows: Vec<Vec<String>>) -> Rows {
    let mut t = Rows::new(&["kind", "name", "value", "rule", "group", "exposures"]);
    t.rows = rows;
    t
}
