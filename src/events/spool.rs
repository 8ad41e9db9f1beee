//! The durable spool: batches of events on disk until the server has taken them.
//!
//! A *segment* file holds one or more batches, each the exact body of one `log_event`
//! request as it goes on the wire: gzipped JSON (about a tenth of the JSON's size, which
//! keeps fsyncs short; `statsig events status` reads them). A segment is written to a temporary
//! name, fsynced, renamed into place and the directory fsynced; only then are its batches
//! sent. Every batch the server answers with 2xx is appended to the segment's `.ack` file
//! (not fsynced: losing an ack only means sending that batch again); when all its batches
//! are acknowledged the segment and its ack file are removed. Delivery is therefore
//! at-least-once.
//!
//! A process holds an exclusive `flock` on each segment it is sending, so a concurrent
//! `statsig events flush` skips it; the lock dies with the process, so a killed process's
//! segments are picked up by the next sending command.
//!
//! Segment format: `STSPOOL1`, then per batch `u32 LE event count`, `u32 LE body length`,
//! body.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Overrides the spool directory (hermetic tests, CI).
pub const SPOOL_DIR_ENV: &str = "STATSIG_SPOOL_DIR";

const MAGIC: &[u8; 8] = b"STSPOOL1";
const SEGMENT_EXT: &str = "seg";
const ACK_EXT: &str = "ack";
const TMP_PREFIX: &str = ".tmp-";

/// The spool directory: `--spool`, else `$STATSIG_SPOOL_DIR`, else
/// `$XDG_STATE_HOME/statsig/spool`, else `~/.local/state/statsig/spool`.
pub fn default_dir(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(p) = env(SPOOL_DIR_ENV) {
        return Ok(p);
    }
    if let Some(p) = crate::util::paths::statsig_dir("XDG_STATE_HOME", ".local/state") {
        return Ok(p.join("spool"));
    }
    Err(Error::input(
        "no spool directory: set HOME, XDG_STATE_HOME or STATSIG_SPOOL_DIR, or pass --spool DIR",
    ))
}

/// One batch: the request body (gzipped once spooled) and how many events it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub count: u32,
    pub body: Vec<u8>,
}

/// A spool directory.
#[derive(Debug, Clone)]
pub struct Spool {
    dir: PathBuf,
}

/// A segment this process holds the lock on, with the batches still to send.
#[derive(Debug)]
pub struct Segment {
    pub path: PathBuf,
    /// Kept open: the `flock` lives as long as this handle.
    _lock: File,
    /// (index in the segment, batch) for every batch not yet acknowledged.
    pub pending: Vec<(u32, Batch)>,
    ack: Option<File>,
}

/// What `events status` reports.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub dir: String,
    pub segments: usize,
    pub batches: usize,
    pub events: u64,
    pub bytes: u64,
    /// Segments another running process is sending right now.
    pub in_flight_segments: usize,
    /// Creation time (ms) of the oldest queued segment.
    pub oldest_ms: Option<i64>,
    /// Segments that could not be read.
    pub unreadable: Vec<String>,
}

static SEQ: AtomicU64 = AtomicU64::new(0);

