//! Embeds the example handbooks for `irbook init`: the one at the repository root
//! (`handbook.yaml` and `content/`) and each folder under `examples/` that has a
//! `handbook.yaml` (`examples/da`, ...), the same files of each.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=handbook.yaml");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=examples");
    let mut examples = vec![String::new()];
    if let Ok(entries) = std::fs::read_dir(root.join("examples")) {
        let mut found: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().join("handbook.yaml").is_file())
            .map(|e| format!("examples/{}", e.file_name().to_string_lossy()))
            .collect();
        found.sort();
        examples.extend(found);
    }
    let mut out = String::from("&[\n");
    for example in examples {
        let dir = if example.is_empty() {
            root.clone()
        } else {
            root.join(&example)
        };
        let mut files = vec!["handbook.yaml".to_string()];
        collect(&dir, &dir.join("content"), &mut files);
        files.sort();
        let _ = writeln!(out, "    ({example:?}, &[");
        let prefix = if example.is_empty() {
            String::new()
        } else {
            format!("{example}/")
        };
        for file in files {
            let _ = writeln!(
                out,
                "        ({file:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{prefix}{file}\"))),"
            );
        }
        out.push_str("    ]),\n");
    }
    out.push(']');
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("examples.rs");
    std::fs::write(dest, out).expect("write examples.rs");
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
