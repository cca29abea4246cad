//! Markdown as irbook reads it: the pulldown-cmark options, links with their offsets (also
//! the `href`s and `src`s of raw HTML), GitHub-style heading anchors, the `id`s and `name`s of
//! raw HTML, text of other generators that would print literally, and a body's text without
//! its markup for search ([`plain`]).

mod plain;

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

pub use plain::PlainText;

/// CommonMark plus the GFM extensions FORMAT.md promises (`ENABLE_GFM`: alerts, `> [!NOTE]`).
pub fn options() -> Options {
    Options::ENABLE_GFM
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A link or image destination as written, and where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: HeadingLevel,
    pub text: String,
    pub anchor: String,
    /// Where the heading stands in the text.
    pub span: Range<usize>,
    /// Attributes written in `{...}` other than `#id` and `.class`: dropped when rendered.
    pub dropped: Vec<String>,
}

/// Text written for another generator that irbook prints as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralKind {
    /// `{{ page.title }}`, `{% include x %}`.
    Placeholder,
    /// `!!! warning "Title"`, `??? note`: an MkDocs admonition.
    Admonition,
}

/// Such a text and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub kind: LiteralKind,
    pub span: Range<usize>,
}

/// What the resolver needs from a Markdown text.
#[derive(Debug, Default)]
pub struct Outline {
    /// Markdown links and images, and in a document body the `href`s and `src`s of raw HTML.
    pub links: Vec<Link>,
    pub headings: Vec<Heading>,
    /// `id` and `name` attributes of raw HTML elements (document bodies only).
    pub html_anchors: Vec<String>,
    /// Placeholders and admonitions of other generators, outside code (document bodies only).
    pub literals: Vec<Literal>,
    /// The body's text without its markup, which search finds the document by: read on this
    /// pass where it was asked for ([`outline_with_words`]) instead of on one of its own.
    pub words: Option<PlainText>,
}

impl Outline {
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.anchors().any(|a| a == anchor)
    }

    /// Every anchor a link may name: headings' first, then raw HTML's.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.headings
            .iter()
            .map(|h| h.anchor.as_str())
            .chain(self.html_anchors.iter().map(String::as_str))
    }
}

/// Reads the links, images and headings of a document body, where raw HTML is kept: its
/// links and anchors count, and text that would print literally is noted.
pub fn outline(text: &str) -> Outline {
    read(text, true, false)
}

/// [`outline`] with the body's [`Outline::words`].
pub fn outline_with_words(text: &str) -> Outline {
    read(text, true, true)
}

/// Reads the links, images and headings of a Markdown field of a YAML file, where raw HTML is
/// shown as text.
pub fn field_outline(text: &str) -> Outline {
    read(text, false, false)
}

fn read(text: &str, body: bool, with_words: bool) -> Outline {
    let mut outline = Outline::default();
    let mut words = with_words.then(PlainText::default);
    let mut used = HashSet::new();
    let mut heading: Option<(Heading, Option<String>)> = None;
    // Where code stands (and HTML comments): nothing in it prints as a placeholder would.
    let mut code: Vec<Range<usize>> = Vec::new();
    let parser = Parser::new_ext(text, options()).into_offset_iter();
    // A reference link's destination stands in its definition (`[ecg]: ../x.md`): that is
    // where a problem with it is, once for all the places that use it.
    let definitions: Vec<(String, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone()))
        .collect();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code.push(range),
            Event::Html(raw) | Event::InlineHtml(raw) if body => {
                if raw.trim_start().starts_with("<!--") {
                    code.push(range.clone());
                }
                let offset = range.start + text[range.clone()].find(&*raw).unwrap_or(0);
                for attribute in html_attributes(&raw) {
                    let span = attribute.value_span.start + offset..attribute.value_span.end + offset;
                    match attribute.name.as_str() {
                        "id" | "name" if !attribute.value.is_empty() => {
                            outline.html_anchors.push(unescape(attribute.value))
                        }
                        "href" | "src" => outline.links.push(Link {
                            dest: unescape(attribute.value),
                            span,
                        }),
                        _ => {}
                    }
                }
            }
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    id,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    id,
                    ..
                },
            ) => {
                let defined = matches!(
                    link_type,
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                )
                .then(|| definitions.iter().find(|(label, _)| *label == id.to_lowercase()))
                .flatten();
                let span = dest_span(text, defined.map_or(&range, |(_, span)| span), &dest_url);
                if !outline.links.iter().any(|l| l.span == span) {
                    outline.links.push(Link {
                        dest: dest_url.into_string(),
                        span,
                    });
                }
            }
            Event::Start(Tag::Heading { level, id, attrs, .. }) => {
                let dropped = attrs.into_iter().map(|(key, _)| key.into_string()).collect();
                let started = Heading {
                    level,
                    text: String::new(),
                    anchor: String::new(),
                    span: range,
                    dropped,
                };
                heading = Some((started, id.map(|i| i.into_string())));
            }
            Event::Code(t) => {
                code.push(range);
                if let Some((started, _)) = heading.as_mut() {
                    started.text.push_str(&t);
                }
                if let Some(words) = words.as_mut() {
                    words.push(text, &t);
                }
            }
            Event::Text(t) => {
                if let Some((started, _)) = heading.as_mut() {
                    started.text.push_str(&t);
                }
                if let Some(words) = words.as_mut() {
                    words.push(text, &t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((mut done, id)) = heading.take() {
                    let slug = id.unwrap_or_else(|| slugify(&done.text));
                    done.anchor = unique(if slug.is_empty() { "section".into() } else { slug }, &mut used);
                    outline.headings.push(done);
                }
            }
            _ => {}
        }
    }
    if body {
        outline.literals = literals(text, &code);
    }
    outline.words = words.map(|mut w| {
        w.shrink_to_fit();
        w
    });
    outline
}

