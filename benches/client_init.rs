//! Client-initialize benchmark on `../shared/specs/core_eval_proj_dcs.json`: µs per response
//! (djb2, sha256 and none) over generated users, and the response size.
//! Run with `cargo bench --bench client_init`. Prints figures; asserts nothing about time.

use std::hint::black_box;
use std::time::Instant;

use statsig::eval::Evaluator;
use statsig::output::client_init::{ClientInit, GcirOptions, HashAlgo};
use statsig::spec::{Parsed, parse_payload};

mod common;
use common::{SPECS, users};

fn main() {
    let bytes = std::fs::read(SPECS).expect("read ../shared/specs/core_eval_proj_dcs.json");
    let specs = match parse_payload(&bytes, SPECS).expect("compile specs") {
        Parsed::Specs(s) => *s,
        Parsed::NoUpdates => panic!("no specs in {SPECS}"),
    };
    let users = users(2000);
    println!(
        "client-init on core_eval_proj_dcs.json, {} users",
        users.len()
    );
    for hash in [HashAlgo::Djb2, HashAlgo::Sha256, HashAlgo::None] {
        let opts = GcirOptions {
            hash,
            ..GcirOptions::default()
        };
        let mut ci = ClientInit::new(&specs, &opts).expect("client init");
        let eo = ci.eval_options(1_767_000_000_000);
        let mut out = Vec::with_capacity(512 * 1024);
        // Warm-up: fills the name cache and the buffer.
        for u in users.iter().take(100) {
            out.clear();
            let mut ev = Evaluator::new(&specs, u, eo);
            ci.write(&mut out, &mut ev);
        }
        let mut total_bytes = 0usize;
        let start = Instant::now();
        for u in &users {
            out.clear();
            let mut ev = Evaluator::new(&specs, u, eo);
            ci.write(&mut out, &mut ev);
            total_bytes += black_box(&out).len();
        }
        let dt = start.elapsed();
        let (g, c, l) = ci.counts();
        println!(
            "  {:6}  {:7.1} µs per response  ({:.0} KB per response; {g} gates, {c} configs, {l} layers)",
            hash.as_str(),
            dt.as_secs_f64() * 1e6 / users.len() as f64,
            total_bytes as f64 / users.len() as f64 / 1000.0,
        );
    }
}
