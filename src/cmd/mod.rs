//! One module per subcommand, and what they share: output settings and the exit codes.

pub mod build;
pub mod check;
pub mod init;

use std::io::IsTerminal;
use std::process::ExitCode;

use std::path::Path;

use crate::diag::{self, Diagnostics};
use crate::load::{self, Loaded, NotAHandbook};
use crate::model::Date;
use crate::render::Theme;
use crate::source::Sources;

/// Exit code: the handbook has errors (or warnings, with `--strict`).
pub const EXIT_INVALID: u8 = 1;
/// Exit code: usage or I/O trouble.
pub const EXIT_TROUBLE: u8 = 2;

/// How much to print, and whether in colour.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub quiet: bool,
    pub verbose: bool,
    pub color: bool,
}

impl Output {
    pub fn new(quiet: bool, verbose: bool) -> Self {
        let color =
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal();
        Output {
            quiet,
            verbose,
            color,
        }
    }

    /// Prints diagnostics as text to stderr; with `quiet`, only errors.
    pub fn print_diagnostics(&self, diagnostics: &Diagnostics, sources: &Sources) {
        for d in diagnostics.iter().filter(|d| d.is_error() || !self.quiet) {
            eprint!("{}", diag::render_text(d, sources, self.color));
        }
    }

    pub fn info(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    pub fn detail(&self, line: &str) {
        if self.verbose {
            eprintln!("{line}");
        }
    }

    /// A problem that stops the command (exit 2).
    pub fn fail(&self, message: &str, help: &str) -> ExitCode {
        let d = diag::Diagnostic::error(message).help(help);
        eprint!("{}", diag::render_text(&d, &Sources::default(), self.color));
        ExitCode::from(EXIT_TROUBLE)
    }
}

/// The date checks count from: `SOURCE_DATE_EPOCH` (reproducible builds, tests) or today.
pub fn today() -> Date {
    let from_epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|ts| ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    Date(from_epoch.unwrap_or_else(|| jiff::ZonedDateTime::now().date()))
}

/// What `check` and `build` start from: the loaded handbook, its compiled theme, and the
/// problems found in loading both.
pub struct Prepared {
    pub loaded: Loaded,
    pub theme: Option<Theme>,
    pub diagnostics: Diagnostics,
    /// Files of the handbook itself (the summary's count; templates are not counted).
    pub handbook_files: usize,
}

/// Loads the handbook at `root` and compiles its theme.
pub fn prepare(root: &Path) -> Result<Prepared, NotAHandbook> {
    let mut loaded = load::load(root)?;
    let handbook_files = loaded.sources.len();
    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    let theme_name = loaded
        .handbook
        .main
        .as_ref()
        .map_or("default", |m| m.theme_name())
        .to_string();
    let theme = Theme::load(root, &theme_name, &mut loaded.sources)
        .map_err(|problems| diagnostics.extend(problems))
        .ok();
    Ok(Prepared {
        loaded,
        theme,
        diagnostics,
        handbook_files,
    })
}
