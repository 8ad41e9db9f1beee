//! Running cases: evaluate each expectation for the case's user (or for every user of a
//! population, on every core), compare, and explain failures with the deciding rule.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
use crate::eval::trace::Recorder;
use crate::eval::{EvalOptions, Evaluator};
use crate::population::stream::{self, StreamSettings, UserSource, UserWork};
use crate::result::{EvalResult, Reason};
use crate::spec::model::{CompiledSpecs, Kind};
use crate::suite::decision::{Decided, Decision, DecisionTrace};
use crate::suite::doc::Pos;
use crate::suite::model::{Bounds, Case, CheckKind, Expect, Subject, SuiteFile};
use crate::user::User;
use crate::util::suggest;

/// Compiled specs a file runs against, with what the reports say about them.
#[derive(Debug)]
pub struct SuiteSpecs {
    pub specs: CompiledSpecs,
    /// Names the source in messages (a path, a masked URL, a data-store key).
    pub origin: String,
    /// The `<source>` part of evaluation reasons (`Bootstrap`, `Network`, ...).
    pub reason_source: &'static str,
}

/// A file ready to run: its specs loaded, its overrides compiled.
pub struct Prepared {
    pub file: SuiteFile,
    pub specs: Arc<SuiteSpecs>,
    pub overrides: Option<LocalOverrides>,
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Run only cases whose name contains this (ASCII case ignored).
    pub filter: Option<String>,
    /// Stop after the first failing case.
    pub fail_fast: bool,
    /// Time the evaluations happen at (epoch ms).
    pub now_ms: i64,
    /// Whether `now_ms` was given for the run (`--at`): it then wins over a file's `at:`.
    pub now_fixed: bool,
}

/// What a run found.
pub struct Report {
    pub files: Vec<FileReport>,
    /// Which rules the cases decided, per set of specs.
    pub coverage: Vec<Coverage>,
    pub duration: Duration,
    /// Cases not run because of `--fail-fast`.
    pub skipped: usize,
}

impl Report {
    pub fn cases(&self) -> impl Iterator<Item = &CaseReport> {
        self.files.iter().flat_map(|f| f.cases.iter())
    }

