//! A parallel, ordered evaluator over a stream of users.
//!
//! Users come from NDJSON (a file or stdin) or are generated from a template. The input is cut
//! into chunks of lines; worker threads turn a chunk into output bytes and a partial
//! aggregate; one collector hands the chunks on in input order. A fixed number of chunks is
//! in flight at once and each is bounded in bytes, so memory stays flat whatever the number
//! of users, and the output is the same for any number of jobs.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};

use crate::error::{Error, ExitCode, Result};
use crate::template::JsonTemplate;
use crate::user::User;
use crate::util::lines::skipped_summary;

/// Where the users come from.
#[derive(Debug, Clone)]
pub enum UserSource {
    /// NDJSON, one JSON object per line; `-` is stdin.
    Ndjson(PathBuf),
    /// `count` users from a JSON template in which `${i}` is the user's index (0..count).
    Generate { count: u64, template: String },
}

impl UserSource {
    /// Checks a template once, before any thread starts: JSON whose only variable is
    /// `${i}`, giving a valid user.
    pub fn check(&self) -> Result<()> {
        if let UserSource::Generate { template, .. } = self {
            let t = compile_template(template)?;
            generated_user(&t, 0)?;
        }
        Ok(())
    }
}

/// How a stream runs.
#[derive(Debug, Clone, Copy)]
pub struct StreamSettings {
    /// Worker threads (1: everything on the calling thread).
    pub jobs: usize,
    /// Skip (and report) bad user lines instead of stopping.
    pub keep_going: bool,
}

/// The number of jobs when none is asked for: the available parallelism.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// What a stream does with each user. Implementations hold only shared, read-only state;
/// per-thread scratch lives in `Worker`, per-chunk results in `Acc`.
pub trait UserWork: Sync {
    /// Scratch state of one worker thread (made in that thread).
    type Worker;
    /// A partial result of one chunk, combined by the caller in input order.
    type Acc: Send;
    fn worker(&self) -> Self::Worker;
    fn acc(&self) -> Self::Acc;
    /// Handles one user: appends its output (if any) to `out`, adds to `acc`.
    fn user(
        &self,
        worker: &mut Self::Worker,
        acc: &mut Self::Acc,
        user: &User,
        out: &mut Vec<u8>,
    ) -> Result<()>;
}

/// What a stream saw besides the users it handed on.
#[derive(Debug, Default, Clone)]
pub struct UserStream {
    /// Users handed to the work.
    pub users: u64,
    /// Input lines read (blank ones included).
    pub lines: u64,
    /// Bad lines skipped (`--keep-going`).
    pub skipped: usize,
    pub no_id: usize,
    pub first_no_id: Option<String>,
}

impl UserStream {
    fn absorb(&mut self, o: UserStream) {
        self.users += o.users;
        self.lines += o.lines;
        self.skipped += o.skipped;
        self.no_id += o.no_id;
        if self.first_no_id.is_none() {
            self.first_no_id = o.first_no_id;
        }
    }

    /// The closing lines on stderr (skipped lines, users without any id) and the exit code
    /// they imply: 2 when `--keep-going` skipped lines, as every command that reads lines
    /// does.
    pub fn report(&self) -> ExitCode {
        if let Some(first) = &self.first_no_id {
            crate::util::warn::warn(format_args!(
                "{} user(s) have no userID and no customIDs (first: {first}); they are \
                 evaluated with an empty userID, as Statsig's current SDKs do",
                self.no_id
            ));
        }
        if self.skipped > 0 {
            eprintln!("{}", skipped_summary(self.skipped as u64, self.lines));
            return ExitCode::Input;
        }
        ExitCode::Success
    }
}

/// Input bytes and output bytes all chunks in flight may hold together (roughly).
const IN_FLIGHT_BYTES: u64 = 32 << 20;
/// Lines per chunk at most (for tiny outputs) and at least (for huge ones).
const MAX_LINES: u64 = 4096;
const MIN_LINES: u64 = 4;

/// Output buffers handed back once their chunk is emitted: a stream reuses the few buffers
/// of the chunks in flight instead of growing (and faulting in) a fresh one per chunk.
/// A new buffer has the capacity of a chunk's output budget: reserved, not touched, so a
/// small output costs no more than before, and a large one is not grown by copying into
/// ever larger blocks (each a run of fresh pages to fault in).
struct Buffers {
    free: Mutex<Vec<Vec<u8>>>,
    capacity: usize,
}

