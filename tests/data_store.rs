//! Data stores: JSON dumps and a real redis-server, every key scheme of network.md §5, and
//! `specs push` round trips.

mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use support::*;

/// sha256 base64 of KEY, computed independently of the crate.
fn h() -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(KEY.as_bytes()))
}

fn v2() -> Vec<u8> {
    read_shared("core_demo_proj_dcs.json")
}

fn v1() -> Vec<u8> {
    read_shared("py_download_config_specs.json")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// (scheme name, store key, payload)
fn schemes() -> Vec<(&'static str, String, Vec<u8>)> {
    vec![
        (
            "core",
            format!("statsig|/v2/download_config_specs|plain_text|{}", h()),
            v2(),
        ),
        (
            "core-v3",
            format!(
                "statsig|/v2/download_config_specs|plain_text|{}",
                &KEY[..20]
            ),
            v2(),
        ),
        (
            "node",
            format!("statsig|/v1/download_config_specs|plain_text|{}", h()),
            v1(),
        ),
        ("python", "statsig.cache".to_string(), v1()),
    ]
}

fn pull(tmp: &Path, store: &str, with_key: bool, extra: &[&str]) -> (Out, PathBuf) {
    let out = tmp.join("out.json");
    let _ = std::fs::remove_file(&out);
    let mut c = statsig().cache(&tmp.join("cache"));
    if with_key {
        c.env("STATSIG_SERVER_SECRET", KEY);
    }
    c.args(["specs", "pull", "--data-store", store, "--out"])
        .arg(&out)
        .arg("--id-lists-out")
        .arg(tmp.join("ids"))
        .args(extra);
    (run(c), out)
}

#[test]
fn dumps_in_every_key_scheme() {
    for (scheme, key, payload) in schemes() {
        let tmp = tempfile::tempdir().unwrap();
        let dump = tmp.path().join("dump.json");
        let v = serde_json::json!({ key.clone(): text(&payload), "other": "x" });
        std::fs::write(&dump, v.to_string()).unwrap();
        let d = dump.to_str().unwrap();
        // With the key, and alone (the only entry) without it.
        for with_key in [true, false] {
            let (o, out) = pull(tmp.path(), d, with_key, &[]);
            assert_eq!(o.code, 0, "{scheme}: {}", o.stderr);
            assert_eq!(std::fs::read(&out).unwrap(), payload, "{scheme}");
        }
    }
}

#[test]
fn dump_values_as_objects_and_core_envelopes() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump.json");
    let payload: serde_json::Value = serde_json::from_slice(&v2()).unwrap();
    for value in [
        payload.clone(),
        serde_json::json!({"result": text(&v2()), "time": 1}),
    ] {
        let v = serde_json::json!({ format!("statsig|/v2/download_config_specs|plain_text|{}", h()): value });
        std::fs::write(&dump, v.to_string()).unwrap();
        let (o, out) = pull(tmp.path(), dump.to_str().unwrap(), true, &[]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let got: serde_json::Value = serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap();
        assert_eq!(got, payload);
    }
}

#[test]
fn several_entries_need_a_key_or_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump.json");
    let mut m = serde_json::Map::new();
    for (_, key, payload) in schemes() {
        m.insert(key, serde_json::Value::String(text(&payload)));
    }
    std::fs::write(&dump, serde_json::Value::Object(m).to_string()).unwrap();
    let d = dump.to_str().unwrap();
    let (o, _) = pull(tmp.path(), d, false, &[]);
    assert_eq!(o.code, 2);
    let last = o.last_line();
    assert!(
        last.contains("4 config-specs entries") && last.contains("--data-store-key"),
        "{last}"
    );
    assert!(
        !last.contains(&KEY[..16]),
        "a core-v3 key name leaks the key prefix: {last}"
    );
    let (o, out) = pull(tmp.path(), d, false, &["--data-store-key", "statsig.cache"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(std::fs::read(out).unwrap(), v1());
    // With the key, core (v2) is preferred; --dcs-version 1 prefers node.
    let (o, out) = pull(tmp.path(), d, true, &[]);
    assert_eq!(o.code, 0);
    assert_eq!(std::fs::read(&out).unwrap(), v2());
    let (o, out) = pull(tmp.path(), d, true, &["--dcs-version", "1"]);
    assert_eq!(o.code, 0);
    assert_eq!(std::fs::read(&out).unwrap(), v1());
    // A missing dump is an input error.
    let (o, _) = pull(tmp.path(), "/nonexistent/dump.json", true, &[]);
    assert_eq!(o.code, 2);
}

#[test]
fn redis_in_every_key_scheme() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    for (i, (scheme, key, payload)) in schemes().into_iter().enumerate() {
        let db = i as u32 + 1;
        redis.set(db, &key, &payload);
        let tmp = tempfile::tempdir().unwrap();
        for with_key in [true, false] {
            let (o, out) = pull(tmp.path(), &redis.url(db), with_key, &[]);
            assert_eq!(o.code, 0, "{scheme}: {}", o.stderr);
            assert_eq!(std::fs::read(&out).unwrap(), payload, "{scheme}");
            assert!(o.stderr.contains(&format!("127.0.0.1:{}/{db}", redis.port)));
        }
    }
    // Nothing there: an input error.
    let tmp = tempfile::tempdir().unwrap();
    let (o, _) = pull(tmp.path(), &redis.url(9), true, &[]);
    assert_eq!(o.code, 2);
    assert!(
        o.last_line()
            .contains("no config specs for server key secret-…CRET"),
        "{}",
        o.stderr
    );
    // Nobody listening: a network error.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (o, _) = pull(
        tmp.path(),
        &format!("redis://127.0.0.1:{port}/0"),
        true,
        &[],
    );
    assert_eq!(o.code, 3, "{}", o.stderr);
}