impl Spool {
    /// Opens (creating, mode 0700) a spool directory.
    pub fn open(dir: &Path) -> Result<Spool> {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Error::io(dir, e))?;
        Ok(Spool {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn io(&self, path: &Path) -> impl Fn(io::Error) -> Error + '_ {
        let p = path.to_path_buf();
        move |e| Error::io(p.clone(), e)
    }

    /// Writes batches durably as a new segment, locked by this process.
    pub fn write_segment(&self, batches: Vec<Batch>) -> Result<Segment> {
        let now = crate::util::clock::now_ms();
        let seq = SEQ.fetch_add(1, Ordering::Relaxed);
        let mut rnd = [0u8; 4];
        let _ = getrandom::fill(&mut rnd);
        let name = format!(
            "{now:013}-{}-{seq:06}-{:08x}.{SEGMENT_EXT}",
            std::process::id(),
            u32::from_le_bytes(rnd)
        );
        let tmp = self.dir.join(format!("{TMP_PREFIX}{name}"));
        let path = self.dir.join(&name);
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(self.io(&tmp))?;
        f.try_lock()
            .map_err(|e| Error::io(&tmp, io::Error::other(e)))?;
        let mut buf = Vec::with_capacity(
            MAGIC.len() + batches.iter().map(|b| b.body.len() + 8).sum::<usize>(),
        );
        buf.extend_from_slice(MAGIC);
        for b in &batches {
            buf.extend_from_slice(&b.count.to_le_bytes());
            buf.extend_from_slice(&(b.body.len() as u32).to_le_bytes());
            buf.extend_from_slice(&b.body);
        }
        f.write_all(&buf).map_err(self.io(&tmp))?;
        f.sync_all().map_err(self.io(&tmp))?;
        fs::rename(&tmp, &path).map_err(self.io(&path))?;
        self.sync_dir()?;
        Ok(Segment {
            path,
            _lock: f,
            pending: batches
                .into_iter()
                .enumerate()
                .map(|(i, b)| (i as u32, b))
                .collect(),
            ack: None,
        })
    }

    fn sync_dir(&self) -> Result<()> {
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(self.io(&self.dir))
    }

    /// Segment files, oldest first.
    pub fn list(&self) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(self.io(&self.dir))? {
            let entry = entry.map_err(self.io(&self.dir))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(&format!(".{SEGMENT_EXT}")) && !name.starts_with('.') {
                out.push(entry.path());
            }
        }
        out.sort();
        Ok(out)
    }

    /// Locks a segment for sending. `None` if another process holds it or it is gone.
    pub fn claim(&self, path: &Path) -> Result<Option<Segment>> {
        let mut f = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        if f.try_lock().is_err() {
            return Ok(None);
        }
        // Removed (and its lock released) between our open and our lock: already sent.
        let ours = f.metadata().map_err(self.io(path))?;
        match fs::metadata(path) {
            Ok(m) if m.ino() == ours.ino() && m.dev() == ours.dev() => {}
            _ => return Ok(None),
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(self.io(path))?;
        let batches = parse_segment(&data)
            .map_err(|msg| Error::input(format!("{}: {msg}", path.display())))?;
        let acked = read_acks(&ack_path(path));
        let pending = batches
            .into_iter()
            .enumerate()
            .map(|(i, b)| (i as u32, b))
            .filter(|(i, _)| !acked.contains(i))
            .collect();
        Ok(Some(Segment {
            path: path.to_path_buf(),
            _lock: f,
            pending,
            ack: None,
        }))
    }

    /// Records that batch `index` of a segment was delivered.
    pub fn ack(&self, seg: &mut Segment, index: u32) -> Result<()> {
        let ap = ack_path(&seg.path);
        if seg.ack.is_none() {
            seg.ack = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&ap)
                    .map_err(self.io(&ap))?,
            );
        }
        let f = seg.ack.as_mut().expect("ack file open");
        f.write_all(format!("{index}\n").as_bytes())
            .map_err(self.io(&ap))?;
        seg.pending.retain(|(i, _)| *i != index);
        Ok(())
    }

    /// Removes a fully delivered segment.
    pub fn remove(&self, seg: Segment) -> Result<()> {
        match fs::remove_file(&seg.path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&seg.path, e)),
        }
        let _ = fs::remove_file(ack_path(&seg.path));
        Ok(())
    }

    /// Removes leftovers: temporary files of killed writers and ack files without a segment.
    pub fn clean(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with(TMP_PREFIX) {
                // A writer locks its temporary file at once and renames it within
                // milliseconds; an unlocked one a minute old belongs to a dead process.
                let old = entry
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|d| d.as_secs() >= 60);
                if old
                    && let Ok(f) = File::open(&path)
                    && f.try_lock().is_ok()
                {
                    let _ = fs::remove_file(&path);
                }
            } else if let Some(seg) = name.strip_suffix(&format!(".{ACK_EXT}"))
                && !self.dir.join(seg).exists()
            {
                let _ = fs::remove_file(&path);
            }
        }
    }

    /// What is queued.
    pub fn status(&self) -> Result<Status> {
        let mut st = Status {
            dir: self.dir.display().to_string(),
            ..Status::default()
        };
        for path in self.list()? {
            let data = match fs::read(&path) {
                Ok(d) => d,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io(&path, e)),
            };
            let batches = match parse_segment(&data) {
                Ok(b) => b,
                Err(msg) => {
                    st.unreadable.push(format!("{}: {msg}", path.display()));
                    continue;
                }
            };
            let acked = read_acks(&ack_path(&path));
            let pending: Vec<_> = batches
                .iter()
                .enumerate()
                .filter(|(i, _)| !acked.contains(&(*i as u32)))
                .collect();
            if pending.is_empty() {
                continue;
            }
            st.segments += 1;
            st.batches += pending.len();
            st.events += pending.iter().map(|(_, b)| b.count as u64).sum::<u64>();
            st.bytes += pending
                .iter()
                .map(|(_, b)| b.body.len() as u64)
                .sum::<u64>();
            if let Ok(f) = File::open(&path)
                && f.try_lock().is_err()
            {
                st.in_flight_segments += 1;
            }
            let created = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split('-').next())
                .and_then(|t| t.parse::<i64>().ok());
            if let Some(t) = created {
                st.oldest_ms = Some(st.oldest_ms.map_or(t, |o| o.min(t)));
            }
        }
        Ok(st)
    }
}

