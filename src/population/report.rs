//! `statsig report`: who gets what over a population. Per gate the pass rate and the rules
//! that decided; per experiment the group split with a sample-ratio-mismatch test against the
//! configured split; per dynamic config the distinct values; per layer the allocated
//! experiments.
//!
//! Counting happens per chunk on the worker threads ([`Tally`]); the finished [`Report`]
//! holds only counts plus what is derived from them (rates, p-values), so the JSON reports of
//! the parts of a split run merge into exactly the report of a single run.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
use crate::eval::{EvalOptions, Evaluator};
use crate::population::ordered::Ordered;
use crate::population::srm::{SRM_THRESHOLD, configured_split, srm_p};
use crate::population::stream::UserWork;
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::{Entity, Kind, Spec};
use crate::user::User;

/// Which entities a report covers: all when every list is empty, else only the named.
#[derive(Debug, Clone, Default)]
pub struct ReportSelection {
    pub gates: Vec<String>,
    pub configs: Vec<String>,
    pub experiments: Vec<String>,
    pub layers: Vec<String>,
}

impl ReportSelection {
    fn is_all(&self) -> bool {
        self.gates.is_empty()
            && self.configs.is_empty()
            && self.experiments.is_empty()
            && self.layers.is_empty()
    }
}

/// The report section an entity belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Gate,
    Experiment,
    Config,
    Layer,
}

impl Section {
    pub fn of(spec: &Spec) -> Section {
        match (spec.kind, &spec.entity) {
            (Kind::Gate, _) => Section::Gate,
            (Kind::Config, Entity::Experiment) => Section::Experiment,
            (Kind::Config, _) => Section::Config,
            (Kind::Layer, _) => Section::Layer,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Gate => "gate",
            Section::Experiment => "experiment",
            Section::Config => "config",
            Section::Layer => "layer",
        }
    }
}

/// The specs in force with their indices, in payload order (a name given twice in a v1
/// array: the later one).
pub fn specs_in_force(specs: &CompiledSpecs, kind: Kind) -> impl Iterator<Item = (u32, &Spec)> {
    specs
        .specs(kind)
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u32, s))
        .filter(move |(i, s)| specs.index(kind, &s.name) == Some(*i))
}

/// Names in a selection that match no spec of their kind (for a warning or `--strict`).
pub fn unknown_names(specs: &CompiledSpecs, sel: &ReportSelection) -> Vec<String> {
    let mut out = Vec::new();
    for (names, kind, section, word) in [
        (&sel.gates, Kind::Gate, None, "gate"),
        (
            &sel.configs,
            Kind::Config,
            Some(Section::Config),
            "dynamic config",
        ),
        (
            &sel.experiments,
            Kind::Config,
            Some(Section::Experiment),
            "experiment",
        ),
        (&sel.layers, Kind::Layer, None, "layer"),
    ] {
        for n in names {
            let found = specs
                .get(kind, n)
                .is_some_and(|s| section.is_none_or(|want| Section::of(s) == want));
            if !found {
                let hint = specs.suggest(kind, n);
                out.push(format!("no {word} named {n:?} in the specs{hint}"));
            }
        }
    }
    out
}

/// One entity a report counts.
struct Entry<'s> {
    section: Section,
    spec: &'s Spec,
    /// The spec's index among its kind (no name lookup per user).
    index: u32,
    /// The experiment's configured split (group, share), when readable.
    expected: Option<Vec<(&'s str, f64)>>,
}

/// What to evaluate for a report, and how; the [`UserWork`] of `report`.
pub struct ReportPlan<'s> {
    specs: &'s CompiledSpecs,
    entries: Vec<Entry<'s>>,
    pub overrides: Option<&'s LocalOverrides>,
    pub opts: EvalOptions<'s>,
}

impl<'s> ReportPlan<'s> {
    pub fn new(specs: &'s CompiledSpecs, sel: &ReportSelection, opts: EvalOptions<'s>) -> Self {
        let mut entries = Vec::new();
        for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
            for (index, spec) in specs_in_force(specs, kind) {
                let section = Section::of(spec);
                let named = |list: &Vec<String>| list.iter().any(|n| **n == *spec.name);
                let keep = if sel.is_all() {
                    !spec.is_segment_or_holdout()
                } else {
                    match section {
                        Section::Gate => named(&sel.gates),
                        Section::Experiment => named(&sel.experiments) || named(&sel.configs),
                        Section::Config => named(&sel.configs),
                        Section::Layer => named(&sel.layers),
                    }
                };
                if keep {
                    let expected = (section == Section::Experiment)
                        .then(|| configured_split(specs, spec))
                        .flatten();
                    entries.push(Entry {
                        section,
                        spec,
                        index,
                        expected,
                    });
                }
            }
        }
        ReportPlan {
            specs,
            entries,
            overrides: None,
            opts,
        }
    }

    /// The finished report of everything tallied.
    pub fn finish(&self, tally: Tally<'s>) -> Report {
        let mut r = Report {
            users: tally.users,
            ..Report::default()
        };
        for (e, t) in self.entries.iter().zip(tally.entities) {
            let name = e.spec.name.to_string();
            match e.section {
                Section::Gate => r.gates.push(
                    name,
                    GateReport {
                        passed: t.passed,
                        pass_rate: 0.0,
                        rules: t.rules.owned(),
                    },
                ),
                Section::Experiment => {
                    let expected = e.expected.as_ref().map(|split| {
                        let mut o = Ordered::default();
                        for (g, s) in split {
                            o.push(g.to_string(), *s);
                        }
                        o
                    });
                    r.experiments.push(
                        name,
                        ExperimentReport {
                            groups: t.groups.owned(),
                            unassigned: t.unassigned,
                            assigned: t.assigned.owned(),
                            expected,
                            srm_p: None,
                            srm: false,
                        },
                    )
                }
                Section::Config => r.configs.push(
                    name,
                    ConfigReport {
                        values: 0,
                        value_counts: t.values.owned(),
                    },
                ),
                Section::Layer => r.layers.push(
                    name,
                    LayerReport {
                        allocated: t.allocated.owned(),
                        unallocated: t.unassigned,
                    },
                ),
            }
        }
        r.recompute();
        r
    }
}

