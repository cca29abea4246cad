//! Every page of a Danish and of a German site, the theme's words and dates included, is in
//! that language: no English word of the theme, no English month, no ISO date in the text.

mod common;

use std::collections::BTreeMap;

use common::Fixture;
use common::v2::{built, v2};

/// A language file of the built-in theme as key -> text (flat `key: "text"` lines).
fn words(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/themes/default/i18n/{lang}.yaml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(": ")?;
            Some((key.to_string(), value.trim().trim_matches('"').to_string()))
        })
        .collect()
}

/// The text a reader sees: no scripts, styles, comments or tags.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let document = scraper::Html::parse_document(html);
    for node in document.tree.nodes() {
        if let scraper::Node::Text(t) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "title"))
            });
            if !hidden {
                text.push_str(t);
                text.push(' ');
            }
        }
    }
    text
}

fn check(lang: &str, f: &Fixture) -> Vec<String> {
    f.edit(
        "handbook.yaml",
        "organization: Testfirma ApS\n",
        &format!("organization: Testfirma ApS\nlanguage: {lang}\n"),
    );
    // The fixture's own form is written in English; the author's words are not the theme's.
    f.edit(
        "content/forms/lessons.yaml",
        "label: Detected at",
        "label: Detected",
    );
    let site = built(f);
    let english = words("en");
    let own = words(lang);
    // English texts of the theme that the language writes differently, of two words or more
    // (one word may well be the same in the author's own English text).
    let theme_english: Vec<&String> = english
        .iter()
        .filter(|(k, v)| own.get(*k) != Some(*v) && v.split_whitespace().count() >= 2 && !v.contains('{'))
        .map(|(_, v)| v)
        .collect();
    // English month names that the language writes otherwise (German "November" is German).
    let months: Vec<&str> = [
        ("January", "Januar"),
        ("February", "Februar"),
        ("March", "März"),
        ("May", "Mai"),
        ("June", "Juni"),
        ("July", "Juli"),
        ("October", "Oktober"),
        ("December", "Dezember"),
        ("April", "April"),
        ("August", "August"),
        ("September", "September"),
        ("November", "November"),
    ]
    .into_iter()
    .filter(|(english, german)| lang != "de" || english != german)
    .map(|(english, _)| english)
    .collect();
    let iso = regex_lite_iso;
    let mut problems = Vec::new();
    for (path, bytes) in common::site::files(&site) {
        if !path.ends_with(".html") {
            continue;
        }
        let text = visible(&String::from_utf8(bytes).unwrap());
        for english in &theme_english {
            if text.contains(english.as_str()) {
                problems.push(format!("{path}: English `{english}`"));
            }
        }
        for month in &months {
            if text.split(|c: char| !c.is_alphabetic()).any(|w| w == *month) {
                problems.push(format!("{path}: English month `{month}`"));
            }
        }
        if let Some(date) = iso(&text) {
            problems.push(format!("{path}: ISO date `{date}`"));
        }
    }
    problems
}

/// The first `YYYY-MM-DD` in a text.
fn regex_lite_iso(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = &bytes[i..i + 10];
        let digits = |r: std::ops::Range<usize>| s[r].iter().all(u8::is_ascii_digit);
        (digits(0..4) && s[4] == b'-' && digits(5..7) && s[7] == b'-' && digits(8..10))
            .then(|| &text[i..i + 10])
    })
}

#[test]
fn every_danish_page_is_danish() {
    let f = v2();
    assert_eq!(check("da", &f), Vec::<String>::new());
}

#[test]
fn every_german_page_is_german() {
    let f = v2();
    assert_eq!(check("de", &f), Vec::<String>::new());
}
