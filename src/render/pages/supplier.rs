//! `suppliers/<id>.html`: everything needed in the first hour with one supplier.

use serde::Serialize;

use crate::model::{Contact, Email, Kind, Record, Supplier, Tier};
use crate::render::context::{Ctx, LinkView};
use crate::render::urls;
use crate::render::words::DateView;
use crate::resolve::StepRef;

#[derive(Serialize)]
pub struct SupplierPage<'a> {
    id: &'a str,
    name: &'a str,
    tier: Tier,
    tier_label: &'a str,
    services: &'a [String],
    data: &'a [String],
    contacts: Vec<ContactView<'a>>,
    escalation: Vec<Rung<'a>>,
    contract: Option<ContractView<'a>>,
    certifications: Vec<CertificationView<'a>>,
    secure_channel: Option<String>,
    notes: Option<String>,
    last_reviewed: Option<DateView>,
    stale: bool,
    messages: Vec<MessageView<'a>>,
    /// The plan steps and documents that involve it, each at most
    /// [`crate::render::lists::SHORT`], with "and 12 more".
    steps: Vec<StepLink>,
    steps_more: Option<String>,
    docs: Vec<LinkView>,
    docs_more: Option<String>,
    vcard: String,
    data_location: &'a [String],
    fallback: Option<FallbackView>,
    /// Our systems that depend on this supplier.
    systems: Vec<LinkView>,
}

#[derive(Serialize)]
struct FallbackView {
    supplier: LinkView,
    when: Option<String>,
}

#[derive(Serialize)]
pub struct ContactView<'a> {
    name: &'a str,
    role: Option<&'a str>,
    phone: Option<&'a str>,
    tel: Option<String>,
    email: Option<&'a Email>,
    mailto: Option<String>,
    hours: Option<&'a str>,
    pub primary: bool,
}

#[derive(Serialize)]
struct Rung<'a> {
    after: String,
    contact: &'a str,
    phone: Option<&'a str>,
    tel: Option<String>,
    email: Option<&'a Email>,
    mailto: Option<String>,
}

#[derive(Serialize)]
struct ContractView<'a> {
    reference: Option<&'a str>,
    notify_within: Option<String>,
    rto: Option<String>,
    rpo: Option<String>,
    support: Option<&'a str>,
    audit_rights: Option<bool>,
    cooperation: Option<String>,
    expires: Option<DateView>,
    expired: bool,
    liability: Option<String>,
    preserve_evidence: Option<String>,
    log_retention: Option<String>,
    reporting_every: Option<String>,
    reporting_format: Option<String>,
    /// Our own duty: how soon we must tell them.
    we_notify_within: Option<String>,
}

#[derive(Serialize)]
struct CertificationView<'a> {
    name: &'a str,
    expires: Option<DateView>,
    expired: bool,
}

#[derive(Serialize)]
struct MessageView<'a> {
    id: &'a str,
    title: &'a str,
    subject: String,
    body: String,
    mailto: Option<String>,
}

/// A plan step that involves this supplier, as a link to its row.
#[derive(Serialize)]
pub struct StepLink {
    pub plan: String,
    pub number: String,
    pub action: String,
    pub responsible: String,
    /// "within 1 hour" of detection, in the handbook's language.
    pub due: Option<String>,
    pub href: String,
}

pub fn view<'a>(ctx: &'a Ctx<'a>, supplier: &'a Record<Supplier>) -> SupplierPage<'a> {
    let page = Kind::Supplier.target(supplier.id.as_str()).0;
    let file = supplier.file;
    let contacts = contact_views(&supplier.contacts);
    let (steps, steps_more) = step_links(ctx, &page, Kind::Supplier, supplier.id.as_str());
    let (docs, docs_more) = doc_links(ctx, &page, Kind::Supplier, supplier.id.as_str());
    let escalation = supplier
        .escalation
        .iter()
        .map(|rung| {
            let contact = supplier
                .contacts
                .iter()
                .find(|c| c.name.as_str() == rung.contact.as_str());
            Rung {
                after: ctx.dative(rung.after),
                contact: &rung.contact,
                phone: contact.and_then(|c| c.phone.as_ref()).map(|p| p.as_str()),
                tel: contact.and_then(|c| c.phone.as_ref()).map(|p| urls::tel(p)),
                email: contact.and_then(|c| c.email.as_deref()),
                mailto: contact
                    .and_then(|c| c.email.as_ref())
                    .map(|e| urls::mailto(e, &[])),
            }
        })
        .collect();
    let contract = supplier.contract.as_ref().map(|k| ContractView {
        reference: k.reference.as_ref().map(|r| r.as_str()),
        notify_within: k.notify_within.map(|d| ctx.dative(d)),
        rto: k.rto.map(|d| ctx.duration(d)),
        rpo: k.rpo.map(|d| ctx.duration(d)),
        support: k.support.as_deref(),
        audit_rights: k.audit_rights,
        cooperation: ctx.opt_markdown(k.cooperation.as_ref(), file, &page),
        expires: k.expires.as_ref().map(|d| ctx.date(d.value)),
        expired: k.expires.as_ref().is_some_and(|d| d.value < ctx.today),
        liability: ctx.opt_markdown(k.liability.as_ref(), file, &page),
        preserve_evidence: ctx.opt_markdown(k.preserve_evidence.as_ref(), file, &page),
        log_retention: k.log_retention.map(|d| ctx.duration(d)),
        reporting_every: k
            .reporting
            .as_ref()
            .and_then(|r| r.every)
            .map(|d| ctx.duration(d)),
        reporting_format: k
            .reporting
            .as_ref()
            .and_then(|r| ctx.opt_markdown(r.format.as_ref(), file, &page)),
        we_notify_within: k.we_notify_within.map(|d| ctx.dative(d)),
    });
    let certifications = supplier
        .certifications
        .iter()
        .map(|c| CertificationView {
            name: &c.name,
            expires: c.expires.as_ref().map(|d| ctx.date(d.value)),
            expired: c.expires.as_ref().is_some_and(|d| d.value < ctx.today),
        })
        .collect();
    let id = supplier.id.as_str();
    SupplierPage {
        id,
        name: &supplier.name,
        tier: supplier.tier.value,
        tier_label: ctx.tier_label(supplier.tier.value),
        services: &supplier.services,
        data: &supplier.data,
        contacts,
        escalation,
        contract,
        certifications,
        secure_channel: ctx.opt_markdown(supplier.secure_channel.as_ref(), file, &page),
        notes: ctx.opt_markdown(supplier.notes.as_ref(), file, &page),
        last_reviewed: supplier.last_reviewed.as_ref().map(|d| ctx.date(d.value)),
        stale: supplier.last_reviewed.is_none() || ctx.is_stale(supplier.last_reviewed.as_ref()),
        messages: messages(ctx, supplier),
        steps,
        steps_more,
        docs,
        docs_more,
        vcard: format!("{id}.vcf"),
        data_location: &supplier.data_location,
        fallback: supplier.fallback.as_ref().map(|f| FallbackView {
            supplier: ctx.link(
                &page,
                Kind::Supplier,
                &f.supplier,
                ctx.name(Kind::Supplier, &f.supplier),
            ),
            when: ctx.opt_markdown(f.when.as_ref(), file, &page),
        }),
        systems: ctx
            .main
            .systems
            .iter()
            .filter(|s| s.suppliers.iter().any(|x| x.as_str() == id))
            .map(|s| ctx.link(&page, Kind::System, s.id.as_str(), s.name.as_str()))
            .collect(),
    }
}

