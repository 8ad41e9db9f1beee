//! Populations: compact records (`--fields`), every core with the input order kept
//! (`--jobs`), reports and impact over users whose answers the tests compute from the spec's
//! hashing (evaluation.md §4), never from the code under test.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use support::*;

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
        let mut c = statsig().cache(&t.join("cache"));
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
        "rule_id,id_type,is_experiment,allocated_experiment_name,explicit_parameters",
    ] {
        let mut c = statsig().cache(&t.join("cache"));
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
    let mut c = statsig().cache(&t.join("cache"));
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
    let mut c = statsig().cache(&t.join("cache"));
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
            let mut c = statsig().cache(&t.join("cache"));
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
            // 2: the skipped line.
            assert_eq!(o.code, 2, "{}", o.stderr);
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
            let mut c = statsig().cache(&t.join("cache"));
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

// ---- report -------------------------------------------------------------------------------

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/population/specs.json"
);
const FIXTURE_CHANGED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/population/specs_changed.json"
);

/// The first 8 bytes of SHA-256, big-endian (evaluation.md §4).
fn sha_u64(s: &str) -> u64 {
    use sha2::Digest;
    let d = sha2::Sha256::digest(s.as_bytes());
    u64::from_be_bytes(d[..8].try_into().unwrap())
}

/// `user_bucket`: sha256(salt.unit) % 1000.
fn bucket(salt: &str, id: &str) -> u64 {
    sha_u64(&format!("{salt}.{id}")) % 1000
}

/// A rule's pass-percentage roll: sha256(spec_salt.rule_salt.unit) % 10000 < pct * 100.
fn rolls(spec_salt: &str, rule_salt: &str, id: &str, pct: f64) -> bool {
    ((sha_u64(&format!("{spec_salt}.{rule_salt}.{id}")) % 10_000) as f64) < pct * 100.0
}

/// A fixture user as the tests see it (the same as `users_file` writes).
struct U {
    id: String,
    staff: bool,
    country: &'static str,
}

fn fixture_users(ids: impl Iterator<Item = usize>) -> Vec<U> {
    ids.map(|i| U {
        id: format!("user-{i}"),
        staff: i % 3 == 0,
        country: ["US", "DE", "JP", "BR"][i % 4],
    })
    .collect()
}

fn write_users(path: &Path, users: &[U]) {
    let text: String = users
        .iter()
        .map(|u| {
            let email = if u.staff {
                "@statsig.com"
            } else {
                "@example.com"
            };
            format!(
                "{{\"userID\":\"{}\",\"email\":\"x{email}\",\"country\":\"{}\"}}\n",
                u.id, u.country
            )
        })
        .collect();
    std::fs::write(path, text).unwrap();
}

fn report_json(t: &Path, users: &Path, extra: &[&str]) -> (String, Json) {
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--format", "json", "--specs", FIXTURE, "--users"])
        .arg(users)
        .args(extra);
    let out = ok(c);
    let v = serde_json::from_str(&out).unwrap();
    (out, v)
}

/// p-value of a chi-square test with 2 degrees of freedom: exp(-x/2).
fn p_three_way(counts: [u64; 3]) -> f64 {
    let n: u64 = counts.iter().sum();
    let shares = [0.334, 0.333, 0.333];
    let chi2: f64 = counts
        .iter()
        .zip(shares)
        .map(|(o, s)| {
            let e = n as f64 * s;
            (*o as f64 - e).powi(2) / e
        })
        .sum();
    (-chi2 / 2.0).exp()
}

fn three_way_counts(users: &[U]) -> [u64; 3] {
    let mut c = [0u64; 3];
    for u in users {
        let b = bucket("tw_salt", &u.id);
        c[if b < 334 {
            0
        } else if b < 667 {
            1
        } else {
            2
        }] += 1;
    }
    c
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1e-300)
}

