//! `specs pull --watch` and `specs push --watch` against the loopback server: the first
//! payload is written, an unchanged one is not, a newer one is (one stdout line each, `--exec`
//! run after each), and SIGTERM / SIGINT stop them with exit 0 and no temporary files left.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use support::*;

/// A running watcher and its stdout lines.
struct Watcher {
    child: Child,
    lines: Receiver<String>,
}

fn start(args: &[&str], cache: &std::path::Path) -> Watcher {
    let mut c = statsig_process().key().cache(cache);
    let mut child = c
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    Watcher { child, lines }
}

/// `specs pull --watch` every 100 ms from the loopback server into `out`, with `extra`.
fn pull_watch(
    server: &Server,
    out: &std::path::Path,
    extra: &[&str],
    tmp: &std::path::Path,
) -> Watcher {
    let url = server.url();
    let mut args = vec![
        "specs",
        "pull",
        "--watch",
        "--interval",
        "100ms",
        "--api",
        &url,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    start(&args, &tmp.join("cache"))
}

impl Watcher {
    fn next_line(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(30))
            .expect("an update line within 30 s")
    }

    /// Sends `signal` and returns the exit code.
    fn stop(mut self, signal: &str) -> Option<i32> {
        let pid = self.child.id().to_string();
        let ok = std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap();
        assert!(ok.success());
        for _ in 0..200 {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the watcher did not stop within 10 s of {signal}");
    }
}

/// The server's v2 payload with a later `time`.
fn newer(server: &Server) -> Vec<u8> {
    let mut st = server.state.lock().unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&st.v2).unwrap();
    v["time"] = (v["time"].as_i64().unwrap() + 60_000).into();
    st.v2 = serde_json::to_vec(&v).unwrap();
    st.v2.clone()
}

#[test]
fn pull_watch_writes_each_new_payload_once_and_stops_cleanly() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("specs.json");
    let log = tmp.path().join("exec.log");
    let exec = format!("echo updated >> {}", log.display());
    let w = pull_watch(
        &server,
        &out,
        &["--no-id-lists", "--exec", &exec],
        tmp.path(),
    );
    let first = w.next_line();
    assert!(
        first.starts_with(&format!("updated {}: v2 payload", out.display())),
        "{first}"
    );
    let original = server.state.lock().unwrap().v2.clone();
    assert_eq!(std::fs::read(&out).unwrap(), original);
    // Polls go on; an unchanged payload writes nothing and prints nothing.
    wait_for_polls(&server, 3);
    assert!(
        w.lines.try_recv().is_err(),
        "a line for an unchanged payload"
    );
    let second_payload = newer(&server);
    let second = w.next_line();
    assert!(second.contains("v2 payload"), "{second}");
    assert_eq!(std::fs::read(&out).unwrap(), second_payload);
    // A failing poll changes nothing; the watcher goes on.
    server.fault("dcs", Fault::Status(500, None));
    let polled = server.count("download_config_specs");
    wait_for_polls(&server, polled + 2);
    assert_eq!(std::fs::read(&out).unwrap(), second_payload);
    assert_eq!(w.stop("-TERM"), Some(0));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "updated\nupdated\n");
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["specs.json"], "only the payload is left");
}

#[test]
fn push_watch_keeps_a_data_store_current() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump.json");
    let url = server.url();
    let w = start(
        &[
            "specs",
            "push",
            "--watch",
            "--interval",
            "100ms",
            "--no-id-lists",
            "--api",
            &url,
            "--data-store",
            dump.to_str().unwrap(),
        ],
        &tmp.path().join("cache"),
    );
    let first = w.next_line();
    assert!(first.starts_with("pushed the v2 payload"), "{first}");
    let time_in_dump = || -> i64 {
        let d: serde_json::Value = serde_json::from_slice(&std::fs::read(&dump).unwrap()).unwrap();
        let (_, v) = d
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.contains("download_config_specs"))
            .unwrap();
        let payload: serde_json::Value = serde_json::from_str(v.as_str().unwrap()).unwrap();
        payload["time"].as_i64().unwrap()
    };
    let before = time_in_dump();
    newer(&server);
    let second = w.next_line();
    assert!(second.starts_with("pushed the v2 payload"), "{second}");
    assert_eq!(time_in_dump(), before + 60_000);
    assert_eq!(w.stop("-INT"), Some(0));
}

#[test]
fn watch_needs_a_file_and_a_good_interval() {
    let out = statsig()
        .args([
            "specs", "pull", "--watch", "--out", "-", "--specs", "x.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out FILE"));
    let out = statsig()
        .args([
            "specs",
            "pull",
            "--watch",
            "--interval",
            "soon",
            "--out",
            "f.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected a duration"));
}

#[test]
fn pull_watch_writes_an_id_list_that_changed_while_the_specs_did_not() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("specs.json");
    let lists = tmp.path().join("lists");
    let extra = [
        "--id-lists-out",
        lists.to_str().unwrap(),
        "--id-lists-interval",
        "300ms",
    ];
    let w = pull_watch(&server, &out, &extra, tmp.path());
    let first = w.next_line();
    assert!(first.contains("v2 payload"), "{first}");
    let list_file = lists.join("company_id_list");
    let before = std::fs::read(&list_file).unwrap();
    // A new file of the list (a new fileID, as Statsig issues on a rewrite), same specs.
    let replaced = b"+zzzzzzzz\n".to_vec();
    server.state.lock().unwrap().lists.insert(
        "company_id_list".into(),
        ("new-file-id".into(), 1_800_000_000_000, replaced.clone()),
    );
    let second = w.next_line();
    assert!(second.contains("v2 payload"), "{second}");
    let after = std::fs::read(&list_file).unwrap();
    assert_ne!(after, before);
    assert_eq!(after, replaced);
    assert_eq!(w.stop("-TERM"), Some(0));
}

#[test]
fn pull_watch_fetches_id_lists_at_their_own_interval() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("specs.json");
    // Specs every 100 ms, id lists at the SDKs' default of 60 s: one manifest request.
    let w = pull_watch(&server, &out, &[], tmp.path());
    let first = w.next_line();
    assert!(first.contains("v2 payload"), "{first}");
    // At least three more polls of the specs, well inside the lists' 60 s.
    wait_for_polls(&server, 4);
    assert_eq!(server.count("get_id_lists"), 1);
    assert!(
        w.lines.try_recv().is_err(),
        "nothing changed, nothing printed"
    );
    assert_eq!(w.stop("-INT"), Some(0));
}

/// Waits until the server has answered `n` specs requests in all (polls are timed by the
/// watcher; a loaded machine only makes them late).
fn wait_for_polls(server: &Server, n: usize) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while server.count("download_config_specs") < n {
        assert!(
            std::time::Instant::now() < deadline,
            "fewer than {n} specs requests in 30 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
