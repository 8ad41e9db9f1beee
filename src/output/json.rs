//! JSON records written straight into a byte buffer: evaluation records in the conformance
//! shape and `--json` results.

use std::io::Write;

use crate::eval::Evaluator;
use crate::eval::trace::Trace;
use crate::output::fragments::Fragments;
use crate::result::{EvalResult, Exposure};
use crate::spec::model::{Entity, Kind, Spec};
use crate::util::splice::Splices;

pub use crate::util::json_str::write_str;

fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends an exposure list as reported: `segment:` records dropped, repeats (same gate,
/// value and rule) removed, first kept — without building the cleaned list.
pub fn write_exposures(out: &mut Vec<u8>, list: &[Exposure<'_>]) {
    out.push(b'[');
    let mut first = true;
    for (i, e) in list.iter().enumerate() {
        if e.gate.starts_with("segment:") || list[..i].contains(e) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        out.extend_from_slice(b"{\"gate\":");
        write_str(out, e.gate);
        out.extend_from_slice(if e.value {
            b",\"gateValue\":\"true\",\"ruleID\":"
        } else {
            b",\"gateValue\":\"false\",\"ruleID\":"
        });
        write_str(out, e.rule_id);
        out.push(b'}');
    }
    out.push(b']');
}

fn write_value<'s>(out: &mut Vec<u8>, r: &EvalResult<'s>, splices: Option<&mut Splices<'s>>) {
    match (r.owned_value.is_none().then_some(r.json).flatten(), splices) {
        (Some(j), Some(s)) => s.append(out, j.json.as_bytes()),
        _ => match r.value() {
            Some(j) => out.extend_from_slice(j.json.as_bytes()),
            None => out.extend_from_slice(b"{}"),
        },
    }
}

/// Appends an array of strings.
pub fn write_str_list(out: &mut Vec<u8>, list: &[Box<str>]) {
    out.push(b'[');
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, s);
    }
    out.push(b']');
}

/// Which fields of the evaluation record are written (`evaluate --fields`). The full record
/// is the conformance shape; a subset keeps the order of the full record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields(u16);

impl Fields {
    /// The field names, in record order (`user` is the record's top-level key).
    pub const NAMES: [&'static str; 10] = [
        "user",
        "value",
        "rule_id",
        "id_type",
        "group_name",
        "is_experiment",
        "secondary_exposures",
        "allocated_experiment_name",
        "undelegated_secondary_exposures",
        "explicit_parameters",
    ];
    pub const ALL: Fields = Fields((1 << Fields::NAMES.len()) - 1);
    const USER: u16 = 1 << 0;
    const VALUE: u16 = 1 << 1;
    const RULE_ID: u16 = 1 << 2;
    const ID_TYPE: u16 = 1 << 3;
    const GROUP_NAME: u16 = 1 << 4;
    const IS_EXPERIMENT: u16 = 1 << 5;
    const EXPOSURES: u16 = 1 << 6;
    const ALLOCATED: u16 = 1 << 7;
    const UNDELEGATED: u16 = 1 << 8;
    const EXPLICIT: u16 = 1 << 9;

    /// Parses a comma-separated list such as `value,rule_id,group_name`.
    pub fn parse(list: &str) -> Result<Fields, String> {
        let mut bits = 0u16;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Fields::NAMES.iter().position(|n| *n == name) {
                Some(i) => bits |= 1 << i,
                None => {
                    return Err(format!(
                        "--fields: unknown field {name:?} (fields: {})",
                        Fields::NAMES.join(", ")
                    ));
                }
            }
        }
        if bits == 0 {
            return Err("--fields: name at least one field".into());
        }
        Ok(Fields(bits))
    }

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    /// Whether an entity's part holds exposure lists (made afresh by each evaluation).
    pub(crate) fn has_lists(self) -> bool {
        self.has(Fields::EXPOSURES | Fields::UNDELEGATED)
    }
}

/// Writes `"key":` after a comma unless it is the object's first field.
fn key(out: &mut Vec<u8>, first: &mut bool, key: &[u8]) {
    if !*first {
        out.push(b',');
    }
    *first = false;
    out.extend_from_slice(key);
}

/// The fields of one entity in the conformance `evaluations.ndjson` shape (an object).
pub fn write_entity_record(out: &mut Vec<u8>, kind: Kind, spec: &Spec, r: &EvalResult<'_>) {
    write_entity_fields(out, kind, spec, r, Fields::ALL);
}

/// The chosen fields of one entity's record, in record order.
pub fn write_entity_fields(
    out: &mut Vec<u8>,
    kind: Kind,
    spec: &Spec,
    r: &EvalResult<'_>,
    f: Fields,
) {
    write_entity_fields_spliced(out, kind, spec, r, f, None);
}

