//! Client-initialize responses (`../shared/spec/client-initialize.md`): everything evaluated
//! for one user, in the JSON shape client SDKs bootstrap from.
//!
//! The response is written straight into a byte buffer. Everything that does not depend on
//! the user is prepared once per [`ClientInit`]: which specs are in, their hashed names as
//! JSON string literals, the parameter stores and `sdkInfo`. Per response, each spec is
//! evaluated in one evaluation context (the nested-gate memo is kept across specs, §4.0)
//! and its pre-serialized constant value copied in.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::eval::{EvalOptions, Evaluator, Scratch};
use crate::output::json::{write_str, write_str_list};
use crate::result::{EvalResult, Exposure};
use crate::spec::model::{CompiledSpecs, Entity, Kind, Spec};
use crate::user::User;
use crate::util::hash::{djb2, djb2_u32, sha256_b64};
use crate::util::splice::Splices;

/// How spec names are hidden in the response (§3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HashAlgo {
    /// Names as they are.
    None,
    /// Base64 of the SHA-256 digest.
    Sha256,
    /// 32-bit djb2 as a decimal string (the default of Statsig's current SDKs).
    #[default]
    Djb2,
}

impl HashAlgo {
    pub fn as_str(self) -> &'static str {
        match self {
            HashAlgo::None => "none",
            HashAlgo::Sha256 => "sha256",
            HashAlgo::Djb2 => "djb2",
        }
    }

    /// The hashed form of a name.
    pub fn hash(self, name: &str) -> String {
        match self {
            HashAlgo::None => name.to_string(),
            HashAlgo::Sha256 => sha256_b64(name),
            HashAlgo::Djb2 => djb2(name),
        }
    }
}

/// What goes into a response and how (§1, §5). Entity filters apply per entity type, as in
/// the Rust core: a gate filter leaves configs and layers alone.
#[derive(Debug, Clone, Default)]
pub struct GcirOptions {
    pub hash: HashAlgo,
    pub client_key: Option<String>,
    pub target_app_id: Option<String>,
    /// Only these feature gates (entity `feature_gate`), when given.
    pub gates: Option<Vec<String>>,
    /// Only these dynamic configs (entity `dynamic_config`), when given.
    pub configs: Option<Vec<String>>,
    /// Only these experiments (entity `experiment`), when given.
    pub experiments: Option<Vec<String>>,
    /// Only these layers, when given.
    pub layers: Option<Vec<String>>,
    pub include_local_overrides: bool,
}

/// The app a response is for (§5): `app_id` feeds `target_app` conditions; `filter` says
/// whether specs are filtered by their `targetAppIDs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetApp<'a> {
    pub app_id: Option<&'a str>,
    pub filter: bool,
}

/// Resolves the target app as the Rust core does. A client key that resolves to no app is an
/// error here (the core would silently skip filtering and hand out every spec).
pub fn resolve_target_app<'a>(
    specs: &'a CompiledSpecs,
    opts: &'a GcirOptions,
) -> Result<TargetApp<'a>> {
    if let Some(t) = opts.target_app_id.as_deref().filter(|t| !t.is_empty()) {
        return Ok(TargetApp {
            app_id: Some(t),
            filter: true,
        });
    }
    let Some(key) = opts.client_key.as_deref() else {
        return Ok(TargetApp {
            app_id: specs.app_id.as_deref(),
            filter: false,
        });
    };
    let mut app_id = specs.app_id.as_deref();
    if let Some(map) = &specs.sdk_keys_to_app_ids {
        app_id = map.get(key).and_then(|v| v.as_deref());
    }
    if let Some(map) = &specs.hashed_sdk_keys_to_app_ids {
        app_id = map.get(djb2(key).as_str()).and_then(|v| v.as_deref());
    }
    match app_id {
        Some(a) => Ok(TargetApp {
            app_id: Some(a),
            filter: true,
        }),
        None => Err(Error::Usage(format!(
            "client key {}: maps to no app in the specs (sdk_keys_to_app_ids / \
             hashed_sdk_keys_to_app_ids); pass a client key of this project or --target-app-id",
            crate::util::mask::keep_head(key, 12)
        ))),
    }
}

/// §5: whether a spec (or store) with these `targetAppIDs` stays in.
fn app_keeps(target: TargetApp<'_>, ids: Option<&[Box<str>]>) -> bool {
    match (target.filter, target.app_id) {
        (true, Some(app)) => ids.is_some_and(|ids| ids.iter().any(|i| &**i == app)),
        _ => true,
    }
}

/// Which shape a `dynamic_configs` entry takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Gate,
    DynamicConfig,
    Experiment,
    /// Autotune and any other config entity.
    OtherConfig,
    Layer,
}

/// One spec in the response: where it is and its hashed name as a JSON string literal.
#[derive(Clone)]
struct Entry {
    index: u32,
    shape: Shape,
    /// The hashed name as a JSON string literal.
    key: Box<[u8]>,
    /// Everything of the entry before its first per-user byte, written once here:
    /// `[,]KEY:{"name":KEY,"rule_id":` (the comma for every entry but a section's first).
    prefix: Box<[u8]>,
    /// This entry's serialized forms in [`ClientInit::memo`].
    memo: u32,
    /// An experiment whose legacy-SDK evaluation can reach a group its Rust-core evaluation
    /// does not (it depends on a gate whose legacy value can differ): see [`legacy_groups`].
    legacy_check: bool,
}

/// At most this many serialized forms are kept per entry (a result repeats one of a few
/// forms: the rule that matched, the exposures met on the way); past it, entries are
/// written field by field.
const MAX_VARIANTS: usize = 16;