/// A supplier's or party's contacts, the primary one marked.
pub fn contact_views(contacts: &[Contact]) -> Vec<ContactView<'_>> {
    let primary = crate::model::primary_of(contacts).map(|c| c.name.as_str());
    contacts
        .iter()
        .map(|c| ContactView {
            name: &c.name,
            role: c.role.as_deref(),
            phone: c.phone.as_ref().map(|p| p.as_str()),
            tel: c.phone.as_ref().map(|p| urls::tel(p)),
            email: c.email.as_deref(),
            mailto: c.email.as_ref().map(|e| urls::mailto(e, &[])),
            hours: c.hours.as_deref(),
            primary: Some(c.name.as_str()) == primary,
        })
        .collect()
}

/// The plan steps that name an object, as links from `page`: the first
/// [`crate::render::lists::SHORT`], and "and 12 more".
pub fn step_links(ctx: &Ctx, page: &str, kind: Kind, id: &str) -> (Vec<StepLink>, Option<String>) {
    let steps = ctx.backlinks.steps(kind, id);
    let shown = steps.len().min(crate::render::lists::SHORT);
    let links = steps[..shown].iter().map(|s| step_link(ctx, page, s)).collect();
    (links, ctx.and_more(steps.len() - shown))
}

/// The playbooks and pages that name an object, as links from `page`: the first
/// [`crate::render::lists::SHORT`], and "and 12 more".
pub fn doc_links(ctx: &Ctx, page: &str, kind: Kind, id: &str) -> (Vec<LinkView>, Option<String>) {
    let docs = ctx.backlinks.docs(kind, id);
    let shown = docs.len().min(crate::render::lists::SHORT);
    let links = docs[..shown]
        .iter()
        .map(|&(kind, doc)| ctx.link(page, kind, doc, ctx.name(kind, doc)))
        .collect();
    (links, ctx.and_more(docs.len() - shown))
}

pub fn step_link(ctx: &Ctx, page: &str, step: &StepRef) -> StepLink {
    let roles: Vec<&str> = step
        .item
        .responsible
        .iter()
        .map(|r| ctx.name(Kind::Role, r))
        .collect();
    StepLink {
        plan: step.plan.title.clone(),
        number: step.number(),
        action: step.item.action.clone(),
        responsible: roles.join(" / "),
        due: step.item.within.as_ref().map(|w| ctx.within(w.value)),
        href: urls::href(
            page,
            &format!("plans/{}.html", step.plan.id),
            Some(&step.anchor()),
        ),
    }
}

/// Every supplier-audience message, filled in for this supplier. A template that does not
/// render was reported by `check`, which a build runs first.
fn messages<'a>(ctx: &'a Ctx<'a>, supplier: &'a Record<Supplier>) -> Vec<MessageView<'a>> {
    let email = supplier.primary_contact().and_then(|c| c.email.as_ref());
    ctx.main
        .messages
        .iter()
        .filter(|m| m.audience == crate::model::Audience::Supplier)
        .filter_map(|m| {
            let subject = ctx.messages.subject(m, Some(supplier)).ok()?;
            let body = ctx.messages.fill(m, "body", Some(supplier)).ok()?;
            let mailto = email.map(|to| urls::mailto(to, &[("subject", &subject), ("body", &body)]));
            Some(MessageView {
                id: m.id.as_str(),
                title: &m.title,
                subject,
                body,
                mailto,
            })
        })
        .collect()
}
