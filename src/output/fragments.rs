//! An entity's part of an evaluation record (`"name":{"value":…,"rule_id":…}`) depends only
//! on the spec and a handful of facts of its result — which rule, which value, which group —
//! and a population meets the same few outcomes of each spec again and again. A worker
//! thread encodes each outcome once and copies its bytes afterwards.
//!
//! Results are told apart by the addresses of what they point at (the spec's strings and
//! values, or static ones), which stay put while the specs are loaded: the same address is
//! the same text. Results that carry something made during evaluation (a sticky or
//! per-parameter value, exposure lists) are encoded every time.

use crate::result::{EvalResult, Reason};
use crate::spec::model::Kind;

/// Outcomes kept per spec: enough for a gate (pass, fail, a few rules) or an experiment's
/// groups; a spec with more is encoded as usual past them.
const PER_SPEC: usize = 8;
/// Bytes kept per thread; past them, outcomes are encoded as usual.
const MAX_BYTES: usize = 4 << 20;

/// What an entity's fragment depends on besides the spec (addresses and lengths).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Outcome {
    bool: bool,
    value: usize,
    rule_id: (usize, usize),
    id_type: (usize, usize),
    group_name: (usize, usize),
    delegate: (usize, usize),
    explicit: (usize, usize),
}

fn addr(s: Option<&str>) -> (usize, usize) {
    s.map_or((0, usize::MAX), |s| (s.as_ptr() as usize, s.len()))
}

impl Outcome {
    /// The outcome of `r`, or `None` when its fragment must be encoded afresh.
    fn of(r: &EvalResult<'_>) -> Option<Outcome> {
        if r.owned_value.is_some() || r.reason == Some(Reason::Persisted) {
            return None;
        }
        Some(Outcome {
            bool: r.bool,
            value: r.json.map_or(0, |j| j as *const _ as usize),
            rule_id: addr(r.rule_id),
            id_type: addr(r.id_type),
            group_name: addr(r.group_name),
            delegate: addr(r.config_delegate),
            explicit: r
                .explicit_parameters
                .map_or((0, usize::MAX), |p| (p.as_ptr() as usize, p.len())),
        })
    }
}

/// One worker's fragments, by kind and spec position, for one choice of fields (a
/// record's fields are the same for every user of a run).
#[derive(Default)]
pub struct Fragments {
    by_spec: [Vec<Vec<(Outcome, u32, u32)>>; 3],
    bytes: Vec<u8>,
}

impl Fragments {
    /// Appends the fragment of spec `at` (of `kind`) for result `r`: a copy when this
    /// outcome was met before, else what `encode` appends (it returns whether it spliced a
    /// value in rather than writing it, which keeps the fragment from being kept).
    /// `lists`: the fields hold exposure lists, so no fragment is kept.
    pub fn write(
        &mut self,
        out: &mut Vec<u8>,
        kind: Kind,
        at: u32,
        r: &EvalResult<'_>,
        lists: bool,
        encode: impl FnOnce(&mut Vec<u8>) -> bool,
    ) {
        let Some(outcome) = Outcome::of(r).filter(|_| !lists) else {
            encode(out);
            return;
        };
        let slots = &mut self.by_spec[kind as usize];
        let at = at as usize;
        if let Some(known) = slots.get(at)
            && let Some(&(_, start, end)) = known.iter().find(|(o, _, _)| *o == outcome)
        {
            out.extend_from_slice(&self.bytes[start as usize..end as usize]);
            return;
        }
        let from = out.len();
        let spliced = encode(out);
        let piece = &out[from..];
        if spliced || self.bytes.len() + piece.len() > MAX_BYTES {
            return;
        }
        if slots.len() <= at {
            slots.resize_with(at + 1, Vec::new);
        }
        if slots[at].len() < PER_SPEC {
            let start = self.bytes.len() as u32;
            self.bytes.extend_from_slice(piece);
            slots[at].push((outcome, start, self.bytes.len() as u32));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode_calls(f: &mut Fragments, r: &EvalResult<'_>, lists: bool) -> (Vec<u8>, u32) {
        let mut calls = 0;
        let mut out = b"prefix".to_vec();
        f.write(&mut out, Kind::Gate, 3, r, lists, |o| {
            calls += 1;
            o.extend_from_slice(format!("<{}:{}>", r.bool, r.rule_id_str()).as_bytes());
            false
        });
        (out[6..].to_vec(), calls)
    }

    #[test]
    fn an_outcome_is_encoded_once_and_copied_after() {
        let fields = false;
        let rules = [String::from("r1"), String::from("r1")];
        let mut f = Fragments::default();
        let r1 = EvalResult {
            bool: true,
            rule_id: Some(&rules[0]),
            ..EvalResult::default()
        };
        assert_eq!(
            encode_calls(&mut f, &r1, fields),
            (b"<true:r1>".to_vec(), 1)
        );
        assert_eq!(
            encode_calls(&mut f, &r1, fields),
            (b"<true:r1>".to_vec(), 0)
        );
        // Another value, or the same text at another address: encoded afresh.
        let off = EvalResult {
            bool: false,
            ..r1.clone()
        };
        assert_eq!(encode_calls(&mut f, &off, fields).1, 1);
        let other = EvalResult {
            rule_id: Some(&rules[1]),
            ..r1.clone()
        };
        assert_eq!(encode_calls(&mut f, &other, fields).1, 1);
        // Results carrying lists or a sticky value are never copied.
        let lists = true;
        assert_eq!(encode_calls(&mut f, &r1, lists).1, 1);
        assert_eq!(encode_calls(&mut f, &r1, lists).1, 1);
        let sticky = EvalResult {
            reason: Some(Reason::Persisted),
            ..r1.clone()
        };
        assert_eq!(encode_calls(&mut f, &sticky, fields).1, 1);
        assert_eq!(encode_calls(&mut f, &sticky, fields).1, 1);
    }

    #[test]
    fn spliced_fragments_are_not_kept() {
        let mut f = Fragments::default();
        let r = EvalResult::default();
        for _ in 0..2 {
            let mut calls = 0;
            f.write(&mut Vec::new(), Kind::Config, 0, &r, false, |_| {
                calls += 1;
                true
            });
            assert_eq!(calls, 1);
        }
    }
}
