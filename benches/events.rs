//! Event throughput: `statsig log-events` reading an NDJSON file, batching, spooling
//! (gzip + fsync), and POSTing to a loopback server. Prints events/s.
//!
//! `cargo bench --bench events [-- EVENTS]` (default 500,000 events).

#[path = "../tests/support/server.rs"]
mod server;

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(500_000);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..n {
            writeln!(
                f,
                r#"{{"eventName":"purchase_{}","value":{},"metadata":{{"sku":"sku_{}","price":"9.99"}},"user":{{"userID":"user-{}","email":"u{}@example.com","customIDs":{{"stableID":"s-{}"}},"privateAttributes":{{"ssn":"x"}}}},"time":{}}}"#,
                i % 13,
                i,
                i % 1000,
                i % 10_000,
                i % 10_000,
                i,
                1_700_000_000_000u64 + i as u64
            )
            .unwrap();
        }
    }
    let bytes = std::fs::metadata(&file).unwrap().len();
    let srv = server::Server::events_undecoded(Arc::new(|_| None));
    let bin = env!("CARGO_BIN_EXE_statsig");
    let spool = dir.path().join("spool");
    let t0 = Instant::now();
    let out = std::process::Command::new(bin)
        .env("STATSIG_SERVER_SECRET", "secret-bench")
        .env("STATSIG_SPOOL_DIR", &spool)
        .args([
            "log-events",
            "-q",
            "--log-event-url",
            &srv.log_event_url(),
            "--file",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let secs = t0.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reqs = srv.requests();
    let sent: usize = reqs
        .iter()
        .map(|r| {
            r.header("statsig-event-count")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(sent, n, "every event arrived");
    let wire: usize = reqs.iter().map(|r| r.wire_len).sum();
    println!(
        "events: {n} events ({:.1} MB NDJSON) read, batched, spooled, gzipped and posted in {secs:.3} s \
         = {:.0} events/s ({} requests, {:.1} MB on the wire)",
        bytes as f64 / 1e6,
        n as f64 / secs,
        reqs.len(),
        wire as f64 / 1e6
    );
}
