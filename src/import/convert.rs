//! One imported document's body: MkDocs admonitions made GitHub alerts, the first `#` heading
//! taken as the title, relative links between imported files made `playbook:` (or `page:`)
//! links, links to other files of the source pointed at their copies in `content/static/`.
//! Links are found with pulldown-cmark, so code is left alone; the text is edited by byte
//! ranges.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Parser, Tag};

use super::admonition::admonitions;
use super::plan::{Plan, is_markdown, segment};
use super::source::Source;
use crate::markdown;

/// A file of the source a link points at, and where its copy goes under `content/static/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Asset {
    /// Relative to the folder given.
    pub from: String,
    /// Relative to `content/static/`.
    pub to: String,
}

/// The body converted, and what the report says about it.
#[derive(Debug, Default)]
pub struct Converted {
    pub body: String,
    pub assets: Vec<Asset>,
    /// `line: what` for links left as they were, placeholders left in the text.
    pub notes: Vec<String>,
    pub admonitions: usize,
    pub links: usize,
    /// What each rewritten link leads to: a document's id, or `content/static/...`.
    pub targets: Vec<String>,
}

/// Where a document's links are read from and point to.
pub struct Links<'a> {
    pub source: &'a Source,
    pub plan: &'a Plan,
    /// `playbook` or `page`.
    pub scheme: &'a str,
    /// The document, relative to the Markdown folder.
    pub from: &'a str,
    /// The line of the source file the body starts on (1-based).
    pub first_line: usize,
}

/// The title a body's first heading gives, and the body without it: a `#` heading that is
/// the first heading, or a heading of any level that is the body's first content
/// (`## Playbook: Ransomware` at the top of a file without a `#` heading).
pub fn take_title(body: &str) -> Option<(String, String)> {
    let outline = markdown::outline(body);
    let first = outline.headings.first()?;
    let at_top = body[..first.span.start].trim().is_empty();
    if (first.level != HeadingLevel::H1 && !at_top) || first.text.trim().is_empty() {
        return None;
    }
    let mut end = first.span.end;
    while body[end..].starts_with(['\n', '\r']) {
        end += 1;
    }
    let rest = format!("{}{}", &body[..first.span.start], &body[end..]);
    Some((first.text.trim().to_string(), rest))
}

/// Converts a body: admonitions, then links.
pub fn convert(body: &str, links: &Links<'_>) -> Converted {
    let (text, lines, admonitions) = admonitions(body);
    let mut converted = rewrite_links(&text, &lines, links);
    converted.admonitions = admonitions;
    converted
}

/// Rewrites the links of `text` whose source lines are `lines` (0-based, from the body).
fn rewrite_links(text: &str, lines: &[usize], links: &Links<'_>) -> Converted {
    let mut converted = Converted::default();
    let line_of = |offset: usize| {
        let index = text[..offset].matches('\n').count();
        links.first_line + lines.get(index).copied().unwrap_or(index)
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut assets = HashSet::new();
    for link in destinations(text) {
        match target(&link.dest, links) {
            Target::Leave => {}
            Target::Doc(new, _) | Target::Static(new, _)
                if text.get(link.span.clone()) != Some(link.dest.as_str()) =>
            {
                converted.notes.push(format!(
                    "line {}: `{}` not rewritten (to {new}): write it as a plain link",
                    line_of(link.span.start),
                    link.dest
                ));
            }
            Target::Doc(new, id) => {
                converted.links += 1;
                converted.targets.push(id);
                edits.push((link.span, new));
            }
            Target::Static(new, asset) => {
                converted.links += 1;
                converted.targets.push(format!("content/static/{}", asset.to));
                edits.push((link.span, new));
                if assets.insert(asset.clone()) {
                    converted.assets.push(asset);
                }
            }
            Target::Report(why) => converted.notes.push(format!(
                "line {}: `{}` left as it is: {why}",
                line_of(link.span.start),
                link.dest
            )),
        }
    }
    for (event, range) in Parser::new_ext(text, markdown::options()).into_offset_iter() {
        if let Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) = event
            && (t.contains("{{") || t.contains("{%"))
        {
            converted.notes.push(format!(
                "line {}: a template placeholder, shown as written on the page: fill it in or remove it",
                line_of(range.start)
            ));
        }
    }
    converted.notes.dedup();
    let mut body = text.to_string();
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, new) in edits {
        body.replace_range(range, &new);
    }
    converted.body = body;
    converted
}

