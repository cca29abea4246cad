//! Embeds the example handbooks for `irbook init`: English at the repository root
//! (`handbook.yaml` and `content/`), the other languages under `examples/<language>/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=handbook.yaml");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=examples");
    let mut out = String::from("&[\n");
    for (language, dir) in [
        ("En", String::new()),
        ("Da", "examples/da/".into()),
        ("De", "examples/de/".into()),
    ] {
        let base = root.join(&dir);
        assert!(
            base.join("handbook.yaml").is_file(),
            "every language irbook speaks has an example handbook: {dir}handbook.yaml is missing"
        );
        let mut files = vec!["handbook.yaml".to_string()];
        collect(&base, &base.join("content"), &mut files);
        files.sort();
        let _ = writeln!(out, "    (crate::model::Language::{language}, &[");
        for file in files {
            let _ = writeln!(
                out,
                "        ({file:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{dir}{file}\"))),"
            );
        }
        out.push_str("    ]),\n");
    }
    out.push(']');
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("example_files.rs");
    std::fs::write(dest, out).expect("write example_files.rs");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("under root");
            files.push(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
}