#[test]
fn report_counts_match_the_spec_hashing() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = fixture_users(0..3000);
    let path = t.join("users.ndjson");
    write_users(&path, &users);
    let (_, r) = report_json(t, &path, &[]);
    let n = users.len() as u64;
    let count = |f: &dyn Fn(&U) -> bool| users.iter().filter(|u| f(u)).count() as u64;
    assert_eq!(r["users"], n);

    // Gates: staff pass by rule, everyone else rolls 25% on the rollout rule.
    let g = &r["gates"]["rollout_gate"];
    let passed = count(&|u| u.staff || rolls("rg_salt", "rollout_salt", &u.id, 25.0));
    assert_eq!(g["passed"], passed);
    assert_eq!(g["pass_rate"].as_f64().unwrap(), passed as f64 / n as f64);
    assert_eq!(g["rules"]["staff"], count(&|u| u.staff));
    assert_eq!(g["rules"]["rollout"], count(&|u| !u.staff));
    let g = &r["gates"]["country_gate"];
    assert_eq!(g["passed"], count(&|u| u.country == "US"));
    assert_eq!(g["rules"]["us_only"], count(&|u| u.country == "US"));
    assert_eq!(g["rules"]["default"], count(&|u| u.country != "US"));

    // Configs: gold for US, staff for other staff, basic otherwise.
    let c = &r["configs"]["tiers"];
    assert_eq!(c["values"], 3);
    assert_eq!(
        c["value_counts"]["{\"tier\":\"gold\"}"],
        count(&|u| u.country == "US")
    );
    assert_eq!(
        c["value_counts"]["{\"tier\":\"staff\"}"],
        count(&|u| u.country != "US" && u.staff)
    );
    assert_eq!(
        c["value_counts"]["{\"tier\":\"basic\"}"],
        count(&|u| u.country != "US" && !u.staff)
    );

    // Experiments: groups by user bucket; SRM p-value by hand.
    let e = &r["experiments"]["checkout_exp"];
    let control = count(&|u| bucket("exp_salt", &u.id) < 500);
    assert_eq!(e["groups"]["Control"], control);
    assert_eq!(e["groups"]["Test"], n - control);
    assert_eq!(e["expected"]["Control"], 0.5);
    let e = &r["experiments"]["three_way_exp"];
    let tw = three_way_counts(&users);
    for (g, c) in ["A", "B", "C"].iter().zip(tw) {
        assert_eq!(e["groups"][g], c);
        assert_eq!(e["assigned"][g], c);
    }
    let p = p_three_way(tw);
    assert!(
        close(e["srm_p"].as_f64().unwrap(), p),
        "{} vs {p}",
        e["srm_p"]
    );
    assert_eq!(e["srm"], p < 0.001);

    // Layers: 30% of buckets allocated to layer_exp.
    let l = &r["layers"]["checkout_layer"];
    let allocated = count(&|u| bucket("layer_salt", &u.id) < 300);
    assert_eq!(l["allocated"]["layer_exp"], allocated);
    assert_eq!(l["unallocated"], n - allocated);
}

#[test]
fn report_flags_a_sample_ratio_mismatch() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    // A population that lost a quarter of group C (say, a logging bug on one variant).
    let users: Vec<U> = fixture_users(0..4000)
        .into_iter()
        .enumerate()
        .filter(|(i, u)| !(bucket("tw_salt", &u.id) >= 667 && i % 4 == 0))
        .map(|(_, u)| u)
        .collect();
    let path = t.join("biased.ndjson");
    write_users(&path, &users);
    let (_, r) = report_json(t, &path, &["--experiment", "three_way_exp"]);
    let e = &r["experiments"]["three_way_exp"];
    let p = p_three_way(three_way_counts(&users));
    assert!(p < 0.001, "the population is meant to be biased: {p}");
    assert!(
        close(e["srm_p"].as_f64().unwrap(), p),
        "{} vs {p}",
        e["srm_p"]
    );
    assert_eq!(e["srm"], true);
    // Restricted to the one experiment.
    assert_eq!(r["gates"], serde_json::json!({}));
    assert_eq!(r["experiments"].as_object().unwrap().len(), 1);
    // The table says so too.
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--format", "table", "--specs", FIXTURE, "--users"])
        .arg(&path)
        .args(["--experiment", "three_way_exp"]);
    assert!(ok(c).contains("SRM!"));
}

