//! `statsig impact`: which users a new version of the specs flips. Both versions evaluate
//! the same users; per entity the users whose value, rule or group changes are counted, with
//! the transitions (`Control → Test: 412`) and the first user ids as examples.
//!
//! With sticky assignments (`--persisted-values`) both versions read the saved values as
//! they are (nothing is saved): what a user is served changes only where no saved value
//! holds it, and the flips a saved value prevents (the live evaluations differ, the served
//! results do not) are counted apart, per entity.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::eval::overrides::LocalOverrides;
use crate::eval::persisted::Sticky;
use crate::eval::{EvalOptions, Evaluator};
use crate::population::ordered::Ordered;
use crate::population::report::{Section, specs_in_force};
use crate::population::stream::UserWork;
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::Kind;
use crate::user::User;

/// One entity both versions are asked about.
struct Entry<'s> {
    kind: Kind,
    name: &'s str,
    section: Section,
    /// Indices in the old and new specs (no name lookup per user).
    old: Option<u32>,
    new: Option<u32>,
}

/// The two versions, the entities to compare, and how many examples to keep.
pub struct ImpactPlan<'s> {
    old: &'s CompiledSpecs,
    new: &'s CompiledSpecs,
    entries: Vec<Entry<'s>>,
    pub old_opts: EvalOptions<'s>,
    pub new_opts: EvalOptions<'s>,
    pub overrides: Option<&'s LocalOverrides>,
    /// Sticky assignments both versions read (experiments and layers).
    pub sticky: Option<Sticky<'s>>,
    pub examples: usize,
}

impl<'s> ImpactPlan<'s> {
    /// Every gate, config, experiment and layer of either version (segments and holdouts
    /// show through the entities that use them), less the ignored names.
    pub fn new(
        old: &'s CompiledSpecs,
        new: &'s CompiledSpecs,
        ignore: &[String],
        opts: (EvalOptions<'s>, EvalOptions<'s>),
        examples: usize,
    ) -> Self {
        let mut entries: Vec<Entry<'s>> = Vec::new();
        for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
            for specs in [new, old] {
                for (_, spec) in specs_in_force(specs, kind) {
                    let name: &'s str = &spec.name;
                    if spec.is_segment_or_holdout()
                        || ignore.iter().any(|n| n == name)
                        || entries.iter().any(|e| e.kind == kind && e.name == name)
                    {
                        continue;
                    }
                    entries.push(Entry {
                        kind,
                        name,
                        section: Section::of(spec),
                        old: old.index(kind, name),
                        new: new.index(kind, name),
                    });
                }
            }
        }
        ImpactPlan {
            old,
            new,
            entries,
            old_opts: opts.0,
            new_opts: opts.1,
            overrides: None,
            sticky: None,
            examples,
        }
    }

    /// The finished impact: only entities with changes, most changed first.
    pub fn finish(&self, tally: ImpactTally<'s>) -> Impact {
        let mut listed: Vec<(String, EntityImpact)> = Vec::new();
        for (e, t) in self.entries.iter().zip(tally.entities) {
            if t.changed == 0 {
                continue;
            }
            let mut transitions = Ordered::default();
            for ((from, to), n) in t.transitions {
                transitions.push(format!("{from} → {to}"), n);
            }
            transitions.sort_by_count();
            listed.push((
                e.name.to_string(),
                EntityImpact {
                    kind: e.section.as_str().to_string(),
                    changed: t.changed,
                    value_changed: t.value_changed,
                    rule_changed: t.rule_changed,
                    group_changed: t.group_changed,
                    transitions,
                    examples: t.examples,
                },
            ));
        }
        listed.sort_by(|a, b| b.1.changed.cmp(&a.1.changed).then_with(|| a.0.cmp(&b.0)));
        let mut entities = Ordered::default();
        for (name, e) in listed {
            entities.push(name, e);
        }
        let mut held: Vec<(String, StickyHeld)> = Vec::new();
        for (e, t) in self.entries.iter().zip(&tally.held) {
            if t.changed == 0 {
                continue;
            }
            let mut transitions = Ordered::default();
            for ((from, to), n) in &t.transitions {
                transitions.push(format!("{from} → {to}"), *n);
            }
            transitions.sort_by_count();
            held.push((
                e.name.to_string(),
                StickyHeld {
                    kind: e.section.as_str().to_string(),
                    held: t.changed,
                    transitions,
                    examples: t.examples.clone(),
                },
            ));
        }
        held.sort_by(|a, b| b.1.held.cmp(&a.1.held).then_with(|| a.0.cmp(&b.0)));
        let mut sticky_held = Ordered::default();
        for (name, h) in held {
            sticky_held.push(name, h);
        }
        Impact {
            users: tally.users,
            compared: self.entries.len() as u64,
            entities,
            sticky_held: self.sticky.is_some().then_some(sticky_held),
        }
    }
}