fn write_id_lists(dir: &Path) -> PathBuf {
    let ids = dir.join("ids_in");
    std::fs::create_dir_all(&ids).unwrap();
    std::fs::write(
        ids.join("company_id_list"),
        read_shared("core_company_id_list"),
    )
    .unwrap();
    ids
}

fn push(tmp: &Path, store: &str, scheme: &str, specs: &Path, ids: Option<&Path>) -> Out {
    let mut c = statsig().cache(&tmp.join("cache"));
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "specs",
            "push",
            "--data-store",
            store,
            "--key-scheme",
            scheme,
            "--specs",
        ])
        .arg(specs);
    if let Some(ids) = ids {
        c.arg("--id-lists").arg(ids);
    }
    run(c)
}

#[test]
fn push_then_read_back_through_redis_in_every_scheme() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    for (i, (scheme, key, payload)) in schemes().into_iter().enumerate() {
        let db = i as u32 + 1;
        let tmp = tempfile::tempdir().unwrap();
        let specs = tmp.path().join("specs.json");
        std::fs::write(&specs, &payload).unwrap();
        let ids = write_id_lists(tmp.path());
        let o = push(tmp.path(), &redis.url(db), scheme, &specs, Some(&ids));
        assert_eq!(o.code, 0, "{scheme}: {}", o.stderr);
        assert!(!o.stdout.contains(&KEY[..16]), "{scheme}: {}", o.stdout);
        // The payload is under the scheme's key, byte for byte.
        assert_eq!(redis.get(db, &key).unwrap(), payload, "{scheme}");

        // And reads back, id lists included (python keeps lists only by fileID; the server
        // key's node id-list keys are written alongside).
        let (o, out) = pull(tmp.path(), &redis.url(db), true, &[]);
        assert_eq!(o.code, 0, "{scheme}: {}", o.stderr);
        assert_eq!(std::fs::read(&out).unwrap(), payload, "{scheme}");
        assert_eq!(
            std::fs::read(tmp.path().join("ids/company_id_list")).unwrap(),
            read_shared("core_company_id_list"),
            "{scheme}"
        );
    }
    assert!(redis.get(0, "statsig.cache").is_none());
}

