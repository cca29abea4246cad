//! `irbook check`: load and resolve the handbook, report every problem, exit 1 on errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{EXIT_TROUBLE, Output, to_stdout};
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::pipeline::{Goal, Outcome, Pipeline};
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The handbook's folder (the one with handbook.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// `json` prints one JSON array on stdout, for editors and CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: &CheckArgs, out: &Output) -> ExitCode {
    let mut pipeline = Pipeline::new(&args.root);
    let outcome = match pipeline.run(Goal::Check) {
        Ok(outcome) => outcome,
        Err(e) if args.format == Format::Json => {
            let mut diagnostics = Diagnostics::default();
            diagnostics.push(Diagnostic::error(e.message).help(e.help));
            to_stdout(&format!(
                "{}\n",
                diag::render_json(&diagnostics, &Sources::default())
            ));
            return ExitCode::from(EXIT_TROUBLE);
        }
        Err(e) => return out.fail(&e.message, &e.help),
    };
    out.timings(&outcome);
    let code = report(args, out, &outcome);
    drop(outcome);
    pipeline.end_of_process();
    code
}

/// Prints the diagnostics and the summary; the exit code they give.
fn report(args: &CheckArgs, out: &Output, outcome: &Outcome) -> ExitCode {
    let (diagnostics, sources) = (&outcome.diagnostics, outcome.sources);
    match args.format {
        Format::Json => to_stdout(&format!("{}\n", diag::render_json(diagnostics, sources))),
        Format::Text => {
            out.print_diagnostics(diagnostics, sources);
            let strict_failure = args.strict && diagnostics.errors() == 0 && diagnostics.warnings() > 0;
            let note = if strict_failure {
                " (--strict: warnings fail the check)"
            } else {
                ""
            };
            out.info(&format!(
                "{}{note}",
                diag::summary(diagnostics, outcome.handbook_files)
            ));
        }
    }
    let failed = diagnostics.errors() > 0 || (args.strict && diagnostics.warnings() > 0);
    if failed {
        super::failure(diagnostics)
    } else {
        ExitCode::SUCCESS
    }
}
