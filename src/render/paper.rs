//! The printed page: paper size, margins and the running header and footer of each page,
//! as a `<style>` block whose hash the page's Content-Security-Policy allows (and nothing else
//! inline).

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::model::Paper;

/// What the running header and footer say.
pub struct RunningHeader<'a> {
    pub organization: &'a str,
    pub title: &'a str,
    pub revision: Option<&'a str>,
    pub revision_label: &'a str,
    pub page_label: &'a str,
    pub of_label: &'a str,
}

/// The `@page` rules for one page, and the CSP source that allows exactly them.
pub fn page_style(paper: Paper, landscape: bool, header: &RunningHeader) -> (String, String) {
    let size = match (paper, landscape) {
        (Paper::A4, false) => "A4",
        (Paper::A4, true) => "A4 landscape",
        (Paper::Letter, false) => "letter",
        (Paper::Letter, true) => "letter landscape",
    };
    let left = css_string(&format!("{} · {}", header.organization, header.title));
    let right = match header.revision {
        Some(revision) => css_string(&format!("{} {revision}", header.revision_label)),
        None => "\"\"".into(),
    };
    let page = css_string(&format!("{} ", header.page_label));
    let of = css_string(&format!(" {} ", header.of_label));
    let css = format!(
        "@page {{ size: {size}; margin: 16mm 14mm 15mm; \
         @top-left {{ content: {left}; font: 8pt sans-serif; color: #333; }} \
         @top-right {{ content: {right}; font: 8pt sans-serif; color: #333; }} \
         @bottom-right {{ content: {page} counter(page) {of} counter(pages); font: 8pt sans-serif; color: #333; }} }}"
    );
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()));
    (css, format!("'sha256-{hash}'"))
}

/// A CSS string literal that cannot end the string or the `<style>` element early.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_hash_matches() {
        assert_eq!(
            css_string("A \"B\" </style>"),
            "\"A \\22 B\\22  \\3c /style\\3e \""
        );
        let header = RunningHeader {
            organization: "Org",
            title: "Plan",
            revision: Some("7"),
            revision_label: "Revision",
            page_label: "page",
            of_label: "of",
        };
        let (css, hash) = page_style(Paper::Letter, false, &header);
        assert!(css.starts_with("@page { size: letter;"), "{css}");
        assert!(css.contains("content: \"Org · Plan\""), "{css}");
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()));
        assert_eq!(hash, format!("'sha256-{expected}'"));
    }
}
