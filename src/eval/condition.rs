//! One function per condition type: find the value, then apply the operator
//! (evaluation.md §5–§6).

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::eval::country::country_for_ip;
use crate::eval::evaluator::Evaluator;
use crate::eval::trace::{ConditionStep, IdListCheck, Origin, Trace};
use crate::eval::ua::parse_user_agent;
use crate::spec::model::{
    BucketSet, CondKind, Condition, Field, Kind, Op, Target, TargetKind, TopField, UaField, probe,
};
use crate::spec::value::Value;
use crate::user::User;
use crate::util::hash;

static MISSING: Value = Value::MISSING;

/// Evaluates one condition into `ev.result.bool` (or sets `ev.result.unsupported`), and
/// reports it to the trace when one is on.
pub(crate) fn evaluate<'s, T: Trace>(ev: &mut Evaluator<'s, '_, T>, c: &'s Condition) {
    let was_unsupported = ev.result.unsupported;
    let value = evaluate_value(ev, c);
    if T::ON {
        trace(ev, c, value.as_deref(), was_unsupported);
    }
}

/// The condition proper; returns the value the operator compared, if any.
fn evaluate_value<'a, 's: 'a, 'u: 'a, T: Trace>(
    ev: &mut Evaluator<'s, 'u, T>,
    c: &'s Condition,
) -> Option<Cow<'a, Value>> {
    let user = ev.user;
    let value: Cow<'a, Value> = match c.kind {
        CondKind::Public => {
            ev.result.bool = true;
            return None;
        }
        CondKind::PassGate | CondKind::FailGate => {
            let g = &c.gates[0];
            ev.nested_gate(&g.name, g.index, c.kind == CondKind::FailGate);
            return None;
        }
        CondKind::MultiPassGate | CondKind::MultiFailGate => {
            multi_gate(ev, c);
            return None;
        }
        CondKind::Unknown => {
            ev.result.unsupported = true;
            return None;
        }
        CondKind::UserField => borrowed(get_field(user, c.field.as_ref())),
        CondKind::UaBased => match get_field(user, c.field.as_ref()) {
            Some(v) => Cow::Borrowed(v),
            None => ua_value(user, c.field.as_ref()),
        },
        CondKind::IpBased => match get_field(user, c.field.as_ref()) {
            Some(v) => Cow::Borrowed(v),
            None => ip_value(user, c.field.as_ref()),
        },
        CondKind::EnvironmentField => environment_value(user, ev.specs, c.field.as_ref()),
        CondKind::CurrentTime => Cow::Owned(Value::int_only(ev.opts.now_ms)),
        CondKind::UserBucket => {
            let t = &c.id_type;
            let unit = user
                .unit_id(&t.name, &t.lower, t.is_user_id)
                .and_then(Value::str)
                .unwrap_or("");
            let b = ev.buckets.user_bucket(&c.bucket_salt, unit);
            if !T::ON
                && let Some(pass) = bucket_fast(b, c)
            {
                ev.result.bool = pass;
                return None;
            }
            Cow::Owned(Value::from_small_uint(b as u32))
        }
        CondKind::UnitId => {
            let t = &c.id_type;
            borrowed(user.unit_id(&t.name, &t.lower, t.is_user_id))
        }
        CondKind::TargetApp => match ev.opts.app_id {
            Some(a) => Cow::Owned(Value::from_str_value(a)),
            None => Cow::Borrowed(&MISSING),
        },
        CondKind::ExperimentGroup => {
            let sub = ev.separate(Kind::Config, c.experiment);
            match sub.and_then(|r| r.group_name) {
                Some(g) => Cow::Owned(Value::from_str_value(g)),
                None => Cow::Borrowed(&MISSING),
            }
        }
    };
    let v = value.as_ref();
    let t = &c.target;
    ev.result.bool = match c.op {
        Op::Missing | Op::Unknown => {
            ev.result.unsupported = true;
            return Some(value);
        }
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => match (v.f, t.f) {
            (Some(a), Some(b)) => match c.op {
                Op::Gt => a > b,
                Op::Gte => a >= b,
                Op::Lt => a < b,
                _ => a <= b,
            },
            _ => false,
        },
        Op::VersionGt
        | Op::VersionGte
        | Op::VersionLt
        | Op::VersionLte
        | Op::VersionEq
        | Op::VersionNeq => match (v.str(), t.s.as_deref()) {
            (Some(a), Some(b)) => match compare_versions(a, b) {
                Some(o) => match c.op {
                    Op::VersionGt => o == Ordering::Greater,
                    Op::VersionGte => o != Ordering::Less,
                    Op::VersionLt => o == Ordering::Less,
                    Op::VersionLte => o != Ordering::Greater,
                    Op::VersionEq => o == Ordering::Equal,
                    _ => o != Ordering::Equal,
                },
                None => false,
            },
            _ => false,
        },
        Op::Any
        | Op::None
        | Op::StrStartsWithAny
        | Op::StrEndsWithAny
        | Op::StrContainsAny
        | Op::StrContainsNone => {
            let hit = strings_in_target(v.lower().unwrap_or(""), t, c.op);
            if matches!(c.op, Op::None | Op::StrContainsNone) {
                !hit
            } else {
                hit
            }
        }
        Op::AnyCaseSensitive | Op::NoneCaseSensitive => {
            let left = v.str().unwrap_or("");
            let hit = t.kind == TargetKind::Array && probe(&t.exact_sorted, left);
            if c.op == Op::NoneCaseSensitive {
                !hit
            } else {
                hit
            }
        }
        Op::StrMatches => match (v.str(), &t.regex) {
            (Some(s), Some(re)) => re.is_match(s).unwrap_or(false),
            _ => false,
        },
        Op::Eq => equals(v, t),
        Op::Neq => !equals(v, t),
        Op::Before | Op::After | Op::On => compare_time(v, t, c.op),
        Op::InSegmentList | Op::NotInSegmentList => {
            let hit = match (t.s.as_deref(), v.str()) {
                (Some(list), Some(id)) => in_id_list(ev.specs, list, id),
                _ => false,
            };
            if c.op == Op::NotInSegmentList {
                !hit
            } else {
                hit
            }
        }
        Op::ArrayContainsAny
        | Op::ArrayContainsNone
        | Op::ArrayContainsAll
        | Op::NotArrayContainsAll => compare_arrays(v, t, c.op),
    };
    Some(value)
}

