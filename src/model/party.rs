//! `content/parties/<id>.yaml`: an external party that is not a supplier (CERT, police,
//! insurer, authority, lawyers, peers).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::supplier::Contact;
use super::values::{Date, Markdown, Spanned};

/// An external party that is not a supplier: CERT, police, insurer, authority, lawyers, peers.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Party {
    /// The party's name: `Danish national CSIRT (CFCS)`.
    pub name: String,
    /// What kind of party: `authority`, `cert`, `police`, `insurer`, `legal`, `peer` or `other`.
    pub kind: Spanned<PartyKind>,
    /// How to reach them: at least one contact, each with a phone or an email.
    #[schemars(length(min = 1))]
    pub contacts: Spanned<Vec<Contact>>,
    /// When to involve them (Markdown).
    pub when: Option<Markdown>,
    /// How to share sensitive incident data with them (Markdown).
    pub secure_channel: Option<Markdown>,
    /// Anything else the responder needs (Markdown).
    pub notes: Option<Markdown>,
    /// When the record was last checked (`YYYY-MM-DD`); older than `review_every`: a warning.
    pub last_reviewed: Option<Spanned<Date>>,
}

impl Party {
    /// The contact marked `primary: true`, or else the first one.
    pub fn primary_contact(&self) -> Option<&Contact> {
        super::supplier::primary_of(&self.contacts)
    }
}

/// What kind of external party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A public authority, such as the data protection authority.
    Authority,
    /// A CERT or CSIRT, such as the national CSIRT.
    Cert,
    /// The police.
    Police,
    /// An insurer, such as the cyber insurer.
    Insurer,
    /// Lawyers or other legal counsel.
    Legal,
    /// A peer company.
    Peer,
    /// Any other party.
    Other,
}

impl PartyKind {
    /// The key of the kind's name among the theme's words.
    pub fn label(self) -> &'static str {
        match self {
            PartyKind::Authority => "party_authority",
            PartyKind::Cert => "party_cert",
            PartyKind::Police => "party_police",
            PartyKind::Insurer => "party_insurer",
            PartyKind::Legal => "party_legal",
            PartyKind::Peer => "party_peer",
            PartyKind::Other => "party_other",
        }
    }
}