/// The changes of one entity over a chunk (or, absorbed in order, over all users).
#[derive(Debug, Default)]
struct EntityTally<'s> {
    changed: u64,
    value_changed: u64,
    rule_changed: u64,
    group_changed: u64,
    transitions: Vec<((&'s str, &'s str), u64)>,
    examples: Vec<String>,
}

/// Changes counted over a chunk of users; chunks absorb in input order, so the examples
/// are the first users in the input whatever the number of jobs.
#[derive(Debug, Default)]
pub struct ImpactTally<'s> {
    users: u64,
    entities: Vec<EntityTally<'s>>,
    /// Per entity, the flips sticky assignments held (only `changed`, `transitions` and
    /// `examples` are used): empty without sticky assignments.
    held: Vec<EntityTally<'s>>,
}

impl<'s> ImpactTally<'s> {
    pub fn absorb(&mut self, o: ImpactTally<'s>, examples: usize) {
        self.users += o.users;
        if self.entities.is_empty() {
            self.entities = o.entities;
            self.held = o.held;
            return;
        }
        let pairs = self.entities.iter_mut().zip(o.entities);
        for (a, b) in pairs.chain(self.held.iter_mut().zip(o.held)) {
            a.changed += b.changed;
            a.value_changed += b.value_changed;
            a.rule_changed += b.rule_changed;
            a.group_changed += b.group_changed;
            for (k, n) in b.transitions {
                add(&mut a.transitions, k, n);
            }
            let room = examples.saturating_sub(a.examples.len());
            a.examples.extend(b.examples.into_iter().take(room));
        }
    }
}

fn add<'s>(list: &mut Vec<((&'s str, &'s str), u64)>, k: (&'s str, &'s str), n: u64) {
    match list.iter_mut().find(|(key, _)| *key == k) {
        Some((_, c)) => *c += n,
        None => list.push((k, n)),
    }
}

fn value<'r>(kind: Kind, r: &'r EvalResult<'_>) -> &'r str {
    match kind {
        Kind::Gate => gate_word(r),
        _ => r.value().map_or("{}", |j| &j.json),
    }
}

