//! `content/parties/<id>.yaml`: an external party that is not a supplier (CERT, police,
//! insurer, authority, lawyers, peers).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::supplier::Contact;
use super::values::{Date, Markdown, Spanned};

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Party {
    pub name: String,
    pub kind: Spanned<PartyKind>,
    pub contacts: Spanned<Vec<Contact>>,
    /// When to involve them.
    pub when: Option<Markdown>,
    pub secure_channel: Option<Markdown>,
    pub notes: Option<Markdown>,
    pub last_reviewed: Option<Spanned<Date>>,
}

impl Party {
    /// The contact marked `primary: true`, or else the first one.
    pub fn primary_contact(&self) -> Option<&Contact> {
        super::supplier::primary_of(&self.contacts)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    Authority,
    Cert,
    Police,
    Insurer,
    Legal,
    Peer,
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
