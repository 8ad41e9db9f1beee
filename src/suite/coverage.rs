//! Rule coverage: for each gate, config, experiment and layer of a set of specs, which of
//! its rules (and its default) some case's evaluation ended on. Segments and holdouts are
//! left out: cases reach them only through other entities.

use crate::spec::model::{Entity, Kind, Spec};
use crate::suite::decision::Decided;
use crate::suite::run::Coverage;

/// One entity's coverage.
pub struct EntityCoverage<'a> {
    pub kind: Kind,
    pub spec: &'a Spec,
    /// Some case evaluated it directly (or as a layer's experiment).
    pub asserted: bool,
    /// Per rule, in order: whether some case's result was decided by it.
    pub rules: Vec<bool>,
    pub default_decided: bool,
}

impl EntityCoverage<'_> {
    pub fn decided_rules(&self) -> usize {
        self.rules.iter().filter(|d| **d).count()
    }
}

impl Coverage {
    /// Every entity in payload order: gates, then configs and experiments, then layers.
    pub fn entities(&self) -> Vec<EntityCoverage<'_>> {
        let specs = &self.specs.specs;
        let mut out = Vec::new();
        for kind in [Kind::Gate, Kind::Config, Kind::Layer] {
            for (i, spec) in specs.specs(kind).iter().enumerate() {
                if matches!(spec.entity, Entity::Segment | Entity::Holdout) {
                    continue;
                }
                let i = i as u32;
                let rules = (0..spec.rules.len() as u32)
                    .map(|r| self.decided.contains(&(kind, i, Decided::Rule(r))))
                    .collect();
                let via_layer = self.decided.iter().any(|(k, x, _)| *k == kind && *x == i);
                out.push(EntityCoverage {
                    kind,
                    spec,
                    asserted: self.asserted.contains(&(kind, i)) || via_layer,
                    rules,
                    default_decided: self.decided.contains(&(kind, i, Decided::Default)),
                });
            }
        }
        out
    }
}
