//! The site onto disk, safely: refuse any output folder irbook did not make, write everything
//! into a staging folder beside it, then swap it in. A failed build leaves the previous site
//! exactly as it was, and no file irbook did not write is ever deleted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::{Contents, OutputFile};

/// The file irbook leaves in every output folder: the list of files it wrote.
pub const MARKER: &str = ".irbook-site";

const MARKER_HEADER: &str =
    "# Written by irbook. This folder is replaced on every build; these are its files:\n";

/// Why irbook will not write into an output folder.
#[derive(Debug)]
pub struct Refusal {
    pub message: String,
    pub help: String,
}

/// Checks that `out` is a folder irbook may replace: new, empty, or one it wrote itself and
/// that holds nothing else; never the handbook or anything that contains its content. Returns
/// the folder to write, as an absolute path with `..` and links resolved: the place checked is
/// the place written.
pub fn check_target(root: &Path, out: &Path) -> Result<PathBuf, Refusal> {
    let root = resolved(root);
    let target = resolved(out);
    let shown = out.display();
    if root.starts_with(&target) {
        return Err(Refusal {
            message: format!("refusing to build into {shown}: it contains the handbook"),
            help: "choose an output folder outside the handbook's files, e.g. `--out site`".into(),
        });
    }
    if target.starts_with(root.join("content")) || target.starts_with(root.join("themes")) {
        return Err(Refusal {
            message: format!("refusing to build into {shown}: it is inside the handbook's content"),
            help: "choose an output folder outside content/ and themes/, e.g. `--out site`".into(),
        });
    }
    match std::fs::symlink_metadata(&target) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Refusal {
                message: format!("refusing to build into {shown}: it is not a folder"),
                help: "choose a folder for the site".into(),
            });
        }
        Ok(_) => {}
        Err(_) => return Ok(target),
    }
    if target.parent().is_none() {
        return Err(Refusal {
            message: format!("refusing to build into {shown}: it is the root of the file system"),
            help: "choose a folder for the site".into(),
        });
    }
    let Ok(entries) = std::fs::read_dir(&target) else {
        return Ok(target);
    };
    let present: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if present.is_empty() {
        return Ok(target);
    }
    let Ok(marker) = std::fs::read_to_string(target.join(MARKER)) else {
        return Err(Refusal {
            message: format!("refusing to build into {shown}: it is not empty and was not made by irbook"),
            help:
                "irbook replaces its output folder on every build; choose a new or empty folder with `--out`"
                    .into(),
        });
    };
    let written: BTreeSet<&str> = marker
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let foreign: Vec<String> = files_under(&target)
        .into_iter()
        .filter(|f| f != MARKER && !written.contains(f.as_str()))
        .collect();
    if !foreign.is_empty() {
        let shown_files: Vec<_> = foreign.iter().take(5).cloned().collect();
        let more = if foreign.len() > 5 {
            format!(" and {} more", foreign.len() - 5)
        } else {
            String::new()
        };
        return Err(Refusal {
            message: format!(
                "refusing to replace {shown}: it holds files irbook did not write: {}{more}",
                shown_files.join(", ")
            ),
            help: "move them into content/static/ (copied into every build) or delete them, then build again"
                .into(),
        });
    }
    Ok(target)
}

/// Writes `files` into a staging folder beside `out` (a path from [`check_target`]) and swaps
/// it in. On failure the previous site is untouched and the staging folder is removed.
pub fn write_site(out: &Path, files: &[OutputFile]) -> std::io::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.irbook-staging"));
    let previous = parent.join(format!(".{name}.irbook-previous"));
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover)?;
        }
    }
    if let Err(e) = fill(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        if let Err(e) = std::fs::rename(out, &previous) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            let _ = std::fs::rename(&previous, out);
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        std::fs::remove_dir_all(&previous)?;
    } else if let Err(e) = std::fs::rename(&staging, out) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    Ok(())
}

fn fill(staging: &Path, files: &[OutputFile]) -> std::io::Result<()> {
    let dirs: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    std::fs::create_dir_all(staging)?;
    for dir in dirs {
        std::fs::create_dir_all(dir)?;
    }
    files.par_iter().try_for_each(|file| {
        let target = staging.join(&file.path);
        match &file.contents {
            Contents::Bytes(bytes) => std::fs::write(target, bytes),
            Contents::Copy(source) => std::fs::copy(source, target).map(|_| ()),
        }
    })?;
    let mut manifest = String::from(MARKER_HEADER);
    for file in files {
        manifest.push_str(&file.path);
        manifest.push('\n');
    }
    std::fs::write(staging.join(MARKER), manifest)
}

/// An absolute path with `..` and links resolved, also for a path that does not exist yet:
/// `..` is applied to the path as written, then the longest existing part is canonicalised.
fn resolved(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normal = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    let mut existing = normal.clone();
    let mut missing = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => missing.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    out.extend(missing.iter().rev());
    out
}

/// Files below `dir`, relative and `/`-separated.
fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| crate::source::relative_path(dir, e.path()))
        .collect()
}
