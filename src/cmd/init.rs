//! `irbook init`: writes the embedded example handbook into a new or empty folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Output;
use crate::example::FILES;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the handbook (created if missing; must be empty).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: &InitArgs, out: &Output) -> ExitCode {
    let dir = &args.dir;
    match std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => {
            return out.fail(
                &format!("{} is not empty", dir.display()),
                "init only writes into a new or empty folder, so that it never overwrites anything: choose another one",
            );
        }
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return out.fail(
                &format!("cannot read {}: {e}", dir.display()),
                "check the path and its permissions",
            );
        }
    }
    if let Err(e) = write_example(dir) {
        return out.fail(
            &format!("cannot write the handbook into {}: {e}", dir.display()),
            "check the path and its permissions",
        );
    }
    out.info(&format!(
        "Created a handbook in {} ({} files).",
        dir.display(),
        FILES.len()
    ));
    out.info(&format!(
        "Next: edit handbook.yaml, then run `irbook check --root {}`.",
        dir.display()
    ));
    ExitCode::SUCCESS
}

fn write_example(dir: &Path) -> std::io::Result<()> {
    for (path, bytes) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)?;
    }
    Ok(())
}