    pub fn passed(&self) -> usize {
        self.cases().filter(|c| c.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases().filter(|c| !c.passed()).count()
    }
}

pub struct FileReport {
    pub path: std::path::PathBuf,
    pub specs: Arc<SuiteSpecs>,
    pub cases: Vec<CaseReport>,
    /// Cases not run because an earlier one failed under `--fail-fast` (name, position).
    pub skipped: Vec<(String, Pos)>,
}

pub struct CaseReport {
    pub name: String,
    pub pos: Pos,
    pub duration: Duration,
    pub failures: Vec<Failure>,
    /// For a population case: how many users, and what they got.
    pub population: Option<PopulationReport>,
}

impl CaseReport {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct PopulationReport {
    pub count: u64,
    pub entities: Vec<EntityStats>,
}

/// A population's results for one entity.
#[derive(Debug, Clone)]
pub struct EntityStats {
    pub kind: Kind,
    pub name: String,
    /// Users whose result passed (a gate's `true`).
    pub passed: u64,
    /// Users per group name (`None`: no group), in order of first appearance.
    pub groups: Vec<(Option<String>, u64)>,
}

/// One expectation not met.
#[derive(Debug, Clone)]
pub struct Failure {
    pub kind: Kind,
    pub entity: String,
    /// Where the expectation is written (the expected value; the name for a missing entity).
    pub pos: Pos,
    pub problem: Problem,
}

#[derive(Debug, Clone)]
pub enum Problem {
    /// The specs have no such entity.
    UnknownEntity {
        /// Close names of the same kind.
        suggestions: Vec<String>,
        /// The same name exists as another kind (`config` for a name under `gates:`).
        elsewhere: Option<Kind>,
    },
    /// A value, rule, group, reason... differs.
    Mismatch {
        /// The expectation's key (`value`, `rule_id`, `params.color`, ...).
        check: String,
        expected: Json,
        actual: Json,
        /// How the result was reached (for the user shown).
        decision: Option<Box<Decision>>,
        /// The `--explain` trace of the same evaluation.
        explained: Option<Box<Explained>>,
        /// In a population: how many users missed it, and the first one.
        users: Option<Box<UserMiss>>,
    },
    /// A population share outside its bounds.
    OutOfBounds {
        /// `pass_rate` or `groups.NAME`.
        check: String,
        bounds: Bounds,
        hits: u64,
        of: u64,
    },
}

/// One evaluation as `--explain` records it.
#[derive(Debug, Clone)]
pub struct Explained {
    pub trace: Recorder,
    pub reason: Reason,
}

#[derive(Debug, Clone)]
pub struct UserMiss {
    pub failed: u64,
    pub of: u64,
    /// The first user (lowest `${i}`) that missed.
    pub index: u64,
    pub user: Json,
}

/// Rules decided by the cases that ran against one set of specs.
pub struct Coverage {
    pub specs: Arc<SuiteSpecs>,
    pub decided: HashSet<(Kind, u32, Decided)>,
    /// Entities some case asserted.
    pub asserted: HashSet<(Kind, u32)>,
}

impl Coverage {
    fn new(specs: Arc<SuiteSpecs>) -> Coverage {
        Coverage {
            specs,
            decided: HashSet::new(),
            asserted: HashSet::new(),
        }
    }
}

/// Decisions and asserted entities seen while running, merged into a [`Coverage`] later.
#[derive(Default)]
struct Seen {
    decided: HashSet<(Kind, u32, Decided)>,
    asserted: HashSet<(Kind, u32)>,
}

impl Seen {
    fn record(&mut self, d: &Decision) {
        self.decided.insert((d.kind, d.index, d.decided));
        if let Some(x) = &d.delegated {
            self.record(x);
        }
    }

    fn merge(&mut self, other: Seen) {
        self.decided.extend(other.decided);
        self.asserted.extend(other.asserted);
    }
}

/// Runs every file; `on_file` sees each file's report as soon as it is done. An error is a
/// population whose users cannot be generated.
pub fn run(
    files: &[Prepared],
    settings: &Settings,
    mut on_file: impl FnMut(&FileReport),
) -> Result<Report> {
    let start = Instant::now();
    let filter = settings.filter.as_ref().map(|f| f.to_ascii_lowercase());
    let mut reports = Vec::new();
    let mut coverage: Vec<Coverage> = Vec::new();
    let mut stop = false;
    let mut skipped = 0;
    for p in files {
        let selected: Vec<&Case> = p
            .file
            .cases
            .iter()
            .filter(|c| {
                filter
                    .as_ref()
                    .is_none_or(|f| c.name.to_ascii_lowercase().contains(f))
            })
            .collect();
        if selected.is_empty() {
            continue;
        }
        let names = |cases: &[&Case]| -> Vec<(String, Pos)> {
            cases.iter().map(|c| (c.name.clone(), c.pos)).collect()
        };
        if stop {
            skipped += selected.len();
            reports.push(FileReport {
                path: p.file.path.clone(),
                specs: p.specs.clone(),
                cases: Vec::new(),
                skipped: names(&selected),
            });
            continue;
        }
        let mut seen = Seen::default();
        let mut cases = Vec::new();
        let mut not_run = Vec::new();
        let file_settings = match p.file.at {
            Some(at) if !settings.now_fixed => Settings {
                now_ms: at,
                ..settings.clone()
            },
            _ => settings.clone(),
        };
        for (k, case) in selected.iter().enumerate() {
            let report = run_case(p, case, &file_settings, &mut seen)?;
            let failed = !report.passed();
            cases.push(report);
            if failed && settings.fail_fast {
                not_run = names(&selected[k + 1..]);
                skipped += not_run.len();
                stop = true;
                break;
            }
        }
        let cov = match coverage
            .iter_mut()
            .find(|c| Arc::ptr_eq(&c.specs, &p.specs))
        {
            Some(c) => c,
            None => {
                coverage.push(Coverage::new(p.specs.clone()));
                coverage.last_mut().expect("just pushed")
            }
        };
        cov.decided.extend(seen.decided);
        cov.asserted.extend(seen.asserted);
        let report = FileReport {
            path: p.file.path.clone(),
            specs: p.specs.clone(),
            cases,
            skipped: not_run,
        };
        on_file(&report);
        reports.push(report);
    }
    Ok(Report {
        files: reports,
        coverage,
        duration: start.elapsed(),
        skipped,
    })
}

fn options<'s>(specs: &'s CompiledSpecs, settings: &Settings) -> EvalOptions<'s> {
    EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: settings.now_ms,
    }
}

