//! The durable spool: batches of events on disk until the server has taken them.
//!
//! A *segment* file holds one or more batches, each the exact body of one `log_event`
//! request as it goes on the wire: gzipped JSON (about a tenth of the JSON's size, which
//! keeps fsyncs short; `statsig events status` reads them). A segment is written to a temporary
//! name, fsynced, renamed into place and the directory fsynced; only then are its batches
//! sent. Every batch the server answers with 2xx is appended to the segment's `.ack` file
//! as `@<its offset in the segment>` (not fsynced: losing an ack only means sending that batch again); when all its batches
//! are acknowledged the segment and its ack file are removed. Delivery is therefore
//! at-least-once.
//!
//! A process holds an exclusive `flock` on each segment it is sending, so a concurrent
//! `statsig events flush` skips it; the lock dies with the process, so a killed process's
//! segments are picked up by the next sending command.
//!
//! Segment format: `STSPOOL1`, then per batch `u32 LE event count`, `u32 LE body length`,
//! body.
//!
//! Nothing is lost to damage: a batch is verified before it is sent (its gzip CRC and
//! length, and a JSON body holding `count` events); a broken one is copied aside into
//! `quarantine/` and reported, and the batches after it are found again, so a truncated or
//! corrupt segment keeps its intact batches. A batch the server refuses for itself (a
//! non-retryable 4xx) moves to `dead/` with the server's reason, where `events status`
//! shows it, `events retry` sends it again and `events purge` removes it. Every file is
//! 0600 in 0700 folders: events carry user data.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Overrides the spool directory (hermetic tests, CI).
pub const SPOOL_DIR_ENV: &str = "STATSIG_SPOOL_DIR";

