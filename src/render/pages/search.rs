//! `search.html` and `search-index.js`: an index loaded with a script tag (so it works from
//! file://), and the same list as plain links for browsers without JavaScript.

use serde::Serialize;

use crate::model::{Kind, Object};
use crate::render::context::Ctx;

#[derive(Serialize)]
pub struct Entry<'a> {
    kind: &'a str,
    title: &'a str,
    /// Relative to the site root.
    pub url: String,
    text: String,
}

#[derive(Serialize)]
pub struct SearchPage<'a> {
    entries: Vec<Entry<'a>>,
}

/// Everything searchable, every object of every kind: title, kind, and the words of its text.
pub fn entries<'a>(ctx: &'a Ctx<'a>) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        for object in ctx.handbook.objects(kind) {
            let (path, fragment) = kind.target(object.id());
            out.push(Entry {
                kind: ctx.t(kind.spec().label),
                title: object.name(),
                url: match fragment {
                    Some(f) => format!("{path}#{f}"),
                    None => path,
                },
                text: words(object),
            });
        }
    }
    out
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

pub fn page<'a>(ctx: &'a Ctx<'a>) -> SearchPage<'a> {
    SearchPage {
        entries: entries(ctx),
    }
}

/// `search-index.js`: sets a global the search script reads; JSON is valid JavaScript.
pub fn index_script(entries: &[Entry]) -> String {
    let json = serde_json::to_string(entries).expect("search entries serialize");
    format!("window.IRBOOK_SEARCH = {};\n", json.replace("</", "<\\/"))
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