/// Counts keyed by strings borrowed from the specs; few keys, so a list. Keys are told
/// apart by address (one spec string, one key) while counting, by content when finished.
#[derive(Debug, Default)]
struct Counts<'s>(Vec<(&'s str, u64)>);

impl<'s> Counts<'s> {
    fn add(&mut self, key: &'s str, n: u64) {
        match self.0.iter_mut().find(|(k, _)| std::ptr::eq(*k, key)) {
            Some((_, c)) => *c += n,
            None => self.0.push((key, n)),
        }
    }

    fn absorb(&mut self, o: Counts<'s>) {
        for (k, n) in o.0 {
            self.add(k, n);
        }
    }

    fn owned(&self) -> Ordered<u64> {
        let mut o = Ordered::default();
        for (k, n) in &self.0 {
            match o.get_mut(k) {
                Some(c) => *c += n,
                None => o.push(k.to_string(), *n),
            }
        }
        o
    }
}

/// The counts of one entity.
#[derive(Debug, Default)]
struct EntityTally<'s> {
    passed: u64,
    rules: Counts<'s>,
    groups: Counts<'s>,
    /// Users placed by an experiment group rule (bucketing), the basis of the SRM test.
    assigned: Counts<'s>,
    values: Counts<'s>,
    allocated: Counts<'s>,
    /// Experiments: users in no group; layers: users allocated to no experiment.
    unassigned: u64,
}

/// The counts of a chunk of users (and, absorbed in order, of all of them).
#[derive(Debug, Default)]
pub struct Tally<'s> {
    users: u64,
    entities: Vec<EntityTally<'s>>,
}

impl<'s> Tally<'s> {
    pub fn absorb(&mut self, o: Tally<'s>) {
        self.users += o.users;
        if self.entities.is_empty() {
            self.entities = o.entities;
            return;
        }
        for (a, b) in self.entities.iter_mut().zip(o.entities) {
            a.passed += b.passed;
            a.unassigned += b.unassigned;
            a.rules.absorb(b.rules);
            a.groups.absorb(b.groups);
            a.assigned.absorb(b.assigned);
            a.values.absorb(b.values);
            a.allocated.absorb(b.allocated);
        }
    }

    fn count(&mut self, i: usize, section: Section, r: &EvalResult<'s>) {
        let t = &mut self.entities[i];
        match section {
            Section::Gate => {
                t.passed += u64::from(r.bool);
                t.rules.add(r.rule_id_str(), 1);
            }
            Section::Experiment => match r.group_name {
                Some(g) => {
                    t.groups.add(g, 1);
                    if r.is_experiment_group {
                        t.assigned.add(g, 1);
                    }
                }
                None => t.unassigned += 1,
            },
            Section::Config => t.values.add(r.json.map_or("{}", |j| &j.json), 1),
            Section::Layer => match r.config_delegate {
                Some(d) => t.allocated.add(d, 1),
                None => t.unassigned += 1,
            },
        }
    }
}

impl<'s> UserWork for ReportPlan<'s> {
    type Worker = ();
    type Acc = Tally<'s>;

    fn worker(&self) {}

    fn acc(&self) -> Tally<'s> {
        Tally {
            users: 0,
            entities: self
                .entries
                .iter()
                .map(|_| EntityTally::default())
                .collect(),
        }
    }

    fn user(&self, _: &mut (), tally: &mut Tally<'s>, user: &User, _: &mut Vec<u8>) -> Result<()> {
        let mut ev = Evaluator::new(self.specs, user, self.opts);
        ev.overrides = self.overrides;
        tally.users += 1;
        for (i, e) in self.entries.iter().enumerate() {
            // A fresh top-level evaluation, as `evaluate` by name makes.
            ev.clear_memo();
            let r = ev.evaluate_index(e.spec.kind, e.index);
            tally.count(i, e.section, r);
        }
        Ok(())
    }
}

