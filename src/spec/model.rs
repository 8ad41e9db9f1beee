//! The compiled spec: one typed form for v1 and v2 payloads, built once and evaluated many
//! times. Names are resolved to indices, targets pre-parsed, constant values pre-serialized.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use fancy_regex::Regex;

use crate::spec::id_lists::IdLists;

/// Which wire form a payload came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    V1,
    V2,
}

/// Which collection a spec lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Gate,
    Config,
    Layer,
}

/// The `entity` of a spec. Old v1 payloads omit it; compilation then reads it from `type`,
/// and `Missing` remains only when that says nothing either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entity {
    FeatureGate,
    Segment,
    Holdout,
    DynamicConfig,
    Experiment,
    Autotune,
    Layer,
    Other(Box<str>),
    Missing,
}

impl Entity {
    pub fn parse(s: Option<&str>) -> Entity {
        match s {
            None => Entity::Missing,
            Some("feature_gate") => Entity::FeatureGate,
            Some("segment") => Entity::Segment,
            Some("holdout") => Entity::Holdout,
            Some("dynamic_config") => Entity::DynamicConfig,
            Some("experiment") => Entity::Experiment,
            Some("autotune") => Entity::Autotune,
            Some("layer") => Entity::Layer,
            Some(o) => Entity::Other(o.into()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Entity::FeatureGate => "feature_gate",
            Entity::Segment => "segment",
            Entity::Holdout => "holdout",
            Entity::DynamicConfig => "dynamic_config",
            Entity::Experiment => "experiment",
            Entity::Autotune => "autotune",
            Entity::Layer => "layer",
            Entity::Other(s) => s,
            Entity::Missing => "",
        }
    }
}

/// A constant JSON value from the spec (`returnValue`, `defaultValue`), serialized once.
#[derive(Debug, Clone, PartialEq)]
pub struct Returnable {
    /// Compact JSON text, ready to copy into output.
    pub json: Box<str>,
    /// Literally the boolean `true` / `false`.
    pub bool: Option<bool>,
    /// Top-level keys, in order, when the value is an object (a layer's parameters).
    pub keys: Box<[Box<str>]>,
}

impl Returnable {
    /// A value of a payload being compiled ([`crate::spec::tree`]).
    pub fn from_node(v: &crate::spec::tree::Node<'_>) -> Returnable {
        Returnable {
            json: v.compact().into(),
            bool: v.as_bool(),
            keys: v
                .as_object()
                .map(|o| o.keys().map(Box::from).collect())
                .unwrap_or_default(),
        }
    }

    pub fn from_json(v: &serde_json::Value) -> Returnable {
        Returnable {
            json: compact_json(v).into(),
            bool: v.as_bool(),
            keys: v
                .as_object()
                .map(|o| o.keys().map(|k| Box::from(k.as_str())).collect())
                .unwrap_or_default(),
        }
    }
}

/// A JSON value as compact text, byte for byte what `serde_json::to_string` writes, with
/// strings that need no escaping (nearly all) copied without a per-byte escape loop.
pub fn compact_json(v: &serde_json::Value) -> String {
    use serde_json::Value as J;
    let mut out = Vec::with_capacity(match v {
        J::String(s) => s.len() + 2,
        J::Array(_) | J::Object(_) => 64,
        // The longest number serde_json writes (a float) is 24 bytes.
        _ => 24,
    });
    write_compact(&mut out, v);
    // Only whole UTF-8 strings and ASCII are written.
    String::from_utf8(out).unwrap_or_else(|_| "null".into())
}

fn write_compact(out: &mut Vec<u8>, v: &serde_json::Value) {
    use serde_json::Value as J;
    match v {
        J::Null => out.extend_from_slice(b"null"),
        J::Bool(true) => out.extend_from_slice(b"true"),
        J::Bool(false) => out.extend_from_slice(b"false"),
        J::Number(n) => {
            let _ = serde_json::to_writer(&mut *out, n);
        }
        J::String(s) => crate::util::json_str::write_str(out, s),
        J::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_compact(out, x);
            }
            out.push(b']');
        }
        J::Object(o) => {
            out.push(b'{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                crate::util::json_str::write_str(out, k);
                out.push(b':');
                write_compact(out, x);
            }
            out.push(b'}');
        }
    }
}

