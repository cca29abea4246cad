//! The one rule for what irbook reads of a handbook: regular files whose real path (every link
//! resolved) is inside the handbook folder, each up to a size limit counted on the open file
//! while it is read. A link that leaves the folder, leads nowhere or in a circle, a named pipe,
//! socket or device is refused with the reason and never opened; nothing is read through it.

mod walk;

pub use walk::{Walked, walk};

use std::ffi::OsStr;
use std::fs::{File, FileType, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

const MB: u64 = 1024 * 1024;
/// The most irbook reads of one YAML, Markdown or theme file.
pub const TEXT_LIMIT: u64 = 16 * MB;
/// The largest file of `content/static/` that a site copies (PDFs, images).
pub const STATIC_LIMIT: u64 = 128 * MB;

/// The handbook folder by its real path: what every read is checked against.
#[derive(Debug, Clone)]
pub struct HandbookRoot {
    real: PathBuf,
}

/// The real path of a file or folder that the rule accepted when [`walk`] found it: only this
/// module makes one, so [`HandbookRoot::read_found`] reads nothing the rule has not seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealPath(PathBuf);

impl RealPath {
    pub fn as_path(&self) -> &Path {
        &self.0
    }
}

/// A file or folder refused, by the path it was found at.
pub type Refused = (PathBuf, Refusal);

/// Why a file or folder of the handbook is not read.
#[derive(Debug)]
pub enum Refusal {
    /// The operating system would not read it (permissions, an I/O error, gone).
    Unreadable(io::Error),
    /// A link to `target` (as written), whose real path `real` is outside the handbook.
    LeavesRoot { target: PathBuf, real: PathBuf },
    /// Not a link itself, but in a linked folder: its real path is outside the handbook.
    InLinkedFolder { real: PathBuf },
    /// A link to something that does not exist.
    Dangling { target: PathBuf },
    /// A link that leads back to itself, or to a folder that contains it.
    Loops { target: PathBuf },
    /// A link into a hidden file or folder of the handbook (`.env`, `.git/`) from outside
    /// `content/static/`, the one place whose hidden files (`.well-known/`) are published.
    Hidden { target: PathBuf },
    /// A named pipe, socket or device (or a folder where a file belongs): what it is.
    NotRegular(&'static str),
    /// A file where a folder belongs (`content`, a theme's `templates`).
    NotAFolder,
    /// Larger than `limit` bytes.
    TooLarge { limit: u64 },
}

impl Refusal {
    /// The error to report at the file or link refused; I/O trouble (exit code 2).
    pub fn diagnostic(&self) -> Diagnostic {
        let (message, help) = match self {
            Refusal::Unreadable(e) => (
                format!("cannot be read: {e}"),
                "check that irbook may read it: its permissions, and those of its folders".into(),
            ),
            Refusal::LeavesRoot { target, real } if target == real => (
                format!(
                    "a link to {}, outside the handbook folder: not read",
                    target.display()
                ),
                outside_help(),
            ),
            Refusal::LeavesRoot { target, real } => (
                format!(
                    "a link to {}, which is {}, outside the handbook folder: not read",
                    target.display(),
                    real.display()
                ),
                outside_help(),
            ),
            Refusal::InLinkedFolder { real } => (
                format!(
                    "in a linked folder: its real path {} is outside the handbook folder: not read",
                    real.display()
                ),
                outside_help(),
            ),
            Refusal::Dangling { target } => (
                format!("a link to {}, which does not exist", target.display()),
                "point the link at a file of the handbook, or remove it".into(),
            ),
            Refusal::Loops { target } => (
                format!("a link to {} that leads back into itself", target.display()),
                "remove the link: following it would never end".into(),
            ),
            Refusal::Hidden { target } => (
                format!(
                    "a link to {}, a hidden file of the handbook folder: not read",
                    target.display()
                ),
                "irbook reads hidden files (.env, .git) only where they are in content/static/: \
                 copy the file there if it belongs on the site"
                    .into(),
            ),
            Refusal::NotRegular(what) => (
                format!("{what}, not a regular file: not read"),
                "irbook reads only regular files and folders: remove it from the handbook".into(),
            ),
            Refusal::NotAFolder => (
                "a file where a folder belongs: nothing in it is read".into(),
                "make it a folder, or remove it".into(),
            ),
            Refusal::TooLarge { limit } => (
                format!("larger than the limit of {} MB: not read", limit / MB),
                format!(
                    "handbook files may be up to {} MB and files in content/static/ up to {} MB: \
                     make it smaller, or keep it on a file share and link to it",
                    TEXT_LIMIT / MB,
                    STATIC_LIMIT / MB
                ),
            ),
        };
        Diagnostic::error(message).help(help).io()
    }
}

fn outside_help() -> String {
    "irbook reads nothing outside the handbook folder: copy the file into the handbook instead of linking to it"
        .into()
}

impl HandbookRoot {
    pub fn new(given: &Path) -> io::Result<Self> {
        Ok(HandbookRoot {
            real: given.canonicalize()?,
        })
    }

    /// The real path of `path` and what is there, if the rule lets irbook look at it.
    fn resolve(&self, path: &Path) -> Result<(PathBuf, Metadata), Refusal> {
        let is_link = std::fs::symlink_metadata(path)
            .map_err(Refusal::Unreadable)?
            .is_symlink();
        let target = || std::fs::read_link(path).unwrap_or_else(|_| path.to_path_buf());
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(e) if is_link && is_loop(&e) => return Err(Refusal::Loops { target: target() }),
            Err(e) if is_link && e.kind() == io::ErrorKind::NotFound => {
                return Err(Refusal::Dangling { target: target() });
            }
            Err(e) => return Err(Refusal::Unreadable(e)),
        };
        if !real.starts_with(&self.real) {
            return Err(match is_link {
                true => Refusal::LeavesRoot {
                    target: target(),
                    real,
                },
                false => Refusal::InLinkedFolder { real },
            });
        }
        if is_hidden(real.strip_prefix(&self.real).unwrap_or(&real)) {
            return Err(Refusal::Hidden { target: target() });
        }
        let meta = std::fs::metadata(&real).map_err(Refusal::Unreadable)?;
        Ok((real, meta))
    }

    /// [`HandbookRoot::resolve`] for the entry `name` of a folder whose real path `folder` is
    /// known (a folder [`walk`] is in), found at `found`, of the type its folder lists
    /// (`kind`): an entry that is no link is at `folder/name`, and what it is needs no call (a
    /// file that is swapped for a link, a pipe or a device meanwhile is refused when it is
    /// opened); a link is resolved in full.
    fn resolve_entry(
        &self,
        folder: &Path,
        name: &OsStr,
        kind: FileType,
        found: &Path,
    ) -> Result<(PathBuf, FileType), Refusal> {
        if kind.is_symlink() {
            return self.resolve(found).map(|(real, meta)| (real, meta.file_type()));
        }
        let real = folder.join(name);
        if is_hidden(real.strip_prefix(&self.real).unwrap_or(&real)) {
            return Err(Refusal::Hidden {
                target: found.to_path_buf(),
            });
        }
        Ok((real, kind))
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
        read_limited(self.open(path)?, limit)
    }

    /// The bytes of a file [`walk`] found (by its real path), at most `limit` of them: opened
    /// without following a link, and refused if it is no longer a regular file.
    pub fn read_found(&self, real: &RealPath, limit: u64) -> Result<Vec<u8>, Refusal> {
        read_limited(open_regular(&real.0)?, limit)
    }

    /// Checks a file the site copies as it is (`content/static/`), found by [`walk`], up to
    /// `limit` bytes as it is now, and returns its real path: the file to copy.
    pub fn copyable(&self, real: &RealPath, limit: u64) -> Result<PathBuf, Refusal> {
        let (_, len) = open_regular(&real.0)?;
        if len > limit {
            return Err(Refusal::TooLarge { limit });
        }
        Ok(real.0.clone())
    }

    fn open(&self, path: &Path) -> Result<(File, u64), Refusal> {
        let (real, meta) = self.resolve(path)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular(kind_of(meta.file_type())));
        }
        open_regular(&real)
    }
}

