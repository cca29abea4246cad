//! `plans/<id>.html`: a plan as an interactive checklist (ticks kept in the browser) that
//! also prints as a paper checklist.

use serde::Serialize;

use crate::model::{Kind, Plan, Record};
use crate::render::context::{Ctx, LinkView, PersonView, due};
use crate::render::urls;

#[derive(Serialize)]
pub struct PlanPage<'a> {
    id: &'a str,
    title: &'a str,
    summary: Option<String>,
    severities: Vec<LinkView>,
    owner: Option<LinkView>,
    last_reviewed: Option<String>,
    stale: bool,
    phases: Vec<PhaseView<'a>>,
}

#[derive(Serialize)]
struct PhaseView<'a> {
    number: usize,
    title: &'a str,
    anchor: String,
    steps: Vec<StepView<'a>>,
}

#[derive(Serialize)]
struct StepView<'a> {
    number: String,
    /// What a tick is remembered by in the browser: the action's words, so that a tick stays
    /// with its step when steps are added or moved.
    key: String,
    anchor: String,
    action: &'a str,
    role: LinkView,
    person: Option<PersonView<'a>>,
    due: Option<String>,
    suppliers: Vec<SupplierRef<'a>>,
    obligation: Option<ObligationRef>,
    message: Option<MessageRef>,
    details: Option<String>,
}

#[derive(Serialize)]
struct SupplierRef<'a> {
    link: LinkView,
    phone: Option<&'a str>,
    tel: Option<String>,
}

/// A step's message: links to the copy filled in for each supplier of the step, or to the
/// message on `messages.html`.
#[derive(Serialize)]
struct MessageRef {
    title: String,
    href: String,
    /// One link per supplier of the step, for a message to suppliers.
    suppliers: Vec<LinkView>,
}

#[derive(Serialize)]
struct ObligationRef {
    link: LinkView,
    deadline: Option<String>,
}

pub fn path(id: &str) -> String {
    format!("plans/{id}.html")
}

pub fn view<'a>(ctx: &'a Ctx<'a>, plan: &'a Record<Plan>) -> PlanPage<'a> {
    let page = path(plan.id.as_str());
    let phases = plan
        .phases
        .iter()
        .enumerate()
        .map(|(p, phase)| PhaseView {
            number: p + 1,
            title: &phase.title,
            anchor: phase.anchor(),
            steps: phase
                .steps
                .iter()
                .enumerate()
                .map(|(s, step)| {
                    let role = ctx
                        .main
                        .roles
                        .iter()
                        .find(|r| r.id.as_str() == step.responsible.as_str());
                    StepView {
                        number: format!("{}.{}", p + 1, s + 1),
                        key: crate::markdown::slugify(&step.action).chars().take(60).collect(),
                        anchor: format!("step-{}-{}", p + 1, s + 1),
                        action: &step.action,
                        role: ctx.link(
                            &page,
                            Kind::Role,
                            &step.responsible,
                            ctx.name(Kind::Role, &step.responsible),
                        ),
                        person: role
                            .and_then(|r| r.people.first())
                            .map(|p| PersonView::of(p, true)),
                        due: due(step.within.as_ref()),
                        suppliers: step
                            .suppliers
                            .iter()
                            .map(|id| supplier_ref(ctx, &page, id))
                            .collect(),
                        obligation: step.obligation.as_ref().map(|o| {
                            let deadline = ctx.main.obligations.iter().find(|x| x.id.as_str() == o.as_str());
                            ObligationRef {
                                link: ctx.link(&page, Kind::Obligation, o, ctx.name(Kind::Obligation, o)),
                                deadline: deadline
                                    .and_then(|d| d.deadline.as_ref())
                                    .map(|d| d.value.to_string()),
                            }
                        }),
                        message: step
                            .message
                            .as_ref()
                            .and_then(|m| message_ref(ctx, &page, step, m)),
                        details: ctx.opt_markdown(step.details.as_ref(), plan.file, &page),
                    }
                })
                .collect(),
        })
        .collect();
    PlanPage {
        id: plan.id.as_str(),
        title: &plan.title,
        summary: ctx.opt_markdown(plan.summary.as_ref(), plan.file, &page),
        severities: plan
            .severities
            .iter()
            .map(|s| ctx.link(&page, Kind::Severity, s, ctx.name(Kind::Severity, s)))
            .collect(),
        owner: plan
            .owner
            .as_ref()
            .map(|o| ctx.link(&page, Kind::Role, o, ctx.name(Kind::Role, o))),
        last_reviewed: plan.last_reviewed.as_ref().map(|d| d.value.to_string()),
        stale: ctx.is_stale(plan.last_reviewed.as_ref()),
        phases,
    }
}

fn supplier_ref<'a>(ctx: &'a Ctx<'a>, page: &str, id: &str) -> SupplierRef<'a> {
    let supplier = ctx.handbook.suppliers.iter().find(|s| s.id.as_str() == id);
    let phone = supplier
        .and_then(|s| s.primary_contact())
        .and_then(|c| c.phone.as_ref());
    SupplierRef {
        link: ctx.link(page, Kind::Supplier, id, ctx.name(Kind::Supplier, id)),
        phone: phone.map(|p| p.as_str()),
        tel: phone.map(|p| urls::tel(p)),
    }
}

fn message_ref(ctx: &Ctx, page: &str, step: &crate::model::Step, id: &str) -> Option<MessageRef> {
    let message = ctx.main.messages.iter().find(|m| m.id.as_str() == id)?;
    let anchor = format!("message-{id}");
    let suppliers = match message.audience {
        crate::model::Audience::Supplier => step
            .suppliers
            .iter()
            .map(|s| LinkView {
                text: ctx.name(Kind::Supplier, s).to_string(),
                href: urls::href(page, &format!("suppliers/{}.html", s.as_str()), Some(&anchor)),
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(MessageRef {
        title: message.title.clone(),
        href: urls::href(page, "messages.html", Some(&anchor)),
        suppliers,
    })
}
