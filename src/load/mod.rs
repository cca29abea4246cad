//! Files -> typed model + diagnostics. Reads `handbook.yaml` and everything under `content/`,
//! parses them in parallel and reports each problem with its file, line and column.

mod de;
mod document;
mod frontmatter;
#[cfg(test)]
mod fuzz_tests;
mod merge;
mod parse;
mod recover;
mod reload;
mod table;
mod text;
mod walk;
mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use de::HELP_SEPARATOR;
/// For `irbook import`, which reads other generators' front matter and `mkdocs.yml`.
pub(crate) use frontmatter::split as split_front_matter;
pub use reload::{Reloaded, reload};
pub use table::{Entry as TableEntry, read_table};
pub use walk::{is_editor_leftover, is_leftover};
pub(crate) use yaml::{Node as YamlNode, Value as YamlValue, parse as parse_yaml};

use parse::{Parsed, file_id, parse_file};

use crate::diag::Diagnostic;
use crate::fsguard::{self, HandbookRoot, Refusal};
use crate::model::{Handbook, Kind};
use crate::source::{SourceFile, Sources, relative_path};

/// How many cases a fuzz test runs: `default` times `IRBOOK_FUZZ_SCALE` (a whole number; 1 when
/// unset). `.ci/run` raises it so that CI fuzzes for about a minute.
#[cfg(test)]
pub fn fuzz_cases(default: u32) -> u32 {
    let scale = std::env::var("IRBOOK_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1);
    default.saturating_mul(scale)
}

/// The file every handbook has at its root.
pub const HANDBOOK_FILE: &str = "handbook.yaml";

/// Why there is no handbook to check at all (exit code 2, not 1).
#[derive(Debug)]
pub struct NotAHandbook {
    pub message: String,
    pub help: String,
}

/// The loaded handbook, the text of every file read, and the problems found while loading.
#[derive(Debug)]
pub struct Loaded {
    pub handbook: Handbook,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether documents' words were kept for search as they were read.
    pub words: Words,
}

/// Whether the words of documents are kept for search as they are read, on the pass that
/// reads their outline ([`crate::markdown::outline_with_words`]): for a site, not for `check`,
/// which would only pay for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Kept,
    Skipped,
}

/// Reads a YAML text that is not a file of the handbook (an embedded example's) into `T`,
/// around any bad values; `None` when nothing of it reads.
pub fn read_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let node = yaml::parse(text, 0).ok()?;
    recover::read_all::<T>(node).0.map(|read| read.value)
}

/// The handbook's main file, or why `root` is no handbook.
pub fn handbook_file(root: &Path) -> Result<PathBuf, NotAHandbook> {
    let main_path = root.join(HANDBOOK_FILE);
    if std::fs::symlink_metadata(&main_path).is_err() {
        Err(NotAHandbook {
            message: format!("no {HANDBOOK_FILE} in {}", root.display()),
            help: "run `irbook init DIR` to start a new handbook, or pass `--root DIR`".into(),
        })
    } else {
        Ok(main_path)
    }
}