#[derive(Debug)]
pub struct Spec {
    pub name: Box<str>,
    pub kind: Kind,
    pub entity: Entity,
    /// The wire `type` (`feature_gate`, `dynamic_config`).
    pub type_: Box<str>,
    pub salt: Box<str>,
    pub enabled: bool,
    pub default_value: Returnable,
    pub rules: Vec<Rule>,
    pub id_type: Box<str>,
    pub version: Option<i64>,
    pub is_active: Option<bool>,
    pub has_shared_params: Option<bool>,
    pub explicit_parameters: Option<Vec<Box<str>>>,
    pub target_app_ids: Option<Vec<Box<str>>>,
    pub forward_all_exposures: bool,
    /// `useNewLayerEval`: a layer whose every passing rule contributes parameters.
    pub use_new_layer_eval: bool,
    /// Why the legacy loader would drop this spec (unknown operator or condition type);
    /// such a spec evaluates as Unsupported.
    pub dropped: Option<Box<str>>,
}

impl Spec {
    /// Whether the spec is meant for client payloads and `evaluate` output as a gate.
    pub fn is_segment_or_holdout(&self) -> bool {
        matches!(self.entity, Entity::Segment | Entity::Holdout)
    }
}

#[derive(Debug)]
pub struct Rule {
    pub id: Box<str>,
    pub name: Box<str>,
    pub salt: Box<str>,
    pub pass_percentage: f64,
    pub return_value: Returnable,
    /// Indices into [`CompiledSpecs::conditions`].
    pub conditions: Vec<u32>,
    /// The order an untraced evaluation runs them in ([`Rule::plan`]).
    pub plan: ConditionPlan,
    pub id_type: UnitType,
    pub group_name: Option<Box<str>>,
    pub is_experiment_group: bool,
    /// Delegate experiment: name and its index in the configs, when it exists and is usable.
    pub config_delegate: Option<(Box<str>, Option<u32>)>,
    pub sampling_rate: Option<i64>,
}

/// The order in which an untraced evaluation runs a rule's conditions. The core runs every
/// condition of a rule, and those with effects besides their answer (nested gates and
/// experiments, `unsupported`, a missing id list) must run in the rule's order; the pure
/// ones ([`Condition::is_pure`]) change only the answer, so they may run in any order, after
/// the others, and stop at the first that fails. Cheap ones go first, so a user who fails a
/// rule on a field comparison is not hashed for its `user_bucket`; `public` is dropped,
/// as it always passes.
#[derive(Debug, Clone, Default)]
pub struct ConditionPlan {
    /// The effectful conditions in the rule's order, then the pure ones, cheapest first.
    pub order: Box<[u32]>,
    /// How many of `order` are effectful.
    pub effectful: u32,
}

impl ConditionPlan {
    /// The plan for conditions `rule` (indices into `table`).
    pub fn new(rule: &[u32], table: &[Condition]) -> ConditionPlan {
        if rule.iter().any(|&ci| table[ci as usize].leaves_answer()) {
            // Such a condition leaves the previous condition's answer in the rule's (an
            // Unsupported result shows it, §10.2): every condition runs in the rule's order.
            return ConditionPlan {
                order: rule.into(),
                effectful: rule.len() as u32,
            };
        }
        let mut effectful: Vec<u32> = Vec::new();
        let mut pure: Vec<(u8, u32)> = Vec::new();
        for &ci in rule {
            let c = &table[ci as usize];
            if !c.is_pure() {
                effectful.push(ci);
            } else if c.kind != CondKind::Public {
                pure.push((c.kind.cost(), ci));
            }
        }
        pure.sort_by_key(|&(cost, _)| cost); // stable: the rule's order within a cost
        let n = effectful.len() as u32;
        effectful.extend(pure.into_iter().map(|(_, ci)| ci));
        ConditionPlan {
            order: effectful.into_boxed_slice(),
            effectful: n,
        }
    }
}

/// An id type with its lookups pre-computed.
#[derive(Debug, Clone)]
pub struct UnitType {
    pub name: Box<str>,
    pub lower: Box<str>,
    pub is_user_id: bool,
}