/// At most `limit` bytes of `file`, whose size was `len` when it was opened, or `TooLarge`.
fn read_limited((file, len): (File, u64), limit: u64) -> Result<Vec<u8>, Refusal> {
    // Room for the whole file and one byte more: read in one call, and one more to see its end.
    let mut bytes = Vec::with_capacity(len.min(limit).saturating_add(1) as usize);
    // One byte more than allowed tells a file at the limit from one above it, whatever its
    // metadata said (a file may grow while it is read).
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge { limit });
    }
    Ok(bytes)
}

/// The writer's half of the rule: copies a `content/static/` file that
/// [`HandbookRoot::copyable`] accepted (its real path) to `target`, refusing it if it is no
/// longer a regular file or has grown past [`STATIC_LIMIT`] since.
pub fn copy_static(real: &Path, target: &Path) -> io::Result<u64> {
    let refused = |r: Refusal| io::Error::other(format!("{}: {}", real.display(), r.diagnostic().message));
    let (source, _) = open_regular(real).map_err(refused)?;
    let mut out = File::create(target)?;
    let copied = io::copy(&mut source.take(STATIC_LIMIT + 1), &mut out)?;
    if copied > STATIC_LIMIT {
        return Err(refused(Refusal::TooLarge { limit: STATIC_LIMIT }));
    }
    Ok(copied)
}

