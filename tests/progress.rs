//! Progress of long runs on a real pseudo-terminal (rexpect): a population evaluation
//! (`report`, `test` with a population case) and event sending draw a bar or spinner on
//! stderr; with stderr piped, or with `--quiet`, not one progress byte is written.
//! The runs are long enough (seconds, in a debug build) to pass the 300 ms before a bar is
//! drawn; the tests assert what is drawn, never how fast.

mod support;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use support::{FIXTURE, Fault, KEY, Server};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary with stderr (and stdin) on a terminal, stdout into `out`.
fn on_pty(args: &[&str], env: &[(&str, &str)], out: &Path) -> PtySession {
    let mut c = Command::new("sh");
    support::clean_env(&mut c);
    c.env_remove("CI")
        .env("TERM", "xterm")
        .env("PROGRESS_TEST_OUT", out)
        .current_dir(ROOT)
        .arg("-c")
        .arg("stty cols 120 rows 30; exec \"$0\" \"$@\" > \"$PROGRESS_TEST_OUT\"")
        .arg(assert_cmd::cargo::cargo_bin!("statsig"))
        .args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    spawn_command(c, Some(240_000)).expect("a pseudo-terminal")
}

/// Everything the terminal showed, and the exit code.
fn finish(mut p: PtySession) -> (String, i32) {
    let shown = p.exp_eof().expect("the program ends");
    let code = match p.process_mut().wait().expect("an exit status") {
        WaitStatus::Exited(_, c) => c,
        s => panic!("ended by {s:?}"),
    };
    (shown, code)
}

const REPORT: &[&str] = &[
    "report",
    "--specs",
    FIXTURE,
    "--generate",
    "40000",
    "--user",
    r#"{"userID":"user-${i}"}"#,
    "--format",
    "json",
];

#[test]
fn a_population_shows_a_bar_on_a_terminal_and_nothing_when_piped() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report.json");
    let mut p = on_pty(REPORT, &[], &out);
    // The bar: what, the count of the total, the unit.
    p.exp_regex(r"evaluating \[[=> ]+\] [0-9,]+/40,000 users")
        .expect("a progress bar");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    // stdout (a file) holds the report only.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["users"], 40_000);

    // Piped stderr: no progress byte (no text, no carriage return, no escape sequence).
    let mut c = support::statsig();
    c.args(REPORT);
    let o = support::run(c);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        !o.stderr.contains("evaluating") && !o.stderr.contains('\r') && !o.stderr.contains('\x1b'),
        "progress on a pipe: {:?}",
        o.stderr
    );
}

#[test]
fn quiet_draws_no_progress_on_a_terminal() {
    let d = tempfile::tempdir().unwrap();
    let mut args = REPORT.to_vec();
    args.push("--quiet");
    let p = on_pty(&args, &[], &d.path().join("report.json"));
    let (shown, code) = finish(p);
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("evaluating"), "{shown:?}");
}

#[test]
fn a_test_run_with_a_population_shows_progress() {
    // fixtures/suites/checkout.statsig.yaml has a population case of 20,000 users.
    let d = tempfile::tempdir().unwrap();
    let mut p = on_pty(&["test", "fixtures/suites"], &[], &d.path().join("out"));
    p.exp_regex(r"evaluating \[[=> ]+\] [0-9,]+/20,000 users")
        .expect("a progress bar");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
}

#[test]
fn sending_events_shows_a_counter() {
    // 40 batches to a server that takes 60 ms for each: well over the delay.
    let server = Server::events(Arc::new(|_| Some(Fault::Delay(Duration::from_millis(60)))));
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("events.ndjson");
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("{{\"eventName\":\"e\",\"value\":{i}}}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let url = server.log_event_url();
    let spool = d.path().join("spool");
    let env = [
        ("STATSIG_SERVER_SECRET", KEY),
        ("STATSIG_SPOOL_DIR", spool.to_str().unwrap()),
    ];
    let args = [
        "log-events",
        "--file",
        file.to_str().unwrap(),
        "--log-event-url",
        &url,
    ];
    let mut p = on_pty(&args, &env, &d.path().join("out"));
    p.exp_regex(r"sending [0-9,]+ events").expect("a counter");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(server.accepted_events().len(), 20_000);

    // Piped: the summary line only.
    let o = support::statsig()
        .env("STATSIG_SERVER_SECRET", KEY)
        .env("STATSIG_SPOOL_DIR", &spool)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        !stderr.contains("sending") && !stderr.contains('\r') && !stderr.contains('\x1b'),
        "{stderr:?}"
    );
}