#[test]
fn push_from_the_network_keeps_file_ids() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let mut c = statsig().cache(&tmp.path().join("cache"));
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "specs",
            "push",
            "--dcs-version",
            "1",
            "--key-scheme",
            "python",
        ])
        .args(["--api", &server.url(), "--data-store", &redis.url(0)]);
    let o = run(c);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(redis.get(0, "statsig.cache").unwrap(), v1());
    assert_eq!(
        redis
            .get(0, "/v1/download_id_list_file/4t0BEqak3w1UcidsPcpQXN")
            .unwrap(),
        read_shared("core_company_id_list")
    );
}

#[test]
fn push_to_a_dump_and_scheme_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("store.json");
    let specs = shared("core_demo_proj_dcs.json");
    let o = push(tmp.path(), dump.to_str().unwrap(), "core", &specs, None);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (o, out) = pull(tmp.path(), dump.to_str().unwrap(), true, &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(std::fs::read(out).unwrap(), v2());
    // A second push adds to the dump rather than replacing it.
    let o = push(
        tmp.path(),
        dump.to_str().unwrap(),
        "python",
        &shared("py_download_config_specs.json"),
        None,
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let d: serde_json::Value = serde_json::from_slice(&std::fs::read(&dump).unwrap()).unwrap();
    assert_eq!(d.as_object().unwrap().len(), 2);

    // A v2 payload cannot go under a v1 scheme.
    let o = push(tmp.path(), dump.to_str().unwrap(), "node", &specs, None);
    assert_eq!(o.code, 2);
    assert!(
        o.last_line()
            .contains("--key-scheme node stores a v1 payload but the source gave v2"),
        "{}",
        o.stderr
    );
    // No destination.
    let mut c = statsig().cache(&tmp.path().join("cache"));
    c.args(["specs", "push", "--specs"]).arg(&specs);
    let o = run(c);
    assert_eq!(o.code, 2);
    assert!(o.last_line().contains("needs --data-store"));
}

#[test]
fn redis_with_a_password_and_an_acl_user() {
    let Some(redis) = RedisServer::start_with(Some("s3cret-pass")) else {
        return;
    };
    let (_, key, payload) = schemes().remove(0);
    redis.set(1, &key, &payload);
    let tmp = tempfile::tempdir().unwrap();

    // The right password (in the URL the way every Redis client takes it).
    let (o, out) = pull(tmp.path(), &redis.url(1), true, &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), payload);
    assert!(!o.stderr.contains("s3cret-pass"), "{}", o.stderr);

    // An ACL user with its own password (AUTH user password).
    let acl = redis.commands(&[[
        "ACL",
        "SETUSER",
        "reader",
        "on",
        ">reader-pass",
        "~*",
        "+@all",
    ]
    .iter()
    .map(|a| a.as_bytes().to_vec())
    .collect()]);
    assert_eq!(acl[0].0, "+OK\r\n");
    let url = format!("redis://reader:reader-pass@127.0.0.1:{}/1", redis.port);
    let (o, out) = pull(tmp.path(), &url, true, &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), payload);

    // A wrong password, and none at all: a network error saying authentication failed,
    // the password never shown.
    for url in [
        format!("redis://:wrong-pass@127.0.0.1:{}/1", redis.port),
        format!("redis://reader:wrong-pass@127.0.0.1:{}/1", redis.port),
        format!("redis://127.0.0.1:{}/1", redis.port),
    ] {
        let (o, out) = pull(tmp.path(), &url, true, &[]);
        assert_eq!(o.code, 3, "{url}: {}", o.stderr);
        assert!(
            o.last_line().contains("authentication failed"),
            "{url}: {}",
            o.stderr
        );
        assert!(!o.stderr.contains("wrong-pass"), "{}", o.stderr);
        assert!(!out.exists());
    }
}

/// A fake Redis on a loopback port: every connection gets `reply` once the first command
/// arrives, then the connection closes, or with `stall` stays open and silent.
fn lying_redis(reply: Vec<u8>, stall: bool) -> (u16, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let t = std::thread::spawn(move || {
        // One connection is all a pull makes.
        let Ok((mut s, _)) = l.accept() else { return };
        let mut buf = [0u8; 4096];
        let _ = s.read(&mut buf);
        let _ = s.write_all(&reply);
        if stall {
            std::thread::sleep(std::time::Duration::from_secs(4));
        }
    });
    (port, t)
}

