//! `irbook schema`: writes a JSON Schema for each YAML file kind, for editors (completion, the
//! docs of each key, a misspelt key underlined as it is typed).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Output;
use crate::model::file_schemas;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The handbook's folder: the schemas go into its `schemas/` unless `--out` says otherwise.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the schemas (default: <root>/schemas). Only the `*.schema.json` files
    /// of irbook's own names are overwritten.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs, out: &Output) -> ExitCode {
    let dir = args.out.clone().unwrap_or_else(|| args.root.join("schemas"));
    match write_schemas(&dir) {
        Ok(written) => {
            for path in written {
                out.info(&format!("wrote {}", path.display()));
            }
            ExitCode::SUCCESS
        }
        Err(e) => out.fail(
            &format!("cannot write the schemas into {}: {e}", dir.display()),
            "check the path and its permissions",
        ),
    }
}

/// Writes every schema into `dir` (created if missing); returns the paths written.
pub fn write_schemas(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    file_schemas()
        .iter()
        .map(|schema| {
            let path = dir.join(schema.file_name());
            std::fs::write(&path, schema.to_json())?;
            Ok(path)
        })
        .collect()
}