impl Buffers {
    fn new(capacity: usize) -> Self {
        Buffers {
            free: Mutex::new(Vec::new()),
            capacity,
        }
    }

    fn take(&self) -> Vec<u8> {
        let reused = self.free.lock().ok().and_then(|mut free| free.pop());
        reused.unwrap_or_else(|| Vec::with_capacity(self.capacity))
    }

    fn give(&self, mut buf: Vec<u8>) {
        buf.clear();
        if let Ok(mut free) = self.free.lock() {
            free.push(buf);
        }
    }
}

/// A run of input lines: one buffer and where each line sits in it.
struct Chunk {
    seq: u64,
    buf: Vec<u8>,
    /// (start, end, line number or generated index)
    lines: Vec<(usize, usize, u64)>,
    /// A read error ends the stream after this chunk.
    error: Option<Error>,
}

/// A worked chunk.
struct Done<A> {
    seq: u64,
    out: Vec<u8>,
    acc: A,
    stats: UserStream,
    warnings: Vec<String>,
    error: Option<Error>,
}

/// Cuts the input into chunks, sized so that the chunks in flight stay within
/// [`IN_FLIGHT_BYTES`] given the output seen so far per user.
struct Reader {
    source: Box<dyn BufRead + Send>,
    /// Names the input in messages.
    name: String,
    /// Generated users: how many (the chunk lines then hold only indices).
    generate: Option<u64>,
    next_line: u64,
    seq: u64,
    done: bool,
    budget: u64,
    sizing: Arc<Sizing>,
}

/// Output bytes per user so far, shared by the workers and the reader.
#[derive(Default)]
struct Sizing {
    users: AtomicU64,
    bytes: AtomicU64,
}

impl Reader {
    fn open(source: &UserSource, in_flight: usize, sizing: Arc<Sizing>) -> Result<Reader> {
        let source_spec = source;
        let budget = (IN_FLIGHT_BYTES / in_flight as u64).clamp(64 << 10, 1 << 20);
        let (source, generate): (Box<dyn BufRead + Send>, _) = match source {
            UserSource::Ndjson(path) if path.as_os_str() == "-" => (
                Box::new(std::io::BufReader::with_capacity(
                    256 * 1024,
                    std::io::stdin(),
                )),
                None,
            ),
            UserSource::Ndjson(path) => (
                Box::new(std::io::BufReader::with_capacity(
                    256 * 1024,
                    std::fs::File::open(path).map_err(|e| Error::io(path, e))?,
                )),
                None,
            ),
            UserSource::Generate { count, .. } => (
                Box::new(std::io::empty()) as Box<dyn BufRead + Send>,
                Some(*count),
            ),
        };
        Ok(Reader {
            source,
            name: source_name(source_spec),
            generate,
            next_line: 0,
            seq: 0,
            done: false,
            budget,
            sizing,
        })
    }

    /// How many lines the next chunk takes.
    fn lines_per_chunk(&self) -> u64 {
        let users = self.sizing.users.load(Ordering::Relaxed);
        if users == 0 {
            // Nothing known yet: small chunks until the first ones tell the output size.
            return 2 * MIN_LINES;
        }
        let per_user = (self.sizing.bytes.load(Ordering::Relaxed) / users).max(1);
        (self.budget / per_user).clamp(MIN_LINES, MAX_LINES)
    }

