//! `content/suppliers/<id>.yaml`: a third party, how to reach it and what its contract says.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::reach::{Email, Phone};
use super::values::{Date, Markdown, Ref, Spanned};

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Supplier {
    pub name: String,
    pub tier: Spanned<Tier>,
    pub services: Spanned<Vec<String>>,
    #[serde(default)]
    pub data: Vec<String>,
    pub contacts: Spanned<Vec<Contact>>,
    #[serde(default)]
    pub escalation: Vec<Escalation>,
    pub contract: Option<Contract>,
    #[serde(default)]
    pub certifications: Vec<Certification>,
    pub secure_channel: Option<Markdown>,
    pub notes: Option<Markdown>,
    pub last_reviewed: Option<Spanned<Date>>,
    /// Where they process our data.
    #[serde(default)]
    pub data_location: Vec<String>,
    /// The alternative supplier and what makes us switch.
    pub fallback: Option<Fallback>,
}

impl Supplier {
    /// The contact marked `primary: true`, or else the first one.
    pub fn primary_contact(&self) -> Option<&Contact> {
        primary_of(&self.contacts)
    }
}

/// The contact marked `primary: true`, or else the first one.
pub fn primary_of(contacts: &[Contact]) -> Option<&Contact> {
    let marked = contacts
        .iter()
        .find(|c| c.primary.as_ref().is_some_and(|p| p.value));
    marked.or_else(|| contacts.first())
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Fallback {
    pub supplier: Ref,
    pub when: Option<Markdown>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Critical,
    Important,
    Standard,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Contact {
    pub name: Spanned<String>,
    pub role: Option<String>,
    pub phone: Option<Spanned<Phone>>,
    pub email: Option<Spanned<Email>>,
    pub hours: Option<String>,
    pub primary: Option<Spanned<bool>>,
}

/// One rung of the ladder: whom to call after how long without an answer.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Escalation {
    pub after: Duration,
    pub contact: Spanned<String>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Contract {
    pub reference: Option<String>,
    /// How soon the supplier must tell us of an incident.
    pub notify_within: Option<Duration>,
    pub rto: Option<Duration>,
    pub rpo: Option<Duration>,
    pub support: Option<String>,
    pub audit_rights: Option<bool>,
    pub cooperation: Option<Markdown>,
    pub expires: Option<Spanned<Date>>,
    /// Liability and indemnification for incidents.
    pub liability: Option<Markdown>,
    /// Their duty to keep logs and evidence for us.
    pub preserve_evidence: Option<Markdown>,
    pub log_retention: Option<Duration>,
    /// What they report to us during an incident, and how often.
    pub reporting: Option<Reporting>,
    /// Our own duty to tell them of an incident.
    pub we_notify_within: Option<Duration>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Reporting {
    pub every: Option<Duration>,
    pub format: Option<Markdown>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Certification {
    pub name: String,
    pub expires: Option<Spanned<Date>>,
}
