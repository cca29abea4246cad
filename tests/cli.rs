//! The command line: text and JSON output, exit codes, `-q`, `init`, and the example handbook.

mod common;

use std::path::Path;

use common::{Fixture, beyond_example_data, check_json, irbook};

#[test]
fn text_output_shows_place_source_caret_help_and_summary() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: tehc",
    );
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "70000001");
    let output = irbook().args(["check", "--root"]).arg(f.root()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let expected = "\
error: content/plans/recovery.yaml:8:22: unknown role `tehc`
  |
8 |         responsible: tehc
  |                      ^^^^
  |
  = help: did you mean `tech`?
warning: content/suppliers/host.yaml:6:12: phone `70000001` has no country code
  |
6 |     phone: 70000001
  |            ^^^^^^^^
  |
  = help: write it with a leading + and country code, e.g. \"+45 70 00 00 01\", so it works from any phone
1 error, 1 warning in 5 files
";
    assert_eq!(stderr, expected);
}

#[test]
fn quiet_prints_only_errors() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "70000001");
    let output = irbook()
        .args(["-q", "check", "--root"])
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
}

#[test]
fn json_is_one_array_with_every_field() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: tehc",
    );
    let output = irbook()
        .args(["check", "--format", "json", "--root"])
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!([{
            "severity": "error",
            "path": "content/plans/recovery.yaml",
            "line": 8,
            "column": 22,
            "message": "unknown role `tehc`",
            "help": "did you mean `tech`?"
        }])
    );
}

#[test]
fn exit_2_for_no_handbook_and_for_usage_errors() {
    let empty = tempfile::tempdir().unwrap();
    let output = irbook()
        .args(["check", "--root"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("error: no handbook.yaml in {}", empty.path().display())),
        "{stderr}"
    );
    assert!(stderr.contains("help: run `irbook init DIR`"), "{stderr}");
    irbook().args(["check", "--format", "xml"]).assert().code(2);
    irbook().arg("frobnicate").assert().code(2);
}

fn files_under(root: &Path) -> Vec<(String, Vec<u8>)> {
    common::site::files(root).into_iter().collect()
}

#[test]
fn init_writes_the_example_handbook_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new-handbook");
    irbook().arg("init").arg(&target).assert().code(0);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The same files, but reviewed and exercised today (the tests' today is 2026-11-23).
    let reviewed_today = |bytes: Vec<u8>| -> Vec<u8> {
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<String> = text
            .split_inclusive('\n')
            .map(|l| {
                let key = ["last_reviewed", "exercised"]
                    .into_iter()
                    .find(|k| l.starts_with(&format!("{k}: ")));
                match key {
                    Some(k) => format!("{k}: 2026-11-23\n"),
                    None => l.to_string(),
                }
            })
            .collect();
        lines.concat().into_bytes()
    };
    let mut expected = files_under(&repo.join("content"))
        .into_iter()
        .map(|(p, b)| (format!("content/{p}"), reviewed_today(b)))
        .collect::<Vec<_>>();
    expected.push((
        "handbook.yaml".into(),
        std::fs::read(repo.join("handbook.yaml")).unwrap(),
    ));
    expected.push((".gitignore".into(), b"/site/\n".to_vec()));
    // The editor support: the same schemas as `irbook schema` writes, and VS Code's mapping.
    let schemas = dir.path().join("schemas");
    irbook().args(["schema", "--out"]).arg(&schemas).assert().code(0);
    expected.extend(
        files_under(&schemas)
            .into_iter()
            .map(|(p, b)| (format!("schemas/{p}"), b)),
    );
    let settings = std::fs::read(target.join(".vscode/settings.json")).unwrap();
    assert!(String::from_utf8_lossy(&settings).contains("\"yaml.schemas\""));
    expected.push((".vscode/settings.json".into(), settings));
    expected.sort();
    let written = files_under(&target);
    let paths = |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&written), paths(&expected));
    for ((path, got), (_, want)) in written.iter().zip(&expected) {
        assert!(got == want, "{path} differs from the repository's example");
    }
    assert_eq!(
        expected.len(),
        37,
        "handbook.yaml, .gitignore, 8 suppliers, 4 parties, 3 plans, 7 playbooks, 3 pages, 3 forms, 6 schemas and .vscode/settings.json"
    );
}

