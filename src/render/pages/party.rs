//! `parties/<id>.html` and `parties.html`: the external parties that are not suppliers (CERT,
//! police, insurer, authorities, lawyers, peers), how to reach them and when.

use serde::Serialize;

use super::supplier::{ContactView, StepLink, contact_views, doc_links, step_links};
use crate::model::{Kind, Object, Party, PartyKind, Record};
use crate::render::context::{Ctx, LinkView};
use crate::render::lists::{GroupLink, Pager};
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
    /// The plan steps and documents that involve it, each cut with "and 12 more".
    steps: Vec<StepLink>,
    steps_more: Option<String>,
    docs: Vec<LinkView>,
    docs_more: Option<String>,
    vcard: String,
}

pub fn view<'a>(ctx: &'a Ctx<'a>, party: &'a Record<Party>) -> PartyPage<'a> {
    let id = party.id.as_str();
    let page = Kind::Party.target(id).0;
    let file = party.file;
    let (steps, steps_more) = step_links(ctx, &page, Kind::Party, id);
    let (docs, docs_more) = doc_links(ctx, &page, Kind::Party, id);
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
        steps,
        steps_more,
        docs,
        docs_more,
        vcard: format!("{id}.vcf"),
    }
}

#[derive(Serialize)]
pub struct PartiesPage<'a> {
    parties: Vec<PartyRow<'a>>,
    /// Where the list has several pages: links to the others, and where each kind starts.
    pager: Option<Pager>,
    index: Vec<GroupLink>,
}

#[derive(Serialize)]
struct PartyRow<'a> {
    /// The anchor of the kind of party that starts with this row.
    anchor: Option<String>,
    link: LinkView,
    kind_label: &'a str,
    contact: Option<ContactView<'a>>,
    stale: bool,
}

/// Page `number` (from 0) of `parties.html`: the parties by kind, then name.
pub fn directory<'a>(ctx: &'a Ctx<'a>, number: usize) -> PartiesPage<'a> {
    let list = ctx.lists.of_kind(Kind::Party).expect("parties have a list");
    let view = list.view(number, ctx.t("parties"), |page, object| {
        let Object::Party(p) = object else { return None };
        Some(PartyRow {
            anchor: None,
            link: ctx.link(page, Kind::Party, p.id.as_str(), p.name.as_str()),
            kind_label: ctx.t(p.kind.value.label()),
            contact: contact_views(&p.contacts).into_iter().find(|c| c.primary),
            stale: p.last_reviewed.is_none() || ctx.is_stale(p.last_reviewed.as_ref()),
        })
    });
    PartiesPage {
        parties: crate::render::lists::rows(view.groups, |row, anchor| row.anchor = Some(anchor)),
        pager: view.pager,
        index: view.index,
    }
}
