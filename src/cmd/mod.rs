//! One module per subcommand, and what they share: output settings and the exit codes.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod schema;
pub mod serve;
pub mod watch;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::diag::{self, Diagnostics};
use crate::pipeline::Outcome;
pub use crate::pipeline::today;
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
        let text: String = diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.quiet)
            .map(|d| diag::render_text(d, sources, self.color))
            .collect();
        to_stderr(&text);
        if let Some(note) = diag::example_data_note(diagnostics) {
            self.info(&note);
        }
    }

    pub fn info(&self, line: &str) {
        if !self.quiet {
            to_stderr(&format!("{line}\n"));
        }
    }

    pub fn detail(&self, line: &str) {
        if self.verbose {
            to_stderr(&format!("{line}\n"));
        }
    }

    /// With `-v`: how long each step of a pipeline run took.
    pub fn timings(&self, outcome: &Outcome) {
        for (step, at) in &outcome.timings {
            let files = if *step == "loaded" {
                format!(" {} files", outcome.handbook_files)
            } else {
                String::new()
            };
            self.detail(&format!("{step}{files} in {} ms", at.as_millis()));
        }
    }

    /// A problem that stops the command (exit 2).
    pub fn fail(&self, message: &str, help: &str) -> ExitCode {
        let d = diag::Diagnostic::error(message).help(help);
        to_stderr(&diag::render_text(&d, &Sources::default(), self.color));
        ExitCode::from(EXIT_TROUBLE)
    }
}

/// Writes to stderr; a closed pipe (`irbook check 2>&1 | head`) ends the program quietly.
pub fn to_stderr(text: &str) {
    finish_quietly_on_closed_pipe(std::io::stderr().lock().write_all(text.as_bytes()));
}

/// Writes to stdout, with the same rule for a closed pipe.
pub fn to_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    finish_quietly_on_closed_pipe(stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()));
}

fn finish_quietly_on_closed_pipe(result: std::io::Result<()>) {
    if let Err(e) = result
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// The exit code of a run that failed: 2 when a file could not be read at all (I/O
/// trouble), else 1 (the handbook has errors).
fn failure(diagnostics: &Diagnostics) -> ExitCode {
    ExitCode::from(if diagnostics.io_trouble() {
        EXIT_TROUBLE
    } else {
        EXIT_INVALID
    })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Held while `watch` swaps a site in, so that Ctrl-C never stops it half-way.
pub static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Ctrl-C ends `serve` and `watch` at once, but only between two writes of the output folder.
pub fn stop_on_ctrl_c(out: Output) {
    let installed = ctrlc::set_handler(move || {
        let _guard = WRITING.lock();
        out.info("stopped");
        std::process::exit(0);
    });
    if let Err(e) = installed {
        out.info(&format!("note: Ctrl-C may stop a write half-way ({e})"));
    }
}

/// The time of day, for the one line each rebuild prints.
pub fn clock() -> String {
    jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string()
}