fn run_case(p: &Prepared, case: &Case, settings: &Settings, seen: &mut Seen) -> Result<CaseReport> {
    let start = Instant::now();
    let (failures, population) = match &case.subject {
        Subject::User(json) => (run_user(p, case, json, settings, seen), None),
        Subject::Population { count, user, vars } => {
            let r = run_population(p, case, *count, user, vars, settings, seen)?;
            (r.0, Some(r.1))
        }
    };
    Ok(CaseReport {
        name: case.name.clone(),
        pos: case.pos,
        duration: start.elapsed(),
        failures,
        population,
    })
}

fn parse_user(json: &Json) -> User {
    // Users were checked when the file was read.
    User::from_json(json.clone(), "user").unwrap_or_else(|_| {
        User::from_json(Json::Object(Default::default()), "user").expect("an empty user")
    })
}

fn run_user(
    p: &Prepared,
    case: &Case,
    json: &Json,
    settings: &Settings,
    seen: &mut Seen,
) -> Vec<Failure> {
    let specs = &p.specs.specs;
    let user = parse_user(json);
    let mut ev = Evaluator::with_trace(
        specs,
        &user,
        options(specs, settings),
        DecisionTrace::new(specs, false),
    );
    ev.overrides = p.overrides.as_ref();
    let mut failures = Vec::new();
    for e in &case.expects {
        ev.evaluate(e.kind, &e.name);
        let decision = ev.trace.take();
        if let Some(d) = &decision {
            seen.record(d);
            seen.asserted.insert((d.kind, d.index));
        }
        if ev.result.reason() == Reason::Unrecognized {
            failures.push(unknown_entity(specs, e));
            continue;
        }
        // Explained once per entity, on its first miss.
        let mut explained: Option<(Option<Box<Decision>>, Box<Explained>)> = None;
        for c in &e.checks {
            for (check, expected, actual) in point_misses(&c.what, e.kind, &ev.result, p) {
                let (decision, explained) = explained
                    .get_or_insert_with(|| explain(p, &user, e, settings))
                    .clone();
                failures.push(Failure {
                    kind: e.kind,
                    entity: e.name.clone(),
                    pos: c.pos,
                    problem: Problem::Mismatch {
                        check,
                        expected,
                        actual,
                        decision,
                        explained: Some(explained),
                        users: None,
                    },
                });
            }
        }
    }
    failures
}

/// Evaluates again, recording every rule tried (and then the whole `--explain` trace), to
/// explain a miss.
fn explain(
    p: &Prepared,
    user: &User,
    e: &Expect,
    settings: &Settings,
) -> (Option<Box<Decision>>, Box<Explained>) {
    let specs = &p.specs.specs;
    let mut ev = Evaluator::with_trace(
        specs,
        user,
        options(specs, settings),
        DecisionTrace::new(specs, true),
    );
    ev.overrides = p.overrides.as_ref();
    ev.evaluate(e.kind, &e.name);
    let decision = ev.trace.take().map(Box::new);
    let mut ev = Evaluator::with_trace(specs, user, options(specs, settings), Recorder::default());
    ev.overrides = p.overrides.as_ref();
    ev.evaluate(e.kind, &e.name);
    let reason = ev.result.reason();
    let explained = Box::new(Explained {
        trace: ev.trace,
        reason,
    });
    (decision, explained)
}

