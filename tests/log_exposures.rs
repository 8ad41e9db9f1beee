//! `--log-exposures` on the evaluating commands, against a loopback server that records
//! every request.

mod support;

use serde_json::Value as Json;
use support::*;

fn names(events: &[Json]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["eventName"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn check_gate_logs_one_gate_exposure_with_secondary_exposures() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    let url = server.log_event_url();
    let out = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &url)
        .args([
            "check-gate",
            "new_checkout",
            "--log-exposures",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "42", "--private", "ssn=PRIVATE-999"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "false\n");
    let events = server.accepted_events();
    assert_eq!(names(&events), vec!["statsig::gate_exposure"]);
    let e = &events[0];
    assert_eq!(e["metadata"]["gate"], "new_checkout");
    assert_eq!(e["metadata"]["gateValue"], "false");
    assert_eq!(e["metadata"]["ruleID"], "rollout_25");
    assert_eq!(e["user"]["userID"], "42");
    assert!(e["user"].get("privateAttributes").is_none());
    for r in server.requests() {
        assert!(!String::from_utf8_lossy(&r.body).contains("PRIVATE-999"));
        assert_eq!(r.header("statsig-api-key"), Some(KEY));
    }
    assert!(!String::from_utf8_lossy(&out.stderr).contains(KEY));
}

#[test]
fn layer_parameter_exposures_name_the_allocated_experiment_for_explicit_parameters() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    let url = server.log_event_url();
    // User 3 is allocated to checkout_button (test group).
    let out = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &url)
        .args([
            "get-layer",
            "checkout_layer",
            "--log-exposures",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "3"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = server.accepted_events();
    assert_eq!(events.len(), 3, "one per parameter: {events:?}");
    for e in &events {
        assert_eq!(e["eventName"], "statsig::layer_exposure");
        let m = &e["metadata"];
        let explicit = m["parameterName"] == "button_color";
        assert_eq!(
            m["isExplicitParameter"],
            if explicit { "true" } else { "false" }
        );
        assert_eq!(
            m["allocatedExperiment"],
            if explicit { "checkout_button" } else { "" }
        );
    }
}

#[test]
fn evaluate_logs_every_entity_and_an_unreachable_server_spools_them() {
    let spool = tempfile::tempdir().unwrap();
    // Nothing listens on this port.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v1/log_event", l.local_addr().unwrap())
    };
    let out = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &dead)
        .args([
            "evaluate",
            "--log-exposures",
            "--specs",
            FIXTURE,
            "--user-id",
            "5",
        ])
        .args(["--retries", "1"])
        .output()
        .unwrap();
    // The exit code answers the evaluation; the delivery is a warning (reliability.rs has
    // --strict-delivery).
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        record["user"]["userID"], "5",
        "the evaluation is still printed"
    );

    // A healthy server later receives everything from the spool.
    let server = Server::start();
    let url = server.log_event_url();
    let flush = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &url)
        .args(["events", "flush", "--log-event-url", &url])
        .output()
        .unwrap();
    assert!(
        flush.status.success(),
        "{}",
        String::from_utf8_lossy(&flush.stderr)
    );
    let events = server.accepted_events();
    let n = |name: &str| names(&events).iter().filter(|x| *x == name).count();
    assert_eq!(n("statsig::gate_exposure"), 6);
    assert_eq!(n("statsig::config_exposure"), 2);
    assert_eq!(n("statsig::layer_exposure"), 3);
}

#[test]
fn client_init_logs_only_when_asked() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    let url = server.log_event_url();
    let plain = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &url)
        .args(["client-init", "--specs", FIXTURE, "--user-id", "3"])
        .output()
        .unwrap();
    assert!(plain.status.success());
    assert!(
        server.requests().is_empty(),
        "no exposures without --log-exposures"
    );

    let out = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", &url)
        .args([
            "client-init",
            "--log-exposures",
            "--specs",
            FIXTURE,
            "--user-id",
            "3",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let payload = |bytes: &[u8]| {
        let mut v: Json = serde_json::from_slice(bytes).unwrap();
        v["sdkInfo"]["sessionId"] = Json::Null;
        v
    };
    assert_eq!(payload(&out.stdout), payload(&plain.stdout), "same payload");
    let events = server.accepted_events();
    let n = |name: &str| names(&events).iter().filter(|x| *x == name).count();
    // Segments and holdouts are not in the payload, so not logged: 4 feature gates.
    assert_eq!(n("statsig::gate_exposure"), 4);
    assert_eq!(n("statsig::config_exposure"), 2);
    assert_eq!(n("statsig::layer_exposure"), 3);
}

#[test]
fn api_base_serves_exposures_at_v1_log_event() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    for api in [
        format!("http://{}", server.addr),
        format!("http://{}/v1/", server.addr),
    ] {
        let out = statsig()
            .key()
            .spool(spool.path())
            .args([
                "check-gate",
                "new_checkout",
                "--log-exposures",
                "--specs",
                FIXTURE,
            ])
            .args(["--user-id", "1", "--api", &api])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, vec!["/v1/log_event", "/v1/log_event"]);
}