const MAGIC: &[u8; 8] = b"STSPOOL1";
const SEGMENT_EXT: &str = "seg";
const ACK_EXT: &str = "ack";
const TMP_PREFIX: &str = ".tmp-";
/// Sub-folder of batches the server refused, each with its reason.
pub const DEAD_DIR: &str = "dead";
/// Sub-folder of damaged bytes found in segments.
pub const QUARANTINE_DIR: &str = "quarantine";
const REASON_EXT: &str = "json";
/// A leftover temporary file of a writer that is gone is removed once it is this old even
/// when its process id was reused.
const TMP_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(60);

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
    Err(Error::Environment(
        "no spool directory: set HOME, XDG_STATE_HOME or STATSIG_SPOOL_DIR, or pass --spool DIR"
            .into(),
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
    /// (offset in the segment, batch) for every batch not yet acknowledged.
    pub pending: Vec<(usize, Batch)>,
    /// Damage found when the segment was read: one line per part moved to quarantine.
    pub quarantined: Vec<String>,
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
    /// Batches the server refused, kept in `dead/`.
    pub dead_letters: Vec<DeadLetter>,
    /// Events in `dead/`.
    pub dead_events: u64,
    /// Files of damaged bytes in `quarantine/`.
    pub quarantined: Vec<String>,
}

/// A batch the server refused, as `events status` shows it.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeadLetter {
    /// The segment file in `dead/` holding the batch.
    #[serde(default)]
    pub file: String,
    pub events: u64,
    /// The HTTP status of the refusal.
    pub status: u16,
    /// The server's answer (key masked, control characters removed).
    pub reason: String,
    /// When it was refused (ms since the epoch).
    pub time: i64,
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
            .mode(0o600)
            .open(&tmp)
            .map_err(self.io(&tmp))?;
        f.try_lock()
            .map_err(|e| Error::io(&tmp, io::Error::other(e)))?;
        let buf = encode_segment(&batches);
        f.write_all(&buf).map_err(self.io(&tmp))?;
        f.sync_all().map_err(self.io(&tmp))?;
        fs::rename(&tmp, &path).map_err(self.io(&path))?;
        self.sync_dir()?;
        let offsets = batches.iter().scan(MAGIC.len(), |at, b| {
            let this = *at;
            *at += 8 + b.body.len();
            Some(this)
        });
        let offsets: Vec<usize> = offsets.collect();
        Ok(Segment {
            path,
            _lock: f,
            pending: offsets.into_iter().zip(batches).collect(),
            quarantined: Vec::new(),
            ack: None,
        })
    }

    fn sync_dir(&self) -> Result<()> {
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(self.io(&self.dir))
    }

    /// Segment files, oldest first. Anything else in the folder (a stray directory, a file
    /// of another name) is left alone.
    pub fn list(&self) -> Result<Vec<PathBuf>> {
        list_segments(&self.dir)
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
        let parsed = read_segment(&data, true);
        let mut quarantined = Vec::new();
        for part in &parsed.broken {
            quarantined.push(self.quarantine(path, &data, part)?);
        }
        let acked = read_acks(&ack_path(path), &data);
        let pending = parsed
            .batches
            .into_iter()
            .filter(|(at, _)| !acked.contains(at))
            .collect();
        Ok(Some(Segment {
            path: path.to_path_buf(),
            _lock: f,
            pending,
            quarantined,
            ack: None,
        }))
    }

    /// Copies a damaged part of a segment into `quarantine/` (once: the name says where it
    /// came from) and says so in one line.
    fn quarantine(&self, seg: &Path, data: &[u8], part: &Broken) -> Result<String> {
        let dir = self.sub_dir(QUARANTINE_DIR)?;
        let name = seg.file_name().map(|n| n.to_string_lossy().into_owned());
        let dest = dir.join(format!("{}@{}.bad", name.unwrap_or_default(), part.start));
        if !dest.exists() {
            write_private(&dest, &data[part.start..part.end])?;
        }
        Ok(format!(
            "{}: bytes {}..{} are damaged ({}); moved aside to {}",
            seg.display(),
            part.start,
            part.end,
            part.why,
            dest.display()
        ))
    }

    /// A sub-folder of the spool (0700), created on first use.
    fn sub_dir(&self, name: &str) -> Result<PathBuf> {
        use std::os::unix::fs::DirBuilderExt;
        let dir = self.dir.join(name);
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        Ok(dir)
    }

    /// Keeps a batch of a segment that the server refused in `dead/`, with the server's
    /// reason. The caller acknowledges it in the segment.
    pub fn bury(&self, seg: &Segment, batch: Batch, status: u16, reason: &str) -> Result<PathBuf> {
        let dir = self.sub_dir(DEAD_DIR)?;
        let stem = seg
            .path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut n = 0;
        let path = loop {
            let p = dir.join(format!("{stem}-{n}.{SEGMENT_EXT}"));
            if !p.exists() {
                break p;
            }
            n += 1;
        };
        let letter = DeadLetter {
            file: String::new(),
            events: u64::from(batch.count),
            status,
            reason: reason.to_string(),
            time: crate::util::clock::now_ms(),
        };
        let mut json = serde_json::to_vec_pretty(&letter).expect("a dead letter serialises");
        json.push(b'\n');
        write_private(&path.with_extension(REASON_EXT), &json)?;
        write_private(&path, &encode_segment(&[batch]))?;
        Ok(path)
    }

    /// The batches in `dead/`, oldest first.
    pub fn dead_letters(&self) -> Result<Vec<DeadLetter>> {
        let dir = self.dir.join(DEAD_DIR);
        let mut out = Vec::new();
        for path in list_segments(&dir)? {
            let mut letter: DeadLetter = fs::read(path.with_extension(REASON_EXT))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default();
            if letter.events == 0
                && let Ok(data) = fs::read(&path)
            {
                letter.events = read_segment(&data, false)
                    .batches
                    .iter()
                    .map(|(_, b)| u64::from(b.count))
                    .sum();
            }
            letter.file = path.display().to_string();
            out.push(letter);
        }
        Ok(out)
    }

    /// Moves every dead letter back into the queue (`events retry`); returns how many.
    pub fn revive_dead_letters(&self) -> Result<usize> {
        let dir = self.dir.join(DEAD_DIR);
        let mut n = 0;
        for path in list_segments(&dir)? {
            let name = path.file_name().expect("a file name");
            let dest = self.dir.join(name);
            fs::rename(&path, &dest).map_err(self.io(&dest))?;
            let _ = fs::remove_file(path.with_extension(REASON_EXT));
            n += 1;
        }
        if n > 0 {
            self.sync_dir()?;
        }
        Ok(n)
    }

    /// Removes every dead letter and quarantined file (`events purge`); returns how many
    /// of each.
    pub fn purge(&self) -> Result<(usize, usize)> {
        let mut dead = 0;
        for path in list_segments(&self.dir.join(DEAD_DIR))? {
            fs::remove_file(&path).map_err(self.io(&path))?;
            let _ = fs::remove_file(path.with_extension(REASON_EXT));
            dead += 1;
        }
        let mut bad = 0;
        for path in list_files(&self.dir.join(QUARANTINE_DIR))? {
            fs::remove_file(&path).map_err(self.io(&path))?;
            bad += 1;
        }
        Ok((dead, bad))
    }

    /// Records that the batch at offset `index` of a segment was delivered.
    pub fn ack(&self, seg: &mut Segment, index: usize) -> Result<()> {
        let ap = ack_path(&seg.path);
        if seg.ack.is_none() {
            seg.ack = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .mode(0o600)
                    .open(&ap)
                    .map_err(self.io(&ap))?,
            );
        }
        let f = seg.ack.as_mut().expect("ack file open");
        f.write_all(format!("@{index}\n").as_bytes())
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
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if name.starts_with(TMP_PREFIX) {
                // A writer locks its temporary file at once and renames it within
                // milliseconds. An unlocked one whose writer (named in the file name) is
                // gone, or that is a minute old, is a leftover of a killed process.
                let old = entry
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|d| d >= TMP_MAX_AGE);
                let writer_gone = tmp_writer_pid(&name)
                    .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
                if (old || writer_gone)
                    && let Ok(f) = File::open(&path)
                    && f.try_lock().is_ok()
                {
                    let _ = fs::remove_file(&path);
                }
            } else if let Some(stem) = name.strip_suffix(&format!(".{ACK_EXT}"))
                && !self.dir.join(format!("{stem}.{SEGMENT_EXT}")).exists()
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
            let parsed = read_segment(&data, false);
            for part in &parsed.broken {
                st.unreadable.push(format!(
                    "{}: bytes {}..{}: {}",
                    path.display(),
                    part.start,
                    part.end,
                    part.why
                ));
            }
            let acked = read_acks(&ack_path(&path), &data);
            let pending: Vec<_> = parsed
                .batches
                .iter()
                .filter(|(at, _)| !acked.contains(at))
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
        st.dead_letters = self.dead_letters()?;
        st.dead_events = st.dead_letters.iter().map(|d| d.events).sum();
        st.quarantined = list_files(&self.dir.join(QUARANTINE_DIR))?
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        Ok(st)
    }
}

