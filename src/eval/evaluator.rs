//! The rule loop: nested gates, delegation to experiments, holdouts, config mappings and
//! local overrides, with the Rust core's shared result state (evaluation.md §3).

use crate::eval::buckets::BucketMemo;
use crate::eval::condition;
use crate::eval::condition_memo::ConditionMemo;
use crate::eval::overrides::{LocalOverrides, experiment_value};
use crate::eval::persisted::{Sticky, StickyOp};
use crate::eval::trace::{NoTrace, Roll, RuleOutcome, Trace};
use crate::result::{EvalResult, Exposure, Reason};
use crate::spec::model::{CompiledSpecs, Entity, Kind, Rule, Spec};
use crate::user::User;
use crate::util::clock::Clock;

/// Depth at which nested evaluation gives up (a cycle in the spec).
const MAX_DEPTH: u32 = 300;

/// Separate evaluations (`multi_*_gate`, `experiment_group`) one top-level evaluation may
/// make. A spec referring to itself twice would otherwise branch 2^300 ways.
const MAX_SEPARATE: u32 = 10_000;

/// Settings that stay the same across evaluations.
#[derive(Debug, Clone, Copy)]
pub struct EvalOptions<'s> {
    /// Value of `target_app` conditions (DCS `app_id`, or the client-initialize app).
    pub app_id: Option<&'s str>,
    /// Now, in epoch milliseconds.
    pub now_ms: i64,
}

impl<'s> EvalOptions<'s> {
    /// The options a server SDK would use with these specs, now.
    pub fn for_specs(specs: &'s CompiledSpecs) -> EvalOptions<'s> {
        EvalOptions::at(specs, Clock::System)
    }

    /// The options for these specs with "now" from `clock` (`--at`).
    pub fn at(specs: &'s CompiledSpecs, clock: Clock) -> EvalOptions<'s> {
        EvalOptions {
            app_id: specs.app_id.as_deref(),
            now_ms: clock.now_ms(),
        }
    }
}

struct MemoEntry<'s> {
    name: &'s str,
    bool: bool,
    rule_id: Option<&'s str>,
    start: usize,
    end: usize,
}

/// How the SDK reads a config: `get_dynamic_config` (dynamic config overrides apply) or
/// `get_experiment` (experiment overrides and sticky values apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConfigRead {
    /// As the core's client-initialize does: `get_dynamic_config` for a spec whose entity
    /// is `dynamic_config`, `get_experiment` for anything else.
    #[default]
    ByEntity,
    Config,
    Experiment,
}

/// One evaluation context: the result state plus the nested-gate memo. Reuse it across
/// evaluations to keep allocations off the hot path.
pub struct Evaluator<'s, 'u, T: Trace = NoTrace> {
    pub specs: &'s CompiledSpecs,
    pub user: &'u User,
    pub opts: EvalOptions<'s>,
    pub overrides: Option<&'s LocalOverrides>,
    /// The legacy Python SDK's gate values (evaluation.md disagreements
    /// `gate_rule_return_false`, `gate_default_value_true`, `disabled_spec_with_rules`): a
    /// gate is true iff a rule matched and passed its roll, a disabled gate is false without
    /// its rules. Off by default; client-initialize uses it only for the legacy SDK's extra
    /// keys (client-initialize.md §4.4).
    pub legacy_gate_values: bool,
    /// Whether a top-level config read is the SDK's `get_dynamic_config` or its
    /// `get_experiment`: which overrides apply, and whether sticky values do.
    pub config_read: ConfigRead,
    /// Sticky assignments (`--persisted-values`), applied to top-level experiment and
    /// layer reads; what to save or delete collects in `sticky_ops`.
    pub sticky: Option<Sticky<'s>>,
    pub sticky_ops: Vec<StickyOp>,
    pub result: EvalResult<'s>,
    pub trace: T,
    nested_count: u32,
    depth: u32,
    /// Separate evaluations made so far under the current top-level one.
    separate_count: u32,
    memo: Vec<MemoEntry<'s>>,
    memo_exposures: Vec<Exposure<'s>>,
    /// The last result's `undelegated` list, kept for its capacity.
    spare: Vec<Exposure<'s>>,
    /// The user's sha256 rolls so far.
    pub(crate) buckets: BucketMemo,
    /// The user's pure conditions so far.
    conditions: ConditionMemo,
}