#[test]
fn report_merge_of_four_parts_is_the_single_run_and_jobs_do_not_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = fixture_users(0..2500);
    let whole = t.join("whole.ndjson");
    write_users(&whole, &users);
    let (single, _) = report_json(t, &whole, &["--jobs", "1"]);
    let (parallel, _) = report_json(t, &whole, &["--jobs", "4"]);
    assert!(single == parallel, "--jobs 1 and --jobs 4 differ");

    // Four uneven parts, as `split` or GNU parallel would cut them.
    let mut parts = Vec::new();
    for (i, range) in [0..100, 100..1200, 1200..1201, 1201..2500]
        .into_iter()
        .enumerate()
    {
        let p = t.join(format!("part{i}.ndjson"));
        write_users(&p, &users[range]);
        let (json, _) = report_json(t, &p, &[]);
        let out = t.join(format!("part{i}.json"));
        std::fs::write(&out, json).unwrap();
        parts.push(out);
    }
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--format", "json", "--merge"])
        .args(&parts);
    assert!(ok(c) == single, "merged report differs from the single run");

    // Merging parts of other specs is refused, naming the part.
    let other = t.join("other.json");
    let mut c = statsig().cache(&t.join("cache"));
    c.args([
        "report",
        "--format",
        "json",
        "--specs",
        FIXTURE_CHANGED,
        "--users",
    ])
    .arg(&whole);
    std::fs::write(&other, ok(c)).unwrap();
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--merge"]).arg(&parts[0]).arg(&other);
    let o = run(c);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("other.json") && o.stderr.contains("different specs"),
        "{}",
        o.stderr
    );
    // A part that is not a report: one line with a position.
    let bad = t.join("bad.json");
    std::fs::write(&bad, "{\"users\": 3,\n \"gates\": []}").unwrap();
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--merge"]).arg(&bad);
    let o = run(c);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("bad.json:2:"), "{}", o.stderr);
}

#[test]
fn report_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let generated = [
        "--generate",
        "1000",
        "--user",
        "{\"userID\":\"user-${i}\",\"country\":\"DE\"}",
    ];
    for format in ["markdown", "csv"] {
        let mut c = statsig().cache(&t.join("cache"));
        c.args(["report", "--specs", FIXTURE, "--format", format])
            .args(generated);
        insta::assert_snapshot!(format!("report_{format}"), ok(c));
    }
    // Generated users are the same as users read from a file.
    let path = t.join("gen.ndjson");
    let text: String = (0..1000)
        .map(|i| format!("{{\"userID\":\"user-{i}\",\"country\":\"DE\"}}\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--specs", FIXTURE, "--format", "json"])
        .args(generated);
    assert_eq!(ok(c), report_json(t, &path, &[]).0);
}

// ---- impact -------------------------------------------------------------------------------

fn impact(t: &Path, args: &[&str]) -> support::Out {
    let mut c = statsig().cache(&t.join("cache"));
    c.arg("impact").args(args);
    run(c)
}