    fn next_chunk(&mut self) -> Option<Chunk> {
        if self.done {
            return None;
        }
        let want = self.lines_per_chunk();
        let mut chunk = Chunk {
            seq: self.seq,
            buf: Vec::with_capacity(16 * 1024),
            lines: Vec::with_capacity(want as usize),
            error: None,
        };
        if let Some(count) = self.generate {
            while (chunk.lines.len() as u64) < want && self.next_line < count {
                chunk.lines.push((0, 0, self.next_line));
                self.next_line += 1;
            }
            self.done = self.next_line >= count;
        } else {
            while (chunk.lines.len() as u64) < want && (chunk.buf.len() as u64) < self.budget {
                let start = chunk.buf.len();
                match crate::util::lines::read_line_capped(
                    &mut self.source,
                    &mut chunk.buf,
                    crate::util::lines::MAX_LINE_BYTES,
                ) {
                    Ok(0) => {
                        self.done = true;
                        break;
                    }
                    Ok(_) => {
                        self.next_line += 1;
                        let mut end = chunk.buf.len();
                        if chunk.buf[end - 1] == b'\n' {
                            end -= 1;
                            if end > start && chunk.buf[end - 1] == b'\r' {
                                end -= 1;
                            }
                        }
                        chunk.lines.push((start, end, self.next_line));
                    }
                    Err(e) if crate::util::lines::is_too_long(&e) => {
                        chunk.buf.truncate(start);
                        chunk.error = Some(Error::Line(crate::util::lines::too_long(
                            &self.name,
                            self.next_line + 1,
                        )));
                        self.done = true;
                        break;
                    }
                    Err(e) => {
                        chunk.error = Some(Error::io("users", e));
                        self.done = true;
                        break;
                    }
                }
            }
        }
        if chunk.lines.is_empty() && chunk.error.is_none() {
            return None;
        }
        self.seq += 1;
        Some(chunk)
    }
}

/// A `--user` template: JSON whose strings may hold `${i}`.
fn compile_template(text: &str) -> Result<JsonTemplate> {
    let json: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::Template(format!("--user template: not valid JSON: {e}")))?;
    let t = JsonTemplate::new(&json);
    if let Some(v) = t.vars().into_iter().find(|v| *v != "i") {
        return Err(Error::Template(format!(
            "--user template: unknown variable ${{{v}}} (generated users know only ${{i}})"
        )));
    }
    Ok(t)
}

/// Generated user `i`.
fn generated_user(t: &JsonTemplate, i: u64) -> Result<User> {
    let index = i.to_string();
    let origin = || format!("generated user {i}");
    let json = t
        .render(&|v| (v == "i").then_some(index.as_str()))
        .map_err(|v| Error::Template(format!("{}: unknown variable ${{{v}}}", origin())))?;
    User::from_json(json, &origin())
}

/// How messages name the users' input.
fn source_name(source: &UserSource) -> String {
    match source {
        UserSource::Ndjson(p) if p.as_os_str() == "-" => "stdin".to_string(),
        UserSource::Ndjson(p) => p.display().to_string(),
        UserSource::Generate { .. } => "generated user".to_string(),
    }
}

