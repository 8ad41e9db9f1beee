//! `statsig specs pull` against a loopback server speaking the download protocol, with faults.

mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use support::*;

struct Env {
    server: Server,
    tmp: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            server: Server::start(),
            tmp: tempfile::tempdir().unwrap(),
        }
    }
    fn cache(&self) -> PathBuf {
        self.tmp.path().join("cache")
    }
    fn out(&self) -> PathBuf {
        self.tmp.path().join("out.json")
    }
    fn ids_out(&self) -> PathBuf {
        self.tmp.path().join("ids")
    }
    /// `specs pull` with the key in the environment, against the server.
    fn pull(&self, extra: &[&str]) -> Out {
        let mut c = statsig().cache(&self.cache());
        c.env("STATSIG_SERVER_SECRET", KEY)
            .args(["specs", "pull", "--api", &self.server.url(), "--out"])
            .arg(self.out())
            .arg("--id-lists-out")
            .arg(self.ids_out())
            .args(extra);
        run(c)
    }
    fn cached(&self) -> Vec<(PathBuf, Vec<u8>)> {
        snapshot(&self.cache())
    }
    fn out_bytes(&self) -> Vec<u8> {
        std::fs::read(self.out()).unwrap()
    }
}

fn v2() -> Vec<u8> {
    read_shared("core_eval_proj_dcs.json")
}

fn ok(o: &Out) {
    assert_eq!(o.code, 0, "stderr:\n{}", o.stderr);
}

#[test]
fn v2_download_sends_sdk_headers_and_fills_the_cache() {
    let e = Env::new();
    let o = e.pull(&[]);
    ok(&o);
    assert_eq!(e.out_bytes(), v2());
    assert!(o.stderr.contains("saved the v2 payload"), "{}", o.stderr);
    let reqs = e.server.requests();
    let dcs = &reqs[0];
    assert_eq!(dcs.method, "GET");
    assert_eq!(dcs.path, format!("/v2/download_config_specs/{KEY}.json"));
    assert_eq!(dcs.query, "", "no sinceTime without a cache");
    assert_eq!(dcs.header("statsig-api-key"), Some(KEY));
    assert_eq!(dcs.header("statsig-sdk-type"), Some("statsig-cli"));
    assert_eq!(
        dcs.header("statsig-sdk-version"),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        dcs.header("statsig-server-session-id").map(str::len),
        Some(36)
    );
    let t: u128 = dcs.header("statsig-client-time").unwrap().parse().unwrap();
    assert!(t > 1_600_000_000_000);
    assert!(dcs.header("accept-encoding").unwrap().contains("gzip"));
    assert!(
        dcs.header("user-agent")
            .unwrap()
            .contains("statsig-sdk-type/statsig-cli")
    );
    // Id lists: manifest POSTed to a non-CDN api, then the file.
    assert_eq!(reqs[1].method, "POST");
    assert_eq!(reqs[1].path, "/v1/get_id_lists");
    assert!(String::from_utf8_lossy(&reqs[1].body).contains("statsigMetadata"));
    assert_eq!(reqs[2].path, "/ids/company_id_list");
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        std::fs::read(e.ids_out().join("company_id_list")).unwrap(),
        read_shared("core_company_id_list")
    );
    // The cache holds the exact payload under a hashed folder name.
    let cached = e.cached();
    assert!(
        cached
            .iter()
            .any(|(p, b)| p.ends_with("dcs-v2.json") && *b == v2())
    );
    assert_no_key_in(&e.cache());

    // A second run asks for updates since the cached lcut and does not refetch the list.
    e.server.clear();
    ok(&e.pull(&[]));
    let reqs = e.server.requests();
    assert_eq!(reqs[0].query, "sinceTime=1767981029384");
    assert_eq!(e.server.count("/ids/"), 0);
}

#[test]
fn v1_with_dcs_version_1() {
    let e = Env::new();
    let o = e.pull(&["--dcs-version", "1", "--no-id-lists"]);
    ok(&o);
    assert_eq!(e.out_bytes(), read_shared("py_download_config_specs.json"));
    assert_eq!(
        e.server.requests()[0].path,
        format!("/v1/download_config_specs/{KEY}.json")
    );
    assert_eq!(e.server.requests().len(), 1);
}