fn unknown_entity(specs: &CompiledSpecs, e: &Expect) -> Failure {
    let names = specs.specs(e.kind).iter().map(|s| &*s.name);
    let suggestions = suggest::closest(&e.name, names)
        .into_iter()
        .map(String::from)
        .collect();
    let elsewhere = [Kind::Gate, Kind::Config, Kind::Layer]
        .into_iter()
        .find(|k| *k != e.kind && specs.index(*k, &e.name).is_some());
    Failure {
        kind: e.kind,
        entity: e.name.clone(),
        pos: e.pos,
        problem: Problem::UnknownEntity {
            suggestions,
            elsewhere,
        },
    }
}

/// A result's value as JSON: a gate's boolean, else the returned object.
pub fn value_of(kind: Kind, r: &EvalResult<'_>) -> Json {
    match kind {
        Kind::Gate => Json::Bool(r.bool),
        _ => r
            .json
            .and_then(|j| serde_json::from_str(&j.json).ok())
            .unwrap_or_else(|| Json::Object(Default::default())),
    }
}

/// JSON equality with numbers compared by value (`15` equals `15.0`).
pub fn json_eq(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// Whether `actual` holds `expected`: objects key by key (recursively), anything else equal.
pub fn json_contains(actual: &Json, expected: &Json) -> bool {
    match (actual, expected) {
        (Json::Object(a), Json::Object(e)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| json_contains(av, v))),
        _ => json_eq(actual, expected),
    }
}

fn opt_json(s: Option<&str>) -> Json {
    s.map_or(Json::Null, |s| Json::String(s.to_string()))
}

/// The expectations of one check a result misses: (key, expected, actual).
fn point_misses(
    c: &CheckKind,
    kind: Kind,
    r: &EvalResult<'_>,
    p: &Prepared,
) -> Vec<(String, Json, Json)> {
    let mut out = Vec::new();
    let mut miss = |key: &str, expected: &Json, actual: Json| {
        out.push((key.to_string(), expected.clone(), actual))
    };
    match c {
        CheckKind::Value(v) => {
            let actual = value_of(kind, r);
            if !json_eq(&actual, v) {
                miss("value", v, actual);
            }
        }
        CheckKind::ValueContains(v) => {
            let actual = value_of(kind, r);
            if !json_contains(&actual, v) {
                miss("value_contains", v, actual);
            }
        }
        CheckKind::RuleId(id) => {
            if r.rule_id_str() != id {
                miss(
                    "rule_id",
                    &Json::String(id.clone()),
                    opt_json(Some(r.rule_id_str())),
                );
            }
        }
        CheckKind::GroupName(g) => {
            if r.group_name != g.as_deref() {
                miss(
                    "group_name",
                    &opt_json(g.as_deref()),
                    opt_json(r.group_name),
                );
            }
        }
        CheckKind::Reason(want) => {
            let bare = r.reason().as_str();
            let full = format!("{}:{bare}", p.specs.reason_source);
            let actual = if want.contains(':') {
                full
            } else {
                bare.to_string()
            };
            if !actual.eq_ignore_ascii_case(want) {
                miss("reason", &Json::String(want.clone()), Json::String(actual));
            }
        }
        CheckKind::Params(params) => {
            let value = value_of(kind, r);
            for (name, want) in params {
                let actual = value.get(name).cloned().unwrap_or(Json::Null);
                if !json_eq(&actual, want) {
                    miss(&format!("params.{name}"), want, actual);
                }
            }
        }
        CheckKind::AllocatedExperiment(want) => {
            if r.config_delegate != want.as_deref() {
                miss(
                    "allocated_experiment",
                    &opt_json(want.as_deref()),
                    opt_json(r.config_delegate),
                );
            }
        }
        CheckKind::PassRate(_) | CheckKind::Groups(_) => {}
    }
    out
}

