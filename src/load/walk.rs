//! Finds the handbook's files under `content/`, classifies them by folder and skips editor
//! leftovers.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::model::{Kind, StaticFile};
use crate::suggest::did_you_mean;

/// A file the loader will read, and what it should hold.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
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

/// The content folders, the kind they hold and the extension of their files.
const FOLDERS: [(&str, Kind, &str); 4] = [
    ("suppliers", Kind::Supplier, "yaml"),
    ("plans", Kind::Plan, "yaml"),
    ("playbooks", Kind::Playbook, "md"),
    ("pages", Kind::Page, "md"),
];

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

/// Walks `content/` (absent is fine: a handbook may be only `handbook.yaml`).
pub fn content_files(content: &Path) -> (Vec<Found>, Vec<StaticFile>, Vec<Stray>) {
    let mut found = Vec::new();
    let mut statics = Vec::new();
    let mut strays = Vec::new();
    let walker = WalkDir::new(content)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let in_static = e.depth() > 1
                && e.path()
                    .strip_prefix(content)
                    .is_ok_and(|r| r.starts_with(STATIC));
            if in_static {
                !is_editor_leftover(&name)
            } else {
                !is_leftover(&name)
            }
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| content.to_path_buf(), Path::to_path_buf);
                strays.push(Stray {
                    message: format!(
                        "cannot read this folder or file: {}",
                        e.io_error().map_or(e.to_string(), |io| io.to_string())
                    ),
                    help: "check its permissions; nothing in it was checked".into(),
                    is_error: true,
                    path,
                });
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let rel = path.strip_prefix(content).unwrap_or(&path);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let is_dir = entry.file_type().is_dir();
        match parts.as_slice() {
            [top, rest @ ..] if top == STATIC && !is_dir && !rest.is_empty() => {
                statics.push(StaticFile {
                    source: path,
                    path: rest.join("/"),
                });
            }
            [top, ..] if top == STATIC => {}
            [folder] if is_dir && !FOLDERS.iter().any(|(name, ..)| name == folder) => {
                strays.push(unknown_folder(path, folder));
            }
            [_] if is_dir => {}
            [_] => strays.push(Stray {
                path,
                message: "ignored: files directly in content/ are not part of the handbook".into(),
                help: "move it into content/suppliers, plans, playbooks, pages or static".into(),
                is_error: false,
            }),
            [folder, name] if !is_dir => {
                if let Some((_, kind, ext)) = FOLDERS.iter().find(|(f, ..)| f == folder) {
                    classify(path, name, *kind, ext, &mut found, &mut strays);
                }
            }
            [folder, _] if FOLDERS.iter().any(|(f, ..)| f == folder) => strays.push(Stray {
                path,
                message: format!("ignored: content/{folder} has no sub-folders"),
                help: format!("put the files directly into content/{folder}"),
                is_error: false,
            }),
            _ => {}
        }
    }
    for shadowed in statics
        .iter()
        .filter(|s| crate::model::is_generated_path(&s.path))
    {
        strays.push(Stray {
            path: shadowed.source.clone(),
            message: format!("not copied: the site writes its own `{}`", shadowed.path),
            help: "rename the file or move it into a folder of its own".into(),
            is_error: false,
        });
    }
    statics.retain(|s| !crate::model::is_generated_path(&s.path));
    (found, statics, strays)
}

fn unknown_folder(path: PathBuf, folder: &str) -> Stray {
    let known = FOLDERS.iter().map(|(name, ..)| *name).chain([STATIC]);
    let help = match did_you_mean(folder, known) {
        Some(close) => format!("did you mean content/{close}?"),
        None => "known folders: suppliers, plans, playbooks, pages, static".into(),
    };
    Stray {
        path,
        message: format!("ignored: unknown folder content/{folder}"),
        help,
        is_error: false,
    }
}

fn classify(
    path: PathBuf,
    name: &str,
    kind: Kind,
    ext: &str,
    found: &mut Vec<Found>,
    strays: &mut Vec<Stray>,
) {
    let (stem, actual) = name.rsplit_once('.').unwrap_or((name, ""));
    if actual == ext {
        found.push(Found { path, kind });
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
