//! `irbook check`: load and resolve the handbook, report every problem, exit 1 on errors.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};

use super::{EXIT_INVALID, Output, today};
use crate::diag::{self, Diagnostics};
use crate::resolve::resolve;

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
    let started = Instant::now();
    let prepared = match super::prepare(&args.root) {
        Ok(prepared) => prepared,
        Err(e) if args.format == Format::Json => {
            let mut diagnostics = Diagnostics::default();
            diagnostics.push(crate::diag::Diagnostic::error(e.message).help(e.help));
            println!(
                "{}",
                diag::render_json(&diagnostics, &crate::source::Sources::default())
            );
            return ExitCode::from(super::EXIT_TROUBLE);
        }
        Err(e) => return out.fail(&e.message, &e.help),
    };
    let super::Prepared {
        loaded,
        mut diagnostics,
        handbook_files,
        ..
    } = prepared;
    out.detail(&format!(
        "loaded {handbook_files} files in {} ms",
        started.elapsed().as_millis()
    ));
    diagnostics.extend(resolve(&loaded.handbook, &loaded.sources, today()).diagnostics);
    diagnostics.sort(&loaded.sources);
    out.detail(&format!("checked in {} ms", started.elapsed().as_millis()));

    match args.format {
        Format::Json => println!("{}", diag::render_json(&diagnostics, &loaded.sources)),
        Format::Text => {
            out.print_diagnostics(&diagnostics, &loaded.sources);
            let strict_failure = args.strict && diagnostics.errors() == 0 && diagnostics.warnings() > 0;
            let note = if strict_failure {
                " (--strict: warnings fail the check)"
            } else {
                ""
            };
            out.info(&format!("{}{note}", diag::summary(&diagnostics, handbook_files)));
        }
    }
    let failed = diagnostics.errors() > 0 || (args.strict && diagnostics.warnings() > 0);
    if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}