/// Runs `work` over every user of `source`, calling `emit` with each chunk's output and
/// partial result in input order. Output emitted before an error stays emitted.
pub fn run<W: UserWork>(
    source: &UserSource,
    settings: StreamSettings,
    work: &W,
    mut emit: impl FnMut(&[u8], W::Acc) -> Result<()>,
) -> Result<UserStream> {
    let template = match source {
        UserSource::Generate { template, .. } => Some(compile_template(template)?),
        UserSource::Ndjson(_) => None,
    };
    source.check()?;
    let name = source_name(source);
    let jobs = settings.jobs.max(1);
    let in_flight = 2 * jobs;
    let sizing = Arc::new(Sizing::default());
    let mut reader = Reader::open(source, in_flight, sizing.clone())?;
    let input = Input {
        name,
        keep_going: settings.keep_going,
        template,
    };
    let mut stats = UserStream::default();
    let buffers = Buffers::new(reader.budget as usize);
    let total = match source {
        UserSource::Generate { count, .. } => Some(*count),
        UserSource::Ndjson(_) => None,
    };
    let mut progress = crate::util::progress::Progress::new("evaluating", "users", total);
    let mut handle = |d: Done<W::Acc>, stats: &mut UserStream| -> Result<()> {
        for w in &d.warnings {
            crate::util::warn::warn(format_args!("skipped {w}"));
        }
        progress.inc(d.stats.users);
        stats.absorb(d.stats);
        progress.suspend(|| emit(&d.out, d.acc))?;
        buffers.give(d.out);
        d.error.map_or(Ok(()), Err)
    };

    if jobs == 1 {
        let mut worker = work.worker();
        while let Some(chunk) = reader.next_chunk() {
            let done = work_chunk(work, &mut worker, chunk, &input, &sizing, buffers.take());
            handle(done, &mut stats)?;
        }
        return Ok(stats);
    }

    std::thread::scope(|s| {
        let (work_tx, work_rx) = sync_channel::<Chunk>(jobs);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = channel::<Done<W::Acc>>();
        // A token per chunk in flight, returned when the chunk has been emitted.
        let (token_tx, token_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            token_tx.send(()).expect("the channel holds every token");
        }
        s.spawn(move || read_loop(reader, token_rx, work_tx));
        for _ in 0..jobs {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let input = &input;
            let sizing = &sizing;
            let buffers = &buffers;
            s.spawn(move || {
                let mut worker = work.worker();
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    let done = work_chunk(work, &mut worker, chunk, input, sizing, buffers.take());
                    if done_tx.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let result = collect(done_rx, token_tx, |d| handle(d, &mut stats));
        result.map(|()| stats)
    })
}

fn read_loop(mut reader: Reader, tokens: Receiver<()>, work: SyncSender<Chunk>) {
    while tokens.recv().is_ok() {
        let Some(chunk) = reader.next_chunk() else {
            break;
        };
        if work.send(chunk).is_err() {
            break;
        }
    }
}

/// Puts worked chunks back in input order and hands them on; on the first error stops the
/// reader (by keeping its tokens) and lets the workers drain.
fn collect<A>(
    done: Receiver<Done<A>>,
    tokens: SyncSender<()>,
    mut handle: impl FnMut(Done<A>) -> Result<()>,
) -> Result<()> {
    let mut tokens = Some(tokens);
    let mut waiting: BTreeMap<u64, Done<A>> = BTreeMap::new();
    let mut next = 0u64;
    let mut failure = None;
    for d in done.iter() {
        if failure.is_some() {
            continue;
        }
        waiting.insert(d.seq, d);
        while let Some(d) = waiting.remove(&next) {
            next += 1;
            if let Err(e) = handle(d) {
                failure = Some(e);
                waiting.clear();
                // Without tokens the reader stops; the workers finish what it sent.
                tokens = None;
                break;
            }
            if let Some(t) = &tokens {
                // The reader may have stopped already; a lost token is then harmless.
                let _ = t.try_send(());
            }
        }
    }
    failure.map_or(Ok(()), Err)
}

/// How chunk lines become users.
struct Input {
    /// The input's name in messages (`FILE`, `stdin`).
    name: String,
    keep_going: bool,
    /// Generated users: the chunk lines are indices into this template.
    template: Option<JsonTemplate>,
}

fn work_chunk<W: UserWork>(
    work: &W,
    worker: &mut W::Worker,
    chunk: Chunk,
    input: &Input,
    sizing: &Sizing,
    out: Vec<u8>,
) -> Done<W::Acc> {
    let mut done = Done {
        seq: chunk.seq,
        out,
        acc: work.acc(),
        stats: UserStream::default(),
        warnings: Vec::new(),
        error: None,
    };
    for &(start, end, line) in &chunk.lines {
        let user = match &input.template {
            Some(t) => generated_user(t, line).map(Some),
            None => parse_line(&chunk.buf[start..end], input, line, &mut done),
        };
        match user {
            Ok(Some(user)) => {
                done.stats.users += 1;
                if let Err(e) = work.user(worker, &mut done.acc, &user, &mut done.out) {
                    done.error = Some(e);
                    break;
                }
            }
            Ok(None) => {}
            Err(e) => {
                done.error = Some(e);
                break;
            }
        }
    }
    if done.error.is_none() {
        done.error = chunk.error;
    }
    sizing
        .users
        .fetch_add(done.stats.users.max(1), Ordering::Relaxed);
    sizing
        .bytes
        .fetch_add((done.out.len() + chunk.buf.len()) as u64, Ordering::Relaxed);
    done
}

/// One input line as a user: `None` for a blank or skipped line.
fn parse_line<A>(
    bytes: &[u8],
    input: &Input,
    line: u64,
    done: &mut Done<A>,
) -> Result<Option<User>> {
    let at = || format!("{}:{line}", input.name);
    done.stats.lines += 1;
    let parsed = std::str::from_utf8(bytes)
        .map_err(|_| Error::Line(format!("{}: the line is not valid UTF-8", at())))
        .and_then(|text| match text.trim().is_empty() {
            true => Ok(None),
            false => User::parse(text, &at()).map(Some),
        });
    let user = match parsed {
        Ok(None) => return Ok(None),
        Ok(Some(u)) => u,
        Err(e) if input.keep_going => {
            done.warnings.push(e.to_string());
            done.stats.skipped += 1;
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if !user.has_any_id() {
        done.stats.no_id += 1;
        done.stats.first_no_id.get_or_insert_with(at);
    }
    Ok(Some(user))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Echoes each user's id and counts users per chunk.
    struct Echo;
    impl UserWork for Echo {
        type Worker = ();
        type Acc = Vec<String>;
        fn worker(&self) {}
        fn acc(&self) -> Vec<String> {
            Vec::new()
        }
        fn user(
            &self,
            _: &mut (),
            acc: &mut Vec<String>,
            u: &User,
            out: &mut Vec<u8>,
        ) -> Result<()> {
            let id = u.json["userID"].as_str().unwrap_or("").to_string();
            if id == "boom" {
                return Err(Error::User("boom".into()));
            }
            out.extend_from_slice(id.as_bytes());
            out.push(b'\n');
            acc.push(id);
            Ok(())
        }
    }

    fn generate(n: u64) -> UserSource {
        UserSource::Generate {
            count: n,
            template: r#"{"userID":"u${i}"}"#.into(),
        }
    }

    fn run_with(src: &UserSource, jobs: usize) -> Result<(Vec<u8>, Vec<String>, UserStream)> {
        let mut out = Vec::new();
        let mut ids = Vec::new();
        let stats = run(
            src,
            StreamSettings {
                jobs,
                keep_going: false,
            },
            &Echo,
            |bytes, acc| {
                out.extend_from_slice(bytes);
                ids.extend(acc);
                Ok(())
            },
        )?;
        Ok((out, ids, stats))
    }

    #[test]
    fn output_keeps_input_order_for_any_number_of_jobs() {
        let src = generate(20_000);
        let want: String = (0..20_000).map(|i| format!("u{i}\n")).collect();
        for jobs in [1, 2, 3, 8] {
            let (out, ids, stats) = run_with(&src, jobs).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "jobs {jobs}");
            assert_eq!(ids.len(), 20_000);
            assert_eq!(ids[12_345], "u12345");
            assert_eq!(stats.users, 20_000);
        }
    }

    #[test]
    fn an_error_keeps_what_came_before_and_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.ndjson");
        let mut text: String = (0..5000)
            .map(|i| format!("{{\"userID\":\"u{i}\"}}\n"))
            .collect();
        text.push_str("{\"userID\":\"boom\"}\n{\"userID\":\"after\"}\n");
        std::fs::write(&path, &text).unwrap();
        for jobs in [1, 4] {
            let mut out = Vec::new();
            let err = run(
                &UserSource::Ndjson(path.clone()),
                StreamSettings {
                    jobs,
                    keep_going: false,
                },
                &Echo,
                |bytes, _| {
                    out.extend_from_slice(bytes);
                    Ok(())
                },
            )
            .unwrap_err();
            assert_eq!(err.to_string(), "boom");
            assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 5000);
        }
        std::fs::write(&path, "{\"userID\":\"a\"}\n\n{bad\n").unwrap();
        let err = run_with(&UserSource::Ndjson(path.clone()), 2).unwrap_err();
        assert!(
            err.to_string().contains("users.ndjson:3: not valid JSON"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_template_fails_before_starting() {
        let src = UserSource::Generate {
            count: 3,
            template: "{\"userID\": ${i".into(),
        };
        let err = run_with(&src, 2).unwrap_err().to_string();
        assert!(err.starts_with("--user template: not valid JSON"), "{err}");
        let src = UserSource::Generate {
            count: 3,
            template: r#"{"userID": "u${n}"}"#.into(),
        };
        let err = run_with(&src, 2).unwrap_err().to_string();
        assert!(err.contains("unknown variable ${n}"), "{err}");
        let src = UserSource::Generate {
            count: 3,
            template: r#"{"userID": 5, "email": ["${i}"]}"#.into(),
        };
        let err = run_with(&src, 1).unwrap_err().to_string();
        assert!(
            err.starts_with("generated user 0: user.email must be a string"),
            "{err}"
        );
    }
}
