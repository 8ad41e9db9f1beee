//! Populations: compact records (`--fields`), every core with the input order kept
//! (`--jobs`), reports and impact over users whose answers the tests compute from the spec's
//! hashing (evaluation.md §4), never from the code under test.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use support::*;

fn statsig(tmp: &Path) -> assert_cmd::Command {
    cmd(&tmp.join("cache"))
}

/// Writes `n` varied users (ids, emails, countries, company ids) as NDJSON.
fn users_file(dir: &Path, n: usize) -> PathBuf {
    let mut text = String::new();
    for i in 0..n {
        let email = if i % 3 == 0 {
            "@statsig.com"
        } else {
            "@example.com"
        };
        let country = ["US", "DE", "JP", "BR"][i % 4];
        text.push_str(&format!(
            "{{\"userID\":\"user-{i}\",\"email\":\"u{i}{email}\",\"country\":\"{country}\",\
             \"customIDs\":{{\"companyID\":\"c{}\",\"stableID\":\"s{i}\"}}}}\n",
            i % 40
        ));
    }
    let path = dir.join(format!("users-{n}.ndjson"));
    std::fs::write(&path, text).unwrap();
    path
}

fn ok(c: assert_cmd::Command) -> String {
    let o = run(c);
    assert_eq!(o.code, 0, "{}", o.stderr);
    o.stdout
}

#[test]
fn fields_are_the_full_record_projected() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = users_file(t, 40);
    let specs = shared("core_eval_proj_dcs.json");
    let full = {
        let mut c = statsig(t);
        c.args(["evaluate", "--users"])
            .arg(&users)
            .arg("--specs")
            .arg(&specs);
        ok(c)
    };
    for list in [
        "value,rule_id,group_name",
        "value",
        "group_name,user",
        "secondary_exposures,allocated_experiment_name",
    ] {
        let mut c = statsig(t);
        c.args(["evaluate", "--fields", list, "--users"])
            .arg(&users)
            .arg("--specs")
            .arg(&specs);
        let part = ok(c);
        let wanted: Vec<&str> = list.split(',').collect();
        assert_eq!(part.lines().count(), 40);
        for (f, p) in full.lines().zip(part.lines()) {
            let f: serde_json::Map<String, Json> = serde_json::from_str(f).unwrap();
            // The projection, built here from the full record: same key order.
            let mut want = serde_json::Map::new();
            for (k, v) in f {
                if k == "user" {
                    if wanted.contains(&"user") {
                        want.insert(k, v);
                    }
                    continue;
                }
                let entities = v.as_object().unwrap().iter().map(|(name, rec)| {
                    let kept: serde_json::Map<String, Json> = rec
                        .as_object()
                        .unwrap()
                        .iter()
                        .filter(|(field, _)| wanted.contains(&field.as_str()))
                        .map(|(a, b)| (a.clone(), b.clone()))
                        .collect();
                    (name.clone(), Json::Object(kept))
                });
                want.insert(k, Json::Object(entities.collect()));
            }
            assert_eq!(p, serde_json::to_string(&want).unwrap(), "--fields {list}");
        }
    }
    // The default stays the full conformance record, byte for byte.
    let mut c = statsig(t);
    c.args(["evaluate", "--fields", Fields::ALL_LIST, "--users"])
        .arg(&users)
        .arg("--specs")
        .arg(&specs);
    assert_eq!(ok(c), full);
}

struct Fields;
impl Fields {
    const ALL_LIST: &str = "user,value,rule_id,id_type,group_name,is_experiment,\
        secondary_exposures,allocated_experiment_name,undelegated_secondary_exposures,\
        explicit_parameters";
}

#[test]
fn an_unknown_field_is_one_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let mut c = statsig(t);
    c.args([
        "evaluate",
        "--fields",
        "value,rule",
        "--user-id",
        "a",
        "--specs",
    ])
    .arg(shared("core_eval_proj_dcs.json"));
    let o = run(c);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(o.stderr.contains("unknown field \"rule\""), "{}", o.stderr);
}

#[test]
fn jobs_1_and_jobs_n_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = users_file(t, 1600);
    // A bad line in the middle: skipped with --keep-going, reported at the same place.
    let mut text = std::fs::read_to_string(&users).unwrap();
    let at = text.match_indices('\n').nth(800).unwrap().0 + 1;
    text.insert_str(at, "{\"userID\": nope}\n");
    std::fs::write(&users, text).unwrap();
    let specs = shared("core_eval_proj_dcs.json");
    let outputs: Vec<(String, String)> = ["1", "3", "8"]
        .iter()
        .map(|jobs| {
            let mut c = statsig(t);
            c.args([
                "evaluate",
                "--keep-going",
                "--fields",
                "value,rule_id,group_name",
            ])
            .args(["--jobs", jobs, "--users"])
            .arg(&users)
            .arg("--specs")
            .arg(&specs);
            let o = run(c);
            assert_eq!(o.code, 0, "{}", o.stderr);
            (o.stdout, o.stderr)
        })
        .collect();
    assert_eq!(outputs[0].0.lines().count(), 1600);
    assert!(
        outputs[0].1.contains("users-1600.ndjson:802:"),
        "{}",
        outputs[0].1
    );
    for o in &outputs[1..] {
        assert!(
            o.0 == outputs[0].0,
            "evaluate output differs between --jobs values"
        );
        assert_eq!(o.1, outputs[0].1);
    }

    let small = users_file(t, 200);
    let gcir: Vec<String> = ["1", "4"]
        .iter()
        .map(|jobs| {
            let mut c = statsig(t);
            c.args(["client-init", "--jobs", jobs, "--users"])
                .arg(&small)
                .arg("--specs")
                .arg(shared("core_demo_proj_dcs.json"));
            // Each process has its own session id; everything else must match.
            let out = ok(c);
            let at = out.find("\"sessionId\":\"").unwrap();
            out.replace(&out[at..at + 50], "\"sessionId\":\"<session>\"")
        })
        .collect();
    assert_eq!(gcir[0].lines().count(), 200);
    assert!(
        gcir[0] == gcir[1],
        "client-init output differs between --jobs values"
    );
}
