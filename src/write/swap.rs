//! Writing a new site beside the old one and swapping the two, so that the output folder is
//! always one complete site: before the swap the old, after it the new.

use std::collections::BTreeSet;
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::Trouble;
use super::target::{Foreign, MARKER, MARKER_HEADER, foreign_files};
use crate::render::{Contents, OutputFile, Sink, Stopped, Stored};

/// The folders beside the output folder `site`: `.site.irbook-staging` is filled with the new
/// site; `.site.irbook-previous` holds the old one only where the two cannot be exchanged
/// in one step.
struct Beside {
    staging: PathBuf,
    previous: PathBuf,
}

impl Beside {
    fn new(out: &Path) -> Self {
        let name = out
            .file_name()
            .map_or("site".into(), |n| n.to_string_lossy().into_owned());
        Beside {
            staging: out.with_file_name(format!(".{name}.irbook-staging")),
            previous: out.with_file_name(format!(".{name}.irbook-previous")),
        }
    }
}

/// Writes `files` as the site in `out` (a path from `check_target`, under the output lock).
/// `shown` is how the user named the folder. On failure the previous site is untouched.
pub fn write_site(out: &Path, shown: &str, files: &[OutputFile]) -> Result<(), Trouble> {
    let staging = Staging::begin(out, shown)?;
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let filled = staging
        .plan(&paths)
        .and_then(|()| files.par_iter().try_for_each(|file| staging.put(file.clone())));
    match filled {
        Ok(()) => staging.finish(),
        Err(Stopped) => Err(staging.take_trouble()),
    }
}

/// A new site being written into the staging folder beside the output folder, file by file
/// as the renderer makes them (a [`Sink`]). [`Staging::finish`] puts it in the place of the
/// output folder; dropped without that, it is removed and the output folder is as it was.
pub struct Staging {
    out: PathBuf,
    shown: String,
    beside: Beside,
    /// Every path of the site planned so far: the manifest lists them. `None` until the first
    /// plan, which makes the staging folder.
    planned: RwLock<Option<FxHashSet<String>>>,
    /// Why writing stopped.
    trouble: Mutex<Option<Trouble>>,
    finished: bool,
}

