//! `statsig evaluate` gives the same output whichever source delivers the same payload and
//! id lists: --specs + --id-lists, the network, the cache (--offline), a dump, Redis.

mod support;

use std::path::Path;

use support::*;

/// The id-list key of a unit id: the first 8 characters of its sha256 base64.
fn id_hash(id: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(id.as_bytes()))[..8]
        .to_string()
}

fn evaluate(tmp: &Path, users: &Path, source: &[&str], with_key: bool) -> String {
    let mut c = statsig().cache(&tmp.join("cache"));
    if with_key {
        c.env("STATSIG_SERVER_SECRET", KEY);
    }
    c.args(["evaluate", "--users"]).arg(users).args(source);
    let o = run(c);
    assert_eq!(o.code, 0, "{source:?}: {}", o.stderr);
    // The source names itself in evaluation reasons; everything else must match.
    ["Bootstrap", "Adapter(DataStore)", "Network"]
        .iter()
        .fold(o.stdout, |s, src| s.replace(src, "<SOURCE>"))
}

#[test]
fn every_source_evaluates_like_specs() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();

    // The company list gains a member we can name, so id lists visibly matter.
    let mut list = read_shared("core_company_id_list");
    list.extend_from_slice(format!("+{}\n", id_hash("company-42")).as_bytes());
    server.state.lock().unwrap().lists.insert(
        "company_id_list".into(),
        ("4t0BEqak3w1UcidsPcpQXN".into(), 1721417546000, list.clone()),
    );
    let ids = t.join("ids");
    std::fs::create_dir_all(&ids).unwrap();
    std::fs::write(ids.join("company_id_list"), &list).unwrap();
    let specs = shared("core_eval_proj_dcs.json");

    let users = t.join("users.ndjson");
    std::fs::write(
        &users,
        [
            r#"{"userID":"a","customIDs":{"companyID":"company-42"}}"#,
            r#"{"userID":"b","email":"someone@statsig.com","customIDs":{"companyID":"nope"}}"#,
            r#"{"userID":"c","country":"US","appVersion":"1.2.3","custom":{"level":9}}"#,
            r#"{"userID":"d","ip":"1.0.0.1","userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X)"}"#,
        ]
        .join("\n"),
    )
    .unwrap();

    let ids_s = ids.to_str().unwrap();
    let specs_s = specs.to_str().unwrap();
    let expected = evaluate(t, &users, &["--specs", specs_s, "--id-lists", ids_s], false);
    let first = expected.lines().next().unwrap();
    assert!(
        first.contains(r#""segment:company_id_list":{"value":true"#),
        "the id list did not reach evaluation: {first}"
    );

    let url = server.url();
    let network = evaluate(t, &users, &["--api", &url], true);
    assert_eq!(network, expected, "network");
    // The cache is kept per API base: the one the download went through.
    let cache = evaluate(t, &users, &["--offline", "--api", &url], true);
    assert_eq!(cache, expected, "cache");

    // A dump seeded by specs push, read with and without the key.
    let dump = t.join("dump.json");
    let mut c = statsig().cache(&t.join("cache"));
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args([
            "specs",
            "push",
            "--specs",
            specs_s,
            "--id-lists",
            ids_s,
            "--data-store",
        ])
        .arg(&dump);
    assert_eq!(run(c).code, 0);
    let d = dump.to_str().unwrap();
    assert_eq!(
        evaluate(t, &users, &["--data-store", d], true),
        expected,
        "dump"
    );
    assert_eq!(
        evaluate(t, &users, &["--data-store", d], false),
        expected,
        "dump, no key"
    );

    match RedisServer::start() {
        None => eprintln!("SKIPPED: the Redis part (no redis-server)"),
        Some(redis) => {
            let r = redis.url(0);
            let mut c = statsig().cache(&t.join("cache"));
            c.env("STATSIG_SERVER_SECRET", KEY).args([
                "specs",
                "push",
                "--api",
                &url,
                "--data-store",
                &r,
            ]);
            assert_eq!(run(c).code, 0);
            assert_eq!(
                evaluate(t, &users, &["--data-store", &r], true),
                expected,
                "redis"
            );
        }
    }
}
