//! A minimal Redis client (RESP2 over TCP): AUTH, SELECT, GET, SET, SCAN. That is all a data
//! store needs, so a small blocking client beats pulling in a full async Redis stack.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::util::mask::url_credentials as mask_url;

/// A parsed `redis://[user[:password]@]host[:port][/db]` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisUrl {
    pub host: String,
    pub port: u16,
    pub db: u32,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl RedisUrl {
    pub fn parse(url: &str) -> Result<RedisUrl> {
        let bad = |why: &str| Error::input(format!("{}: {why}", mask_url(url)));
        let rest = if let Some(r) = url.strip_prefix("redis://") {
            r
        } else if url.starts_with("rediss://") {
            return Err(bad("TLS (rediss://) is not supported"));
        } else {
            return Err(bad("expected redis://HOST:PORT/DB"));
        };
        let (auth, rest) = match rest.rsplit_once('@') {
            Some((a, r)) => (Some(a), r),
            None => (None, rest),
        };
        let (hostport, db) = match rest.split_once('/') {
            Some((h, d)) => (h, d.trim_end_matches('/')),
            None => (rest, ""),
        };
        let db = if db.is_empty() {
            0
        } else {
            db.parse()
                .map_err(|_| bad("the database must be a number"))?
        };
        let (host, port) = if let Some(h) = hostport.strip_prefix('[') {
            // [::1]:6379
            let (h, p) = h.split_once(']').ok_or_else(|| bad("unclosed [ in host"))?;
            (h.to_string(), p.strip_prefix(':').unwrap_or(""))
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), p),
                None => (hostport.to_string(), ""),
            }
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        let port = if port.is_empty() {
            6379
        } else {
            port.parse().map_err(|_| bad("the port must be a number"))?
        };
        let (user, password) = match auth {
            None => (None, None),
            Some(a) => match a.split_once(':') {
                Some((u, p)) => ((!u.is_empty()).then(|| u.to_string()), Some(p.to_string())),
                None => (None, Some(a.to_string())),
            },
        };
        Ok(RedisUrl {
            host,
            port,
            db,
            user,
            password,
        })
    }
}

/// A reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Simple(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Option<Vec<Reply>>),
}

/// One connection.
pub struct Redis {
    stream: BufReader<TcpStream>,
    shown: String,
}

impl Redis {
    pub fn connect(url: &str, timeout: Duration) -> Result<Redis> {
        let u = RedisUrl::parse(url)?;
        let shown = mask_url(url);
        let net = |e: std::io::Error| Error::Network(format!("{shown}: {e}"));
        let addr = (u.host.as_str(), u.port);
        let addrs: Vec<_> = std::net::ToSocketAddrs::to_socket_addrs(&addr)
            .map_err(net)?
            .collect();
        let mut last = None;
        let mut stream = None;
        for a in addrs {
            match TcpStream::connect_timeout(&a, timeout) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let stream = stream.ok_or_else(|| {
            net(last.unwrap_or_else(|| std::io::Error::other("no address for host")))
        })?;
        stream.set_read_timeout(Some(timeout)).map_err(net)?;
        stream.set_write_timeout(Some(timeout)).map_err(net)?;
        let mut r = Redis {
            stream: BufReader::new(stream),
            shown,
        };
        if let Some(p) = &u.password {
            let mut args: Vec<&[u8]> = vec![b"AUTH"];
            if let Some(user) = &u.user {
                args.push(user.as_bytes());
            }
            args.push(p.as_bytes());
            r.command(&args)?;
        }
        if u.db != 0 {
            r.command(&[b"SELECT", u.db.to_string().as_bytes()])?;
        }
        Ok(r)
    }

    /// Sends one command and reads its reply; an error reply becomes an error.
    pub fn command(&mut self, args: &[&[u8]]) -> Result<Reply> {
        let mut out = format!("*{}\r\n", args.len()).into_bytes();
        for a in args {
            out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
            out.extend_from_slice(a);
            out.extend_from_slice(b"\r\n");
        }
        let shown = self.shown.clone();
        let net = |e: std::io::Error| Error::Network(format!("{shown}: {e}"));
        self.stream.get_mut().write_all(&out).map_err(net)?;
        read_reply(&mut self.stream).map_err(|e| match e {
            ReplyError::Io(e) => net(e),
            ReplyError::Server(msg) => Error::Network(format!(
                "{shown}: {} failed: {msg}",
                String::from_utf8_lossy(args[0])
            )),
        })
    }

    pub fn get(&mut self, key: &str) -> Result<Option<Vec<u8>>> {
        match self.command(&[b"GET", key.as_bytes()])? {
            Reply::Bulk(b) => Ok(b),
            other => Err(Error::Network(format!(
                "{}: unexpected reply to GET: {other:?}",
                self.shown
            ))),
        }
    }

    pub fn set(&mut self, key: &str, value: &[u8]) -> Result<()> {
        self.command(&[b"SET", key.as_bytes(), value]).map(|_| ())
    }

    /// All keys matching a glob pattern, via SCAN (never KEYS, which blocks the server).
    pub fn scan(&mut self, pattern: &str) -> Result<Vec<String>> {
        let mut cursor = b"0".to_vec();
        let mut keys = Vec::new();
        loop {
            let reply = self.command(&[
                b"SCAN",
                &cursor,
                b"MATCH",
                pattern.as_bytes(),
                b"COUNT",
                b"1000",
            ])?;
            let Reply::Array(Some(parts)) = reply else {
                return Err(Error::Network(format!(
                    "{}: unexpected reply to SCAN",
                    self.shown
                )));
            };
            let [Reply::Bulk(Some(next)), Reply::Array(Some(batch))] = &parts[..] else {
                return Err(Error::Network(format!(
                    "{}: unexpected reply to SCAN",
                    self.shown
                )));
            };
            for k in batch {
                if let Reply::Bulk(Some(k)) = k {
                    keys.push(String::from_utf8_lossy(k).into_owned());
                }
            }
            if next.as_slice() == b"0" {
                break;
            }
            cursor = next.clone();
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }
}

enum ReplyError {
    Io(std::io::Error),
    Server(String),
}

impl From<std::io::Error> for ReplyError {
    fn from(e: std::io::Error) -> Self {
        ReplyError::Io(e)
    }
}

fn read_line(r: &mut impl BufRead) -> Result<String, ReplyError> {
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line)?;
    if !line.ends_with(b"\r\n") {
        return Err(ReplyError::Io(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "connection closed mid-reply",
        )));
    }
    line.truncate(line.len() - 2);
    Ok(String::from_utf8_lossy(&line).into_owned())
}

