//! Markdown to HTML: typed and relative links rewritten to relative URLs, heading ids, task
//! list boxes, and raw HTML shown as text where the Markdown came from YAML.

use pulldown_cmark::{CowStr, Event, Parser, Tag};

use super::urls;
use crate::markdown::{self, Outline};
use crate::resolve::{Index, LinkTarget, classify, join_relative};

/// Where a Markdown text is rendered: the page it lands on and the file it came from.
pub struct Place<'p> {
    /// Output path of the page, relative to the site root (`playbooks/x.html`).
    pub page: &'p str,
    /// Source path of the file the text came from (`content/playbooks/x.md`).
    pub source: &'p str,
    /// Raw HTML is kept only in playbook and page bodies; in YAML fields it is shown as text.
    pub trusted: bool,
}

/// Renders Markdown for `place`, using `outline` (if given) for heading ids.
pub fn render(text: &str, place: &Place, index: &Index, outline: Option<&Outline>) -> String {
    let computed;
    let outline = match outline {
        Some(o) => o,
        None => {
            computed = markdown::outline(text);
            &computed
        }
    };
    let mut headings = outline.headings.iter();
    // Several YAML texts share one page: ids from their headings or footnotes would clash, so
    // they get none (and no footnotes).
    let options = match place.trusted {
        true => markdown::options(),
        false => markdown::options() - pulldown_cmark::Options::ENABLE_FOOTNOTES,
    };
    let events = Parser::new_ext(text, options).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite(&dest_url, place, index).into(),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rewrite(&dest_url, place, index).into(),
            title,
            id,
        }),
        // Of `{#id .class key=value}` only the class survives, and the id where ids are kept:
        // other attributes (`onclick=...`) would be HTML that no Markdown text may carry.
        Event::Start(Tag::Heading { level, classes, .. }) => {
            let id = headings
                .next()
                .filter(|_| place.trusted)
                .map(|h| CowStr::from(h.anchor.clone()));
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })
        }
        Event::TaskListMarker(checked) => Event::Html(
            format!(
                "<input type=\"checkbox\" class=\"task\" aria-label=\"done\"{}>",
                if checked { " checked" } else { "" }
            )
            .into(),
        ),
        Event::Html(raw) | Event::InlineHtml(raw) if !place.trusted => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// The href a Markdown destination becomes on `place.page`.
fn rewrite(dest: &str, place: &Place, index: &Index) -> String {
    match classify(dest.trim_start()) {
        LinkTarget::Object { kind, id, anchor } => urls::object_href(place.page, kind, id, anchor),
        LinkTarget::Markdown { path, anchor } => match index.doc_at(&join_relative(place.source, path)) {
            Some((kind, id)) => urls::object_href(place.page, kind, id, anchor),
            None => dest.to_string(),
        },
        // `/files/a.pdf` means content/static/files/a.pdf, which is copied to the site root.
        LinkTarget::SiteFile(_) => {
            format!("{}{}", urls::root_prefix(place.page), &dest[1..])
        }
        // `check` reports these; were one rendered anyway, it leads nowhere (`javascript:`).
        LinkTarget::MisspeltKind { .. } | LinkTarget::UnknownScheme(_) => "#".into(),
        LinkTarget::SamePage(_) | LinkTarget::RelativeFile(_) | LinkTarget::Other => dest.to_string(),
    }
}
