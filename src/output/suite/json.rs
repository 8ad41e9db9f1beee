//! The machine report (`--format json`): files, cases, failures with the deciding rule,
//! population statistics, a summary and (with `--coverage`) rule coverage.

use serde_json::{Map, Value as Json, json};

use crate::eval::trace::RuleOutcome;
use crate::output::explain::Explanation;
use crate::output::suite::{condition_at, location, never_decided, summary};
use crate::spec::describe::{Category, collection};
use crate::spec::model::CompiledSpecs;
use crate::suite::decision::{Decided, Decision};
use crate::suite::run::{Coverage, FileReport, Problem, Report};

fn ms(d: std::time::Duration) -> Json {
    json!((d.as_secs_f64() * 1e6).round() / 1e3)
}

fn outcome_key(o: RuleOutcome) -> &'static str {
    match o {
        RuleOutcome::Unsupported => "unsupported",
        RuleOutcome::NoMatch => "no_match",
        RuleOutcome::Delegated => "delegated",
        RuleOutcome::Pass => "pass",
        RuleOutcome::RollFail => "roll_fail",
    }
}

fn decision_json(specs: &CompiledSpecs, d: &Decision) -> Json {
    let Some(spec) = specs.specs(d.kind).get(d.index as usize) else {
        return Json::Null;
    };
    let mut m = Map::new();
    m.insert("entity".into(), json!(&*spec.name));
    m.insert("type".into(), json!(Category::of(spec).as_str()));
    match d.decided {
        Decided::Rule(i) => {
            m.insert("rule".into(), json!(i + 1));
            m.insert(
                "rule_id".into(),
                json!(spec.rules.get(i as usize).map(|r| &*r.id)),
            );
        }
        Decided::Default => {
            m.insert("rule".into(), Json::Null);
            m.insert(
                "rule_id".into(),
                json!(if spec.enabled { "default" } else { "disabled" }),
            );
        }
    }
    let tried: Vec<Json> = d
        .steps
        .iter()
        .map(|s| {
            json!({
                "rule": s.rule + 1,
                "rule_id": spec.rules.get(s.rule as usize).map(|r| &*r.id),
                "outcome": outcome_key(s.outcome),
                "first_failing_condition": s.first_failed.and_then(|o| condition_at(specs, spec, s.rule, o)),
            })
        })
        .collect();
    m.insert("rules_tried".into(), Json::Array(tried));
    if let Some(x) = &d.delegated {
        m.insert("experiment".into(), decision_json(specs, x));
    }
    Json::Object(m)
}

fn file_json(f: &FileReport) -> Json {
    let specs = &f.specs.specs;
    let cases: Vec<Json> = f
        .cases
        .iter()
        .map(|c| {
            let failures: Vec<Json> = c
                .failures
                .iter()
                .map(|fl| {
                    let mut m = Map::new();
                    m.insert("kind".into(), json!(collection(fl.kind)));
                    m.insert("entity".into(), json!(fl.entity));
                    m.insert("location".into(), json!(location(&f.path, fl.pos)));
                    m.insert("message".into(), json!(summary(specs, fl)));
                    match &fl.problem {
                        Problem::UnknownEntity {
                            suggestions,
                            elsewhere,
                        } => {
                            m.insert("check".into(), json!("exists"));
                            m.insert("suggestions".into(), json!(suggestions));
                            m.insert("elsewhere".into(), json!(elsewhere.map(collection)));
                        }
                        Problem::Mismatch {
                            check,
                            expected,
                            actual,
                            decision,
                            explained,
                            users,
                        } => {
                            m.insert("check".into(), json!(check));
                            m.insert("expected".into(), expected.clone());
                            m.insert("actual".into(), actual.clone());
                            m.insert(
                                "decided_by".into(),
                                decision
                                    .as_ref()
                                    .map_or(Json::Null, |d| decision_json(specs, d)),
                            );
                            if let Some(x) = explained {
                                let e = Explanation {
                                    kind: fl.kind,
                                    name: &fl.entity,
                                    reason: x.reason,
                                    trace: &x.trace,
                                };
                                m.insert("explain".into(), e.to_json());
                            }
                            if let Some(u) = users {
                                m.insert(
                                    "users".into(),
                                    json!({"failed": u.failed, "of": u.of,
                                           "first_index": u.index, "first_user": u.user}),
                                );
                            }
                        }
                        Problem::OutOfBounds {
                            check,
                            bounds,
                            hits,
                            of,
                        } => {
                            m.insert("check".into(), json!(check));
                            m.insert("expected".into(), json!([bounds.lo, bounds.hi]));
                            m.insert("actual".into(), json!(*hits as f64 / *of as f64));
                            m.insert("hits".into(), json!(hits));
                            m.insert("of".into(), json!(of));
                        }
                    }
                    Json::Object(m)
                })
                .collect();
            let mut m = Map::new();
            m.insert("name".into(), json!(c.name));
            m.insert("location".into(), json!(location(&f.path, c.pos)));
            m.insert("passed".into(), json!(c.passed()));
            m.insert("duration_ms".into(), ms(c.duration));
            m.insert("failures".into(), Json::Array(failures));
            if let Some(p) = &c.population {
                let entities: Vec<Json> = p
                    .entities
                    .iter()
                    .map(|e| {
                        let mut groups = Map::new();
                        for (g, n) in &e.groups {
                            if let Some(g) = g {
                                groups.insert(g.clone(), json!(n));
                            }
                        }
                        json!({"kind": collection(e.kind), "name": e.name, "passed": e.passed,
                               "pass_rate": e.passed as f64 / p.count as f64, "groups": groups})
                    })
                    .collect();
                m.insert(
                    "population".into(),
                    json!({"count": p.count, "entities": entities}),
                );
            }
            Json::Object(m)
        })
        .collect();
    let skipped: Vec<Json> = f
        .skipped
        .iter()
        .map(|(name, pos)| json!({"name": name, "location": location(&f.path, *pos)}))
        .collect();
    json!({"path": f.path.display().to_string(), "specs": f.specs.origin, "cases": cases,
           "skipped": skipped})
}

fn coverage_json(cov: &Coverage) -> Json {
    let entities: Vec<Json> = cov
        .entities()
        .iter()
        .map(|e| {
            let rules: Vec<Json> = e
                .rules
                .iter()
                .enumerate()
                .map(|(i, d)| json!({"rule": i + 1, "rule_id": &*e.spec.rules[i].id, "decided": d}))
                .collect();
            json!({"type": Category::of(e.spec).as_str(), "name": &*e.spec.name,
                   "tested": e.asserted, "rules": rules, "default_decided": e.default_decided})
        })
        .collect();
    json!({"specs": cov.specs.origin, "entities": entities, "never_decided": never_decided(cov)})
}

/// The whole report; coverage only when asked.
pub fn report(r: &Report, with_coverage: bool) -> Json {
    let mut m = Map::new();
    m.insert(
        "files".into(),
        Json::Array(r.files.iter().map(file_json).collect()),
    );
    m.insert(
        "summary".into(),
        json!({"passed": r.passed(), "failed": r.failed(), "skipped": r.skipped,
               "total": r.passed() + r.failed(), "duration_ms": ms(r.duration)}),
    );
    if with_coverage {
        m.insert(
            "coverage".into(),
            Json::Array(r.coverage.iter().map(coverage_json).collect()),
        );
    }
    Json::Object(m)
}