/// [`write_entity_fields`], large spec values spliced when `splices` is given.
fn write_entity_fields_spliced<'s>(
    out: &mut Vec<u8>,
    kind: Kind,
    spec: &Spec,
    r: &EvalResult<'s>,
    f: Fields,
    splices: Option<&mut Splices<'s>>,
) {
    let first = &mut true;
    out.push(b'{');
    if f.has(Fields::VALUE) {
        key(out, first, b"\"value\":");
        match kind {
            Kind::Gate => out.extend_from_slice(if r.bool { b"true" } else { b"false" }),
            _ => write_value(out, r, splices),
        }
    }
    if f.has(Fields::RULE_ID) {
        key(out, first, b"\"rule_id\":");
        write_str(out, r.rule_id_str());
    }
    if kind != Kind::Layer && f.has(Fields::ID_TYPE) {
        key(out, first, b"\"id_type\":");
        write_str(out, r.id_type.unwrap_or(""));
    }
    if kind != Kind::Gate && f.has(Fields::GROUP_NAME) {
        key(out, first, b"\"group_name\":");
        write_opt_str(out, r.group_name);
    }
    if kind == Kind::Config && f.has(Fields::IS_EXPERIMENT) {
        key(out, first, b"\"is_experiment\":");
        out.extend_from_slice(if spec.entity == Entity::Experiment {
            b"true"
        } else {
            b"false"
        });
    }
    if f.has(Fields::EXPOSURES) {
        key(out, first, b"\"secondary_exposures\":");
        write_exposures(out, &r.secondary_exposures);
    }
    if kind == Kind::Layer {
        if f.has(Fields::ALLOCATED) {
            key(out, first, b"\"allocated_experiment_name\":");
            write_opt_str(out, r.config_delegate);
        }
        if f.has(Fields::UNDELEGATED) {
            key(out, first, b"\"undelegated_secondary_exposures\":");
            write_exposures(out, r.undelegated.as_deref().unwrap_or(&[]));
        }
        if f.has(Fields::EXPLICIT) {
            key(out, first, b"\"explicit_parameters\":");
            write_str_list(out, r.explicit_parameters.unwrap_or(&[]));
        }
    }
    // Only a sticky value says how it was reached, so records without
    // --persisted-values keep the conformance shape.
    if r.reason == Some(crate::result::Reason::Persisted) {
        key(out, first, b"\"reason\":\"Persisted\"");
    }
    out.push(b'}');
}

/// Which entities an `evaluate` run covers: all, or the named ones.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub gates: Vec<String>,
    pub configs: Vec<String>,
    pub layers: Vec<String>,
}

impl Selection {
    pub fn is_all(&self) -> bool {
        self.gates.is_empty() && self.configs.is_empty() && self.layers.is_empty()
    }
}

/// One `evaluations.ndjson` line: `{"user":..., "gates":..., "configs":..., "layers":...}`.
pub fn write_evaluation_record<T: Trace>(
    out: &mut Vec<u8>,
    ev: &mut Evaluator<'_, '_, T>,
    sel: &Selection,
) {
    write_evaluation_record_with(out, ev, sel, &mut |_, _, _| {});
}

/// Like [`write_evaluation_record`], handing each result to `seen` as it is written.
pub fn write_evaluation_record_with<T: Trace>(
    out: &mut Vec<u8>,
    ev: &mut Evaluator<'_, '_, T>,
    sel: &Selection,
    seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
) {
    write_evaluation_fields_with(out, ev, sel, Fields::ALL, seen);
}

/// One evaluation line with only the chosen fields, handing each result to `seen`.
pub fn write_evaluation_fields_with<T: Trace>(
    out: &mut Vec<u8>,
    ev: &mut Evaluator<'_, '_, T>,
    sel: &Selection,
    fields: Fields,
    seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
) {
    write_evaluation_fields_spliced(out, ev, sel, fields, seen, None, None);
}