#[test]
fn impact_counts_exactly_the_users_each_edit_flips() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = fixture_users(0..3000);
    let path = t.join("users.ndjson");
    write_users(&path, &users);
    let p = path.to_str().unwrap();
    let o = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--format",
            "json",
            "--examples",
            "4",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Json = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["users"], 3000);
    let e = v["entities"].as_object().unwrap();
    assert_eq!(e.len(), 3, "{:?}", e.keys());
    let ids = |f: &dyn Fn(&U) -> bool| -> Vec<String> {
        users
            .iter()
            .filter(|u| f(u))
            .map(|u| u.id.clone())
            .collect()
    };

    // 1. The rollout at 40% instead of 25%: non-staff users whose roll is in [25%, 40%).
    let flipped = ids(&|u| {
        !u.staff
            && rolls("rg_salt", "rollout_salt", &u.id, 40.0)
            && !rolls("rg_salt", "rollout_salt", &u.id, 25.0)
    });
    let g = &e["rollout_gate"];
    assert_eq!(g["kind"], "gate");
    assert_eq!(g["changed"], flipped.len());
    assert_eq!(g["value_changed"], flipped.len());
    assert_eq!(g["rule_changed"], 0);
    assert_eq!(
        g["transitions"],
        serde_json::json!({"false → true": flipped.len()})
    );
    assert_eq!(g["examples"], serde_json::json!(flipped[..4]));

    // 2. The gold tier's condition also matches DE: DE users leave default or staff.
    let c = &e["tiers"];
    assert_eq!(c["kind"], "config");
    assert_eq!(c["changed"], ids(&|u| u.country == "DE").len());
    assert_eq!(
        c["transitions"]["default → gold"],
        ids(&|u| u.country == "DE" && !u.staff).len()
    );
    assert_eq!(
        c["transitions"]["staff → gold"],
        ids(&|u| u.country == "DE" && u.staff).len()
    );
    assert_eq!(c["group_changed"], 0);

    // 3. Control shrinks to buckets 0-399: buckets 400-499 move to Test.
    let moved = ids(&|u| (400..500).contains(&bucket("exp_salt", &u.id)));
    let x = &e["checkout_exp"];
    assert_eq!(x["kind"], "experiment");
    assert_eq!(x["changed"], moved.len());
    assert_eq!(x["group_changed"], moved.len());
    assert_eq!(
        x["transitions"],
        serde_json::json!({"Control → Test": moved.len()})
    );
    assert_eq!(x["examples"], serde_json::json!(moved[..4]));

    // The text leads with a summary line per entity.
    let o = impact(t, &[FIXTURE, FIXTURE_CHANGED, "--users", p]);
    assert_eq!(o.code, 0);
    let first: Vec<&str> = o.stdout.lines().take(6).collect();
    assert!(first[0].starts_with("3 of "), "{}", o.stdout);
    assert!(
        first.iter().any(|l| l.contains("checkout_exp")
            && l.contains(&format!("Control → Test: {}", moved.len()))),
        "{}",
        o.stdout
    );

    // --jobs does not change a byte.
    let one = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--format",
            "json",
            "--jobs",
            "1",
        ],
    );
    let four = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--format",
            "json",
            "--jobs",
            "4",
        ],
    );
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn impact_shows_the_flips_sticky_assignments_hold_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = fixture_users(0..2000);
    let path = t.join("users.ndjson");
    write_users(&path, &users);
    let p = path.to_str().unwrap();
    // Every even user has Control saved for checkout_exp (active in both versions), in the
    // SDKs' UserPersistedValues shape.
    let saved = |i: usize| i.is_multiple_of(2);
    let mut store = serde_json::Map::new();
    for (_, u) in users.iter().enumerate().filter(|(i, _)| saved(*i)) {
        store.insert(
            format!("{}:userID", u.id),
            serde_json::json!({"checkout_exp": {
                "value": true, "json_value": {"button": "blue"}, "rule_id": "exp_salt_Control",
                "group_name": "Control", "secondary_exposures": [], "time": 1_700_000_000_000u64,
                "config_version": 1}}),
        );
    }
    let persisted = t.join("persisted.json");
    std::fs::write(&persisted, Json::Object(store).to_string()).unwrap();
    let pv = persisted.to_str().unwrap();

    // Control shrinks to buckets 0-399 (see above): buckets 400-499 flip to Test live.
    let moved: Vec<(usize, &U)> = users
        .iter()
        .enumerate()
        .filter(|(_, u)| (400..500).contains(&bucket("exp_salt", &u.id)))
        .collect();
    let flipped: Vec<&str> = moved
        .iter()
        .filter(|(i, _)| !saved(*i))
        .map(|(_, u)| u.id.as_str())
        .collect();
    let held: Vec<&str> = moved
        .iter()
        .filter(|(i, _)| saved(*i))
        .map(|(_, u)| u.id.as_str())
        .collect();
    assert!(!flipped.is_empty() && held.len() >= 3);

    let args = |extra: &[&'static str]| -> Vec<&str> {
        let mut v = vec![
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--persisted-values",
            pv,
        ];
        v.extend_from_slice(extra);
        v
    };
    let o = impact(t, &args(&["--format", "json", "--examples", "3"]));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Json = serde_json::from_str(&o.stdout).unwrap();
    let x = &v["entities"]["checkout_exp"];
    assert_eq!(x["changed"], flipped.len());
    assert_eq!(
        x["transitions"],
        serde_json::json!({"Control → Test": flipped.len()})
    );
    assert_eq!(x["examples"], serde_json::json!(flipped[..3]));
    let h = &v["sticky_held"];
    assert_eq!(
        h.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["checkout_exp"]
    );
    assert_eq!(h["checkout_exp"]["kind"], "experiment");
    assert_eq!(h["checkout_exp"]["held"], held.len());
    assert_eq!(
        h["checkout_exp"]["transitions"],
        serde_json::json!({"Control → Test": held.len()})
    );
    assert_eq!(h["checkout_exp"]["examples"], serde_json::json!(held[..3]));
    // Gates and configs are not sticky: counted as without saved values.
    let plain = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--format",
            "json",
            "--examples",
            "3",
        ],
    );
    let plain: Json = serde_json::from_str(&plain.stdout).unwrap();
    assert!(plain.get("sticky_held").is_none());
    for name in ["rollout_gate", "tiers"] {
        assert_eq!(v["entities"][name], plain["entities"][name], "{name}");
    }
    assert_eq!(
        plain["entities"]["checkout_exp"]["changed"],
        flipped.len() + held.len()
    );

    // The text shows them apart, after the changes.
    let o = impact(t, &args(&[]));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (changes, apart) = o
        .stdout
        .split_once("Held by sticky assignments")
        .expect("a section of held flips");
    assert!(
        changes.contains(&format!("Control → Test: {}", flipped.len())),
        "{}",
        o.stdout
    );
    let line = apart
        .lines()
        .find(|l| l.contains("checkout_exp"))
        .unwrap_or_else(|| panic!("{}", o.stdout));
    assert!(
        line.contains(&format!("{} users held", held.len()))
            && line.contains(&format!("Control → Test: {}", held.len())),
        "{line}"
    );

    // --jobs does not change a byte; a bad file is one line, exit 2.
    let one = impact(t, &args(&["--format", "json", "--jobs", "1"]));
    let four = impact(t, &args(&["--format", "json", "--jobs", "4"]));
    assert_eq!(one.stdout, four.stdout);
    std::fs::write(&persisted, "{\"u:userID\": 3}").unwrap();
    let o = impact(t, &args(&[]));
    assert_eq!(o.code, 2);
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(o.stderr.contains("persisted.json"), "{}", o.stderr);
}