#[test]
fn gzip_and_deflate_bodies_are_decoded() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Gzip);
    ok(&e.pull(&["--no-id-lists"]));
    assert_eq!(e.out_bytes(), v2());
    std::fs::remove_dir_all(e.cache()).unwrap();
    e.server.fault("dcs", Fault::Deflate);
    ok(&e.pull(&["--no-id-lists"]));
    assert_eq!(e.out_bytes(), v2());
}

#[test]
fn has_updates_false_keeps_the_cached_payload() {
    let e = Env::new();
    ok(&e.pull(&[]));
    let before = e.cached();
    std::fs::remove_file(e.out()).unwrap();
    e.server.fault("dcs", Fault::NoUpdates);
    e.server.clear();
    ok(&e.pull(&[]));
    assert_eq!(e.out_bytes(), v2());
    assert_eq!(e.cached(), before);
    assert!(e.server.requests()[0].query.starts_with("sinceTime="));
    assert_eq!(e.server.count("download_config_specs"), 1);
}

#[test]
fn has_updates_false_without_a_cache_is_an_error() {
    let e = Env::new();
    e.server.fault("dcs", Fault::NoUpdates);
    let o = e.pull(&[]);
    assert_eq!(o.code, 3);
    assert!(o.last_line().contains("has_updates:false"), "{}", o.stderr);
    assert!(snapshot(&e.cache()).is_empty());
}

#[test]
fn a_500_then_200_is_retried() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Status(500, None));
    let o = e.pull(&[]);
    ok(&o);
    assert_eq!(e.server.count("download_config_specs"), 2);
    assert!(o.stderr.contains("HTTP 500"), "{}", o.stderr);
    assert!(o.stderr.contains("retry 1 of 3"), "{}", o.stderr);
    assert_eq!(e.out_bytes(), v2());
}

#[test]
fn quiet_retries_say_nothing() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Status(500, None));
    let o = e.pull(&["-q"]);
    ok(&o);
    assert_eq!(e.server.count("download_config_specs"), 2);
    assert!(!o.stderr.contains("retry"), "{}", o.stderr);
}

#[test]
fn a_429_waits_for_retry_after() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Status(429, Some("1")));
    let t = Instant::now();
    let o = e.pull(&["--no-id-lists"]);
    ok(&o);
    assert!(t.elapsed() >= Duration::from_secs(1), "{:?}", t.elapsed());
    assert!(o.stderr.contains("in 1.00 s"), "{}", o.stderr);
    assert_eq!(e.server.count("download_config_specs"), 2);
}

#[test]
fn a_rejected_key_fails_at_once_with_exit_3() {
    for code in [401, 403] {
        let e = Env::new();
        e.server.fault("dcs", Fault::Status(code, None));
        let o = e.pull(&[]);
        assert_eq!(o.code, 3);
        assert_eq!(
            o.last_line(),
            format!(
                "error: the server key was rejected (HTTP {code}) by {}",
                e.server.addr
            )
        );
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
        assert_eq!(e.server.count("download_config_specs"), 1);
        assert!(!e.out().exists());
    }
    // A wrong key, for real.
    let e = Env::new();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", "secret-wrongwrongwrong")
        .args(["specs", "pull", "--api", &e.server.url(), "--out"])
        .arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 3);
    assert!(o.last_line().contains("rejected (HTTP 401)"));
    assert!(!o.stderr.contains("wrongwrongwrong"));
}

#[test]
fn other_4xx_is_not_retried() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Status(404, None));
    let o = e.pull(&[]);
    assert_eq!(o.code, 3);
    assert_eq!(e.server.count("download_config_specs"), 1);
    assert!(
        o.last_line()
            .starts_with("error: download_config_specs: HTTP 404"),
        "{}",
        o.stderr
    );
    assert!(o.last_line().contains("secret-…CRET"), "{}", o.stderr);
}

