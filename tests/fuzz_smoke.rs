//! A stable-toolchain stand-in for `fuzz/`: deterministic mutations (bit flips, byte
//! changes, truncations, insertions of JSON tokens, deletions, duplications, and for JSON
//! seeds half the time a structural edit that keeps the JSON valid; fixed-seed PRNG) of the
//! seed inputs, a few thousand per parser. The parsers and the evaluator must
//! never panic, errors must be one line, and evaluation records must be valid JSON.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use serde_json::{Value as Json, json};

use statsig::eval::{EvalOptions, Evaluator};
use statsig::output::json::{Selection, write_evaluation_record};
use statsig::spec::id_lists::{IdList, IdLists, list_file_name, list_name_from_file};
use statsig::spec::{CompiledSpecs, Parsed, parse_payload};
use statsig::user::User;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// splitmix64: small, fast, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"null",
    b"true",
    b"false",
    b"0",
    b"-1",
    b"1e400",
    b"9223372036854775808",
    b"-0.0",
    b"\"\"",
    b"{}",
    b"[]",
    b"\\u0000",
    b"\\ud800",
    b"\xc3\xa9",
    b"\xe2\x82\xac",
    b"\xff",
    b"\n",
    b"+",
    b"-",
    b"\"type\"",
    b"\"operator\"",
    b"\"targetValue\"",
    b"\"conditions\"",
    b"\"rules\"",
    b"\"pass_gate\"",
    b"\"segment:x\"",
    b"\"userID\"",
    b"\"custom\"",
    b"\"customIDs\"",
    b"\"ip\"",
    b"\"999.1.1.1\"",
    b"\"str_matches\"",
    b"\"(\"",
    b"\"version_gt\"",
    b"\"before\"",
    b"\"configDelegate\"",
];

const BYTES: &[u8] = b"{}[],:\"0-1.eE+\\ \n\t\xff\xc3a";

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = v.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                v[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                v[i] = BYTES[rng.below(BYTES.len())];
            }
            2 => v.truncate(rng.below(len + 1)),
            3 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(i..i, t.iter().copied());
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(16)).min(len);
                v.drain(i..j);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(64)).min(len);
                let chunk = v[i..j].to_vec();
                let at = rng.below(len + 1);
                v.splice(at..at, chunk);
            }
            _ => {
                let i = rng.below(len + 1);
                v.insert(i, rng.next() as u8);
            }
        }
    }
    v
}

/// Replacement values for structural edits.
fn interesting(rng: &mut Rng) -> Json {
    let all = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(u64::MAX),
        json!(""),
        json!("x"),
        json!("segment:x"),
        json!("1.2.x"),
        json!("-1"),
        json!("2023-01-01T00:00:00Z"),
        json!("(?<"),
        json!("999.1.1.1"),
        json!([]),
        json!({}),
        json!(["a", 1, null]),
        json!({"a": true}),
        json!("public"),
        json!("pass_gate"),
        json!("user_bucket"),
        json!("no_such_op"),
    ];
    all[rng.below(all.len())].clone()
}

const KEYS: &[&str] = &[
    "type",
    "operator",
    "targetValue",
    "field",
    "idType",
    "conditions",
    "rules",
    "name",
    "salt",
    "passPercentage",
    "returnValue",
    "defaultValue",
    "configDelegate",
    "enabled",
    "additionalValues",
    "condition_map",
    "response_format",
    "userID",
    "custom",
    "customIDs",
    "privateAttributes",
    "statsigEnvironment",
    "userAgent",
    "ip",
    "country",
    "hashes",
];

