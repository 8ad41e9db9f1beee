//! Spec payload parsing and compiling; a payload that compiles is then evaluated for a few
//! fixed users (every gate, config and layer) and its records must be valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statsig::eval::{EvalOptions, Evaluator};
use statsig::output::json::{Selection, write_evaluation_record};
use statsig::spec::{Parsed, parse_payload};
use statsig::user::User;

const USERS: &[&str] = &[
    "{}",
    r#"{"userID":"user-1","email":"a@statsig.com","ip":"1.1.1.1","country":"","appVersion":"1.2.3",
        "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0.0.0 Safari/537.36",
        "custom":{"level":5,"tags":["a","B"],"n":null},"privateAttributes":{"secret":"x"},
        "customIDs":{"stableID":"s-1","companyID":123},"statsigEnvironment":{"tier":"staging"}}"#,
];

fuzz_target!(|data: &[u8]| {
    let specs = match parse_payload(data, "fuzz") {
        Ok(Parsed::Specs(s)) => s,
        Ok(Parsed::NoUpdates) => return,
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "multi-line error: {msg:?}");
            return;
        }
    };
    for u in USERS {
        let user = User::parse(u, "user").unwrap();
        let opts = EvalOptions {
            app_id: specs.app_id.as_deref(),
            now_ms: 1_700_000_000_000,
        };
        let mut ev = Evaluator::new(&specs, &user, opts);
        let mut out = Vec::new();
        write_evaluation_record(&mut out, &mut ev, &Selection::default());
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
            panic!(
                "record is not JSON ({e}): {}",
                String::from_utf8_lossy(&out)
            );
        }
    }
});
