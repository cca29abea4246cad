//! `content/plans/<id>.yaml`: a response plan, phases of checklist steps.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::many::OneOrMany;
use super::values::{Date, Id, Markdown, Ref, Spanned};
use crate::markdown::slugify;

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Plan {
    pub title: String,
    #[serde(default)]
    pub kind: PlanKind,
    /// Sort key of lists (plans without one last, then by title).
    pub order: Option<i64>,
    /// The last tabletop or live exercise.
    pub exercised: Option<Spanned<Date>>,
    pub summary: Option<Markdown>,
    #[serde(default)]
    pub severities: Vec<Ref>,
    pub owner: Option<Ref>,
    pub last_reviewed: Option<Spanned<Date>>,
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
    #[default]
    Response,
    Readiness,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct Phase {
    pub title: Spanned<String>,
    pub id: Option<Spanned<Id>>,
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

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Step {
    pub action: String,
    /// One role or several; the first leads.
    pub responsible: OneOrMany<Ref>,
    /// Deadline counted from detection (response plans).
    pub within: Option<Spanned<Duration>>,
    /// How often the step is done (readiness plans).
    pub every: Option<Spanned<Duration>>,
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    #[serde(default)]
    pub parties: Vec<Ref>,
    #[serde(default)]
    pub systems: Vec<Ref>,
    pub obligation: Option<Ref>,
    pub message: Option<Ref>,
    pub form: Option<Ref>,
    pub details: Option<Markdown>,
}
