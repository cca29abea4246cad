//! `irbook build`: check the handbook, render the site in memory, swap it into the output
//! folder. Any error leaves the previous site as it was.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{EXIT_INVALID, Output, today};
use crate::diag;
use crate::render;
use crate::resolve::resolve;
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
    let requested = args.out.clone().unwrap_or_else(|| args.root.join("site"));
    let shown = requested.display().to_string();
    let target = match write::check_target(&args.root, &requested) {
        Ok(resolved) => resolved,
        Err(refusal) => return out.fail(&refusal.message, &refusal.help),
    };
    let super::Prepared {
        loaded,
        theme,
        mut diagnostics,
        handbook_files,
    } = match super::prepare(&args.root) {
        Ok(prepared) => prepared,
        Err(e) => return out.fail(&e.message, &e.help),
    };
    out.detail(&format!(
        "loaded {handbook_files} files in {} ms",
        started.elapsed().as_millis()
    ));
    let today = today();
    let resolved = resolve(&loaded.handbook, &loaded.sources, today);
    diagnostics.extend(resolved.diagnostics);
    out.detail(&format!("checked in {} ms", started.elapsed().as_millis()));
    let rendered = match theme.as_ref().filter(|_| diagnostics.errors() == 0) {
        Some(theme) => {
            let options = render::Options {
                today,
                base_url: args.base_url.clone(),
            };
            render::render(&loaded.handbook, &resolved.index, &loaded.sources, theme, options)
                .map_err(|problems| diagnostics.extend(problems))
                .ok()
        }
        None => None,
    };
    out.detail(&format!("rendered in {} ms", started.elapsed().as_millis()));
    diagnostics.sort(&loaded.sources);
    out.print_diagnostics(&diagnostics, &loaded.sources);
    let Some(files) = rendered else {
        out.info(&format!(
            "{}; nothing written, {} is as it was",
            diag::summary(&diagnostics, handbook_files),
            shown
        ));
        return ExitCode::from(EXIT_INVALID);
    };
    if let Err(e) = write::write_site(&target, &files) {
        return out.fail(
            &format!("cannot write the site to {shown}: {e}"),
            "check free space and permissions; the previous site is unchanged",
        );
    }
    out.detail(&format!("written in {} ms", started.elapsed().as_millis()));
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    out.info(&format!(
        "wrote {pages} pages ({} files) to {} in {} ms; {}",
        files.len(),
        shown,
        started.elapsed().as_millis(),
        plural(diagnostics.warnings(), "warning"),
    ));
    ExitCode::SUCCESS
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
