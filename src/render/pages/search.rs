//! `search.html` and `search-index.js`: an index loaded with a script tag (so it works from
//! file://), and the same list as plain links for browsers without JavaScript.

use serde::Serialize;

use crate::model::Kind;
use crate::render::context::Ctx;
use crate::render::urls;

#[derive(Serialize)]
pub struct Entry<'a> {
    kind: &'static str,
    title: &'a str,
    /// Relative to the site root.
    url: String,
    text: String,
}

#[derive(Serialize)]
pub struct SearchPage<'a> {
    entries: Vec<Entry<'a>>,
}

fn kind_label(ctx: &Ctx, kind: Kind) -> &'static str {
    ctx.t(match kind {
        Kind::Plan => "kind_plan",
        Kind::Playbook => "kind_playbook",
        Kind::Page => "kind_page",
        Kind::Supplier => "kind_supplier",
        _ => "kind_role",
    })
}

/// Everything searchable: title, kind, and the words of its text.
pub fn entries<'a>(ctx: &'a Ctx<'a>) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for plan in &ctx.handbook.plans {
        let steps: Vec<&str> = plan
            .phases
            .iter()
            .flat_map(|p| p.steps.iter().map(|s| s.action.as_str()))
            .collect();
        out.push(Entry {
            kind: kind_label(ctx, Kind::Plan),
            title: &plan.title,
            url: urls::object_target(Kind::Plan, plan.id.as_str()).0,
            text: steps.join(" "),
        });
    }
    for (kind, docs) in [
        (Kind::Playbook, &ctx.handbook.playbooks),
        (Kind::Page, &ctx.handbook.pages),
    ] {
        for doc in docs {
            out.push(Entry {
                kind: kind_label(ctx, kind),
                title: &doc.front.title,
                url: urls::object_target(kind, doc.id.as_str()).0,
                text: format!(
                    "{} {}",
                    doc.front.summary.as_deref().unwrap_or(""),
                    plain_words(&doc.body.text)
                ),
            });
        }
    }
    for s in &ctx.handbook.suppliers {
        let contacts: Vec<&str> = s.contacts.iter().map(|c| c.name.as_str()).collect();
        out.push(Entry {
            kind: kind_label(ctx, Kind::Supplier),
            title: &s.name,
            url: urls::object_target(Kind::Supplier, s.id.as_str()).0,
            text: format!("{} {}", s.services.join(" "), contacts.join(" ")),
        });
    }
    for r in ctx.main.roles.iter() {
        let people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
        let (path, fragment) = urls::object_target(Kind::Role, r.id.as_str());
        out.push(Entry {
            kind: kind_label(ctx, Kind::Role),
            title: &r.name,
            url: format!("{path}#{}", fragment.unwrap_or_default()),
            text: people.join(" "),
        });
    }
    out
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
