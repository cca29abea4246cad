//! Which folder a build may write: never the handbook or its content, only a new or empty
//! folder or one irbook wrote itself (its manifest lists every file in it).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Trouble, is_os_metadata};

/// The file irbook leaves in every output folder: the list of files it wrote.
pub const MARKER: &str = ".irbook-site";

pub(super) const MARKER_HEADER: &str =
    "# Written by irbook. This folder is replaced on every build; these are its files:\n";

/// Checks that `out` is a folder irbook may replace: new, empty, or one it wrote itself and
/// that holds nothing else; never the handbook or anything that contains its content. Returns
/// the folder to write, as an absolute path with `..` and links resolved: the place checked is
/// the place written.
pub fn check_target(root: &Path, out: &Path) -> Result<PathBuf, Trouble> {
    let root = resolved(root);
    let target = resolved(out);
    let shown = out.display();
    if root.starts_with(&target) {
        return Err(Trouble::new(
            format!("refusing to build into {shown}: it contains the handbook"),
            "choose an output folder outside the handbook's files, e.g. `--out site`",
        ));
    }
    if target.starts_with(root.join("content")) || target.starts_with(root.join("themes")) {
        return Err(Trouble::new(
            format!("refusing to build into {shown}: it is inside the handbook's content"),
            "choose an output folder outside content/ and themes/, e.g. `--out site`",
        ));
    }
    match std::fs::symlink_metadata(&target) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Trouble::new(
                format!("refusing to build into {shown}: it is not a folder"),
                "choose a folder for the site",
            ));
        }
        Ok(_) => {}
        Err(_) => return Ok(target),
    }
    if target.parent().is_none() {
        return Err(Trouble::new(
            format!("refusing to build into {shown}: it is the root of the file system"),
            "choose a folder for the site",
        ));
    }
    match foreign_files(&target) {
        Foreign::None => Ok(target),
        Foreign::NoMarker => Err(Trouble::new(
            format!("refusing to build into {shown}: it is not empty and was not made by irbook"),
            "irbook replaces its output folder on every build; choose a new or empty folder with `--out`",
        )),
        Foreign::Files(foreign) => {
            let listed: Vec<_> = foreign.iter().take(5).cloned().collect();
            let more = if foreign.len() > 5 {
                format!(" and {} more", foreign.len() - 5)
            } else {
                String::new()
            };
            Err(Trouble::new(
                format!(
                    "refusing to replace {shown}: it holds files irbook did not write: {}{more}",
                    listed.join(", ")
                ),
                "move them into content/static/ (copied into every build) or delete them, then build again",
            ))
        }
    }
}

/// What in a folder irbook did not write.
pub(super) enum Foreign {
    /// Nothing: the folder is empty, or every file in it is in its manifest.
    None,
    /// The folder has files but no manifest.
    NoMarker,
    Files(Vec<String>),
}

/// Compares a folder with its manifest; file-manager metadata does not count.
pub(super) fn foreign_files(dir: &Path) -> Foreign {
    let present: Vec<String> = files_under(dir)
        .into_iter()
        .filter(|f| !is_os_metadata(f.rsplit('/').next().unwrap_or(f)))
        .collect();
    if present.is_empty() {
        return Foreign::None;
    }
    let Ok(marker) = std::fs::read_to_string(dir.join(MARKER)) else {
        return Foreign::NoMarker;
    };
    let written: BTreeSet<&str> = marker
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let foreign: Vec<String> = present
        .into_iter()
        .filter(|f| f != MARKER && !written.contains(f.as_str()))
        .collect();
    if foreign.is_empty() {
        Foreign::None
    } else {
        Foreign::Files(foreign)
    }
}

/// An absolute path with `..` and links resolved, also for a path that does not exist yet:
/// `..` is applied to the path as written, then the longest existing part is canonicalised.
pub fn resolved(path: &Path) -> PathBuf {
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

/// Files below `dir` (links are not followed), relative and `/`-separated.
fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| crate::source::relative_path(dir, e.path()))
        .collect()
}
