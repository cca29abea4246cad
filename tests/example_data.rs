//! Example data is flagged until it is replaced: `check` on a fresh `init` lists every invented
//! person, phone number, address and contract reference, one line each, and `--strict` fails
//! until each is replaced.

mod common;

use std::path::Path;

use common::{Diag, Fixture, check_json, irbook, is_example_data, shorts};

/// A fresh `irbook init` in a temporary folder.
fn fresh_init() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    irbook().arg("init").arg(dir.path()).assert().code(0);
    dir
}

/// `irbook check` as text: exit code and stderr lines.
fn check_text(root: &Path, extra: &[&str]) -> (i32, Vec<String>) {
    let output = irbook()
        .arg("check")
        .args(extra)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (
        output.status.code().unwrap(),
        stderr.lines().map(str::to_string).collect(),
    )
}

/// A `key: value` line of a file: its line number, the value's column and the value.
#[derive(Debug, Clone)]
struct Value {
    line: usize,
    column: usize,
    text: String,
}

/// Every `key: value` line of `text` with that key (at any indentation, in a list or not).
fn values(text: &str, key: &str) -> Vec<Value> {
    let prefix = format!("{key}: ");
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let start = line.trim_start().trim_start_matches("- ");
            let value = start.strip_prefix(&prefix)?;
            let before = line.len() - value.len();
            Some(Value {
                line: i + 1,
                column: line[..before].chars().count() + 1,
                text: value.trim_matches('"').to_string(),
            })
        })
        .collect()
}

/// The first role's name and its first person's name and phone in handbook.yaml.
fn first_person(main: &str) -> (String, Value, Value) {
    let people = main.find("\n    people:\n").expect("a role with people");
    let role = main[..people]
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("    name: "))
        .expect("the role's name")
        .to_string();
    let name = values(main, "name")
        .into_iter()
        .find(|v| {
            main.lines()
                .nth(v.line - 1)
                .unwrap()
                .starts_with("      - name: ")
        })
        .expect("a person");
    let phone = values(main, "phone")
        .into_iter()
        .find(|v| v.line > name.line)
        .expect("the person's phone");
    (role, name, phone)
}

/// A phone number or e-mail address in the example's ranges, by a plain reading of its text.
fn looks_invented(value: &str) -> bool {
    ["+45 0", "+49 0", "+44 20 7946 0"]
        .iter()
        .any(|p| value.starts_with(p))
        || value.ends_with(".example")
}

#[test]
fn a_fresh_init_lists_every_invented_value_on_one_line_and_passes_check() {
    let dir = fresh_init();
    let (code, lines) = check_text(dir.path(), &[]);
    assert_eq!(code, 0, "{lines:#?}");
    let (warnings, tail) = lines.split_at(lines.len() - 2);
    let n = warnings.len();
    assert!(n > 20, "{lines:#?}");
    for line in warnings {
        assert!(
            line.starts_with("warning: ") && line.contains(": still the example's "),
            "one line per value: {line}"
        );
    }
    assert_eq!(
        tail[0],
        format!(
            "{n} values are still the example's (invented people, numbers, addresses): replace each with your own"
        )
    );
    assert!(
        tail[1].starts_with(&format!("0 errors, {n} warnings in ")),
        "{}",
        tail[1]
    );

    let main = std::fs::read_to_string(dir.path().join("handbook.yaml")).unwrap();
    let (role, name, phone) = first_person(&main);
    let person = format!(
        "warning: handbook.yaml:{}:{}: still the example's person: replace it with the name of your {role}",
        name.line, name.column
    );
    let number = format!(
        "warning: handbook.yaml:{}:{}: still the example's phone number: replace it with the phone number of {}, {role}",
        phone.line, phone.column, name.text
    );
    assert!(warnings.contains(&person), "{person}\nnot in {warnings:#?}");
    assert!(warnings.contains(&number), "{number}\nnot in {warnings:#?}");
}

/// Each invented phone number and e-mail address of every YAML file, read here by its text,
/// has exactly one warning at its value; every supplier's contract reference has one too.
#[test]
fn a_fresh_init_flags_each_invented_value_once_at_its_place() {
    let dir = fresh_init();
    let diags = check_json(dir.path());
    assert!(diags.iter().all(is_example_data), "{diags:#?}");
    let mut files = vec!["handbook.yaml".to_string()];
    for folder in ["suppliers", "parties"] {
        for entry in std::fs::read_dir(dir.path().join("content").join(folder)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            files.push(format!("content/{folder}/{name}"));
        }
    }
    let at = |path: &str, v: &Value, what: &str| {
        let found: Vec<&Diag> = diags
            .iter()
            .filter(|d| d.path.as_deref() == Some(path) && d.line == Some(v.line))
            .collect();
        assert_eq!(found.len(), 1, "{path}:{} {}: {found:#?}", v.line, v.text);
        assert_eq!(found[0].column, Some(v.column), "{path}:{}", v.line);
        assert_eq!(
            found[0].message,
            format!("still the example's {what}: replace it")
        );
    };
    let mut seen = 0;
    for path in &files {
        let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
        for (key, what) in [("phone", "phone number"), ("email", "e-mail address")] {
            for v in values(&text, key).iter().filter(|v| looks_invented(&v.text)) {
                at(path, v, what);
                seen += 1;
            }
        }
        if path.starts_with("content/suppliers/") {
            for v in values(&text, "reference") {
                at(path, &v, "contract reference");
                seen += 1;
            }
        }
    }
    assert!(
        seen > 40,
        "the example has its invented values in these files: {seen}"
    );
}

