//! Retry timing shared by every HTTP client here (spec downloads, id lists, events).

use std::time::Duration;

/// `base · 2ⁿ` capped at `max`, then jittered to 50–100 % so that many clients retrying
/// together spread out. `n` counts retries from 0.
pub fn backoff(base: Duration, max: Duration, n: u32) -> Duration {
    let full = base.saturating_mul(1u32 << n.min(20)).min(max);
    let mut r = [0u8; 2];
    let _ = getrandom::fill(&mut r);
    full.mul_f64(0.5 + 0.5 * (f64::from(u16::from_le_bytes(r)) / f64::from(u16::MAX)))
}

/// `Retry-After` as a number of seconds (whole or fractional); an HTTP date is not read.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    v.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_jitters_and_caps() {
        let (base, max) = (Duration::from_millis(100), Duration::from_millis(350));
        for _ in 0..50 {
            let d0 = backoff(base, max, 0);
            assert!(d0 >= base / 2 && d0 <= base, "{d0:?}");
            let d1 = backoff(base, max, 1);
            assert!(d1 >= base && d1 <= base * 2, "{d1:?}");
            assert!(backoff(base, max, 30) <= max);
        }
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