#[test]
fn timeouts_are_retried_then_reported() {
    let e = Env::new();
    e.server
        .fault("dcs", Fault::Delay(Duration::from_millis(1500)));
    e.server
        .fault("dcs", Fault::Delay(Duration::from_millis(1500)));
    let o = e.pull(&["--timeout", "0.3", "--retries", "1"]);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert_eq!(e.server.count("download_config_specs"), 2);
    let last = o.last_line();
    assert!(
        last.starts_with(
            "error: download_config_specs failed after 2 attempts: timed out after 0.3 s ("
        ),
        "{last}"
    );
    // And a delay shorter than the timeout is fine.
    e.server
        .fault("dcs", Fault::Delay(Duration::from_millis(100)));
    ok(&e.pull(&["--timeout", "5"]));
}

/// Runs a good pull, then one with `faults` queued, and checks the failure left the cache
/// and the output file alone. Returns the failing run.
fn fails_without_touching_the_cache(faults: &[Fault], args: &[&str]) -> (Env, Out) {
    let e = Env::new();
    ok(&e.pull(&[]));
    let before = e.cached();
    assert!(!before.is_empty());
    std::fs::write(e.out(), b"previous").unwrap();
    for f in faults {
        e.server.fault("dcs", f.clone());
    }
    e.server.clear();
    let o = e.pull(args);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert_eq!(e.cached(), before, "a bad response changed the cache");
    assert_eq!(std::fs::read(e.out()).unwrap(), b"previous");
    assert!(
        o.last_line()
            .ends_with("; a cached payload exists: add --offline to use it"),
        "{}",
        o.stderr
    );
    (e, o)
}

#[test]
fn persistent_5xx_fails_after_all_retries() {
    let f = Fault::Status(503, None);
    let (e, o) = fails_without_touching_the_cache(&[f.clone(), f.clone(), f], &["--retries", "2"]);
    assert_eq!(e.server.count("download_config_specs"), 3);
    assert!(
        o.last_line().starts_with(
            "error: download_config_specs failed after 3 attempts: HTTP 503 Service Unavailable"
        ),
        "{}",
        o.stderr
    );
    assert_eq!(o.stderr.matches("retry ").count(), 2);
}

#[test]
fn truncated_gzip_is_retried_and_never_cached() {
    let f = Fault::TruncatedGzip;
    let (e, o) = fails_without_touching_the_cache(&[f.clone(), f.clone()], &["--retries", "1"]);
    assert_eq!(e.server.count("download_config_specs"), 2);
    assert!(o.last_line().contains("gzip"), "{}", o.stderr);
    // One truncated body, then a good one: success.
    e.server.fault("dcs", Fault::TruncatedGzip);
    e.server.clear();
    ok(&e.pull(&[]));
    assert_eq!(e.server.count("download_config_specs"), 2);
}

#[test]
fn a_non_json_body_is_rejected_without_retry() {
    let (e, o) = fails_without_touching_the_cache(&[Fault::NotJson], &[]);
    assert_eq!(e.server.count("download_config_specs"), 1);
    assert!(
        o.last_line()
            .starts_with("error: download_config_specs: the server sent an unusable payload:"),
        "{}",
        o.stderr
    );
    assert!(o.last_line().contains("not valid JSON"));
}

#[test]
fn a_connection_reset_is_retried() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Reset);
    let o = e.pull(&[]);
    ok(&o);
    assert_eq!(e.server.count("download_config_specs"), 2);
    assert!(o.stderr.contains("connection failed"), "{}", o.stderr);

    let r = Fault::Reset;
    let (e, o) = fails_without_touching_the_cache(&[r.clone(), r.clone(), r.clone(), r], &[]);
    assert_eq!(e.server.count("download_config_specs"), 4);
    assert!(
        o.last_line()
            .contains("failed after 4 attempts: connection failed"),
        "{}",
        o.stderr
    );
}

#[test]
fn nothing_listening_is_a_network_error() {
    let e = Env::new();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "specs",
            "pull",
            "--api",
            "http://127.0.0.1:9",
            "--retries",
            "0",
            "--out",
        ])
        .arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 3);
    assert!(
        o.last_line()
            .contains("failed after 1 attempt: connection failed"),
        "{}",
        o.stderr
    );
}