/// A check's misses in a population: (key, where written, how many, the first as (index,
/// expected, actual, the user)).
type Misses = (String, Pos, u64, Option<(u64, Json, Json, Json)>);

/// One population chunk's counts for one expectation.
#[derive(Default)]
struct Tally {
    unknown: bool,
    passed: u64,
    groups: Vec<(Option<String>, u64)>,
    misses: Vec<Misses>,
}

impl Tally {
    /// Adds a later chunk whose first user is user `offset` of the population.
    fn merge(&mut self, o: Tally, offset: u64) {
        self.unknown |= o.unknown;
        self.passed += o.passed;
        for (g, n) in o.groups {
            match self.groups.iter_mut().find(|(h, _)| *h == g) {
                Some(x) => x.1 += n,
                None => self.groups.push((g, n)),
            }
        }
        for (key, pos, n, first) in o.misses {
            let first = first.map(|(i, e, a, u)| (i + offset, e, a, u));
            match self.misses.iter_mut().find(|m| m.0 == key && m.1 == pos) {
                Some(m) => {
                    m.2 += n;
                    if m.3.is_none() {
                        m.3 = first;
                    }
                }
                None => self.misses.push((key, pos, n, first)),
            }
        }
    }
}

/// A population case as work for [`population::stream`]: per user, every expectation.
struct PopulationWork<'a> {
    p: &'a Prepared,
    case: &'a Case,
    settings: &'a Settings,
}

/// What one chunk of users gave.
struct ChunkAcc {
    users: u64,
    tallies: Vec<Tally>,
    seen: Seen,
}

impl<'a> UserWork for PopulationWork<'a> {
    type Worker = DecisionTrace<'a>;
    type Acc = ChunkAcc;

    fn worker(&self) -> DecisionTrace<'a> {
        DecisionTrace::new(&self.p.specs.specs, false)
    }

    fn acc(&self) -> ChunkAcc {
        ChunkAcc {
            users: 0,
            tallies: self.case.expects.iter().map(|_| Tally::default()).collect(),
            seen: Seen::default(),
        }
    }

    fn user(
        &self,
        worker: &mut DecisionTrace<'a>,
        acc: &mut ChunkAcc,
        user: &User,
        _out: &mut Vec<u8>,
    ) -> crate::error::Result<()> {
        let index = acc.users;
        acc.users += 1;
        let specs = &self.p.specs.specs;
        let trace = std::mem::replace(worker, DecisionTrace::new(specs, false));
        let mut ev = Evaluator::with_trace(specs, user, options(specs, self.settings), trace);
        ev.overrides = self.p.overrides.as_ref();
        for (e, t) in self.case.expects.iter().zip(acc.tallies.iter_mut()) {
            ev.evaluate(e.kind, &e.name);
            if let Some(d) = ev.trace.take() {
                acc.seen.record(&d);
                acc.seen.asserted.insert((d.kind, d.index));
            }
            let r = &ev.result;
            if r.reason() == Reason::Unrecognized {
                t.unknown = true;
                continue;
            }
            t.passed += u64::from(r.bool);
            let g = r.group_name;
            match t.groups.iter_mut().find(|(h, _)| h.as_deref() == g) {
                Some(x) => x.1 += 1,
                None => t.groups.push((g.map(String::from), 1)),
            }
            for c in &e.checks {
                for (key, expected, actual) in point_misses(&c.what, e.kind, r, self.p) {
                    match t.misses.iter_mut().find(|m| m.0 == key && m.1 == c.pos) {
                        Some(m) => m.2 += 1,
                        None => {
                            let u = Json::Object(user.json.clone());
                            t.misses
                                .push((key, c.pos, 1, Some((index, expected, actual, u))))
                        }
                    }
                }
            }
        }
        *worker = ev.trace;
        Ok(())
    }
}