fn count(v: &Json) -> usize {
    1 + match v {
        Json::Array(a) => a.iter().map(count).sum(),
        Json::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The `k`-th node in pre-order.
fn nth(v: &Json, k: &mut usize) -> Option<Json> {
    if *k == 0 {
        return Some(v.clone());
    }
    *k -= 1;
    match v {
        Json::Array(a) => a.iter().find_map(|c| nth(c, k)),
        Json::Object(o) => o.values().find_map(|c| nth(c, k)),
        _ => None,
    }
}

/// Applies `f` to the `k`-th node in pre-order.
fn edit_nth(v: &mut Json, k: &mut usize, f: &mut dyn FnMut(&mut Json)) -> bool {
    if *k == 0 {
        f(v);
        return true;
    }
    *k -= 1;
    match v {
        Json::Array(a) => a.iter_mut().any(|c| edit_nth(c, k, f)),
        Json::Object(o) => o.values_mut().any(|c| edit_nth(c, k, f)),
        _ => false,
    }
}

/// A structural edit of a JSON document (the result is valid JSON).
fn mutate_json(doc: &Json, rng: &mut Rng) -> Vec<u8> {
    let mut doc = doc.clone();
    for _ in 0..1 + rng.below(3) {
        let n = count(&doc);
        let donor = nth(&doc, &mut rng.below(n)).unwrap_or(Json::Null);
        let how = rng.below(5);
        let (r1, r2, r3) = (rng.next() as usize, rng.next() as usize, interesting(rng));
        let key = KEYS[r1 % KEYS.len()];
        edit_nth(&mut doc, &mut rng.below(n), &mut |t| match (how, t) {
            (0, Json::Object(o)) if !o.is_empty() => {
                let key = o.keys().nth(r1 % o.len()).cloned().unwrap();
                o.remove(&key);
            }
            (1, Json::Object(o)) => {
                o.insert(key.to_string(), r3.clone());
            }
            (0 | 1, Json::Array(a)) if !a.is_empty() => {
                let e = a[r1 % a.len()].clone();
                if how == 0 {
                    a.remove(r1 % a.len());
                } else {
                    a.insert(r2 % (a.len() + 1), e);
                }
            }
            (2, t) => *t = donor.clone(),
            (_, t) => *t = r3.clone(),
        });
    }
    serde_json::to_vec(&doc).unwrap()
}

/// Runs `f` on `iterations` mutants of the seeds; a panic fails with the offending input.
///
/// On a thread with a 64 MiB stack: a self-referencing spec recurses 300 nested gates deep
/// inside 300 separate evaluations, about 1 MiB of stack in a release build (the CLI
/// evaluates on its 8 MiB main thread) but more than a test thread's 2 MiB unoptimized.
fn fuzz(name: &str, seeds: &[Vec<u8>], iterations: usize, f: impl FnMut(&[u8]) + Send) {
    std::thread::scope(|s| {
        let t = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(s, move || fuzz_here(name, seeds, iterations, f))
            .unwrap();
        if let Err(e) = t.join() {
            std::panic::resume_unwind(e);
        }
    });
}

fn fuzz_here(name: &str, seeds: &[Vec<u8>], iterations: usize, mut f: impl FnMut(&[u8])) {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let mut rng = Rng(0x5EED_0000 ^ name.len() as u64);
    let docs: Vec<Option<Json>> = seeds
        .iter()
        .map(|s| serde_json::from_slice(s).ok())
        .collect();
    for seed in seeds {
        run_one(name, seed, &mut f);
    }
    for _ in 0..iterations {
        let i = rng.below(seeds.len());
        let input = match &docs[i] {
            Some(doc) if rng.below(2) == 0 => mutate_json(doc, &mut rng),
            _ => mutate(&seeds[i], &mut rng),
        };
        run_one(name, &input, &mut f);
    }
}

fn run_one(name: &str, input: &[u8], f: &mut impl FnMut(&[u8])) {
    if let Err(e) = catch_unwind(AssertUnwindSafe(|| f(input))) {
        let why = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!(
            "{name}: panicked ({why}) on input {:?}",
            String::from_utf8_lossy(input)
        );
    }
}

fn one_line(e: impl std::fmt::Display) {
    let msg = e.to_string();
    assert!(!msg.is_empty(), "empty error message");
    assert!(!msg.contains('\n'), "multi-line error: {msg:?}");
}

fn read_seeds(dir: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(ROOT).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn demo_specs() -> CompiledSpecs {
    let bytes = std::fs::read(Path::new(ROOT).join("fixtures/demo_dcs.json")).unwrap();
    match parse_payload(&bytes, "demo_dcs.json") {
        Ok(Parsed::Specs(s)) => *s,
        _ => panic!("the demo fixture compiles"),
    }
}

/// Evaluates every entity for `user`; the record must be JSON.
fn evaluate_all(specs: &CompiledSpecs, user: &User) {
    let opts = EvalOptions {
        app_id: specs.app_id.as_deref(),
        now_ms: 1_700_000_000_000,
    };
    let mut ev = Evaluator::new(specs, user, opts);
    let mut out = Vec::new();
    write_evaluation_record(&mut out, &mut ev, &Selection::default());
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
        panic!(
            "record is not JSON ({e}): {}",
            String::from_utf8_lossy(&out)
        );
    }
}

const USERS: &[&str] = &[
    "{}",
    r#"{"userID":"user-1","email":"a@statsig.com","ip":"1.1.1.1","appVersion":"1.2.3",
        "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0.0.0",
        "custom":{"level":5,"tags":["a","B"]},"customIDs":{"stableID":"s-1"},
        "statsigEnvironment":{"tier":"staging"}}"#,
];

#[test]
fn spec_payloads_never_panic() {
    let mut seeds = read_seeds("fuzz/seeds/parse_payload");
    seeds.push(std::fs::read(Path::new(ROOT).join("fixtures/demo_dcs.json")).unwrap());
    let users: Vec<User> = USERS.iter().map(|u| User::parse(u, "u").unwrap()).collect();
    fuzz("parse_payload", &seeds, 2000, |input| {
        match parse_payload(input, "fuzz") {
            Ok(Parsed::Specs(specs)) => {
                for u in &users {
                    evaluate_all(&specs, u);
                }
            }
            Ok(Parsed::NoUpdates) => {}
            Err(e) => one_line(e),
        }
    });
}

#[test]
fn users_never_panic_and_evaluate() {
    let specs = demo_specs();
    let seeds = read_seeds("fuzz/seeds/parse_user");
    fuzz("parse_user", &seeds, 3000, |input| {
        match User::parse(&String::from_utf8_lossy(input), "fuzz") {
            Ok(u) => {
                serde_json::to_string(&u.loggable_json()).unwrap();
                evaluate_all(&specs, &u);
            }
            Err(e) => one_line(e),
        }
    });
}

#[test]
fn id_lists_never_panic() {
    let seeds = read_seeds("fuzz/seeds/id_lists");
    fuzz("id_lists", &seeds, 5000, |input| {
        let text = String::from_utf8_lossy(input);
        if let Err(e) = IdLists::from_json(&text) {
            one_line(e);
        }
        let mut list = IdList::default();
        list.apply_wire(&text);
        let once = list.clone();
        list.apply_wire(&text);
        assert_eq!(once, list, "applying a file twice changes nothing");
        // The cache's wire form reads back the same (an empty id has no wire line).
        let mut back = IdList::from_wire(&list.to_wire());
        let mut want = list.clone();
        want.ids.remove("");
        back.ids.remove("");
        assert_eq!(back, want, "to_wire/from_wire round trip");
        // List names survive the file-name encoding, which is always a safe file name.
        let file = list_file_name(&text);
        assert!(
            !file.contains('/') && !file.starts_with('.') && !file.is_empty(),
            "{file}"
        );
        // ("" is stored as "%": an empty list name does not survive; not worth a format change.)
        if !text.is_empty() {
            assert_eq!(list_name_from_file(&file), *text, "file name round trip");
        }
    });
}

#[test]
fn spool_segments_never_panic_and_tile_the_file() {
    let seeds = read_seeds("fuzz/seeds/spool_segment");
    fuzz("spool_segment", &seeds, 3000, |data| {
        for verify in [false, true] {
            let r = statsig::events::spool::read_segment(data, verify);
            let mut parts: Vec<(usize, usize)> = r
                .batches
                .iter()
                .map(|(at, b)| (*at, at + 8 + b.body.len()))
                .chain(r.broken.iter().map(|b| (b.start, b.end)))
                .collect();
            parts.sort();
            let mut at = if r.broken.first().is_some_and(|b| b.start == 0) {
                0
            } else {
                8
            };
            for (start, end) in parts {
                assert_eq!(start, at, "gap or overlap");
                assert!((end > start || data.is_empty()) && end <= data.len());
                at = end;
            }
            assert!(data.len() <= 8 || at == data.len(), "not covered");
            for b in &r.broken {
                one_line(&b.why);
            }
        }
    });
}

#[test]
fn mutations_are_deterministic() {
    let mut a = Rng(7);
    let mut b = Rng(7);
    let seed = br#"{"a":[1,2,3]}"#;
    for _ in 0..100 {
        assert_eq!(mutate(seed, &mut a), mutate(seed, &mut b));
    }
}