/// A `user_bucket` condition decided on the bucket number, without building its value
/// (the operators that read only its number or its decimal string; others: `None`).
fn bucket_fast(b: u64, c: &Condition) -> Option<bool> {
    let t = &c.target;
    let f = b as f64;
    Some(match c.op {
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => match t.f {
            Some(x) => match c.op {
                Op::Gt => f > x,
                Op::Gte => f >= x,
                Op::Lt => f < x,
                _ => f <= x,
            },
            None => false,
        },
        Op::Any | Op::None if b < BucketSet::LIMIT && t.buckets.is_some() => {
            let hit = t.buckets.as_ref().is_some_and(|s| s.contains(b));
            if c.op == Op::None { !hit } else { hit }
        }
        Op::Any | Op::None => {
            // The decimal digits of b (< 1000), on the stack: what `Value::lower` holds.
            let mut buf = [0u8; 20];
            let mut at = buf.len();
            let mut n = b;
            loop {
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            let digits = std::str::from_utf8(&buf[at..]).expect("ASCII digits");
            let hit = strings_in_target(digits, t, c.op);
            if c.op == Op::None { !hit } else { hit }
        }
        _ => return None,
    })
}

/// §11.1: whether the id's hash is in the named list (a list not loaded holds nothing).
fn in_id_list(specs: &crate::spec::CompiledSpecs, list: &str, id: &str) -> bool {
    match specs.id_lists.get(list) {
        Some(l) => {
            let key = hash::id_list_key(id);
            std::str::from_utf8(&key).is_ok_and(|k| l.contains(k))
        }
        None => {
            specs.missing_id_lists.note(list);
            false
        }
    }
}

/// Reports a condition that just ran, with where its value came from.
#[cold]
fn trace<'s, T: Trace>(
    ev: &mut Evaluator<'s, '_, T>,
    c: &'s Condition,
    value: Option<&Value>,
    was_unsupported: bool,
) {
    let user = ev.user;
    let field_origin = || match lookup_field(user, c.field.as_ref()) {
        Some((_, o)) => o,
        None => Origin::Missing,
    };
    let origin = match c.kind {
        CondKind::Public
        | CondKind::PassGate
        | CondKind::FailGate
        | CondKind::MultiPassGate
        | CondKind::MultiFailGate
        | CondKind::Unknown => Origin::None,
        CondKind::UserField => field_origin(),
        CondKind::UaBased => match lookup_field(user, c.field.as_ref()) {
            Some((_, o)) => o,
            None if UA_FIELD.with(|f| get_field(user, Some(f)).is_none()) => Origin::NoUserAgent,
            None => Origin::UserAgent(c.field.as_ref().map_or("", |f| &f.name)),
        },
        CondKind::IpBased => match lookup_field(user, c.field.as_ref()) {
            Some((_, o)) => o,
            None => {
                Origin::IpCountry(IP_FIELD.with(|f| get_field(user, Some(f)).and_then(Value::str)))
            }
        },
        CondKind::EnvironmentField => match c.field.as_ref() {
            Some(f) if find(&user.environment, &f.name).is_some() => Origin::Environment {
                key: &f.name,
                default: false,
            },
            Some(f) if value.is_some_and(|v| !v.is_null) => Origin::Environment {
                key: &f.name,
                default: true,
            },
            _ => Origin::Missing,
        },
        CondKind::CurrentTime => Origin::Now,
        CondKind::UserBucket => {
            let t = &c.id_type;
            Origin::Bucket {
                unit_id: user
                    .unit_id(&t.name, &t.lower, t.is_user_id)
                    .and_then(Value::str)
                    .unwrap_or(""),
                id_type: &t.name,
                salt: &c.bucket_salt,
            }
        }
        CondKind::UnitId => Origin::UnitId(&c.id_type.name),
        CondKind::TargetApp => Origin::TargetApp,
        CondKind::ExperimentGroup => Origin::ExperimentGroup,
    };
    let id_list = match (c.op, c.target.s.as_deref()) {
        (Op::InSegmentList | Op::NotInSegmentList, Some(list)) => {
            let id = value.and_then(Value::str);
            Some(IdListCheck {
                list,
                hashed: id
                    .map(|id| String::from_utf8_lossy(&hash::id_list_key(id)).into_owned())
                    .unwrap_or_default(),
                list_loaded: ev.specs.id_lists.get(list).is_some(),
                in_list: id.is_some_and(|id| in_id_list(ev.specs, list, id)),
            })
        }
        _ => None,
    };
    let unsupported = ev.result.unsupported && !was_unsupported;
    let step = ConditionStep {
        cond: c,
        value,
        origin,
        id_list,
        passed: ev.result.bool && !unsupported,
        unsupported,
    };
    ev.trace.condition(&step);
}

