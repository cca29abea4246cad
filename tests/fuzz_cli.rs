//! The command line on generated hostile handbooks: broken and hostile YAML and Markdown,
//! links out of the handbook, pipes, loops. `check` and `build` must finish within seconds and
//! a memory limit, exit 0, 1 or 2, print JSON diagnostics that name a place, and never print
//! or publish the secret beside the handbook. `IRBOOK_FUZZ_SCALE` multiplies the cases
//! (`.ci/run` sets it so that CI fuzzes for about a minute).

#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use proptest::prelude::*;

const SECRET: &str = "SECRET-7f3a";

/// Pieces of text that have broken irbook before, or could.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("name: X\n".to_string()),
        Just("title: T\n".to_string()),
        Just("  - id: a\n".to_string()),
        Just("a: &a [x, x, x, x]\nb: [*a, *a, *a, *a]\n".to_string()),
        Just("<<: *a\n".to_string()),
        Just("\0".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("---\n".to_string()),
        Just("[[[[[[[[[[[[[[[[[[[[".to_string()),
        Just("## H {onclick=alert(1)}\n".to_string()),
        Just("[x](SUPPLIER:host) [y](javascript:alert(1)) [z](../../../etc/passwd)\n".to_string()),
        Just("email: a@b.example?cc=c@d.example\n".to_string()),
        Just("phone: \"+ ask\"\n".to_string()),
        Just(
            "{% for i in range(end=99999) %}{% for j in range(end=99999) %}{% endfor %}{% endfor %}"
                .to_string()
        ),
        proptest::string::string_regex("[a-z:#{}\\[\\]|>*&!-]{0,12}\n?").expect("valid regex"),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..8).prop_map(|parts| parts.concat())
}

/// One entry of the handbook folder.
#[derive(Debug, Clone)]
enum Entry {
    /// A file with text, at a content path.
    File(&'static str, String),
    /// A link to the secret beside the handbook.
    ToSecret(&'static str),
    /// A link to a file of its own name (a loop) or to nothing.
    Loop(&'static str),
    Dangling(&'static str),
    /// A named pipe.
    Pipe(&'static str),
}

const PLACES: [&str; 8] = [
    "content/suppliers/s.yaml",
    "content/plans/p.yaml",
    "content/playbooks/b.md",
    "content/pages/g.md",
    "content/static/f.pdf",
    "content/static/dir/x.txt",
    "themes/default/templates/supplier.html",
    "content/stray.txt",
];

fn entry() -> impl Strategy<Value = Entry> {
    let place = proptest::sample::select(PLACES.to_vec());
    prop_oneof![
        4 => (place.clone(), text()).prop_map(|(p, t)| Entry::File(p, t)),
        1 => place.clone().prop_map(Entry::ToSecret),
        1 => place.clone().prop_map(Entry::Loop),
        1 => place.clone().prop_map(Entry::Dangling),
        1 => place.prop_map(Entry::Pipe),
    ]
}

/// The fixture's handbook.yaml with generated text put in at one of its lines.
fn handbook() -> impl Strategy<Value = String> {
    let lines = common::HANDBOOK.lines().count();
    (0..=lines, text()).prop_map(|(at, inserted)| {
        let mut lines: Vec<&str> = common::HANDBOOK.lines().collect();
        lines.insert(at, &inserted);
        lines.join("\n")
    })
}

fn make(root: &Path, secret: &Path, handbook: &str, entries: &[Entry]) {
    std::fs::write(root.join("handbook.yaml"), handbook).unwrap();
    for entry in entries {
        let (place, path) = match entry {
            Entry::File(p, _) | Entry::ToSecret(p) | Entry::Loop(p) | Entry::Dangling(p) | Entry::Pipe(p) => {
                (*p, root.join(p))
            }
        };
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match entry {
            Entry::File(_, text) => std::fs::write(&path, text).unwrap(),
            Entry::ToSecret(_) => symlink(secret, &path).unwrap(),
            Entry::Loop(_) => symlink(place.rsplit('/').next().unwrap(), &path).unwrap(),
            Entry::Dangling(_) => symlink("nowhere", &path).unwrap(),
            Entry::Pipe(_) => {
                let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
                // SAFETY: mkfifo reads a NUL-terminated path and touches no Rust memory.
                assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
            }
        }
    }
}

/// irbook with at most 2 GB of address space and 20 seconds.
fn run(args: &[&str]) -> Output {
    let binary = assert_cmd::cargo::cargo_bin("irbook");
    let mut command = assert_cmd::Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$@\"")
        .arg("sh")
        .arg(binary)
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .timeout(Duration::from_secs(20));
    command.output().unwrap()
}

fn check_case(handbook: &str, entries: &[Entry]) -> Result<(), TestCaseError> {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, format!("title: {SECRET}\n")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    make(dir.path(), &secret, handbook, entries);
    let root = dir.path().to_str().unwrap();

    let checked = run(&["check", "--format", "json", "--root", root]);
    let code = checked.status.code();
    prop_assert!(matches!(code, Some(0..=2)), "check: {:?}", checked);
    let stdout = String::from_utf8_lossy(&checked.stdout);
    let diags: Vec<common::Diag> = serde_json::from_str(&stdout)
        .map_err(|e| TestCaseError::fail(format!("not JSON ({e}): {stdout}")))?;
    if code == Some(1) {
        prop_assert!(
            diags.iter().any(|d| d.severity == "error"),
            "exit 1 without an error"
        );
        prop_assert!(
            diags.iter().all(|d| d.path.is_some()),
            "a diagnostic without a file: {:?}",
            diags
        );
    }

    let site = outside.path().join("site");
    let built = run(&["build", "--root", root, "--out", site.to_str().unwrap()]);
    prop_assert!(matches!(built.status.code(), Some(0..=2)), "build: {:?}", built);
    let printed = format!("{stdout}{}", String::from_utf8_lossy(&built.stderr));
    prop_assert!(!printed.contains(SECRET), "the secret was printed: {}", printed);
    prop_assert!(!printed.contains("panicked"), "{}", printed);
    for (path, bytes) in common::site::files(&site) {
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(!text.contains(SECRET), "the secret was published in {}", path);
        let generated = [".html", ".js", ".json", ".vcf", ".ics"]
            .iter()
            .any(|e| path.ends_with(e));
        // content/static/ files are copied as they are: a PDF holds NULs.
        prop_assert!(!generated || !text.contains('\0'), "a NUL in {}", path);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 20 * std::env::var("IRBOOK_FUZZ_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn hostile_handbooks_get_diagnostics_never_a_crash_a_hang_or_a_leak(
        handbook in handbook(),
        entries in proptest::collection::vec(entry(), 0..6),
    ) {
        check_case(&handbook, &entries)?;
    }
}
