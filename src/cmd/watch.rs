//! `irbook watch`: rebuild the site on every change and swap it into the output folder, one
//! line per rebuild. The folder is locked for the whole session, and a web server that serves
//! it while it is rebuilt never finds a page missing.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::build::{Destination, written};
use super::{Output, plural};
use crate::diag;
use crate::pipeline::{Goal, Pipeline};
use crate::watcher::{Changes, Watch};

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The handbook's folder (the one with handbook.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/site].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Look at the files regularly instead of waiting for the system's change events (network
    /// drives, WSL, containers).
    #[arg(long)]
    pub poll: bool,
}

pub fn run(args: &WatchArgs, out: &Output) -> ExitCode {
    let destination = match Destination::open(&args.root, args.out.as_deref(), "irbook watch") {
        Ok(destination) => destination,
        Err(trouble) => return out.fail(&trouble.message, &trouble.help),
    };
    let mut pipeline = Pipeline::new(&args.root);
    let mut watch = match start_watching(&args.root, args.poll, out) {
        Ok(watch) => watch,
        Err(code) => return code,
    };
    rebuild(&mut pipeline, &destination, out, None);
    out.info(&format!("watching {} (Ctrl-C to stop)", args.root.display()));
    while let Some(changes) = watch.wait() {
        rebuild(&mut pipeline, &destination, out, Some(&changes));
    }
    ExitCode::SUCCESS
}

/// What `serve` and `watch` start with: a handbook at `root`, watched, and Ctrl-C to stop.
pub fn start_watching(root: &std::path::Path, poll: bool, out: &Output) -> Result<Watch, ExitCode> {
    if let Err(e) = crate::load::handbook_file(root) {
        return Err(out.fail(&e.message, &e.help));
    }
    let watch = Watch::start(root, poll)
        .map_err(|message| out.fail(&message, "check that the folder exists and can be read"))?;
    super::stop_on_ctrl_c(*out);
    Ok(watch)
}

fn rebuild(pipeline: &mut Pipeline, destination: &Destination, out: &Output, changes: Option<&Changes>) {
    let started = Instant::now();
    let cause = changes.map(describe).unwrap_or_default();
    let changed: Vec<String> = changes
        .map(|c| c.paths.iter().cloned().collect())
        .unwrap_or_default();
    let outcome = match pipeline.run_after(Goal::Site, &changed) {
        Ok(outcome) => outcome,
        Err(e) => {
            out.info(&format!("{} {}: {}{cause}", super::clock(), e.message, e.help));
            return;
        }
    };
    out.timings(&outcome);
    out.print_diagnostics(&outcome.diagnostics, outcome.sources);
    let Some(files) = &outcome.site else {
        out.info(&format!(
            "{} {}; nothing written, {} is as it was{cause}",
            super::clock(),
            diag::summary(&outcome.diagnostics, outcome.handbook_files),
            destination.shown
        ));
        return;
    };
    let guard = super::WRITING.lock();
    let result = destination.write(files);
    drop(guard);
    match result {
        Ok(()) => out.info(&format!(
            "{} wrote {} to {} in {} ms; {}{cause}",
            super::clock(),
            written(
                files.iter().filter(|f| f.path.ends_with(".html")).count(),
                files.len()
            ),
            destination.shown,
            started.elapsed().as_millis(),
            plural(outcome.diagnostics.warnings(), "warning"),
        )),
        Err(trouble) => out.info(&format!(
            "{} {}: {}",
            super::clock(),
            trouble.message,
            trouble.help
        )),
    }
}

/// " (after content/playbooks/x.md)" or " (after 3 changes)", for the rebuild's line.
pub fn describe(changes: &Changes) -> String {
    for problem in &changes.problems {
        super::to_stderr(&format!("watch: {problem}\n"));
    }
    match changes.paths.len() {
        0 => String::new(),
        1 => format!(" (after {})", changes.paths.iter().next().expect("one path")),
        n => format!(" (after {n} changes)"),
    }
}