#[test]
fn a_redis_server_that_lies_about_lengths_is_an_error_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let mut endless = b"+".to_vec();
    // (The crate buffers what arrives; a 1 MiB line keeps the debug-build test quick.)
    endless.extend(std::iter::repeat_n(b'a', 1 << 20));
    for (what, reply) in [
        ("bulk length", b"$99999999999\r\nabc".to_vec()),
        ("array length", b"*2147483647\r\n:1\r\n".to_vec()),
        ("negative array", b"*-7\r\n".to_vec()),
        ("garbage type", b"?what\r\n".to_vec()),
        ("1 MiB line", endless),
    ] {
        let (port, t) = lying_redis(reply, false);
        let url = format!("redis://127.0.0.1:{port}/0");
        let (o, out) = pull(
            tmp.path(),
            &url,
            false,
            &["--data-store-key", "statsig.cache", "--timeout", "5"],
        );
        t.join().unwrap();
        assert!(matches!(o.code, 2 | 3), "{what}: {} {}", o.code, o.stderr);
        assert!(
            o.last_line().starts_with("error: redis://127.0.0.1"),
            "{what}: {}",
            o.stderr
        );
        assert!(!o.stderr.contains("panicked"), "{what}: {}", o.stderr);
        assert!(!out.exists());
    }
}

#[test]
fn a_redis_reply_that_never_ends_is_bounded_by_the_timeout() {
    use std::io::{Read, Write};
    // A server that answers the first command with a line that never ends: data keeps
    // arriving, so no single read times out; the command as a whole must.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let Ok((mut s, _)) = l.accept() else {
            return 0u64;
        };
        let mut buf = [0u8; 4096];
        let _ = s.read(&mut buf);
        let chunk = vec![b'a'; 64 * 1024];
        let mut sent = s.write_all(b"+").map_or(0, |()| 1);
        while s.write_all(&chunk).is_ok() {
            sent += chunk.len() as u64;
        }
        sent
    });
    let tmp = tempfile::tempdir().unwrap();
    let url = format!("redis://127.0.0.1:{port}/0");
    let out = tmp.path().join("out.json");
    let mut c = statsig().cache(&tmp.path().join("cache"));
    // A hang guard, not a timing: before the bound this run never ended.
    c.timeout(std::time::Duration::from_secs(120));
    c.args([
        "specs",
        "pull",
        "--data-store",
        &url,
        "--data-store-key",
        "statsig.cache",
    ])
    .args(["--timeout", "1", "--out"])
    .arg(&out);
    let o = run(c);
    let sent = server.join().unwrap();
    eprintln!(
        "the endless line had reached {} KiB when the run gave up",
        sent >> 10
    );
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.last_line().contains("timed out after 1 s"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
    assert!(!out.exists());
}

#[test]
fn a_silent_redis_times_out_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    for reply in [Vec::new(), b"$100\r\nabc".to_vec()] {
        let (port, t) = lying_redis(reply, true);
        let url = format!("redis://127.0.0.1:{port}/0");
        let (o, _) = pull(
            tmp.path(),
            &url,
            false,
            &["--data-store-key", "statsig.cache", "--timeout", "0.5"],
        );
        assert_eq!(o.code, 3, "{}", o.stderr);
        assert!(
            o.last_line().contains("timed out after 0.5 s"),
            "{}",
            o.stderr
        );
        assert!(!o.stderr.contains("os error"), "{}", o.stderr);
        t.join().unwrap();
    }
}

#[test]
fn a_key_of_the_wrong_type_is_an_input_error() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let r = redis.commands(&[vec![
        b"RPUSH".to_vec(),
        b"statsig.cache".to_vec(),
        b"x".to_vec(),
    ]]);
    assert_eq!(r[0].0, ":1\r\n");
    let tmp = tempfile::tempdir().unwrap();
    let (o, _) = pull(
        tmp.path(),
        &redis.url(0),
        false,
        &["--data-store-key", "statsig.cache"],
    );
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.last_line()
            .contains("GET: the key holds a value of another type than a string"),
        "{}",
        o.stderr
    );
}
