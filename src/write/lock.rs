//! One writer per output folder: a lock file beside the folder, held (by the operating
//! system's advisory file lock) for as long as a `build` or `watch` may write it, and removed
//! when it is released.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Trouble;

/// How long a second writer waits for the first before it gives up.
const WAIT: Duration = Duration::from_secs(2);

/// Held while a command may write the output folder; released when dropped or when the
/// process ends, however it ends.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
    path: PathBuf,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still held: a process waiting on this file finds, once it has the
        // lock, that the path no longer names it, and starts over (see `still_named`).
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The lock file for the output folder `out` (an absolute path from `check_target`).
fn lock_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.irbook-lock"))
}

/// Takes the lock for `out`, waiting briefly for another irbook process that holds it.
/// `command` (e.g. `irbook watch`) is recorded so that the other process can name it.
pub fn lock(out: &Path, shown: &str, command: &str) -> Result<OutputLock, Trouble> {
    let path = lock_path(out);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            Trouble::new(
                format!("cannot create {}: {e}", parent.display()),
                "check the path and its permissions",
            )
        })?;
    }
    let started = Instant::now();
    let mut file = loop {
        let file = open(&path)?;
        match wait_for(&file, started) {
            Ok(()) if still_named(&file, &path) => break file,
            Ok(()) => continue,
            Err(Waited::TooLong) => {
                let mut holder = String::new();
                let _ = (&file).read_to_string(&mut holder);
                let holder = holder.trim();
                let holder = if holder.is_empty() {
                    "another irbook process".to_string()
                } else {
                    holder.to_string()
                };
                return Err(Trouble::new(
                    format!("{shown} is being written by {holder}"),
                    "only one irbook may write an output folder at a time: wait for it to finish, stop it, or choose another folder with `--out`",
                ));
            }
            Err(Waited::Failed(e)) => {
                return Err(Trouble::new(
                    format!("cannot lock {}: {e}", path.display()),
                    "the file system may not support file locks; build into a local folder",
                ));
            }
        }
    };
    let holder = format!("`{command}` (process {})\n", std::process::id());
    let recorded = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(holder.as_bytes()));
    if let Err(e) = recorded {
        return Err(Trouble::new(
            format!("cannot write the lock file {}: {e}", path.display()),
            "check free space and permissions",
        ));
    }
    Ok(OutputLock { file, path })
}

fn open(path: &Path) -> Result<File, Trouble> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| {
            Trouble::new(
                format!("cannot open the lock file {}: {e}", path.display()),
                "check the permissions of the folder that holds the output folder",
            )
        })
}

enum Waited {
    TooLong,
    Failed(std::io::Error),
}

/// Takes the lock on `file`, trying again until [`WAIT`] after `started`.
fn wait_for(file: &File, started: Instant) -> Result<(), Waited> {
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Err(Waited::TooLong),
            Err(TryLockError::Error(e)) => return Err(Waited::Failed(e)),
        }
    }
}

/// Whether `path` still names the locked `file`: the holder before us removes the file as it
/// lets go, and a lock on a removed file locks nothing.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_: &File, path: &Path) -> bool {
    path.exists()
}
