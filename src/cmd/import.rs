//! `irbook import SRC`: brings a folder of Markdown into the handbook as playbooks (or pages),
//! file by file, never overwriting: a file that exists is reported and left as it is, the
//! others are written (each created new, so that nothing is replaced even in a race). Then the
//! handbook is checked as `irbook check` does. Exit code 1 when a file existed or the check
//! found errors, 2 on I/O trouble.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{EXIT_INVALID, EXIT_TROUBLE, Output, plural};
use crate::diag;
use crate::fsguard::STATIC_LIMIT;
use crate::import::plan::Target;
use crate::import::source::Source;
use crate::import::{Content, Planned, Prepared, prepare};
use crate::pipeline::{Goal, Pipeline};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The folder to import: an mdBook book, a MkDocs project, a Jekyll or Hugo site, or any
    /// folder of Markdown files.
    pub src: PathBuf,
    /// The handbook's folder (the one with handbook.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// What the Markdown files become.
    #[arg(long = "as", value_enum, default_value_t = As::Playbooks)]
    pub as_: As,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum As {
    Playbooks,
    Pages,
}

pub fn run(args: &ImportArgs, out: &Output) -> ExitCode {
    if let Err(e) = crate::load::handbook_file(&args.root) {
        return out.fail(&e.message, &e.help);
    }
    let source = match Source::open(&args.src) {
        Ok(source) => source,
        Err(message) => return out.fail(&message, "give the folder that holds the Markdown files"),
    };
    let target = match args.as_ {
        As::Playbooks => Target::Playbooks,
        As::Pages => Target::Pages,
    };
    let docs = match source.docs.as_str() {
        "" => String::new(),
        docs => format!(", Markdown in {}", source.show(docs)),
    };
    out.info(&format!(
        "importing {} ({}{docs}) into {}{}",
        args.src.display(),
        source.shape.name(),
        args.root.display(),
        if args.dry_run {
            ": dry run, nothing is written"
        } else {
            ""
        }
    ));
    for note in &source.notes {
        out.info(note);
    }
    let prepared = prepare(source, target);
    for problem in &prepared.source.problems {
        out.info(&format!("not imported: {problem}"));
    }
    let (written, clashes, failures) = write(&prepared, &args.root, args.dry_run, out);
    let verb = if args.dry_run { "would write" } else { "wrote" };
    let mut summary = format!("{verb} {}", plural(written, "file"));
    if clashes > 0 {
        summary.push_str(&format!(
            "; {} existed already and {} not written",
            plural(clashes, "file"),
            if clashes == 1 { "was" } else { "were" }
        ));
    }
    if failures > 0 {
        summary.push_str(&format!("; {} could not be written", plural(failures, "file")));
    }
    out.info(&summary);
    if failures > 0 {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mut failed = clashes > 0;
    if !args.dry_run {
        match check(&args.root, out) {
            Some(errors) => failed |= errors,
            None => return ExitCode::from(EXIT_TROUBLE),
        }
    }
    if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes every planned file that does not exist yet (none with `dry_run`) and reports each:
/// how many were (or would be) written, how many existed, how many failed.
fn write(prepared: &Prepared, root: &Path, dry_run: bool, out: &Output) -> (usize, usize, usize) {
    let (mut written, mut clashes, mut failures) = (0, 0, 0);
    for file in &prepared.files {
        let path = root.join(&file.target);
        if std::fs::symlink_metadata(&path).is_ok() {
            clashes += 1;
            out.info(&format!("exists: {} ({})", file.target, not_written(file)));
            continue;
        }
        if let Some(twin) = same_id(&file.target).filter(|t| std::fs::symlink_metadata(root.join(t)).is_ok())
        {
            clashes += 1;
            out.info(&format!(
                "exists: {twin} has the id of {} ({})",
                file.target,
                not_written(file)
            ));
            continue;
        }
        let result = if dry_run {
            Ok(())
        } else {
            write_one(prepared, file, &path)
        };
        match result {
            Ok(()) => {
                written += 1;
                out.info(&line(file));
                for note in &file.notes {
                    out.info(&format!("    {}: {note}", file.from));
                }
            }
            Err(e) => {
                failures += 1;
                let d = diag::Diagnostic::error(format!("{} not written: {e}", file.target));
                super::to_stderr(&diag::render_text(&d, &Default::default(), out.color));
            }
        }
    }
    (written, clashes, failures)
}

/// `not written`, and where the imported links to a file not written now lead: to the
/// existing one, which has its place (and id).
fn not_written(file: &Planned) -> String {
    if file.linked == 0 {
        return "not written".to_string();
    }
    let existing = match file.what {
        "static" => "file",
        what => what,
    };
    format!(
        "not written; {} to {} now lead{} to the existing {existing}",
        plural(file.linked, "imported link"),
        file.from,
        if file.linked == 1 { "s" } else { "" }
    )
}

/// The other file a document's id could come from: `x.md` for `x/_index.md`, and back.
fn same_id(target: &str) -> Option<String> {
    if !target.ends_with(".md") || target.starts_with("content/static/") {
        return None;
    }
    match target.strip_suffix("/_index.md") {
        Some(folder) => Some(format!("{folder}.md")),
        None => Some(format!("{}/_index.md", target.strip_suffix(".md")?)),
    }
}

/// `playbook content/playbooks/x.md  <- docs/x.md  (title from heading; dropped: layout)`
fn line(file: &Planned) -> String {
    let details = if file.details.is_empty() {
        String::new()
    } else {
        format!("  ({})", file.details.join("; "))
    };
    format!("{:<8} {}  <- {}{details}", file.what, file.target, file.from)
}

/// Creates `path` new (never replacing a file) with the planned content; a file left half
/// written by a failure is removed again.
fn write_one(prepared: &Prepared, file: &Planned, path: &Path) -> std::io::Result<()> {
    let bytes = match &file.content {
        Content::Text(text) => text.clone().into_bytes(),
        Content::Copy(rel) => prepared
            .source
            .read(rel, STATIC_LIMIT)
            .map_err(std::io::Error::other)?,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut handle = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    handle.write_all(&bytes).inspect_err(|_| {
        // Best effort: the write error is the one to report.
        let _ = std::fs::remove_file(path);
    })
}

/// Checks the handbook as `irbook check` does and prints the result; whether it has errors,
/// or `None` when it could not be read at all.
fn check(root: &Path, out: &Output) -> Option<bool> {
    let mut pipeline = Pipeline::new(root);
    match pipeline.run(Goal::Check) {
        Ok(outcome) => {
            out.print_diagnostics(&outcome.diagnostics, outcome.sources);
            out.info(&format!(
                "check: {}",
                diag::summary(&outcome.diagnostics, outcome.handbook_files)
            ));
            Some(outcome.diagnostics.errors() > 0)
        }
        Err(e) => {
            out.fail(&e.message, &e.help);
            None
        }
    }
}
