//! Id lists: the JSON summary form and the `+id`/`-id` wire form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statsig::spec::id_lists::{IdList, IdLists, list_file_name, list_name_from_file};

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
