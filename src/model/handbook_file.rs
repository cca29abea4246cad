//! `handbook.yaml`: the organisation, its roles and people, severities, obligations, messages,
//! and since v2 its stakeholders and systems.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::programme::{Stakeholder, System};
use super::reach::{Email, Phone, Url};
use super::values::{Id, Markdown, Ref, Spanned, Text};

/// `handbook.yaml`: the organisation, its response team, severities, duties to notify and messages.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct HandbookFile {
    /// The handbook's title, shown on every page.
    pub title: String,
    /// Your organisation's name; also the `organization` variable of message templates.
    pub organization: Spanned<String>,
    /// The language of the built site's own words (headings, labels): `en`, `da` or `de`; default `en`.
    #[serde(default)]
    pub language: Language,
    /// A version label such as `"2026-11"`, printed in the page footer and on printouts.
    pub revision: Option<String>,
    /// An IANA time zone name such as `Europe/Copenhagen` or `UTC`, named on forms next to time fields.
    pub timezone: Option<Spanned<String>>,
    /// How often suppliers, plans, playbooks and pages are reviewed (`last_reviewed`); default `365d`.
    #[serde(default = "default_review_every")]
    pub review_every: Duration,
    /// The public address of the built site (`https://intranet.example/ir/`), for canonical links only.
    pub base_url: Option<Spanned<Url>>,
    /// The paper size the printed handbook and forms are laid out for: `a4` or `letter`; default `a4`.
    #[serde(default)]
    pub paper: Paper,
    /// A folder under `themes/` whose templates and styles replace the built-in ones; default `default`.
    pub theme: Option<Spanned<Id>>,
    /// The "Incident? Start here" box on the home page: the first things to do (Markdown).
    pub start_here: Option<Markdown>,
    /// The severity levels, most severe first; at least one.
    #[schemars(length(min = 1))]
    pub severities: Spanned<Vec<Severity>>,
    /// The roles of the response team and the people who fill them; at least one.
    #[schemars(length(min = 1))]
    pub roles: Spanned<Vec<Role>>,
    /// Duties to notify someone (an authority, the people affected) by a deadline.
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    /// Reusable message templates, such as an incident notice to a supplier.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// The communication plan: who is kept informed, by which role, how and how often.
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    /// What the business runs on, the suppliers each system depends on, and how long it may be down.
    #[serde(default)]
    pub systems: Vec<System>,
    /// How often plans, playbooks and pages are exercised (`exercised`), e.g. `1y`; default `365d`.
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

/// The paper size of the printed handbook and forms.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// A4 (210 × 297 mm), the default.
    #[default]
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// The language of the built site's own words (headings, labels).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, the default.
    #[default]
    En,
    /// Danish.
    Da,
    /// German.
    De,
}

impl Language {
    /// Every language irbook speaks.
    pub const ALL: [Language; 3] = [Language::En, Language::Da, Language::De];

    /// The code `language:` and the theme's language files use: `en`, `da`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Da => "da",
            Language::De => "de",
        }
    }
}

/// A severity level: what qualifies an incident for it, and how fast to respond.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Severity {
    /// The severity's id, used by plans (`severities:`), playbooks (`severity:`) and `severity:` links.
    pub id: Spanned<Id>,
    /// The name as shown: `High impact`.
    pub name: String,
    /// What qualifies an incident for this level (Markdown).
    pub description: Option<Markdown>,
    /// How soon the response must start, e.g. `1h`.
    pub respond_within: Option<Duration>,
    /// How often stakeholders get a status update at this level, e.g. `2h`.
    pub update_every: Option<Duration>,
    /// The ids of the roles to call in at this level.
    #[serde(default)]
    pub notify: Vec<Ref>,
}

/// A role of the response team and the people who fill it.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Role {
    /// The role's id, used by `responsible:`, `owner:`, `notify:` and `role:` links.
    pub id: Spanned<Id>,
    /// The name as shown: `Incident Commander`.
    pub name: String,
    /// What the role does during an incident (Markdown).
    pub duties: Option<Markdown>,
    /// Who fills the role: the first person is the primary, the others are deputies; at least one.
    #[schemars(length(min = 1))]
    pub people: Spanned<Vec<Person>>,
    /// No answer from a person within this (e.g. `10m`): call the next one in `people`.
    pub escalate_after: Option<Spanned<Duration>>,
}

