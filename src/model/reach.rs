//! How to reach someone: e-mail addresses and phone numbers as written, and what is wrong
//! with them (`check` reports it), so that a `mailto:` or `tel:` link made of them goes where
//! the handbook says and nowhere else. They are read as any text and judged by the resolver:
//! a bad address is then one error, not also a contact without an address. The loader records
//! every value of these types as it reads it ([`Reach`]), so a check of all addresses needs no
//! list of the fields that hold them.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use crate::source::Span;

/// What kind of address a [`Reach`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReachKind {
    Phone,
    Email,
    Url,
}

impl ReachKind {
    /// The kind whose values deserialize as the newtype struct `name`, if any: the YAML
    /// deserializer records those values.
    pub fn of_struct(name: &str) -> Option<ReachKind> {
        [
            (PHONE_STRUCT, ReachKind::Phone),
            (EMAIL_STRUCT, ReachKind::Email),
            (URL_STRUCT, ReachKind::Url),
        ]
        .into_iter()
        .find_map(|(n, kind)| (n == name).then_some(kind))
    }
}

/// A phone number, e-mail address or web address as read from a file, wherever it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub kind: ReachKind,
    pub text: String,
    pub span: Span,
}

const PHONE_STRUCT: &str = "$irbook::Phone";
const EMAIL_STRUCT: &str = "$irbook::Email";
const URL_STRUCT: &str = "$irbook::Url";

/// Reads the text of an address type: as the newtype struct `name`, which tells the YAML
/// deserializer to record it, or as a plain string from any other deserializer.
fn address<'de, D: Deserializer<'de>>(deserializer: D, name: &'static str) -> Result<String, D::Error> {
    struct AddressVisitor;

    impl<'de> Visitor<'de> for AddressVisitor {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a text")
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
            String::deserialize(deserializer)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
            Ok(text.to_string())
        }
    }

    deserializer.deserialize_newtype_struct(name, AddressVisitor)
}

/// An e-mail address as written. A valid one has one `@`, a domain with a dot, and none of the
/// characters that would add recipients, headers or markup to a `mailto:` link (`?`, `&`,
/// `,`, `;`, `<`, `"`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const HELP: &'static str = "write one plain address, such as `noc@supplier.example`";

    /// What is wrong with the address, if anything.
    pub fn problem(&self) -> Option<String> {
        let text = self.0.as_str();
        let problem = |why: String| Some(format!("invalid e-mail address `{text}`: {why}"));
        if let Some(c) = text.chars().find(|c| !is_address_char(*c)) {
            return problem(match c {
                ' ' => "a space is not allowed".into(),
                c if c.is_whitespace() || c.is_control() => format!("U+{:04X} is not allowed", u32::from(c)),
                c => format!("`{c}` is not allowed"),
            });
        }
        let Some((local, domain)) = text.split_once('@') else {
            return problem("it has no `@`".into());
        };
        if domain.contains('@') {
            return problem("it has more than one `@` (one address per contact)".into());
        }
        if local.is_empty() {
            return problem("nothing before the `@`".into());
        }
        if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
            return problem(format!("`{local}` before the `@` is not a mailbox name"));
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && !l.contains('\'')
        };
        if labels.len() < 2 || !labels.iter().all(label_ok) || domain.contains('+') {
            return problem(format!(
                "`{domain}` after the `@` is not a domain name such as `supplier.example`"
            ));
        }
        if text.len() > 254 {
            return problem("longer than 254 characters".into());
        }
        None
    }
}

/// Letters and digits of any script, and the few marks that addresses use.
fn is_address_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '\'' | '@')
}

impl std::ops::Deref for Email {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        address(deserializer, EMAIL_STRUCT).map(Email)
    }
}