/// An evaluator's buffers without its user: a batch makes each user's evaluator from the
/// previous one's ([`Evaluator::with_scratch`], [`Evaluator::into_scratch`]) so that
/// evaluating a user allocates nothing once the buffers have grown.
#[derive(Default)]
pub struct Scratch<'s> {
    result: EvalResult<'s>,
    memo: Vec<MemoEntry<'s>>,
    memo_exposures: Vec<Exposure<'s>>,
    spare: Vec<Exposure<'s>>,
    buckets: BucketMemo,
    conditions: ConditionMemo,
}

/// A clone starts with empty buffers: they hold no state, only capacity.
impl Clone for Scratch<'_> {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl<'s, 'u> Evaluator<'s, 'u, NoTrace> {
    pub fn new(specs: &'s CompiledSpecs, user: &'u User, opts: EvalOptions<'s>) -> Self {
        let mut ev = Evaluator::with_trace(specs, user, opts, NoTrace);
        ev.conditions.forget(specs);
        ev
    }

    /// An evaluator on the buffers of a previous one (see [`Scratch`]).
    pub fn with_scratch(
        specs: &'s CompiledSpecs,
        user: &'u User,
        opts: EvalOptions<'s>,
        scratch: Scratch<'s>,
    ) -> Self {
        let mut ev = Evaluator::with_trace(specs, user, opts, NoTrace);
        let Scratch {
            mut result,
            memo,
            memo_exposures,
            spare,
            mut buckets,
            mut conditions,
        } = scratch;
        result.reset();
        buckets.forget();
        conditions.forget(specs);
        ev.result = result;
        ev.memo = memo;
        ev.memo_exposures = memo_exposures;
        ev.spare = spare;
        ev.buckets = buckets;
        ev.conditions = conditions;
        ev.clear_memo();
        ev
    }

    /// The buffers, for the next user's evaluator.
    pub fn into_scratch(self) -> Scratch<'s> {
        Scratch {
            result: self.result,
            memo: self.memo,
            memo_exposures: self.memo_exposures,
            spare: self.spare,
            buckets: self.buckets,
            conditions: self.conditions,
        }
    }
}

impl<'s, 'u, T: Trace> Evaluator<'s, 'u, T> {
    pub fn with_trace(
        specs: &'s CompiledSpecs,
        user: &'u User,
        opts: EvalOptions<'s>,
        trace: T,
    ) -> Self {
        Evaluator {
            specs,
            user,
            opts,
            overrides: None,
            legacy_gate_values: false,
            config_read: ConfigRead::ByEntity,
            sticky: None,
            sticky_ops: Vec::new(),
            result: EvalResult::default(),
            trace,
            nested_count: 0,
            depth: 0,
            separate_count: 0,
            memo: Vec::new(),
            memo_exposures: Vec::new(),
            spare: Vec::new(),
            buckets: BucketMemo::default(),
            // Sized by the untraced constructors only: a trace runs every condition, and a
            // separate evaluation takes its parent's memo.
            conditions: ConditionMemo::default(),
        }
    }

    /// A fresh result state; the previous result's `undelegated` list is kept for reuse.
    fn reset_result(&mut self) {
        if let Some(v) = self.result.undelegated.take() {
            self.spare = v;
        }
        self.result.reset();
    }

