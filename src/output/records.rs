//! Per-user NDJSON output over a stream: evaluation records (`evaluate --users`) and
//! client-initialize responses (`client-init --users`), with exposures built on the worker
//! threads and delivered by the caller in input order.

use super::Format;
use super::client_init::ClientInit;
use super::fragments::Fragments;
use super::json::{Fields, Selection, append_field, write_evaluation_fields_spliced};
use crate::eval::overrides::LocalOverrides;
use crate::eval::param_store::{self, Referenced};
use crate::eval::persisted::{PersistedValues, Sticky};
use crate::eval::{EvalOptions, Evaluator, Scratch};
use crate::events::Event;
use crate::population::stream::UserWork;
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::{Kind, Spec};
use crate::user::User;
use crate::util::splice::Splices;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Builds the exposure events of one result (`--log-exposures`).
pub type ExposureHook<'a> =
    &'a (dyn Fn(&User, Kind, &Spec, &EvalResult<'_>, &mut Vec<Event>) + Sync);

/// Builds the exposure events of an entity a parameter store read evaluated.
pub type StoreExposureHook<'a> = &'a (dyn Fn(&User, Referenced<'_, '_>, &mut Vec<Event>) + Sync);

/// What a chunk of records carries besides its bytes: the exposures of its users, in
/// order, and the large spec values to splice into the bytes (write them with
/// [`Splices::write_to`]).
#[derive(Default)]
pub struct RecordsChunk<'s> {
    pub events: Vec<Event>,
    pub splices: Splices<'s>,
}

/// One evaluation record per user, with the chosen fields.
pub struct EvaluationRecords<'a, 's> {
    pub specs: &'s CompiledSpecs,
    pub overrides: Option<&'s LocalOverrides>,
    pub selection: &'a Selection,
    pub fields: Fields,
    pub opts: EvalOptions<'s>,
    pub exposures: Option<ExposureHook<'a>>,
    /// Parameter stores read into a `param_stores` section (none: no section).
    pub param_stores: &'a [&'a str],
    pub store_exposures: Option<StoreExposureHook<'a>>,
    /// Sticky assignments, updated after each user (run with one job so that a user met
    /// twice sees the first one's assignment).
    pub sticky: Option<StickyStore<'a>>,
}

/// The sticky assignments of a batch and how they are enforced.
pub struct StickyStore<'a> {
    pub values: &'a Mutex<PersistedValues>,
    pub enforce_targeting: bool,
    pub enforce_overrides: bool,
    /// How many saves and deletions were applied.
    pub changed: AtomicUsize,
}

/// A worker thread's state between users: the buffers of its last evaluator, for the next
/// user's (see [`Scratch`]), and the record parts it has encoded (see [`Fragments`]).
#[derive(Default)]
pub struct RecordWorker<'s> {
    scratch: Scratch<'s>,
    fragments: Fragments,
}

impl<'s> UserWork for EvaluationRecords<'_, 's> {
    type Worker = RecordWorker<'s>;
    type Acc = RecordsChunk<'s>;

    fn worker(&self) -> RecordWorker<'s> {
        RecordWorker::default()
    }

    fn acc(&self) -> RecordsChunk<'s> {
        RecordsChunk::default()
    }

    fn user(
        &self,
        worker: &mut RecordWorker<'s>,
        chunk: &mut RecordsChunk<'s>,
        user: &User,
        out: &mut Vec<u8>,
    ) -> crate::Result<()> {
        let events = &mut chunk.events;
        let Some(s) = &self.sticky else {
            let scratch = std::mem::take(&mut worker.scratch);
            let mut ev = Evaluator::with_scratch(self.specs, user, self.opts, scratch);
            let splices = Some(&mut chunk.splices);
            let fragments = Some(&mut worker.fragments);
            self.write_record(&mut ev, user, events, out, splices, fragments);
            worker.scratch = ev.into_scratch();
            out.push(b'\n');
            return Ok(());
        };
        // Sticky values borrow the store for the evaluation only: a fresh evaluator.
        let mut values = s.values.lock().unwrap_or_else(|e| e.into_inner());
        let ops = {
            let mut ev = Evaluator::new(self.specs, user, self.opts);
            ev.sticky = Some(Sticky {
                values: &values,
                enforce_targeting: s.enforce_targeting,
                enforce_overrides: s.enforce_overrides,
            });
            self.write_record(&mut ev, user, events, out, None, None);
            std::mem::take(&mut ev.sticky_ops)
        };
        s.changed.fetch_add(values.apply(ops), Ordering::Relaxed);
        out.push(b'\n');
        Ok(())
    }
}

impl<'s> EvaluationRecords<'_, 's> {
    /// One user's record (without its newline), exposures into `events`.
    fn write_record<'e>(
        &self,
        ev: &mut Evaluator<'e, '_>,
        user: &User,
        events: &mut Vec<Event>,
        out: &mut Vec<u8>,
        splices: Option<&mut Splices<'e>>,
        fragments: Option<&mut Fragments>,
    ) where
        's: 'e,
    {
        ev.overrides = self.overrides;
        let hook = self.exposures;
        let mut seen = |k, s: &Spec, r: &EvalResult<'_>| {
            if let Some(h) = hook {
                h(user, k, s, r, events);
            }
        };
        let (sel, fields) = (self.selection, self.fields);
        write_evaluation_fields_spliced(out, ev, sel, fields, &mut seen, splices, fragments);
        if !self.param_stores.is_empty() {
            let hook = self.store_exposures;
            let section = param_store::read_stores(ev, self.param_stores, &mut |r| {
                if let Some(h) = hook {
                    h(user, r, events);
                }
            });
            append_field(out, "param_stores", &section);
        }
    }
}

