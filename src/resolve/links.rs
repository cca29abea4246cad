//! Links inside Markdown: typed links (`supplier:skyhost#contract`), relative links to other
//! `.md` files and same-page anchors, each checked against the index.

use super::Checker;
use crate::diag::Diagnostic;
use crate::markdown::LiteralKind;
use crate::model::{Handbook, Kind, MarkdownText, SitePage, Text, WHOLE_SITE_FILES, is_site_file};
use crate::source::FileId;
use crate::suggest::did_you_mean;

/// The kinds a typed link may name, by their scheme: every kind.
const LINK_KINDS: [Kind; 12] = Kind::ALL;

/// "supplier:, plan:, ... or form:", for hints.
fn link_schemes() -> String {
    let names: Vec<String> = LINK_KINDS.iter().map(|k| format!("{}:", k.name())).collect();
    let (last, rest) = names.split_last().expect("kinds exist");
    format!("{} or {last}", rest.join(", "))
}

/// What a link destination points at.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget<'d> {
    /// `kind:id#anchor`.
    Object {
        kind: Kind,
        id: &'d str,
        anchor: Option<&'d str>,
    },
    /// A relative path to another Markdown file of the handbook.
    Markdown { path: &'d str, anchor: Option<&'d str> },
    /// `#anchor` on the same page.
    SamePage(&'d str),
    /// `/files/a.pdf`: a file of `content/static/` (or a page of the site), from the site root.
    SiteFile(&'d str),
    /// A relative path to anything but a Markdown file: nothing puts it into the built site.
    RelativeFile(&'d str),
    /// `suplier:x`, `SUPPLIER:x`: looks like a typed link with a misspelt kind.
    MisspeltKind { scheme: &'d str, meant: &'static str },
    /// `foo:bar`, `javascript:...`: a scheme that is neither a kind nor a web, mail or phone
    /// link; nothing could check where it leads.
    UnknownScheme(&'d str),
    /// A web address, `mailto:` or `tel:`: not checked here.
    Other,
}

/// The schemes a link may have besides the kinds of typed links.
const WEB_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

pub fn classify(dest: &str) -> LinkTarget<'_> {
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    if let Some((scheme, id)) = split_scheme(path) {
        if let Some(kind) = LINK_KINDS.iter().find(|k| k.name() == scheme) {
            return LinkTarget::Object {
                kind: *kind,
                id,
                anchor,
            };
        }
        if WEB_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
            return LinkTarget::Other;
        }
        let lower = scheme.to_ascii_lowercase();
        let meant = LINK_KINDS
            .iter()
            .map(|k| k.name())
            .find(|name| *name == lower)
            // One slip of the keyboard away from a kind; `foo:` is an unknown scheme, not `form:`.
            .or_else(|| {
                did_you_mean(&lower, LINK_KINDS.iter().map(|k| k.name()))
                    .filter(|kind| strsim::damerau_levenshtein(&lower, kind) <= 1)
            });
        return match meant {
            Some(meant) if !id.starts_with("//") => LinkTarget::MisspeltKind { scheme, meant },
            _ => LinkTarget::UnknownScheme(scheme),
        };
    }
    let path = path.split('?').next().unwrap_or(path);
    match anchor {
        // `#` alone is the top of the page (a common placeholder), which always exists.
        Some("") if path.is_empty() => LinkTarget::Other,
        Some(anchor) if path.is_empty() => LinkTarget::SamePage(anchor),
        _ if path.is_empty() || path.starts_with("//") => LinkTarget::Other,
        _ if path.starts_with('/') => LinkTarget::SiteFile(&path[1..]),
        _ if path.ends_with(".md") => LinkTarget::Markdown { path, anchor },
        _ => LinkTarget::RelativeFile(path),
    }
}

/// `scheme` and the rest of `scheme:rest`, where the scheme is one by RFC 3986 (a letter, then
/// letters, digits, `+`, `-` or `.`); `None` for a path such as `notes/a:b.md`.
fn split_scheme(path: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = path.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

pub(super) fn check(c: &mut Checker, handbook: &Handbook) {
    check_texts(c, handbook.markdown_texts());
}

/// Checks only the bodies of the documents read from `files`.
pub(super) fn check_bodies(c: &mut Checker, handbook: &Handbook, files: &std::collections::HashSet<FileId>) {
    let bodies = handbook
        .markdown_texts()
        .into_iter()
        .filter(|(file, _, own)| own.is_some() && files.contains(file))
        .collect();
    check_texts(c, bodies);
}

fn check_texts(c: &mut Checker, texts: Vec<MarkdownText<'_>>) {
    for (file, text, own) in texts {
        let computed;
        let outline = match own.and_then(|(kind, id)| c.index.outline(kind, id)) {
            Some(o) => o,
            None => {
                computed = crate::markdown::field_outline(&text.text);
                &computed
            }
        };
        for heading in &outline.headings {
            for attribute in &heading.dropped {
                let span = place_in_file(&c.sources.get(file).text, text, &heading.span);
                c.push(
                    Diagnostic::warning(format!("heading attribute `{attribute}` is dropped"))
                        .at(file, span)
                        .help("headings keep only `{#id}` and `{.class}`: remove the attribute"),
                );
            }
        }
        if own.is_some() {
            for literal in &outline.literals {
                let span = place_in_file(&c.sources.get(file).text, text, &literal.span);
                c.push(literal_warning(&text.text[literal.span.clone()], literal.kind).at(file, span));
            }
        }
        for link in &outline.links {
            if let Some((message, help)) = problem(c, file, own, &link.dest) {
                let span = place_in_file(&c.sources.get(file).text, text, &link.span);
                c.push(
                    Diagnostic::error(format!("broken link: {message}"))
                        .at(file, span)
                        .help(help),
                );
            }
        }
    }
}

/// The warning for text of another generator that prints as it stands.
fn literal_warning(written: &str, kind: LiteralKind) -> Diagnostic {
    match kind {
        LiteralKind::Placeholder => Diagnostic::warning(format!(
            "`{written}` prints literally: irbook fills in no placeholders"
        ))
        .help("replace it with the real value, or put it in backticks if it is meant literally"),
        LiteralKind::Admonition => {
            // `!!! warning`, `!!!warning`, `???+ note`: the marker, then the type.
            let trimmed = written.trim_start();
            let marker_len = trimmed
                .find(|c: char| !matches!(c, '!' | '?' | '+'))
                .unwrap_or(trimmed.len());
            let marker = &trimmed[..marker_len];
            let kind = trimmed[marker_len..].split_whitespace().next().unwrap_or("note");
            let alert = match kind.to_ascii_lowercase().as_str() {
                "tip" | "hint" | "success" | "check" | "done" => "TIP",
                "important" => "IMPORTANT",
                "warning" | "caution" | "attention" => "WARNING",
                "danger" | "error" | "failure" | "fail" | "missing" | "bug" => "CAUTION",
                _ => "NOTE",
            };
            Diagnostic::warning(format!("the MkDocs admonition `{marker} {kind}` prints literally"))
                .help(format!(
                    "write a GitHub alert: a line `> [!{alert}]`, then the text on lines that start with `> ` (not indented)"
                ))
        }
    }
}

/// Where `span` of `text` stands in the file's `source`. Folded (`>`) and multi-line plain
/// YAML strings do not keep their lines, so when the mapped bytes are not the link's, the
/// link is looked up in the file from the text's start.
pub(super) fn place_in_file(
    source: &str,
    text: &Text,
    span: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let wanted = &text.text[span.clone()];
    let start = text.file_offset(span.start);
    if source.get(start..start + wanted.len()) == Some(wanted) {
        return start..start + wanted.len();
    }
    let from = text.file_offset(0).min(source.len());
    match source[from..].find(wanted) {
        Some(i) => from + i..from + i + wanted.len(),
        None => start..start,
    }
}

/// The message and help for a link that leads nowhere; `None` for a good link.
fn problem(c: &Checker, file: FileId, own: Option<(Kind, &str)>, dest: &str) -> Option<(String, String)> {
    match classify(dest) {
        LinkTarget::Other => None,
        LinkTarget::SiteFile(path) if is_site_file(path) || c.index.has_static_file(path) => None,
        LinkTarget::SiteFile(path) if path.ends_with(".md") => Some((
            format!("no file `/{path}` in content/static/"),
            moved_document_help(c, path),
        )),
        LinkTarget::SiteFile(path) => Some((
            format!("no file `/{path}` in content/static/"),
            "files are linked from the site root: content/static/files/a.pdf is `/files/a.pdf`".into(),
        )),
        LinkTarget::RelativeFile(path) => Some((
            format!("`{path}` is not part of the built site"),
            relative_file_help(c, file, path),
        )),
        LinkTarget::MisspeltKind { scheme, meant } => Some((
            format!("unknown link kind `{scheme}:`"),
            format!(
                "did you mean `{meant}:`? typed links start with {}",
                link_schemes()
            ),
        )),
        LinkTarget::UnknownScheme(scheme) => Some((
            format!("unknown link scheme `{scheme}:`"),
            format!(
                "links lead to web addresses (https://...), mailto:, tel:, or by kind to {}",
                link_schemes()
            ),
        )),
        LinkTarget::SamePage(anchor) => match own {
            Some((kind, id)) => anchor_problem(c, kind, id, anchor, "this page"),
            // A YAML text lands on a page of irbook's making; only a supplier's sections are known.
            None if c.sources.get(file).path.starts_with("content/suppliers/") => {
                anchor_problem(c, Kind::Supplier, "", anchor, "a supplier page")
            }
            None => Some((
                format!("`#{anchor}` leads nowhere from a YAML text"),
                "link a heading by its document: `playbook:<id>#<anchor>` or `page:<id>#<anchor>`".into(),
            )),
        },
        LinkTarget::Object { kind, id, anchor } => {
            if !c.index.accepts(kind, id) {
                return Some((
                    format!("unknown {} `{id}`", kind.name()),
                    c.index.unknown_help(kind, id),
                ));
            }
            anchor.and_then(|a| anchor_problem(c, kind, id, a, &format!("{} `{id}`", kind.name())))
        }
        LinkTarget::Markdown { path, anchor } => {
            let from = &c.sources.get(file).path;
            let target = join_relative(from, path);
            let Some((kind, id)) = c.index.doc_at(&target) else {
                return Some((
                    format!("`{path}` is not a playbook or page of the handbook (looked for {target})"),
                    moved_document_help(c, &target),
                ));
            };
            anchor.and_then(|a| anchor_problem(c, kind, id, a, &format!("{} `{id}`", kind.name())))
        }
    }
}

/// The hint for a relative link to a Markdown file that is not there: the document it most
/// likely means (the same name made an id, or a close one), linked by id.
fn moved_document_help(c: &Checker, target: &str) -> String {
    let stem = target
        .rsplit('/')
        .next()
        .unwrap_or(target)
        .trim_end_matches(".md");
    let wanted = crate::model::Id::suggest(stem);
    let found = [Kind::Playbook, Kind::Page].into_iter().find_map(|kind| {
        let ids = c.index.ids(kind);
        let same = ids
            .iter()
            .copied()
            .find(|id| *id == wanted || id.rsplit('/').next() == Some(wanted.as_str()));
        same.or_else(|| did_you_mean(&wanted, ids.iter().copied()))
            .map(|id| (kind, id))
    });
    match found {
        Some((kind, id)) => format!("did you mean `{}:{id}`? a typed link does not depend on folders or file names", kind.name()),
        None => "the path is relative to this file; a typed link such as `playbook:<id>` does not depend on folders".into(),
    }
}

/// How many anchors a hint lists at most.
const SHOWN_ANCHORS: usize = 5;

fn anchor_list(anchors: &[String]) -> String {
    anchors
        .iter()
        .map(|a| format!("#{a}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn anchor_problem(c: &Checker, kind: Kind, id: &str, anchor: &str, place: &str) -> Option<(String, String)> {
    match c.index.has_anchor(kind, id, anchor) {
        Some(true) => None,
        None => Some((
            format!("a {} link takes no `#anchor`", kind.name()),
            format!("write `{}:{id}`", kind.name()),
        )),
        Some(false) => {
            let anchors = c.index.anchors(kind, id);
            let help = match did_you_mean(anchor, anchors.iter().map(String::as_str)) {
                Some(close) => format!("did you mean `#{close}`?"),
                None if anchors.is_empty() => format!("{place} has no anchors"),
                None if anchors.len() <= SHOWN_ANCHORS => {
                    format!("anchors in {place}: {}", anchor_list(&anchors))
                }
                None => {
                    let mut closest = anchors.clone();
                    // Stable: among equally close anchors, the first in the document come first.
                    closest.sort_by_cached_key(|a| strsim::damerau_levenshtein(anchor, a));
                    closest.truncate(SHOWN_ANCHORS);
                    format!(
                        "closest anchors in {place}: {} (of {})",
                        anchor_list(&closest),
                        anchors.len()
                    )
                }
            };
            Some((format!("no anchor `#{anchor}` in {place}"), help))
        }
    }
}

/// The hint for a relative link to a file: the `/path` to write if it names a static file or
/// a page of the site, else how files get into the site.
fn relative_file_help(c: &Checker, file: FileId, path: &str) -> String {
    let joined = join_relative(&c.sources.get(file).path, path);
    let tail = path.trim_start_matches("./").trim_start_matches("../");
    let site_path = match joined.strip_prefix("content/static/") {
        Some(rest) if c.index.has_static_file(rest) => Some(rest),
        _ => SitePage::ALL
            .iter()
            .map(|p| p.path())
            .chain(WHOLE_SITE_FILES)
            .find(|p| *p == tail || p.ends_with(&format!("/{tail}"))),
    };
    match site_path {
        Some(p) => format!("links to files of the site start at its root: write `/{p}`"),
        None => "link documents by id (`playbook:<id>`), or put the file into content/static/ and link it as `/<name>`"
            .into(),
    }
}

/// `content/playbooks/a.md` + `../pages/b.md` -> `content/pages/b.md`.
pub fn join_relative(from: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_destinations() {
        assert_eq!(
            classify("plan:recovery#detect"),
            LinkTarget::Object {
                kind: Kind::Plan,
                id: "recovery",
                anchor: Some("detect")
            }
        );
        assert_eq!(
            classify("../pages/about.md"),
            LinkTarget::Markdown {
                path: "../pages/about.md",
                anchor: None
            }
        );
        assert_eq!(classify("#top"), LinkTarget::SamePage("top"));
        assert_eq!(classify("#"), LinkTarget::Other);
        assert_eq!(classify("/files/a.pdf#p2"), LinkTarget::SiteFile("files/a.pdf"));
        assert_eq!(classify("logo.png"), LinkTarget::RelativeFile("logo.png"));
        assert_eq!(classify("../plans/"), LinkTarget::RelativeFile("../plans/"));
        assert_eq!(classify("//cdn.example/x.js"), LinkTarget::Other);
        assert_eq!(classify("https://example.org/a.md"), LinkTarget::Other);
        assert_eq!(classify("mailto:a@b.example"), LinkTarget::Other);
        assert_eq!(classify("HTTPS://example.org"), LinkTarget::Other);
        assert_eq!(classify("tel:+4570000001"), LinkTarget::Other);
        assert_eq!(
            classify("SUPPLIER:x"),
            LinkTarget::MisspeltKind {
                scheme: "SUPPLIER",
                meant: "supplier"
            }
        );
        assert_eq!(classify("foo:bar"), LinkTarget::UnknownScheme("foo"));
        assert_eq!(
            classify("javascript:alert(1)"),
            LinkTarget::UnknownScheme("javascript")
        );
        assert_eq!(classify("htps://example.org"), LinkTarget::UnknownScheme("htps"));
        assert_eq!(
            classify("notes/a:b.md"),
            LinkTarget::Markdown {
                path: "notes/a:b.md",
                anchor: None
            }
        );
        assert_eq!(
            classify("suplier:x"),
            LinkTarget::MisspeltKind {
                scheme: "suplier",
                meant: "supplier"
            }
        );
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            join_relative("content/playbooks/a.md", "b.md"),
            "content/playbooks/b.md"
        );
        assert_eq!(
            join_relative("content/playbooks/a.md", "../pages/c.md"),
            "content/pages/c.md"
        );
    }
}