fn gate_word(r: &EvalResult<'_>) -> &'static str {
    if r.bool { "true" } else { "false" }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}

/// A user's name in examples: the userID, else the first custom id.
fn user_name(user: &User) -> String {
    let id = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match user.json.get("userID") {
        Some(v) if !v.is_null() => id(v),
        _ => user
            .json
            .get("customIDs")
            .and_then(|c| c.as_object())
            .and_then(|c| c.values().next())
            .map(id)
            .unwrap_or_default(),
    }
}

/// A fresh top-level evaluation, by index when the spec exists (as `evaluate` by name).
fn top_level<'e, 's>(
    ev: &'e mut Evaluator<'s, '_>,
    kind: Kind,
    name: &str,
    index: Option<u32>,
) -> &'e EvalResult<'s> {
    match index {
        Some(i) => {
            ev.clear_memo();
            ev.evaluate_index(kind, i)
        }
        None => ev.evaluate(kind, name),
    }
}

impl<'s> UserWork for ImpactPlan<'s> {
    type Worker = ();
    type Acc = ImpactTally<'s>;

    fn worker(&self) {}

    fn acc(&self) -> ImpactTally<'s> {
        let tallies = || {
            self.entries
                .iter()
                .map(|_| EntityTally::default())
                .collect()
        };
        ImpactTally {
            users: 0,
            entities: tallies(),
            held: if self.sticky.is_some() {
                tallies()
            } else {
                Vec::new()
            },
        }
    }

    fn user(
        &self,
        _: &mut (),
        tally: &mut ImpactTally<'s>,
        user: &User,
        _: &mut Vec<u8>,
    ) -> Result<()> {
        let mut old = Evaluator::new(self.old, user, self.old_opts);
        let mut new = Evaluator::new(self.new, user, self.new_opts);
        old.overrides = self.overrides;
        new.overrides = self.overrides;
        // With sticky assignments, a second pair of evaluators serves what the SDK would.
        let mut served = self.sticky.map(|sticky| {
            let mut old = Evaluator::new(self.old, user, self.old_opts);
            let mut new = Evaluator::new(self.new, user, self.new_opts);
            old.overrides = self.overrides;
            new.overrides = self.overrides;
            old.sticky = Some(sticky);
            new.sticky = Some(sticky);
            (old, new)
        });
        tally.users += 1;
        let entries = self.entries.iter().enumerate();
        for ((i, e), t) in entries.zip(tally.entities.iter_mut()) {
            let a = top_level(&mut old, e.kind, e.name, e.old);
            let b = top_level(&mut new, e.kind, e.name, e.new);
            let mut change = Change::of(e.kind, a, b);
            if let Some((old, new)) = served.as_mut().filter(|_| e.kind != Kind::Gate) {
                let live = change;
                let a = old.evaluate(e.kind, e.name);
                let b = new.evaluate(e.kind, e.name);
                change = Change::of(e.kind, a, b);
                // Read-only: what the evaluations would save or delete is dropped.
                old.sticky_ops.clear();
                new.sticky_ops.clear();
                if let (Some(live), None) = (live, change) {
                    let h = &mut tally.held[i];
                    h.changed += 1;
                    add(&mut h.transitions, live.key, 1);
                    if h.examples.len() < self.examples {
                        h.examples.push(user_name(user));
                    }
                }
            }
            let Some(c) = change else { continue };
            t.changed += 1;
            t.value_changed += u64::from(c.value);
            t.rule_changed += u64::from(c.rule);
            t.group_changed += u64::from(c.group);
            add(&mut t.transitions, c.key, 1);
            if t.examples.len() < self.examples {
                t.examples.push(user_name(user));
            }
        }
        Ok(())
    }
}

/// How one user's result of an entity differs between the versions.
#[derive(Debug, Clone, Copy)]
struct Change<'s> {
    value: bool,
    rule: bool,
    group: bool,
    /// The transition, named in what people think in: groups, a gate's value, else rules.
    key: (&'s str, &'s str),
}

impl<'s> Change<'s> {
    /// `None` when value, rule and group are all the same.
    fn of(kind: Kind, a: &EvalResult<'s>, b: &EvalResult<'s>) -> Option<Change<'s>> {
        let value = self::value(kind, a) != self::value(kind, b);
        let rule = a.rule_id_str() != b.rule_id_str();
        let group = a.group_name != b.group_name;
        if !(value || rule || group) {
            return None;
        }
        let key = if group {
            (
                a.group_name.unwrap_or("(none)"),
                b.group_name.unwrap_or("(none)"),
            )
        } else if kind == Kind::Gate && value {
            (gate_word(a), gate_word(b))
        } else {
            (or_none(a.rule_id_str()), or_none(b.rule_id_str()))
        };
        Some(Change {
            value,
            rule,
            group,
            key,
        })
    }
}

/// `impact --format json`. Field names are a contract: other tools read them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub users: u64,
    /// How many entities were compared.
    pub compared: u64,
    /// Only entities with changes, most changed first.
    pub entities: Ordered<EntityImpact>,
    /// With sticky assignments (`--persisted-values`; absent without): per entity, the
    /// users whose live evaluation flips but whose saved assignment holds what they are
    /// served (not counted in `entities`), most first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticky_held: Option<Ordered<StickyHeld>>,
}

/// The flips sticky assignments prevented for one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickyHeld {
    /// `experiment` or `layer`.
    pub kind: String,
    /// Users whose live result changes but whose served result is held.
    pub held: u64,
    /// `"OLD → NEW"` of the live results: users.
    pub transitions: Ordered<u64>,
    /// The first user ids (in input order) held.
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityImpact {
    /// `gate`, `config`, `experiment` or `layer`.
    pub kind: String,
    /// Users for whom the value, the rule or the group changes.
    pub changed: u64,
    pub value_changed: u64,
    pub rule_changed: u64,
    pub group_changed: u64,
    /// `"OLD → NEW"`: users. Groups when the group changes, a gate's value when it changes,
    /// else rule ids.
    pub transitions: Ordered<u64>,
    /// The first user ids (in input order) whose result changes.
    pub examples: Vec<String>,
}
