//! `content/plans/<id>.yaml`: a response plan, phases of checklist steps.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::many::OneOrMany;
use super::values::{Date, Id, Markdown, Ref, Spanned};
use crate::markdown::slugify;

/// A plan: a checklist of steps in phases, printed and ticked off.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Plan {
    /// The plan's title.
    pub title: String,
    /// `response` (the default): counted from detection; `readiness`: preparation, done regularly.
    #[serde(default)]
    pub kind: PlanKind,
    /// Sort key of lists: by `order`, then by title; plans without one come last.
    pub order: Option<i64>,
    /// The last tabletop or live exercise (`YYYY-MM-DD`); too old, or missing on a response plan: a warning.
    pub exercised: Option<Spanned<Date>>,
    /// When and how to use the plan (Markdown).
    pub summary: Option<Markdown>,
    /// The ids of the severities that activate the plan.
    #[serde(default)]
    pub severities: Vec<Ref>,
    /// The id of the role that keeps the plan up to date.
    pub owner: Option<Ref>,
    /// When the plan was last reviewed (`YYYY-MM-DD`); older than `review_every`: a warning.
    pub last_reviewed: Option<Spanned<Date>>,
    /// The phases, in order; at least one.
    #[schemars(length(min = 1))]
    pub phases: Spanned<Vec<Phase>>,
}

impl Plan {
    /// Sort key of lists: by `order` (plans without one last), then by title.
    pub fn sort_key(&self) -> (bool, Option<i64>, &str) {
        (self.order.is_none(), self.order, &self.title)
    }
}

/// A response plan runs from detection; a readiness plan is preparation, done regularly.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanKind {
    /// A response plan (the default): its steps take `within`, counted from detection.
    #[default]
    Response,
    /// A readiness plan, preparation: its steps take `every`, how often they are done.
    Readiness,
}

/// A phase of a plan: a title and its steps.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct Phase {
    /// The phase's title.
    pub title: Spanned<String>,
    /// The phase's anchor for links (`plan:recovery#assess`); without it, the title as a slug.
    pub id: Option<Spanned<Id>>,
    /// The steps, in order; at least one.
    #[schemars(length(min = 1))]
    pub steps: Spanned<Vec<Step>>,
}

/// In handbook.json a phase's `id` is its anchor, also where the author gave none.
impl Serialize for Phase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut phase = serializer.serialize_struct("Phase", 3)?;
        phase.serialize_field("id", &self.anchor())?;
        phase.serialize_field("title", &self.title)?;
        phase.serialize_field("steps", &self.steps)?;
        phase.end()
    }
}

impl Phase {
    /// The phase's anchor: its `id`, or its title as a slug (`phase` for a title without
    /// letters or digits).
    pub fn anchor(&self) -> String {
        match &self.id {
            Some(id) => id.value.to_string(),
            None => Some(slugify(&self.title))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "phase".into()),
        }
    }
}

/// One step of a plan: what to do, who does it, and by when or how often.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Step {
    /// What to do, in one line.
    pub action: String,
    /// The id of the role that does it, or a list of role ids; with several, the first leads.
    pub responsible: OneOrMany<Ref>,
    /// The deadline counted from detection, e.g. `2h` (response plans only).
    pub within: Option<Spanned<Duration>>,
    /// How often the step is done, e.g. `3mo` (readiness plans only).
    pub every: Option<Spanned<Duration>>,
    /// The ids of the suppliers involved; the step is listed on their pages.
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    /// The ids of the external parties involved.
    #[serde(default)]
    pub parties: Vec<Ref>,
    /// The ids of the business systems involved.
    #[serde(default)]
    pub systems: Vec<Ref>,
    /// The id of the obligation (legal duty) this step fulfils.
    pub obligation: Option<Ref>,
    /// The id of the message template to send.
    pub message: Option<Ref>,
    /// The id of the form to fill in: one of `content/forms/`, `incident-log` or `chain-of-custody`.
    pub form: Option<Ref>,
    /// How to do it (Markdown).
    pub details: Option<Markdown>,
}