#[test]
fn check_strict_fails_on_the_example_s_values() {
    let dir = fresh_init();
    let (code, lines) = check_text(dir.path(), &["--strict"]);
    assert_eq!(code, 1);
    let last = lines.last().unwrap();
    assert!(
        last.starts_with("0 errors, ") && last.ends_with(" (--strict: warnings fail the check)"),
        "{last}"
    );
}

#[test]
fn replacing_a_phone_number_removes_its_warning_and_no_other() {
    let dir = fresh_init();
    let before = check_json(dir.path());
    let path = dir.path().join("handbook.yaml");
    let main = std::fs::read_to_string(&path).unwrap();
    let (_, _, phone) = first_person(&main);
    let edited = main.replacen(&format!("\"{}\"", phone.text), "\"+45 33 12 34 56\"", 1);
    assert_ne!(edited, main);
    std::fs::write(&path, edited).unwrap();
    let after = check_json(dir.path());
    let gone: Vec<&Diag> = before.iter().filter(|d| !after.contains(d)).collect();
    assert_eq!(
        shorts(&gone.into_iter().cloned().collect::<Vec<_>>()),
        [format!(
            "warning handbook.yaml:{}:{} still the example's phone number: replace it",
            phone.line, phone.column
        )]
    );
    assert_eq!(after.len(), before.len() - 1);
}

#[test]
fn replacing_a_person_s_name_removes_its_warning_and_names_them_in_the_others() {
    let dir = fresh_init();
    let before = check_json(dir.path());
    let path = dir.path().join("handbook.yaml");
    let main = std::fs::read_to_string(&path).unwrap();
    let (role, name, phone) = first_person(&main);
    let edited = main.replacen(&format!("- name: {}", name.text), "- name: Birthe Vang", 1);
    std::fs::write(&path, edited).unwrap();
    let after = check_json(dir.path());
    assert_eq!(after.len(), before.len() - 1);
    let at = |diags: &[Diag], line: usize| {
        let found = diags
            .iter()
            .find(|d| d.path.as_deref() == Some("handbook.yaml") && d.line == Some(line));
        found.map(|d| (d.message.clone(), d.help.clone().unwrap_or_default()))
    };
    assert_eq!(
        at(&before, name.line),
        Some((
            "still the example's person: replace it".to_string(),
            format!("the name of your {role}")
        ))
    );
    assert_eq!(at(&after, name.line), None);
    assert_eq!(
        at(&after, phone.line),
        Some((
            "still the example's phone number: replace it".to_string(),
            format!("the phone number of Birthe Vang, {role}")
        ))
    );
}

#[test]
fn real_numbers_and_domains_are_not_flagged_and_the_example_ranges_are() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "\"+45 11 11 11 11\"", "\"+45 33 12 34 56\"");
    f.edit("handbook.yaml", "bo@testfirma.test", "bo@testfirma.dk");
    f.edit(
        "handbook.yaml",
        "    deadline: 72h\n",
        "    deadline: 72h\n    contact:\n      url: https://www.datatilsynet.dk/\n",
    );
    f.edit("content/suppliers/host.yaml", "lh@host.test", "lh@host.de");
    assert_eq!(check_json(f.root()), vec![]);

    f.edit(
        "content/suppliers/host.yaml",
        "\"+45 70 00 00 01\"",
        "\"+49 01 70 00 00 01\"",
    );
    f.edit("content/suppliers/host.yaml", "lh@host.de", "lh@host.example.com");
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "Status page: <https://status.host.example/>.\n\n## First hour",
    );
    let (code, lines) = check_text(f.root(), &[]);
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [
            "warning: content/playbooks/ransomware.md:13:15: still the example's web address: replace it with a web address of your own, or none in this text",
            "warning: content/suppliers/host.yaml:6:12: still the example's phone number: replace it with the phone number of Host NOC at Host A/S",
            "warning: content/suppliers/host.yaml:9:12: still the example's e-mail address: replace it with the e-mail address of Lars Hald at Host A/S",
            "3 values are still the example's (invented people, numbers, addresses): replace each with your own",
            "0 errors, 3 warnings in 5 files",
        ]
    );
}
