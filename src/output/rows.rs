//! A result as rows of cells under a header: the one shape the tabular exporters (table,
//! CSV, Markdown) render, so a command builds its rows once and every tabular format
//! follows from them.

use super::{Format, csv, markdown, table};
use crate::result::EvalResult;
use crate::spec::model::Kind;

/// Cells under a header; `right` lists the columns aligned right in a table (counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub right: Vec<usize>,
}

impl Rows {
    pub fn new(header: &[&str]) -> Rows {
        Rows {
            header: header.iter().map(|h| h.to_string()).collect(),
            ..Rows::default()
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Columns aligned right in a table.
    pub fn align_right(mut self, columns: &[usize]) -> Rows {
        self.right = columns.to_vec();
        self
    }

    /// The rows as a table, CSV or Markdown; `None` for the other formats.
    pub fn render(&self, f: Format) -> Option<String> {
        match f {
            Format::Table => Some(table::rows(self)),
            Format::Csv => Some(csv::rows(self)),
            Format::Markdown => Some(markdown::rows(self)),
            _ => None,
        }
    }
}

/// A value in a cell: a string bare, anything else as compact JSON.
pub fn value_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// One evaluation of `check-gate`/`get-*` as a row: its `--json` record (see
/// `json::write_result_json`) read into [`result`]'s columns.
pub fn evaluation(
    kind: Kind,
    name: &str,
    r: &EvalResult<'_>,
    reason_source: &str,
    param: Option<&str>,
    shown: &serde_json::Value,
) -> Rows {
    let mut record = Vec::with_capacity(1024);
    super::json::write_result_json(&mut record, kind, name, r, reason_source, param);
    let record = serde_json::from_slice(&record).unwrap_or_default();
    result(&record, param, shown)
}

/// One entity's result (its JSON record, see `json::write_result_json`) as one row: the
/// value shown (a gate's boolean, the value, a field or a parameter; see [`value_cell`]), then
/// rule, group, id type and reason; with a layer parameter, a `parameter` column.
pub fn result(record: &serde_json::Value, param: Option<&str>, shown: &serde_json::Value) -> Rows {
    let text = |k: &str| match record.get(k) {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    let mut header = vec!["name"];
    let mut row = vec![text("name")];
    if let Some(p) = param {
        header.push("parameter");
        row.push(p.to_string());
    }
    header.extend(["value", "rule", "group", "id_type", "reason"]);
    row.extend([
        value_cell(shown),
        text("rule_id"),
        text("group_name"),
        text("id_type"),
        text("reason"),
    ]);
    let mut rows = Rows::new(&header);
    rows.push(row);
    rows
}

/// A parameter store read: one row per parameter (one for `param`, when given).
pub fn param_store(
    store: &str,
    param: Option<&str>,
    value: &serde_json::Value,
    reason: &str,
) -> Rows {
    let mut rows = Rows::new(&["store", "parameter", "value", "reason"]);
    let mut row = |p: &str, v: &serde_json::Value| {
        rows.push(vec![store.into(), p.into(), value_cell(v), reason.into()])
    };
    match (param, value) {
        (Some(p), v) => row(p, v),
        (None, serde_json::Value::Object(m)) => m.iter().for_each(|(p, v)| row(p, v)),
        (None, v) => row("", v),
    }
    rows
}