    /// A copy of the secondary exposures so far, in the spare list's allocation.
    fn exposures_copy(&mut self) -> Vec<Exposure<'s>> {
        let mut v = std::mem::take(&mut self.spare);
        v.clear();
        v.extend_from_slice(&self.result.secondary_exposures);
        v
    }

    /// Forgets memoised nested gates (a new top-level call in a new context).
    pub fn clear_memo(&mut self) {
        self.memo.clear();
        self.memo_exposures.clear();
    }

    /// A top-level evaluation with a fresh state and memo; the result is in `self.result`.
    pub fn evaluate(&mut self, kind: Kind, name: &str) -> &EvalResult<'s> {
        self.clear_memo();
        self.evaluate_keep_memo(kind, name);
        if self.sticky.is_some()
            && (kind == Kind::Layer
                || kind == Kind::Config && !self.reads_as_config(self.specs.get(kind, name)))
        {
            self.apply_sticky(kind, name);
        }
        &self.result
    }

    /// [`Evaluator::evaluate`] of the spec at `index` (no name lookup).
    pub fn evaluate_at(&mut self, kind: Kind, index: u32) -> &EvalResult<'s> {
        self.clear_memo();
        self.reset_result();
        self.nested_count = 0;
        self.separate_count = 0;
        self.evaluate_index_top(kind, index);
        let specs = self.specs;
        let spec = &specs.specs(kind)[index as usize];
        if self.sticky.is_some()
            && (kind == Kind::Layer || kind == Kind::Config && !self.reads_as_config(Some(spec)))
        {
            self.apply_sticky(kind, &spec.name);
        }
        &self.result
    }

    /// A top-level evaluation of `spec` that looks only at the rules `keep` accepts and
    /// skips overrides and config mappings; its boolean value (the core's targeting-only /
    /// override-only re-evaluation for sticky values). No such rule: false.
    pub(crate) fn evaluate_filtered(
        &mut self,
        spec: &'s Spec,
        keep: &dyn Fn(&Rule) -> bool,
    ) -> bool {
        self.clear_memo();
        self.result.reset();
        self.nested_count = 0;
        self.separate_count = 0;
        if !spec.rules.iter().any(keep) {
            return false;
        }
        for rule in spec.rules.iter().filter(|r| keep(r)) {
            self.evaluate_rule_conditions(rule);
            if self.result.unsupported {
                return false;
            }
            if !self.result.bool {
                continue;
            }
            if self.delegate(rule) {
                return self.result.bool;
            }
            return if self.roll(rule, &spec.salt) {
                rule.return_value.bool != Some(false)
            } else {
                spec.default_value.bool == Some(true)
            };
        }
        spec.default_value.bool == Some(true)
    }

    /// A top-level evaluation that keeps the nested-gate memo (one context for a whole
    /// client-initialize response).
    pub fn evaluate_keep_memo(&mut self, kind: Kind, name: &str) -> &EvalResult<'s> {
        self.reset_result();
        self.nested_count = 0;
        self.separate_count = 0;
        match self.specs.index(kind, name) {
            Some(i) => self.evaluate_index_top(kind, i),
            None => {
                if !self.apply_overrides(kind, name, None) {
                    self.result.reason = Some(Reason::Unrecognized);
                }
            }
        }
        &self.result
    }

    /// A top-level evaluation of the spec at `index`, keeping the memo.
    pub fn evaluate_index(&mut self, kind: Kind, index: u32) -> &EvalResult<'s> {
        self.reset_result();
        self.nested_count = 0;
        if self.depth == 0 {
            self.separate_count = 0;
        }
        self.evaluate_index_top(kind, index);
        &self.result
    }

    fn evaluate_index_top(&mut self, kind: Kind, index: u32) {
        let spec = &self.specs.specs(kind)[index as usize];
        if self.apply_overrides(kind, &spec.name, Some(spec)) {
            return;
        }
        if spec.dropped.is_some() {
            // The legacy loader drops such specs: an Unsupported result with nothing in it.
            self.result.id_type = Some("");
            self.result.reason = Some(Reason::Unsupported);
            self.result.unsupported = true;
            return;
        }
        self.evaluate_spec(spec);
        if self.result.unsupported {
            self.result.reason = Some(Reason::Unsupported);
        }
    }

    /// Whether a config read of `spec` is the SDK's `get_dynamic_config`.
    fn reads_as_config(&self, spec: Option<&Spec>) -> bool {
        match self.config_read {
            ConfigRead::Config => true,
            ConfigRead::Experiment => false,
            ConfigRead::ByEntity => spec.is_some_and(|s| s.entity == Entity::DynamicConfig),
        }
    }

    /// Local overrides, then config mappings. True when one of them produced the result.
    fn apply_overrides(&mut self, kind: Kind, name: &str, spec: Option<&'s Spec>) -> bool {
        let as_experiment = kind == Kind::Config && !self.reads_as_config(spec);
        if as_experiment && self.apply_experiment_override(name, spec) {
            return true;
        }
        // A name the specs do not have, read by entity: either override may apply.
        let either = spec.is_none() && self.config_read == ConfigRead::ByEntity;
        if let Some(ov) = self.overrides
            && (!as_experiment || either)
            && let Some((v, matched)) = ov.lookup_matched(kind, name, self.user)
        {
            if T::ON {
                self.trace.local_override(kind, name, &matched.describe());
            }
            self.result.bool = kind != Kind::Gate || v.bool == Some(true);
            self.result.json = Some(v);
            self.result.rule_id = Some("override");
            self.result.reason = Some(Reason::LocalOverride);
            self.result.id_type = spec.map(|s| &*s.id_type);
            return true;
        }
        self.apply_config_mapping(kind, name, spec)
    }

    /// An experiment override (a value, or a group by name), as the core's
    /// `get_experiment_override`: the value (a group's return value; none when no rule has
    /// the group's name), rule `override`, no group name. It applies where the core
    /// evaluates the spec as an experiment: top-level experiment reads and layer delegation.
    fn apply_experiment_override(&mut self, name: &str, spec: Option<&'s Spec>) -> bool {
        let Some((ov, matched)) = self
            .overrides
            .and_then(|o| o.lookup_experiment(name, self.user))
        else {
            return false;
        };
        if T::ON {
            self.trace
                .local_override(Kind::Config, name, &matched.describe());
        }
        self.result.bool = true;
        self.result.json = experiment_value(ov, spec);
        self.result.rule_id = Some("override");
        self.result.reason = Some(Reason::LocalOverride);
        self.result.id_type = spec.map(|s| &*s.id_type);
        true
    }

    fn apply_config_mapping(&mut self, kind: Kind, name: &str, spec: Option<&'s Spec>) -> bool {
        let mapping = &self.specs.config_mapping;
        let Some(entries) = mapping.mappings.get(name) else {
            return false;
        };
        let salt = spec.map(|s| &*s.salt).unwrap_or("");
        for entry in entries {
            for (rule_name, start) in &entry.rules {
                if *start > self.opts.now_ms {
                    continue;
                }
                let Some(rule) = mapping.rules.get(rule_name) else {
                    continue;
                };
                if T::ON {
                    self.trace
                        .mapping_rule_start(name, &entry.new_config_name, rule);
                }
                self.evaluate_rule_conditions(rule);
                let unsupported = self.result.unsupported;
                let matched = self.result.bool && !unsupported;
                self.reset_result();
                self.nested_count = 0;
                if !matched {
                    if T::ON {
                        self.trace.mapping_rule_end(if unsupported {
                            RuleOutcome::Unsupported
                        } else {
                            RuleOutcome::NoMatch
                        });
                    }
                    continue;
                }
                let rolled = self.roll(rule, salt);
                if T::ON {
                    self.trace.mapping_rule_end(if rolled {
                        RuleOutcome::Pass
                    } else {
                        RuleOutcome::RollFail
                    });
                }
                if rolled {
                    let new_name: &'s str = &entry.new_config_name;
                    match self.specs.index(kind, new_name) {
                        Some(i) => {
                            let target = &self.specs.specs(kind)[i as usize];
                            self.result.override_config_name = Some(new_name);
                            if T::ON {
                                self.trace.config_mapping(name, new_name);
                            }
                            self.evaluate_spec(target);
                            return true;
                        }
                        None => {
                            self.reset_result();
                            break;
                        }
                    }
                }
            }
        }
        false
    }

    /// §3.2 for one spec in the shared state.
    fn evaluate_spec(&mut self, spec: &'s Spec) {
        self.trace.enter_spec(spec);
        let r = &mut self.result;
        if r.id_type.is_none() {
            r.id_type = Some(&spec.id_type);
        }
        if r.version.is_none() {
            r.version = spec.version;
        }
        if let Some(a) = spec.is_active {
            r.is_experiment_active = a;
        }
        if let Some(s) = spec.has_shared_params {
            r.is_in_layer = s;
        }
        if let Some(p) = &spec.explicit_parameters {
            r.explicit_parameters = Some(p);
        }
        if spec.use_new_layer_eval && spec.kind == Kind::Layer {
            self.evaluate_layer_per_parameter(spec);
            self.trace.exit_spec(spec, &self.result);
            return;
        }
        let legacy_gate = self.legacy_gate_values && spec.kind == Kind::Gate;
        if legacy_gate && !spec.enabled {
            r.bool = false;
            r.json = Some(&spec.default_value);
            r.rule_id = Some("disabled");
            self.finalize(spec, None);
            self.trace.exit_spec(spec, &self.result);
            return;
        }

        for (ri, rule) in spec.rules.iter().enumerate() {
            self.trace.rule_start(spec, ri);
            self.evaluate_rule_conditions(rule);
            if self.result.unsupported {
                self.trace.rule(spec, ri, RuleOutcome::Unsupported);
                self.trace.exit_spec(spec, &self.result);
                return;
            }
            if !self.result.bool {
                self.trace.rule(spec, ri, RuleOutcome::NoMatch);
                continue;
            }
            if self.delegate(rule) {
                self.trace.rule(spec, ri, RuleOutcome::Delegated);
                self.finalize(spec, Some(rule));
                self.trace.exit_spec(spec, &self.result);
                return;
            }
            let pass = self.roll(rule, &spec.salt);
            self.trace.rule(
                spec,
                ri,
                if pass {
                    RuleOutcome::Pass
                } else {
                    RuleOutcome::RollFail
                },
            );
            let r = &mut self.result;
            if pass {
                r.bool = legacy_gate || rule.return_value.bool != Some(false);
                r.json = Some(&rule.return_value);
            } else {
                r.bool = !legacy_gate && spec.default_value.bool == Some(true);
                r.json = Some(&spec.default_value);
            }
            r.rule_id = Some(&rule.id);
            r.group_name = rule.group_name.as_deref();
            r.is_experiment_group = rule.is_experiment_group;
            r.is_experiment_active = spec.is_active == Some(true);
            self.finalize(spec, Some(rule));
            self.trace.exit_spec(spec, &self.result);
            return;
        }

        let r = &mut self.result;
        r.bool = !legacy_gate && spec.default_value.bool == Some(true);
        r.json = Some(&spec.default_value);
        r.rule_id = Some(if spec.enabled { "default" } else { "disabled" });
        self.finalize(spec, None);
        self.trace.exit_spec(spec, &self.result);
    }

    pub(crate) fn finalize(&mut self, spec: &'s Spec, rule: Option<&'s Rule>) {
        self.result.sampling_rate = rule.and_then(|r| r.sampling_rate);
        self.result.forward_all_exposures = spec.forward_all_exposures;
        if self.nested_count > 0 {
            self.nested_count -= 1;
            return;
        }
        if self.result.secondary_exposures.is_empty() || self.result.undelegated.is_some() {
            return;
        }
        self.result.undelegated = Some(self.exposures_copy());
    }

    /// Runs every condition of a rule (no short-circuit: a later one may evaluate a nested
    /// gate, whose exposures count); `result.bool` := all passed. Untraced, the rule's
    /// [`crate::spec::model::ConditionPlan`] runs the effectful conditions in order, then the pure ones
    /// ([`crate::spec::model::Condition::is_pure`]) until one fails, each answered from the
    /// user's memo when it ran before: they change nothing but the answer. A trace sees
    /// every condition run, in the rule's order.
    pub(crate) fn evaluate_rule_conditions(&mut self, rule: &'s Rule) {
        if T::ON {
            let mut all = true;
            for &ci in &rule.conditions {
                condition::evaluate(self, &self.specs.conditions[ci as usize]);
                all &= self.result.bool;
            }
            self.result.bool = all;
            return;
        }
        let plan = &rule.plan;
        let (effectful, pure) = plan.order.split_at(plan.effectful as usize);
        let mut all = true;
        for &ci in effectful {
            condition::evaluate(self, &self.specs.conditions[ci as usize]);
            all &= self.result.bool;
        }
        if all {
            for &ci in pure {
                let passed = match self.conditions.get(ci) {
                    Some(passed) => passed,
                    None => {
                        condition::evaluate(self, &self.specs.conditions[ci as usize]);
                        self.conditions.set(ci, self.result.bool);
                        self.result.bool
                    }
                };
                if !passed {
                    all = false;
                    break;
                }
            }
        }
        self.result.bool = all;
    }

    /// Pass-percentage roll for a matched rule.
    pub(crate) fn roll(&mut self, rule: &Rule, spec_salt: &str) -> bool {
        let (pass, bucket) = if rule.pass_percentage == 100.0 {
            (true, None)
        } else if rule.pass_percentage == 0.0 {
            (false, None)
        } else {
            let unit = self.unit_of(rule);
            let b = self.buckets.rule_bucket(spec_salt, &rule.salt, unit);
            ((b as f64) < rule.pass_percentage * 100.0, Some(b))
        };
        if T::ON {
            self.trace.roll(&Roll {
                unit_id: self.unit_of(rule),
                id_type: &rule.id_type.name,
                bucket,
                pass_percentage: rule.pass_percentage,
                passed: pass,
            });
        }
        pass
    }

    /// The unit id a rule hashes (`""` when the user has none).
    fn unit_of(&self, rule: &Rule) -> &'u str {
        let t = &rule.id_type;
        self.user
            .unit_id(&t.name, &t.lower, t.is_user_id)
            .and_then(|v| v.str())
            .unwrap_or("")
    }

    /// §8.1: a layer rule hands over to its experiment.
    pub(crate) fn delegate(&mut self, rule: &'s Rule) -> bool {
        let Some((name, Some(idx))) = &rule.config_delegate else {
            return false;
        };
        let exp = &self.specs.configs[*idx as usize];
        if exp.dropped.is_some() {
            return false;
        }
        self.result.undelegated = Some(self.exposures_copy());
        if !self.prep_nested() {
            return true;
        }
        // The core evaluates the delegate as an experiment, overrides first; an override
        // ends the nested evaluation without finalizing it.
        if !self.apply_experiment_override(name, Some(exp)) {
            self.evaluate_spec(exp);
        }
        self.result.explicit_parameters = exp.explicit_parameters.as_deref();
        self.result.config_delegate = Some(name);
        true
    }

    fn prep_nested(&mut self) -> bool {
        self.nested_count += 1;
        self.result.bool = false;
        self.result.json = None;
        if self.nested_count > MAX_DEPTH {
            self.result.unsupported = true;
            return false;
        }
        true
    }

    /// §7.2 `pass_gate` / `fail_gate` (and §7.3 for gates the legacy loader drops).
    pub(crate) fn nested_gate(&mut self, name: &'s str, index: Option<u32>, negate: bool) {
        if let Some(m) = self.memo.iter().find(|m| m.name == name) {
            self.result.bool = m.bool;
            self.result.rule_id = m.rule_id;
            if T::ON {
                self.trace.memo(name, m.bool, m.rule_id);
            }
            let (s, e) = (m.start, m.end);
            self.result
                .secondary_exposures
                .extend_from_slice(&self.memo_exposures[s..e]);
        } else {
            let spec = index.map(|i| &self.specs.gates[i as usize]);
            if spec.is_some_and(|s| s.dropped.is_some()) {
                // The legacy SDK resets the parent's result for a gate it dropped.
                let r = &mut self.result;
                r.secondary_exposures.clear();
                r.undelegated = Some(Vec::new());
                r.group_name = None;
                r.is_experiment_group = false;
                r.rule_id = Some("");
                r.secondary_exposures.push(Exposure {
                    gate: name,
                    value: false,
                    rule_id: "",
                });
                r.bool = negate;
                return;
            }
            if !self.prep_nested() {
                return;
            }
            let mark = self.result.secondary_exposures.len();
            if let Some(spec) = spec {
                self.evaluate_spec(spec);
            }
            if self.result.unsupported {
                // The exposures gathered before the unsupported gate are lost.
                self.result.secondary_exposures.drain(..mark);
                return;
            }
            if !name.is_empty() {
                let start = self.memo_exposures.len();
                self.memo_exposures
                    .extend_from_slice(&self.result.secondary_exposures[mark..]);
                self.memo.push(MemoEntry {
                    name,
                    bool: self.result.bool,
                    rule_id: self.result.rule_id,
                    start,
                    end: self.memo_exposures.len(),
                });
            }
        }
        let rule_id = self.result.rule_id.unwrap_or("");
        if !name.starts_with("segment:") && !rule_id.is_empty() {
            if self.result.sampling_rate.is_none() {
                self.result.has_seen_analytical_gates = true;
            }
            self.result.secondary_exposures.push(Exposure {
                gate: name,
                value: self.result.bool,
                rule_id,
            });
        }
        if negate {
            self.result.bool = !self.result.bool;
        }
    }

    /// A separate top-level evaluation (fresh state and memo) for `experiment_group` and
    /// `multi_*_gate` conditions. Returns the sub-result.
    pub(crate) fn separate(&mut self, kind: Kind, index: Option<u32>) -> Option<EvalResult<'s>> {
        if self.depth >= MAX_DEPTH || self.separate_count >= MAX_SEPARATE {
            return None;
        }
        let mut sub = Evaluator::with_trace(self.specs, self.user, self.opts, self.trace.fork());
        sub.overrides = self.overrides;
        sub.legacy_gate_values = self.legacy_gate_values;
        sub.depth = self.depth + 1;
        sub.separate_count = self.separate_count + 1;
        let i = index?;
        // The same user: the same rolls.
        sub.buckets = std::mem::take(&mut self.buckets);
        sub.conditions = std::mem::take(&mut self.conditions);
        sub.evaluate_index(kind, i);
        self.buckets = std::mem::take(&mut sub.buckets);
        self.conditions = std::mem::take(&mut sub.conditions);
        self.separate_count = sub.separate_count;
        if T::ON {
            self.trace.absorb(sub.trace);
        }
        Some(sub.result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::trace::Recorder;
    use crate::spec::{Parsed, parse_payload};

    fn compile(json: &str) -> CompiledSpecs {
        match parse_payload(json.as_bytes(), "test").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!("no updates"),
        }
    }

    fn opts() -> EvalOptions<'static> {
        EvalOptions {
            app_id: None,
            now_ms: 1_700_000_000_000,
        }
    }

    const V1: &str = r#"{"time":1,"feature_gates":[
      {"name":"g","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
       "defaultValue":false,"idType":"userID","rules":[
         {"id":"r1","name":"r1","passPercentage":100,"returnValue":true,"idType":"userID",
          "conditions":[{"type":"pass_gate","targetValue":"inner","operator":null}]}]},
      {"name":"inner","type":"feature_gate","entity":"feature_gate","salt":"s2","enabled":true,
       "defaultValue":false,"idType":"userID","rules":[
         {"id":"ri","name":"ri","passPercentage":100,"returnValue":true,"idType":"userID",
          "conditions":[{"type":"user_field","field":"email","operator":"str_ends_with_any","targetValue":["@statsig.com"]}]}]}
    ],"dynamic_configs":[],"layer_configs":[]}"#;

    #[test]
    fn nested_gates_record_secondary_exposures() {
        let specs = compile(V1);
        let user = User::parse(r#"{"userID":"1","email":"a@STATSIG.com"}"#, "u").unwrap();
        let mut ev = Evaluator::new(&specs, &user, opts());
        let r = ev.evaluate(Kind::Gate, "g");
        assert!(r.bool);
        assert_eq!(r.rule_id, Some("r1"));
        assert_eq!(
            r.secondary_exposures,
            vec![Exposure {
                gate: "inner",
                value: true,
                rule_id: "ri"
            }]
        );
        let other = User::parse(r#"{"userID":"1","email":"a@example.com"}"#, "u").unwrap();
        let mut ev = Evaluator::new(&specs, &other, opts());
        let r = ev.evaluate(Kind::Gate, "g");
        assert!(!r.bool);
        assert_eq!(r.rule_id, Some("default"));
        assert!(!r.secondary_exposures[0].value);
    }

    #[test]
    fn legacy_gate_values_ignore_return_values_and_disabled_rules() {
        let json = V1.replacen(r#""returnValue":true"#, r#""returnValue":false"#, 1);
        let specs = compile(&json);
        let user = User::parse(r#"{"userID":"1","email":"a@statsig.com"}"#, "u").unwrap();
        let mut ev = Evaluator::new(&specs, &user, opts());
        assert!(!ev.evaluate(Kind::Gate, "g").bool);
        ev.legacy_gate_values = true;
        let r = ev.evaluate(Kind::Gate, "g");
        assert!(r.bool);
        assert_eq!(r.rule_id, Some("r1"));
        let disabled = V1.replacen(r#""enabled":true"#, r#""enabled":false"#, 1);
        let specs = compile(&disabled);
        let mut ev = Evaluator::new(&specs, &user, opts());
        assert_eq!(ev.evaluate(Kind::Gate, "g").rule_id, Some("r1"));
        ev.legacy_gate_values = true;
        let r = ev.evaluate(Kind::Gate, "g");
        assert!(!r.bool);
        assert_eq!(r.rule_id, Some("disabled"));
        assert!(r.secondary_exposures.is_empty());
    }

    /// The per-user memos (pure conditions, rolls) and the skipping of pure conditions
    /// after a failed one change no result: every entity of every shared payload, for varied
    /// users evaluated one after another on one set of buffers, equals a traced evaluation
    /// (which runs every condition afresh, with a fresh evaluator per entity).
    #[test]
    fn memos_change_no_result() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/specs");
        let mut payloads = 0;
        let mut compared = 0;
        for entry in std::fs::read_dir(&dir).expect("../shared/specs beside the repository") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(Parsed::Specs(specs)) = parse_payload(&std::fs::read(&path).unwrap(), "t")
            else {
                continue;
            };
            payloads += 1;
            let opts = EvalOptions {
                app_id: specs.app_id.as_deref(),
                now_ms: 1_750_000_000_000,
            };
            let mut scratch = Scratch::default();
            for i in 0..40 {
                let json = format!(
                    r#"{{"userID":"user-{i}","email":"p{i}@{}","ip":"{}.{}.3.4",
                      "country":"{}","appVersion":"{}.{}.0","userAgent":"{}",
                      "custom":{{"level":{},"is_beta":{}}},
                      "customIDs":{{"companyID":"c{}","stableID":"s{i}"}},
                      "statsigEnvironment":{{"tier":"{}"}}}}"#,
                    if i % 3 == 0 {
                        "statsig.com"
                    } else {
                        "example.com"
                    },
                    1 + i % 200,
                    i * 7 % 256,
                    ["US", "CA", "DE", ""][i % 4],
                    i % 5,
                    i % 10,
                    [
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
                        "okhttp/4.9.3"
                    ][i % 2],
                    i % 100,
                    i % 2 == 0,
                    i % 7,
                    ["production", "staging"][i % 2],
                );
                let user = User::parse(&json, "u").unwrap();
                let mut fast = Evaluator::with_scratch(&specs, &user, opts, scratch);
                for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
                    for index in 0..specs.specs(kind).len() as u32 {
                        let got = format!("{:?}", fast.evaluate_at(kind, index));
                        let mut traced =
                            Evaluator::with_trace(&specs, &user, opts, Recorder::default());
                        let want = format!("{:?}", traced.evaluate_at(kind, index));
                        assert_eq!(got, want, "{} {kind:?} {index} user {i}", path.display());
                        compared += 1;
                    }
                }
                scratch = fast.into_scratch();
            }
        }
        assert!(
            payloads >= 5 && compared > 5_000,
            "{payloads} payloads, {compared} results"
        );
    }

    #[test]
    fn unknown_names_are_unrecognized() {
        let specs = compile(V1);
        let user = User::parse(r#"{"userID":"1"}"#, "u").unwrap();
        let mut ev = Evaluator::new(&specs, &user, opts());
        let r = ev.evaluate(Kind::Gate, "nope");
        assert!(!r.bool);
        assert_eq!(r.reason(), Reason::Unrecognized);
    }
}