/// Two strings are equal: by address first (results borrow from the specs, so equal strings
/// are mostly the same string), else by content.
fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.as_ptr() == b.as_ptr() || a == b)
}

fn same_opt_str(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_str(a, b),
        _ => false,
    }
}

fn same_exposures(a: &[Exposure<'_>], b: &[Exposure<'_>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.value == y.value && same_str(x.gate, y.gate) && same_str(x.rule_id, y.rule_id)
        })
}

/// One serialized form of an entry: its bytes (from its constant prefix on) but for the
/// value (written from the result at `split`, spliced when large), and every field of the
/// result those bytes were made from. A result equal on those fields gets the same bytes.
#[derive(Clone)]
struct Variant<'s> {
    rule_id: Option<&'s str>,
    id_type: Option<&'s str>,
    group_name: Option<&'s str>,
    extra_group: Option<&'s str>,
    config_delegate: Option<&'s str>,
    explicit_parameters: Option<&'s [Box<str>]>,
    bool: bool,
    is_experiment_group: bool,
    is_experiment_active: bool,
    is_in_layer: bool,
    secondary_exposures: Box<[Exposure<'s>]>,
    undelegated: Option<Box<[Exposure<'s>]>>,
    bytes: Box<[u8]>,
    split: usize,
}

impl<'s> Variant<'s> {
    /// Whether a result's bytes can be kept: per-parameter layers name a rule per parameter.
    fn memoizable(r: &EvalResult<'s>) -> bool {
        r.parameter_rule_ids.is_none()
    }

    fn new(r: &EvalResult<'s>, extra_group: Option<&'s str>, bytes: Vec<u8>, split: usize) -> Self {
        Variant {
            rule_id: r.rule_id,
            id_type: r.id_type,
            group_name: r.group_name,
            extra_group,
            config_delegate: r.config_delegate,
            explicit_parameters: r.explicit_parameters,
            bool: r.bool,
            is_experiment_group: r.is_experiment_group,
            is_experiment_active: r.is_experiment_active,
            is_in_layer: r.is_in_layer,
            secondary_exposures: r.secondary_exposures.as_slice().into(),
            undelegated: r.undelegated.as_deref().map(Box::from),
            bytes: bytes.into_boxed_slice(),
            split,
        }
    }

    fn matches(&self, r: &EvalResult<'s>, extra_group: Option<&str>) -> bool {
        same_opt_str(self.rule_id, r.rule_id)
            && self.bool == r.bool
            && self.is_experiment_group == r.is_experiment_group
            && self.is_experiment_active == r.is_experiment_active
            && self.is_in_layer == r.is_in_layer
            && same_opt_str(self.id_type, r.id_type)
            && same_opt_str(self.group_name, r.group_name)
            && same_opt_str(self.extra_group, extra_group)
            && same_opt_str(self.config_delegate, r.config_delegate)
            && match (self.explicit_parameters, r.explicit_parameters) {
                (None, None) => true,
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                _ => false,
            }
            && r.parameter_rule_ids.is_none()
            && same_exposures(&self.secondary_exposures, &r.secondary_exposures)
            && match (&self.undelegated, &r.undelegated) {
                (None, None) => true,
                (Some(a), Some(b)) => same_exposures(a, b),
                _ => false,
            }
    }

    fn write(
        &self,
        out: &mut Vec<u8>,
        e: &Entry,
        r: &EvalResult<'s>,
        splices: Option<&mut Splices<'s>>,
    ) {
        out.extend_from_slice(&self.bytes[..self.split]);
        write_value(out, e, r, splices);
        out.extend_from_slice(&self.bytes[self.split..]);
    }
}

/// The value of a config or layer entry (a gate's is written with the rest of it).
fn write_value<'s>(
    out: &mut Vec<u8>,
    e: &Entry,
    r: &EvalResult<'s>,
    splices: Option<&mut Splices<'s>>,
) {
    if e.shape == Shape::Gate {
        return;
    }
    match (r.owned_value.is_none().then_some(r.json).flatten(), splices) {
        (Some(j), Some(s)) => s.append(out, j.json.as_bytes()),
        _ => match r.value() {
            Some(j) => out.extend_from_slice(j.json.as_bytes()),
            None => out.extend_from_slice(b"null"),
        },
    }
}

/// A fast hasher for (pointer, length) keys.
#[derive(Default)]
struct PtrHasher(u64);

impl Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// Hashed names as JSON string literals, cached by the address of the (spec-owned) name, so
/// a name is hashed once per [`ClientInit`], not once per exposure.
#[derive(Clone)]
struct NameCache<'s> {
    hash: HashAlgo,
    by_ptr: HashMap<(usize, usize), Box<[u8]>, BuildHasherDefault<PtrHasher>>,
    _specs: std::marker::PhantomData<&'s str>,
}

impl<'s> NameCache<'s> {
    fn new(hash: HashAlgo) -> Self {
        NameCache {
            hash,
            by_ptr: HashMap::default(),
            _specs: std::marker::PhantomData,
        }
    }

    fn quoted(&mut self, name: &'s str) -> &[u8] {
        let hash = self.hash;
        self.by_ptr
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| quote(&hash.hash(name)))
    }
}

/// A JSON string literal as bytes.
fn quote(s: &str) -> Box<[u8]> {
    let mut v = Vec::with_capacity(s.len() + 2);
    write_str(&mut v, s);
    v.into_boxed_slice()
}