impl Staging {
    /// Makes way for a new site in `out` (a path from `check_target`, under the output lock):
    /// puts right what an interrupted run left. Nothing is written before the plan.
    pub fn begin(out: &Path, shown: &str) -> Result<Self, Trouble> {
        let beside = Beside::new(out);
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| io_trouble(&format!("cannot create {}", parent.display()), &e))?;
        }
        recover(out, &beside)?;
        Ok(Staging {
            out: out.to_path_buf(),
            shown: shown.to_string(),
            beside,
            planned: RwLock::default(),
            trouble: Mutex::new(None),
            finished: false,
        })
    }

    /// How many files the site has (once planned).
    pub fn files(&self) -> usize {
        self.planned().as_ref().map_or(0, FxHashSet::len)
    }

    fn planned(&self) -> std::sync::RwLockReadGuard<'_, Option<FxHashSet<String>>> {
        self.planned.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Why writing stopped, if it did.
    pub fn trouble(&self) -> Option<Trouble> {
        self.lock().take()
    }

    /// Puts the new site in the place of the output folder, or says why it is not.
    pub fn finish(mut self) -> Result<(), Trouble> {
        if let Some(trouble) = self.trouble() {
            return Err(trouble);
        }
        self.finished = true;
        swap(&self.out, &self.shown, &self.beside)
    }

    fn take_trouble(&self) -> Trouble {
        self.trouble()
            .unwrap_or_else(|| Trouble::new("the site could not be written", "build again"))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Trouble>> {
        self.trouble.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Notes the first trouble; rendering stops.
    fn stop(&self, trouble: Trouble) -> Stopped {
        self.lock().get_or_insert(trouble);
        Stopped
    }

    /// Where the file at `path` of the site goes; a path not planned is refused, since the
    /// manifest would not list it.
    fn target(&self, path: &str) -> Result<PathBuf, Stopped> {
        if self.lock().is_some() {
            // Writing stopped on another thread: nothing more is written.
            return Err(Stopped);
        }
        if !self.planned().as_ref().is_some_and(|p| p.contains(path)) {
            return Err(self.stop(Trouble::new(
                format!(
                    "cannot write {}/{path}: irbook did not plan that file",
                    self.shown
                ),
                "this is a bug in irbook; the previous site is unchanged",
            )));
        }
        Ok(self.beside.staging.join(path))
    }
}

impl Sink for Staging {
    /// The staging folder with its manifest, written first so that a half-filled staging
    /// folder is still known as irbook's own, and every folder of the site. A later plan adds
    /// its paths to the manifest before any of them is written.
    fn plan(&self, paths: &[String]) -> Result<(), Stopped> {
        let staging = &self.beside.staging;
        let creating =
            |e: std::io::Error| self.stop(io_trouble(&format!("cannot create {}", staging.display()), &e));
        let mut planned = self.planned.write().unwrap_or_else(|e| e.into_inner());
        let first = planned.is_none();
        let mut manifest = String::new();
        if first {
            std::fs::create_dir(staging).map_err(creating)?;
            // From here on the staging folder is removed when the site is not finished.
            *planned = Some(FxHashSet::default());
            manifest.push_str(MARKER_HEADER);
        }
        let planned = planned.get_or_insert_default();
        let new: Vec<&String> = paths.iter().filter(|p| !planned.contains(*p)).collect();
        for path in &new {
            manifest.push_str(path);
            manifest.push('\n');
        }
        std::fs::OpenOptions::new()
            .create(first)
            .append(true)
            .open(staging.join(MARKER))
            .and_then(|mut file| file.write_all(manifest.as_bytes()))
            .map_err(creating)?;
        // A path may be written only once the manifest lists it.
        planned.extend(new.into_iter().cloned());
        let dirs: BTreeSet<PathBuf> = paths
            .iter()
            .filter_map(|p| staging.join(p).parent().map(Path::to_path_buf))
            .collect();
        for dir in dirs {
            std::fs::create_dir_all(&dir).map_err(creating)?;
        }
        Ok(())
    }

    fn put(&self, file: OutputFile) -> Result<(), Stopped> {
        let target = self.target(&file.path)?;
        let shown = &self.shown;
        match &file.contents {
            Contents::Bytes(bytes) => std::fs::write(&target, bytes)
                .map_err(|e| io_trouble(&format!("cannot write {shown}/{}", file.path), &e)),
            Contents::Copy(source) => crate::fsguard::copy_static(source, &target)
                .map(|_| ())
                .map_err(|e| {
                    io_trouble(
                        &format!("cannot copy {} to {shown}/{}", source.display(), file.path),
                        &e,
                    )
                }),
        }
        .map_err(|trouble| self.stop(trouble))
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> std::io::Result<()>,
    ) -> Result<(), Stopped> {
        let target = self.target(path)?;
        let written = std::fs::File::create(&target).and_then(|file| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)?;
            out.flush()
        });
        written.map_err(|e| self.stop(io_trouble(&format!("cannot write {}/{path}", self.shown), &e)))
    }

    /// Read into memory of its size (the size the file says when it is opened), with no
    /// read past its end to find the end, which for every page of a large handbook adds up.
    fn get(&self, path: &str) -> Option<Stored> {
        let file = std::fs::File::open(self.target(path).ok()?).ok()?;
        let len = file.metadata().ok()?.len();
        let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
        file.take(len).read_to_end(&mut bytes).ok()?;
        Some(Stored::Read(bytes))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished && self.planned().is_some() {
            let _ = std::fs::remove_dir_all(&self.beside.staging);
        }
    }
}

/// Puts right what an interrupted run left beside the output folder `out`: the last complete
/// site back in place, irbook's own leftovers removed. A leftover folder irbook did not make
/// is never deleted. Call it under the output lock.
pub fn recover_interrupted(out: &Path) -> Result<(), Trouble> {
    recover(out, &Beside::new(out))
}

fn recover(out: &Path, beside: &Beside) -> Result<(), Trouble> {
    for leftover in [&beside.previous, &beside.staging] {
        if std::fs::symlink_metadata(leftover).is_err() {
            continue;
        }
        if !std::fs::symlink_metadata(leftover).is_ok_and(|m| m.is_dir()) || !is_ours(leftover) {
            return Err(Trouble::new(
                format!(
                    "{} is in the way: irbook uses that name for its own work, but did not make it",
                    leftover.display()
                ),
                "move it away or delete it yourself, then build again",
            ));
        }
        let restore = leftover == &beside.previous && std::fs::symlink_metadata(out).is_err();
        let result = if restore {
            std::fs::rename(leftover, out)
        } else {
            std::fs::remove_dir_all(leftover)
        };
        result.map_err(|e| io_trouble(&format!("cannot clean up {}", leftover.display()), &e))?;
    }
    Ok(())
}