#[test]
fn exposures_of_what_was_printed_are_spooled_when_stdout_closes_early() {
    use std::io::BufRead;
    let spool = tempfile::tempdir().unwrap();
    let users = spool.path().join("users.ndjson");
    let text: String = (0..5000)
        .map(|i| format!("{{\"userID\":\"u{i}\"}}\n"))
        .collect();
    std::fs::write(&users, text).unwrap();
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v1/log_event", l.local_addr().unwrap())
    };
    let queue = spool.path().join("spool");
    let mut child = statsig_process()
        .key()
        .spool(&queue)
        .env("STATSIG_LOG_EVENT_URL", &dead)
        .args([
            "evaluate",
            "--log-exposures",
            "--retries",
            "0",
            "--specs",
            FIXTURE,
        ])
        .arg("--users")
        .arg(&users)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one record, then close the pipe (as `| head -1` does).
    let mut first = String::new();
    {
        let mut r = std::io::BufReader::new(child.stdout.take().unwrap());
        r.read_line(&mut first).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    // (The exit code of a closed stdout is the output contract's business, not this test's.)
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Json = serde_json::from_str(&first).unwrap();
    let uid = printed["user"]["userID"].as_str().unwrap().to_string();

    // The same user evaluated alone says how many exposures one record implies.
    let alone = Server::start();
    let other_spool = tempfile::tempdir().unwrap();
    let o = statsig()
        .key()
        .spool(other_spool.path())
        .env("STATSIG_LOG_EVENT_URL", alone.log_event_url())
        .args([
            "evaluate",
            "--log-exposures",
            "--specs",
            FIXTURE,
            "--user-id",
            &uid,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let want = alone.accepted_events().len();
    assert!(want > 0);

    // What the closed run spooled reaches a healthy server on the next flush.
    let server = Server::start();
    let flush = statsig()
        .key()
        .spool(&queue)
        .args([
            "events",
            "flush",
            "--log-event-url",
            &server.log_event_url(),
        ])
        .output()
        .unwrap();
    assert!(
        flush.status.success(),
        "{}",
        String::from_utf8_lossy(&flush.stderr)
    );
    let got = server
        .accepted_events()
        .iter()
        .filter(|e| e["user"]["userID"] == uid.as_str())
        .count();
    assert_eq!(
        got, want,
        "every exposure of the printed record was spooled"
    );
}

#[test]
fn at_stamps_the_exposures() {
    let server = Server::start();
    let spool = tempfile::tempdir().unwrap();
    let out = statsig()
        .key()
        .spool(spool.path())
        .env("STATSIG_LOG_EVENT_URL", server.log_event_url())
        .args([
            "check-gate",
            "new_checkout",
            "--log-exposures",
            "--specs",
            FIXTURE,
        ])
        .args(["--user-id", "42", "--at", "1767225600000"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = server.accepted_events();
    assert_eq!(names(&events), vec!["statsig::gate_exposure"]);
    assert_eq!(events[0]["time"], 1_767_225_600_000i64);
}

/// Exposure sampling against the loopback server, on fixtures/sdk/sampling.json
/// (`sampling_mode` on; which exposures a rate keeps is held against the official SDK in
/// tests/sdk_differential.rs): the first exposure of each (spec, rule) and every exposure of
/// a `forwardAllExposures` gate are logged plainly, sampled ones carry `samplingRate`,
/// `samplingMode` and `shadowLogged`, some are dropped, and `--no-sampling` logs them all.
#[test]
fn sampling_drops_some_exposures_and_no_sampling_logs_every_one() {
    let specs = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/sdk/sampling.json");
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    let lines: String = (0..40)
        .map(|i| format!("{{\"userID\":\"user-{i}\"}}\n"))
        .collect();
    std::fs::write(&users, lines).unwrap();
    let run = |extra: &[&str]| {
        let server = Server::start();
        let spool = tempfile::tempdir().unwrap();
        let out = statsig()
            .key()
            .spool(spool.path())
            .env("STATSIG_LOG_EVENT_URL", server.log_event_url())
            .args(["evaluate", "--specs", specs, "--gate", "rate_gate"])
            .args(["--gate", "forwarded_gate", "--log-exposures", "--users"])
            .arg(&users)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        server.accepted_events()
    };
    let of = |events: &[Json], gate: &str| -> Vec<Json> {
        events
            .iter()
            .filter(|e| e["metadata"]["gate"] == gate)
            .cloned()
            .collect()
    };
    let all = run(&["--no-sampling"]);
    assert_eq!(of(&all, "rate_gate").len(), 40);
    assert!(
        all.iter()
            .all(|e| e["statsigMetadata"] == serde_json::json!({"samplingMode": null}))
    );
    let sampled = run(&[]);
    let forwarded = of(&sampled, "forwarded_gate");
    assert_eq!(forwarded.len(), 40, "forwardAllExposures: every one logged");
    assert!(
        forwarded
            .iter()
            .all(|e| e["statsigMetadata"]["samplingRate"].is_null())
    );
    let rate = of(&sampled, "rate_gate");
    assert!(
        rate.len() < 40 && rate.len() > 5,
        "{} of 40 kept",
        rate.len()
    );
    // user-0's is the first of its rule: logged without sampling fields.
    assert_eq!(rate[0]["user"]["userID"], "user-0");
    assert!(rate[0]["statsigMetadata"].get("samplingRate").is_none());
    for e in &rate[1..] {
        assert_eq!(e["statsigMetadata"]["samplingRate"], 2, "{e}");
        assert_eq!(e["statsigMetadata"]["samplingMode"], "on");
        assert_eq!(e["statsigMetadata"]["shadowLogged"], "logged");
    }
}
