//! `irbook init`: writes the embedded example handbook into a new or empty folder, all of it
//! or, failing (a full disk), nothing: what it created is removed again, so that a retry finds
//! the folder as it was.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Output;
use crate::example;
use crate::model::{FileSchema, Language, file_schemas};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the handbook (created if missing; must be empty).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The language the example handbook is written in: `en`, `da` or `de`.
    #[arg(long, default_value = "en", value_parser = language)]
    pub language: Language,
}

/// A language of `--language` by its code.
fn language(code: &str) -> Result<Language, String> {
    Language::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| {
            let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
            format!("irbook writes its example in {}", codes.join(", "))
        })
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
    let files = example::files(args.language);
    if let Err(e) = write_example(dir, files) {
        return out.fail(
            &format!("cannot write the handbook into {}: {e}", dir.display()),
            "nothing was left behind: check free space, the path and its permissions, then run init again",
        );
    }
    out.info(&format!(
        "Created a handbook in {} ({} files, and schemas/ with .vscode/settings.json for editors).",
        dir.display(),
        files.len()
    ));
    out.info(&format!(
        "Next: replace the example's invented people, phone numbers and addresses with your own: `irbook check --root {}` lists each one.",
        dir.display()
    ));
    ExitCode::SUCCESS
}

fn write_example(dir: &Path, example: example::Files) -> std::io::Result<()> {
    let today = super::today().to_string();
    let mut files: Vec<(&str, Vec<u8>)> = example
        .iter()
        .map(|(path, bytes)| match std::str::from_utf8(bytes) {
            Ok(text) => (*path, reviewed_on(text, &today).into_bytes()),
            Err(_) => (*path, bytes.to_vec()),
        })
        .collect();
    files.push((".gitignore", b"/site/\n".to_vec()));
    let schemas = file_schemas();
    let schema_files: Vec<(String, Vec<u8>)> = schemas
        .iter()
        .map(|s| (format!("schemas/{}", s.file_name()), s.to_json().into_bytes()))
        .collect();
    files.extend(
        schema_files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.clone())),
    );
    let settings = vscode_settings(&schemas);
    files.push((".vscode/settings.json", settings.into_bytes()));
    write_all_or_nothing(dir, &files)
}

/// VS Code's workspace settings: the YAML extension checks each YAML file against its schema
/// in `schemas/` (Markdown front matter it does not read, so that schema is left out).
fn vscode_settings(schemas: &[FileSchema]) -> String {
    let mapping: serde_json::Map<String, serde_json::Value> = schemas
        .iter()
        .filter(|s| s.glob.ends_with(".yaml"))
        .map(|s| (format!("./schemas/{}", s.file_name()), s.glob.into()))
        .collect();
    let settings = serde_json::json!({ "yaml.schemas": mapping });
    let mut text = serde_json::to_string_pretty(&settings).expect("plain JSON");
    text.push('\n');
    text
}

/// Writes `files` into `dir`; on any failure removes every file and folder it created.
fn write_all_or_nothing(dir: &Path, files: &[(&str, Vec<u8>)]) -> std::io::Result<()> {
    let mut created = Vec::new();
    let result = files.iter().try_for_each(|(path, bytes)| {
        let target = dir.join(path);
        create_folders(target.parent().unwrap_or(dir), &mut created)?;
        created.push(target.clone());
        std::fs::write(&target, bytes)
    });
    if result.is_err() {
        for path in created.iter().rev() {
            // Best effort: the error that stopped init is the one to report.
            let _ = if path.is_dir() {
                std::fs::remove_dir(path)
            } else {
                std::fs::remove_file(path)
            };
        }
    }
    result
}

/// Creates `dir` and the folders above it that are missing, noting each in `created`.
fn create_folders(dir: &Path, created: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    for folder in missing.into_iter().rev() {
        std::fs::create_dir(folder)?;
        created.push(folder.to_path_buf());
    }
    Ok(())
}

/// The dates a new handbook starts with as of `today`.
const DATED_KEYS: [&str; 2] = ["last_reviewed", "exercised"];

/// The example with every `last_reviewed:` and `exercised:` set to `today`: a new handbook
/// starts reviewed and exercised, so that `check --strict` passes on it whenever it is created.
fn reviewed_on(text: &str, today: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let key = line.trim_start();
        let dated = DATED_KEYS.iter().find_map(|k| {
            key.strip_prefix(k)
                .and_then(|r| r.strip_prefix(": "))
                .map(|rest| (k, rest))
        });
        if let Some((name, rest)) = dated {
            let indent = &line[..line.len() - key.len()];
            let ending = &rest[rest.trim_end().len()..];
            out.push_str(&format!("{indent}{name}: {today}{ending}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let parent = tempfile::tempdir().unwrap();
        let empty = parent.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        let too_long = format!("content/pages/{}.md", "x".repeat(300));
        let files = [
            ("handbook.yaml", b"title: X\n".to_vec()),
            ("content/suppliers/a.yaml", b"name: A\n".to_vec()),
            (too_long.as_str(), b"never\n".to_vec()),
        ];
        for dir in [empty.clone(), parent.path().join("new/handbook")] {
            let error = super::write_all_or_nothing(&dir, &files).unwrap_err();
            assert_eq!(error.kind(), std::io::ErrorKind::InvalidFilename, "{error}");
        }
        let left: Vec<_> = walkdir::WalkDir::new(parent.path())
            .into_iter()
            .map(|e| {
                e.unwrap()
                    .path()
                    .strip_prefix(parent.path())
                    .unwrap()
                    .to_path_buf()
            })
            .collect();
        assert_eq!(left, [std::path::PathBuf::new(), "empty".into()]);
    }

    #[test]
    fn review_dates_are_set_to_today() {
        let text =
            "name: X\nlast_reviewed: 2026-01-01\r\n  - last_reviewed: 2026-02-02\nexercised: 2025-01-01\n";
        assert_eq!(
            super::reviewed_on(text, "2030-05-06"),
            "name: X\nlast_reviewed: 2030-05-06\r\n  - last_reviewed: 2026-02-02\nexercised: 2030-05-06\n"
        );
    }
}