/// A phone number as written (free text). A valid one has a number to dial before any words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub const HELP: &'static str = "write the number with its country code, e.g. \"+45 70 00 00 01\"; put other words into `hours` or `availability`";

    /// What is wrong with the number, if anything.
    pub fn problem(&self) -> Option<String> {
        self.dial()
            .trim_start_matches('+')
            .is_empty()
            .then(|| format!("phone `{}` has no number to dial", self.0))
    }

    /// What a `tel:` link dials: the digits before the first letter, with a leading `+` kept
    /// and an extension (`ext. 12`) left out. "+45 (0)70 ...": after a country code the trunk
    /// prefix in brackets is not dialled.
    pub fn dial(&self) -> String {
        let trimmed = self.0.trim_start();
        let plus = if trimmed.starts_with('+') { "+" } else { "" };
        let number = trimmed.split(char::is_alphabetic).next().unwrap_or_default();
        let number = if plus.is_empty() {
            number.to_string()
        } else {
            number.replace("(0)", "")
        };
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        format!("{plus}{digits}")
    }

    /// A national short number (`112`, `114`, `116 117`): at most six digits without a `+`.
    /// It is dialled as written, and only works from a phone in its country.
    pub fn is_short(&self) -> bool {
        let dial = self.dial();
        !dial.starts_with('+') && (3..=6).contains(&dial.len())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Phone {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Phone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        address(deserializer, PHONE_STRUCT).map(Phone)
    }
}

/// A web address as written: `base_url`, the address of an obligation's report form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url(String);

impl std::ops::Deref for Url {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Url {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        address(deserializer, URL_STRUCT).map(Url)
    }
}

impl From<&str> for Phone {
    fn from(text: &str) -> Self {
        Phone(text.to_string())
    }
}

impl From<&str> for Email {
    fn from(text: &str) -> Self {
        Email(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_mail_clients_would_read_as_more_are_refused() {
        for good in [
            "noc@skyhost.example",
            "o'brien+ir@firma.co.uk",
            "søren@købmand.dk",
            "a_b-c@x-y.example",
        ] {
            assert_eq!(Email::from(good).problem(), None, "{good}");
        }
        let why = |text: &str| Email::from(text).problem().unwrap();
        assert_eq!(
            why("noc@x.example?cc=attacker@evil.example"),
            "invalid e-mail address `noc@x.example?cc=attacker@evil.example`: `?` is not allowed"
        );
        for (bad, reason) in [
            ("a@x.example,b@evil.example", "`,` is not allowed"),
            ("a@x.example;b@evil.example", "`;` is not allowed"),
            ("A <a@x.example>", "a space is not allowed"),
            ("a@x.example&body=x", "`&` is not allowed"),
            ("\"a\"@x.example", "`\"` is not allowed"),
            ("a%40x@evil.example", "`%` is not allowed"),
            (
                "a@b@x.example",
                "it has more than one `@` (one address per contact)",
            ),
            ("noc.x.example", "it has no `@`"),
            ("@x.example", "nothing before the `@`"),
            ("a..b@x.example", "`a..b` before the `@` is not a mailbox name"),
            (
                "a@localhost",
                "`localhost` after the `@` is not a domain name such as `supplier.example`",
            ),
            (
                "a@-x.example",
                "`-x.example` after the `@` is not a domain name such as `supplier.example`",
            ),
            ("a@x.example\u{2028}", "U+2028 is not allowed"),
        ] {
            assert_eq!(why(bad), format!("invalid e-mail address `{bad}`: {reason}"));
        }
    }

    #[test]
    fn phones_dial_their_digits_and_need_some() {
        let dial = |text: &str| Phone::from(text).dial();
        assert_eq!(dial("+45 70 00 00 01"), "+4570000001");
        assert_eq!(dial("(0)70-00 00"), "0700000");
        assert_eq!(dial("+45 (0)70 00"), "+457000");
        assert_eq!(dial(" +44 (20) 7946-0000 ext. 12"), "+442079460000");
        assert_eq!(
            Phone::from("+ ask reception").problem().as_deref(),
            Some("phone `+ ask reception` has no number to dial")
        );
        assert!(Phone::from("reception: +45 70 00 00 01").problem().is_some());
        assert!(Phone::from("").problem().is_some());
        assert_eq!(Phone::from("+45 70").problem(), None);
    }
}
