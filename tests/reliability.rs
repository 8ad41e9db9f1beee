//! The contract scripts rely on (issue 10, items 1–4). This part: suspicious input that
//! fails or warns instead of silently misleading.

mod support;

use std::process::{Command, Stdio};

use support::{FIXTURE, KEY_TAIL, shared, statsig_process as statsig};

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(c: &mut Command) -> Out {
    let o = c.stdin(Stdio::null()).output().unwrap();
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(!out.stderr.contains(KEY_TAIL) && !out.stdout.contains(KEY_TAIL));
    out
}

// ------------------------------------------------------------------------------------
// 3. Suspicious input warns or fails, never silently misleads.

#[test]
fn a_client_initialize_response_given_as_specs_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let ci = dir.path().join("ci.json");
    let made = run(statsig()
        .args([
            "client-init",
            "--hash",
            "none",
            "--user-id",
            "1",
            "--specs",
            FIXTURE,
            "--out",
        ])
        .arg(&ci));
    assert_eq!(made.code, 0, "{}", made.stderr);
    for cmd in [
        &["check-gate", "new_checkout"][..],
        &["evaluate"],
        &["specs", "list"],
    ] {
        let out = run(statsig()
            .args(cmd)
            .args(["--user-id", "1"].iter().filter(|_| cmd[0] != "specs"))
            .arg("--specs")
            .arg(&ci));
        assert_eq!(out.code, 2, "{cmd:?}: {}", out.stdout);
        assert_eq!(out.stdout, "", "{cmd:?}");
        assert!(
            out.stderr.contains("is a client-initialize response"),
            "{cmd:?}: {}",
            out.stderr
        );
    }
    // Also when hashed and without the top-level markers: the entries give it away.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&ci).unwrap()).unwrap();
    for k in ["hash_used", "evaluated_keys", "derived_fields", "user"] {
        v.as_object_mut().unwrap().remove(k);
    }
    std::fs::write(&ci, v.to_string()).unwrap();
    let out = run(statsig()
        .args(["check-gate", "new_checkout", "--user-id", "1", "--specs"])
        .arg(&ci));
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_missing_id_list_warns_once_per_list() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    let lines: String = (0..50)
        .map(|i| format!("{{\"userID\":\"u{i}\",\"customIDs\":{{\"companyID\":\"c{i}\"}}}}\n"))
        .collect();
    std::fs::write(&users, lines).unwrap();
    let specs = shared("core_eval_proj_dcs.json");
    let out = run(statsig()
        .args(["evaluate", "--jobs", "3", "--users"])
        .arg(&users)
        .arg("--specs")
        .arg(&specs));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warned: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("id list \"company_id_list\""))
        .collect();
    assert_eq!(warned.len(), 1, "{}", out.stderr);
    // With the list given there is nothing to warn about.
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::copy(
        shared("core_company_id_list"),
        lists.join("company_id_list"),
    )
    .unwrap();
    let out = run(statsig()
        .args(["evaluate", "--users"])
        .arg(&users)
        .arg("--specs")
        .arg(&specs)
        .arg("--id-lists")
        .arg(&lists));
    assert!(!out.stderr.contains("id list"), "{}", out.stderr);
}
