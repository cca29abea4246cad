//! `content/suppliers/<id>.yaml`: a third party, how to reach it and what its contract says.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::reach::{Email, Phone};
use super::values::{Date, Markdown, Ref, Spanned};

/// A supplier: a third party, how to reach it and what its contract says.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Supplier {
    /// The supplier's name.
    pub name: String,
    /// How much you depend on them: `critical`, `important` or `standard`.
    pub tier: Spanned<Tier>,
    /// What they do for you; at least one.
    #[schemars(length(min = 1))]
    pub services: Spanned<Vec<String>>,
    /// The data they hold or process for you.
    #[serde(default)]
    pub data: Vec<String>,
    /// How to reach them: at least one contact, each with a phone or an email.
    #[schemars(length(min = 1))]
    pub contacts: Spanned<Vec<Contact>>,
    /// Whom to call next when nobody answers, in order.
    #[serde(default)]
    pub escalation: Vec<Escalation>,
    /// What the contract promises; every key is optional.
    pub contract: Option<Contract>,
    /// Their certifications, each with `name` and `expires`.
    #[serde(default)]
    pub certifications: Vec<Certification>,
    /// How to share sensitive incident data with them (Markdown).
    pub secure_channel: Option<Markdown>,
    /// Anything else the responder needs: customer numbers, tenant names (Markdown).
    pub notes: Option<Markdown>,
    /// When the record was last checked with the supplier (`YYYY-MM-DD`); missing or too old: a warning.
    pub last_reviewed: Option<Spanned<Date>>,
    /// Where they process your data, e.g. `[EU, Denmark]`.
    #[serde(default)]
    pub data_location: Vec<String>,
    /// The alternative supplier and what makes you switch to it.
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

/// The alternative supplier to switch to.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Fallback {
    /// The id of the alternative supplier (not this one).
    pub supplier: Ref,
    /// What makes you switch (Markdown).
    pub when: Option<Markdown>,
}

/// How much you depend on a supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// You cannot work without them: checked for a 24/7 contact and `contract.notify_within`.
    Critical,
    /// An outage hurts, but is not critical.
    Important,
    /// Everything else.
    Standard,
}

impl Tier {
    /// The key of the tier's name among the theme's words.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Critical => "tier_critical",
            Tier::Important => "tier_important",
            Tier::Standard => "tier_standard",
        }
    }
}

/// One way to reach a supplier or party: a person or a desk.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Contact {
    /// A person or a desk: `Nordhost NOC`; escalation steps refer to it by this name.
    pub name: Spanned<String>,
    /// What this contact is for: `24/7 operations and incident desk`.
    pub role: Option<String>,
    /// Phone number with country code, e.g. `"+45 70 12 34 56"`; a contact needs a phone or an email.
    pub phone: Option<Spanned<Phone>>,
    /// E-mail address, e.g. `noc@nordhost.example`; a contact needs a phone or an email.
    pub email: Option<Spanned<Email>>,
    /// When they answer: `24/7`, `Mon-Fri 08-17`; a critical supplier needs hours with `24`.
    pub hours: Option<String>,
    /// `true`: the contact to call first (at most one); without any, the first contact is.
    pub primary: Option<Spanned<bool>>,
}

/// One rung of the ladder: whom to call after how long without an answer.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Escalation {
    /// Time since the first call without an answer, e.g. `30m`.
    pub after: Duration,
    /// The `name` of one of this supplier's contacts, written exactly the same.
    pub contact: Spanned<String>,
}

/// What the supplier's contract promises; every key is optional.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Contract {
    /// The contract number.
    pub reference: Option<Spanned<String>>,
    /// How soon the supplier must tell you of an incident on their side, e.g. `24h`.
    pub notify_within: Option<Duration>,
    /// Recovery time objective: how soon service must be back, e.g. `4h`.
    pub rto: Option<Duration>,
    /// Recovery point objective: how much data may be lost, e.g. `1h`.
    pub rpo: Option<Duration>,
    /// Support hours: `"24/7"`.
    pub support: Option<String>,
    /// Whether you may audit them: `true` or `false`.
    pub audit_rights: Option<bool>,
    /// What they must do for you during an incident: logs, access, meetings (Markdown).
    pub cooperation: Option<Markdown>,
    /// When the contract ends (`YYYY-MM-DD`); a date in the past is a warning.
    pub expires: Option<Spanned<Date>>,
    /// Liability and indemnification for incidents (Markdown).
    pub liability: Option<Markdown>,
    /// Their duty to keep logs and evidence for you (Markdown).
    pub preserve_evidence: Option<Markdown>,
    /// How long they keep logs, e.g. `90d`.
    pub log_retention: Option<Duration>,
    /// What they report to you during an incident, and how often.
    pub reporting: Option<Reporting>,
    /// Your own duty to tell them of an incident that concerns them, e.g. `24h`.
    pub we_notify_within: Option<Duration>,
}

/// What the supplier reports to you during an incident.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Reporting {
    /// How often they report, e.g. `4h`.
    pub every: Option<Duration>,
    /// What the report holds and how it is sent (Markdown).
    pub format: Option<Markdown>,
}

/// A certification of the supplier.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Certification {
    /// The certification: `ISO/IEC 27001`.
    pub name: String,
    /// When it expires (`YYYY-MM-DD`); a date in the past is a warning.
    pub expires: Option<Spanned<Date>>,
}
