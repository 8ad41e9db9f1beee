//! Evaluation benchmark on `../shared/specs/core_eval_proj_dcs.json`: cold start of the
//! binary, ns per gate / experiment / layer evaluation over generated users, peak memory.
//! Run with `cargo bench --bench eval`. Prints figures; asserts nothing about time.

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use statsig::eval::{EvalOptions, Evaluator};
use statsig::spec::model::{Entity, Kind};
use statsig::spec::{Parsed, parse_payload};

mod common;
use common::{SPECS, users};

fn per_eval(total: Duration, n: usize) -> f64 {
    total.as_nanos() as f64 / n as f64
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn children_max_rss_kib() -> Option<u64> {
    // getrusage(RUSAGE_CHILDREN).ru_maxrss, read through /proc would need the pid; use libc-free
    // approach: run the child under /usr/bin/time when available.
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_statsig")])
        .args(cold_args())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines().last()?.trim().parse().ok()
}

fn cold_args() -> Vec<String> {
    vec![
        "check-gate".into(),
        "test_public".into(),
        "--specs".into(),
        SPECS.into(),
        "--user-id".into(),
        "42".into(),
    ]
}

fn main() {
    // Cold start: the whole process, to the first check-gate answer.
    let bin = env!("CARGO_BIN_EXE_statsig");
    let mut times = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let out = Command::new(bin)
            .args(cold_args())
            .output()
            .expect("run statsig");
        times.push(t.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    times.sort();
    println!(
        "cold start (check-gate, core_eval_proj_dcs.json): median {:.2} ms, min {:.2} ms",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    if let Some(kib) = children_max_rss_kib() {
        println!(
            "cold start peak memory (max RSS): {:.1} MiB",
            kib as f64 / 1024.0
        );
    }

    let bytes = std::fs::read(SPECS).expect("read specs");
    let t = Instant::now();
    let specs = match parse_payload(&bytes, SPECS).expect("compile") {
        Parsed::Specs(s) => *s,
        Parsed::NoUpdates => unreachable!(),
    };
    println!("parse + compile: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);

    let users = users(10_000);
    let opts = EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: 1_764_000_000_000,
    };
    let gates: Vec<u32> = (0..specs.gates.len() as u32).collect();
    let experiments: Vec<u32> = specs
        .configs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.entity == Entity::Experiment)
        .map(|(i, _)| i as u32)
        .collect();
    let layers: Vec<u32> = (0..specs.layers.len() as u32).collect();

    for (label, kind, list) in [
        ("gate", Kind::Gate, &gates),
        ("experiment", Kind::Config, &experiments),
        ("layer", Kind::Layer, &layers),
    ] {
        // One warm-up pass, then the timed pass.
        for pass in 0..2 {
            let t = Instant::now();
            let mut n = 0usize;
            for u in &users {
                let mut ev = Evaluator::new(&specs, u, opts);
                for &i in list {
                    ev.clear_memo();
                    black_box(ev.evaluate_index(kind, i).bool);
                    n += 1;
                }
            }
            if pass == 1 {
                let el = t.elapsed();
                println!(
                    "{label} evaluations: {n} in {:.1} ms = {:.0} ns each ({:.2} M/s)",
                    el.as_secs_f64() * 1e3,
                    per_eval(el, n),
                    n as f64 / el.as_secs_f64() / 1e6
                );
            }
        }
    }
    if let Some(kib) = peak_rss_kib() {
        println!(
            "bench process peak memory (10,000 users + specs): {:.1} MiB",
            kib as f64 / 1024.0
        );
    }
}
