//! One file -> its typed record and the problems in it. Each kind of content file is parsed
//! into its own type; which type is decided by the kind's folder (see [`Kind`]).

use std::ops::Range;

use super::recover::Read;
use super::{Words, document, recover, yaml};
use crate::diag::Diagnostic;
use crate::model::{Doc, Form, Handbook, HandbookFile, Id, Kind, Party, Plan, Record, Supplier};
use crate::source::{FileId, SourceFile, Sources};

/// What a file gave.
#[allow(clippy::large_enum_variant)] // one per file, moved once into the handbook
pub(super) enum Parsed {
    Main(Option<Record<HandbookFile>>),
    Content(Content),
    /// Nothing usable, but the id exists: references to it are not "unknown".
    Unreadable(Kind, Id, FileId),
    Nothing,
}

/// A content file's record, by kind.
#[allow(clippy::large_enum_variant)] // one per file, moved once into the handbook
pub(super) enum Content {
    Supplier(Record<Supplier>),
    Party(Record<Party>),
    Plan(Record<Plan>),
    Playbook(Record<Doc>),
    Page(Record<Doc>),
    Form(Record<Form>),
}

/// Room in the handbook's lists for the records of these kinds, one per file: a record is
/// half a kilobyte or more, and moving every one each time its list grew was half the time of
/// putting 10,000 files' records together.
pub(super) fn reserve(handbook: &mut Handbook, kinds: &[Kind]) {
    for kind in Kind::ALL {
        let count = kinds.iter().filter(|k| **k == kind).count();
        match kind {
            Kind::Supplier => handbook.suppliers.reserve(count),
            Kind::Party => handbook.parties.reserve(count),
            Kind::Plan => handbook.plans.reserve(count),
            Kind::Playbook => handbook.playbooks.reserve(count),
            Kind::Page => handbook.pages.reserve(count),
            Kind::Form => handbook.forms.reserve(count),
            Kind::Severity
            | Kind::Role
            | Kind::Obligation
            | Kind::Message
            | Kind::Stakeholder
            | Kind::System => {}
        }
    }
}

impl Content {
    pub(super) fn add_to(self, handbook: &mut Handbook) {
        match self {
            Content::Supplier(r) => handbook.suppliers.push(r),
            Content::Party(r) => handbook.parties.push(r),
            Content::Plan(r) => handbook.plans.push(r),
            Content::Playbook(r) => handbook.playbooks.push(r),
            Content::Page(r) => handbook.pages.push(r),
            Content::Form(r) => handbook.forms.push(r),
        }
    }

    /// Puts the record in place of the one read from the same file before. `None`: there was
    /// none. `Some(true)`: only a document's body changed.
    pub(super) fn replace_in(self, handbook: &mut Handbook) -> Option<(String, bool)> {
        fn swap<T>(
            list: &mut [Record<T>],
            new: Record<T>,
            same: impl Fn(&Record<T>, &Record<T>) -> bool,
        ) -> Option<(String, bool)> {
            let slot = list.iter_mut().find(|r| r.file == new.file)?;
            let body_only = same(slot, &new);
            *slot = new;
            Some((slot.id.as_str().to_string(), body_only))
        }
        fn never<T>(_: &Record<T>, _: &Record<T>) -> bool {
            false
        }
        match self {
            Content::Supplier(r) => swap(&mut handbook.suppliers, r, never),
            Content::Party(r) => swap(&mut handbook.parties, r, never),
            Content::Plan(r) => swap(&mut handbook.plans, r, never),
            Content::Playbook(r) => swap(&mut handbook.playbooks, r, super::reload::same_shape),
            Content::Page(r) => swap(&mut handbook.pages, r, super::reload::same_shape),
            Content::Form(r) => swap(&mut handbook.forms, r, never),
        }
    }

    fn incomplete(&mut self) {
        match self {
            Content::Supplier(r) => r.complete = false,
            Content::Party(r) => r.complete = false,
            Content::Plan(r) => r.complete = false,
            Content::Playbook(r) | Content::Page(r) => r.complete = false,
            Content::Form(r) => r.complete = false,
        }
    }
}

impl Parsed {
    /// Marks the record as read around errors: it is checked for references, not warned about.
    fn incomplete(mut self) -> Self {
        match &mut self {
            Parsed::Main(Some(r)) => r.complete = false,
            Parsed::Content(c) => c.incomplete(),
            Parsed::Main(None) | Parsed::Unreadable(..) | Parsed::Nothing => {}
        }
        self
    }
}

/// The keys a new file of each kind needs at least: the hint for an empty file.
fn required_keys(kind: Option<Kind>) -> &'static str {
    match kind {
        None => "`title`, `organization`, `severities` and `roles`",
        Some(Kind::Supplier) => "`name`, `tier`, `services` and `contacts`",
        Some(Kind::Party) => "`name`, `kind` and `contacts`",
        Some(Kind::Plan) => "`title` and `phases`",
        Some(Kind::Form) => "`title` and `sections`",
        Some(Kind::Playbook | Kind::Page) => "front matter with a `title`",
        Some(
            Kind::Severity | Kind::Role | Kind::Obligation | Kind::Message | Kind::Stakeholder | Kind::System,
        ) => "the entries of handbook.yaml",
    }
}

fn record<T>(id: Id, file: FileId, read: Read<T>) -> Record<T> {
    Record {
        id,
        file,
        complete: true,
        markdown: read.markdown,
        reach: read.reach,
        cut_ids: read.cut_ids.into_iter().map(|c| (c.list, c.id)).collect(),
        value: read.value,
    }
}