impl UnitType {
    pub fn new(name: &str) -> UnitType {
        let lower = name.to_lowercase();
        UnitType {
            is_user_id: lower == "userid",
            name: name.into(),
            lower: lower.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CondKind {
    Public,
    PassGate,
    FailGate,
    MultiPassGate,
    MultiFailGate,
    UserField,
    IpBased,
    UaBased,
    EnvironmentField,
    CurrentTime,
    UserBucket,
    UnitId,
    TargetApp,
    ExperimentGroup,
    /// Unknown type (or a v2 condition key missing from `condition_map`).
    Unknown,
}

impl CondKind {
    /// The relative cost of evaluating a pure condition of this kind: a field comparison, a
    /// parse of the user agent or a lookup of the IP (memoized per user), a sha256.
    fn cost(self) -> u8 {
        match self {
            CondKind::UaBased | CondKind::IpBased => 1,
            CondKind::UserBucket => 2,
            _ => 0,
        }
    }

    pub fn parse(s: &str) -> CondKind {
        match s {
            "public" => CondKind::Public,
            "pass_gate" => CondKind::PassGate,
            "fail_gate" => CondKind::FailGate,
            "multi_pass_gate" => CondKind::MultiPassGate,
            "multi_fail_gate" => CondKind::MultiFailGate,
            "user_field" => CondKind::UserField,
            "ip_based" => CondKind::IpBased,
            "ua_based" => CondKind::UaBased,
            "environment_field" => CondKind::EnvironmentField,
            "current_time" => CondKind::CurrentTime,
            "user_bucket" => CondKind::UserBucket,
            "unit_id" => CondKind::UnitId,
            "target_app" => CondKind::TargetApp,
            "experiment_group" => CondKind::ExperimentGroup,
            _ => CondKind::Unknown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Gt,
    Gte,
    Lt,
    Lte,
    VersionGt,
    VersionGte,
    VersionLt,
    VersionLte,
    VersionEq,
    VersionNeq,
    Any,
    None,
    AnyCaseSensitive,
    NoneCaseSensitive,
    StrStartsWithAny,
    StrEndsWithAny,
    StrContainsAny,
    StrContainsNone,
    StrMatches,
    Eq,
    Neq,
    Before,
    After,
    On,
    InSegmentList,
    NotInSegmentList,
    ArrayContainsAny,
    ArrayContainsNone,
    ArrayContainsAll,
    NotArrayContainsAll,
    /// `operator: null`.
    Missing,
    Unknown,
}

impl Op {
    pub fn parse(s: &str) -> Op {
        match s {
            "gt" => Op::Gt,
            "gte" => Op::Gte,
            "lt" => Op::Lt,
            "lte" => Op::Lte,
            "version_gt" => Op::VersionGt,
            "version_gte" => Op::VersionGte,
            "version_lt" => Op::VersionLt,
            "version_lte" => Op::VersionLte,
            "version_eq" => Op::VersionEq,
            "version_neq" => Op::VersionNeq,
            "any" => Op::Any,
            "none" => Op::None,
            "any_case_sensitive" => Op::AnyCaseSensitive,
            "none_case_sensitive" => Op::NoneCaseSensitive,
            "str_starts_with_any" => Op::StrStartsWithAny,
            "str_ends_with_any" => Op::StrEndsWithAny,
            "str_contains_any" => Op::StrContainsAny,
            "str_contains_none" => Op::StrContainsNone,
            "str_matches" => Op::StrMatches,
            "eq" => Op::Eq,
            "neq" => Op::Neq,
            "before" => Op::Before,
            "after" => Op::After,
            "on" => Op::On,
            "in_segment_list" => Op::InSegmentList,
            "not_in_segment_list" => Op::NotInSegmentList,
            "array_contains_any" => Op::ArrayContainsAny,
            "array_contains_none" => Op::ArrayContainsNone,
            "array_contains_all" => Op::ArrayContainsAll,
            "not_array_contains_all" => Op::NotArrayContainsAll,
            _ => Op::Unknown,
        }
    }
}

/// The user field a condition reads, with its lookups pre-computed.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: Box<str>,
    pub lower: Box<str>,
    /// `Some` when lower(name) names a top-level user field.
    pub top: Option<TopField>,
    /// `Some` when lower(name) is one of the aliases `user_id`, `app_version`, `user_agent`.
    pub alias: Option<TopField>,
    /// For `ua_based`: which derived field the user agent gives.
    pub ua: Option<UaField>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopField {
    UserId,
    Email,
    Ip,
    Country,
    Locale,
    AppVersion,
    UserAgent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UaField {
    OsName,
    OsVersion,
    BrowserName,
    BrowserVersion,
}

/// A target array element: original string and its lower-cased form.
#[derive(Debug, Clone)]
pub struct TargetElem {
    pub s: Box<str>,
    pub lower: Box<str>,
}

/// `targetValue`, parsed once into the facets the operators read.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub kind: TargetKind,
    pub s: Option<Box<str>>,
    pub lower: Option<Box<str>>,
    pub f: Option<f64>,
    pub ts: Option<i64>,
    pub b: Option<bool>,
    /// Every array element, in order (string as-is, others as JSON text).
    pub elems: Vec<TargetElem>,
    /// Elements collapsed by lower-case form (last spelling wins, at its index), in order of
    /// index — the Rust core's keyed array.
    pub collapsed: Vec<(usize, TargetElem)>,
    /// Lower-cased element strings, in [`probe_order`], for membership tests.
    pub lower_sorted: Vec<Box<str>>,
    /// Exact element strings, in [`probe_order`].
    pub exact_sorted: Vec<Box<str>>,
    /// Object target: keys (as given), in [`probe_order`], and entries (key, value string).
    pub keys_sorted: Vec<Box<str>>,
    pub entries: Vec<(Box<str>, Box<str>)>,
    pub regex: Option<Regex>,
    /// `user_bucket` with `any`/`none`: the members below 1024 as bits (see [`BucketSet`]).
    pub buckets: Option<Box<BucketSet>>,
}

/// The order of a target's sorted strings: by length, then by the first eight bytes read as
/// one big-endian word, then by the rest. Any total order serves a membership test; this
/// one settles most probes of a binary search with two integer comparisons instead of a
/// call to `memcmp` (target lists are mostly short ids of a few lengths).
#[inline]
pub fn probe_order(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len().cmp(&b.len()).then_with(|| {
        let head = |s: &[u8]| {
            let mut w = [0u8; 8];
            let n = s.len().min(8);
            w[..n].copy_from_slice(&s[..n]);
            u64::from_be_bytes(w)
        };
        head(a)
            .cmp(&head(b))
            .then_with(|| a.get(8..).cmp(&b.get(8..)))
    })
}

/// Whether `sorted` (in [`probe_order`]) holds `s`.
#[inline]
pub fn probe(sorted: &[Box<str>], s: &str) -> bool {
    sorted.binary_search_by(|k| probe_order(k, s)).is_ok()
}

/// The bucket numbers a `user_bucket` target lists, as bits: one bit test instead of a
/// binary search of decimal strings. Only canonical decimal forms count (`"7"`, not `"07"`
/// or `"7.0"`): the operator compares the bucket's decimal string, so a non-canonical key
/// never matches and must not set a bit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketSet([u64; 16]);

impl BucketSet {
    /// Bucket numbers are below 1000; anything at or above this is answered by the strings.
    pub const LIMIT: u64 = 1024;

    /// The set of an object target's keys or an array target's lower-cased elements (the
    /// strings `any`/`none` search); `None` for other kinds.
    pub fn of(t: &Target) -> Option<BucketSet> {
        let strings = match t.kind {
            TargetKind::Object => &t.keys_sorted,
            TargetKind::Array => &t.lower_sorted,
            _ => return None,
        };
        let mut bits = [0u64; 16];
        for s in strings {
            // Only a number's own text: digits, no leading zero, no sign.
            let canonical =
                (s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')) || &**s == "0";
            if canonical
                && let Ok(n) = s.parse::<u64>()
                && n < Self::LIMIT
            {
                bits[(n / 64) as usize] |= 1 << (n % 64);
            }
        }
        Some(BucketSet(bits))
    }

    /// Whether bucket `b` (below [`Self::LIMIT`]) is listed.
    #[inline]
    pub fn contains(&self, b: u64) -> bool {
        self.0[(b / 64) as usize] & (1 << (b % 64)) != 0
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TargetKind {
    #[default]
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A nested gate reference: name and index when the gate exists.
#[derive(Debug, Clone)]
pub struct GateRef {
    pub name: Box<str>,
    pub index: Option<u32>,
}

#[derive(Debug)]
pub struct Condition {
    pub kind: CondKind,
    /// The wire type, for messages and `explain`.
    pub type_: Box<str>,
    pub op: Op,
    pub op_raw: Option<Box<str>>,
    pub field: Option<Field>,
    pub target: Target,
    /// `targetValue` as compact JSON text (`null` when absent), for display and diffs.
    pub target_json: Box<str>,
    pub id_type: UnitType,
    /// `additionalValues.salt` for `user_bucket`; equal salts share one allocation
    /// ([`share_bucket_salts`]).
    pub bucket_salt: Arc<str>,
    /// `pass_gate`/`fail_gate`: the gate; `multi_*`: the gates in order.
    pub gates: Vec<GateRef>,
    /// `experiment_group`: the experiment's index in the configs.
    pub experiment: Option<u32>,
}

impl Condition {
    /// Whether evaluating this condition gives no answer of its own (an unknown type or
    /// operator: it only marks the result unsupported).
    pub fn leaves_answer(&self) -> bool {
        self.kind == CondKind::Unknown || matches!(self.op, Op::Missing | Op::Unknown)
    }

    /// Whether evaluating this condition changes nothing but `result.bool`: no nested
    /// evaluation (gates, experiment groups), no `unsupported` flag, no note of a missing id
    /// list. A rule whose outcome is already false may skip such a condition; the others
    /// still run, as the core runs every condition of a rule.
    pub fn is_pure(&self) -> bool {
        match self.kind {
            CondKind::Public => true,
            CondKind::UserField
            | CondKind::IpBased
            | CondKind::UaBased
            | CondKind::EnvironmentField
            | CondKind::CurrentTime
            | CondKind::UserBucket
            | CondKind::UnitId
            | CondKind::TargetApp => !matches!(
                self.op,
                Op::Missing | Op::Unknown | Op::InSegmentList | Op::NotInSegmentList
            ),
            CondKind::PassGate
            | CondKind::FailGate
            | CondKind::MultiPassGate
            | CondKind::MultiFailGate
            | CondKind::ExperimentGroup
            | CondKind::Unknown => false,
        }
    }
}

/// Makes equal `user_bucket` salts one allocation. A user's bucket memo knows a salt by its
/// address, and many conditions hash the same salt with other targets: the experiments of
/// a layer each test their share of the layer's buckets.
pub fn share_bucket_salts(conditions: &mut [Condition]) {
    let mut shared: std::collections::HashSet<Arc<str>> = Default::default();
    for c in conditions.iter_mut().filter(|c| !c.bucket_salt.is_empty()) {
        match shared.get(&*c.bucket_salt) {
            Some(s) => c.bucket_salt = Arc::clone(s),
            None => {
                shared.insert(Arc::clone(&c.bucket_salt));
            }
        }
    }
}

/// `overrides` / `override_rules` (config mapping).
#[derive(Debug, Default)]
pub struct ConfigMapping {
    pub mappings: HashMap<Box<str>, Vec<MappingEntry>>,
    pub rules: HashMap<Box<str>, Rule>,
}

#[derive(Debug)]
pub struct MappingEntry {
    pub new_config_name: Box<str>,
    pub rules: Vec<(Box<str>, i64)>,
}

/// Names of id lists a condition needed but the run did not have: such a condition sees an
/// empty list, so its answer may be wrong, and the run says so once per list (from any
/// worker thread).
#[derive(Debug, Default)]
pub struct MissingIdLists {
    warned: std::sync::Mutex<std::collections::HashSet<Box<str>>>,
}

impl MissingIdLists {
    /// Records that `name` was needed; warns on stderr the first time.
    pub fn note(&self, name: &str) {
        let mut warned = self.warned.lock().unwrap_or_else(|e| e.into_inner());
        if !warned.contains(name) {
            warned.insert(name.into());
            crate::util::warn::warn(format_args!(
                "id list {name:?} is needed by a condition but was not loaded; it is \
                 evaluated as empty (give --id-lists, or drop --no-id-lists)"
            ));
        }
    }

    /// The lists noted so far, sorted.
    pub fn names(&self) -> Vec<Box<str>> {
        let warned = self.warned.lock().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<Box<str>> = warned.iter().cloned().collect();
        v.sort_unstable();
        v
    }
}

/// A fast hasher for spec names (a folded multiply per 8-byte word, then a mix): name
/// lookups happen per evaluation, where SipHash cost more than the lookup's purpose.
#[derive(Debug, Default, Clone, Copy)]
pub struct NameHasher(u64);

const NAME_HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

impl NameHasher {
    /// A folded multiply: the 128-bit product's halves xored, so that every bit of the
    /// word reaches every bit of the state.
    fn add(&mut self, word: u64) {
        let m = u128::from(self.0 ^ word) * u128::from(NAME_HASH_K);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        // The length first: the last word is zero-padded.
        self.add(bytes.len() as u64);
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn finish(&self) -> u64 {
        // MurmurHash3's finalizer: every input bit reaches the low and the high bits.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Spec name → index in its collection.
pub type NameIndex = HashMap<Box<str>, u32, std::hash::BuildHasherDefault<NameHasher>>;

/// How the core samples exposures (`sdk_configs.sampling_mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SamplingMode {
    /// Drop the exposures the sampling rate leaves out.
    On,
    /// Log every exposure, marking the ones `On` would drop (`shadowLogged: dropped`).
    Shadow,
}

/// The payload's `sdk_configs` that matter here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SdkConfigs {
    /// `sampling_mode` `"on"` or `"shadow"`; anything else (or none): no sampling.
    pub sampling_mode: Option<SamplingMode>,
    /// `special_case_sampling_rate`: the rate of exposures of rule `default`, `disabled` or
    /// none.
    pub special_case_sampling_rate: Option<u64>,
}

impl SdkConfigs {
    /// Reads `sdk_configs` as the core does: the mode a string, the rate a number (or a
    /// numeric string), truncated to an integer.
    pub fn from_json(v: Option<&serde_json::Value>) -> SdkConfigs {
        use serde_json::Value as Json;
        let Some(o) = v.and_then(Json::as_object) else {
            return SdkConfigs::default();
        };
        let sampling_mode = match o.get("sampling_mode").and_then(Json::as_str) {
            Some("on") => Some(SamplingMode::On),
            Some("shadow") => Some(SamplingMode::Shadow),
            _ => None,
        };
        let rate = o.get("special_case_sampling_rate").and_then(|r| match r {
            Json::Number(n) => n.as_f64(),
            Json::String(s) => s.parse().ok(),
            _ => None,
        });
        SdkConfigs {
            sampling_mode,
            special_case_sampling_rate: rate.map(|r| r as u64),
        }
    }
}

/// Everything evaluation needs, compiled.
#[derive(Debug)]
pub struct CompiledSpecs {
    pub format: Format,
    /// `sdk_configs`: the exposure sampling settings the payload gives the SDKs.
    pub sdk_configs: SdkConfigs,
    pub gates: Vec<Spec>,
    pub configs: Vec<Spec>,
    pub layers: Vec<Spec>,
    pub gate_index: NameIndex,
    pub config_index: NameIndex,
    pub layer_index: NameIndex,
    pub conditions: Vec<Condition>,
    pub time: i64,
    pub app_id: Option<Box<str>>,
    pub default_environment: Option<Box<str>>,
    /// `default_environment` ready for `environment_field` conditions.
    pub default_environment_value: Option<crate::spec::value::Value>,
    pub sdk_keys_to_app_ids: Option<HashMap<Box<str>, Option<Box<str>>>>,
    pub hashed_sdk_keys_to_app_ids: Option<HashMap<Box<str>, Option<Box<str>>>>,
    pub experiment_to_layer: HashMap<Box<str>, Box<str>>,
    pub config_mapping: ConfigMapping,
    pub id_lists: IdLists,
    /// Id lists conditions asked for that the run does not have, each warned about once.
    pub missing_id_lists: MissingIdLists,
    /// Non-fatal problems found while compiling (unknown operators, dropped specs).
    pub warnings: Vec<String>,
    /// `hashed_sdk_key_used`: djb2 of the server key the payload was made for.
    pub hashed_sdk_key_used: Option<Box<str>>,
    /// `param_stores` as compact JSON, when present.
    pub param_stores: Option<Box<str>>,
    /// `param_stores`, compiled for server-side evaluation.
    pub stores: crate::spec::param_store::ParamStores,
    /// Names of the specs a lazy load left out ([`crate::spec::lazy`]), kept only when one of
    /// the names it was asked for is not in the payload: the did-you-mean of that message
    /// looks at every name.
    pub left_out: Vec<(Kind, Box<str>)>,
}

impl CompiledSpecs {
    pub fn specs(&self, kind: Kind) -> &[Spec] {
        match kind {
            Kind::Gate => &self.gates,
            Kind::Config => &self.configs,
            Kind::Layer => &self.layers,
        }
    }

    pub fn index(&self, kind: Kind, name: &str) -> Option<u32> {
        match kind {
            Kind::Gate => self.gate_index.get(name),
            Kind::Config => self.config_index.get(name),
            Kind::Layer => self.layer_index.get(name),
        }
        .copied()
    }

    /// The index a name lookup finds for the spec at `i`: `i` itself unless a later spec
    /// of the same kind has the same name (the later one wins, as in a JSON object).
    pub fn canonical(&self, kind: Kind, i: u32) -> u32 {
        let index = match kind {
            Kind::Gate => &self.gate_index,
            Kind::Config => &self.config_index,
            Kind::Layer => &self.layer_index,
        };
        if index.len() == self.specs(kind).len() {
            return i;
        }
        self.index(kind, &self.specs(kind)[i as usize].name)
            .unwrap_or(i)
    }

    pub fn get(&self, kind: Kind, name: &str) -> Option<&Spec> {
        self.index(kind, name)
            .map(|i| &self.specs(kind)[i as usize])
    }

    /// `" (did you mean …?)"` over the names of `kind`, for an unknown-name message.
    pub fn suggest(&self, kind: Kind, name: &str) -> String {
        let left_out = self
            .left_out
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| &**n);
        crate::util::suggest::hint(
            name,
            self.specs(kind).iter().map(|s| &*s.name).chain(left_out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn condition(kind: CondKind, op: Op, salt: &str) -> Condition {
        Condition {
            kind,
            type_: "t".into(),
            op,
            op_raw: None,
            field: None,
            target: Target::default(),
            target_json: "null".into(),
            id_type: UnitType::new("userID"),
            bucket_salt: salt.into(),
            gates: Vec::new(),
            experiment: None,
        }
    }

    #[test]
    fn plans_run_effects_in_order_then_pure_conditions_cheapest_first() {
        use CondKind::*;
        let table = [
            condition(UserBucket, Op::Lt, "s"),    // 0: pure, a hash
            condition(PassGate, Op::Any, ""),      // 1: effectful
            condition(UaBased, Op::Any, ""),       // 2: pure, a parse
            condition(Public, Op::Any, ""),        // 3: always true
            condition(UserField, Op::Eq, ""),      // 4: pure, a comparison
            condition(FailGate, Op::Any, ""),      // 5: effectful
            condition(UserField, Op::Missing, ""), // 6: no answer of its own
        ];
        let plan = ConditionPlan::new(&[0, 1, 2, 3, 4, 5], &table);
        assert_eq!((&*plan.order, plan.effectful), (&[1, 5, 4, 2, 0][..], 2));
        // A condition without an answer keeps the rule's order, every condition in it.
        let plan = ConditionPlan::new(&[3, 0, 6, 1], &table);
        assert_eq!((&*plan.order, plan.effectful), (&[3, 0, 6, 1][..], 4));
    }

    #[test]
    fn equal_bucket_salts_share_one_allocation() {
        let mut table = [
            condition(CondKind::UserBucket, Op::Lt, "layer"),
            condition(CondKind::UserBucket, Op::Any, "other"),
            condition(CondKind::UserBucket, Op::None, "layer"),
        ];
        assert!(!Arc::ptr_eq(&table[0].bucket_salt, &table[2].bucket_salt));
        share_bucket_salts(&mut table);
        assert!(Arc::ptr_eq(&table[0].bucket_salt, &table[2].bucket_salt));
        assert!(!Arc::ptr_eq(&table[0].bucket_salt, &table[1].bucket_salt));
        assert_eq!(&*table[2].bucket_salt, "layer");
    }

    #[test]
    fn probes_find_exactly_the_members() {
        // Strings around the 8-byte head: equal heads with other tails, prefixes, NULs and
        // high bytes (a padded head must not make "a" equal "a\0").
        let words = [
            "",
            "a",
            "a\0",
            "b",
            "ab",
            "1",
            "12",
            "123",
            "1234567",
            "12345678",
            "123456789",
            "12345678a",
            "12345679",
            "abcdefgh",
            "abcdefghi",
            "abcdefghj",
            "é",
            "\u{7f}",
            "zz",
            "user-1",
            "user-10",
            "USER-1",
            "dan_1",
            "marcos_3",
            "\u{ff}\u{ff}",
        ];
        for take in [0, 1, 2, 5, 9, 13, words.len()] {
            let mut sorted: Vec<Box<str>> = words[..take].iter().map(|w| Box::from(*w)).collect();
            sorted.sort_by(|a, b| probe_order(a, b));
            for w in words {
                assert_eq!(
                    probe(&sorted, w),
                    words[..take].contains(&w),
                    "{w:?} in {take}"
                );
            }
            for pair in sorted.windows(2) {
                assert_eq!(probe_order(&pair[0], &pair[1]), Ordering::Less);
                assert_eq!(probe_order(&pair[1], &pair[0]), Ordering::Greater);
            }
        }
    }

    fn set(keys: &[&str]) -> BucketSet {
        let mut t = Target {
            kind: TargetKind::Array,
            ..Target::default()
        };
        t.lower_sorted = keys.iter().map(|k| Box::from(*k)).collect();
        BucketSet::of(&t).unwrap()
    }

    #[test]
    fn bucket_sets_hold_the_canonical_numbers_below_the_limit() {
        let s = set(&[
            "0", "7", "07", "8.0", "63", "64", "999", "1023", "1024", "-1", "x", "+5", "", "00",
            " 9", "10 ",
        ]);
        let members: Vec<u64> = (0..BucketSet::LIMIT).filter(|&b| s.contains(b)).collect();
        assert_eq!(members, [0, 7, 63, 64, 999, 1023]);
        assert!(BucketSet::of(&Target::default()).is_none());
    }

    #[test]
    fn name_hashes_spread_over_low_and_high_bits() {
        let b = std::hash::BuildHasherDefault::<NameHasher>::default();
        let names: Vec<String> = (0..4096).map(|i| format!("gate_{i}")).collect();
        let hashes: Vec<u64> = names.iter().map(|n| b.hash_one(n.as_str())).collect();
        let distinct = |f: &dyn Fn(u64) -> u64| {
            let mut v: Vec<u64> = hashes.iter().map(|&h| f(h)).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        // 4096 names into 4096 buckets: a good hash fills well over half of them.
        assert!(distinct(&|h| h & 4095) > 2400);
        assert!(distinct(&|h| h >> 52) > 2400);
        assert_eq!(distinct(&|h| h), 4096);
        // Prefix-sharing names of every length differ.
        assert_ne!(b.hash_one("a"), b.hash_one("a\0"));
    }

    #[test]
    fn compact_json_is_serde_jsons_compact_text() {
        // Escapes, non-ASCII, numbers of every kind, nesting, key order, long strings (the
        // eight-byte escape check, with the escape in the last partial chunk too).
        let long = "x".repeat(1000);
        let texts = [
            r#"{"b":1,"a":[true,false,null,-0,1.5,1e300,12345678901234567890,-7],"é":"ü\u0001"}"#,
            r#"["tab\there","quote\"","back\\slash","\u2028","/"]"#,
            r#"{"nested":{"deeper":{"k":[[],{}]}},"empty":""}"#,
            "\"abcdefgh\\n\"",
            "\"abcdefghi\\n\"",
            "3.0",
        ];
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain([format!("\"{long}\"")])
        {
            let v: serde_json::Value = serde_json::from_str(&t).unwrap();
            assert_eq!(compact_json(&v), serde_json::to_string(&v).unwrap(), "{t}");
        }
    }
}