/// The link and image destinations of `text` where they are written: inline links and
/// images, the `href`s and `src`s of raw HTML, and the definitions that reference links
/// (`[text][label]`, `[label]`) and images take theirs from, in the order of the text.
fn destinations(text: &str) -> Vec<markdown::Link> {
    let mut found = Vec::new();
    let mut parser = Parser::new_ext(text, markdown::options()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::Start(
                Tag::Link {
                    link_type, dest_url, ..
                }
                | Tag::Image {
                    link_type, dest_url, ..
                },
            ) => {
                // A reference's destination is written (and rewritten) in its definition.
                if matches!(link_type, LinkType::Inline | LinkType::Autolink | LinkType::Email) {
                    let span = match text[range.clone()].rfind(&*dest_url) {
                        Some(i) if !dest_url.is_empty() => range.start + i..range.start + i + dest_url.len(),
                        _ => range,
                    };
                    found.push(markdown::Link {
                        dest: dest_url.into_string(),
                        span,
                    });
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let offset = range.start + text[range.clone()].find(&*raw).unwrap_or(0);
                for attribute in markdown::html_attributes(&raw) {
                    if matches!(attribute.name.as_str(), "href" | "src") {
                        found.push(markdown::Link {
                            dest: markdown::unescape(attribute.value),
                            span: attribute.value_span.start + offset..attribute.value_span.end + offset,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    for (_, definition) in parser.reference_definitions().iter() {
        // `[label]: dest "title"`: the destination follows the label's `]:`, maybe in `<>`.
        let span = definition.span.clone();
        let written = &text[span.clone()];
        let after = written.find("]:").map_or(0, |i| i + 2);
        let dest = definition.dest.to_string();
        let span = match written[after..].find(&dest) {
            Some(i) if !dest.is_empty() => span.start + after + i..span.start + after + i + dest.len(),
            _ => span,
        };
        found.push(markdown::Link { dest, span });
    }
    found.sort_by_key(|link| link.span.start);
    found
}

enum Target {
    /// Not a relative link to a file: another site, a typed link, an anchor, `/path`.
    Leave,
    /// A link to an imported document, as its new link, and the document's id.
    Doc(String, String),
    /// A link to a file of the source copied to `content/static/`.
    Static(String, Asset),
    /// A relative link that is left as written, and why.
    Report(String),
}

fn target(dest: &str, links: &Links<'_>) -> Target {
    let (path, anchor) = dest.split_once('#').map_or((dest, None), |(p, a)| (p, Some(a)));
    let path = path.split('?').next().unwrap_or(path);
    let has_scheme = path.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if path.is_empty() || has_scheme || path.starts_with("//") {
        return Target::Leave;
    }
    let source = links.source;
    // `/x` is the source site's root: the Markdown folder.
    let (path, from_dir) = match path.strip_prefix('/') {
        Some(rooted) => (rooted, ""),
        None => (path, links.from.rsplit_once('/').map_or("", |(d, _)| d)),
    };
    let decoded = percent_decode(path);
    let from_given = source.rel_to_given(from_dir);
    let Some(full) = join(&from_given, &decoded) else {
        return Target::Report("outside the source folder".into());
    };
    let in_docs = match source.docs.as_str() {
        "" => Some(full.clone()),
        docs => full.strip_prefix(&format!("{docs}/")).map(str::to_string),
    };
    let suffix = anchor.map(|a| format!("#{a}")).unwrap_or_default();
    if let Some(rel) = &in_docs
        && let Some(id) = doc_id(rel, decoded.ends_with('/'), links.plan)
    {
        return Target::Doc(format!("{}:{id}{suffix}", links.scheme), id.clone());
    }
    if is_markdown(&full) {
        return Target::Report("no such Markdown file in the source folder".into());
    }
    if full.is_empty() || !source.given.join(&full).is_file() {
        return Target::Report("no such file in the source folder".into());
    }
    let to = format!("imported/{}", static_path(in_docs.as_deref().unwrap_or(&full)));
    Target::Static(format!("/{to}{suffix}"), Asset { from: full, to })
}

/// The imported document a link names: `x.md`, its output name `x.html`, or a folder
/// (`x/`, `x/index.html`) by its `index.md` or `README.md`.
fn doc_id<'p>(rel: &str, folder: bool, plan: &'p Plan) -> Option<&'p String> {
    let rel = rel.trim_end_matches('/');
    let mut candidates = Vec::new();
    if is_markdown(rel) {
        candidates.push(rel.to_string());
    } else if let Some(stem) = rel.strip_suffix(".html") {
        candidates.push(format!("{stem}.md"));
        if let Some(dir) = stem.strip_suffix("index") {
            candidates.push(format!("{dir}README.md"));
        }
    } else if folder || !rel.rsplit('/').next().unwrap_or(rel).contains('.') {
        let dir = if rel.is_empty() {
            String::new()
        } else {
            format!("{rel}/")
        };
        candidates.extend([
            format!("{dir}index.md"),
            format!("{dir}README.md"),
            format!("{dir}_index.md"),
        ]);
        if !rel.is_empty() {
            candidates.push(format!("{rel}.md"));
        }
    }
    candidates.iter().find_map(|c| plan.ids.get(c))
}

/// `rel` joined to `dir` (both relative to the folder given), `..` and `.` worked out; `None`
/// where it climbs out of the folder.
fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// A copied file's path below `imported/`: every name an id, the extension kept in lowercase,
/// so that the link needs no escaping.
fn static_path(rel: &str) -> String {
    let mut names: Vec<String> = rel.split('/').map(str::to_string).collect();
    let file = names.pop().unwrap_or_default();
    let file = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            format!("{}.{}", segment(stem, "file"), ext.to_ascii_lowercase())
        }
        _ => segment(&file, "file"),
    };
    names
        .iter()
        .map(|n| segment(n, "folder"))
        .chain(std::iter::once(file))
        .collect::<Vec<_>>()
        .join("/")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_h1() {
        let (title, rest) = take_title("# DNS `outage`\n\nText\n").unwrap();
        assert_eq!(title, "DNS outage");
        assert_eq!(rest, "Text\n");
        assert!(take_title("Text first.\n\n## Not a title\n").is_none());
        let (title, rest) = take_title("\n## Playbook: Ransomware\n\nText\n").unwrap();
        assert_eq!(
            (title.as_str(), rest.as_str()),
            ("Playbook: Ransomware", "\nText\n")
        );
    }

    #[test]
    fn paths() {
        assert_eq!(join("docs/a", "../img/x.png").as_deref(), Some("docs/img/x.png"));
        assert_eq!(join("", "../x.png"), None);
        assert_eq!(static_path("Images/Floor Plan.PNG"), "images/floor-plan.png");
        assert_eq!(percent_decode("a%20b.md"), "a b.md");
    }
}