/// `{{ ... }}` and `{% ... %}` on one line, and lines that start an MkDocs admonition, outside
/// `code`.
fn literals(text: &str, code: &[Range<usize>]) -> Vec<Literal> {
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = ["!!!", "???+", "???"]
            .into_iter()
            .find(|m| trimmed.starts_with(m));
        // A type follows, with or without a space (`!!! info`, `!!!info`, `???+tip`), and
        // ends the line or a word (`!!!Important!!!` is text).
        let kind = marker.map(|m| trimmed[m.len()..].trim_start_matches(' '));
        let word = kind.map_or(0, |k| {
            k.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(k.len())
        });
        if let Some(kind) = kind
            && indent < 4
            && kind.starts_with(|c: char| c.is_ascii_alphabetic())
            && kind[word..].chars().next().is_none_or(char::is_whitespace)
            && !in_code(start + indent)
        {
            let end = start + line.trim_end().len();
            found.push(Literal {
                kind: LiteralKind::Admonition,
                span: start + indent..end,
            });
        }
        // Most lines have no `{` at all: one byte search rules them out.
        let placeholders: &[(&str, &str)] = if memchr::memchr(b'{', line.as_bytes()).is_some() {
            &[("{{", "}}"), ("{%", "%}")]
        } else {
            &[]
        };
        for &(open, close) in placeholders {
            let mut from = 0;
            while let Some(i) = line[from..].find(open) {
                let at = from + i;
                let Some(j) = line[at + 2..].find(close) else {
                    break;
                };
                let end = at + 2 + j + 2;
                if !in_code(start + at) {
                    found.push(Literal {
                        kind: LiteralKind::Placeholder,
                        span: start + at..start + end,
                    });
                }
                from = end;
            }
        }
        start += line.len();
    }
    found.sort_by_key(|l| l.span.start);
    found
}

/// An attribute of a tag in raw HTML: its name in lowercase, its value as written (without
/// quotes), where the value stands and where it stands with its quotes.
#[derive(Debug, PartialEq, Eq)]
pub struct HtmlAttribute<'h> {
    pub name: String,
    pub value: &'h str,
    pub value_span: Range<usize>,
    pub quoted_span: Range<usize>,
}

