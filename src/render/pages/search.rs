//! `search.html` and what search finds (the index is made of it by `search_index.rs`): the
//! page lists the handbook's sections for browsers without JavaScript.

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Kind, Object, SitePage};
use crate::render::context::{Ctx, LinkView};
use crate::render::urls;

/// One thing search finds: an object, its kind's name, where it is and its words.
#[derive(Clone)]
pub struct Entry<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    /// Relative to the site root.
    pub url: String,
    pub text: String,
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
            Entry {
                kind: ctx.t(kind.spec().label),
                title: object.name(),
                url: match fragment {
                    Some(f) => format!("{path}#{f}"),
                    None => path,
                },
                text: words(object),
            }
        })
        .collect()
}

/// The words an object is found by besides its name.
fn words(object: Object) -> String {
    let join = |parts: Vec<&str>| parts.join(" ");
    match object {
        Object::Plan(plan) => join(
            plan.phases
                .iter()
                .flat_map(|p| p.steps.iter().map(|s| s.action.as_str()))
                .collect(),
        ),
        Object::Playbook(doc) | Object::Page(doc) => format!(
            "{} {} {}",
            doc.front.summary.as_deref().unwrap_or(""),
            doc.front.tags.join(" "),
            plain_words(&doc.body.text)
        ),
        Object::Supplier(s) => format!(
            "{} {}",
            s.services.join(" "),
            join(s.contacts.iter().map(|c| c.name.as_str()).collect())
        ),
        Object::Party(p) => join(p.contacts.iter().map(|c| c.name.as_str()).collect()),
        Object::Role(r) => join(r.people.iter().map(|p| p.name.as_str()).collect()),
        Object::Obligation(o) => format!("{} {}", o.to, o.reference.as_deref().unwrap_or("")),
        Object::System(s) => s.data.join(" "),
        Object::Stakeholder(s) => s.channel.clone().unwrap_or_default(),
        Object::Form(f) => join(f.sections.iter().map(|s| s.title.as_str()).collect()),
        Object::Severity(_) | Object::Message(_) => String::new(),
    }
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

/// Markdown reduced to its words, for the index.
fn plain_words(markdown: &str) -> String {
    let mut out = String::new();
    for event in pulldown_cmark::Parser::new(markdown) {
        if let pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) = event {
            out.push_str(&t);
            out.push(' ');
        }
    }
    out
}