fn bad(what: &str) -> ReplyError {
    ReplyError::Io(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("malformed reply: {what}"),
    ))
}

fn read_reply(r: &mut impl BufRead) -> Result<Reply, ReplyError> {
    let line = read_line(r)?;
    let (tag, rest) = line.split_at(line.len().min(1));
    match tag {
        "+" => Ok(Reply::Simple(rest.to_string())),
        "-" => Err(ReplyError::Server(rest.to_string())),
        ":" => rest.parse().map(Reply::Int).map_err(|_| bad("integer")),
        "$" => {
            let n: i64 = rest.parse().map_err(|_| bad("bulk length"))?;
            if n < 0 {
                return Ok(Reply::Bulk(None));
            }
            let mut buf = vec![0u8; n as usize + 2];
            r.read_exact(&mut buf)?;
            buf.truncate(n as usize);
            Ok(Reply::Bulk(Some(buf)))
        }
        "*" => {
            let n: i64 = rest.parse().map_err(|_| bad("array length"))?;
            if n < 0 {
                return Ok(Reply::Array(None));
            }
            let mut items = Vec::with_capacity(n as usize);
            for _ in 0..n {
                items.push(read_reply(r)?);
            }
            Ok(Reply::Array(Some(items)))
        }
        _ => Err(bad("unknown type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls() {
        let u = RedisUrl::parse("redis://127.0.0.1:6380/2").unwrap();
        assert_eq!((u.host.as_str(), u.port, u.db), ("127.0.0.1", 6380, 2));
        let u = RedisUrl::parse("redis://:pw@h").unwrap();
        assert_eq!(
            (u.port, u.db, u.password.as_deref(), u.user),
            (6379, 0, Some("pw"), None)
        );
        let u = RedisUrl::parse("redis://me:pw@[::1]:7000/").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.user.as_deref()),
            ("::1", 7000, Some("me"))
        );
        assert!(RedisUrl::parse("rediss://h").is_err());
        assert!(RedisUrl::parse("redis://h:x").is_err());
        assert!(RedisUrl::parse("redis://h/db").is_err());
        assert_eq!(mask_url("redis://u:pw@h:1/0"), "redis://***@h:1/0");
    }

    #[test]
    fn reads_replies() {
        let mut r = &b"*2\r\n$1\r\n0\r\n*2\r\n$3\r\nabc\r\n$-1\r\n"[..];
        let reply = read_reply(&mut r).ok().unwrap();
        assert_eq!(
            reply,
            Reply::Array(Some(vec![
                Reply::Bulk(Some(b"0".to_vec())),
                Reply::Array(Some(vec![
                    Reply::Bulk(Some(b"abc".to_vec())),
                    Reply::Bulk(None)
                ]))
            ]))
        );
        let mut r = &b"-ERR nope\r\n"[..];
        assert!(matches!(read_reply(&mut r), Err(ReplyError::Server(m)) if m == "ERR nope"));
        let mut r = &b":12\r\n+OK\r\n"[..];
        assert_eq!(read_reply(&mut r).ok().unwrap(), Reply::Int(12));
        assert_eq!(read_reply(&mut r).ok().unwrap(), Reply::Simple("OK".into()));
        let mut r = &b"$5\r\nab"[..];
        assert!(read_reply(&mut r).is_err());
    }
}
