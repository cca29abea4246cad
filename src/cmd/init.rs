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
    let today = super::today().to_string();
    for (path, bytes) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => std::fs::write(target, reviewed_on(text, &today))?,
            Err(_) => std::fs::write(target, bytes)?,
        }
    }
    std::fs::write(dir.join(".gitignore"), "/site/\n")
}

/// The example with every `last_reviewed:` set to `today`: a new handbook starts reviewed,
/// so that `check --strict` passes on it whenever it is created.
fn reviewed_on(text: &str, today: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let key = line.trim_start();
        if let Some(rest) = key.strip_prefix("last_reviewed: ") {
            let indent = &line[..line.len() - key.len()];
            let ending = &rest[rest.trim_end().len()..];
            out.push_str(&format!("{indent}last_reviewed: {today}{ending}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn review_dates_are_set_to_today() {
        let text = "name: X\nlast_reviewed: 2026-01-01\r\n  - last_reviewed: 2026-02-02\n";
        assert_eq!(
            super::reviewed_on(text, "2030-05-06"),
            "name: X\nlast_reviewed: 2030-05-06\r\n  - last_reviewed: 2026-02-02\n"
        );
    }
}