/// The population's users as the stream generates them: the case's user with its matrix
/// variables filled in, `${i}` left for the stream.
fn user_source(
    count: u64,
    template: &crate::template::JsonTemplate,
    vars: &[(String, String)],
) -> Result<UserSource> {
    let json = template
        .render(&|n: &str| {
            if n == "i" {
                Some("${i}")
            } else {
                vars.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str())
            }
        })
        .map_err(|v| Error::Template(format!("`${{{v}}}` is not defined")))?;
    Ok(UserSource::Generate {
        count,
        template: json.to_string(),
    })
}

fn run_population(
    p: &Prepared,
    case: &Case,
    count: u64,
    template: &crate::template::JsonTemplate,
    vars: &[(String, String)],
    settings: &Settings,
    seen: &mut Seen,
) -> Result<(Vec<Failure>, PopulationReport)> {
    let specs = &p.specs.specs;
    let work = PopulationWork { p, case, settings };
    let mut totals: Vec<Tally> = case.expects.iter().map(|_| Tally::default()).collect();
    let mut offset = 0;
    let stream_settings = StreamSettings {
        jobs: stream::default_jobs(),
        keep_going: false,
    };
    let streamed = stream::run(
        &user_source(count, template, vars)?,
        stream_settings,
        &work,
        |_, acc| {
            seen.merge(acc.seen);
            for (t, o) in totals.iter_mut().zip(acc.tallies) {
                t.merge(o, offset);
            }
            offset += acc.users;
            Ok(())
        },
    )?;
    // Suites never skip lines (no --keep-going): the code is always success.
    let _ = streamed.report();
    let mut failures = Vec::new();
    let mut entities = Vec::new();
    for (e, t) in case.expects.iter().zip(totals) {
        if t.unknown {
            failures.push(unknown_entity(specs, e));
            continue;
        }
        for (check, pos, n, first) in t.misses {
            let Some((index, expected, actual, user)) = first else {
                continue;
            };
            let (decision, explained) = explain(p, &parse_user(&user), e, settings);
            failures.push(Failure {
                kind: e.kind,
                entity: e.name.clone(),
                pos,
                problem: Problem::Mismatch {
                    check,
                    expected,
                    actual,
                    decision,
                    explained: Some(explained),
                    users: Some(Box::new(UserMiss {
                        failed: n,
                        of: count,
                        index,
                        user,
                    })),
                },
            });
        }
        for c in &e.checks {
            let mut out_of = |check: String, bounds: &Bounds, hits: u64| {
                if !bounds.contains(hits as f64 / count as f64) {
                    failures.push(Failure {
                        kind: e.kind,
                        entity: e.name.clone(),
                        pos: c.pos,
                        problem: Problem::OutOfBounds {
                            check,
                            bounds: *bounds,
                            hits,
                            of: count,
                        },
                    });
                }
            };
            match &c.what {
                CheckKind::PassRate(b) => out_of("pass_rate".into(), b, t.passed),
                CheckKind::Groups(groups) => {
                    for (name, b) in groups {
                        let hits = t
                            .groups
                            .iter()
                            .find(|(g, _)| g.as_deref() == Some(name.as_str()))
                            .map_or(0, |(_, n)| *n);
                        out_of(format!("groups.{name}"), b, hits);
                    }
                }
                _ => {}
            }
        }
        entities.push(EntityStats {
            kind: e.kind,
            name: e.name.clone(),
            passed: t.passed,
            groups: t.groups,
        });
    }
    Ok((failures, PopulationReport { count, entities }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_compare_by_value_and_subsets_recurse() {
        assert!(json_eq(
            &json!({"a": 15, "b": [1.0]}),
            &json!({"b": [1], "a": 15.0})
        ));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        let actual = json!({"color": "green", "n": {"x": 1, "y": 2}, "l": [1, 2]});
        assert!(json_contains(&actual, &json!({"n": {"y": 2}})));
        assert!(json_contains(&actual, &json!({"l": [1, 2]})));
        assert!(!json_contains(&actual, &json!({"l": [1]})));
        assert!(!json_contains(&actual, &json!({"color": "blue"})));
        assert!(!json_contains(&actual, &json!({"missing": null})));
    }
}
