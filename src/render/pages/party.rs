//! `parties/<id>.html` and `parties.html`: the external parties that are not suppliers (CERT,
//! police, insurer, authorities, lawyers, peers), how to reach them and when.

use serde::Serialize;

use super::supplier::{ContactView, StepLink, contact_views, step_link};
use crate::model::{Kind, Party, PartyKind, Record};
use crate::render::context::{Ctx, LinkView};
use crate::render::words::DateView;

#[derive(Serialize)]
pub struct PartyPage<'a> {
    id: &'a str,
    name: &'a str,
    kind: PartyKind,
    kind_label: &'a str,
    contacts: Vec<ContactView<'a>>,
    when: Option<String>,
    secure_channel: Option<String>,
    notes: Option<String>,
    last_reviewed: Option<DateView>,
    stale: bool,
    /// Obligations that are reported to this party.
    obligations: Vec<LinkView>,
    steps: Vec<StepLink>,
    docs: Vec<LinkView>,
    vcard: String,
}

pub fn view<'a>(ctx: &'a Ctx<'a>, party: &'a Record<Party>) -> PartyPage<'a> {
    let id = party.id.as_str();
    let page = Kind::Party.target(id).0;
    let file = party.file;
    PartyPage {
        id,
        name: &party.name,
        kind: party.kind.value,
        kind_label: ctx.t(party.kind.value.label()),
        contacts: contact_views(&party.contacts),
        when: ctx.opt_markdown(party.when.as_ref(), file, &page),
        secure_channel: ctx.opt_markdown(party.secure_channel.as_ref(), file, &page),
        notes: ctx.opt_markdown(party.notes.as_ref(), file, &page),
        last_reviewed: party.last_reviewed.as_ref().map(|d| ctx.date(d.value)),
        stale: party.last_reviewed.is_none() || ctx.is_stale(party.last_reviewed.as_ref()),
        obligations: ctx
            .main
            .obligations
            .iter()
            .filter(|o| o.party.as_ref().is_some_and(|p| p.as_str() == id))
            .map(|o| ctx.link(&page, Kind::Obligation, o.id.as_str(), o.name.as_str()))
            .collect(),
        steps: ctx
            .backlinks
            .steps(Kind::Party, id)
            .iter()
            .map(|s| step_link(ctx, &page, s))
            .collect(),
        docs: ctx
            .backlinks
            .docs(Kind::Party, id)
            .iter()
            .map(|&(kind, doc)| ctx.link(&page, kind, doc, ctx.name(kind, doc)))
            .collect(),
        vcard: format!("{id}.vcf"),
    }
}

#[derive(Serialize)]
pub struct PartiesPage<'a> {
    parties: Vec<PartyRow<'a>>,
}

#[derive(Serialize)]
struct PartyRow<'a> {
    link: LinkView,
    kind_label: &'a str,
    contact: Option<ContactView<'a>>,
    stale: bool,
}

pub fn directory<'a>(ctx: &'a Ctx<'a>) -> PartiesPage<'a> {
    const PAGE: &str = "parties.html";
    let mut sorted: Vec<&Record<Party>> = ctx.handbook.parties.iter().collect();
    sorted.sort_by_key(|p| (p.kind.value, p.name.as_str()));
    let parties = sorted
        .into_iter()
        .map(|p| PartyRow {
            link: ctx.link(PAGE, Kind::Party, p.id.as_str(), p.name.as_str()),
            kind_label: ctx.t(p.kind.value.label()),
            contact: contact_views(&p.contacts).into_iter().find(|c| c.primary),
            stale: p.last_reviewed.is_none() || ctx.is_stale(p.last_reviewed.as_ref()),
        })
        .collect();
    PartiesPage { parties }
}
