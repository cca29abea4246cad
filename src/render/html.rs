//! Markdown to HTML: typed and relative links rewritten to relative URLs (also in the raw HTML
//! of document bodies), heading ids, task list boxes, GitHub alerts as titled boxes, and raw
//! HTML shown as text where the Markdown came from YAML.

use std::collections::BTreeMap;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

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
    /// The site's words in the handbook's language (alert titles).
    pub strings: &'p BTreeMap<&'p str, &'p str>,
    /// Headings one level lower (`#` as `h2`): the page's title is its only `h1`.
    pub shift_headings: bool,
}

/// A heading level one lower, where `shift` says so (`h6` stays `h6`).
fn lower(level: HeadingLevel, shift: bool) -> HeadingLevel {
    match (shift, level) {
        (false, level) => level,
        (true, HeadingLevel::H1) => HeadingLevel::H2,
        (true, HeadingLevel::H2) => HeadingLevel::H3,
        (true, HeadingLevel::H3) => HeadingLevel::H4,
        (true, HeadingLevel::H4) => HeadingLevel::H5,
        (true, HeadingLevel::H5 | HeadingLevel::H6) => HeadingLevel::H6,
    }
}

/// Renders Markdown for `place`, using `outline` (if given) for heading ids, which only
/// document bodies (trusted text) get.
pub fn render(text: &str, place: &Place, index: &Index, outline: Option<&Outline>) -> String {
    // Heading ids from the outline; a YAML text gets none, so it needs no outline.
    let computed;
    let headings = match (place.trusted, outline) {
        (false, _) => &[][..],
        (true, Some(outline)) => &outline.headings[..],
        (true, None) => {
            computed = markdown::outline(text);
            &computed.headings[..]
        }
    };
    let mut headings = headings.iter();
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
            let id = headings.next().map(|h| CowStr::from(h.anchor.clone()));
            Event::Start(Tag::Heading {
                level: lower(level, place.shift_headings),
                id,
                classes,
                attrs: Vec::new(),
            })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level, place.shift_headings))),
        Event::TaskListMarker(checked) => Event::Html(
            format!(
                "<input type=\"checkbox\" class=\"task\" aria-label=\"done\"{}>",
                if checked { " checked" } else { "" }
            )
            .into(),
        ),
        // A GitHub alert: a box with its title in words, so that it reads the same on paper.
        Event::Start(Tag::BlockQuote(Some(kind))) => {
            let (class, key) = alert(kind);
            let title = place.strings.get(key).copied().unwrap_or(class);
            Event::Html(
                format!("<div class=\"alert alert-{class}\" role=\"note\">\n<p class=\"alert-title\">{title}</p>\n")
                    .into(),
            )
        }
        Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
        Event::Html(raw) | Event::InlineHtml(raw) if !place.trusted => Event::Text(raw),
        Event::Html(raw) => Event::Html(rewrite_html(raw, place, index)),
        Event::InlineHtml(raw) => Event::InlineHtml(rewrite_html(raw, place, index)),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// An alert's class suffix and the key of its title in the site's words.
fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "alert_note"),
        BlockQuoteKind::Tip => ("tip", "alert_tip"),
        BlockQuoteKind::Important => ("important", "alert_important"),
        BlockQuoteKind::Warning => ("warning", "alert_warning"),
        BlockQuoteKind::Caution => ("caution", "alert_caution"),
    }
}

/// Raw HTML with its `href`s and `src`s rewritten as Markdown destinations are (and written in
/// double quotes, as the print binder reads them).
fn rewrite_html<'t>(raw: CowStr<'t>, place: &Place, index: &Index) -> CowStr<'t> {
    let mut out = String::new();
    let mut copied = 0;
    for attribute in markdown::html_attributes(&raw) {
        if !matches!(attribute.name.as_str(), "href" | "src") {
            continue;
        }
        let dest = markdown::unescape(attribute.value);
        let href = rewrite(&dest, place, index);
        if href == dest {
            continue;
        }
        out.push_str(&raw[copied..attribute.quoted_span.start]);
        out.push('"');
        out.push_str(&escape_attribute(&href));
        out.push('"');
        copied = attribute.quoted_span.end;
    }
    if copied == 0 {
        return raw;
    }
    out.push_str(&raw[copied..]);
    out.into()
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Place, render};
    use crate::model::Handbook;
    use crate::resolve::Index;

    /// What HTML rendered from a YAML Markdown field may hold: elements and attributes.
    const ELEMENTS: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "a",
        "img",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "hr",
        "br",
        "input",
        "html",
        "head",
        "body",
    ];
    const ATTRIBUTES: &[&str] = &[
        "href",
        "src",
        "alt",
        "title",
        "class",
        "type",
        "checked",
        "disabled",
        "aria-label",
        "role",
        "start",
        "style",
    ];

    fn yaml_field(text: &str) -> String {
        let handbook = Handbook::default();
        let index = Index::new(&handbook, |_| "");
        let place = Place {
            page: "suppliers/x.html",
            source: "content/suppliers/x.yaml",
            trusted: false,
            shift_headings: false,
            strings: &crate::render::strings::strings(crate::model::Language::En),
        };
        render(text, &place, &index, None)
    }

    /// Markdown made of the pieces that open HTML, attributes, links and their schemes (no
    /// control characters: the loader has replaced them before any text is rendered).
    fn markdownish() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "((#{1,3} |- |> |1\\. |- \\[[ x]\\] |\\| a \\| b \\|\\n\\|:-\\|-:\\|\\n)?([a-z ]{1,8}|\\{[#.]?[a-z]{1,5}\\}|\\{on[a-z]+=[a-z(1)\"']{1,8}\\}|<[a-z/]{1,8}( on[a-z]+=[^>]{0,5})?>|\\[l\\]\\((java|JAVA|data|vbscript|mailto|tel|https?|supplier|foo)?:?[a-z/#?&=]{0,10}\\)|!\\[i\\]\\([a-z:]{1,12}\\)|`|\\*|_|~~|&[a-z#0-9]{1,5};|\\n)){0,25}",
        )
        .expect("valid regex")
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: crate::load::fuzz_cases(300),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn yaml_markdown_renders_only_plain_markup(text in markdownish()) {
            let html = yaml_field(&text);
            let document = scraper::Html::parse_fragment(&html);
            for element in document.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
                let name = element.value().name();
                prop_assert!(ELEMENTS.contains(&name), "<{}> from {:?}: {}", name, text, html);
                for (attribute, value) in element.value().attrs() {
                    prop_assert!(ATTRIBUTES.contains(&attribute), "{}= from {:?}: {}", attribute, text, html);
                    let lower = value.trim().to_ascii_lowercase();
                    prop_assert!(
                        !["javascript:", "vbscript:", "data:"].iter().any(|s| lower.starts_with(s)),
                        "{}={} from {:?}", attribute, value, text
                    );
                    if attribute == "style" {
                        prop_assert!(value.starts_with("text-align:"), "style={} from {:?}", value, text);
                    }
                }
            }
        }
    }
}