/// A folder irbook wrote: it has a manifest, and every file in it is listed there.
fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file() && matches!(foreign_files(dir), Foreign::None)
}

/// Puts the staging folder in the place of `out`, in one step where the system can exchange
/// two folders (Linux), else by moving the old site aside first.
fn swap(out: &Path, shown: &str, beside: &Beside) -> Result<(), Trouble> {
    let replacing =
        |e: std::io::Error| io_trouble(&format!("cannot put the new site in place of {shown}"), &e);
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(&beside.staging, out).map_err(|e| {
            let _ = std::fs::remove_dir_all(&beside.staging);
            replacing(e)
        });
    }
    match exchange(&beside.staging, out) {
        Ok(()) => {
            // The staging folder now holds the old site.
            remove_old(&beside.staging);
            return Ok(());
        }
        Err(e) if exchange_unsupported(&e) => {}
        Err(e) => {
            let _ = std::fs::remove_dir_all(&beside.staging);
            return Err(replacing(e));
        }
    }
    if let Err(e) = std::fs::rename(out, &beside.previous) {
        let _ = std::fs::remove_dir_all(&beside.staging);
        return Err(replacing(e));
    }
    if let Err(e) = std::fs::rename(&beside.staging, out) {
        let _ = std::fs::rename(&beside.previous, out);
        let _ = std::fs::remove_dir_all(&beside.staging);
        return Err(replacing(e));
    }
    remove_old(&beside.previous);
    Ok(())
}

/// Removes the old site once the new one is in place; whatever cannot be removed now (a
/// file held open elsewhere) is removed by the next run's recovery.
fn remove_old(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(ErrorKind::Unsupported.into())
}

/// The file system or kernel cannot exchange folders: fall back to two renames.
fn exchange_unsupported(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::Unsupported
        || matches!(e.raw_os_error(), Some(code) if code == libc::EINVAL || code == libc::ENOSYS)
}

/// An I/O failure with the real cause and what to do about it.
fn io_trouble(what: &str, e: &std::io::Error) -> Trouble {
    let help = match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "free some space on that disk; the previous site is unchanged"
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "check the permissions of the output folder and the folder that holds it; the previous site is unchanged"
        }
        ErrorKind::ResourceBusy | ErrorKind::CrossesDevices => {
            "the output folder is a mount point or in use: choose a folder inside it with `--out`; the previous site is unchanged"
        }
        ErrorKind::NotFound => "a file was removed while the site was written: build again",
        _ => "the previous site is unchanged",
    };
    Trouble::new(format!("{what}: {e}"), help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(b"<p>x</p>".to_vec().into()),
        }
    }

    #[test]
    fn paths_planned_later_are_in_the_manifest_before_their_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let staging = Staging::begin(&out, "site").unwrap();
        staging.plan(&["index.html".into()]).unwrap();
        staging.put(page("index.html")).unwrap();
        staging
            .plan(&["search/t0.js".into(), "index.html".into()])
            .unwrap();
        staging.put(page("search/t0.js")).unwrap();
        let manifest = std::fs::read_to_string(staging.beside.staging.join(MARKER)).unwrap();
        assert_eq!(
            manifest
                .lines()
                .skip(MARKER_HEADER.lines().count())
                .collect::<Vec<_>>(),
            ["index.html", "search/t0.js"]
        );
        staging.finish().unwrap();
        assert!(out.join("search/t0.js").is_file());
    }

    #[test]
    fn once_a_write_failed_nothing_more_is_written_and_the_staging_folder_goes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let staging = Staging::begin(&out, "site").unwrap();
        staging.plan(&["a.html".into(), "b.html".into()]).unwrap();
        assert!(staging.put(page("unplanned.html")).is_err());
        assert!(staging.put(page("a.html")).is_err(), "stopped for every thread");
        let folder = staging.beside.staging.clone();
        assert!(!folder.join("a.html").exists());
        let trouble = staging.finish().unwrap_err();
        assert_eq!(
            trouble.message,
            "cannot write site/unplanned.html: irbook did not plan that file"
        );
        assert!(!folder.exists() && !out.exists());
    }
}