/// Its only warnings are the example's values, which tests/example_data.rs is about.
#[test]
fn init_result_has_no_problem_but_its_example_data() {
    let dir = tempfile::tempdir().unwrap();
    irbook().arg("init").arg(dir.path()).assert().code(0);
    assert_eq!(beyond_example_data(check_json(dir.path())), vec![]);
}

#[test]
fn init_writes_the_example_in_danish_and_german_each_passing_check_and_building() {
    for language in ["da", "de"] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("handbook");
        irbook()
            .args(["init", "-q", "--language", language])
            .arg(&root)
            .assert()
            .code(0);
        let main = std::fs::read_to_string(root.join("handbook.yaml")).unwrap();
        assert!(
            main.contains(&format!("language: {language}")),
            "{language}: {main:.200}"
        );
        let diags = check_json(&root);
        assert!(!diags.is_empty(), "{language}: its invented data is flagged");
        assert_eq!(beyond_example_data(diags), vec![], "{language}");
        let site = dir.path().join("site");
        irbook()
            .args(["build", "-q", "--root"])
            .arg(&root)
            .arg("--out")
            .arg(&site)
            .assert()
            .code(0);
        let home = std::fs::read_to_string(site.join("index.html")).unwrap();
        assert!(home.contains(&format!("<html lang=\"{language}\"")), "{language}");
    }
    let refused = irbook()
        .args(["init", "--language", "fr"])
        .arg("x")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8(refused.stderr)
            .unwrap()
            .contains("irbook writes its example in en, da, de"),
        "the languages there are are named"
    );
}

#[test]
fn a_handbook_made_years_from_now_is_reviewed_when_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let in_2029 = "1874966400"; // 2029-06-01
    irbook()
        .env("SOURCE_DATE_EPOCH", in_2029)
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(0);
    let output = irbook()
        .env("SOURCE_DATE_EPOCH", in_2029)
        .args(["check", "--format", "json", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let diags: Vec<common::Diag> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(beyond_example_data(diags), vec![]);
}

#[test]
fn init_refuses_a_non_empty_folder_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let output = irbook().arg("init").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("is not empty"));
    assert_eq!(
        files_under(dir.path()),
        vec![("notes.txt".to_string(), b"mine".to_vec())]
    );
}

/// A disk that fills up half-way: files larger than 8 KB (handbook.yaml) cannot be written.
#[cfg(unix)]
#[test]
fn init_that_fails_half_way_leaves_nothing_and_a_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("handbook");
    let binary = assert_cmd::cargo::cargo_bin("irbook");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" init \"$1\"")
        .arg(&binary)
        .arg(&target)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "error: cannot write the handbook into {}: File too large",
            target.display()
        )),
        "{stderr}"
    );
    assert!(!target.exists(), "init removed what it had written");
    irbook().arg("init").arg(&target).assert().code(0);
    assert_eq!(beyond_example_data(check_json(&target)), vec![]);
}

#[test]
fn the_repository_example_has_no_problem_but_its_example_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(beyond_example_data(check_json(root)), vec![]);
}

#[test]
fn json_reports_a_missing_handbook_too() {
    let empty = tempfile::tempdir().unwrap();
    let output = irbook()
        .args(["check", "--format", "json", "--root"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value[0]["severity"], "error");
    assert_eq!(value[0]["path"], serde_json::Value::Null);
    assert_eq!(
        value[0]["message"],
        format!("no handbook.yaml in {}", empty.path().display())
    );
}