pub fn load(root: &Path, words: Words) -> Result<Loaded, NotAHandbook> {
    let main_path = handbook_file(root)?;
    let guard = HandbookRoot::new(root).map_err(|e| NotAHandbook {
        message: format!("cannot read {}: {e}", root.display()),
        help: "check the path and its permissions".into(),
    })?;
    let contents = walk::content_files(&guard, &root.join("content"));
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();

    let mut to_parse = Vec::new();
    let mut unreadable = Vec::new();
    let found = contents
        .found
        .into_iter()
        .map(|f| (f.path, Some((f.real, f.kind))));
    let files: Vec<_> = std::iter::once((main_path, None)).chain(found).collect();
    // Read and decoded in parallel, added in order (the order gives the file ids).
    let read: Vec<(String, Option<Kind>, Result<Decoded, Unreadable>)> = files
        .into_par_iter()
        .map(|(path, found)| {
            let rel = relative_path(root, &path);
            let bytes = match &found {
                Some((real, _)) => guard.read_found(real, fsguard::TEXT_LIMIT),
                None => guard.read(&path, fsguard::TEXT_LIMIT),
            };
            let decoded = bytes
                .map_err(Unreadable::Refused)
                .and_then(|bytes| decode(rel.clone(), bytes));
            (rel, found.map(|(_, kind)| kind), decoded)
        })
        .collect();
    for (rel, kind, decoded) in read {
        let id = match decoded {
            Ok(Decoded { file, controls }) => {
                let id = sources.add(file);
                diagnostics.extend(text::control_characters(sources.get(id), id, &controls));
                to_parse.push((id, kind));
                continue;
            }
            Err(Unreadable::Refused(refusal)) => {
                let id = sources.add(SourceFile::new(rel, String::new()));
                diagnostics.push(refusal.diagnostic().in_file(id));
                id
            }
            Err(Unreadable::NotUtf8 { file, offset }) => {
                let id = sources.add(file);
                diagnostics.push(
                    Diagnostic::error("the file is not valid UTF-8")
                        .at(id, offset..offset)
                        .help("save the file as UTF-8 (most editors offer it under \"Save with encoding\")"),
                );
                id
            }
        };
        if let Some(kind) = kind
            && let Ok(name) = file_id(&sources.get(id).path, kind)
        {
            unreadable.push((kind, name, id));
        }
    }
    for (path, refusal) in contents.refused {
        let id = sources.add(SourceFile::new(relative_path(root, &path), String::new()));
        diagnostics.push(refusal.diagnostic().in_file(id));
    }
    for stray in contents.strays {
        let id = sources.add(SourceFile::new(relative_path(root, &stray.path), String::new()));
        let diagnostic = if stray.is_error {
            Diagnostic::error(stray.message)
        } else {
            Diagnostic::warning(stray.message)
        };
        diagnostics.push(diagnostic.in_file(id).help(stray.help));
    }

    let parsed: Vec<(Parsed, Vec<Diagnostic>)> = to_parse
        .par_iter()
        .map(|&(file, kind)| parse_file(&sources, file, kind, words))
        .collect();

    let mut handbook = Handbook {
        unreadable,
        static_files: contents.statics,
        ..Handbook::default()
    };
    let kinds: Vec<Kind> = to_parse.iter().filter_map(|(_, kind)| *kind).collect();
    parse::reserve(&mut handbook, &kinds);
    for (item, problems) in parsed {
        diagnostics.extend(problems);
        match item {
            Parsed::Main(main) => handbook.main = main,
            Parsed::Content(content) => content.add_to(&mut handbook),
            Parsed::Unreadable(kind, id, file) => handbook.unreadable.push((kind, id, file)),
            Parsed::Nothing => {}
        }
    }
    diagnostics.extend(unused_themes(root, &handbook, &mut sources));
    if let Some(main) = &handbook.main
        && let Some(theme) = &main.theme
        && theme.as_str() != "default"
        && !root.join("themes").join(theme.as_str()).is_dir()
    {
        diagnostics.push(
            Diagnostic::error(format!("unknown theme `{}`: there is no folder themes/{}", theme.value, theme.value))
                .at(main.file, theme.span.clone())
                .help("create the folder with the templates to override, or remove `theme:` to use the built-in theme"),
        );
    }
    Ok(Loaded {
        handbook,
        sources,
        diagnostics,
        words,
    })
}

/// Folders under `themes/` that `theme:` does not name: their templates would be ignored.
fn unused_themes(root: &Path, handbook: &Handbook, sources: &mut Sources) -> Vec<Diagnostic> {
    let Some(main) = &handbook.main else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(root.join("themes")) else {
        return Vec::new();
    };
    let mut unused: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name != main.theme_name() && !is_leftover(&name)
        })
        .map(|e| e.path())
        .collect();
    unused.sort();
    unused
        .into_iter()
        .map(|dir| {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = sources.add(SourceFile::new(relative_path(root, &dir), String::new()));
            Diagnostic::warning(format!("themes/{name} is not used"))
                .in_file(id)
                .help(format!(
                    "set `theme: {name}` in handbook.yaml to use its templates"
                ))
        })
        .collect()
}

enum Unreadable {
    Refused(Refusal),
    NotUtf8 { file: SourceFile, offset: usize },
}

/// A file's text, with the control characters it held replaced (see `text.rs`).
struct Decoded {
    file: SourceFile,
    controls: Vec<(usize, char)>,
}

/// UTF-8 text without its BOM, or where the first invalid byte is.
fn decode(rel: String, mut bytes: Vec<u8>) -> Result<Decoded, Unreadable> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        // The text as read, without a copy, where it needs no replacement.
        Ok(text) if !text::has_forbidden(&text) => Ok(Decoded {
            file: SourceFile::new(rel, text),
            controls: Vec::new(),
        }),
        Ok(text) => {
            let (text, controls) = text::replace_control_characters(&text);
            Ok(Decoded {
                file: SourceFile::new(rel, text),
                controls,
            })
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let e = e.utf8_error();
            let lossy = String::from_utf8_lossy(bytes);
            // The valid start is the same in the lossy text; count it after replacements.
            let (valid, _) = text::replace_control_characters(&lossy[..e.valid_up_to()]);
            let (text, _) = text::replace_control_characters(&lossy);
            Err(Unreadable::NotUtf8 {
                file: SourceFile::new(rel, text),
                offset: valid.len(),
            })
        }
    }
}
