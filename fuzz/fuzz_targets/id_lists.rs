//! Id lists: the JSON summary form and the `+id`/`-id` wire form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statsig::source::id_lists::{IdList, IdLists};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(msg) = IdLists::from_json(&text) {
        assert!(!msg.contains('\n'), "multi-line error: {msg:?}");
    }
    let mut list = IdList::default();
    list.apply_wire(&text);
    // Applying the same file twice is idempotent.
    let once = list.clone();
    list.apply_wire(&text);
    assert_eq!(once, list);
});