/// Opens the file at a real path for reading without following a link and without waiting for
/// a writer (a pipe swapped in meanwhile), and checks on the open file that it is a regular one;
/// with its size as it is now.
fn open_regular(real: &Path) -> Result<(File, u64), Refusal> {
    let file = open_without_links(real).map_err(|e| {
        Refusal::Unreadable(if is_loop(&e) {
            io::Error::other("it, or a folder on its path, has become a link since it was found")
        } else {
            e
        })
    })?;
    let meta = file.metadata().map_err(Refusal::Unreadable)?;
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind_of(meta.file_type())));
    }
    Ok((file, meta.len()))
}

/// The kernel has no `openat2` (or a sandbox refuses it): found at the first file, not asked
/// again for every other one.
#[cfg(target_os = "linux")]
static NO_OPENAT2: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Opens a real path (one with no link on it) for reading, refusing a link anywhere on it: a
/// folder swapped for a link since the walk would otherwise lead out of the handbook, which
/// `O_NOFOLLOW` alone does not stop (it looks at the last name only). Linux's `openat2` with
/// `RESOLVE_NO_SYMLINKS` does it in the same one call; where the kernel has no `openat2` (before
/// 5.6), only the last name is guarded.
fn open_without_links(real: &Path) -> io::Result<File> {
    #[cfg(target_os = "linux")]
    if !NO_OPENAT2.load(std::sync::atomic::Ordering::Relaxed) {
        use std::os::fd::FromRawFd;
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::CString::new(real.as_os_str().as_bytes())?;
        // SAFETY: `open_how` is plain integers, for which zero is a valid value.
        let mut how: libc::open_how = unsafe { std::mem::zeroed() };
        how.flags = (libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_CLOEXEC) as u64;
        how.resolve = libc::RESOLVE_NO_SYMLINKS;
        // SAFETY: the path is NUL-terminated and `how` is a valid `open_how` of the size given;
        // the kernel reads both and writes no memory of ours.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_openat2,
                libc::AT_FDCWD,
                path.as_ptr(),
                &how as *const libc::open_how,
                std::mem::size_of::<libc::open_how>(),
            )
        };
        if fd >= 0 {
            // SAFETY: a descriptor just opened, owned by nothing else.
            return Ok(unsafe { File::from_raw_fd(fd as std::os::fd::RawFd) });
        }
        let error = io::Error::last_os_error();
        // ENOSYS: a kernel before 5.6; EPERM: a sandbox that filters the call. Anything else
        // is the answer.
        if !matches!(error.raw_os_error(), Some(libc::ENOSYS | libc::EPERM)) {
            return Err(error);
        }
        NO_OPENAT2.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(real)
}

/// What a thing that is not a regular file is, in words.
fn kind_of(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Whether a path inside the handbook passes through a hidden name outside `content/static/`.
fn is_hidden(inside: &Path) -> bool {
    !inside.starts_with("content/static")
        && inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

fn is_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let root = HandbookRoot::new(dir.path()).unwrap();
        std::fs::write(dir.path().join("a.md"), "12345").unwrap();
        assert_eq!(root.read(&dir.path().join("a.md"), 5).unwrap(), b"12345");
        assert!(matches!(
            root.read(&dir.path().join("a.md"), 4),
            Err(Refusal::TooLarge { limit: 4 })
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_swapped_for_a_link_since_the_walk_is_refused_when_a_file_in_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "outside").unwrap();
        let folder = dir.path().join("pages");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("secret.md"), "inside").unwrap();
        let root = HandbookRoot::new(dir.path()).unwrap();
        let real = RealPath(root.real.join("pages/secret.md"));
        assert_eq!(root.read_found(&real, 100).unwrap(), b"inside");
        std::fs::remove_dir_all(&folder).unwrap();
        std::os::unix::fs::symlink(outside.path(), &folder).unwrap();
        let Err(Refusal::Unreadable(error)) = root.read_found(&real, 100) else {
            panic!("read through a folder that became a link");
        };
        assert_eq!(
            error.to_string(),
            "it, or a folder on its path, has become a link since it was found"
        );
    }

    #[cfg(unix)]
    #[test]
    fn copying_refuses_a_pipe_swapped_in_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("a.pdf");
        std::fs::write(&source, "%PDF").unwrap();
        let target = dir.path().join("copy.pdf");
        assert_eq!(copy_static(&source, &target).unwrap(), 4);
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF");
        std::fs::remove_file(&source).unwrap();
        let path = std::ffi::CString::new(source.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path and touches no Rust memory.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
        let error = copy_static(&source, &target).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: a named pipe (FIFO), not a regular file: not read",
                source.display()
            )
        );
    }
}