fn ack_path(seg: &Path) -> PathBuf {
    seg.with_extension(ACK_EXT)
}

fn read_acks(path: &Path) -> Vec<u32> {
    fs::read_to_string(path)
        .map(|t| t.lines().filter_map(|l| l.trim().parse().ok()).collect())
        .unwrap_or_default()
}

fn parse_segment(data: &[u8]) -> std::result::Result<Vec<Batch>, String> {
    let rest = data
        .strip_prefix(MAGIC.as_slice())
        .ok_or("not a spool segment (bad header)")?;
    let mut out = Vec::new();
    let mut at = 0;
    while at < rest.len() {
        if rest.len() - at < 8 {
            return Err("truncated batch header".into());
        }
        let count = u32::from_le_bytes(rest[at..at + 4].try_into().unwrap());
        let len = u32::from_le_bytes(rest[at + 4..at + 8].try_into().unwrap()) as usize;
        at += 8;
        if rest.len() - at < len {
            return Err("truncated batch".into());
        }
        out.push(Batch {
            count,
            body: rest[at..at + len].to_vec(),
        });
        at += len;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(n: u32) -> Batch {
        Batch {
            count: n,
            body: format!("{{\"events\":[{n}]}}").into_bytes(),
        }
    }

    #[test]
    fn segments_round_trip_and_acks_shrink_them() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(&dir.path().join("s")).unwrap();
        let mut seg = spool.write_segment(vec![batch(1), batch(2)]).unwrap();
        assert_eq!(spool.list().unwrap(), vec![seg.path.clone()]);
        // Locked by us: another claim (even in this process) skips it.
        assert!(spool.claim(&seg.path).unwrap().is_none());
        let st = spool.status().unwrap();
        assert_eq!((st.segments, st.batches, st.events), (1, 2, 3));
        assert_eq!(st.in_flight_segments, 1);
        spool.ack(&mut seg, 0).unwrap();
        let path = seg.path.clone();
        drop(seg);
        let st = spool.status().unwrap();
        assert_eq!((st.batches, st.events, st.in_flight_segments), (1, 2, 0));
        let seg = spool.claim(&path).unwrap().unwrap();
        assert_eq!(seg.pending, vec![(1, batch(2))]);
        spool.remove(seg).unwrap();
        assert!(spool.list().unwrap().is_empty());
        assert_eq!(spool.status().unwrap().events, 0);
        assert!(!ack_path(&path).exists());
    }

    #[test]
    fn bad_segments_are_reported() {
        assert!(parse_segment(b"nope").is_err());
        let mut d = MAGIC.to_vec();
        d.extend_from_slice(&1u32.to_le_bytes());
        d.extend_from_slice(&10u32.to_le_bytes());
        d.extend_from_slice(b"abc");
        assert!(parse_segment(&d).unwrap_err().contains("truncated"));
    }

    #[test]
    fn spool_dir_prefers_the_flag() {
        let p = default_dir(Some(Path::new("/x"))).unwrap();
        assert_eq!(p, PathBuf::from("/x"));
    }
}