fn ack_path(seg: &Path) -> PathBuf {
    seg.with_extension(ACK_EXT)
}

/// The offsets of the acknowledged batches of `segment`. Lines are `@<offset>`; a bare
/// number (spools of earlier versions) is an index among the segment's batches.
fn read_acks(path: &Path, segment: &[u8]) -> Vec<usize> {
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut legacy_offsets = None;
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(at) = line.strip_prefix('@').and_then(|n| n.parse().ok()) {
            out.push(at);
        } else if let Ok(i) = line.parse::<usize>() {
            let offsets = legacy_offsets.get_or_insert_with(|| {
                read_segment(segment, false)
                    .batches
                    .into_iter()
                    .map(|(at, _)| at)
                    .collect::<Vec<_>>()
            });
            out.extend(offsets.get(i).copied());
        }
    }
    out
}

/// The process id in a temporary segment's name (`.tmp-<ms>-<pid>-…`).
fn tmp_writer_pid(name: &str) -> Option<u32> {
    name.strip_prefix(TMP_PREFIX)?
        .split('-')
        .nth(1)?
        .parse()
        .ok()
}

/// Regular files in `dir` (none when it does not exist), sorted.
fn list_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

/// Segment files in `dir` (complete ones: temporary names start with a dot), oldest first.
fn list_segments(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = list_files(dir)?;
    out.retain(|p| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        name.ends_with(&format!(".{SEGMENT_EXT}")) && !name.starts_with('.')
    });
    Ok(out)
}

