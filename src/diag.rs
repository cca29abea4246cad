//! The one diagnostic type: an error or warning with its place in a source file, as text or JSON.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::source::{FileId, Sources, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a file, and, where known, the bytes of the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: FileId,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Option<Location>,
    pub message: String,
    pub help: Option<String>,
    /// The file could not be read as a file (unreadable, a link leaving the handbook, not a
    /// regular file, too large): trouble with the files rather than with what they say, which
    /// FORMAT.md gives exit code 2.
    pub io_trouble: bool,
    /// A value still copied from the example handbook (`resolve/example_data.rs`): a fresh
    /// `init` has dozens, so each is shown as one line, its help naming what replaces it.
    pub example_data: bool,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location: None,
            message: message.into(),
            help: None,
            io_trouble: false,
            example_data: false,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, file: FileId, span: Span) -> Self {
        self.location = Some(Location {
            file,
            span: Some(span),
        });
        self
    }

    pub fn in_file(mut self, file: FileId) -> Self {
        self.location = Some(Location { file, span: None });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Marks the problem as I/O trouble (see [`Diagnostic::io_trouble`]).
    pub fn io(mut self) -> Self {
        self.io_trouble = true;
        self
    }

    /// A warning that `value` (the message names it: "phone number") is still the example's;
    /// `help` names what replaces it ("the phone number of ...").
    pub fn example_data(value: &str, help: impl Into<String>) -> Self {
        Diagnostic {
            example_data: true,
            ..Diagnostic::warning(format!("still the example's {value}: replace it")).help(help)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The diagnostics of one run, ready to be sorted and printed.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    /// How many values are still the example's (warnings too).
    pub fn example_data(&self) -> usize {
        self.items.iter().filter(|d| d.example_data).count()
    }

    /// Whether an error is I/O trouble: a file that could not be read (exit code 2, not 1).
    pub fn io_trouble(&self) -> bool {
        self.items.iter().any(|d| d.is_error() && d.io_trouble)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file path, line and column (problems without a place first; the order of
    /// discovery within one place) and drops repeats.
    pub fn sort(&mut self, sources: &Sources) {
        self.items.sort_by_cached_key(|d| sort_key(d, sources));
        self.items.dedup();
    }
}

fn sort_key(d: &Diagnostic, sources: &Sources) -> (String, usize, usize) {
    match &d.location {
        None => (String::new(), 0, 0),
        Some(loc) => {
            let file = sources.get(loc.file);
            let pos = loc.span.as_ref().map(|s| file.position(s.start));
            let (line, column) = pos.map_or((0, 0), |p| (p.line, p.column));
            (file.path.clone(), line, column)
        }
    }
}

/// `path:line:col` (or `path`) of a diagnostic, as printed in its first line.
pub fn place(location: &Location, sources: &Sources) -> String {
    let file = sources.get(location.file);
    match &location.span {
        Some(span) => {
            let pos = file.position(span.start);
            format!("{}:{}:{}", file.path, pos.line, pos.column)
        }
        None => file.path.clone(),
    }
}

/// Renders one diagnostic as text: `error: path:line:col: message`, the source line with a
/// caret under the offending value, and a `help:` line. A value still the example's is one
/// line: `warning: path:line:col: still the example's phone number: replace it with <help>`.
pub fn render_text(d: &Diagnostic, sources: &Sources, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut title = match &d.location {
        Some(loc) => format!("{}: {}", place(loc, sources), d.message),
        None => d.message.clone(),
    };
    if d.example_data
        && let Some(help) = &d.help
    {
        let _ = write!(title, " with {help}");
    }
    let mut group = Group::with_title(level.primary_title(title));
    if d.example_data {
        // One line each: the place says where, the title what goes there.
    } else if let Some(Location {
        file,
        span: Some(span),
    }) = &d.location
    {
        let file = sources.get(*file);
        let line = file.position(span.start).line;
        let line_range = file.line_range(line);
        let start = span.start.clamp(line_range.start, line_range.end);
        let end = span.end.clamp(start, line_range.end).max(start);
        let text = &file.text[line_range.clone()];
        let local = (start - line_range.start)..(end - line_range.start);
        group = group.element(
            Snippet::source(text)
                .line_start(line)
                .annotation(AnnotationKind::Primary.span(local)),
        );
    }
    if let Some(help) = d.help.as_ref().filter(|_| !d.example_data) {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    path: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

/// All diagnostics as one JSON array, for editors and CI.
pub fn render_json(diagnostics: &Diagnostics, sources: &Sources) -> String {
    let items: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| {
            let file = d.location.as_ref().map(|loc| sources.get(loc.file));
            let pos = d
                .location
                .as_ref()
                .and_then(|loc| loc.span.as_ref().map(|s| sources.get(loc.file).position(s.start)));
            JsonDiagnostic {
                severity: d.severity,
                path: file.map(|f| f.path.as_str()),
                line: pos.map(|p| p.line),
                column: pos.map(|p| p.column),
                message: &d.message,
                help: d.help.as_deref(),
            }
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("diagnostics serialize to JSON")
}

/// The line after the diagnostics when some values are still the example's: "48 values are
/// still the example's: ...".
pub fn example_data_note(diagnostics: &Diagnostics) -> Option<String> {
    match diagnostics.example_data() {
        0 => None,
        n => Some(format!(
            "{n} value{} still the example's (invented people, numbers, addresses): replace {} with your own",
            if n == 1 { " is" } else { "s are" },
            if n == 1 { "it" } else { "each" },
        )),
    }
}

/// "3 errors, 2 warnings in 41 files".
pub fn summary(diagnostics: &Diagnostics, files: usize) -> String {
    let mut out = String::new();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = write!(
        out,
        "{}, {} in {}",
        plural(diagnostics.errors(), "error"),
        plural(diagnostics.warnings(), "warning"),
        plural(files, "file")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_trouble_counts_only_errors_marked_so() {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(Diagnostic::error("bad value"));
        diagnostics.push(Diagnostic::warning("odd file").io());
        assert!(!diagnostics.io_trouble());
        diagnostics.push(Diagnostic::error("cannot be read").io());
        assert!(diagnostics.io_trouble());
    }
}