/// One client-initialize response per user.
pub struct ClientInitRecords<'a, 's> {
    /// Cloned into every worker thread.
    pub template: ClientInit<'s>,
    pub specs: &'s CompiledSpecs,
    pub overrides: Option<&'s LocalOverrides>,
    pub now_ms: i64,
    pub exposures: Option<ExposureHook<'a>>,
}

impl<'s> UserWork for ClientInitRecords<'_, 's> {
    type Worker = ClientInit<'s>;
    type Acc = RecordsChunk<'s>;

    fn worker(&self) -> ClientInit<'s> {
        self.template.clone()
    }

    fn acc(&self) -> RecordsChunk<'s> {
        RecordsChunk::default()
    }

    fn user(
        &self,
        ci: &mut ClientInit<'s>,
        chunk: &mut RecordsChunk<'s>,
        user: &User,
        out: &mut Vec<u8>,
    ) -> crate::Result<()> {
        let events = &mut chunk.events;
        write_client_init(
            ci,
            self.specs,
            self.overrides,
            self.now_ms,
            user,
            out,
            |k, s, r| {
                if let Some(h) = self.exposures {
                    h(user, k, s, r, events);
                }
            },
            Some(&mut chunk.splices),
        );
        out.push(b'\n');
        Ok(())
    }
}

/// One client-initialize response for `user`, handing each entry's result to `seen`; large
/// spec values go to `splices` when given.
#[allow(clippy::too_many_arguments)]
pub fn write_client_init<'s>(
    ci: &mut ClientInit<'s>,
    specs: &'s CompiledSpecs,
    overrides: Option<&'s LocalOverrides>,
    now_ms: i64,
    user: &User,
    out: &mut Vec<u8>,
    mut seen: impl FnMut(Kind, &Spec, &EvalResult<'_>),
    splices: Option<&mut Splices<'s>>,
) {
    debug_assert!(std::ptr::eq(specs, ci.specs()));
    let mut ev = ci.evaluator(user, now_ms);
    ev.overrides = overrides;
    ci.write_spliced(out, &mut ev, &mut |k, s, r| seen(k, s, r), splices);
    ci.recycle(ev);
}

/// The columns of evaluation records as CSV or Markdown: one row per user and entity.
pub const RECORD_COLUMNS: [&str; 6] = ["user", "kind", "name", "value", "rule", "group"];

/// One evaluation record (a line of `evaluate` NDJSON) as rows under [`RECORD_COLUMNS`]:
/// the user's userID (its JSON without one), the entity's kind and name, its value (a
/// string bare, else compact JSON), its rule and group (empty when the record leaves them out).
pub fn record_rows(record: &[u8]) -> Vec<Vec<String>> {
    let Ok(serde_json::Value::Object(rec)) = serde_json::from_slice::<serde_json::Value>(record)
    else {
        return Vec::new();
    };
    let user = match rec.get("user") {
        Some(u) => match u.get("userID") {
            Some(serde_json::Value::String(id)) => id.clone(),
            _ => u.to_string(),
        },
        None => String::new(),
    };
    let text = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    let mut out = Vec::new();
    for (section, word) in [
        ("gates", "gate"),
        ("configs", "config"),
        ("layers", "layer"),
        ("param_stores", "param_store"),
    ] {
        let Some(serde_json::Value::Object(entities)) = rec.get(section) else {
            continue;
        };
        for (name, e) in entities {
            let kind = match e.get("is_experiment") {
                Some(serde_json::Value::Bool(true)) => "experiment",
                _ => word,
            };
            let (value, rule, group) = match section {
                // A store's section maps each parameter to its value.
                "param_stores" => (e.to_string(), String::new(), String::new()),
                _ => (
                    e.get("value")
                        .map(super::rows::value_cell)
                        .unwrap_or_default(),
                    text(e.get("rule_id")),
                    text(e.get("group_name")),
                ),
            };
            out.push(vec![
                user.clone(),
                kind.into(),
                name.clone(),
                value,
                rule,
                group,
            ]);
        }
    }
    out
}

/// Records as CSV or Markdown rows (one per user and entity); `None` for other formats.
pub fn table(format: Format, records: &[&[u8]]) -> Option<String> {
    let mut out = String::new();
    let header = header(format)?;
    out.push_str(&header);
    for r in records {
        lines(format, r, &mut out);
    }
    Some(out)
}

/// The header of CSV or Markdown records.
pub fn header(format: Format) -> Option<String> {
    let header: Vec<String> = RECORD_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = String::new();
    match format {
        Format::Csv => super::csv::line(&mut out, &header),
        Format::Markdown => super::markdown::header(&mut out, &header, &[]),
        _ => return None,
    }
    Some(out)
}

/// The rows of NDJSON records (`bytes` holds whole lines) in CSV or Markdown.
pub fn lines(format: Format, bytes: &[u8], out: &mut String) {
    for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        for row in record_rows(line) {
            match format {
                Format::Csv => super::csv::line(out, &row),
                _ => super::markdown::line(out, &row),
            }
        }
    }
}
