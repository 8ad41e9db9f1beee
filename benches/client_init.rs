//! Client-initialize benchmark on `../shared/specs/core_eval_proj_dcs.json`: µs per response
//! (djb2, sha256 and none) over generated users, and the response size.
//! Run with `cargo bench --bench client_init`. Prints figures; asserts nothing about time.

use std::hint::black_box;
use std::time::Instant;

use statsig::eval::Evaluator;
use statsig::output::client_init::{ClientInit, GcirOptions, HashAlgo};
use statsig::spec::{Parsed, parse_payload};
use statsig::user::User;

const SPECS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/specs/core_eval_proj_dcs.json"
);

fn users(n: usize) -> Vec<User> {
    let countries = ["US", "CA", "DE", "JP", "BR", ""];
    let uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "okhttp/4.9.3",
    ];
    (0..n)
        .map(|i| {
            let json = serde_json::json!({
                "userID": format!("user-{i}"),
                "email": format!("person{i}@{}", if i % 3 == 0 { "statsig.com" } else { "example.com" }),
                "ip": format!("{}.{}.{}.{}", 1 + i % 200, (i * 7) % 256, (i * 13) % 256, i % 256),
                "country": countries[i % countries.len()],
                "userAgent": uas[i % uas.len()],
                "appVersion": format!("{}.{}.{}", i % 5, i % 10, i % 3),
                "custom": {"level": i % 100, "is_beta": i % 2 == 0},
                "privateAttributes": {"secret": i},
                "customIDs": {"companyID": format!("c{}", i % 50), "stableID": format!("s{i}")},
                "statsigEnvironment": {"tier": if i % 4 == 0 { "staging" } else { "production" }},
            });
            User::from_json(json, "bench").expect("generated user")
        })
        .collect()
}

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
