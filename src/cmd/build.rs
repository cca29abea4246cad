//! `irbook build`: check the handbook, render the site in memory, swap it into the output
//! folder. Any error leaves the previous site as it was.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{Output, plural};
use crate::diag;
use crate::pipeline::Pipeline;
use crate::render::OutputFile;
use crate::write;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The handbook's folder (the one with handbook.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/site].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Public address of the site, used only for canonical links (overrides `base_url`).
    #[arg(long)]
    pub base_url: Option<String>,
}

pub fn run(args: &BuildArgs, out: &Output) -> ExitCode {
    let started = Instant::now();
    if let Some(base) = args
        .base_url
        .as_ref()
        .filter(|b| !crate::resolve::is_absolute_url(b))
    {
        return out.fail(
            &format!("--base-url must be an absolute web address, not `{base}`"),
            "write it with its scheme and host, e.g. `--base-url https://intranet.example/ir/`",
        );
    }
    let destination = match Destination::open(&args.root, args.out.as_deref(), "irbook build") {
        Ok(destination) => destination,
        Err(trouble) => return out.fail(&trouble.message, &trouble.help),
    };
    let staging = match destination.stage() {
        Ok(staging) => staging,
        Err(trouble) => return out.fail(&trouble.message, &trouble.help),
    };
    let mut pipeline = Pipeline::new(&args.root);
    pipeline.base_url = args.base_url.clone();
    let outcome = match pipeline.write(&staging) {
        Ok(outcome) => outcome,
        Err(e) => return out.fail(&e.message, &e.help),
    };
    out.timings(&outcome);
    out.print_diagnostics(&outcome.diagnostics, outcome.sources);
    if let Some(trouble) = staging.trouble() {
        return out.fail(&trouble.message, &trouble.help);
    }
    if !outcome.written {
        out.info(&format!(
            "{}; nothing written, {} is as it was",
            diag::summary(&outcome.diagnostics, outcome.handbook_files),
            destination.shown
        ));
        return super::failure(&outcome.diagnostics);
    }
    let files = staging.files();
    if let Err(trouble) = staging.finish() {
        return out.fail(&trouble.message, &trouble.help);
    }
    out.detail(&format!("written in {} ms", started.elapsed().as_millis()));
    out.info(&format!(
        "wrote {} to {} in {} ms; {}",
        written(outcome.rendered, files),
        destination.shown,
        started.elapsed().as_millis(),
        plural(outcome.diagnostics.warnings(), "warning"),
    ));
    drop(outcome);
    pipeline.end_of_process();
    ExitCode::SUCCESS
}

/// "12 pages (20 files)".
pub fn written(pages: usize, files: usize) -> String {
    format!("{pages} pages ({files} files)")
}

/// The output folder, checked and locked for this process: `build` and `watch` write through it.
pub struct Destination {
    path: PathBuf,
    /// As the user named it.
    pub shown: String,
    _lock: write::OutputLock,
}

impl Destination {
    /// `out` defaults to `<root>/site`; `command` names this process to a second writer.
    pub fn open(root: &Path, out: Option<&Path>, command: &str) -> Result<Self, write::Trouble> {
        let requested = out.map_or_else(|| root.join("site"), Path::to_path_buf);
        let shown = requested.display().to_string();
        let path = write::check_target(root, &requested)?;
        let lock = write::lock(&path, &shown, command)?;
        // Checked again under the lock: another writer may have changed it meanwhile.
        write::recover_interrupted(&path)?;
        let path = write::check_target(root, &requested)?;
        Ok(Destination {
            path,
            shown,
            _lock: lock,
        })
    }

    pub fn write(&self, files: &[OutputFile]) -> Result<(), write::Trouble> {
        write::write_site(&self.path, &self.shown, files)
    }

    /// A new site to be written file by file and put in place at the end.
    pub fn stage(&self) -> Result<write::Staging, write::Trouble> {
        write::Staging::begin(&self.path, &self.shown)
    }
}
