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
    /// The stakeholder's id, e.g. `board`.
    pub id: Spanned<Id>,
    /// The name as shown: `Board of directors`.
    pub name: String,
    /// What kind of audience they are: `executive`, `customers`, `authority`, ...
    pub audience: Spanned<Audience>,
    /// The id of the role that keeps them informed.
    pub owner: Ref,
    /// How they are informed: `Phone call to the chair, then a written summary`.
    pub channel: Option<String>,
    /// The ids of the severities at which they are informed; none listed: at every severity.
    #[serde(default)]
    pub severities: Vec<Ref>,
    /// How often they get an update, e.g. `4h`; none: the severity's `update_every`.
    pub update_every: Option<Spanned<Duration>>,
    /// The id of the message template they are sent.
    pub message: Option<Ref>,
}

/// A business system, the suppliers it depends on and how long it may be down.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct System {
    /// The system's id, e.g. `erp`; plan steps name it in `systems:`.
    pub id: Spanned<Id>,
    /// The name as shown: `ERP, orders and production planning`.
    pub name: String,
    /// The id of the role that owns the system.
    pub owner: Ref,
    /// The ids of the suppliers it depends on; their contract's `rto` and `rpo` are compared with ours.
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    /// Our recovery time objective: how long we can be without it, e.g. `24h`.
    pub rto: Option<Spanned<Duration>>,
    /// Our recovery point objective: how much data we can lose, e.g. `4h`.
    pub rpo: Option<Spanned<Duration>>,
    /// The data it holds, e.g. `[customer personal data]`.
    #[serde(default)]
    pub data: Vec<String>,
    /// How the business works without it (Markdown).
    pub fallback: Option<Markdown>,
}
