//! Every entity of a fixed, realistic spec (../shared/specs/core_eval_proj_dcs.json, read at
//! build time) evaluated for a fuzzed user; the record must be valid JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use statsig::eval::{EvalOptions, Evaluator};
use statsig::output::json::{Selection, write_evaluation_record};
use statsig::spec::id_lists::IdList;
use statsig::spec::{CompiledSpecs, Parsed, parse_payload};
use statsig::user::User;

const SPEC: &[u8] = include_bytes!("../../../shared/specs/core_eval_proj_dcs.json");
const ID_LIST: &str = include_str!("../../../shared/specs/core_company_id_list");

fn specs() -> &'static CompiledSpecs {
    static SPECS: OnceLock<CompiledSpecs> = OnceLock::new();
    SPECS.get_or_init(|| {
        let Ok(Parsed::Specs(mut s)) = parse_payload(SPEC, "core_eval_proj_dcs.json") else {
            panic!("the fixed spec must compile");
        };
        let mut list = IdList::default();
        list.apply_wire(ID_LIST);
        s.id_lists.lists.insert("company_id_list".into(), list);
        *s
    })
}

fuzz_target!(|data: &[u8]| {
    let specs = specs();
    let text = String::from_utf8_lossy(data);
    let user = match User::parse(&text, "fuzz") {
        Ok(u) => u,
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "multi-line error: {msg:?}");
            return;
        }
    };
    let opts = EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: 1_700_000_000_000,
    };
    let mut ev = Evaluator::new(specs, &user, opts);
    let mut out = Vec::new();
    write_evaluation_record(&mut out, &mut ev, &Selection::default());
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
        panic!(
            "record is not JSON ({e}): {}",
            String::from_utf8_lossy(&out)
        );
    }
    // One context for every entity, as a client-initialize response keeps its memo.
    ev.clear_memo();
    for kind in [
        statsig::spec::model::Kind::Gate,
        statsig::spec::model::Kind::Config,
        statsig::spec::model::Kind::Layer,
    ] {
        for i in 0..specs.specs(kind).len() {
            ev.evaluate_index(kind, i as u32);
        }
    }
});
