//! `plans/<id>.html`: a plan as an interactive checklist (ticks kept in the browser) that
//! also prints as a paper checklist.

use serde::Serialize;

use crate::model::{Audience, Kind, Plan, PlanKind, Record, Step};
use crate::render::context::{Ctx, LinkView, PersonView};
use crate::render::words::DateView;
use crate::render::{incident, urls};

#[derive(Serialize)]
pub struct PlanPage<'a> {
    id: &'a str,
    title: &'a str,
    /// A readiness plan is a preparation checklist: no incident header, no deadlines.
    readiness: bool,
    exercised: Option<DateView>,
    /// Never exercised, or longer ago than `exercise_every`.
    exercise_due: bool,
    summary: Option<String>,
    severities: Vec<LinkView>,
    owner: Option<LinkView>,
    last_reviewed: Option<DateView>,
    stale: bool,
    phases: Vec<PhaseView<'a>>,
    /// The incident clocks' data (a JSON island); none for a readiness plan, which has no clock.
    incident: Option<String>,
}

#[derive(Serialize)]
struct PhaseView<'a> {
    number: usize,
    /// The title as shown: with its number in front unless the author numbered it already.
    heading: String,
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
    /// The roles responsible, the leading one first, each with its primary person.
    roles: Vec<RoleRef<'a>>,
    due: Option<String>,
    /// `within` in the short syntax (`1h 30m`, `1mo`), for the incident clocks.
    within: Option<String>,
    every: Option<String>,
    /// The step's suppliers, then its parties.
    contacts: Vec<SupplierRef<'a>>,
    systems: Vec<LinkView>,
    form: Option<LinkView>,
    /// Stakeholders whose audience the step's message is for.
    stakeholders: Vec<LinkView>,
    obligation: Option<ObligationRef<'a>>,
    message: Option<MessageRef>,
    details: Option<String>,
}

#[derive(Serialize)]
struct RoleRef<'a> {
    link: LinkView,
    person: Option<PersonView<'a>>,
}

/// A supplier or party of a step, with its primary phone, and for a message to suppliers the
/// copy filled in for it.
#[derive(Serialize)]
struct SupplierRef<'a> {
    link: LinkView,
    phone: Option<&'a str>,
    tel: Option<String>,
    message: Option<String>,
}

/// A step's message on `messages.html`.
#[derive(Serialize)]
struct MessageRef {
    title: String,
    href: String,
}

#[derive(Serialize)]
struct ObligationRef<'a> {
    link: LinkView,
    deadline: Option<String>,
    /// From when the deadline runs, in the handbook's words; `None` for a clock that starts
    /// at another report (`after`) or at awareness unqualified.
    clock_starts: Option<&'a str>,
    /// The name of the report whose sending starts this clock.
    after: Option<&'a str>,
}

pub fn view<'a>(ctx: &'a Ctx<'a>, plan: &'a Record<Plan>) -> PlanPage<'a> {
    let page = Kind::Plan.target(plan.id.as_str()).0;
    let phases = plan
        .phases
        .iter()
        .enumerate()
        .map(|(p, phase)| PhaseView {
            number: p + 1,
            heading: numbered(p + 1, &phase.title),
            title: &phase.title,
            anchor: phase.anchor(),
            steps: phase
                .steps
                .iter()
                .enumerate()
                .map(|(s, step)| step_view(ctx, plan, &page, (p, s), step))
                .collect(),
        })
        .collect();
    let exercised = plan.exercised.as_ref().map(|d| d.value);
    let readiness = plan.kind == PlanKind::Readiness;
    PlanPage {
        id: plan.id.as_str(),
        title: &plan.title,
        readiness,
        exercised: exercised.map(|d| ctx.date(d)),
        exercise_due: exercised.is_none_or(|d| d.older_than(ctx.main.exercise_every, ctx.today)),
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
        last_reviewed: plan.last_reviewed.as_ref().map(|d| ctx.date(d.value)),
        stale: ctx.is_stale(plan.last_reviewed.as_ref()),
        phases,
        incident: (!readiness).then(|| incident::island(ctx, Some(&plan.title))),
    }
}

/// "2. Containment", or the title as it is where the author wrote "2." or "2 " already.
fn numbered(number: usize, title: &str) -> String {
    let own = title
        .strip_prefix(&number.to_string())
        .is_some_and(|rest| rest.starts_with(['.', ' ', ')']));
    if own {
        title.to_string()
    } else {
        format!("{number}. {title}")
    }
}

