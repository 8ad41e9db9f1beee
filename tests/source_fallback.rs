//! `--source` (ordered sources: the first that gives a payload wins, each failure one
//! warning, all failing exit 3 naming each), `--fallback-to-statsig-api`, and the cache kept
//! per API base, against the loopback server with injected faults and a real redis-server.

mod support;

use support::*;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo_dcs.json");

/// `check-gate new_checkout --json` for user 42 with `args`; (exit code, reason, stderr).
fn gate(cache: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let mut c = statsig().cache(cache);
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "check-gate",
            "test_country",
            "--user-id",
            "42",
            "--json",
            "--retries",
            "0",
        ])
        .args(["--timeout", "2", "--no-id-lists"])
        .args(args);
    let o = run(c);
    let reason = serde_json::from_str::<serde_json::Value>(&o.stdout)
        .map(|v| v["reason"].as_str().unwrap_or("").to_string())
        .unwrap_or_default();
    (o.code, reason, o.stderr)
}

#[test]
fn the_first_source_that_works_serves() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let url = server.url();
    // A dump the data store serves, pushed from the same payload.
    let dump = tmp.path().join("dump.json");
    let mut c = statsig().cache(&cache);
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "specs",
            "push",
            "--api",
            &url,
            "--no-id-lists",
            "--data-store",
        ])
        .arg(&dump);
    assert_eq!(run(c).code, 0);
    let d = dump.to_str().unwrap();

    // The network works: it serves, nothing is warned about.
    let (code, reason, err) = gate(
        &cache,
        &[
            "--api",
            &url,
            "--source",
            "network,data-store",
            "--data-store",
            d,
        ],
    );
    assert_eq!((code, reason.as_str()), (0, "Network:Recognized"), "{err}");
    assert!(!err.contains("warning"), "{err}");

    // The network fails (HTTP 500): one warning naming it and the next source, which serves.
    server.fault("dcs", Fault::Status(500, None));
    let (code, reason, err) = gate(
        &cache,
        &[
            "--api",
            &url,
            "--source",
            "network,data-store",
            "--data-store",
            d,
        ],
    );
    assert_eq!(
        (code, reason.as_str()),
        (0, "Adapter(DataStore):Recognized"),
        "{err}"
    );
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].starts_with("warning: source network failed: ")
            && warnings[0].contains("500")
            && warnings[0].ends_with("; trying data-store"),
        "{err}"
    );

    // The network down, the data store missing: the cache of this API base serves.
    server.fault("dcs", Fault::Reset);
    let missing = tmp.path().join("missing.json");
    let m = missing.to_str().unwrap();
    let (code, reason, err) = gate(
        &cache,
        &[
            "--api",
            &url,
            "--source",
            "network,data-store,cache",
            "--data-store",
            m,
        ],
    );
    assert_eq!((code, reason.as_str()), (0, "Network:Recognized"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("warning")).count(),
        2,
        "{err}"
    );
}

#[test]
fn all_sources_failing_exits_3_naming_each() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let url = server.url();
    server.fault("dcs", Fault::Status(503, None));
    let missing = tmp.path().join("missing.json");
    let (code, _, err) = gate(
        &cache,
        &[
            "--api",
            &url,
            "--source",
            "network,data-store,cache",
            "--data-store",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 3, "{err}");
    let last = err.lines().last().unwrap_or("");
    assert!(
        last.starts_with("error: no source gave specs (network: "),
        "{err}"
    );
    for part in ["503", "; data-store: ", "missing.json", "; cache: "] {
        assert!(last.contains(part), "{part}: {last}");
    }
    assert!(!err.contains(KEY), "{err}");
    // A data store in the list needs --data-store.
    let (code, _, err) = gate(&cache, &["--source", "data-store"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--source data-store needs --data-store"),
        "{err}"
    );
}

#[test]
fn redis_serves_when_the_network_is_down() {
    let Some(redis) = RedisServer::start() else {
        if std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_some() {
            panic!("cannot skip under STATSIG_REQUIRE_ALL_TESTS: no redis-server");
        }
        eprintln!("SKIPPED: no redis-server");
        return;
    };
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let url = server.url();
    let r = redis.url(0);
    let mut c = statsig().cache(&cache);
    c.env("STATSIG_SERVER_SECRET", KEY).args([
        "specs",
        "push",
        "--api",
        &url,
        "--no-id-lists",
        "--data-store",
        &r,
    ]);
    assert_eq!(run(c).code, 0);
    server.fault("dcs", Fault::Status(500, None));
    let (code, reason, err) = gate(
        &cache,
        &[
            "--api",
            &url,
            "--source",
            "network,data-store",
            "--data-store",
            &r,
        ],
    );
    assert_eq!(
        (code, reason.as_str()),
        (0, "Adapter(DataStore):Recognized"),
        "{err}"
    );
}

/// Two API bases never share a cache entry: what one server sent is not what --offline
/// reads for the other.
#[test]
fn the_cache_is_kept_per_api_base() {
    let a = Server::start();
    let b = Server::start();
    b.state.lock().unwrap().v2 = std::fs::read(DEMO).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let (ua, ub) = (a.url(), b.url());
    assert_eq!(gate(&cache, &["--api", &ua]).0, 0);
    // B's cache is empty: --offline with B's base finds nothing.
    let (code, _, err) = gate(&cache, &["--api", &ub, "--offline"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no cached"), "{err}");
    assert_eq!(gate(&cache, &["--api", &ub]).0, 0);
    // Each base reads back its own payload: test_country exists only in A's.
    let (code, reason, err) = gate(&cache, &["--api", &ua, "--offline"]);
    assert_eq!((code, reason.as_str()), (0, "Network:Recognized"), "{err}");
    let (code, reason, err) = gate(&cache, &["--api", &ub, "--offline"]);
    assert_eq!(
        (code, reason.as_str()),
        (0, "Network:Unrecognized"),
        "{err}"
    );
}

/// `--fallback-to-statsig-api`: a failing --api is followed by Statsig's API. Here Statsig's
/// API cannot be reached either (the tests never leave the machine), so the error names both.
#[test]
fn fallback_to_statsig_api_tries_statsig_after_the_custom_api() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let url = server.url();
    server.fault("dcs", Fault::Status(500, None));
    let (code, _, err) = gate(&cache, &["--api", &url]);
    assert_eq!(code, 3, "{err}");
    assert!(!err.contains("Statsig API"), "{err}");
    server.fault("dcs", Fault::Status(500, None));
    let mut c = statsig().cache(&cache);
    c.env("STATSIG_SERVER_SECRET", KEY)
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .args([
            "check-gate",
            "test_country",
            "--user-id",
            "42",
            "--retries",
            "0",
            "--timeout",
            "1",
        ])
        .args(["--no-id-lists", "--api", &url, "--fallback-to-statsig-api"]);
    let o = run(c);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("falling back to the Statsig API (--fallback-to-statsig-api)"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("; then the Statsig API: "),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("api.statsigcdn.com"), "{}", o.stderr);
}
