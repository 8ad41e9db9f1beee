//! User JSON parsing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statsig::user::User;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match User::parse(&text, "fuzz") {
        Ok(u) => {
            let _ = u.has_any_id();
            let _ = serde_json::to_string(&u.loggable_json()).unwrap();
            let _ = u.unit_id("stableID", "stableid", false);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "multi-line error: {msg:?}");
        }
    }
});
