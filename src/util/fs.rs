//! Writing files. [`AtomicFile`]: written under a temporary name in the target's folder,
//! flushed to disk, then renamed over the target (`tempfile::NamedTempFile::persist`), so
//! readers see the old file or the new one, never a mix, and a failure or an interrupt
//! leaves no partial file behind. [`OutputFile`]: what every command writing a file a user
//! named (`--out`, `--junit`, ...) goes through, with the same rules everywhere: `-` is
//! stdout, missing folders are created, a symbolic link is written through (its target
//! is replaced, the link stays), and an existing device node or FIFO is written into
//! directly (renaming over it would replace the node itself).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::util::interrupt;

/// The folder a file is written in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A file being written; it replaces `dest` on [`AtomicFile::commit`] and vanishes when
/// dropped uncommitted, or when the process is interrupted ([`interrupt`]).
pub struct AtomicFile {
    w: BufWriter<NamedTempFile>,
    dest: PathBuf,
    _registered: Registered,
}

/// A temporary file's registration with [`interrupt`], dropped with the file (renamed into
/// place or removed by then).
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        interrupt::forget(&self.0);
    }
}

impl AtomicFile {
    /// Starts a temporary file next to `dest` (the folder must exist), private to the user
    /// (0600).
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        AtomicFile::with_mode(dest, None)
    }

    /// As [`AtomicFile::create`], the file getting `mode` (unix permission bits; the umask
    /// applies) instead of 0600.
    fn with_mode(dest: &Path, mode: Option<u32>) -> io::Result<AtomicFile> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.tmp-");
        let mut b = tempfile::Builder::new();
        b.prefix(&prefix);
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(mode));
        }
        #[cfg(not(unix))]
        let _ = mode;
        let tmp = b.tempfile_in(folder_of(dest))?;
        interrupt::register(tmp.path());
        Ok(AtomicFile {
            _registered: Registered(tmp.path().to_path_buf()),
            w: BufWriter::with_capacity(256 * 1024, tmp),
            dest: dest.to_path_buf(),
        })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> io::Result<()> {
        let tmp = self.w.into_inner().map_err(|e| e.into_error())?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.dest).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }

    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        self.w.write_vectored(bufs)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// Writes `bytes` to `path` atomically, creating the folder first (private to the user: it
/// may be the cache, which holds payloads of a server key).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(folder_of(path))?;
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes)?;
    f.commit()
}

/// A file a user asked for (`--out FILE`): see the module documentation.
pub struct OutputFile(Output);

enum Output {
    Stdout(BufWriter<io::Stdout>),
    /// A regular file, new or replaced.
    Atomic(AtomicFile),
    /// A device node or FIFO that exists.
    Direct(BufWriter<File>),
}

/// Symbolic links followed to the path they end at (which may not exist yet).
fn resolve_links(dest: &Path) -> io::Result<PathBuf> {
    let mut p = dest.to_path_buf();
    // As many links as Linux follows before ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = folder_of(&p).join(target);
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

impl OutputFile {
    /// Opens `dest` for writing: `-` is stdout; otherwise links are followed, missing
    /// folders created, and the file is replaced on [`OutputFile::commit`] (an existing
    /// regular file keeps its permissions; a new one gets 0666 less the umask).
    pub fn create(dest: &Path) -> io::Result<OutputFile> {
        if dest.as_os_str() == "-" {
            return Ok(OutputFile(Output::Stdout(BufWriter::with_capacity(
                256 * 1024,
                io::stdout(),
            ))));
        }
        let real = resolve_links(dest)?;
        let mode = match std::fs::metadata(&real) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory (give a file name)",
                ));
            }
            Ok(m) if !m.is_file() => {
                // A device node, a FIFO, a socket: written into, never replaced.
                let f = OpenOptions::new().write(true).open(&real)?;
                return Ok(OutputFile(Output::Direct(BufWriter::with_capacity(
                    256 * 1024,
                    f,
                ))));
            }
            Ok(m) => permission_bits(&m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        std::fs::create_dir_all(folder_of(&real))?;
        let f = AtomicFile::with_mode(&real, Some(mode.unwrap_or(0o666)))?;
        #[cfg(unix)]
        if let Some(mode) = mode {
            // Exactly the replaced file's bits, whatever the umask.
            use std::os::unix::fs::PermissionsExt;
            f.w.get_ref()
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        Ok(OutputFile(Output::Atomic(f)))
    }

    /// Finishes the file: flushed (and renamed into place).
    pub fn commit(self) -> io::Result<()> {
        match self.0 {
            Output::Stdout(mut w) => w.flush(),
            Output::Atomic(f) => f.commit(),
            Output::Direct(mut w) => w.flush(),
        }
    }

    /// Gives up: a regular file is left as it was; what stdout or a device already got
    /// stays written.
    pub fn abort(self) {
        match self.0 {
            Output::Stdout(mut w) => {
                let _ = w.flush();
            }
            Output::Atomic(_) => {}
            Output::Direct(mut w) => {
                let _ = w.flush();
            }
        }
    }
}

#[cfg(unix)]
fn permission_bits(m: &std::fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(m.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn permission_bits(_: &std::fs::Metadata) -> Option<u32> {
    None
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Output::Stdout(w) => w.write(buf),
            Output::Atomic(f) => f.write(buf),
            Output::Direct(w) => w.write(buf),
        }
    }

    /// Large writes go past the buffer in one `writev` (see `util::splice`).
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        match &mut self.0 {
            Output::Stdout(w) => w.write_vectored(bufs),
            Output::Atomic(f) => f.write_vectored(bufs),
            Output::Direct(w) => w.write_vectored(bufs),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.0 {
            Output::Stdout(w) => w.write_all(buf),
            Output::Atomic(f) => f.write_all(buf),
            Output::Direct(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Output::Stdout(w) => w.flush(),
            Output::Atomic(f) => f.flush(),
            Output::Direct(w) => w.flush(),
        }
    }
}

/// Writes `bytes` to the file a user named ([`OutputFile`]).
pub fn write_output(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = OutputFile::create(dest)?;
    f.write_all(bytes)?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_on_commit_and_leaves_nothing_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/f.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"three").unwrap();
        drop(f);
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["f.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn outputs_follow_links_keep_modes_and_make_folders() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        std::fs::write(&target, b"old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write_output(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let deep = dir.path().join("a/b/c.json");
        write_output(&deep, b"x").unwrap();
        assert_eq!(std::fs::read(&deep).unwrap(), b"x");
        let e = write_output(dir.path(), b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
    }
}
