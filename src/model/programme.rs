//! The parts of `handbook.yaml` that describe the response programme around the incident:
//! the communication matrix (stakeholders) and the business systems with their objectives.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::handbook_file::Audience;
use super::values::{Id, Markdown, Ref, Spanned};

/// Someone who is kept informed during an incident: a row of the communication matrix.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Stakeholder {
    pub id: Spanned<Id>,
    pub name: String,
    pub audience: Spanned<Audience>,
    /// The role that keeps them informed.
    pub owner: Ref,
    pub channel: Option<String>,
    /// Informed at these severities; none listed: at every severity.
    #[serde(default)]
    pub severities: Vec<Ref>,
    /// How often; none: the severity's `update_every`.
    pub update_every: Option<Spanned<Duration>>,
    pub message: Option<Ref>,
}

/// A business system, the suppliers it depends on and how long it may be down.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct System {
    pub id: Spanned<Id>,
    pub name: String,
    pub owner: Ref,
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    /// Our own recovery time objective.
    pub rto: Option<Spanned<Duration>>,
    /// Our own recovery point objective.
    pub rpo: Option<Spanned<Duration>>,
    #[serde(default)]
    pub data: Vec<String>,
    /// How the business works without it.
    pub fallback: Option<Markdown>,
}