fn step_view<'a>(
    ctx: &'a Ctx<'a>,
    plan: &'a Record<Plan>,
    page: &str,
    (p, s): (usize, usize),
    step: &'a Step,
) -> StepView<'a> {
    let message = step
        .message
        .as_ref()
        .and_then(|m| ctx.main.messages.iter().find(|x| x.id.as_str() == m.as_str()));
    let to_suppliers = message.is_some_and(|m| m.audience == Audience::Supplier);
    let message_anchor = message.map(|m| format!("message-{}", m.id.as_str()));
    StepView {
        number: format!("{}.{}", p + 1, s + 1),
        key: crate::markdown::slugify(&step.action).chars().take(60).collect(),
        anchor: format!("step-{}-{}", p + 1, s + 1),
        action: &step.action,
        roles: step
            .responsible
            .iter()
            .map(|id| RoleRef {
                link: ctx.link(page, Kind::Role, id, ctx.name(Kind::Role, id)),
                person: ctx
                    .main
                    .roles
                    .iter()
                    .find(|r| r.id.as_str() == id.as_str())
                    .and_then(|r| r.people.first())
                    .map(|p| PersonView::of(p, true)),
            })
            .collect(),
        due: ctx.due(step.within.as_ref()),
        within: step.within.as_ref().map(|w| w.value.short()),
        every: step.every.as_ref().map(|e| ctx.duration(e.value)),
        contacts: step
            .suppliers
            .iter()
            .map(|id| {
                let mut reference = contact_ref(ctx, page, Kind::Supplier, id);
                if to_suppliers {
                    reference.message = message_anchor
                        .as_ref()
                        .map(|a| urls::href(page, &Kind::Supplier.target(id).0, Some(a)));
                }
                reference
            })
            .chain(
                step.parties
                    .iter()
                    .map(|id| contact_ref(ctx, page, Kind::Party, id)),
            )
            .collect(),
        systems: step
            .systems
            .iter()
            .map(|id| ctx.link(page, Kind::System, id, ctx.name(Kind::System, id)))
            .collect(),
        form: step
            .form
            .as_ref()
            .map(|f| ctx.link(page, Kind::Form, f, ctx.name(Kind::Form, f))),
        stakeholders: message.map_or_else(Vec::new, |m| {
            ctx.main
                .stakeholders
                .iter()
                .filter(|st| {
                    st.message.as_ref().is_some_and(|x| x.as_str() == m.id.as_str())
                        || st.audience.value == m.audience
                })
                .map(|st| ctx.link(page, Kind::Stakeholder, st.id.as_str(), st.name.as_str()))
                .collect()
        }),
        obligation: step.obligation.as_ref().map(|o| {
            let obligation = ctx.main.obligations.iter().find(|x| x.id.as_str() == o.as_str());
            ObligationRef {
                link: ctx.link(page, Kind::Obligation, o, ctx.name(Kind::Obligation, o)),
                deadline: obligation
                    .and_then(|d| d.deadline.as_ref())
                    .map(|d| ctx.duration(d.value)),
                clock_starts: obligation.and_then(|d| d.clock_starts.as_deref()),
                after: obligation
                    .and_then(|d| d.after.as_ref())
                    .map(|a| ctx.name(Kind::Obligation, a.as_str())),
            }
        }),
        message: message.map(|m| MessageRef {
            title: m.title.clone(),
            href: ctx.link(page, Kind::Message, m.id.as_str(), "").href,
        }),
        details: ctx.opt_markdown(step.details.as_ref(), plan.file, page),
    }
}

/// A supplier or party named by a step, with its primary contact's phone.
fn contact_ref<'a>(ctx: &'a Ctx<'a>, page: &str, kind: Kind, id: &str) -> SupplierRef<'a> {
    let primary = ctx
        .index
        .object(kind, id)
        .and_then(|o| o.contacts())
        .and_then(crate::model::primary_of);
    let phone = primary.and_then(|c| c.phone.as_ref());
    SupplierRef {
        link: ctx.link(page, kind, id, ctx.name(kind, id)),
        phone: phone.map(|p| p.as_str()),
        tel: phone.map(|p| urls::tel(p)),
        message: None,
    }
}
