//! The one test harness: a loopback HTTP server with faults and captured requests
//! ([`server`]), one `statsig()` builder that runs the binary hermetically, output checks
//! that the key never leaks, and a Redis fixture. Every integration test uses it.
#![allow(dead_code)]

pub mod server;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[allow(unused_imports)] // each test uses its own part of the harness
pub use server::{
    Behaviour, Fault, Inspect, KEY, KEY_TAIL, Req, Server, gzip, read_shared, shared,
};

/// The repo's own small payload.
pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo_dcs.json");
/// ../shared, beside the repo.
pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");

/// Variables of the caller's environment a run must not inherit: proxies and the XDG
/// directories (besides every `STATSIG_*` variable).
const INHERITED: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
];

/// The binary with a clean environment: no `STATSIG_*` variable (so no inherited key, cache,
/// spool or URL), no proxy, no XDG directory. A hang guard of five minutes, never a timing.
pub fn statsig() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::from_std(statsig_process());
    c.timeout(Duration::from_secs(300));
    c
}

/// [`statsig`] as a `std::process::Command`, for runs that are spawned and killed.
pub fn statsig_process() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("statsig"));
    clean_env(&mut c);
    c
}

/// The same clean environment for another program that runs the binary (a shell recipe).
pub fn clean_env(c: &mut Command) -> &mut Command {
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("STATSIG_") {
            c.env_remove(k);
        }
    }
    for v in INHERITED {
        c.env_remove(v);
    }
    // No key file (`~/.config/statsig/server-key`) of whoever runs the tests.
    c.env("XDG_CONFIG_HOME", "/nonexistent/statsig-tests/config");
    c
}

/// Settings most runs want, on either kind of command.
pub trait StatsigEnv: Sized {
    fn set(&mut self, k: &str, v: &std::ffi::OsStr);

    /// `STATSIG_SERVER_SECRET` = [`KEY`].
    fn key(mut self) -> Self {
        self.set("STATSIG_SERVER_SECRET", KEY.as_ref());
        self
    }

    /// `STATSIG_CACHE_DIR` = `dir`.
    fn cache(mut self, dir: &Path) -> Self {
        self.set("STATSIG_CACHE_DIR", dir.as_os_str());
        self
    }

    /// `STATSIG_SPOOL_DIR` = `dir`, and retries 5 ms apart.
    fn spool(mut self, dir: &Path) -> Self {
        self.set("STATSIG_SPOOL_DIR", dir.as_os_str());
        self.set("STATSIG_RETRY_BASE_MS", "5".as_ref());
        self
    }
}

impl StatsigEnv for assert_cmd::Command {
    fn set(&mut self, k: &str, v: &std::ffi::OsStr) {
        self.env(k, v);
    }
}

impl StatsigEnv for Command {
    fn set(&mut self, k: &str, v: &std::ffi::OsStr) {
        self.env(k, v);
    }
}

/// Output of a run: exit code, stdout, stderr; asserts the key appears in neither.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn last_line(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }
}

/// Runs `c`; asserts the key shows up in neither stdout nor stderr.
pub fn run(mut c: assert_cmd::Command) -> Out {
    let o = c.output().unwrap();
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    for (name, s) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(!s.contains(KEY_TAIL), "the key leaked into {name}:\n{s}");
    }
    out
}

/// Every file under `dir`, recursively, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// Asserts no file name or content under `dir` contains the key.
pub fn assert_no_key_in(dir: &Path) {
    for (p, bytes) in snapshot(dir) {
        assert!(
            !p.to_string_lossy().contains(KEY_TAIL),
            "key in path {}",
            p.display()
        );
        assert!(
            !String::from_utf8_lossy(&bytes).contains(KEY_TAIL),
            "key in {}",
            p.display()
        );
    }
}