fn write_bool(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// Builds client-initialize responses for one set of specs and options, many users. Each
/// thread of a parallel run works on its own clone.
#[derive(Clone)]
pub struct ClientInit<'s> {
    specs: &'s CompiledSpecs,
    hash: HashAlgo,
    target: TargetApp<'s>,
    include_local_overrides: bool,
    gates: Vec<Entry>,
    configs: Vec<Entry>,
    layers: Vec<Entry>,
    names: NameCache<'s>,
    /// `,"time":...,"has_updates":true,"hash_used":...,"sdkParams":{},"param_stores":...,
    /// "sdkInfo":...` — the constant tail of every response.
    constant_tail: Vec<u8>,
    scratch: Vec<Exposure<'s>>,
    /// Per entry (by [`Entry::memo`]), the serialized forms met so far (see [`Variant`]).
    memo: Vec<Vec<Variant<'s>>>,
    /// The buffers of the last response's evaluator, for the next one's.
    eval_scratch: Scratch<'s>,
}

impl<'s> ClientInit<'s> {
    /// Prepares responses; fails when the target app cannot be resolved.
    pub fn new(specs: &'s CompiledSpecs, opts: &'s GcirOptions) -> Result<Self> {
        let target = resolve_target_app(specs, opts)?;
        let hash = opts.hash;
        let listed = |filter: &Option<Vec<String>>, name: &str| {
            filter.as_ref().is_none_or(|f| f.iter().any(|n| n == name))
        };
        let keep = |spec: &Spec| {
            spec.dropped.is_none() && app_keeps(target, spec.target_app_ids.as_deref())
        };
        let legacy = legacy_sensitive_configs(specs);
        let entry = |i: usize, spec: &Spec, shape: Shape| Entry {
            index: i as u32,
            shape,
            key: quote(&hash.hash(&spec.name)),
            prefix: Box::default(),
            memo: 0,
            legacy_check: shape == Shape::Experiment && legacy[i],
        };
        let mut gates = Vec::new();
        for (i, spec) in specs.gates.iter().enumerate() {
            if spec.is_segment_or_holdout() || !keep(spec) {
                continue;
            }
            if spec.entity == Entity::FeatureGate && !listed(&opts.gates, &spec.name) {
                continue;
            }
            gates.push(entry(i, spec, Shape::Gate));
        }
        let mut configs = Vec::new();
        for (i, spec) in specs.configs.iter().enumerate() {
            if !keep(spec) {
                continue;
            }
            let shape = match spec.entity {
                Entity::DynamicConfig => Shape::DynamicConfig,
                Entity::Experiment => Shape::Experiment,
                _ => Shape::OtherConfig,
            };
            let filter = match shape {
                Shape::DynamicConfig => &opts.configs,
                Shape::Experiment => &opts.experiments,
                _ => &None,
            };
            if !listed(filter, &spec.name) {
                continue;
            }
            configs.push(entry(i, spec, shape));
        }
        let mut layers = Vec::new();
        for (i, spec) in specs.layers.iter().enumerate() {
            if !keep(spec) || !listed(&opts.layers, &spec.name) {
                continue;
            }
            layers.push(entry(i, spec, Shape::Layer));
        }

        let mut memo_slots = 0u32;
        for section in [&mut gates, &mut configs, &mut layers] {
            for (n, e) in section.iter_mut().enumerate() {
                e.memo = memo_slots;
                memo_slots += 1;
                let mut p = Vec::with_capacity(2 * e.key.len() + 24);
                if n > 0 {
                    p.push(b',');
                }
                p.extend_from_slice(&e.key);
                p.extend_from_slice(b":{\"name\":");
                p.extend_from_slice(&e.key);
                p.extend_from_slice(b",\"rule_id\":");
                e.prefix = p.into_boxed_slice();
            }
        }

        let mut tail = Vec::new();
        tail.extend_from_slice(b",\"time\":");
        tail.extend_from_slice(specs.time.to_string().as_bytes());
        tail.extend_from_slice(b",\"has_updates\":true,\"hash_used\":\"");
        tail.extend_from_slice(hash.as_str().as_bytes());
        tail.extend_from_slice(b"\",\"sdkParams\":{},\"param_stores\":");
        write_param_stores(&mut tail, specs, target, hash);
        tail.extend_from_slice(b",\"sdkInfo\":{\"sdkType\":\"statsig-cli\",\"sdkVersion\":");
        write_str(&mut tail, env!("CARGO_PKG_VERSION"));
        tail.extend_from_slice(b",\"sessionId\":");
        write_str(&mut tail, &session_id());
        tail.push(b'}');

        Ok(ClientInit {
            specs,
            hash,
            target,
            include_local_overrides: opts.include_local_overrides,
            gates,
            configs,
            layers,
            names: NameCache::new(hash),
            constant_tail: tail,
            scratch: Vec::new(),
            memo: vec![Vec::new(); memo_slots as usize],
            eval_scratch: Scratch::default(),
        })
    }