#[test]
fn offline_reads_the_cache_only() {
    let e = Env::new();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args(["specs", "pull", "--offline", "--out"])
        .arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 2);
    assert!(
        o.last_line()
            .contains("--offline: no cached v2 config specs for server key secret-…CRET"),
        "{}",
        o.stderr
    );

    ok(&e.pull(&[]));
    std::fs::remove_file(e.out()).unwrap();
    std::fs::remove_dir_all(e.ids_out()).unwrap();
    e.server.clear();
    let o = e.pull(&["--offline"]);
    ok(&o);
    assert!(e.server.requests().is_empty());
    assert_eq!(e.out_bytes(), v2());
    assert_eq!(
        std::fs::read(e.ids_out().join("company_id_list")).unwrap(),
        read_shared("core_company_id_list")
    );
}

#[test]
fn key_from_a_file_or_argv() {
    let e = Env::new();
    let key_file = e.tmp.path().join("key");
    std::fs::write(&key_file, format!("{KEY}\n")).unwrap();
    let mut c = statsig().cache(&e.cache());
    c.args([
        "specs",
        "pull",
        "--no-id-lists",
        "--api",
        &e.server.url(),
        "--server-key-file",
    ])
    .arg(&key_file)
    .arg("--out")
    .arg(e.out());
    let o = run(c);
    ok(&o);
    assert!(!o.stderr.contains("warning"));

    let mut c = statsig().cache(&e.cache());
    c.args([
        "specs",
        "pull",
        "--no-id-lists",
        "--api",
        &e.server.url(),
        "--server-key",
        KEY,
        "--out",
    ])
    .arg(e.out());
    let o = run(c);
    ok(&o);
    assert!(
        o.stderr
            .starts_with("warning: --server-key is visible to other processes")
    );
    assert_eq!(o.stderr.matches("warning").count(), 1);
    // Warned once even when a command reads the key twice (push: names keys, loads specs).
    let mut c = statsig().cache(&e.cache());
    c.args(["specs", "push", "--server-key", KEY, "--specs"])
        .arg(shared("core_demo_proj_dcs.json"))
        .arg("--data-store")
        .arg(e.tmp.path().join("dump.json"));
    let o = run(c);
    ok(&o);
    assert_eq!(o.stderr.matches("warning").count(), 1, "{}", o.stderr);

    // No key at all: an input error naming the ways to give one.
    let mut c = statsig().cache(&e.cache());
    c.args(["specs", "pull", "--out"]).arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 2);
    assert!(
        o.last_line().contains("STATSIG_SERVER_SECRET"),
        "{}",
        o.stderr
    );
}

fn set_list(e: &Env, id: &str, bytes: &[u8]) {
    e.server.state.lock().unwrap().lists.insert(
        "company_id_list".into(),
        (id.into(), 1721417546000, bytes.to_vec()),
    );
}

#[test]
fn id_lists_sync_incrementally() {
    let e = Env::new();
    let base = read_shared("core_company_id_list");
    ok(&e.pull(&[]));
    // The list grows: only the new bytes are asked for.
    let mut grown = base.clone();
    grown.extend_from_slice(b"+NEWid001\n-2Tv4fIVX\n");
    set_list(&e, "4t0BEqak3w1UcidsPcpQXN", &grown);
    e.server.clear();
    ok(&e.pull(&[]));
    let list_reqs: Vec<Req> = e
        .server
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/ids/"))
        .collect();
    assert_eq!(list_reqs.len(), 1);
    assert_eq!(
        list_reqs[0].header("range"),
        Some(format!("bytes={}-", base.len()).as_str())
    );
    assert_eq!(
        std::fs::read(e.ids_out().join("company_id_list")).unwrap(),
        grown
    );

    // A new fileID: downloaded again from the start.
    set_list(&e, "otherFileID", b"+only0001\n");
    e.server.clear();
    ok(&e.pull(&[]));
    let list_reqs: Vec<Req> = e
        .server
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/ids/"))
        .collect();
    assert_eq!(list_reqs[0].header("range"), Some("bytes=0-"));
    assert_eq!(
        std::fs::read(e.ids_out().join("company_id_list")).unwrap(),
        b"+only0001\n"
    );

    // A file that does not start with + or -: that list's update is rejected with a
    // warning, the specs are still pulled and the cache keeps the old list.
    let before = e.cached();
    set_list(&e, "third", b"<html>oops</html>");
    let o = e.pull(&[]);
    ok(&o);
    assert!(
        o.stderr
            .contains("id list company_id_list: the file does not start with + or -"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("using the cached copy"), "{}", o.stderr);
    assert_eq!(e.cached(), before);

    // A list gone from the manifest is dropped.
    e.server.state.lock().unwrap().lists.clear();
    ok(&e.pull(&[]));
    assert!(
        !e.cached()
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("files/company_id_list"))
    );
}