#[test]
fn impact_as_a_ci_guard() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let path = t.join("users.ndjson");
    write_users(&path, &fixture_users(0..500));
    let p = path.to_str().unwrap();
    // Any flip fails the guard.
    let o = impact(
        t,
        &[FIXTURE, FIXTURE_CHANGED, "--users", p, "--fail-on-change"],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    // Expected changes are ignored: what remains fails with --exit-code, the alias.
    let o = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--exit-code",
            "--ignore",
            "tiers",
            "--ignore",
            "rollout_gate",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.code, 1);
    let v: Json = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        v["entities"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["checkout_exp"]
    );
    let o = impact(
        t,
        &[
            FIXTURE,
            FIXTURE_CHANGED,
            "--users",
            p,
            "--exit-code",
            "--ignore",
            "tiers",
            "--ignore",
            "rollout_gate",
            "--ignore",
            "checkout_exp",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert!(o.stdout.starts_with("No change"), "{}", o.stdout);
    // The same specs twice: nothing flips.
    let o = impact(t, &[FIXTURE, FIXTURE, "--users", p, "--fail-on-change"]);
    assert_eq!(o.code, 0);
    // OLD from a data store (a dump written by `specs push`), NEW from a file.
    let dump = t.join("dump.json");
    let mut c = statsig().cache(&t.join("cache"));
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args(["specs", "push", "--specs", FIXTURE, "--data-store"])
        .arg(&dump);
    ok(c);
    let from_file = impact(
        t,
        &[FIXTURE, FIXTURE_CHANGED, "--users", p, "--format", "json"],
    );
    let mut c = statsig().cache(&t.join("cache"));
    c.env("STATSIG_SERVER_SECRET", KEY)
        .args(["impact", FIXTURE_CHANGED, "--old-data-store"])
        .arg(&dump)
        .args(["--users", p, "--format", "json"]);
    assert_eq!(ok(c), from_file.stdout);
    // Only one version: one line, exit 2.
    let o = impact(t, &["--users", p]);
    assert_eq!(o.code, 2);
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
}

// ---- beyond one machine: GNU parallel --pipe (the README recipe) ---------------------------

/// Skips with a notice, unless CI asked for every test to run (`STATSIG_REQUIRE_ALL_TESTS`).
fn skip(test: &str, why: &str) {
    if std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_some() {
        panic!("cannot skip under STATSIG_REQUIRE_ALL_TESTS: {why}");
    }
    eprintln!("SKIPPED {test}: {why}");
}

#[test]
fn gnu_parallel_pipe_recipe() {
    let has_parallel = std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_parallel {
        return skip(
            "gnu_parallel_pipe_recipe",
            "GNU parallel is not installed (apt-get install parallel)",
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = t.join("users.ndjson");
    write_users(&users, &fixture_users(0..3000));
    let bin = assert_cmd::cargo::cargo_bin!("statsig");
    let sh = |script: &str| {
        let mut c = std::process::Command::new("sh");
        clean_env(&mut c);
        let o = c
            .cache(&t.join("cache"))
            .arg("-c")
            .arg(script)
            .current_dir(t)
            .env("STATSIG", bin)
            .env("SPECS", FIXTURE)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    // Small blocks, so that the 3000 users travel in many parts.
    let split = sh("parallel --will-cite --pipe --keep-order --block 20k \
         \"$STATSIG\" evaluate --specs \"$SPECS\" --users - --fields value,rule_id,group_name \
         --jobs 1 < users.ndjson");
    let single = sh(
        "\"$STATSIG\" evaluate --specs \"$SPECS\" --users users.ndjson \
         --fields value,rule_id,group_name",
    );
    assert_eq!(split.lines().count(), 3000);
    assert!(
        split == single,
        "parallel --pipe output differs from one run"
    );

    sh("parallel --will-cite --pipe --block 20k \
        '\"$STATSIG\" report --specs \"$SPECS\" --users - --format json --jobs 1 > part-{#}.json' \
        < users.ndjson");
    let parts = std::fs::read_dir(t)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("part-")
        })
        .count();
    assert!(parts >= 4, "only {parts} parts");
    let merged = sh("\"$STATSIG\" report --merge part-*.json --format json");
    let single = sh("\"$STATSIG\" report --specs \"$SPECS\" --users users.ndjson --format json");
    assert!(merged == single, "merged parts differ from one run");
}

#[test]
fn spark_example_pipes_partitions_in_order() {
    let has_python = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_python {
        return skip(
            "spark_example_pipes_partitions_in_order",
            "python3 is not installed",
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = t.join("users.ndjson");
    write_users(&users, &fixture_users(0..500));
    let out = t.join("out.ndjson");
    let mut c = std::process::Command::new("python3");
    clean_env(&mut c);
    let o = c
        .cache(&t.join("cache"))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/spark_evaluate.py"
        ))
        .arg(&users)
        .arg(&out)
        .args(["--local", "7", "--specs", FIXTURE, "--statsig"])
        .arg(assert_cmd::cargo::cargo_bin!("statsig"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut c = statsig().cache(&t.join("cache"));
    c.args([
        "evaluate",
        "--specs",
        FIXTURE,
        "--fields",
        "value,rule_id,group_name",
        "--users",
    ])
    .arg(&users);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), ok(c));
}

/// The report over the conformance users counts what Statsig's official SDKs answered for
/// them (../shared/conformance: the expected evaluation of every entity for every user).
#[test]
fn report_agrees_with_the_official_sdks_evaluations() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/conformance/core_eval_proj_dcs"
    ));
    if !dir.exists() {
        return skip(
            "report_agrees_with_the_official_sdks_evaluations",
            "no conformance data",
        );
    }
    let gunzip = |name: &str| {
        let o = std::process::Command::new("gzip")
            .args(["-dc"])
            .arg(dir.join(name))
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let users = t.join("users.ndjson");
    std::fs::write(&users, gunzip("users.ndjson.gz")).unwrap();
    let expected: Vec<Json> = gunzip("evaluations.ndjson.gz")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut c = statsig().cache(&t.join("cache"));
    c.args(["report", "--format", "json", "--specs"])
        .arg(dir.join("dcs.json"))
        .arg("--id-lists")
        .arg(dir.join("id_lists.json"))
        .arg("--users")
        .arg(&users);
    let r: Json = serde_json::from_str(&ok(c)).unwrap();
    assert_eq!(r["users"], expected.len());

    // Counts over the SDKs' records of one entity; None when some record leaves it out.
    let tally = |section: &str, name: &str, key: &dyn Fn(&Json) -> Option<String>| {
        let mut counts = std::collections::BTreeMap::<String, u64>::new();
        for rec in &expected {
            let e = rec[section].get(name)?;
            if let Some(k) = key(e) {
                *counts.entry(k).or_default() += 1;
            }
        }
        Some(counts)
    };
    let ours = |v: &Json| -> std::collections::BTreeMap<String, u64> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
            .collect()
    };
    // Values over 4 KiB stand in the records as {"$large_value": SHA256}.
    let large: serde_json::Map<String, Json> =
        serde_json::from_slice(&std::fs::read(dir.join("large_values.json")).unwrap()).unwrap();
    let resolve = |v: &Json| match v.get("$large_value").and_then(Json::as_str) {
        Some(h) => large[h].clone(),
        None => v.clone(),
    };
    let mut checked = 0;
    for (name, g) in r["gates"].as_object().unwrap() {
        let Some(rules) = tally("gates", name, &|e| Some(e["rule_id"].as_str()?.to_string()))
        else {
            continue;
        };
        let passed = tally("gates", name, &|e| {
            e["value"].as_bool().unwrap().then(|| "passed".to_string())
        })
        .unwrap();
        assert_eq!(ours(&g["rules"]), rules, "gate {name}");
        assert_eq!(
            g["passed"],
            passed.get("passed").copied().unwrap_or(0),
            "gate {name}"
        );
        checked += 1;
    }
    for (name, e) in r["experiments"].as_object().unwrap() {
        let Some(groups) = tally("configs", name, &|e| {
            Some(e["group_name"].as_str()?.to_string())
        }) else {
            continue;
        };
        assert_eq!(ours(&e["groups"]), groups, "experiment {name}");
        checked += 1;
    }
    for (name, c) in r["configs"].as_object().unwrap() {
        // Values compared as JSON (key order aside).
        let Some(values) = tally("configs", name, &|e| Some(canonical(&resolve(&e["value"]))))
        else {
            continue;
        };
        let mine: std::collections::BTreeMap<String, u64> = c["value_counts"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, n)| {
                (
                    canonical(&serde_json::from_str(k).unwrap()),
                    n.as_u64().unwrap(),
                )
            })
            .collect();
        assert!(mine == values, "config {name}: value counts differ");
        assert_eq!(c["values"], values.len(), "config {name}");
        checked += 1;
    }
    for (name, l) in r["layers"].as_object().unwrap() {
        let Some(allocated) = tally("layers", name, &|e| {
            Some(e["allocated_experiment_name"].as_str()?.to_string())
        }) else {
            continue;
        };
        assert_eq!(ours(&l["allocated"]), allocated, "layer {name}");
        checked += 1;
    }
    assert!(checked > 100, "only {checked} entities compared");
}

/// JSON text with object keys sorted, for comparing values whatever their key order.
fn canonical(v: &Json) -> String {
    fn sort(v: &Json) -> Json {
        match v {
            Json::Object(o) => {
                let mut keys: Vec<_> = o.keys().collect();
                keys.sort();
                Json::Object(keys.into_iter().map(|k| (k.clone(), sort(&o[k]))).collect())
            }
            Json::Array(a) => Json::Array(a.iter().map(sort).collect()),
            other => other.clone(),
        }
    }
    sort(v).to_string()
}