fn borrowed(v: Option<&Value>) -> Cow<'_, Value> {
    Cow::Borrowed(v.unwrap_or(&MISSING))
}

fn top_value(user: &User, f: TopField) -> Option<&Value> {
    match f {
        TopField::UserId => Some(&user.user_id),
        TopField::Email => user.email.as_ref(),
        TopField::Ip => user.ip.as_ref(),
        TopField::Country => user.country.as_ref(),
        TopField::Locale => user.locale.as_ref(),
        TopField::AppVersion => user.app_version.as_ref(),
        TopField::UserAgent => user.user_agent.as_ref(),
    }
}

fn find<'a>(entries: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// §5.1 user-field lookup (the Rust core's order).
#[inline]
pub(crate) fn get_field<'u>(user: &'u User, field: Option<&Field>) -> Option<&'u Value> {
    lookup_field(user, field).map(|(v, _)| v)
}

/// [`get_field`] saying where the value was found.
#[inline]
fn lookup_field<'u>(user: &'u User, field: Option<&Field>) -> Option<(&'u Value, Origin<'u>)> {
    let f = field?;
    if let Some(top) = f.top
        && let Some(v) = top_value(user, top)
        && v.str().is_some_and(|s| !s.is_empty())
    {
        return Some((v, Origin::Top(top_name(top))));
    }
    if let Some((k, v)) =
        find_entry(&user.custom, &f.name).or_else(|| find_entry(&user.custom, &f.lower))
    {
        return Some((v, Origin::Custom(k)));
    }
    if let Some((k, v)) = find_entry(&user.private_attributes, &f.name)
        .or_else(|| find_entry(&user.private_attributes, &f.lower))
    {
        return Some((v, Origin::Private(k)));
    }
    f.alias
        .and_then(|a| top_value(user, a).map(|v| (v, Origin::Top(top_name(a)))))
}

