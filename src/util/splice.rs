//! Output with large borrowed pieces spliced in rather than copied: a buffer of bytes plus
//! (offset, piece) pairs, written with vectored I/O. A spec value of 100 KB that goes into
//! every user's record is then never copied by this process (a record stream to a file or a
//! pipe is copied once, by the kernel; to /dev/null not at all).

use std::io::{self, IoSlice, Write};

/// Pieces at least this long are spliced; shorter ones are cheaper to copy.
pub const SPLICE_MIN: usize = 2048;

/// Pieces to insert into a buffer, by offset (non-decreasing, in the order written).
#[derive(Debug, Default)]
pub struct Splices<'a>(Vec<(usize, &'a [u8])>);

impl<'a> Splices<'a> {
    /// Appends `piece` at the end of `out`: spliced when large, else copied.
    pub fn append(&mut self, out: &mut Vec<u8>, piece: &'a [u8]) {
        if piece.len() >= SPLICE_MIN {
            self.0.push((out.len(), piece));
        } else {
            out.extend_from_slice(piece);
        }
    }

    /// How many pieces are to be spliced.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Moves `other`'s pieces (offsets in the same buffer, later) to the end of these.
    pub fn absorb(&mut self, other: &mut Splices<'a>) {
        self.0.append(&mut other.0);
    }

    /// The bytes with the pieces in place, in memory (for tests and small outputs).
    pub fn assemble(&self, bytes: &[u8]) -> Vec<u8> {
        let mut v =
            Vec::with_capacity(bytes.len() + self.0.iter().map(|p| p.1.len()).sum::<usize>());
        let mut at = 0;
        for (offset, piece) in &self.0 {
            v.extend_from_slice(&bytes[at..*offset]);
            v.extend_from_slice(piece);
            at = *offset;
        }
        v.extend_from_slice(&bytes[at..]);
        v
    }

    /// Writes `bytes` with the pieces in place.
    pub fn write_to(&self, w: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        if self.0.is_empty() {
            return w.write_all(bytes);
        }
        // Batches of slices, written with as few calls as the writer takes.
        const BATCH: usize = 256;
        let mut slices: Vec<IoSlice<'_>> = Vec::with_capacity(BATCH + 1);
        let mut at = 0;
        let mut pieces = self.0.iter().peekable();
        while pieces.peek().is_some() {
            slices.clear();
            while slices.len() < BATCH {
                let Some((offset, piece)) = pieces.next() else {
                    break;
                };
                if *offset > at {
                    slices.push(IoSlice::new(&bytes[at..*offset]));
                }
                slices.push(IoSlice::new(piece));
                at = *offset;
            }
            if pieces.peek().is_none() && at < bytes.len() {
                slices.push(IoSlice::new(&bytes[at..]));
                at = bytes.len();
            }
            write_all_vectored(w, &mut slices)?;
        }
        if at < bytes.len() {
            w.write_all(&bytes[at..])?;
        }
        Ok(())
    }
}

/// `Write::write_all_vectored` (not stable yet).
fn write_all_vectored(w: &mut dyn Write, mut bufs: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut bufs, 0);
    while !bufs.is_empty() {
        match w.write_vectored(bufs) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut bufs, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spliced_output_equals_copied_output() {
        let big: Vec<Vec<u8>> = (0..600u32)
            .map(|i| vec![b'a' + (i % 26) as u8; SPLICE_MIN + i as usize])
            .collect();
        let mut out = Vec::new();
        let mut copied = Vec::new();
        let mut s = Splices::default();
        for (i, piece) in big.iter().enumerate() {
            let small = format!("<{i}>");
            out.extend_from_slice(small.as_bytes());
            copied.extend_from_slice(small.as_bytes());
            s.append(&mut out, piece);
            copied.extend_from_slice(piece);
            // Adjacent pieces, and short ones that are copied.
            if i % 3 == 0 {
                s.append(&mut out, piece);
                copied.extend_from_slice(piece);
                s.append(&mut out, b"tiny");
                copied.extend_from_slice(b"tiny");
            }
        }
        out.extend_from_slice(b"end\n");
        copied.extend_from_slice(b"end\n");
        assert_eq!(s.assemble(&out), copied);
        // A writer that takes a few bytes at a time, and one that takes everything.
        struct Trickle(Vec<u8>);
        impl Write for Trickle {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                let n = b.len().min(777);
                self.0.extend_from_slice(&b[..n]);
                Ok(n)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut t = Trickle(Vec::new());
        s.write_to(&mut t, &out).unwrap();
        assert_eq!(t.0, copied);
        let mut v = Vec::new();
        s.write_to(&mut v, &out).unwrap();
        assert_eq!(v, copied);
        let mut v = Vec::new();
        Splices::default().write_to(&mut v, b"plain").unwrap();
        assert_eq!(v, b"plain");
    }
}
