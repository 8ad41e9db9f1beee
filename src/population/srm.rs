//! Sample ratio mismatch: a chi-square goodness-of-fit test of observed group sizes against
//! the configured split, and the configured split read from an experiment's group rules.

use crate::spec::CompiledSpecs;
use crate::spec::model::{CondKind, Op, Spec, TargetKind};

/// Below this p-value a split is flagged.
pub const SRM_THRESHOLD: f64 = 0.001;

/// The p-value of observing `observed` counts when groups have the `expected` shares (any
/// positive scale). `None` when there is nothing to test: no users, or fewer than two groups
/// with a positive share. Users in a group whose share is zero give p = 0.
pub fn srm_p(observed: &[u64], expected: &[f64]) -> Option<f64> {
    let n: u64 = observed.iter().sum();
    let total: f64 = expected.iter().filter(|s| **s > 0.0).sum();
    let k = expected.iter().filter(|s| **s > 0.0).count();
    if n == 0 || k < 2 {
        return None;
    }
    let mut chi2 = 0.0;
    for (&o, &share) in observed.iter().zip(expected) {
        if share <= 0.0 {
            if o > 0 {
                return Some(0.0);
            }
            continue;
        }
        let e = n as f64 * share / total;
        chi2 += (o as f64 - e).powi(2) / e;
    }
    Some(chi2_survival(chi2, (k - 1) as f64))
}

/// P(X ≥ x) for a chi-square variable with `df` degrees of freedom.
pub fn chi2_survival(x: f64, df: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    gamma_q(df / 2.0, x / 2.0)
}

/// The regularized upper incomplete gamma function Q(a, x): a series below a + 1, a
/// continued fraction (modified Lentz) above.
fn gamma_q(a: f64, x: f64) -> f64 {
    const EPS: f64 = 1e-15;
    const TINY: f64 = 1e-300;
    let log_prefix = a * x.ln() - x - ln_gamma(a);
    if x < a + 1.0 {
        let (mut term, mut sum, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..10_000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * EPS {
                break;
            }
        }
        (1.0 - sum * log_prefix.exp()).clamp(0.0, 1.0)
    } else {
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < EPS {
                break;
            }
        }
        (log_prefix.exp() * h).clamp(0.0, 1.0)
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9).
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + 7.5;
    let s = G[1..]
        .iter()
        .enumerate()
        .fold(G[0], |s, (i, g)| s + g / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + s.ln()
}

/// The configured split of an experiment: per group name (in rule order) the share of
/// buckets its group rules claim. Readable when every group rule (`isExperimentGroup`) is
/// one `user_bucket` condition (`lt`, `lte`, `gt`, `gte`, `eq`, or `any` with a bucket
/// list) on one salt and id type, at 100 %; otherwise `None`.
pub fn configured_split<'s>(
    specs: &'s CompiledSpecs,
    spec: &'s Spec,
) -> Option<Vec<(&'s str, f64)>> {
    let mut claimed = [false; 1000];
    let mut salt: Option<(&str, &str)> = None;
    let mut split: Vec<(&'s str, f64)> = Vec::new();
    for rule in spec.rules.iter().filter(|r| r.is_experiment_group) {
        let [c] = rule.conditions.as_slice() else {
            return None;
        };
        let c = &specs.conditions[*c as usize];
        if c.kind != CondKind::UserBucket || rule.pass_percentage != 100.0 {
            return None;
        }
        let key = (&*c.bucket_salt, &*c.id_type.lower);
        if *salt.get_or_insert(key) != key {
            return None;
        }
        let t = &c.target;
        let number = |b: usize| t.f.map(|f| (b as f64, f));
        let takes = |b: usize| -> Option<bool> {
            Some(match c.op {
                Op::Lt => number(b).map(|(b, f)| b < f)?,
                Op::Lte => number(b).map(|(b, f)| b <= f)?,
                Op::Gt => number(b).map(|(b, f)| b > f)?,
                Op::Gte => number(b).map(|(b, f)| b >= f)?,
                Op::Eq => number(b).map(|(b, f)| b == f)?,
                Op::Any if t.kind == TargetKind::Object => {
                    t.keys_sorted.iter().any(|k| k.parse::<usize>() == Ok(b))
                }
                Op::Any if t.kind == TargetKind::Array => {
                    t.elems.iter().any(|e| e.s.parse::<usize>() == Ok(b))
                }
                _ => return None,
            })
        };
        let mut share = 0usize;
        for (b, taken) in claimed.iter_mut().enumerate() {
            if takes(b)? && !*taken {
                *taken = true;
                share += 1;
            }
        }
        let name: &str = rule.group_name.as_deref()?;
        match split.iter_mut().find(|(g, _)| *g == name) {
            Some((_, s)) => *s += share as f64,
            None => split.push((name, share as f64)),
        }
    }
    let total: f64 = split.iter().map(|(_, s)| s).sum();
    if split.is_empty() || total == 0.0 {
        return None;
    }
    Some(split.into_iter().map(|(g, s)| (g, s / total)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_square_survival_matches_closed_forms_and_tables() {
        // df = 2: P(X ≥ x) = exp(-x/2) exactly.
        for x in [0.1, 1.0, 5.0, 13.8, 40.0] {
            let p = chi2_survival(x, 2.0);
            assert!((p - (-x / 2.0f64).exp()).abs() < 1e-12, "x={x}: {p}");
        }
        // Table values: the 5 % and 0.1 % critical values for df = 1 and df = 3.
        assert!((chi2_survival(3.841_458_820_694_124, 1.0) - 0.05).abs() < 1e-10);
        assert!((chi2_survival(10.827_566_170_662_733, 1.0) - 0.001).abs() < 1e-10);
        assert!((chi2_survival(7.814_727_903_251_178, 3.0) - 0.05).abs() < 1e-10);
        assert_eq!(chi2_survival(0.0, 4.0), 1.0);
    }

    #[test]
    fn srm_p_against_a_hand_computation() {
        // 50/50, 550 vs 450: chi2 = 2 * 50²/500 = 10, df = 1 → p = 0.001565.
        let p = srm_p(&[550, 450], &[0.5, 0.5]).unwrap();
        assert!((p - 0.001_565_402_258_002_549).abs() < 1e-9, "{p}");
        // Three groups: df = 2, p = exp(-chi2/2).
        let (o, e) = ([300u64, 350, 350], [1.0, 1.0, 1.0]);
        let n = 1000.0 / 3.0;
        let chi2: f64 = o.iter().map(|o| (*o as f64 - n).powi(2) / n).sum();
        let p = srm_p(&o, &e).unwrap();
        assert!((p - (-chi2 / 2.0).exp()).abs() < 1e-12);
        assert_eq!(srm_p(&[0, 0], &[0.5, 0.5]), None);
        assert_eq!(srm_p(&[10, 3], &[1.0, 0.0]), None);
        assert_eq!(srm_p(&[10, 3, 1], &[1.0, 1.0, 0.0]), Some(0.0));
    }
}