    /// An evaluator for one response's user, on the buffers of the previous response's
    /// (hand it back with [`ClientInit::recycle`]).
    pub fn evaluator<'u>(&mut self, user: &'u User, now_ms: i64) -> Evaluator<'s, 'u> {
        let scratch = std::mem::take(&mut self.eval_scratch);
        Evaluator::with_scratch(self.specs, user, self.eval_options(now_ms), scratch)
    }

    /// Keeps an evaluator's buffers for the next response.
    pub fn recycle(&mut self, ev: Evaluator<'s, '_>) {
        self.eval_scratch = ev.into_scratch();
    }

    /// The evaluation options for a response: `target_app` conditions see the target app.
    pub fn eval_options(&self, now_ms: i64) -> EvalOptions<'s> {
        EvalOptions {
            app_id: self.target.app_id,
            now_ms,
        }
    }

    pub fn specs(&self) -> &'s CompiledSpecs {
        self.specs
    }

    pub fn target(&self) -> TargetApp<'s> {
        self.target
    }

    pub fn include_local_overrides(&self) -> bool {
        self.include_local_overrides
    }

    /// Number of entries per section (gates, configs, layers).
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.gates.len(), self.configs.len(), self.layers.len())
    }

    /// Appends one response for `ev.user` (no trailing newline). `ev` should have been made
    /// with [`ClientInit::eval_options`]; its overrides are used as set.
    pub fn write(&mut self, out: &mut Vec<u8>, ev: &mut Evaluator<'s, '_>) {
        self.write_with(out, ev, &mut |_, _, _| {});
    }

    /// Like [`ClientInit::write`], handing every entry's result to `seen` (for exposures).
    pub fn write_with(
        &mut self,
        out: &mut Vec<u8>,
        ev: &mut Evaluator<'s, '_>,
        seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
    ) {
        self.write_spliced(out, ev, seen, None);
    }

    /// Like [`ClientInit::write_with`]; with `splices`, large spec values are spliced into
    /// `out` rather than copied (see [`Splices`]).
    pub fn write_spliced(
        &mut self,
        out: &mut Vec<u8>,
        ev: &mut Evaluator<'s, '_>,
        seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
        mut splices: Option<&mut Splices<'s>>,
    ) {
        debug_assert!(std::ptr::eq(ev.specs, self.specs));
        ev.clear_memo();
        out.extend_from_slice(b"{\"feature_gates\":{");
        let gates = std::mem::take(&mut self.gates);
        self.write_section(out, ev, Kind::Gate, &gates, seen, splices.as_deref_mut());
        self.gates = gates;
        out.extend_from_slice(b"},\"dynamic_configs\":{");
        let configs = std::mem::take(&mut self.configs);
        self.write_section(
            out,
            ev,
            Kind::Config,
            &configs,
            seen,
            splices.as_deref_mut(),
        );
        self.configs = configs;
        out.extend_from_slice(b"},\"layer_configs\":{");
        let layers = std::mem::take(&mut self.layers);
        self.write_section(out, ev, Kind::Layer, &layers, seen, splices);
        self.layers = layers;
        out.push(b'}');
        out.extend_from_slice(&self.constant_tail);
        write_user_fields(out, ev.user, self.specs);
        out.push(b'}');
    }

    fn write_section(
        &mut self,
        out: &mut Vec<u8>,
        ev: &mut Evaluator<'s, '_>,
        kind: Kind,
        entries: &[Entry],
        seen: &mut dyn FnMut(Kind, &Spec, &EvalResult<'_>),
        mut splices: Option<&mut Splices<'s>>,
    ) {
        // The legacy SDK accepts only users with an id (evaluation.md §1.1).
        let legacy_user = ev.user.has_any_id();
        let mut legacy_ev: Option<Evaluator<'s, '_>> = None;
        let mut memo = std::mem::take(&mut self.memo);
        for e in entries {
            let group_name = ev.evaluate_index(kind, e.index).group_name;
            // §4.4: a group name only the legacy SDK reaches is part of the record.
            let mut extra_group = None;
            if e.legacy_check && group_name.is_none() && legacy_user {
                let lev = legacy_ev.get_or_insert_with(|| {
                    let mut l = Evaluator::new(self.specs, ev.user, ev.opts);
                    l.overrides = ev.overrides;
                    l.legacy_gate_values = true;
                    l
                });
                extra_group = lev.evaluate_index(kind, e.index).group_name;
            }
            let r = &ev.result;
            let variants = &mut memo[e.memo as usize];
            match variants.iter().find(|v| v.matches(r, extra_group)) {
                Some(v) => v.write(out, e, r, splices.as_deref_mut()),
                None if variants.len() < MAX_VARIANTS && Variant::memoizable(r) => {
                    let mut bytes = e.prefix.to_vec();
                    self.write_head(&mut bytes, r);
                    let split = bytes.len();
                    self.write_tail(&mut bytes, e, r, extra_group);
                    let v = Variant::new(r, extra_group, bytes, split);
                    v.write(out, e, r, splices.as_deref_mut());
                    variants.push(v);
                }
                None => {
                    out.extend_from_slice(&e.prefix);
                    self.write_head(out, r);
                    write_value(out, e, r, splices.as_deref_mut());
                    self.write_tail(out, e, r, extra_group);
                }
            }
            seen(kind, &self.specs.specs(kind)[e.index as usize], &ev.result);
        }
        self.memo = memo;
    }

    /// An entry up to and with `"value":` (after its constant prefix).
    fn write_head(&mut self, out: &mut Vec<u8>, r: &EvalResult<'s>) {
        write_str(out, r.rule_id_str());
        out.extend_from_slice(b",\"secondary_exposures\":");
        self.write_exposures(out, &r.secondary_exposures);
        out.extend_from_slice(b",\"id_type\":");
        write_str(out, r.id_type.unwrap_or(""));
        out.extend_from_slice(b",\"value\":");
    }

    /// An entry after its value (a gate's value included: it is a boolean of the result).
    fn write_tail(
        &mut self,
        out: &mut Vec<u8>,
        e: &Entry,
        r: &EvalResult<'s>,
        extra_group: Option<&str>,
    ) {
        let rule_id = r.rule_id_str();
        let id_type = r.id_type.unwrap_or("");
        if e.shape == Shape::Gate {
            write_bool(out, r.bool);
            out.push(b'}');
            return;
        }
        out.extend_from_slice(b",\"is_device_based\":");
        write_bool(out, id_type == "stableID" || id_type == "stableid");
        out.extend_from_slice(b",\"group\":");
        write_str(out, rule_id);
        match e.shape {
            Shape::DynamicConfig => {
                out.extend_from_slice(b",\"passed\":");
                write_bool(out, r.bool);
            }
            Shape::Experiment | Shape::OtherConfig => {
                if r.is_in_layer {
                    out.extend_from_slice(b",\"is_in_layer\":true");
                }
                if let Some(p) = r.explicit_parameters {
                    out.extend_from_slice(b",\"explicit_parameters\":");
                    write_str_list(out, p);
                }
                if let Some(g) = r.group_name.or(extra_group) {
                    out.extend_from_slice(b",\"group_name\":");
                    write_str(out, g);
                }
                if e.shape == Shape::Experiment {
                    out.extend_from_slice(b",\"is_experiment_active\":");
                    write_bool(out, r.is_experiment_active);
                    out.extend_from_slice(b",\"is_user_in_experiment\":");
                    write_bool(out, r.is_experiment_group);
                }
            }
            Shape::Layer => {
                if let Some(g) = r.group_name {
                    out.extend_from_slice(b",\"group_name\":");
                    write_str(out, g);
                }
                if let Some(d) = r.config_delegate.filter(|d| !d.is_empty()) {
                    out.extend_from_slice(b",\"is_experiment_active\":");
                    write_bool(out, r.is_experiment_active);
                    out.extend_from_slice(b",\"is_user_in_experiment\":");
                    write_bool(out, r.is_experiment_group);
                    out.extend_from_slice(b",\"allocated_experiment_name\":");
                    out.extend_from_slice(self.names.quoted(d));
                }
                out.extend_from_slice(b",\"explicit_parameters\":");
                write_str_list(out, r.explicit_parameters.unwrap_or(&[]));
                out.extend_from_slice(b",\"undelegated_secondary_exposures\":");
                self.write_exposures(out, r.undelegated.as_deref().unwrap_or(&[]));
                // Per-parameter layers: the rule that set each parameter.
                if let Some(ids) = &r.parameter_rule_ids {
                    out.extend_from_slice(b",\"parameter_rule_ids\":{");
                    for (i, (param, rule)) in ids.iter().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        write_str(out, param);
                        out.push(b':');
                        write_str(out, rule);
                    }
                    out.push(b'}');
                }
            }
            Shape::Gate => unreachable!("gates returned above"),
        }
        out.push(b'}');
    }

    /// An exposure list, de-duplicated on the unhashed gate|value|rule (first kept), gate
    /// names hashed.
    fn write_exposures(&mut self, out: &mut Vec<u8>, list: &[Exposure<'s>]) {
        self.scratch.clear();
        out.push(b'[');
        for e in list {
            if e.gate.starts_with("segment:") || self.scratch.contains(e) {
                continue;
            }
            if !self.scratch.is_empty() {
                out.push(b',');
            }
            self.scratch.push(*e);
            out.extend_from_slice(b"{\"gate\":");
            out.extend_from_slice(self.names.quoted(e.gate));
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

    pub fn hash(&self) -> HashAlgo {
        self.hash
    }
}

/// Per config index: whether the spec's rules depend (through `pass_gate`, `fail_gate` and
/// `multi_*` conditions, transitively) on a gate whose value the legacy SDK computes
/// differently (a rule returning `false`, a `true` default, a disabled gate with rules).
/// Only those can have a legacy-only group (§4.4).
fn legacy_sensitive_configs(specs: &CompiledSpecs) -> Vec<bool> {
    let gate_refs = |spec: &Spec| -> Vec<u32> {
        spec.rules
            .iter()
            .flat_map(|r| r.conditions.iter())
            .flat_map(|&c| specs.conditions[c as usize].gates.iter())
            .filter_map(|g| g.index)
            .collect()
    };
    let mut differs: Vec<bool> = specs
        .gates
        .iter()
        .map(|g| {
            g.default_value.bool == Some(true)
                || (!g.enabled && !g.rules.is_empty())
                || g.rules.iter().any(|r| r.return_value.bool == Some(false))
        })
        .collect();
    let refs: Vec<Vec<u32>> = specs.gates.iter().map(gate_refs).collect();
    loop {
        let mut changed = false;
        for (i, r) in refs.iter().enumerate() {
            if !differs[i] && r.iter().any(|&j| differs[j as usize]) {
                differs[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    specs
        .configs
        .iter()
        .map(|c| gate_refs(c).iter().any(|&j| differs[j as usize]))
        .collect()
}

/// The fields of the logged user (§8), in the order Statsig's SDKs name them.
const USER_FIELDS: &[&str] = &[
    "userID",
    "customIDs",
    "email",
    "ip",
    "userAgent",
    "country",
    "locale",
    "appVersion",
    "custom",
    "statsigEnvironment",
];

/// `,"user":...,"evaluated_keys":...[,"pa_hash":...]`.
fn write_user_fields(out: &mut Vec<u8>, user: &User, specs: &CompiledSpecs) {
    out.extend_from_slice(b",\"user\":{");
    // One pass over the user's keys (no hashing), then the fields in SDK order.
    let mut found: [Option<&Json>; USER_FIELDS.len()] = [None; USER_FIELDS.len()];
    for (k, v) in &user.json {
        if let Some(i) = USER_FIELDS.iter().position(|f| f == k) {
            found[i] = Some(v).filter(|v| !v.is_null());
        }
    }
    let mut first = true;
    for (&k, v) in USER_FIELDS.iter().zip(found) {
        let mut field = |out: &mut Vec<u8>| {
            if !first {
                out.push(b',');
            }
            first = false;
            write_str(out, k);
            out.push(b':');
        };
        match (k, v) {
            (_, Some(v)) => {
                field(out);
                let _ = serde_json::to_writer(&mut *out, v);
            }
            ("userID", None) => {
                field(out);
                out.extend_from_slice(b"\"\"");
            }
            ("statsigEnvironment", None) => {
                if let Some(t) = specs.default_environment.as_deref() {
                    field(out);
                    out.extend_from_slice(b"{\"tier\":");
                    write_str(out, t);
                    out.push(b'}');
                }
            }
            _ => {}
        }
    }
    out.extend_from_slice(b"},\"evaluated_keys\":{");
    let mut first = true;
    if let Some(id) = user.user_id.str().filter(|s| !s.is_empty()) {
        out.extend_from_slice(b"\"userID\":");
        write_str(out, id);
        first = false;
    }
    if !user.custom_ids.is_empty() {
        if !first {
            out.push(b',');
        }
        out.extend_from_slice(b"\"customIDs\":{");
        for (i, (k, v)) in user.custom_ids.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_str(out, k);
            out.push(b':');
            write_str(out, v.str().unwrap_or(""));
        }
        out.push(b'}');
    }
    out.push(b'}');
    if !user.private_attributes.is_empty() {
        let mut sum: u32 = 0;
        for (k, v) in &user.private_attributes {
            let s = format!("{k}:{}", v.str().unwrap_or(""));
            sum = sum.wrapping_add(djb2_u32(&s));
        }
        out.extend_from_slice(b",\"pa_hash\":\"");
        out.extend_from_slice(sum.to_string().as_bytes());
        out.push(b'"');
    }
}

/// §6: parameter stores with names and references hashed; nothing evaluated.
fn write_param_stores(
    out: &mut Vec<u8>,
    specs: &CompiledSpecs,
    target: TargetApp<'_>,
    hash: HashAlgo,
) {
    let stores: Option<Map<String, Json>> = specs
        .param_stores
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok());
    let mut result = Map::new();
    for (name, store) in stores.into_iter().flatten() {
        let ids: Option<Vec<Box<str>>> = store
            .get("targetAppIDs")
            .and_then(Json::as_array)
            .map(|a| a.iter().filter_map(Json::as_str).map(Box::from).collect());
        if !app_keeps(target, ids.as_deref()) {
            continue;
        }
        let mut params = Map::new();
        if let Some(ps) = store.get("parameters").and_then(Json::as_object) {
            for (pname, p) in ps {
                let Some(p) = p.as_object() else { continue };
                let mut np = Map::new();
                np.insert("name".into(), Json::String(pname.clone()));
                let ref_type = p.get("ref_type").and_then(Json::as_str).unwrap_or("");
                let keys: &[&str] = match ref_type {
                    "static" => &["ref_type", "param_type", "value"],
                    "gate" => &[
                        "ref_type",
                        "param_type",
                        "gate_name",
                        "pass_value",
                        "fail_value",
                    ],
                    "dynamic_config" => &["ref_type", "param_type", "config_name", "param_name"],
                    "experiment" => &["ref_type", "param_type", "experiment_name", "param_name"],
                    "layer" => &["ref_type", "param_type", "layer_name", "param_name"],
                    _ => &[],
                };
                if keys.is_empty() {
                    // Unknown reference type: copied as it is.
                    for (k, v) in p {
                        np.insert(k.clone(), v.clone());
                    }
                    np.insert("name".into(), Json::String(pname.clone()));
                }
                for &k in keys {
                    let Some(v) = p.get(k) else { continue };
                    let v = match (k, v) {
                        (
                            "gate_name" | "config_name" | "experiment_name" | "layer_name",
                            Json::String(s),
                        ) => Json::String(hash.hash(s)),
                        _ => v.clone(),
                    };
                    np.insert(k.into(), v);
                }
                params.insert(pname.clone(), Json::Object(np));
            }
        }
        result.insert(hash.hash(&name), Json::Object(params));
    }
    let _ = serde_json::to_writer(&mut *out, &result);
}

/// `sdkInfo.sessionId`: one per run, like an SDK instance.
fn session_id() -> String {
    crate::util::ids::session_id().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{Parsed, parse_payload};

    /// The complete example of client-initialize.md §9.
    const DCS: &str = r#"{"response_format":"dcs-v2","has_updates":true,"time":1700000000000,
 "feature_gates":{
  "is_employee":{"type":"feature_gate","entity":"feature_gate","salt":"emp_salt","enabled":true,
   "defaultValue":false,"idType":"userID","rules":[{"name":"emp_rule","id":"emp_rule","salt":"emp_rule",
   "passPercentage":100,"returnValue":true,"idType":"userID","conditions":["c1"]}]},
  "new_feature":{"type":"feature_gate","entity":"feature_gate","salt":"nf_salt","enabled":true,
   "defaultValue":false,"idType":"userID","rules":[{"name":"nf_rule","id":"nf_rule","salt":"nf_rule",
   "passPercentage":50,"returnValue":true,"idType":"userID","conditions":["c2"]}]},
  "segment:beta":{"type":"feature_gate","entity":"segment","salt":"s","enabled":true,
   "defaultValue":false,"idType":"userID","rules":[]}},
 "dynamic_configs":{"checkout_exp":{"type":"dynamic_config","entity":"experiment","salt":"exp_salt",
   "enabled":true,"defaultValue":{"button_color":"blue"},"idType":"userID","isActive":true,
   "hasSharedParams":true,"explicitParameters":["button_color"],"rules":[
   {"name":"ctl","id":"ctl","salt":"ctl","groupName":"Control","isExperimentGroup":true,"passPercentage":100,
    "returnValue":{"button_color":"blue"},"idType":"userID","conditions":["c3"]},
   {"name":"tst","id":"tst","salt":"tst","groupName":"Test","isExperimentGroup":true,"passPercentage":100,
    "returnValue":{"button_color":"green"},"idType":"userID","conditions":["c0"]}]}},
 "layer_configs":{"checkout_layer":{"type":"dynamic_config","entity":"layer","salt":"ls","enabled":true,
   "defaultValue":{"button_color":"blue"},"idType":"userID","rules":[{"name":"experimentAssignment",
   "id":"experimentAssignment","salt":"","passPercentage":100,"returnValue":{"button_color":"blue"},
   "idType":"userID","conditions":["c0"],"configDelegate":"checkout_exp"}]}},
 "condition_map":{
  "c0":{"type":"public","idType":"userID"},
  "c1":{"type":"user_field","targetValue":["@example.com"],"operator":"str_ends_with_any",
   "field":"email","idType":"userID"},
  "c2":{"type":"pass_gate","targetValue":"is_employee","idType":"userID"},
  "c3":{"type":"user_bucket","targetValue":500,"operator":"lt","additionalValues":{"salt":"exp_salt"},
   "idType":"userID"}},
 "experiment_to_layer":{"checkout_exp":"checkout_layer"}}"#;

    const EXPECTED: &str = r#"{"feature_gates":{
  "458439203":{"name":"458439203","rule_id":"emp_rule","secondary_exposures":[],"id_type":"userID","value":true},
  "2571119447":{"name":"2571119447","rule_id":"nf_rule","secondary_exposures":[
     {"gate":"458439203","gateValue":"true","ruleID":"emp_rule"}],"id_type":"userID","value":true}},
 "dynamic_configs":{"1463022500":{"name":"1463022500","rule_id":"tst","secondary_exposures":[],
   "id_type":"userID","value":{"button_color":"green"},"is_device_based":false,"is_in_layer":true,
   "explicit_parameters":["button_color"],"group_name":"Test","is_experiment_active":true,
   "is_user_in_experiment":true,"group":"tst"}},
 "layer_configs":{"1516108056":{"name":"1516108056","rule_id":"tst","secondary_exposures":[],
   "value":{"button_color":"green"},"id_type":"userID","is_device_based":false,"group_name":"Test",
   "is_experiment_active":true,"is_user_in_experiment":true,"allocated_experiment_name":"1463022500",
   "explicit_parameters":["button_color"],"undelegated_secondary_exposures":[],"group":"tst"}},
 "time":1700000000000,"has_updates":true,"hash_used":"djb2",
 "user":{"userID":"user-1","email":"pat@example.com"},
 "sdkParams":{},"evaluated_keys":{"userID":"user-1"},"param_stores":{}}"#;

    fn compile(json: &str) -> CompiledSpecs {
        match parse_payload(json.as_bytes(), "test").unwrap() {
            Parsed::Specs(s) => *s,
            Parsed::NoUpdates => panic!("no updates"),
        }
    }

    fn response(specs: &CompiledSpecs, opts: &GcirOptions, user: &str) -> Json {
        let mut ci = ClientInit::new(specs, opts).unwrap();
        let user = User::parse(user, "u").unwrap();
        let mut ev = Evaluator::new(specs, &user, ci.eval_options(1_700_000_000_000));
        let mut out = Vec::new();
        ci.write(&mut out, &mut ev);
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn complete_example_of_the_spec() {
        let specs = compile(DCS);
        let opts = GcirOptions::default();
        let mut got = response(
            &specs,
            &opts,
            r#"{"userID":"user-1","email":"pat@example.com"}"#,
        );
        let info = got.as_object_mut().unwrap().remove("sdkInfo").unwrap();
        assert_eq!(info["sdkType"], "statsig-cli");
        assert_eq!(info["sessionId"].as_str().unwrap().len(), 36);
        let expected: Json = serde_json::from_str(EXPECTED).unwrap();
        assert_eq!(got, expected);
    }

    #[test]
    fn hash_algorithms_shape_names() {
        let specs = compile(DCS);
        for (hash, key) in [
            (HashAlgo::None, "is_employee"),
            (
                HashAlgo::Sha256,
                "fLxsUz+gI7JJ4sqBM/Gmj5oDlcqIOBd58eUOIFlUUDI=",
            ),
            (HashAlgo::Djb2, "458439203"),
        ] {
            let opts = GcirOptions {
                hash,
                ..GcirOptions::default()
            };
            let got = response(
                &specs,
                &opts,
                r#"{"userID":"user-1","email":"a@example.com"}"#,
            );
            assert_eq!(got["hash_used"], hash.as_str());
            assert_eq!(got["feature_gates"][key]["name"], key);
            let nf = &got["feature_gates"][&hash.hash("new_feature")];
            assert_eq!(nf["secondary_exposures"][0]["gate"], key);
            assert_eq!(
                got["layer_configs"][&hash.hash("checkout_layer")]["allocated_experiment_name"],
                hash.hash("checkout_exp").as_str()
            );
        }
    }

    #[test]
    fn entity_filters_apply_per_entity_type() {
        let specs = compile(DCS);
        let opts = GcirOptions {
            hash: HashAlgo::None,
            gates: Some(vec!["new_feature".into()]),
            ..GcirOptions::default()
        };
        let got = response(&specs, &opts, r#"{"userID":"u"}"#);
        let gates = got["feature_gates"].as_object().unwrap();
        assert_eq!(gates.keys().collect::<Vec<_>>(), ["new_feature"]);
        assert!(got["dynamic_configs"].get("checkout_exp").is_some());
        let opts = GcirOptions {
            hash: HashAlgo::None,
            experiments: Some(vec![]),
            layers: Some(vec![]),
            ..GcirOptions::default()
        };
        let got = response(&specs, &opts, r#"{"userID":"u"}"#);
        assert!(got["dynamic_configs"].as_object().unwrap().is_empty());
        assert!(got["layer_configs"].as_object().unwrap().is_empty());
    }

    #[test]
    fn user_echo_drops_private_attributes_and_hashes_them() {
        let specs = compile(DCS);
        let got = response(
            &specs,
            &GcirOptions::default(),
            r#"{"email":"a@b.c","privateAttributes":{"k":"v"},"customIDs":{"stableID":"s"}}"#,
        );
        assert_eq!(
            got["user"],
            serde_json::json!({"userID":"","email":"a@b.c","customIDs":{"stableID":"s"}})
        );
        assert_eq!(
            got["evaluated_keys"],
            serde_json::json!({"customIDs":{"stableID":"s"}})
        );
        assert_eq!(got["pa_hash"], djb2("k:v"));
    }

    const APPS: &str = r#"{"time":5,"app_id":"dcs_app",
      "sdk_keys_to_app_ids":{"client-a":"app_a","client-null":null},
      "feature_gates":[
        {"name":"for_a","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
         "defaultValue":false,"idType":"userID","rules":[],"targetAppIDs":["app_a"]},
        {"name":"for_b","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
         "defaultValue":false,"idType":"userID","rules":[],"targetAppIDs":["app_b"]},
        {"name":"untargeted","type":"feature_gate","entity":"feature_gate","salt":"s","enabled":true,
         "defaultValue":false,"idType":"userID","rules":[]}],
      "dynamic_configs":[],"layer_configs":[]}"#;

    fn gate_names(specs: &CompiledSpecs, opts: &GcirOptions) -> Vec<String> {
        let got = response(specs, opts, r#"{"userID":"u"}"#);
        got["feature_gates"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    }

    #[test]
    fn target_app_filtering() {
        let specs = compile(APPS);
        let none = GcirOptions {
            hash: HashAlgo::None,
            ..GcirOptions::default()
        };
        assert_eq!(gate_names(&specs, &none), ["for_a", "for_b", "untargeted"]);
        let by_key = GcirOptions {
            client_key: Some("client-a".into()),
            ..none.clone()
        };
        assert_eq!(gate_names(&specs, &by_key), ["for_a"]);
        let by_id = GcirOptions {
            target_app_id: Some("app_b".into()),
            ..none.clone()
        };
        assert_eq!(gate_names(&specs, &by_id), ["for_b"]);
        for key in ["client-null", "client-unknown"] {
            let bad = GcirOptions {
                client_key: Some(key.into()),
                ..none.clone()
            };
            let e = resolve_target_app(&specs, &bad).unwrap_err();
            assert_eq!(e.exit_code(), crate::error::ExitCode::Input);
            assert!(e.to_string().contains("maps to no app"), "{e}");
        }
    }

    #[test]
    fn hashed_client_keys_resolve() {
        let json = APPS.replace(
            r#""sdk_keys_to_app_ids":{"client-a":"app_a","client-null":null}"#,
            &format!(
                r#""hashed_sdk_keys_to_app_ids":{{"{}":"app_b"}}"#,
                djb2("client-b")
            ),
        );
        let specs = compile(&json);
        let opts = GcirOptions {
            hash: HashAlgo::None,
            client_key: Some("client-b".into()),
            ..GcirOptions::default()
        };
        assert_eq!(gate_names(&specs, &opts), ["for_b"]);
    }

    #[test]
    fn a_reused_builder_writes_what_a_fresh_one_does() {
        // Serialized entry forms are kept from user to user: users reaching different rules
        // (and the same rules again) in turn must get the bytes a fresh builder writes.
        let specs = compile(DCS);
        let opts = GcirOptions::default();
        let users = [
            r#"{"userID":"a","email":"pat@example.com"}"#,
            r#"{"userID":"b","email":"pat@other.com"}"#,
            r#"{"userID":"c"}"#,
            r#"{"userID":"a","email":"pat@example.com"}"#,
            r#"{"customIDs":{"stableID":"s"}}"#,
            r#"{"userID":"b","email":"pat@other.com"}"#,
        ];
        let strip = |mut v: Json| {
            v.as_object_mut().unwrap().remove("sdkInfo");
            v
        };
        let mut reused = ClientInit::new(&specs, &opts).unwrap();
        for u in users {
            let user = User::parse(u, "u").unwrap();
            let mut ev = Evaluator::new(&specs, &user, reused.eval_options(1_700_000_000_000));
            let mut out = Vec::new();
            reused.write(&mut out, &mut ev);
            let got: Json = serde_json::from_slice(&out).unwrap();
            assert_eq!(strip(got), strip(response(&specs, &opts, u)), "{u}");
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut v = Vec::new();
        write_str(&mut v, "plain");
        write_str(&mut v, "q\"\\\n");
        assert_eq!(String::from_utf8(v).unwrap(), r#""plain""q\"\\\n""#);
    }
}
