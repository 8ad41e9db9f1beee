//! Rendering: one [`Format`], decided once per command from its flags and whether stdout is
//! a terminal, and one exporter per format — [`text`], [`table`], [`json`] (and its NDJSON
//! [`records`], one per user), [`csv`], [`markdown`], JUnit in [`suite`] — in the spirit of
//! hyperfine's exporters. A command builds its [`rows::Rows`] once and every tabular format
//! (table, CSV, Markdown) renders them; [`style`] decides colour (terminals only).
//! Client-initialize bytes ([`client_init`]), explain traces ([`explain`]) and population
//! reports ([`report`]) are here too. A new format is one more module and one more arm in
//! [`rows::Rows::render`] and the functions below.

pub mod client_init;
pub mod csv;
pub mod explain;
pub mod fragments;
pub mod impact;
pub mod json;
pub mod markdown;
pub mod records;
pub mod report;
pub mod rows;
pub mod style;
pub mod suite;
pub mod table;
pub mod text;

use std::io::{IsTerminal, Write};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::events::spool::Status;
use crate::spec::describe::{ListRow, groups_json, spec_json, store_json};
use crate::spec::diff::SpecsDiff;
use crate::spec::model::{CompiledSpecs, Spec};
use crate::spec::param_store::ParamStore;

/// How an answer is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable lines for people.
    Text,
    /// A boxed table for a terminal.
    Table,
    /// One JSON document.
    Json,
    /// One JSON document per line (a stream of users).
    Ndjson,
    /// Comma-separated rows with a header.
    Csv,
    /// Markdown tables.
    Markdown,
    /// JUnit XML.
    Junit,
}

impl Format {
    /// What a command printing one document (a listing, a diff, a status) offers.
    pub const DOCUMENT: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Table,
        Format::Csv,
        Format::Markdown,
    ];

    /// What a command printing answers offers: a document's formats and NDJSON.
    pub const ANSWERS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Table,
        Format::Csv,
        Format::Markdown,
    ];

    /// A command's default: `terminal` when stdout is a terminal and `piped` when not.
    pub fn default_for(terminal: Format, piped: Format) -> Format {
        if terminal != piped && std::io::stdout().is_terminal() {
            terminal
        } else {
            piped
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Table => "table",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Junit => "junit",
        }
    }

    fn unsupported(self, what: &str) -> Error {
        Error::internal(format!("{what} has no {self:?} form"))
    }
}

/// Writes a rendered answer to stdout (a closed pipe is reported as such, see
/// [`Error::is_broken_pipe`]).
pub fn print(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

/// [`print`] for a command whose exit code is its answer (`check-gate --exit-code`, `specs
/// diff`, `test`, `impact --fail-on-change`): a reader that closed the pipe early did not
/// change the answer, so the closed pipe is not an error here.
pub fn print_answer(bytes: &[u8]) -> Result<()> {
    match print(bytes) {
        Err(e) if e.is_broken_pipe() => Ok(()),
        other => other,
    }
}

/// Pretty JSON with a final newline.
pub fn pretty_json<T: Serialize + ?Sized>(v: &T) -> Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(v).map_err(|e| Error::internal(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}

/// `specs list`.
pub fn spec_list(f: Format, rows: &[ListRow<'_>]) -> Result<Vec<u8>> {
    match f {
        Format::Json => pretty_json(rows),
        Format::Table | Format::Text => Ok(table::rows(&table::spec_list(rows)).into_bytes()),
        Format::Csv | Format::Markdown => Ok(table::spec_list(rows)
            .render(f)
            .unwrap_or_default()
            .into_bytes()),
        _ => Err(f.unsupported("a spec list")),
    }
}

/// `specs show`: the specs (and the parameter store) found under one name. An experiment's
/// JSON has its `groups` with their values.
pub fn spec_show(
    f: Format,
    specs: &CompiledSpecs,
    found: &[&Spec],
    store: Option<&ParamStore>,
) -> Result<Vec<u8>> {
    match f {
        Format::Json => {
            let mut v: Vec<serde_json::Value> = found
                .iter()
                .map(|s| {
                    let mut j = spec_json(specs, s);
                    if let Some(g) = groups_json(s) {
                        j["groups"] = g;
                    }
                    j
                })
                .collect();
            v.extend(store.map(store_json));
            pretty_json(&v)
        }
        Format::Text => {
            let mut out = String::new();
            for (i, s) in found.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                text::write_spec_text(&mut out, specs, s);
            }
            if let Some(st) = store {
                if !found.is_empty() {
                    out.push('\n');
                }
                text::write_store_text(&mut out, st);
            }
            Ok(out.into_bytes())
        }
        Format::Table | Format::Csv | Format::Markdown => {
            let rows = text::spec_rows(specs, found, store.map(store_json).as_ref());
            Ok(rows.render(f).unwrap_or_default().into_bytes())
        }
        _ => Err(f.unsupported("a spec")),
    }
}

/// `specs diff`: text (coloured +/−/~ lines on a terminal), JSON, or one row per change.
pub fn diff(f: Format, d: &SpecsDiff) -> Result<Vec<u8>> {
    match f {
        Format::Json => pretty_json(d),
        Format::Text => Ok(colour_diff(&text::diff_text(d)).into_bytes()),
        Format::Table | Format::Csv | Format::Markdown => Ok(text::diff_rows(d)
            .render(f)
            .unwrap_or_default()
            .into_bytes()),
        _ => Err(f.unsupported("a diff")),
    }
}

/// A text diff with colour (when on): `+` lines green, `-` red, `~` yellow.
fn colour_diff(text: &str) -> String {
    if !style::enabled() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.lines() {
        let paint = match line.trim_start().get(..2) {
            Some("+ ") => Some(style::Paint::Green),
            Some("- ") => Some(style::Paint::Red),
            Some("~ ") => Some(style::Paint::Yellow),
            _ => None,
        };
        match paint {
            Some(p) => out.push_str(&style::paint(line, p)),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// `events status`: what the spool holds.
pub fn spool_status(f: Format, st: &Status) -> Result<Vec<u8>> {
    match f {
        Format::Json => pretty_json(st),
        Format::Table | Format::Csv | Format::Markdown => Ok(text::spool_rows(st)
            .render(f)
            .unwrap_or_default()
            .into_bytes()),
        Format::Text => Ok(text::spool_status(st, crate::util::clock::now_ms()).into_bytes()),
        _ => Err(f.unsupported("spool status")),
    }
}