/// Parses a file: `kind` is `None` for `handbook.yaml`.
pub(super) fn parse_file(
    sources: &Sources,
    file: FileId,
    kind: Option<Kind>,
    words: Words,
) -> (Parsed, Vec<Diagnostic>) {
    let source = sources.get(file);
    let mut problems = Vec::new();
    let id = match kind {
        None => None,
        Some(kind) => match file_id(&source.path, kind) {
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
    let whole = 0..source.text.len();
    let parsed = match id {
        None => Parsed::Main(
            parse_yaml::<HandbookFile>(source, file, whole, &mut problems)
                .map(|read| record(Id::parse("handbook").expect("valid id"), file, read)),
        ),
        Some((kind, id)) => {
            let unreadable = Parsed::Unreadable(kind, id.clone(), file);
            let content = match kind {
                Kind::Supplier => parse_yaml(source, file, whole, &mut problems)
                    .map(|read| Content::Supplier(record(id, file, read))),
                Kind::Party => parse_yaml(source, file, whole, &mut problems)
                    .map(|read| Content::Party(record(id, file, read))),
                Kind::Plan => parse_yaml(source, file, whole, &mut problems)
                    .map(|read| Content::Plan(record(id, file, read))),
                Kind::Form => parse_yaml(source, file, whole, &mut problems)
                    .map(|read| Content::Form(record(id, file, read))),
                Kind::Playbook => document::parse(source, file, &mut problems, words)
                    .map(|read| Content::Playbook(record(id, file, read))),
                Kind::Page => document::parse(source, file, &mut problems, words)
                    .map(|read| Content::Page(record(id, file, read))),
                // Defined inside handbook.yaml: no file is read as one of these.
                Kind::Severity
                | Kind::Role
                | Kind::Obligation
                | Kind::Message
                | Kind::Stakeholder
                | Kind::System => None,
            };
            content.map_or(unreadable, Parsed::Content)
        }
    };
    let parsed = if problems.iter().any(Diagnostic::is_error) {
        parsed.incomplete()
    } else {
        parsed
    };
    (parsed, problems)
}

/// The name of the file that describes a sub-folder of documents.
pub const FOLDER_FILE: &str = "_index";

/// The id a content file is known by: its file stem, which must be a valid id; for a kind
/// with sub-folders, its path under the kind's folder (`ransomware/encryption`), where a
/// folder's `_index.md` has the folder's id.
pub(super) fn file_id(path: &str, kind: Kind) -> Result<Id, Diagnostic> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let folders = match kind.folder() {
        Some((folder, _)) if kind.spec().nested => {
            let under = path
                .strip_prefix("content/")
                .and_then(|p| p.strip_prefix(folder))
                .and_then(|p| p.strip_prefix('/'))
                .unwrap_or(name);
            let parts: Vec<&str> = under.split('/').collect();
            parts[..parts.len() - 1].to_vec()
        }
        Some(_) | None => Vec::new(),
    };
    if let Some(bad) = folders.iter().find(|f| Id::parse(f).is_err()) {
        let suggestion = Id::suggest(bad);
        return Err(Diagnostic::error(format!(
            "invalid folder name `{bad}`: the folder name is part of the id"
        ))
        .help(format!("{}; rename the folder to `{suggestion}`", Id::RULE)));
    }
    if stem == FOLDER_FILE && !folders.is_empty() {
        return Ok(Id::parse_path(&folders.join("/")).expect("checked parts"));
    }
    Id::parse(stem)
        .map(|id| match folders.is_empty() {
            true => id,
            false => Id::parse_path(&format!("{}/{id}", folders.join("/"))).expect("checked parts"),
        })
        .map_err(|_| {
            let suggestion = Id::suggest(stem);
            let help = if stem == FOLDER_FILE {
                format!("`{FOLDER_FILE}.{ext}` describes a sub-folder: move it into one, or rename it")
            } else {
                format!("{}; rename it to `{suggestion}.{ext}`", Id::RULE)
            };
            Diagnostic::error(format!("invalid file name `{name}`: the file name is the id")).help(help)
        })
}

/// A YAML syntax error; a tab near it is most likely the cause, and is pointed at instead.
pub(super) fn syntax_error(source: &SourceFile, file: FileId, e: &yaml::SyntaxError) -> Diagnostic {
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
    if let Some(help) = colon_in_value_help(&source.text[source.line_range(line)], &e.message) {
        return Diagnostic::error(format!("YAML syntax: {}", e.message))
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

/// `title: Playbook: Ransomware`: the second `: ` starts a mapping inside the value; the fix
/// is to quote the value.
fn colon_in_value_help(line: &str, message: &str) -> Option<String> {
    if !message.starts_with("mapping values are not allowed") {
        return None;
    }
    let entry = line.trim().trim_start_matches("- ");
    let (key, value) = entry.split_once(": ")?;
    let plain_key = !key.is_empty() && !key.contains([' ', '"', '\'', '#']);
    let value = value.split(" #").next().unwrap_or(value).trim();
    (plain_key && value.contains(": ") && !value.starts_with(['"', '\'', '{', '['])).then(|| {
        format!(
            "a `: ` inside a value starts a new key: put the value in quotes, `{key}: \"{}\"`",
            value.replace('\\', "\\\\").replace('"', "\\\"")
        )
    })
}

/// Parses the YAML in `range` of the file into `T` and its Markdown texts, adding every
/// problem to `problems`.
pub(super) fn parse_yaml<T: serde::de::DeserializeOwned>(
    source: &SourceFile,
    file: FileId,
    range: Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Read<T>> {
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