fn top_name(f: TopField) -> &'static str {
    match f {
        TopField::UserId => "userID",
        TopField::Email => "email",
        TopField::Ip => "ip",
        TopField::Country => "country",
        TopField::Locale => "locale",
        TopField::AppVersion => "appVersion",
        TopField::UserAgent => "userAgent",
    }
}

fn find_entry<'a>(entries: &'a [(String, Value)], key: &str) -> Option<(&'a str, &'a Value)> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(k, v)| (k.as_str(), v))
}

fn ua_value<'u>(user: &'u User, field: Option<&Field>) -> Cow<'u, Value> {
    let Some(which) = field.and_then(|f| f.ua) else {
        return Cow::Borrowed(&MISSING);
    };
    let parsed = user.ua_cache.get_or_init(|| {
        let ua = UA_FIELD.with(|f| {
            get_field(user, Some(f))
                .and_then(Value::str)
                .map(str::to_string)
        })?;
        if ua.len() > 1000 {
            return None;
        }
        let p = parse_user_agent(&ua);
        Some(Box::new([
            Value::from_str_value(&p.os_name),
            Value::from_str_value(&p.os_version),
            Value::from_str_value(&p.browser_name),
            Value::from_str_value(&p.browser_version),
        ]))
    });
    match parsed {
        Some(values) => Cow::Borrowed(
            &values[match which {
                UaField::OsName => 0,
                UaField::OsVersion => 1,
                UaField::BrowserName => 2,
                UaField::BrowserVersion => 3,
            }],
        ),
        None => Cow::Borrowed(&MISSING),
    }
}

thread_local! {
    static UA_FIELD: Field = crate::spec::compile::field("userAgent");
    static IP_FIELD: Field = crate::spec::compile::field("ip");
}

fn ip_value<'u>(user: &'u User, field: Option<&Field>) -> Cow<'u, Value> {
    if field.map(|f| &*f.name) != Some("country") {
        return Cow::Borrowed(&MISSING);
    }
    let country = user.country_cache.get_or_init(|| {
        let ip = IP_FIELD.with(|f| {
            get_field(user, Some(f))
                .and_then(Value::str)
                .map(str::to_string)
        });
        country_for_ip(&ip?).map(Value::from_str_value)
    });
    match country {
        Some(c) => Cow::Borrowed(c),
        None => Cow::Borrowed(&MISSING),
    }
}

fn environment_value<'a>(
    user: &'a User,
    specs: &'a crate::spec::CompiledSpecs,
    field: Option<&Field>,
) -> Cow<'a, Value> {
    let Some(f) = field else {
        return Cow::Borrowed(&MISSING);
    };
    if let Some(v) = find(&user.environment, &f.name) {
        return Cow::Borrowed(v);
    }
    if let Some(tier) = &specs.default_environment_value
        && (&*f.name == "tier" || &*f.lower == "tier")
    {
        return Cow::Borrowed(tier);
    }
    Cow::Borrowed(&MISSING)
}

fn strings_in_target(left_lower: &str, t: &Target, op: Op) -> bool {
    match t.kind {
        TargetKind::Object => matches!(op, Op::Any | Op::None) && probe(&t.keys_sorted, left_lower),
        TargetKind::Array => match op {
            Op::Any | Op::None => probe(&t.lower_sorted, left_lower),
            Op::StrStartsWithAny => t.elems.iter().any(|e| left_lower.starts_with(&*e.lower)),
            Op::StrEndsWithAny => t.elems.iter().any(|e| left_lower.ends_with(&*e.lower)),
            _ => t.elems.iter().any(|e| left_lower.contains(&*e.lower)),
        },
        _ => false,
    }
}

