//! Spool segments: framing, per-batch verification and resynchronisation after damage.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statsig::events::spool::read_segment;

fuzz_target!(|data: &[u8]| {
    for verify in [false, true] {
        let r = read_segment(data, verify);
        // Batches and damaged parts tile the file after the header, in order.
        let mut parts: Vec<(usize, usize)> = r
            .batches
            .iter()
            .map(|(at, b)| (*at, at + 8 + b.body.len()))
            .chain(r.broken.iter().map(|b| (b.start, b.end)))
            .collect();
        parts.sort();
        let mut at = if r.broken.first().is_some_and(|b| b.start == 0) { 0 } else { 8 };
        for (start, end) in parts {
            assert_eq!(start, at, "gap or overlap");
            assert!((end > start || data.is_empty()) && end <= data.len());
            at = end;
        }
        assert!(data.len() <= 8 || at == data.len(), "not covered");
        if verify {
            for (_, b) in &r.batches {
                assert!(statsig::events::spool::verify_batch(b.count, &b.body).is_ok());
            }
        }
    }
});
