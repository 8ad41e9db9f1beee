//! Hooks through which the evaluator reports every rule and condition it looked at (for
//! `--explain`), and [`Recorder`], which keeps them as a tree. The default [`NoTrace`] has
//! `ON = false`: the evaluator then builds no step details at all, so an untraced evaluation
//! costs what it did before tracing existed.

use serde::Serialize;
use serde_json::Value as Json;

use crate::result::EvalResult;
use crate::spec::model::{CondKind, Condition, Kind, Op, Rule, Spec, TargetKind};
use crate::spec::value::Value;

/// Receives evaluation steps. Every method has an empty default.
pub trait Trace: Sized {
    /// Whether the evaluator should build step details (false only for [`NoTrace`]).
    const ON: bool = true;
    fn enter_spec(&mut self, _spec: &Spec) {}
    /// A rule's conditions are about to run.
    fn rule_start(&mut self, _spec: &Spec, _rule_index: usize) {}
    /// One condition ran.
    fn condition(&mut self, _step: &ConditionStep<'_>) {}
    /// A matched rule's pass-percentage roll.
    fn roll(&mut self, _roll: &Roll<'_>) {}
    /// How a rule ended.
    fn rule(&mut self, _spec: &Spec, _rule_index: usize, _outcome: RuleOutcome) {}
    /// A nested gate answered from the memo of this evaluation (it ran earlier).
    fn memo(&mut self, _gate: &str, _value: bool, _rule_id: Option<&str>) {}
    /// A local override decided the result.
    fn local_override(&mut self, _kind: Kind, _name: &str, _matched: &OverrideMatch) {}
    /// A config mapping (`overrides` in the payload) sent the evaluation to another spec.
    fn config_mapping(&mut self, _from: &str, _to: &str) {}
    /// A config-mapping rule (`override_rules`) of `from`, leading to `to`, is about to
    /// run; its conditions and roll follow, then [`Trace::mapping_rule_end`].
    fn mapping_rule_start(&mut self, _from: &str, _to: &str, _rule: &Rule) {}
    /// How that rule ended: `Pass` (mapped), `RollFail`, `NoMatch` or `Unsupported`.
    fn mapping_rule_end(&mut self, _outcome: RuleOutcome) {}
    fn exit_spec(&mut self, _spec: &Spec, _result: &EvalResult<'_>) {}
    /// A fresh trace for a separate evaluation (`experiment_group`, `multi_*_gate`).
    fn fork(&self) -> Self;
    /// Takes in the trace of a separate evaluation, made by [`Trace::fork`].
    fn absorb(&mut self, _child: Self) {}
}

/// How a rule ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOutcome {
    /// A condition was Unsupported: evaluation stops.
    Unsupported,
    /// Not every condition passed: on to the next rule.
    NoMatch,
    /// Matched and handed over to its experiment.
    Delegated,
    /// Matched and the pass-percentage roll passed: the rule's value.
    Pass,
    /// Matched but the roll failed: the default value, with this rule's id.
    RollFail,
}

/// Which local-override entry matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum OverrideMatch {
    UserId { id: String },
    CustomId { id_type: String, id: String },
    Everyone,
}

/// Where the value a condition compared came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin<'a> {
    /// No user value (public, gate conditions).
    None,
    /// A top-level user field (`email`, `userID`...), by its wire name.
    Top(&'static str),
    Custom(&'a str),
    /// A private attribute: its value is never shown.
    Private(&'a str),
    /// Not found on the user.
    Missing,
    /// Parsed from the user agent (`os_name`, `browser_version`...).
    UserAgent(&'a str),
    /// A user-agent field, but the user has no user agent.
    NoUserAgent,
    /// The country looked up from this IP.
    IpCountry(Option<&'a str>),
    /// `statsigEnvironment[key]`, or the payload's default environment.
    Environment {
        key: &'a str,
        default: bool,
    },
    Now,
    /// A `user_bucket` value: the unit id hashed with the salt.
    Bucket {
        unit_id: &'a str,
        id_type: &'a str,
        salt: &'a str,
    },
    UnitId(&'a str),
    TargetApp,
    /// The group of a separate evaluation of this experiment.
    ExperimentGroup,
}

/// An id-list membership check (`in_segment_list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdListCheck<'a> {
    pub list: &'a str,
    /// The first 8 characters of the value's sha256 (base64): what the list holds.
    pub hashed: String,
    pub list_loaded: bool,
    pub in_list: bool,
}

/// One condition as it ran.
#[derive(Debug)]
pub struct ConditionStep<'a> {
    pub cond: &'a Condition,
    /// The value the operator compared (`None` for `public` and gate conditions).
    pub value: Option<&'a Value>,
    pub origin: Origin<'a>,
    pub id_list: Option<IdListCheck<'a>>,
    pub passed: bool,
    pub unsupported: bool,
}

/// A pass-percentage roll.
#[derive(Debug)]
pub struct Roll<'a> {
    pub unit_id: &'a str,
    pub id_type: &'a str,
    /// `None` at 0 % and 100 %, where nothing is hashed.
    pub bucket: Option<u64>,
    pub pass_percentage: f64,
    pub passed: bool,
}

/// No tracing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl Trace for NoTrace {
    const ON: bool = false;
    fn fork(&self) -> Self {
        NoTrace
    }
}

// ---------------------------------------------------------------------------------------
// The recorded tree.

/// One spec as evaluated: its rules as far as they ran, and what it returned.
#[derive(Debug, Clone, Serialize)]
pub struct SpecTrace {
    pub entity: String,
    pub name: String,
    pub enabled: bool,
    pub id_type: String,
    pub rules: Vec<RuleTrace>,
    /// The spec's result as it left it (gate `true`/`false`, else the value).
    pub value: Json,
    pub rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleTrace {
    /// 1-based position in the spec.
    pub index: usize,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    pub pass_percentage: f64,
    pub conditions: Vec<ConditionTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roll: Option<RollTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegated_to: Option<Box<SpecTrace>>,
    pub outcome: RuleOutcome,
    /// Nested specs evaluated for the condition now running.
    #[serde(skip)]
    pending: Vec<SpecTrace>,
    #[serde(skip)]
    pending_memo: Option<MemoTrace>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConditionTrace {
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The target; arrays longer than [`TARGET_SHOWN`] are cut (see `target_count`).
    pub target: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_count: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_type: Option<String>,
    /// The user's value as the operator saw it (the number parsed, the lower-cased string,
    /// the version, the time in ms). Absent for private attributes and valueless conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_value: Option<Json>,
    /// Where that value came from, in words (`custom.level`, `os_name parsed from userAgent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<BucketTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_list: Option<IdListTrace>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nested: Vec<SpecTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memoized: Option<MemoTrace>,
    /// `pass`, `fail` or `unsupported`.
    pub result: &'static str,
}

/// A `user_bucket` value: `sha256(salt.unit_id) % 1000`.
#[derive(Debug, Clone, Serialize)]
pub struct BucketTrace {
    pub unit_id: String,
    pub id_type: String,
    pub salt: String,
    pub bucket: i64,
    pub of: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct IdListTrace {
    pub list: String,
    pub hashed: String,
    pub list_loaded: bool,
    pub in_list: bool,
}

/// A nested gate answered from the memo.
#[derive(Debug, Clone, Serialize)]
pub struct MemoTrace {
    pub gate: String,
    pub value: bool,
    pub rule_id: String,
}

/// `sha256(spec_salt.rule_salt.unit_id) % 10000` against `pass_percentage × 100`.
#[derive(Debug, Clone, Serialize)]
pub struct RollTrace {
    pub unit_id: String,
    pub id_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<u64>,
    pub of: u32,
    pub threshold: f64,
    pub in_rollout: bool,
}

/// `value_from` of a value the user does not have.
pub const NOT_SET: &str = "not set on the user";

/// Array targets show at most this many elements.
pub const TARGET_SHOWN: usize = 10;

/// A config-mapping rule as it ran, before any spec.
#[derive(Debug, Clone, Serialize)]
pub struct MappingRuleTrace {
    /// The spec this rule would send the user to.
    pub to: String,
    #[serde(flatten)]
    pub rule: RuleTrace,
}

/// Collects the trace as a tree of [`SpecTrace`]s.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    /// Specs being evaluated, outermost first.
    stack: Vec<SpecTrace>,
    /// Finished top-level specs (more than one after a separate evaluation was absorbed).
    pub roots: Vec<SpecTrace>,
    pub override_match: Option<OverrideMatch>,
    /// `(from, to)` of a config mapping that applied.
    pub mapping: Option<(String, String)>,
    /// The config-mapping rules tried (applied or not), in order.
    pub mapping_rules: Vec<MappingRuleTrace>,
    /// A config-mapping rule is running (its conditions belong to it).
    mapping_open: bool,
    /// Trace of separate evaluations waiting for the condition that asked for them.
    absorbed: Vec<SpecTrace>,
}

impl Recorder {
    fn open_rule(&mut self) -> Option<&mut RuleTrace> {
        match self.stack.last_mut() {
            Some(s) => s.rules.last_mut(),
            None if self.mapping_open => self.mapping_rules.last_mut().map(|m| &mut m.rule),
            None => None,
        }
    }

    /// Whether nothing (no spec, no config-mapping rule) is being evaluated.
    fn at_top(&self) -> bool {
        self.stack.is_empty() && !self.mapping_open
    }
}

impl Trace for Recorder {
    fn fork(&self) -> Self {
        Recorder::default()
    }

    fn enter_spec(&mut self, spec: &Spec) {
        let entity = match spec.entity.as_str() {
            "" => spec.type_.to_string(),
            e => e.to_string(),
        };
        self.stack.push(SpecTrace {
            entity,
            name: spec.name.to_string(),
            enabled: spec.enabled,
            id_type: spec.id_type.to_string(),
            rules: Vec::new(),
            value: Json::Null,
            rule_id: String::new(),
            group_name: None,
        });
    }

    fn rule_start(&mut self, spec: &Spec, rule_index: usize) {
        let r = &spec.rules[rule_index];
        if let Some(s) = self.stack.last_mut() {
            s.rules.push(RuleTrace {
                index: rule_index + 1,
                id: r.id.to_string(),
                group_name: r.group_name.as_deref().map(str::to_string),
                pass_percentage: r.pass_percentage,
                conditions: Vec::new(),
                roll: None,
                delegated_to: None,
                outcome: RuleOutcome::NoMatch,
                pending: Vec::new(),
                pending_memo: None,
            });
        }
    }

    fn condition(&mut self, step: &ConditionStep<'_>) {
        let mut nested = std::mem::take(&mut self.absorbed);
        let Some(rule) = self.open_rule() else {
            return;
        };
        let mut pending = std::mem::take(&mut rule.pending);
        pending.append(&mut nested);
        let memo = rule.pending_memo.take();
        rule.conditions.push(condition_trace(step, pending, memo));
    }

    fn roll(&mut self, roll: &Roll<'_>) {
        if let Some(rule) = self.open_rule() {
            rule.roll = Some(RollTrace {
                unit_id: roll.unit_id.to_string(),
                id_type: roll.id_type.to_string(),
                bucket: roll.bucket,
                of: 10_000,
                threshold: roll.pass_percentage * 100.0,
                in_rollout: roll.passed,
            });
        }
    }

    fn rule(&mut self, _spec: &Spec, _rule_index: usize, outcome: RuleOutcome) {
        if let Some(rule) = self.open_rule() {
            rule.outcome = outcome;
            if outcome == RuleOutcome::Delegated {
                rule.delegated_to = rule.pending.pop().map(Box::new);
            }
        }
    }

    fn memo(&mut self, gate: &str, value: bool, rule_id: Option<&str>) {
        if let Some(rule) = self.open_rule() {
            rule.pending_memo = Some(MemoTrace {
                gate: gate.to_string(),
                value,
                rule_id: rule_id.unwrap_or("").to_string(),
            });
        }
    }

    fn local_override(&mut self, _kind: Kind, _name: &str, matched: &OverrideMatch) {
        if self.stack.is_empty() {
            self.override_match = Some(matched.clone());
        }
    }

    fn config_mapping(&mut self, from: &str, to: &str) {
        if self.stack.is_empty() {
            self.mapping = Some((from.to_string(), to.to_string()));
        }
    }

    fn mapping_rule_start(&mut self, _from: &str, to: &str, rule: &Rule) {
        if !self.stack.is_empty() {
            return;
        }
        self.mapping_rules.push(MappingRuleTrace {
            to: to.to_string(),
            rule: RuleTrace {
                index: self.mapping_rules.len() + 1,
                id: rule.id.to_string(),
                group_name: None,
                pass_percentage: rule.pass_percentage,
                conditions: Vec::new(),
                roll: None,
                delegated_to: None,
                outcome: RuleOutcome::NoMatch,
                pending: Vec::new(),
                pending_memo: None,
            },
        });
        self.mapping_open = true;
    }

    fn mapping_rule_end(&mut self, outcome: RuleOutcome) {
        if self.stack.is_empty()
            && self.mapping_open
            && let Some(m) = self.mapping_rules.last_mut()
        {
            m.rule.outcome = outcome;
            self.mapping_open = false;
        }
    }

    fn exit_spec(&mut self, spec: &Spec, result: &EvalResult<'_>) {
        let Some(mut s) = self.stack.pop() else {
            return;
        };
        s.value = match spec.kind {
            Kind::Gate => Json::Bool(result.bool),
            _ => result
                .json
                .and_then(|j| serde_json::from_str(&j.json).ok())
                .unwrap_or(Json::Null),
        };
        s.rule_id = result.rule_id_str().to_string();
        s.group_name = result.group_name.map(str::to_string);
        match self.open_rule() {
            Some(rule) => rule.pending.push(s),
            None => self.roots.push(s),
        }
    }

    fn absorb(&mut self, mut child: Self) {
        if self.at_top() {
            self.roots.append(&mut child.roots);
        } else {
            self.absorbed.append(&mut child.roots);
        }
    }
}

fn condition_trace(
    step: &ConditionStep<'_>,
    nested: Vec<SpecTrace>,
    memoized: Option<MemoTrace>,
) -> ConditionTrace {
    let c = step.cond;
    let target: Json = serde_json::from_str(&c.target_json).unwrap_or(Json::Null);
    let (target, target_count) = match target {
        Json::Array(mut a) => {
            let n = a.len();
            a.truncate(TARGET_SHOWN);
            (Json::Array(a), Some(n))
        }
        t => (t, None),
    };
    let unit_based = matches!(c.kind, CondKind::UserBucket | CondKind::UnitId);
    let private = matches!(step.origin, Origin::Private(_));
    let user_value = match (step.value, private) {
        (Some(v), false) => Some(seen(v, c)),
        _ => None,
    };
    let bucket = match step.origin {
        Origin::Bucket {
            unit_id,
            id_type,
            salt,
        } => Some(BucketTrace {
            unit_id: unit_id.to_string(),
            id_type: id_type.to_string(),
            salt: salt.to_string(),
            bucket: step.value.and_then(|v| v.i).unwrap_or(0),
            of: 1000,
        }),
        _ => None,
    };
    ConditionTrace {
        type_: c.type_.to_string(),
        field: c.field.as_ref().map(|f| f.name.to_string()),
        operator: c.op_raw.as_deref().map(str::to_string),
        target,
        target_count,
        id_type: unit_based.then(|| c.id_type.name.to_string()),
        user_value,
        value_from: origin_text(&step.origin),
        bucket,
        id_list: step.id_list.as_ref().map(|l| IdListTrace {
            list: l.list.to_string(),
            hashed: l.hashed.clone(),
            list_loaded: l.list_loaded,
            in_list: l.in_list,
        }),
        nested,
        memoized,
        result: if step.unsupported {
            "unsupported"
        } else if step.passed {
            "pass"
        } else {
            "fail"
        },
    }
}

fn origin_text(o: &Origin<'_>) -> Option<String> {
    Some(match o {
        Origin::None => return None,
        Origin::Top(f) => (*f).to_string(),
        Origin::Custom(k) => format!("custom.{k}"),
        Origin::Private(k) => format!("privateAttributes.{k} (value not shown)"),
        Origin::Missing => NOT_SET.into(),
        Origin::NoUserAgent => "no userAgent to parse".into(),
        Origin::UserAgent(f) => format!("{f} parsed from userAgent"),
        Origin::IpCountry(Some(ip)) => format!("country looked up from ip {ip}"),
        Origin::IpCountry(None) => "country: no ip to look up".into(),
        Origin::Environment { key, default } => {
            if *default {
                format!("{key} from the payload's default environment")
            } else {
                format!("statsigEnvironment.{key}")
            }
        }
        Origin::Now => "now".into(),
        Origin::Bucket {
            unit_id, id_type, ..
        } => format!("bucket of {id_type} {unit_id:?}"),
        Origin::UnitId(t) if t.eq_ignore_ascii_case("userid") => "userID".into(),
        Origin::UnitId(t) => format!("customIDs.{t}"),
        Origin::TargetApp => "the app in scope".into(),
        Origin::ExperimentGroup => "group of a separate evaluation".into(),
    })
}

/// The facet of `v` the condition's operator reads, as JSON: the number for numeric
/// operators, the lower-cased string for case-insensitive ones, the version text, the time
/// in ms, the elements for array operators. `null` when the facet is missing.
pub fn seen(v: &Value, c: &Condition) -> Json {
    let s = |x: Option<&str>| x.map_or(Json::Null, |x| Json::String(x.to_string()));
    let num = |f: Option<f64>| {
        f.and_then(|f| {
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                Some(Json::from(f as i64))
            } else {
                serde_json::Number::from_f64(f).map(Json::Number)
            }
        })
        .unwrap_or(Json::Null)
    };
    match c.op {
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => num(v.f),
        Op::VersionGt
        | Op::VersionGte
        | Op::VersionLt
        | Op::VersionLte
        | Op::VersionEq
        | Op::VersionNeq => s(v.str().map(|x| x.split('-').next().unwrap_or(""))),
        Op::Any
        | Op::None
        | Op::StrStartsWithAny
        | Op::StrEndsWithAny
        | Op::StrContainsAny
        | Op::StrContainsNone => s(Some(v.lower().unwrap_or(""))),
        Op::AnyCaseSensitive | Op::NoneCaseSensitive => s(Some(v.str().unwrap_or(""))),
        Op::StrMatches | Op::InSegmentList | Op::NotInSegmentList => s(v.str()),
        Op::Before | Op::After | Op::On => match v.ts.or(v.i) {
            Some(t) if t.unsigned_abs() < 10_000_000_000 => Json::from(t.saturating_mul(1000)),
            Some(t) => Json::from(t),
            None => Json::Null,
        },
        Op::ArrayContainsAny
        | Op::ArrayContainsNone
        | Op::ArrayContainsAll
        | Op::NotArrayContainsAll => match &v.elems {
            Some(e) => Json::Array(
                e.iter()
                    .map(|x| s(Some(x.as_deref().unwrap_or(""))))
                    .collect(),
            ),
            None => Json::Null,
        },
        Op::Eq | Op::Neq => match c.target.kind {
            TargetKind::Null => {
                if v.is_null {
                    Json::Null
                } else {
                    s(v.str())
                }
            }
            TargetKind::Bool => v.b.map_or(Json::Null, Json::Bool),
            TargetKind::Number => num(v.f),
            TargetKind::String => s(v.str()),
            TargetKind::Array => match &v.elems {
                Some(e) => Json::Array(e.iter().map(|x| s(x.as_deref())).collect()),
                None => Json::Null,
            },
            TargetKind::Object => match &v.entries {
                Some(e) => Json::Object(
                    e.iter()
                        .map(|(k, x)| (k.clone(), s(x.as_deref())))
                        .collect(),
                ),
                None => Json::Null,
            },
        },
        Op::Missing | Op::Unknown => s(v.str()),
    }
}