/// The attributes of the start tags in a piece of raw HTML, comments skipped. A tag not closed
/// within the piece gives the attributes read up to its end.
pub fn html_attributes(html: &str) -> Vec<HtmlAttribute<'_>> {
    let bytes = html.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let space = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_whitespace());
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let start = i + lt;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        i = start + 1;
        if !at(i).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        while at(i).is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') {
            i += 1;
        }
        loop {
            while space(at(i)) {
                i += 1;
            }
            match at(i) {
                None => return found,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/' | b'=' | b'<') => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let name_start = i;
            while at(i).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/' | b'<')) {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut j = i;
            while space(at(j)) {
                j += 1;
            }
            if at(j) != Some(b'=') {
                continue;
            }
            j += 1;
            while space(at(j)) {
                j += 1;
            }
            let (value_span, quoted_span) = match at(j) {
                Some(quote @ (b'"' | b'\'')) => {
                    let Some(len) = html[j + 1..].find(quote as char) else {
                        return found;
                    };
                    (j + 1..j + 1 + len, j..j + len + 2)
                }
                _ => {
                    let mut k = j;
                    while at(k).is_some_and(|b| !b.is_ascii_whitespace() && b != b'>') {
                        k += 1;
                    }
                    (j..k, j..k)
                }
            };
            i = quoted_span.end;
            found.push(HtmlAttribute {
                name,
                value: &html[value_span.clone()],
                value_span,
                quoted_span,
            });
        }
    }
    found
}

/// An attribute value with the character references a link is likely to hold decoded.
pub fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn dest_span(text: &str, range: &Range<usize>, dest: &str) -> Range<usize> {
    match text[range.clone()].rfind(dest) {
        Some(i) if !dest.is_empty() => range.start + i..range.start + i + dest.len(),
        _ => range.clone(),
    }
}

fn unique(anchor: String, used: &mut HashSet<String>) -> String {
    let mut candidate = anchor.clone();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{anchor}-{n}");
        n += 1;
    }
    candidate
}

/// GitHub's heading anchor: lowercase, punctuation dropped, spaces as `-`.
pub fn slugify(title: &str) -> String {
    title
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_like_github() {
        assert_eq!(
            slugify("Call the hosting provider (24/7)!"),
            "call-the-hosting-provider-247"
        );
        assert_eq!(slugify("Step 1: Contain"), "step-1-contain");
        assert_eq!(slugify("Kontakt før åbning"), "kontakt-før-åbning");
    }

    #[test]
    fn outline_reads_links_and_unique_anchors() {
        let text =
            "# Intro\n\nSee [host](supplier:skyhost) and ![x](a.png).\n\n## Intro\n\n### Custom {#mine}\n";
        let o = outline(text);
        assert_eq!(o.links.len(), 2);
        assert_eq!(&text[o.links[0].span.clone()], "supplier:skyhost");
        let anchors: Vec<_> = o.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["intro", "intro-1", "mine"]);
        let attributed = outline("## Urgent {#now .red onclick=alert(1) data-x}\n");
        assert_eq!(attributed.headings[0].dropped, ["onclick", "data-x"]);
        assert_eq!(attributed.headings[0].span, 0..46);
    }

    #[test]
    fn raw_html_gives_links_anchors_and_no_literals_from_code() {
        let text = "<a name=\"r1\" href='plan:x'>x</a> `{{ a }}` {{ b }}\n\n<div id=r2 data-x><img src=\"a.png\"/></div>\n";
        let o = outline(text);
        assert_eq!(o.html_anchors, ["r1", "r2"]);
        let links: Vec<_> = o.links.iter().map(|l| &text[l.span.clone()]).collect();
        assert_eq!(links, ["plan:x", "a.png"]);
        let literals: Vec<_> = o.literals.iter().map(|l| &text[l.span.clone()]).collect();
        assert_eq!(literals, ["{{ b }}"]);
        let mkdocs = "!!! warning \"A\"\n!!!info \"B\"\n???+tip\n???note\n!!!Important!!! text\n!!!\n";
        let literals: Vec<_> = outline(mkdocs)
            .literals
            .iter()
            .map(|l| &mkdocs[l.span.clone()])
            .collect();
        assert_eq!(
            literals,
            ["!!! warning \"A\"", "!!!info \"B\"", "???+tip", "???note"]
        );
        let field = field_outline(text);
        assert!(field.html_anchors.is_empty() && field.literals.is_empty() && field.links.is_empty());
        let attributes = html_attributes("<a\thref = \"x\" title=é class=b>");
        let names: Vec<_> = attributes.iter().map(|a| (a.name.as_str(), a.value)).collect();
        assert_eq!(names, [("href", "x"), ("title", "é"), ("class", "b")]);
        assert!(html_attributes("<a href=\"unclosed").is_empty());
    }
}