#[test]
fn endpoint_overrides() {
    let e = Env::new();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args(["specs", "pull", "--api", "http://127.0.0.1:9"])
        .args([
            "--dcs-url",
            &format!("{}/v1/download_config_specs", e.server.url()),
        ])
        .args([
            "--id-lists-url",
            &format!("{}/v1/get_id_lists", e.server.url()),
        ])
        .arg("--out")
        .arg(e.out());
    ok(&run(c));
    assert_eq!(e.out_bytes(), read_shared("py_download_config_specs.json"));
    assert_eq!(e.server.count("get_id_lists"), 1);
}

#[test]
fn https_proxy_and_no_proxy_are_honoured() {
    let e = Env::new();
    // The server doubles as a forward proxy (CONNECT) for a host that does not resolve.
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .env("HTTPS_PROXY", e.server.url())
        .args([
            "specs",
            "pull",
            "--no-id-lists",
            "--api",
            "http://statsig-upstream.invalid",
            "--out",
        ])
        .arg(e.out());
    ok(&run(c));
    let reqs = e.server.requests();
    assert_eq!(reqs[0].method, "CONNECT");
    assert!(
        reqs[0].path.starts_with("statsig-upstream.invalid"),
        "{:?}",
        reqs[0]
    );
    assert_eq!(e.out_bytes(), v2());

    // NO_PROXY sends it direct, where the host does not exist.
    e.server.clear();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .env("HTTPS_PROXY", e.server.url())
        .env("NO_PROXY", "statsig-upstream.invalid")
        .args([
            "specs",
            "pull",
            "--no-id-lists",
            "--retries",
            "0",
            "--api",
            "http://statsig-upstream.invalid",
            "--out",
        ])
        .arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(e.server.requests().is_empty());
}

#[test]
fn pull_to_stdout_and_from_a_file() {
    let e = Env::new();
    let mut c = statsig().cache(&e.cache());
    c.args(["specs", "pull", "--out", "-", "--specs"])
        .arg(shared("core_demo_proj_dcs.json"));
    let o = c.output().unwrap();
    assert!(o.status.success());
    assert_eq!(o.stdout, read_shared("core_demo_proj_dcs.json"));
}

#[test]
fn a_failing_id_list_download_keeps_the_specs() {
    // The list itself fails (every attempt): the specs are pulled, the list is named.
    let e = Env::new();
    for _ in 0..3 {
        e.server.fault("list", Fault::Status(503, None));
    }
    let o = e.pull(&["--retries", "1"]);
    ok(&o);
    assert_eq!(e.out_bytes(), v2());
    assert!(
        o.stderr.contains(
            "warning: id list company_id_list is missing or stale (conditions on it see an empty list)"
        ),
        "{}",
        o.stderr
    );
    // The manifest fails: the specs still count, the cached lists stand in.
    ok(&e.pull(&[]));
    e.server.fault("manifest", Fault::Status(500, None));
    let o = e.pull(&["--retries", "0"]);
    ok(&o);
    assert!(
        o.stderr
            .contains("warning: id lists unavailable (using the cached copies of company_id_list)"),
        "{}",
        o.stderr
    );
    assert_eq!(
        std::fs::read(e.ids_out().join("company_id_list")).unwrap(),
        read_shared("core_company_id_list")
    );
    // The specs failing is still an error.
    e.server.fault("dcs", Fault::Status(500, None));
    let o = e.pull(&["--retries", "0"]);
    assert_eq!(o.code, 3, "{}", o.stderr);
}