/// Compares dotted versions lazily (§6.2); `None` when a reached component does not parse.
pub(crate) fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let a = a.split('-').next().unwrap_or("");
    let b = b.split('-').next().unwrap_or("");
    let mut ia = a.split('.');
    let mut ib = b.split('.');
    loop {
        let (pa, pb) = (ia.next(), ib.next());
        if pa.is_none() && pb.is_none() {
            return Some(Ordering::Equal);
        }
        let na = match pa {
            None => 0,
            Some(s) => s.trim().parse::<i128>().ok()?,
        };
        let nb = match pb {
            None => 0,
            Some(s) => s.trim().parse::<i128>().ok()?,
        };
        if na != nb {
            return Some(na.cmp(&nb));
        }
    }
}

fn equals(v: &Value, t: &Target) -> bool {
    match t.kind {
        TargetKind::Null => v.is_null,
        TargetKind::Bool => v.b.is_some() && v.b == t.b,
        TargetKind::Number => v.f.is_some() && v.f == t.f,
        TargetKind::String => v.str().is_some() && v.str() == t.s.as_deref(),
        TargetKind::Array => {
            let Some(elems) = &v.elems else { return false };
            if elems.len() != t.collapsed.len() {
                return false;
            }
            t.collapsed.iter().all(|(i, e)| {
                elems
                    .get(*i)
                    .and_then(|x| x.as_deref())
                    .is_some_and(|x| x == &*e.s)
            })
        }
        TargetKind::Object => {
            let Some(entries) = &v.entries else {
                return false;
            };
            entries.len() == t.entries.len()
                && t.entries.iter().all(|(k, tv)| {
                    entries
                        .iter()
                        .find(|(ek, _)| ek == &**k)
                        .and_then(|(_, s)| s.as_deref())
                        .is_some_and(|s| s == &**tv)
                })
        }
    }
}

fn compare_time(v: &Value, t: &Target, op: Op) -> bool {
    let Some(left) = v.ts.or(v.i) else {
        return false;
    };
    let left = if left.unsigned_abs() < 10_000_000_000 {
        left.saturating_mul(1000)
    } else {
        left
    };
    let Some(right) = t.ts.or(t.f.map(|f| f as i64)) else {
        return false;
    };
    match op {
        Op::Before => left < right,
        Op::After => left > right,
        _ => left / 86_400_000 == right / 86_400_000,
    }
}

fn compare_arrays(v: &Value, t: &Target, op: Op) -> bool {
    if t.kind != TargetKind::Array {
        return false;
    }
    let Some(elems) = &v.elems else {
        return false;
    };
    let has = |item: &str| elems.iter().any(|e| e.as_deref().unwrap_or("") == item);
    let items = t.collapsed.iter().map(|(_, e)| &*e.s);
    match op {
        Op::ArrayContainsAny => items.into_iter().any(has),
        Op::ArrayContainsNone => !items.into_iter().any(has),
        Op::ArrayContainsAll => items.into_iter().all(has),
        _ => !items.into_iter().all(has),
    }
}

/// §7.4 `multi_pass_gate` / `multi_fail_gate` (legacy semantics).
fn multi_gate<'s, T: Trace>(ev: &mut Evaluator<'s, '_, T>, c: &'s Condition) {
    let want_pass = c.kind == CondKind::MultiPassGate;
    let mut found = false;
    for g in &c.gates {
        let (value, rule_id) = match ev.separate(Kind::Gate, g.index) {
            Some(r) => (r.bool, r.rule_id.unwrap_or("")),
            None => (false, ""),
        };
        ev.result.secondary_exposures.push(crate::result::Exposure {
            gate: &g.name,
            value,
            rule_id,
        });
        if value == want_pass {
            found = true;
            break;
        }
    }
    ev.result.bool = found;
}

#[cfg(test)]
#[path = "condition_tests.rs"]
mod tests;