/// A person who fills a role, and how to reach them.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Person {
    /// The person's name.
    pub name: Spanned<String>,
    /// Job title, e.g. `CEO`.
    pub title: Option<String>,
    /// Phone number with country code, e.g. `"+45 70 12 34 56"`; a person needs a phone or an email.
    pub phone: Option<Spanned<Phone>>,
    /// E-mail address, e.g. `akj@hjortkaer.example`; a person needs a phone or an email.
    pub email: Option<Spanned<Email>>,
    /// When and how the person can be reached: `24/7 on mobile`.
    pub availability: Option<String>,
}

/// A duty to notify someone by a deadline (GDPR Art. 33, NIS2 Art. 23, ...).
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Obligation {
    /// The obligation's id, used by plan steps, playbooks, `after:` and `obligation:` links.
    pub id: Spanned<Id>,
    /// What has to be done: `Report a personal data breach to Datatilsynet`.
    pub name: String,
    /// Who is notified: `Datatilsynet`.
    pub to: String,
    /// How long you have: `72h`, `1mo` for a month (not `30d`); leave it out where `deadline_text` applies.
    pub deadline: Option<Spanned<Duration>>,
    /// The deadline in the law's words where there is no fixed one: `without undue delay`.
    pub deadline_text: Option<String>,
    /// From when the deadline runs: `awareness of a personal data breach`.
    pub clock_starts: Option<String>,
    /// The id of another obligation: the clock starts when that report is sent (NIS2 final report).
    pub after: Option<Ref>,
    /// The condition that triggers the duty (Markdown).
    pub when: Option<Markdown>,
    /// The legal source: `GDPR Art. 33`.
    pub reference: Option<String>,
    /// Where to send the report: `phone`, `email` and `url`, each optional.
    pub contact: Option<ObligationContact>,
    /// The id of the external party that is notified; without `contact`, its primary contact is shown.
    pub party: Option<Ref>,
}

/// Where an obligation's report is sent.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct ObligationContact {
    /// Phone number with country code, e.g. `"+45 70 12 34 56"`.
    pub phone: Option<Spanned<Phone>>,
    /// E-mail address to send the report to.
    pub email: Option<Spanned<Email>>,
    /// Web address of the report form: `https://datatilsynet.example/report-a-breach`.
    pub url: Option<Spanned<Url>>,
}

/// A message template (Tera syntax) for a known audience.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Message {
    /// The message's id, used by plan steps and stakeholders (`message:`).
    pub id: Spanned<Id>,
    /// The title as shown: `Incident notice to a supplier`.
    pub title: String,
    /// Who receives it; `supplier` messages are filled in for each supplier on its page.
    pub audience: Audience,
    /// The subject line, a template like the body; without it, the title is the subject.
    pub subject: Option<Text>,
    /// The text: a Tera template, e.g. `Dear {{ contact.name }}, ... {{ organization }}`.
    pub body: Text,
}

/// Who receives a message, or what kind of stakeholder someone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// A supplier: the message is filled in for each supplier on its page (`supplier`, `contact`).
    Supplier,
    /// Your own staff.
    Internal,
    /// Your customers.
    Customers,
    /// An authority, such as the data protection authority or the national CSIRT.
    Authority,
    /// Management or the board.
    Executive,
    /// The press.
    Press,
    /// Your insurer, such as the cyber insurer.
    Insurer,
    /// Business partners.
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

    /// The audience as the handbook writes it.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Supplier => "supplier",
            Audience::Internal => "internal",
            Audience::Customers => "customers",
            Audience::Authority => "authority",
            Audience::Executive => "executive",
            Audience::Press => "press",
            Audience::Insurer => "insurer",
            Audience::Partner => "partner",
        }
    }

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