/// Writes a small file durably with mode 0600 (a temporary name, fsync, rename).
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// A segment's bytes.
fn encode_segment(batches: &[Batch]) -> Vec<u8> {
    let mut buf =
        Vec::with_capacity(MAGIC.len() + batches.iter().map(|b| b.body.len() + 8).sum::<usize>());
    buf.extend_from_slice(MAGIC);
    for b in batches {
        buf.extend_from_slice(&b.count.to_le_bytes());
        buf.extend_from_slice(&(b.body.len() as u32).to_le_bytes());
        buf.extend_from_slice(&b.body);
    }
    buf
}

/// A damaged byte range of a segment (offsets in the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub start: usize,
    pub end: usize,
    pub why: String,
}

/// What a segment holds: its intact batches in order (each with its offset, which names it
/// in the ack file), and the damaged parts between them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SegmentContents {
    pub batches: Vec<(usize, Batch)>,
    pub broken: Vec<Broken>,
}

/// Decodes a segment. With `verify`, each batch is also checked the way it will be sent
/// (gzip CRC and length, JSON with `count` events), and after a damaged part reading
/// resumes at the next intact batch; without it, only the framing is checked (fast, for
/// `events status`). Never fails and never panics: damage is reported in `broken`.
pub fn read_segment(data: &[u8], verify: bool) -> SegmentContents {
    let mut out = SegmentContents::default();
    if !data.starts_with(MAGIC) {
        out.broken.push(Broken {
            start: 0,
            end: data.len(),
            why: "not a spool segment (bad header)".into(),
        });
        return out;
    }
    let mut at = MAGIC.len();
    while at < data.len() {
        match record_at(data, at, verify) {
            Ok((batch, next)) => {
                out.batches.push((at, batch));
                at = next;
            }
            Err(why) => {
                // Resume at the next offset holding an intact batch (only when verifying:
                // without the check a false start cannot be told from a batch).
                let resume = if verify {
                    (at + 1..data.len()).find(|&p| {
                        data.get(p + 8..p + 10) == Some(&[0x1f, 0x8b][..])
                            && record_at(data, p, true).is_ok()
                    })
                } else {
                    None
                };
                let end = resume.unwrap_or(data.len());
                out.broken.push(Broken {
                    start: at,
                    end,
                    why,
                });
                at = end;
            }
        }
    }
    out
}

/// The batch whose header starts at `at`, and where the next one starts.
fn record_at(data: &[u8], at: usize, verify: bool) -> std::result::Result<(Batch, usize), String> {
    let header = data.get(at..at + 8).ok_or("truncated batch header")?;
    let count = u32::from_le_bytes(header[..4].try_into().expect("4 bytes"));
    let len = u32::from_le_bytes(header[4..].try_into().expect("4 bytes")) as usize;
    let body = data
        .get(at + 8..)
        .and_then(|rest| rest.get(..len))
        .ok_or("truncated batch")?;
    if verify {
        verify_batch(count, body)?;
    }
    Ok((
        Batch {
            count,
            body: body.to_vec(),
        },
        at + 8 + len,
    ))
}

