//! The site's words live in the theme, one file per language (`themes/default/i18n/da.yaml`):
//! a handbook's theme changes a word with one line of its own `i18n/<language>.yaml`, and
//! `check` says which keys of a theme's file are unknown or missing.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Fixture, build, irbook, shorts};

/// The test fixture in Danish, with the theme `mine`.
fn danish_with_theme() -> Fixture {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "title: Test Handbook\n",
        "title: Test Handbook\nlanguage: da\ntheme: mine\n",
    );
    f
}

/// Every file of a built site, by its path below the site folder.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("read site").flatten() {
            let path: PathBuf = entry.path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&path).expect("read file")));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The text of `irbook check` (warnings and errors as people read them).
fn check_text(root: &Path) -> String {
    let output = irbook()
        .args(["check", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    String::from_utf8(output.stderr).unwrap() + &String::from_utf8(output.stdout).unwrap()
}

/// `text` with the hash of every `'sha256-...'` left out.
fn without_hashes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("'sha256-") {
        out.push_str(&rest[..at + 8]);
        rest = &rest[at + 8..];
        rest = &rest[rest.find('\'').unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_theme_that_changes_one_danish_label_changes_only_that_label() {
    let plain = danish_with_theme();
    plain.write("themes/mine/i18n/da.yaml", "# The default theme's words.\n");
    let (code, stderr) = build(plain.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let themed = danish_with_theme();
    themed.write("themes/mine/i18n/da.yaml", "contacts: \"Telefonliste\"\n");
    let (code, stderr) = build(themed.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(shorts(&themed.check()).is_empty(), "{:?}", themed.check());

    let before = files(&plain.path("site"));
    let after = files(&themed.path("site"));
    assert_eq!(
        before.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        after.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let contacts = String::from_utf8(
        after
            .iter()
            .find(|(p, _)| p == "contacts.html")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(
        contacts.contains("<h1>Telefonliste</h1>") || contacts.contains(">Telefonliste<"),
        "{contacts}"
    );
    assert!(!contacts.contains("Nødkontakter"));
    let mut changed = 0;
    for ((path, old), (_, new)) in before.iter().zip(&after) {
        // The service worker hashes every other file.
        if path == "sw.js" {
            continue;
        }
        let (Ok(old), Ok(new)) = (std::str::from_utf8(old), std::str::from_utf8(new)) else {
            assert_eq!(old, new, "{path}");
            continue;
        };
        // The Content-Security-Policy hashes the page's own style, which holds its title.
        let expected = without_hashes(&old.replace("Nødkontakter", "Telefonliste"));
        assert_eq!(
            without_hashes(new),
            expected,
            "{path}: more changed than the label"
        );
        changed += usize::from(old != new);
    }
    assert!(
        changed > 5,
        "the label is on every page's navigation ({changed} files)"
    );
}

#[test]
fn a_missing_key_in_a_theme_language_is_english_with_a_warning() {
    let f = danish_with_theme();
    let english = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/i18n/en.yaml"
    ))
    .unwrap();
    let without_home: String = english
        .lines()
        .filter(|l| !l.starts_with("home:"))
        .map(|l| format!("{l}\n"))
        .collect();
    f.write(
        "themes/mine/i18n/fr.yaml",
        &without_home.replace("\"Search\"", "\"Rechercher\""),
    );
    let text = check_text(f.root());
    assert!(
        text.contains(
            "warning: themes/mine/i18n/fr.yaml: the key `home` is missing: the English text is shown\n"
        ),
        "{text}"
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "warning themes/mine/i18n/fr.yaml:0:0 `fr` is not a `language:` irbook accepts yet (en, da, de): the file is checked but not used",
            "warning themes/mine/i18n/fr.yaml:0:0 the key `home` is missing: the English text is shown",
        ]
    );
    // The Danish site is as before: the French file is not used, and builds.
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn an_unknown_key_is_a_warning_with_a_suggestion() {
    let f = danish_with_theme();
    f.write(
        "themes/mine/i18n/da.yaml",
        "home: \"Start\"\nserach_label: \"Søg\"\n",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        ["warning themes/mine/i18n/da.yaml:2:1 unknown key `serach_label`: the theme has no such word"]
    );
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `search_label`?"));
    let text = check_text(f.root());
    assert!(
        text.contains(
            "warning: themes/mine/i18n/da.yaml:2:1: unknown key `serach_label`: the theme has no such word"
        ),
        "{text}"
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");

    f.write("themes/mine/i18n/da.yaml", "home: \"Start\"\nhome: \"Hjem\"\n");
    assert_eq!(
        shorts(&f.check()),
        ["warning themes/mine/i18n/da.yaml:2:1 the key `home` is given twice: the last text is used"]
    );
}

#[test]
fn broken_yaml_in_a_language_file_is_an_error_at_its_place() {
    let f = danish_with_theme();
    f.write(
        "themes/mine/i18n/da.yaml",
        "home: \"Start\"\ncontacts: Ring: 112\n",
    );
    assert_eq!(
        check_text(f.root()),
        concat!(
            "error: themes/mine/i18n/da.yaml:2:15: YAML syntax: mapping values are not allowed in this context\n",
            "  |\n",
            "2 | contacts: Ring: 112\n",
            "  |               ^\n",
            "  |\n",
            "  = help: a `: ` inside a value starts a new key: put the value in quotes, `contacts: \"Ring: 112\"`\n",
            "1 error, 0 warnings in 5 files\n",
        )
    );
    let (code, _) = build(f.root(), &[]);
    assert_ne!(code, 0);

    f.write("themes/mine/i18n/da.yaml", "home:\n  - Start\n");
    assert_eq!(
        shorts(&f.check()),
        ["error themes/mine/i18n/da.yaml:2:3 the value of `home` must be a text"]
    );
}

/// The keys of a built-in language file, read line by line (`key: "text"`).
fn keys(language: &str) -> BTreeSet<String> {
    let all = key_lines(language);
    let keys: BTreeSet<String> = all.iter().cloned().collect();
    assert_eq!(keys.len(), all.len(), "{language}.yaml has a key twice");
    keys
}

/// The keys of a built-in language file in file order.
fn key_lines(language: &str) -> Vec<String> {
    let path = format!(
        "{}/themes/default/i18n/{language}.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.split_once(": ")
                .unwrap_or_else(|| panic!("{path}: {l}"))
                .0
                .to_string()
        })
        .collect()
}

#[test]
fn the_three_built_in_files_have_exactly_the_same_keys() {
    let english = keys("en");
    assert!(english.len() > 100);
    for language in ["da", "de"] {
        let other = keys(language);
        assert_eq!(
            english.difference(&other).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing from {language}.yaml"
        );
        assert_eq!(
            other.difference(&english).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "only in {language}.yaml"
        );
    }
}
