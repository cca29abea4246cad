//! Files -> typed model + diagnostics. Reads `handbook.yaml` and everything under `content/`,
//! parses them in parallel and reports each problem with its file, line and column.

mod de;
mod frontmatter;
#[cfg(test)]
mod fuzz_tests;
mod merge;
mod recover;
mod reload;
mod text;
mod walk;
mod yaml;

use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use de::HELP_SEPARATOR;
pub use reload::{Reloaded, reload};
pub use walk::{is_editor_leftover, is_leftover};

use frontmatter::{SplitError, split as split_front_matter};

use crate::diag::Diagnostic;
use crate::fsguard::{self, HandbookRoot, Refusal};
use crate::model::{Doc, FrontMatter, Handbook, HandbookFile, Id, Kind, Plan, Record, Supplier, Text};
use crate::source::{FileId, SourceFile, Sources, relative_path};

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

pub fn load(root: &Path) -> Result<Loaded, NotAHandbook> {
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
    let found = contents.found.into_iter().map(|f| (f.path, Some(f.kind)));
    for (path, kind) in std::iter::once((main_path, None)).chain(found) {
        let rel = relative_path(root, &path);
        let decoded = guard
            .read(&path, fsguard::TEXT_LIMIT)
            .map_err(Unreadable::Refused)
            .and_then(|bytes| decode(rel.clone(), &bytes));
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
        if let Some((kind, name)) = kind.zip(file_id(&sources.get(id).path).ok()) {
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
        .map(|&(file, kind)| parse_file(&sources, file, kind))
        .collect();

    let mut handbook = Handbook {
        unreadable,
        static_files: contents.statics,
        ..Handbook::default()
    };
    for (item, problems) in parsed {
        diagnostics.extend(problems);
        match item {
            Parsed::Main(main) => handbook.main = main,
            Parsed::Supplier(record) => handbook.suppliers.push(record),
            Parsed::Plan(record) => handbook.plans.push(record),
            Parsed::Doc(Kind::Page, record) => handbook.pages.push(record),
            Parsed::Doc(_, record) => handbook.playbooks.push(record),
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
fn decode(rel: String, bytes: &[u8]) -> Result<Decoded, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let (text, controls) = text::replace_control_characters(text);
            Ok(Decoded {
                file: SourceFile::new(rel, text),
                controls,
            })
        }
        Err(e) => {
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

impl Parsed {
    /// Marks the record as read around errors: it is checked for references, not warned about.
    fn incomplete(mut self) -> Self {
        match &mut self {
            Parsed::Main(Some(r)) => r.complete = false,
            Parsed::Supplier(r) => r.complete = false,
            Parsed::Plan(r) => r.complete = false,
            Parsed::Doc(_, r) => r.complete = false,
            Parsed::Main(None) | Parsed::Unreadable(..) | Parsed::Nothing => {}
        }
        self
    }
}

enum Parsed {
    Main(Option<Record<HandbookFile>>),
    Supplier(Record<Supplier>),
    Plan(Record<Plan>),
    Doc(Kind, Record<Doc>),
    Unreadable(Kind, Id, FileId),
    Nothing,
}

/// The keys a new file of each kind needs at least: the hint for an empty file.
fn required_keys(kind: Option<Kind>) -> &'static str {
    match kind {
        None => "`title`, `organization`, `severities` and `roles`",
        Some(Kind::Supplier) => "`name`, `tier`, `services` and `contacts`",
        Some(Kind::Plan) => "`title` and `phases`",
        Some(_) => "front matter with a `title`",
    }
}

fn parse_file(sources: &Sources, file: FileId, kind: Option<Kind>) -> (Parsed, Vec<Diagnostic>) {
    let source = sources.get(file);
    let mut problems = Vec::new();
    let id = match kind {
        None => None,
        Some(kind) => match file_id(&source.path) {
            Ok(id) => Some((kind, id)),
            Err(diagnostic) => return (Parsed::Nothing, vec![diagnostic.in_file(file)]),
        },
    };
    if source.text.trim().is_empty() {
        let help = format!("write at least {}", required_keys(kind));
        problems.push(Diagnostic::error("the file is empty").in_file(file).help(help));
        return (
            id.map_or(Parsed::Main(None), |(k, i)| Parsed::Unreadable(k, i, file)),
            problems,
        );
    }
    let parsed = match id {
        None => Parsed::Main(
            parse_yaml::<HandbookFile>(source, file, 0..source.text.len(), &mut problems).map(|value| {
                Record {
                    id: Id::parse("handbook").expect("valid id"),
                    file,
                    complete: true,
                    value,
                }
            }),
        ),
        Some((kind @ (Kind::Playbook | Kind::Page), id)) => match parse_doc(source, file, &mut problems) {
            Some(value) => Parsed::Doc(
                kind,
                Record {
                    id,
                    file,
                    complete: true,
                    value,
                },
            ),
            None => Parsed::Unreadable(kind, id, file),
        },
        Some((Kind::Supplier, id)) => match parse_yaml(source, file, 0..source.text.len(), &mut problems) {
            Some(value) => Parsed::Supplier(Record {
                id,
                file,
                complete: true,
                value,
            }),
            None => Parsed::Unreadable(Kind::Supplier, id, file),
        },
        Some((kind, id)) => match parse_yaml(source, file, 0..source.text.len(), &mut problems) {
            Some(value) => Parsed::Plan(Record {
                id,
                file,
                complete: true,
                value,
            }),
            None => Parsed::Unreadable(kind, id, file),
        },
    };
    let parsed = if problems.iter().any(Diagnostic::is_error) {
        parsed.incomplete()
    } else {
        parsed
    };
    (parsed, problems)
}

/// The id a content file is known by: its file stem, which must be a valid id.
fn file_id(path: &str) -> Result<Id, Diagnostic> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    Id::parse(stem).map_err(|_| {
        let suggestion = Id::suggest(stem);
        Diagnostic::error(format!("invalid file name `{name}`: the file name is the id"))
            .help(format!("{}; rename it to `{suggestion}.{ext}`", Id::RULE))
    })
}

/// A YAML syntax error; a tab near it is most likely the cause, and is pointed at instead.
fn syntax_error(source: &SourceFile, file: FileId, e: &yaml::SyntaxError) -> Diagnostic {
    let line = source.position(e.offset).line;
    let near = line.saturating_sub(1).max(1)..=(line + 1).min(source.line_count());
    let indentation_tab = |r: std::ops::Range<usize>| {
        let line = &source.text[r.clone()];
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        line[..indent].find('\t').map(|i| r.start + i)
    };
    if let Some(help) = e.limit_help {
        return Diagnostic::error(e.message.clone())
            .at(file, e.offset..e.offset)
            .help(help);
    }
    let tab = near.map(|l| source.line_range(l)).find_map(indentation_tab);
    match tab {
        Some(at) => Diagnostic::error("YAML syntax: a tab in the indentation")
            .at(file, at..at + 1)
            .help("YAML indentation must use spaces: replace the tab with spaces"),
        None => Diagnostic::error(format!("YAML syntax: {}", e.message))
            .at(file, e.offset..e.offset)
            .help(if e.message.starts_with("a second YAML document") {
                "remove the `---` line, or split the content into two files"
            } else {
                "check the indentation and quoting on this line or the one before"
            }),
    }
}

/// Parses the YAML in `range` of the file into `T`, adding every problem to `problems`.
fn parse_yaml<T: serde::de::DeserializeOwned>(
    source: &SourceFile,
    file: FileId,
    range: Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    let node = match yaml::parse(&source.text[range.clone()], range.start) {
        Ok(node) => node,
        Err(e) => {
            problems.push(syntax_error(source, file, &e));
            return None;
        }
    };
    let (value, errors) = recover::read_all::<T>(node);
    problems.extend(errors.into_iter().map(|e| {
        let diagnostic = Diagnostic::error(e.message).help_opt(e.help);
        match e.span {
            Some(span) => diagnostic.at(file, span),
            None => diagnostic.in_file(file),
        }
    }));
    value
}

fn parse_doc(source: &SourceFile, file: FileId, problems: &mut Vec<Diagnostic>) -> Option<Doc> {
    let split = match split_front_matter(&source.text) {
        Ok(split) => split,
        Err(SplitError::Missing) => {
            problems.push(
                Diagnostic::error("missing front matter")
                    .at(file, 0..0)
                    .help("start the file with a line `---`, then `title: ...`, then a closing line `---`"),
            );
            return None;
        }
        Err(SplitError::Unterminated) => {
            problems.push(
                Diagnostic::error("the front matter is not closed")
                    .at(file, 0..3)
                    .help("add a line `---` after the last front matter line"),
            );
            return None;
        }
    };
    let front = parse_yaml::<FrontMatter>(
        source,
        file,
        split.yaml_offset..split.yaml_offset + split.yaml.len(),
        problems,
    )?;
    Some(Doc {
        front,
        outline: crate::markdown::outline(split.body),
        body: Text::verbatim(split.body.to_string(), split.body_offset),
    })
}
