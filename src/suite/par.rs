//! A small ordered parallel map over index ranges, on every core: the range is cut in
//! chunks, threads take chunks in turn, and the results come back in range order (so a
//! merge of them is the same whatever the thread count).

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Chunks per thread: enough for uneven chunks to even out, few enough to merge cheaply.
const CHUNKS_PER_THREAD: u64 = 8;
const MIN_CHUNK: u64 = 64;

/// Runs `f` over `0..len` in chunks and returns the chunk results in order.
pub fn map_chunks<R: Send>(len: u64, f: impl Fn(Range<u64>) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let chunk = len.div_ceil(threads * CHUNKS_PER_THREAD).max(MIN_CHUNK);
    let ranges: Vec<Range<u64>> = (0..len.div_ceil(chunk))
        .map(|k| k * chunk..((k + 1) * chunk).min(len))
        .collect();
    if threads == 1 || ranges.len() <= 1 {
        return ranges.into_iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = ranges.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads.min(ranges.len() as u64) {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(r) = ranges.get(k) else { break };
                    let out = f(r.clone());
                    *slots[k].lock().unwrap_or_else(|e| e.into_inner()) = Some(out);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every chunk ran")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_and_cover_the_range() {
        let parts = map_chunks(10_007, |r| r.clone().collect::<Vec<u64>>());
        let all: Vec<u64> = parts.into_iter().flatten().collect();
        assert_eq!(all, (0..10_007).collect::<Vec<u64>>());
        assert!(map_chunks(0, |r| r).is_empty());
        assert_eq!(map_chunks(3, |r| r), vec![0..3]);
    }
}
