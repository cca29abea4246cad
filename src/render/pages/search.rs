//! `search.html` and what search finds (the index is made of it by `search_index.rs`): the
//! page lists the handbook's sections for browsers without JavaScript.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown;
use crate::markdown::PlainText;
use crate::model::{Kind, Object, SitePage};
use crate::render::context::{Ctx, LinkView};
use crate::render::urls;
use crate::source::floor_char_boundary;

/// One thing search finds: an object, its kind's name, where it is and its words.
#[derive(Clone)]
pub struct Entry<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    /// Relative to the site root.
    pub url: String,
    /// Its words: these texts, then, of a document, its body's runs of text.
    pub texts: Vec<Cow<'a, str>>,
    pub body: Option<(&'a PlainText, &'a str)>,
}

impl<'a> Entry<'a> {
    /// Each text and run of the body, in order.
    pub fn runs(&self) -> impl Iterator<Item = &str> {
        let body = self.body.into_iter().flat_map(|(plain, body)| plain.runs(body));
        self.texts.iter().map(|t| &**t).chain(body)
    }

    /// The runs as one text, separated by spaces, up to `limit` bytes (cut before a character
    /// that would not fit).
    pub fn text(&self, limit: usize) -> Cow<'_, str> {
        if let ([text], None) = (self.texts.as_slice(), self.body) {
            return Cow::Borrowed(&text[..floor_char_boundary(text, limit)]);
        }
        let mut text = String::new();
        for (i, run) in self.runs().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(run);
            if text.len() >= limit {
                break;
            }
        }
        text.truncate(floor_char_boundary(&text, limit));
        Cow::Owned(text)
    }
}

/// The search page; without JavaScript, it lists the handbook's sections.
#[derive(Serialize)]
pub struct SearchPage {
    sections: Vec<LinkView>,
}

/// Everything searchable, every object of every kind: title, kind, and the words of its text.
pub fn entries<'a>(ctx: &'a Ctx<'a>) -> Vec<Entry<'a>> {
    let objects: Vec<(Kind, Object)> = Kind::ALL
        .into_iter()
        .flat_map(|kind| ctx.handbook.objects(kind).into_iter().map(move |o| (kind, o)))
        .collect();
    objects
        .into_par_iter()
        .map(|(kind, object)| {
            let (path, fragment) = kind.target(object.id());
            let (texts, body) = words(object);
            Entry {
                kind: ctx.t(kind.spec().label),
                title: object.name(),
                url: match fragment {
                    Some(f) => format!("{path}#{f}"),
                    None => path,
                },
                texts,
                body,
            }
        })
        .collect()
}

/// The words an object is found by besides its name, as [`Entry::texts`] and
/// [`Entry::body`].
fn words(object: Object<'_>) -> (Vec<Cow<'_, str>>, Option<(&PlainText, &str)>) {
    let join = |parts: Vec<&str>| vec![Cow::Owned(parts.join(" "))];
    let texts = match object {
        Object::Plan(plan) => join(
            plan.phases
                .iter()
                .flat_map(|p| p.steps.iter().map(|s| s.action.as_str()))
                .collect(),
        ),
        Object::Playbook(doc) | Object::Page(doc) => {
            let texts = vec![
                Cow::Borrowed(doc.front.summary.as_deref().unwrap_or("")),
                Cow::Owned(doc.front.tags.join(" ")),
            ];
            match &doc.outline.words {
                Some(plain) => return (texts, Some((plain, &doc.body.text))),
                // Read without its words (not for a site): they are read now.
                None => {
                    let plain = markdown::outline_with_words(&doc.body.text)
                        .words
                        .unwrap_or_default();
                    let runs: Vec<&str> = plain.runs(&doc.body.text).collect();
                    texts.into_iter().chain([Cow::Owned(runs.join(" "))]).collect()
                }
            }
        }
        Object::Supplier(s) => vec![
            Cow::Owned(s.services.join(" ")),
            Cow::Owned(
                s.contacts
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ],
        Object::Party(p) => join(p.contacts.iter().map(|c| c.name.as_str()).collect()),
        Object::Role(r) => join(r.people.iter().map(|p| p.name.as_str()).collect()),
        Object::Obligation(o) => vec![
            Cow::Borrowed(o.to.as_str()),
            Cow::Borrowed(o.reference.as_deref().unwrap_or("")),
        ],
        Object::System(s) => join(s.data.iter().map(String::as_str).collect()),
        Object::Stakeholder(s) => vec![Cow::Borrowed(s.channel.as_deref().unwrap_or(""))],
        Object::Form(f) => join(f.sections.iter().map(|s| s.title.as_str()).collect()),
        Object::Severity(_) | Object::Message(_) => Vec::new(),
    };
    (texts, None)
}

pub fn page(ctx: &Ctx) -> SearchPage {
    let here = SitePage::Search.path();
    let sections = SitePage::ALL
        .into_iter()
        .filter(|p| p.is_written(ctx.handbook) && !matches!(p, SitePage::Search | SitePage::NotFound))
        .map(|p| LinkView {
            text: ctx.t(p.spec().2).to_string(),
            href: urls::href(here, p.path(), None),
        })
        .collect();
    SearchPage { sections }
}