#[test]
fn a_501_is_not_retried() {
    let e = Env::new();
    e.server.fault("dcs", Fault::Status(501, None));
    let o = e.pull(&[]);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert_eq!(e.server.count("download_config_specs"), 1);
    assert!(o.last_line().contains("HTTP 501"), "{}", o.stderr);
}

#[test]
fn error_bodies_never_show_the_key_or_control_characters() {
    let e = Env::new();
    e.server.fault("dcs", Fault::EchoKey(400));
    // run() also checks that no output holds the key.
    let o = e.pull(&[]);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.last_line().contains("unknown key secret-…CRET"),
        "{}",
        o.stderr
    );
    assert!(
        !o.stderr.contains('\x1b') && !o.stderr.contains('\x07'),
        "{:?}",
        o.stderr
    );
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
}

#[test]
fn a_redirect_to_another_origin_drops_the_key() {
    let e = Env::new();
    let other = Server::start();
    let path = format!("/v2/download_config_specs/{KEY}.json");
    e.server.fault(
        "dcs",
        Fault::Redirect(302, format!("{}{path}", other.url())),
    );
    let o = e.pull(&["--no-id-lists"]);
    // The other host never saw the key, so it refused the request.
    assert_eq!(o.code, 3, "{}", o.stderr);
    let followed = other.requests();
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0].path, path);
    assert_eq!(followed[0].header("statsig-api-key"), None);
    assert_eq!(e.server.requests()[0].header("statsig-api-key"), Some(KEY));
    // The same origin keeps it (a relative Location).
    e.server.fault("dcs", Fault::Redirect(301, path.clone()));
    let o = e.pull(&["--no-id-lists"]);
    ok(&o);
    let reqs = e.server.requests();
    assert_eq!(reqs.last().unwrap().header("statsig-api-key"), Some(KEY));
}

/// A gzip body that inflates to `mib` MiB of zeros: one 1 MiB member, repeated.
fn gzip_bomb(mib: usize) -> Vec<u8> {
    let member = gzip(&vec![0u8; 1 << 20]);
    member.repeat(mib)
}

#[test]
fn a_gzip_bomb_is_refused_with_exit_3() {
    let e = Env::new();
    let bomb = gzip_bomb(300);
    assert!(bomb.len() < 1 << 20, "the bomb is small on the wire");
    e.server.fault(
        "dcs",
        Fault::Reply(200, vec![("Content-Encoding", "gzip".into())], bomb),
    );
    let o = e.pull(&["--retries", "0"]);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.last_line().contains(
            "download_config_specs: the response is larger than 256 MiB once decompressed"
        ),
        "{}",
        o.stderr
    );
    assert!(!e.out().exists());
    assert!(e.cached().is_empty());
}

#[test]
fn proxies_that_are_dead_or_malformed_are_named() {
    let e = Env::new();
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut c = statsig().cache(&e.cache());
    c.env("STATSIG_SERVER_SECRET", KEY)
        .env("HTTPS_PROXY", format!("http://{dead}"))
        .args([
            "specs",
            "pull",
            "--retries",
            "0",
            "--api",
            &e.server.url(),
            "--out",
        ])
        .arg(e.out());
    let o = run(c);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.last_line()
            .contains(&format!("(through the proxy http://{dead})")),
        "{}",
        o.stderr
    );
    for (var, value) in [
        ("HTTPS_PROXY", "http://proxy:notaport"),
        ("ALL_PROXY", "ftp://proxy:21"),
        ("http_proxy", "http://[::1"),
    ] {
        let mut c = statsig().cache(&e.cache());
        c.env("STATSIG_SERVER_SECRET", KEY)
            .env(var, value)
            .args(["specs", "pull", "--api", &e.server.url(), "--out"])
            .arg(e.out());
        let o = run(c);
        assert_eq!(o.code, 2, "{var}={value}: {}", o.stderr);
        assert!(
            o.last_line()
                .contains(&format!("{var}: not a usable proxy URL")),
            "{}",
            o.stderr
        );
    }
    assert!(
        e.server.requests().is_empty(),
        "never went around the proxy"
    );
}