/// stdout and stderr of a finished run, as one text.
pub fn out_text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A redis-server of our own on a free loopback port.
pub struct RedisServer {
    child: Child,
    pub port: u16,
    /// `requirepass` of the server, sent by the helpers below.
    pub password: Option<String>,
    _dir: tempfile::TempDir,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl RedisServer {
    /// Starts redis-server on a free loopback port, or returns None (and says so) if the
    /// binary is not installed.
    pub fn start() -> Option<RedisServer> {
        RedisServer::start_with(None)
    }

    /// As [`RedisServer::start`], with `requirepass` set when `password` is given.
    pub fn start_with(password: Option<&str>) -> Option<RedisServer> {
        let bin = std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".into());
        if Command::new(&bin).arg("--version").output().is_err() {
            assert!(
                std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_none(),
                "{bin} not found, and STATSIG_REQUIRE_ALL_TESTS forbids skipping"
            );
            eprintln!("SKIPPED: {bin} not found (apt-get install -y redis-server)");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&bin)
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(dir.path())
            .args(password.map(|p| ["--requirepass", p]).into_iter().flatten())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let r = RedisServer {
            child,
            port,
            password: password.map(str::to_string),
            _dir: dir,
        };
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(10) {
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port))
                && s.write_all(b"PING\r\n").is_ok()
            {
                let mut line = String::new();
                // With requirepass an unauthenticated PING is refused: the server is up.
                if BufReader::new(&s).read_line(&mut line).is_ok()
                    && (line.starts_with("+PONG") || line.starts_with("-NOAUTH"))
                {
                    return Some(r);
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis-server did not start on port {port}");
    }

    pub fn url(&self, db: u32) -> String {
        match &self.password {
            Some(p) => format!("redis://:{p}@127.0.0.1:{}/{db}", self.port),
            None => format!("redis://127.0.0.1:{}/{db}", self.port),
        }
    }

    /// `AUTH password` as a command, when the server has one.
    fn auth(&self) -> Vec<Vec<u8>> {
        match &self.password {
            Some(p) => vec![b"AUTH".to_vec(), p.as_bytes().to_vec()],
            None => vec![],
        }
    }

    /// Sends commands on one connection (after AUTH, when the server has a password) and
    /// returns the first line of each reply, with the body of a bulk reply.
    pub fn commands(&self, cmds: &[Vec<Vec<u8>>]) -> Vec<(String, Option<Vec<u8>>)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut out = Vec::new();
        let auth = self.auth();
        let all: Vec<&Vec<Vec<u8>>> = std::iter::once(&auth)
            .filter(|a| !a.is_empty())
            .chain(cmds)
            .collect();
        for args in &all {
            out.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
            for a in args.iter() {
                out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
                out.extend_from_slice(a);
                out.extend_from_slice(b"\r\n");
            }
        }
        s.write_all(&out).unwrap();
        let mut r = BufReader::new(s);
        let mut replies = Vec::new();
        for _ in &all {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            let mut bulk = None;
            if let Some(n) = line
                .strip_prefix('$')
                .and_then(|n| n.trim().parse::<i64>().ok())
                && n >= 0
            {
                let mut got = vec![0; n as usize + 2];
                r.read_exact(&mut got).unwrap();
                got.truncate(n as usize);
                bulk = Some(got);
            }
            replies.push((line, bulk));
        }
        if !auth.is_empty() {
            assert_eq!(replies.remove(0).0, "+OK\r\n", "AUTH");
        }
        replies
    }

    pub fn set(&self, db: u32, key: &str, value: &[u8]) {
        let db = db.to_string().into_bytes();
        let replies = self.commands(&[
            vec![b"SELECT".to_vec(), db],
            vec![b"SET".to_vec(), key.as_bytes().to_vec(), value.to_vec()],
        ]);
        for (line, _) in replies {
            assert_eq!(line, "+OK\r\n");
        }
    }

    /// SELECT db, then GET key, on one connection.
    pub fn get(&self, db: u32, key: &str) -> Option<Vec<u8>> {
        let db = db.to_string().into_bytes();
        let mut replies = self.commands(&[
            vec![b"SELECT".to_vec(), db],
            vec![b"GET".to_vec(), key.as_bytes().to_vec()],
        ]);
        assert_eq!(replies[0].0, "+OK\r\n");
        replies.pop().unwrap().1
    }
}