/// [`write_evaluation_fields_with`]; with `splices`, large spec values are spliced into
/// `out` rather than copied (see [`Splices`]); with `fragments`, an entity's part met
/// before is copied rather than encoded (see [`Fragments`]).
pub fn write_evaluation_fields_spliced<'s, T: Trace>(
    out: &mut Vec<u8>,
    ev: &mut Evaluator<'s, '_, T>,
    sel: &Selection,
    fields: Fields,
    seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
    mut splices: Option<&mut Splices<'s>>,
    mut fragments: Option<&mut Fragments>,
) {
    out.push(b'{');
    let with_user = fields.has(Fields::USER);
    if with_user {
        out.extend_from_slice(b"\"user\":");
        let _ = serde_json::to_writer(&mut *out, &ev.user.json);
    }
    let specs = ev.specs;
    for (i, (key, kind, names)) in [
        ("gates", Kind::Gate, &sel.gates),
        ("configs", Kind::Config, &sel.configs),
        ("layers", Kind::Layer, &sel.layers),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 || with_user {
            out.push(b',');
        }
        let _ = write!(out, "\"{key}\":{{");
        let mut first = true;
        // Spec `at` is written; the spec at `index` (the one its name finds) is evaluated.
        let mut one = |out: &mut Vec<u8>, at: u32, index: u32, ev: &mut Evaluator<'s, '_, T>| {
            if !first {
                out.push(b',');
            }
            first = false;
            let spec = &specs.specs(kind)[at as usize];
            let r = ev.evaluate_at(kind, index);
            let mut encode = |out: &mut Vec<u8>| {
                write_str(out, &spec.name);
                out.push(b':');
                let before = splices.as_ref().map_or(0, |s| s.len());
                write_entity_fields_spliced(out, kind, spec, r, fields, splices.as_deref_mut());
                splices.as_ref().map_or(0, |s| s.len()) != before
            };
            match fragments.as_deref_mut() {
                Some(f) => f.write(out, kind, at, r, fields.has_lists(), encode),
                None => {
                    encode(out);
                }
            }
            seen(kind, spec, r);
        };
        if sel.is_all() {
            // Every spec in order, each evaluated as a lookup of its name finds it.
            for i in 0..specs.specs(kind).len() as u32 {
                one(out, i, specs.canonical(kind, i), ev);
            }
        } else {
            for name in names {
                if let Some(index) = specs.index(kind, name) {
                    one(out, index, index, ev);
                }
            }
        }
        out.push(b'}');
    }
    out.push(b'}');
}

/// Adds `"key":value` to the JSON object that ends `out` (a record being extended with an
/// optional section).
pub fn append_field(out: &mut Vec<u8>, key: &str, value: &serde_json::Value) {
    if out.last() != Some(&b'}') {
        return;
    }
    out.pop();
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    write_str(out, key);
    out.push(b':');
    let _ = serde_json::to_writer(&mut *out, value);
    out.push(b'}');
}

/// The `--json` shape of one result (`check-gate`, `get-config`, `get-layer`): its value, rule,
/// group, reason (`source:reason`) and exposures; for a layer, its allocation.
pub fn write_result_json(
    out: &mut Vec<u8>,
    kind: Kind,
    name: &str,
    r: &EvalResult<'_>,
    source: &str,
    param: Option<&str>,
) {
    out.extend_from_slice(b"{\"name\":");
    write_str(out, name);
    out.extend_from_slice(b",\"value\":");
    match kind {
        Kind::Gate => out.extend_from_slice(if r.bool { b"true" } else { b"false" }),
        _ => out.extend_from_slice(r.value().map(|j| j.json.as_bytes()).unwrap_or(b"{}")),
    }
    if let (Kind::Layer, Some(p)) = (kind, param) {
        out.extend_from_slice(b",\"parameter\":");
        write_str(out, p);
        out.extend_from_slice(b",\"parameter_value\":");
        let v = param_value(r, p);
        let _ = serde_json::to_writer(&mut *out, &v);
    }
    out.extend_from_slice(b",\"rule_id\":");
    write_str(out, r.rule_id_str());
    out.extend_from_slice(b",\"group_name\":");
    match r.group_name {
        Some(g) => write_str(out, g),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"id_type\":");
    write_str(out, r.id_type.unwrap_or(""));
    out.extend_from_slice(b",\"reason\":");
    write_str(out, &r.reason().with_source(source));
    out.extend_from_slice(b",\"secondary_exposures\":");
    write_exposures(out, &r.secondary_exposures);
    if kind == Kind::Layer {
        out.extend_from_slice(b",\"allocated_experiment_name\":");
        match r.config_delegate {
            Some(d) => write_str(out, d),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"explicit_parameters\":");
        write_str_list(out, r.explicit_parameters.unwrap_or(&[]));
        out.extend_from_slice(b",\"undelegated_secondary_exposures\":");
        write_exposures(out, r.undelegated.as_deref().unwrap_or(&[]));
    }
    out.push(b'}');
}

/// A result's value as JSON (`{}` when it has none).
pub fn value_json(r: &EvalResult<'_>) -> serde_json::Value {
    r.value()
        .and_then(|j| serde_json::from_str(&j.json).ok())
        .unwrap_or_else(|| serde_json::json!({}))
}

/// One parameter of a result's value (`null` when absent).
pub fn param_value(r: &EvalResult<'_>, p: &str) -> serde_json::Value {
    value_json(r)
        .get(p)
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}