/// Checks a spooled batch the way the server will read it: gzip intact (CRC and length),
/// a JSON object whose `events` array holds `count` events.
pub fn verify_batch(count: u32, body: &[u8]) -> std::result::Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Body<'a> {
        #[serde(borrow)]
        events: Vec<&'a serde_json::value::RawValue>,
    }
    if count == 0 {
        return Err("a batch of no events".into());
    }
    let plain = super::deliver::gunzip(body).map_err(|e| format!("gzip: {e}"))?;
    let parsed: Body =
        serde_json::from_slice(&plain).map_err(|e| format!("not a batch body: {e}"))?;
    if parsed.events.len() != count as usize {
        return Err(format!(
            "{} events where the header says {count}",
            parsed.events.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch as the delivery writes it: gzipped `{"events":[…]}` with `n` events.
    fn batch(n: u32) -> Batch {
        let events: Vec<String> = (0..n)
            .map(|i| format!("{{\"eventName\":\"e{i}\"}}"))
            .collect();
        let body = format!(
            "{{\"events\":[{}],\"statsigMetadata\":{{}}}}",
            events.join(",")
        );
        Batch {
            count: n,
            body: super::super::deliver::gzip(body.as_bytes()),
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
        let first = seg.pending[0].0;
        assert_eq!(first, 8);
        spool.ack(&mut seg, first).unwrap();
        let path = seg.path.clone();
        drop(seg);
        let st = spool.status().unwrap();
        assert_eq!((st.batches, st.events, st.in_flight_segments), (1, 2, 0));
        let seg = spool.claim(&path).unwrap().unwrap();
        assert_eq!(seg.pending.len(), 1);
        assert_eq!(seg.pending[0].1, batch(2));
        spool.remove(seg).unwrap();
        assert!(spool.list().unwrap().is_empty());
        assert_eq!(spool.status().unwrap().events, 0);
        assert!(!ack_path(&path).exists());
    }

    #[test]
    fn acks_of_earlier_versions_are_indices() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(dir.path()).unwrap();
        let seg = spool
            .write_segment(vec![batch(1), batch(2), batch(3)])
            .unwrap();
        let path = seg.path.clone();
        drop(seg);
        std::fs::write(ack_path(&path), "0\n2\n").unwrap();
        let seg = spool.claim(&path).unwrap().unwrap();
        assert_eq!(seg.pending.len(), 1);
        assert_eq!(seg.pending[0].1, batch(2));
    }

    #[test]
    fn damage_keeps_the_intact_batches() {
        let good = encode_segment(&[batch(1), batch(2), batch(3)]);
        let whole = read_segment(&good, true);
        assert!(whole.broken.is_empty());
        let offsets: Vec<usize> = whole.batches.iter().map(|(at, _)| *at).collect();
        // A flipped byte inside the second body: the first and third survive.
        let mut bad = good.clone();
        bad[offsets[1] + 20] ^= 0xff;
        let r = read_segment(&bad, true);
        assert_eq!(r.batches.len(), 2);
        assert_eq!(r.batches[1], (offsets[2], batch(3)));
        assert_eq!(r.broken.len(), 1);
        assert_eq!(
            (r.broken[0].start, r.broken[0].end),
            (offsets[1], offsets[2])
        );
        // A lying length in the second header: reading resumes at the third batch.
        let mut bad = good.clone();
        bad[offsets[1] + 4..offsets[1] + 8].copy_from_slice(&7u32.to_le_bytes());
        let r = read_segment(&bad, true);
        assert_eq!(
            r.batches.iter().map(|(at, _)| *at).collect::<Vec<_>>(),
            vec![offsets[0], offsets[2]]
        );
        // A wrong count is caught too.
        let mut bad = good.clone();
        bad[offsets[0]..offsets[0] + 4].copy_from_slice(&9u32.to_le_bytes());
        let r = read_segment(&bad, true);
        assert_eq!(r.batches.len(), 2);
        assert!(r.broken[0].why.contains("header says 9"), "{:?}", r.broken);
        // Truncated: the intact prefix stays.
        let r = read_segment(&good[..good.len() - 5], true);
        assert_eq!(r.batches.len(), 2);
        assert!(r.broken[0].why.contains("truncated"));
        // Not a segment at all.
        let r = read_segment(b"nope", true);
        assert!(r.batches.is_empty() && r.broken[0].why.contains("bad header"));
    }

    #[test]
    fn spool_files_are_private_and_strays_are_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("stray.seg")).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "hi").unwrap();
        let mut seg = spool.write_segment(vec![batch(1), batch(1)]).unwrap();
        let at = seg.pending[0].0;
        spool.ack(&mut seg, at).unwrap();
        let b = seg.pending[0].clone();
        let dead = spool.bury(&seg, b.1, 400, "bad").unwrap();
        spool.ack(&mut seg, b.0).unwrap();
        for p in [seg.path.clone(), ack_path(&seg.path), dead.clone()] {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
        assert_eq!(spool.list().unwrap(), vec![seg.path.clone()]);
        let st = spool.status().unwrap();
        assert_eq!((st.events, st.dead_events), (0, 1));
        assert_eq!(st.dead_letters[0].reason, "bad");
        assert_eq!(spool.purge().unwrap(), (1, 0));
    }

    #[test]
    fn spool_dir_prefers_the_flag() {
        let p = default_dir(Some(Path::new("/x"))).unwrap();
        assert_eq!(p, PathBuf::from("/x"));
    }
}
