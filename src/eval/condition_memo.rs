//! The results of a user's pure conditions (`Condition::is_pure`): a condition shared by
//! many rules (a v2 payload's `condition_map`), or reached again through a segment that
//! several gates name, is evaluated once per user. A pure condition reads only the user,
//! the options and the spec, so its answer cannot differ the second time.

use crate::spec::model::CompiledSpecs;

/// One stamp per condition index: `generation << 1 | passed`; another generation's stamp
/// means "not evaluated for this user". A new user costs one increment, not a clear.
#[derive(Default)]
pub(crate) struct ConditionMemo {
    stamps: Vec<u32>,
    generation: u32,
    /// The payload the indices belong to (its address): a memo moved to another payload
    /// starts empty.
    owner: usize,
}

/// Generations use 31 bits (one is the answer).
const MAX_GENERATION: u32 = u32::MAX >> 1;

impl ConditionMemo {
    /// Forgets every answer (a new user), and sizes the memo for the conditions of `specs`.
    pub(crate) fn forget(&mut self, specs: &CompiledSpecs) {
        self.forget_for(specs as *const _ as usize, specs.conditions.len());
    }

    /// [`Self::forget`] for `conditions` of the payload at address `owner`.
    fn forget_for(&mut self, owner: usize, conditions: usize) {
        if self.owner != owner || self.stamps.len() != conditions {
            self.stamps.clear();
            self.stamps.resize(conditions, 0);
            self.owner = owner;
        }
        self.generation += 1;
        if self.generation > MAX_GENERATION {
            // Wrapped: old stamps could look current again.
            self.stamps.fill(0);
            self.generation = 1;
        }
    }

    /// The answer for condition `i`, if it was evaluated for this user.
    #[inline]
    pub(crate) fn get(&self, i: u32) -> Option<bool> {
        let s = *self.stamps.get(i as usize)?;
        (self.generation != 0 && s >> 1 == self.generation).then_some(s & 1 == 1)
    }

    /// Remembers condition `i`'s answer (ignored before [`Self::forget`] sized the memo).
    #[inline]
    pub(crate) fn set(&mut self, i: u32, passed: bool) {
        if let Some(s) = self.stamps.get_mut(i as usize) {
            *s = self.generation << 1 | u32::from(passed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_last_for_one_user_and_one_payload() {
        let mut m = ConditionMemo::default();
        m.set(0, true);
        assert_eq!(m.get(0), None, "unsized: nothing is remembered");
        m.forget_for(1, 3);
        assert_eq!(m.get(0), None);
        m.set(0, true);
        m.set(2, false);
        assert_eq!(
            (m.get(0), m.get(1), m.get(2)),
            (Some(true), None, Some(false))
        );
        assert_eq!(m.get(3), None, "out of range");
        m.forget_for(1, 3);
        assert_eq!((m.get(0), m.get(2)), (None, None), "a new user");
        m.set(1, true);
        m.forget_for(2, 3);
        assert_eq!(m.get(1), None, "another payload");
    }

    #[test]
    fn a_wrapped_generation_forgets_old_stamps() {
        let mut m = ConditionMemo::default();
        m.forget_for(1, 2);
        m.set(0, true);
        m.generation = MAX_GENERATION;
        m.set(1, true);
        m.forget_for(1, 2);
        assert_eq!(m.generation, 1);
        assert_eq!((m.get(0), m.get(1)), (None, None));
    }
}
