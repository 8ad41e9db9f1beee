//! `statsig log-event`, `log-events` and `events flush|status` against a real loopback
//! HTTP server that records every request.

mod support;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};
use support::*;

const PRIVATE: &str = "PRIVATE-123-45-6789";

/// Every byte under the spool directory, the gzipped batch bodies of segment files both
/// as stored and decompressed.
fn spool_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).unwrap_or_default();
            if let Some(mut rest) = data.strip_prefix(b"STSPOOL1".as_slice()) {
                while rest.len() >= 8 {
                    let len = u32::from_le_bytes(rest[4..8].try_into().unwrap()) as usize;
                    let body = &rest[8..8 + len];
                    let mut json = Vec::new();
                    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(body), &mut json)
                        .unwrap();
                    assert!(serde_json::from_slice::<Json>(&json).is_ok());
                    all.extend(json);
                    rest = &rest[8 + len..];
                }
            }
            all.extend(data);
        }
    }
    all
}

fn assert_no_secrets(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.contains(KEY), "{what} contains the server key");
    assert!(!text.contains(KEY_TAIL), "{what} contains part of the key");
    assert!(
        !text.contains(PRIVATE),
        "{what} contains a private attribute"
    );
    assert!(
        !text.contains("privateAttributes"),
        "{what}: privateAttributes"
    );
}

fn status(spool: &Path) -> Json {
    let o = statsig()
        .key()
        .spool(spool)
        .args(["events", "status", "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// An NDJSON line per event; each event unique (its index is in the metadata).
fn event_lines(n: usize) -> (String, Vec<Json>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    for i in 0..n {
        let line = json!({"eventName": format!("ev_{}", i % 7), "value": i,
            "metadata": {"i": i.to_string(), "n": 1.5},
            "user": {"userID": format!("u{}", i % 100), "customIDs": {"stableID": "s"},
                     "privateAttributes": {"ssn": PRIVATE}},
            "time": 1_700_000_000_000u64 + i as u64});
        text.push_str(&line.to_string());
        text.push('\n');
        expected.push(json!({"eventName": format!("ev_{}", i % 7), "value": i,
            "metadata": {"i": i.to_string(), "n": 1.5},
            "user": {"userID": format!("u{}", i % 100), "customIDs": {"stableID": "s"}},
            "time": 1_700_000_000_000u64 + i as u64}));
    }
    (text, expected)
}

/// A batch's identity: a hash of its (decompressed) body.
fn content_id(body: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    h.finish()
}

/// The spool's segment files (complete ones: temporary files start with a dot).
fn segment_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            !name.starts_with('.') && !name.ends_with(".ack")
        })
        .map(|e| e.path())
        .collect()
}

/// Every batch in a segment file: (content id, events).
fn segment_batches(path: &Path) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let data = std::fs::read(path).unwrap_or_default();
    let Some(mut rest) = data.strip_prefix(b"STSPOOL1".as_slice()) else {
        return out;
    };
    while rest.len() >= 8 {
        let count = u32::from_le_bytes(rest[0..4].try_into().unwrap()) as u64;
        let len = u32::from_le_bytes(rest[4..8].try_into().unwrap()) as usize;
        let Some(body) = rest.get(8..8 + len) else {
            break;
        };
        let mut plain = Vec::new();
        if std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(body), &mut plain).is_ok() {
            out.push((content_id(&plain), count));
        }
        rest = &rest[8 + len..];
    }
    out
}

fn unique(events: &[Json]) -> HashSet<String> {
    events.iter().map(|e| e.to_string()).collect()
}