/// `report --format json`. Field names are a contract: other tools read them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub users: u64,
    pub gates: Ordered<GateReport>,
    pub experiments: Ordered<ExperimentReport>,
    pub configs: Ordered<ConfigReport>,
    pub layers: Ordered<LayerReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateReport {
    pub passed: u64,
    pub pass_rate: f64,
    /// Users per deciding rule id (`default`, `disabled`, a rule's id).
    pub rules: Ordered<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExperimentReport {
    /// Users per group name, whatever rule placed them (overrides included).
    pub groups: Ordered<u64>,
    /// The chi-square p-value of `assigned` against `expected`; null when not testable.
    pub srm_p: Option<f64>,
    /// `srm_p` below 0.001: the split is not what the experiment is configured to give.
    pub srm: bool,
    /// Users in no group (not allocated, not targeted, not started).
    pub unassigned: u64,
    /// Users placed by the experiment's group rules (bucketing), per group.
    pub assigned: Ordered<u64>,
    /// The configured split (share per group), when the group rules say it plainly.
    pub expected: Option<Ordered<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigReport {
    /// The number of distinct values.
    pub values: u64,
    /// Users per value (compact JSON text).
    pub value_counts: Ordered<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerReport {
    /// Users per allocated experiment.
    pub allocated: Ordered<u64>,
    pub unallocated: u64,
}

impl Report {
    /// Puts counts in their canonical order (most users first, then by name; experiment
    /// assignments in the configured order) and derives rates, distinct counts and SRM
    /// p-values from the counts. A report built from the same counts is the same bytes.
    pub fn recompute(&mut self) {
        let users = self.users;
        for (_, g) in self.gates.iter_mut() {
            g.pass_rate = rate(g.passed, users);
            g.rules.sort_by_count();
        }
        for (_, e) in self.experiments.iter_mut() {
            e.groups.sort_by_count();
            match &e.expected {
                Some(expected) => {
                    let mut assigned = Ordered::default();
                    for (g, _) in expected.iter() {
                        assigned.push(g.clone(), e.assigned.get(g).copied().unwrap_or(0));
                    }
                    // Users in a group the configuration does not split into, last.
                    let mut extra: Ordered<u64> = Ordered::default();
                    for (g, n) in e.assigned.iter() {
                        if expected.get(g).is_none() {
                            extra.push(g.clone(), *n);
                        }
                    }
                    extra.sort_by_count();
                    for (g, n) in extra.into_iter() {
                        assigned.push(g, n);
                    }
                    let observed: Vec<u64> = assigned.iter().map(|(_, n)| *n).collect();
                    let mut shares: Vec<f64> = expected.iter().map(|(_, s)| *s).collect();
                    shares.resize(observed.len(), 0.0);
                    e.srm_p = srm_p(&observed, &shares);
                    e.assigned = assigned;
                }
                None => {
                    e.assigned.sort_by_count();
                    e.srm_p = None;
                }
            }
            e.srm = e.srm_p.is_some_and(|p| p < SRM_THRESHOLD);
        }
        for (_, c) in self.configs.iter_mut() {
            c.value_counts.sort_by_count();
            c.values = c.value_counts.len() as u64;
        }
        for (_, l) in self.layers.iter_mut() {
            l.allocated.sort_by_count();
        }
    }

    /// Combines the reports of the parts of one population (same specs, disjoint users):
    /// counts add, everything derived is computed again.
    pub fn merge(parts: Vec<(String, Report)>) -> Result<Report> {
        let mut out = Report::default();
        for (origin, part) in parts {
            out.users += part.users;
            for (name, g) in part.gates.into_iter() {
                match out.gates.get_mut(&name) {
                    Some(o) => {
                        o.passed += g.passed;
                        o.rules.add_all(g.rules);
                    }
                    None => out.gates.push(name, g),
                }
            }
            for (name, e) in part.experiments.into_iter() {
                match out.experiments.get_mut(&name) {
                    Some(o) => {
                        if o.expected != e.expected {
                            return Err(Error::Report(format!(
                                "{origin}: experiment {name:?} has another configured split than \
                                 in the parts before: the parts come from different specs"
                            )));
                        }
                        o.groups.add_all(e.groups);
                        o.assigned.add_all(e.assigned);
                        o.unassigned += e.unassigned;
                    }
                    None => out.experiments.push(name, e),
                }
            }
            for (name, c) in part.configs.into_iter() {
                match out.configs.get_mut(&name) {
                    Some(o) => o.value_counts.add_all(c.value_counts),
                    None => out.configs.push(name, c),
                }
            }
            for (name, l) in part.layers.into_iter() {
                match out.layers.get_mut(&name) {
                    Some(o) => {
                        o.allocated.add_all(l.allocated);
                        o.unallocated += l.unallocated;
                    }
                    None => out.layers.push(name, l),
                }
            }
        }
        out.recompute();
        Ok(out)
    }

    /// Reads a `report --format json` document (a part for `--merge`).
    pub fn parse(bytes: &[u8], origin: &str) -> Result<Report> {
        serde_json::from_slice(bytes).map_err(|e| Error::At {
            path: origin.to_string(),
            line: e.line(),
            col: e.column(),
            msg: format!("not a `statsig report --format json` document: {e}"),
        })
    }
}

fn rate(n: u64, of: u64) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}
