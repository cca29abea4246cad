//! Markdown as irbook reads it: the pulldown-cmark options, links with their offsets, and
//! GitHub-style heading anchors.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// CommonMark plus the GFM extensions FORMAT.md promises.
pub fn options() -> Options {
    Options::ENABLE_TABLES
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

/// What the resolver needs from a Markdown text.
#[derive(Debug, Default)]
pub struct Outline {
    pub links: Vec<Link>,
    pub headings: Vec<Heading>,
}

impl Outline {
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.headings.iter().any(|h| h.anchor == anchor)
    }
}

/// Reads the links, images and headings of `text`.
pub fn outline(text: &str) -> Outline {
    let mut outline = Outline::default();
    let mut used = HashSet::new();
    let mut heading: Option<(Heading, Option<String>)> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let span = dest_span(text, &range, &dest_url);
                outline.links.push(Link {
                    dest: dest_url.into_string(),
                    span,
                });
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
            Event::Text(t) | Event::Code(t) => {
                if let Some((started, _)) = heading.as_mut() {
                    started.text.push_str(&t);
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
    outline
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
}