#[test]
fn log_event_sends_the_spec_shape_and_headers() {
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let o = statsig()
        .key()
        .spool(&spool)
        .args([
            "log-event",
            "purchase",
            "--value",
            "sku_1",
            "--metadata",
            "price=9.99",
            "--user-id",
            "user-1",
            "--email",
            "pat@example.com",
            "--custom-id",
            "stableID=s-1",
            "--private",
            &format!("ssn={PRIVATE}"),
            "--time",
            "1700000100000",
            "--log-event-url",
            &srv.log_event_url(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert_no_secrets("output", out_text(&o).as_bytes());
    assert!(out_text(&o).contains("1 accepted, 1 sent, 0 spooled"));
    let reqs = srv.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/v1/log_event");
    assert_eq!(r.header("STATSIG-API-KEY"), Some(KEY));
    assert_eq!(r.header("STATSIG-EVENT-COUNT"), Some("1"));
    assert_eq!(r.header("STATSIG-RETRY"), Some("0"));
    assert_eq!(r.header("Content-Encoding"), Some("gzip"));
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    assert_eq!(r.header("STATSIG-SDK-TYPE"), Some("statsig-cli"));
    assert_eq!(
        r.header("STATSIG-SDK-VERSION"),
        Some(env!("CARGO_PKG_VERSION"))
    );
    let sid = r.header("STATSIG-SERVER-SESSION-ID").unwrap();
    assert_eq!(sid.len(), 36);
    let client_time: i64 = r.header("STATSIG-CLIENT-TIME").unwrap().parse().unwrap();
    assert!(client_time > 1_700_000_000_000);
    assert!(r.wire_len < r.body.len() + 40, "body is compressed");
    let body = r.json();
    assert_eq!(
        body["events"],
        json!([{"eventName":"purchase","value":"sku_1","metadata":{"price":"9.99"},
            "user":{"userID":"user-1","email":"pat@example.com","customIDs":{"stableID":"s-1"}},
            "time":1700000100000i64}])
    );
    assert_eq!(body["statsigMetadata"]["sdkType"], "statsig-cli");
    assert_eq!(body["statsigMetadata"]["sessionID"], sid);
    assert_no_secrets("request body", &r.body);
    assert_eq!(status(&spool)["events"], 0);
}

#[test]
fn api_base_and_numeric_values() {
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let api = format!("http://{}/v1", srv.addr);
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["log-event", "n", "--value", "42", "-q", "--api", &api])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(o.stderr.is_empty(), "--quiet: {}", out_text(&o));
    let r = &srv.requests()[0];
    assert_eq!(r.path, "/v1/log_event");
    assert_eq!(r.json()["events"][0]["value"], 42);
    assert!(r.json()["events"][0].get("user").is_none());
}

#[test]
fn log_events_splits_batches_at_the_batch_size() {
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let (text, expected) = event_lines(1234);
    let file = dir.path().join("events.ndjson");
    std::fs::write(&file, &text).unwrap();
    let o = statsig()
        .key()
        .spool(&dir.path().join("spool"))
        .args([
            "log-events",
            "--batch-size",
            "100",
            "--log-event-url",
            &srv.log_event_url(),
        ])
        .arg("--file")
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(out_text(&o).contains("1234 accepted, 1234 sent, 0 spooled"));
    let reqs = srv.requests();
    let mut counts: Vec<usize> = reqs
        .iter()
        .map(|r| {
            let n = r.json()["events"].as_array().unwrap().len();
            assert_eq!(r.header("STATSIG-EVENT-COUNT").unwrap(), n.to_string());
            n
        })
        .collect();
    counts.sort_unstable();
    assert_eq!(counts.len(), 13);
    assert_eq!(counts[0], 34);
    assert!(counts[1..].iter().all(|&c| c == 100));
    assert_eq!(srv.accepted_events(), expected, "in order, unaltered");
    for r in &reqs {
        assert_no_secrets("request body", &r.body);
    }
}

#[test]
fn log_events_reads_stdin_and_defaults_time() {
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let o = statsig()
        .key()
        .spool(dir.path())
        .args([
            "log-events",
            "--file",
            "-",
            "--log-event-url",
            &srv.log_event_url(),
        ])
        .write_stdin("{\"eventName\":\"a\"}\n\n{\"eventName\":\"b\",\"value\":\"x\"}")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    let ev = srv.accepted_events();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[1]["value"], "x");
    assert!(ev[0]["time"].as_i64().unwrap() > 1_700_000_000_000);
}

#[test]
fn bad_lines_name_the_line_and_stop_unless_keep_going() {
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ev.ndjson");
    std::fs::write(
        &file,
        "{\"eventName\":\"a\"}\n{\"eventName\":\"b\"}\n{\"eventName\":\"c\",\"value\":true}\n{\"eventName\":\"d\"}\n",
    )
    .unwrap();
    let o = statsig()
        .key()
        .spool(&dir.path().join("s"))
        .args([
            "log-events",
            "--log-event-url",
            &srv.log_event_url(),
            "--file",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", out_text(&o));
    let err = out_text(&o);
    assert!(err.contains("ev.ndjson:3: value must be"), "{err}");
    assert!(err.contains("2 accepted, 2 sent"), "{err}");
    assert_eq!(srv.accepted_events().len(), 2);

    let srv = Server::start();
    let o = statsig()
        .key()
        .spool(&dir.path().join("s"))
        .args([
            "log-events",
            "--keep-going",
            "--log-event-url",
            &srv.log_event_url(),
            "--file",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", out_text(&o));
    assert!(out_text(&o).contains("ev.ndjson:3:"));
    assert!(out_text(&o).contains("1 of 4 lines skipped"));
    let names: Vec<_> = srv
        .accepted_events()
        .iter()
        .map(|e| e["eventName"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["a", "b", "d"]);
}

#[test]
fn missing_key_is_an_input_error_and_no_send_only_spools() {
    let dir = tempfile::tempdir().unwrap();
    let o = statsig()
        .key()
        .spool(dir.path())
        .env_remove("STATSIG_SERVER_SECRET")
        .args(["log-event", "x"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(out_text(&o).contains("no server key"));
    let o = statsig()
        .key()
        .spool(dir.path())
        .env_remove("STATSIG_SERVER_SECRET")
        .args(["log-event", "x", "--no-send"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert_eq!(status(dir.path())["events"], 1);
    // The key from a file; the spooled event goes out with the next command.
    let srv = Server::start();
    let kf = dir.path().join("key");
    std::fs::write(&kf, format!("{KEY}\n")).unwrap();
    let o = statsig()
        .key()
        .spool(dir.path())
        .env_remove("STATSIG_SERVER_SECRET")
        .args([
            "log-event",
            "y",
            "--log-event-url",
            &srv.log_event_url(),
            "--server-key-file",
        ])
        .arg(&kf)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(out_text(&o).contains("2 sent (1 from earlier runs)"));
    assert_eq!(srv.requests()[0].header("statsig-api-key"), Some(KEY));
    assert_eq!(srv.accepted_events().len(), 2);
}

fn flaky(first: usize, fault: Fault) -> Server {
    Server::events(Arc::new(move |n| (n < first).then(|| fault.clone())))
}

fn run_batch(srv: &Server, spool: &Path, n: usize, extra: &[&str]) -> std::process::Output {
    let (text, _) = event_lines(n);
    statsig()
        .key()
        .spool(spool)
        .args(["log-events", "--file", "-", "--batch-size", "50"])
        .args(["--log-event-url", &srv.log_event_url()])
        .args(extra)
        .write_stdin(text)
        .output()
        .unwrap()
}

#[test]
fn retries_5xx_429_and_dropped_connections() {
    let (_, expected) = event_lines(200);
    for fault in [
        Fault::Status(500, None),
        Fault::Status(503, None),
        Fault::Status(429, Some("0")),
        Fault::Status(408, None),
        Fault::Reset,
    ] {
        let srv = flaky(3, fault.clone());
        let dir = tempfile::tempdir().unwrap();
        let o = run_batch(&srv, dir.path(), 200, &[]);
        assert!(o.status.success(), "{fault:?}: {}", out_text(&o));
        assert_eq!(
            unique(&srv.accepted_events()),
            unique(&expected),
            "{fault:?}"
        );
        if !matches!(fault, Fault::Reset) {
            let retries: Vec<_> = srv
                .requests()
                .iter()
                .take(4)
                .map(|r| r.header("statsig-retry").unwrap().to_string())
                .collect();
            assert_eq!(retries, ["0", "1", "2", "3"], "{fault:?}");
        }
        assert_eq!(status(dir.path())["events"], 0);
    }
}

#[test]
fn a_refused_batch_goes_to_the_dead_letters_then_retry_and_purge() {
    // Refused for itself (400): not retried, kept in dead/ with the server's reason, which
    // `events status` shows; `events retry` sends it again, `events purge` deletes.
    let srv = Server::events(Arc::new(|_| {
        Some(Fault::Reply(
            400,
            vec![],
            br#"{"error":"event too old: time out of range"}"#.to_vec(),
        ))
    }));
    let dir = tempfile::tempdir().unwrap();
    let o = run_batch(&srv, dir.path(), 10, &[]);
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    assert_eq!(srv.requests().len(), 1);
    let err = out_text(&o);
    assert!(err.contains("10 accepted, 0 sent, 0 spooled"), "{err}");
    assert!(err.contains("10 refused by the server"), "{err}");
    assert!(
        err.contains("HTTP 400: {\"error\":\"event too old"),
        "{err}"
    );
    let st = status(dir.path());
    assert_eq!(
        (st["events"].as_u64(), st["dead_events"].as_u64()),
        (Some(0), Some(10))
    );
    assert_eq!(st["dead_letters"][0]["status"], 400);
    assert!(
        st["dead_letters"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("event too old")
    );
    let text = statsig()
        .key()
        .spool(dir.path())
        .args(["events", "status"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(
        text.contains("refused by the server: 10 events in 1 batches"),
        "{text}"
    );
    assert!(text.contains("HTTP 400 10 events: {\"error\""), "{text}");

    // A later run's own events are delivered: exit 0, the dead letter stays.
    let ok = Server::start();
    let o = run_batch(&ok, dir.path(), 3, &[]);
    assert!(o.status.success(), "{}", out_text(&o));
    assert_eq!(status(dir.path())["dead_events"], 10);

    // retry: sent again, gone from dead/.
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["events", "retry", "--log-event-url", &ok.log_event_url()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert_eq!(ok.accepted_events().len(), 13);
    let st = status(dir.path());
    assert_eq!(
        (st["events"].as_u64(), st["dead_events"].as_u64()),
        (Some(0), Some(0))
    );

    // purge: refused again, then deleted.
    let o = run_batch(&srv, dir.path(), 4, &[]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(status(dir.path())["dead_events"], 4);
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["events", "purge"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(
        out_text(&o).contains("removed 1 dead letters"),
        "{}",
        out_text(&o)
    );
    assert_eq!(status(dir.path())["dead_events"], 0);
}

#[test]
fn a_poison_batch_is_dead_lettered_and_the_others_delivered() {
    // The server refuses any batch holding the event named "poison".
    let srv = Server::events_inspecting(Arc::new(|_, r: &Req| {
        String::from_utf8_lossy(&r.body)
            .contains("\"poison\"")
            .then(|| Fault::Reply(400, vec![], b"{\"error\":\"invalid event\"}".to_vec()))
    }));
    let dir = tempfile::tempdir().unwrap();
    let (mut text, expected) = event_lines(120);
    // Line 60 (in the second batch of 50) is the poison.
    let mut lines: Vec<&str> = text.lines().collect();
    let poison = r#"{"eventName":"poison","time":1700000000000}"#;
    lines.insert(60, poison);
    text = lines.join("\n") + "\n";
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["log-events", "--file", "-", "--batch-size", "50"])
        .args(["--log-event-url", &srv.log_event_url()])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    let err = out_text(&o);
    assert!(err.contains("121 accepted, 71 sent, 0 spooled"), "{err}");
    assert!(err.contains("50 refused by the server"), "{err}");
    // The first and third batches arrived; the second is in dead/, whole.
    let got = unique(&srv.accepted_events());
    let mut want: Vec<Json> = expected[..50].to_vec();
    want.extend(expected[99..].iter().cloned());
    assert_eq!(got, unique(&want));
    assert_eq!(status(dir.path())["dead_events"], 50);
}

#[test]
fn a_413_batch_is_split_until_the_server_takes_it() {
    // The server takes at most 20 events per request; one event named "huge" never fits.
    let srv = Server::events_inspecting(Arc::new(|_, r: &Req| {
        let n: usize = r.header("statsig-event-count").unwrap().parse().unwrap();
        (n > 20 || String::from_utf8_lossy(&r.body).contains("\"huge\""))
            .then(|| Fault::Reply(413, vec![], b"Request Entity Too Large".to_vec()))
    }));
    let dir = tempfile::tempdir().unwrap();
    let (text, expected) = event_lines(100);
    let o = run_batch(&srv, dir.path(), 100, &[]);
    assert!(o.status.success(), "{}", out_text(&o));
    let events = srv.accepted_events();
    assert_eq!(events.len(), 100, "each event exactly once");
    assert_eq!(unique(&events), unique(&expected));
    // 50 → 25 + 25 → 12/13 each: every accepted request holds at most 20 events.
    assert!(
        srv.accepted()
            .iter()
            .all(|r| r.json()["events"].as_array().unwrap().len() <= 20)
    );
    drop(text);

    let huge = r#"{"eventName":"huge","time":1700000000000}"#;
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["log-events", "--file", "-", "--batch-size", "8"])
        .args(["--log-event-url", &srv.log_event_url()])
        .write_stdin(format!("{}{huge}\n", event_lines(7).0))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    // The seven others went through; the one that never fits is a dead letter on its own.
    assert_eq!(srv.accepted_events().len(), 107);
    let st = status(dir.path());
    assert_eq!(st["dead_events"], 1, "{st}");
    assert_eq!(st["dead_letters"][0]["status"], 413);
    assert_eq!(st["events"], 0);
}

#[test]
fn error_bodies_are_masked_and_stripped_of_control_characters() {
    // A server that echoes the key it was sent, with terminal escape sequences.
    let srv = Server::events(Arc::new(|_| Some(Fault::EchoKey(400))));
    let dir = tempfile::tempdir().unwrap();
    let o = run_batch(&srv, dir.path(), 3, &[]);
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    let err = out_text(&o);
    assert_no_secrets("output", err.as_bytes());
    assert!(err.contains("unknown key secret-…"), "{err}");
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    // Nor in what the spool keeps.
    let st = statsig()
        .key()
        .spool(dir.path())
        .args(["events", "status"])
        .output()
        .unwrap();
    assert_no_secrets("status", &st.stdout);
    assert!(!String::from_utf8_lossy(&st.stdout).contains('\x1b'));
    assert_no_secrets("spool", &spool_bytes(dir.path()));
}

#[test]
fn a_redirect_to_another_origin_drops_the_key() {
    let other = Server::start();
    let to = other.log_event_url();
    let first = Server::events(Arc::new(move |_| Some(Fault::Redirect(307, to.clone()))));
    let dir = tempfile::tempdir().unwrap();
    let o = run_batch(&first, dir.path(), 5, &[]);
    assert!(o.status.success(), "{}", out_text(&o));
    assert_eq!(first.requests()[0].header("statsig-api-key"), Some(KEY));
    let followed = &other.requests()[0];
    assert_eq!(followed.method, "POST", "307 keeps the method and the body");
    assert_eq!(followed.json()["events"].as_array().unwrap().len(), 5);
    assert_eq!(
        followed.header("statsig-api-key"),
        None,
        "the key stays home"
    );
    // Same origin: the key goes along.
    let same = Server::events(Arc::new(|n| {
        (n == 0).then(|| Fault::Redirect(308, "/v1/log_event_b".into()))
    }));
    let o = run_batch(&same, dir.path(), 5, &[]);
    assert!(o.status.success(), "{}", out_text(&o));
    let reqs = same.requests();
    assert_eq!(reqs[1].path, "/v1/log_event_b");
    assert_eq!(reqs[1].header("statsig-api-key"), Some(KEY));
}

#[test]
fn a_501_is_not_retried() {
    let srv = Server::events(Arc::new(|_| Some(Fault::Status(501, None))));
    let dir = tempfile::tempdir().unwrap();
    let o = run_batch(&srv, dir.path(), 10, &[]);
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    assert_eq!(srv.requests().len(), 1, "not retried");
    assert!(out_text(&o).contains("HTTP 501"), "{}", out_text(&o));
    // Not the batch's fault: it stays queued, not dead.
    let st = status(dir.path());
    assert_eq!(
        (st["events"].as_u64(), st["dead_events"].as_u64()),
        (Some(10), Some(0))
    );
}

#[test]
fn damaged_segments_keep_their_intact_batches() {
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let (text, expected) = event_lines(150);
    let o = statsig()
        .key()
        .spool(&spool)
        .args([
            "log-events",
            "--file",
            "-",
            "--batch-size",
            "50",
            "--no-send",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    let segs = segment_files(&spool);
    assert_eq!(segs.len(), 1);
    // Flip a byte inside the second batch's body (offsets read from the format itself).
    let mut data = std::fs::read(&segs[0]).unwrap();
    let len0 = u32::from_le_bytes(data[12..16].try_into().unwrap()) as usize;
    let second = 8 + 8 + len0;
    data[second + 8 + 30] ^= 0x55;
    std::fs::write(&segs[0], &data).unwrap();
    // Stray things in the spool do not get in the way.
    std::fs::create_dir(spool.join("stray.seg")).unwrap();
    std::fs::write(spool.join("README"), "not a segment").unwrap();

    let srv = Server::start();
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["events", "flush", "--log-event-url", &srv.log_event_url()])
        .output()
        .unwrap();
    let err = out_text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("are damaged") && err.contains("quarantine"),
        "{err}"
    );
    let mut want = expected[..50].to_vec();
    want.extend(expected[100..].iter().cloned());
    assert_eq!(unique(&srv.accepted_events()), unique(&want));
    let st = status(&spool);
    assert_eq!(st["events"], 0);
    assert_eq!(st["quarantined"].as_array().unwrap().len(), 1, "{st}");
    let bad = std::fs::read(st["quarantined"][0].as_str().unwrap()).unwrap();
    assert_eq!(
        bad.len(),
        8 + u32::from_le_bytes(data[second + 4..second + 8].try_into().unwrap()) as usize
    );
}

#[test]
fn spool_files_are_private_and_leftovers_of_killed_writers_go() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["log-event", "first", "--no-send"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    // A temporary segment of a writer that was killed (its process is gone) a moment ago.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    let stale = spool.join(format!(".tmp-1700000000000-{pid}-000000-deadbeef.seg"));
    std::fs::write(&stale, b"STSPOOL1partial").unwrap();
    // One of a live writer (this test process) stays.
    let live = spool.join(format!(
        ".tmp-1700000000000-{}-000000-cafebabe.seg",
        std::process::id()
    ));
    std::fs::write(&live, b"STSPOOL1").unwrap();
    let o = statsig()
        .key()
        .spool(&spool)
        .args([
            "log-events",
            "--file",
            "-",
            "--no-send",
            "--batch-size",
            "5",
        ])
        .write_stdin(event_lines(12).0)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(
        !stale.exists(),
        "the dead writer's temporary file is cleaned"
    );
    assert!(live.exists());
    for f in segment_files(&spool) {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    let dmode = std::fs::metadata(&spool).unwrap().permissions().mode() & 0o777;
    assert_eq!(dmode, 0o700);
}

#[test]
fn persistent_failure_gives_up_after_the_retries() {
    let srv = Server::events(Arc::new(|_| Some(Fault::Status(502, None))));
    let dir = tempfile::tempdir().unwrap();
    let o = run_batch(&srv, dir.path(), 120, &["--retries", "2"]);
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    // One batch tried three times; the others are not tried once the server is failing.
    assert_eq!(srv.requests().len(), 3);
    assert!(out_text(&o).contains("120 accepted, 0 sent, 120 spooled"));
    assert_eq!(status(dir.path())["events"], 120);
}

#[test]
fn server_down_then_flush_delivers_everything_once() {
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    // A port nobody listens on.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v1/log_event", l.local_addr().unwrap())
    };
    let (text, expected) = event_lines(1000);
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["log-events", "--file", "-", "--retries", "1"])
        .args(["--log-event-url", &dead])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", out_text(&o));
    let err = out_text(&o);
    assert!(err.contains("1000 accepted, 0 sent, 1000 spooled"), "{err}");
    assert_eq!(err.lines().count(), 1, "one summary line: {err}");
    assert_no_secrets("output", err.as_bytes());
    let spooled = spool_bytes(&spool);
    assert_no_secrets("spool files", &spooled);
    assert!(String::from_utf8_lossy(&spooled).contains("\"eventName\":\"ev_3\""));
    let st = status(&spool);
    assert_eq!(st["events"], 1000);
    assert_eq!(st["batches"], 2);

    let text_status = statsig()
        .key()
        .spool(&spool)
        .args(["events", "status"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text_status.stdout).contains("queued: 1000 events"));

    let srv = Server::start();
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["events", "flush", "--log-event-url", &srv.log_event_url()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert!(out_text(&o).contains("0 accepted, 1000 sent (1000 from earlier runs), 0 spooled"));
    assert_eq!(srv.accepted_events().len(), 1000, "exactly once");
    assert_eq!(unique(&srv.accepted_events()), unique(&expected));
    assert_eq!(status(&spool)["events"], 0);
    assert!(spool_bytes(&spool).is_empty(), "spool emptied");
}

/// Runs `log-events` on 100,000 events against a slow server, SIGKILLs it once `ready`
/// says so, flushes against a healthy server and returns (all events the two servers
/// accepted, the events in the input).
fn kill_then_flush(ready: impl Fn(&Server, &Path) -> bool) -> (Vec<Json>, Vec<Json>) {
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let (text, expected) = event_lines(100_000);
    let file = dir.path().join("events.ndjson");
    std::fs::write(&file, text).unwrap();
    let slow = Server::events(Arc::new(|_| Some(Fault::Delay(Duration::from_millis(80)))));
    let mut child = statsig_process()
        .key()
        .spool(&spool)
        .args([
            "log-events",
            "--log-event-url",
            &slow.log_event_url(),
            "--file",
        ])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while !ready(&slow, &spool) {
        assert!(
            t0.elapsed() < Duration::from_secs(300),
            "never ready (a hang guard, not a timing): {} accepted, {}",
            slow.accepted_events().len(),
            status(&spool)
        );
        if let Some(st) = child.try_wait().unwrap() {
            let sent = slow.accepted_events().len();
            panic!(
                "finished before the kill: {st}, {sent} sent, {}",
                status(&spool)
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let sent_before = slow.accepted_events();
    assert!(!sent_before.is_empty());
    assert_no_secrets("spool files", &spool_bytes(&spool));

    let srv = Server::start();
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["events", "flush", "--log-event-url", &srv.log_event_url()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    assert_no_secrets("output", out_text(&o).as_bytes());
    assert_eq!(status(&spool)["events"], 0);
    let mut all = sent_before;
    all.extend(srv.accepted_events());
    (all, expected)
}

#[test]
fn sigkill_while_sending_loses_nothing() {
    // Kill once every event is spooled (queued + delivered covers the input) but sending
    // is far from done.
    // Segment files never change once written, so each is decoded once.
    let decoded: std::cell::RefCell<HashMap<std::path::PathBuf, Vec<(u64, u64)>>> =
        Default::default();
    let (all, expected) = kill_then_flush(|srv, spool| {
        // Every event is durably spooled or already delivered. Batches are counted once by
        // content: one the server has recorded but whose response is still on its way is
        // both sent and spooled.
        let mut batches: HashMap<u64, u64> = HashMap::new();
        for r in srv.state.lock().unwrap().requests.iter() {
            if (200..300).contains(&r.status) {
                let n = r.header("statsig-event-count").unwrap().parse().unwrap();
                batches.insert(content_id(&r.body), n);
            }
        }
        if batches.values().sum::<u64>() < 2_000 {
            return false;
        }
        let mut cache = decoded.borrow_mut();
        for path in segment_files(spool) {
            let list = cache
                .entry(path.clone())
                .or_insert_with(|| segment_batches(&path));
            batches.extend(list.iter().copied());
        }
        batches.values().sum::<u64>() >= 100_000
    });
    let got = unique(&all);
    let want = unique(&expected);
    assert_eq!(got.len(), want.len(), "none lost, none extra");
    assert!(got == want, "every event exactly as accepted");
    // Resent at most: the batch in flight when the process died (acks of delivered
    // batches survive the kill and the next run's cleanup).
    let duplicates = all.len() - got.len();
    eprintln!("duplicates after kill -9: {duplicates} of {}", all.len());
    assert!(duplicates <= 500, "{duplicates} events sent twice");
}

#[test]
fn sigkill_during_a_flush_resends_at_most_the_batch_in_flight() {
    // Spooled first (one segment of many batches), then a flush against a slow server is
    // killed part way: the next flush must not send the acknowledged batches again.
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let (text, expected) = event_lines(20_000);
    let o = statsig()
        .key()
        .spool(&spool)
        .args([
            "log-events",
            "--file",
            "-",
            "--no-send",
            "--batch-size",
            "100",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    let slow = Server::events(Arc::new(|_| Some(Fault::Delay(Duration::from_millis(40)))));
    let mut child = statsig_process()
        .key()
        .spool(&spool)
        .args(["events", "flush", "--log-event-url", &slow.log_event_url()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while slow.accepted().len() < 30 {
        assert!(t0.elapsed() < Duration::from_secs(120), "never got going");
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished before the kill"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let mut all = slow.accepted_events();
    let srv = Server::start();
    let o = statsig()
        .key()
        .spool(&spool)
        .args(["events", "flush", "--log-event-url", &srv.log_event_url()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    all.extend(srv.accepted_events());
    let got = unique(&all);
    assert_eq!(got, unique(&expected), "none lost");
    let duplicates = all.len() - got.len();
    eprintln!("duplicates after kill -9 during a flush: {duplicates} of 20000");
    assert!(
        duplicates <= 100,
        "{duplicates} events sent twice (batch size 100)"
    );
}

#[test]
fn sigkill_while_reading_keeps_a_prefix() {
    // Killed as soon as the first batch is accepted: what was accepted is a prefix of the
    // input, and exactly that arrives after the flush.
    let (all, expected) = kill_then_flush(|srv, _| !srv.accepted().is_empty());
    let got = unique(&all);
    assert!(!got.is_empty());
    let prefix = unique(&expected[..got.len()]);
    assert!(
        got == prefix,
        "the accepted events are the input's first {}",
        got.len()
    );
}

#[test]
fn at_sets_the_time_of_logged_events() {
    // 2026-01-01T00:00:00Z = 20454 days × 86 400 000 ms.
    let jan1: i64 = 20_454 * 86_400_000;
    let srv = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["log-event", "buy", "--at", "2026-01-01T00:00:00Z", "-q"])
        .args(["--log-event-url", &srv.log_event_url()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    // log-events: lines without a time get --at, a line's own time stays.
    let o = statsig()
        .key()
        .spool(dir.path())
        .args(["log-events", "--file", "-", "--at", "2026-01-01", "-q"])
        .args(["--log-event-url", &srv.log_event_url()])
        .write_stdin("{\"eventName\":\"a\"}\n{\"eventName\":\"b\",\"time\":7}\n")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out_text(&o));
    let times: Vec<i64> = srv
        .accepted_events()
        .iter()
        .map(|e| e["time"].as_i64().unwrap())
        .collect();
    assert_eq!(times, [jan1, jan1, 7]);
    // --at and --time say the same thing: a usage error together.
    let o = statsig()
        .args(["log-event", "x", "--at", "2026-01-01", "--time", "5"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
