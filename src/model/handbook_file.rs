//! `handbook.yaml`: the organisation, its roles and people, severities, obligations, messages,
//! and since v2 its stakeholders and systems.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::programme::{Stakeholder, System};
use super::reach::{Email, Phone};
use super::values::{Id, Markdown, Ref, Spanned, Text};

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct HandbookFile {
    pub title: String,
    pub organization: String,
    #[serde(default)]
    pub language: Language,
    pub revision: Option<String>,
    pub timezone: Option<Spanned<String>>,
    #[serde(default = "default_review_every")]
    pub review_every: Duration,
    pub base_url: Option<Spanned<String>>,
    /// The paper the printed handbook is laid out for.
    #[serde(default)]
    pub paper: Paper,
    /// The folder under `themes/` whose templates and assets replace the built-in ones.
    pub theme: Option<Spanned<Id>>,
    pub start_here: Option<Markdown>,
    pub severities: Spanned<Vec<Severity>>,
    pub roles: Spanned<Vec<Role>>,
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    #[serde(default)]
    pub messages: Vec<Message>,
    /// The communication matrix: who is told what, by whom, how often.
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    /// What the business runs on, and what it may be without for how long.
    #[serde(default)]
    pub systems: Vec<System>,
    /// Plans and playbooks exercised longer ago than this are a warning.
    #[serde(default = "default_review_every")]
    pub exercise_every: Duration,
}

impl HandbookFile {
    /// The theme whose templates replace the built-in ones: `theme`, or `default`.
    pub fn theme_name(&self) -> &str {
        self.theme.as_ref().map_or("default", |t| t.as_str())
    }
}

fn default_review_every() -> Duration {
    Duration::from_secs(365 * 86_400)
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// The language of the built site's own words (headings, labels).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Da,
    De,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Severity {
    pub id: Spanned<Id>,
    pub name: String,
    pub description: Option<Markdown>,
    pub respond_within: Option<Duration>,
    pub update_every: Option<Duration>,
    #[serde(default)]
    pub notify: Vec<Ref>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Role {
    pub id: Spanned<Id>,
    pub name: String,
    pub duties: Option<Markdown>,
    /// The first is the primary, the rest are deputies.
    pub people: Spanned<Vec<Person>>,
    /// No answer from a person within this: call the next one in `people`.
    pub escalate_after: Option<Spanned<Duration>>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Person {
    pub name: Spanned<String>,
    pub title: Option<String>,
    pub phone: Option<Spanned<Phone>>,
    pub email: Option<Spanned<Email>>,
    pub availability: Option<String>,
}

/// A duty to notify someone by a deadline (GDPR Art. 33, NIS2 Art. 23, ...).
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Obligation {
    pub id: Spanned<Id>,
    pub name: String,
    pub to: String,
    /// None: `deadline_text` says what applies instead.
    pub deadline: Option<Spanned<Duration>>,
    /// The deadline in words where there is no fixed one ("without undue delay").
    pub deadline_text: Option<String>,
    pub clock_starts: Option<String>,
    /// The clock starts when this other obligation's report is sent.
    pub after: Option<Ref>,
    pub when: Option<Markdown>,
    pub reference: Option<String>,
    pub contact: Option<ObligationContact>,
    /// The external party that is notified, whose contacts stand in for `contact`.
    pub party: Option<Ref>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct ObligationContact {
    pub phone: Option<Spanned<Phone>>,
    pub email: Option<Spanned<Email>>,
    pub url: Option<String>,
}

/// A message template (Tera syntax) for a known audience.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Message {
    pub id: Spanned<Id>,
    pub title: String,
    pub audience: Audience,
    pub subject: Option<Text>,
    pub body: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Supplier,
    Internal,
    Customers,
    Authority,
    Executive,
    Press,
    Insurer,
    Partner,
}

impl Audience {
    pub const ALL: [Audience; 8] = [
        Audience::Supplier,
        Audience::Internal,
        Audience::Customers,
        Audience::Authority,
        Audience::Executive,
        Audience::Press,
        Audience::Insurer,
        Audience::Partner,
    ];

    /// The key of the audience's name among the theme's words.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Supplier => "audience_supplier",
            Audience::Internal => "audience_internal",
            Audience::Customers => "audience_customers",
            Audience::Authority => "audience_authority",
            Audience::Executive => "audience_executive",
            Audience::Press => "audience_press",
            Audience::Insurer => "audience_insurer",
            Audience::Partner => "audience_partner",
        }
    }
}
