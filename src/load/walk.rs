//! Finds the handbook's files under `content/`, classifies them by folder and skips editor
//! leftovers.

use std::path::{Path, PathBuf};

use crate::fsguard::{self, HandbookRoot, RealPath, Refused, Walked};
use crate::model::{Kind, StaticFile};
use crate::suggest::did_you_mean;

/// A file the loader will read, and what it should hold.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Where the read rule found it: what is read.
    pub real: RealPath,
    pub kind: Kind,
}

/// Something under `content/` that is not part of the handbook.
#[derive(Debug, Clone)]
pub struct Stray {
    pub path: PathBuf,
    pub message: String,
    pub help: String,
    /// `.yml` for `.yaml` and similar near misses are errors; other strays only warnings.
    pub is_error: bool,
}

/// The content folders: those of the kinds whose objects are files.
fn folders() -> impl Iterator<Item = (&'static str, Kind, &'static str)> {
    Kind::ALL
        .into_iter()
        .filter_map(|kind| kind.folder().map(|(folder, ext)| (folder, kind, ext.as_str())))
}

const STATIC: &str = "static";

/// Hidden files, and files that editors and operating systems leave beside the real ones.
pub fn is_leftover(name: &str) -> bool {
    name.starts_with('.') || is_editor_leftover(name)
}

/// Editor swap, lock, backup and save-in-progress files: skipped even in `content/static/`,
/// where hidden files such as `.well-known/` are copied.
pub fn is_editor_leftover(name: &str) -> bool {
    name.starts_with(".#")
        || name.ends_with('~')
        || name == "4913"
        || (name.starts_with('#') && name.ends_with('#'))
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".bak",
            ".bck",
            ".orig",
            ".crswap",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
        || name == "Thumbs.db"
}

/// What `content/` holds, sorted out.
#[derive(Debug, Default)]
pub struct Contents {
    pub found: Vec<Found>,
    pub statics: Vec<StaticFile>,
    pub strays: Vec<Stray>,
    /// Files and folders the read rule refused, by the path they were found at.
    pub refused: Vec<Refused>,
}

/// Walks `content/` (absent is fine: a handbook may be only `handbook.yaml`).
pub fn content_files(root: &HandbookRoot, content: &Path) -> Contents {
    let skip = |rel: &[String]| {
        let name = rel.last().map_or("", String::as_str);
        if rel.len() > 1 && rel[0] == STATIC {
            is_editor_leftover(name)
        } else {
            is_leftover(name)
        }
    };
    let (walked, refused) = fsguard::walk(root, content, skip);
    let mut out = Contents {
        refused,
        ..Contents::default()
    };
    for Walked {
        path,
        rel,
        real,
        is_dir,
    } in walked
    {
        match rel.as_slice() {
            [top, rest @ ..] if top == STATIC && !is_dir && !rest.is_empty() => {
                match root.copyable(&real, fsguard::STATIC_LIMIT) {
                    Ok(real) => out.statics.push(StaticFile {
                        source: real,
                        path: rest.join("/"),
                    }),
                    Err(refusal) => out.refused.push((path, refusal)),
                }
            }
            [top, ..] if top == STATIC => {}
            [folder] if is_dir && Kind::of_folder(folder).is_none() => {
                out.strays.push(unknown_folder(path, folder));
            }
            [_] if is_dir => {}
            [_] => out.strays.push(Stray {
                path,
                message: "ignored: files directly in content/ are not part of the handbook".into(),
                help: format!("move it into content/{}", known_folders().join(", ")),
                is_error: false,
            }),
            [folder, name] if !is_dir => {
                if let Some((_, kind, ext)) = folders().find(|(f, ..)| f == folder) {
                    classify((path, real), name, kind, ext, &mut out.found, &mut out.strays);
                }
            }
            // Documents may be grouped in sub-folders; other kinds are one file each.
            [folder, .., name] if Kind::of_folder(folder).is_some_and(|k| k.spec().nested) => {
                if !is_dir && let Some((_, kind, ext)) = folders().find(|(f, ..)| f == folder) {
                    classify((path, real), name, kind, ext, &mut out.found, &mut out.strays);
                }
            }
            [folder, _] if is_dir && Kind::of_folder(folder).is_some_and(|k| !k.spec().nested) => {
                out.strays.push(Stray {
                    path,
                    message: format!("ignored: content/{folder} has no sub-folders"),
                    help: format!("put the files directly into content/{folder}"),
                    is_error: false,
                });
            }
            _ => {}
        }
    }
    for shadowed in out
        .statics
        .iter()
        .filter(|s| crate::model::is_generated_path(&s.path))
    {
        out.strays.push(Stray {
            path: content.join(STATIC).join(&shadowed.path),
            message: format!("not copied: the site writes its own `{}`", shadowed.path),
            help: "rename the file or move it into a folder of its own".into(),
            is_error: false,
        });
    }
    out.statics.retain(|s| !crate::model::is_generated_path(&s.path));
    out
}

/// `suppliers`, `parties`, ... and `static`.
fn known_folders() -> Vec<&'static str> {
    folders().map(|(name, ..)| name).chain([STATIC]).collect()
}

fn unknown_folder(path: PathBuf, folder: &str) -> Stray {
    let known = known_folders();
    let help = match did_you_mean(folder, known.iter().copied()) {
        Some(close) => format!("did you mean content/{close}?"),
        None => format!("known folders: {}", known.join(", ")),
    };
    Stray {
        path,
        message: format!("ignored: unknown folder content/{folder}"),
        help,
        is_error: false,
    }
}

/// Sorts a file found (at `path`, read at `real`) into `found` or `strays`.
fn classify(
    (path, real): (PathBuf, RealPath),
    name: &str,
    kind: Kind,
    ext: &str,
    found: &mut Vec<Found>,
    strays: &mut Vec<Stray>,
) {
    let (stem, actual) = name.rsplit_once('.').unwrap_or((name, ""));
    if actual == ext {
        found.push(Found { path, real, kind });
        return;
    }
    let near_miss = matches!((ext, actual), ("yaml", "yml") | ("md", "markdown"));
    strays.push(Stray {
        path,
        message: format!(
            "{}: {} files end in `.{ext}`",
            if near_miss { "not read" } else { "ignored" },
            kind.name()
        ),
        help: format!("rename it to `{stem}.{ext}`"),
        is_error: near_miss,
    });
}

#[cfg(test)]
mod tests {
    use super::is_leftover;

    #[test]
    fn editor_leftovers_are_skipped() {
        for name in [".#a.md", "a.md~", "a.yaml.swp", "4913", "#a.md#", ".hidden.yaml"] {
            assert!(is_leftover(name), "{name}");
        }
        assert!(!is_leftover("skyhost.yaml"));
    }
}
