//! `irbook serve`: build the handbook into memory, serve it on a local port, rebuild on every
//! change and reload the browsers whose page changed; a failed rebuild shows its problems in
//! the browser over the last good version. Nothing is written to disk.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use clap::Args;

use super::watch::{describe, start_watching};
use super::{Output, clock, plural};
use crate::diag;
use crate::pipeline::{Goal, Outcome, Pipeline};
use crate::serve::{Problem, Problems, Server};
use crate::watcher::Changes;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The handbook's folder (the one with handbook.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The address to listen on. Anything but loopback lets other machines read the handbook.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// The port; 0 or a port in use takes any free port.
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Open the handbook in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Look at the files regularly instead of waiting for the system's change events (network
    /// drives, WSL, containers).
    #[arg(long)]
    pub poll: bool,
}

pub fn run(args: &ServeArgs, out: &Output) -> ExitCode {
    let mut watch = match start_watching(&args.root, args.poll, out) {
        Ok(watch) => watch,
        Err(code) => return code,
    };
    let pipeline = Arc::new(Mutex::new(Pipeline::new(&args.root)));
    let behind = Arc::clone(&pipeline);
    // print.html, search and handbook.json are brought up to date when a browser asks for
    // one of them, so that an edit is served as soon as its own page is rendered.
    let catch_up = move || lock(&behind).complete();
    let server = match Server::start(args.bind, args.port, Box::new(catch_up)) {
        Ok(server) => server,
        Err(message) => {
            return out.fail(
                &message,
                "choose another address with `--bind` or port with `--port`",
            );
        }
    };
    if !args.bind.is_loopback() {
        out.info(&format!(
            "warning: serving on {}: anyone who can reach this machine can read the handbook, with the names and phone numbers in it",
            args.bind
        ));
    }
    rebuild(&mut lock(&pipeline), &server, out, None);
    let url = format!("http://{}/", server.address);
    out.info(&format!(
        "serving {} at {url} (Ctrl-C to stop)",
        args.root.display()
    ));
    if args.open {
        open_browser(&url, out);
    }
    while let Some(changes) = watch.wait() {
        rebuild(&mut lock(&pipeline), &server, out, Some(&changes));
    }
    ExitCode::SUCCESS
}

fn lock(pipeline: &Mutex<Pipeline>) -> std::sync::MutexGuard<'_, Pipeline> {
    pipeline.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn rebuild(pipeline: &mut Pipeline, server: &Server, out: &Output, changes: Option<&Changes>) {
    let started = Instant::now();
    let cause = changes.map(describe).unwrap_or_default();
    let changed: Vec<String> = changes
        .map(|c| c.paths.iter().cloned().collect())
        .unwrap_or_default();
    let outcome = match pipeline.run_after(Goal::Preview, &changed) {
        Ok(outcome) => outcome,
        Err(e) => {
            let heading = format!("{}: showing the last good version", e.message);
            out.info(&format!("{} {}{cause}", clock(), e.message));
            server.fail(&Problems {
                heading,
                items: Vec::new(),
            });
            return;
        }
    };
    out.timings(&outcome);
    out.print_diagnostics(&outcome.diagnostics, outcome.sources);
    let summary = diag::summary(&outcome.diagnostics, outcome.handbook_files);
    match outcome.site {
        Some(files) => {
            let rendered = plural(outcome.rendered, "page");
            let warnings = plural(outcome.diagnostics.warnings(), "warning");
            let changed = server.publish(files, pipeline.is_behind());
            out.info(&format!(
                "{} rendered {rendered} in {} ms, {} changed; {warnings}{cause}",
                clock(),
                started.elapsed().as_millis(),
                plural(changed.len(), "file"),
            ));
        }
        None => {
            server.fail(&problems(&outcome, &summary));
            out.info(&format!(
                "{} {summary}; still serving the last good version{cause}",
                clock()
            ));
        }
    }
}

/// The overlay's contents: every diagnostic, as `check` prints it.
fn problems(outcome: &Outcome, summary: &str) -> Problems {
    let items = outcome
        .diagnostics
        .iter()
        .map(|d| Problem {
            severity: if d.is_error() { "error" } else { "warning" }.into(),
            place: d
                .location
                .as_ref()
                .map(|l| diag::place(l, outcome.sources))
                .unwrap_or_default(),
            message: d.message.clone(),
            help: d.help.clone(),
            text: diag::render_text(d, outcome.sources, false),
        })
        .collect();
    Problems {
        heading: format!("{summary}: showing the last good version of this page"),
        items,
    }
}

fn open_browser(url: &str, out: &Output) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        out.info(&format!("cannot open a browser ({e}): open {url} yourself"));
    }
}
