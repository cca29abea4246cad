//! `suppliers/<id>.vcf` and `parties/<id>.vcf`: the contacts of a supplier or party as vCard
//! 4.0 (RFC 6350): CRLF line endings, escaped values, lines folded at 75 octets.

use std::borrow::Cow;

use super::context::Ctx;
use super::{OutputFile, bytes};
use crate::model::{Contact, Kind, Shown};
use crate::render::urls;

/// A card file for every object whose kind has one.
pub fn cards(ctx: &Ctx) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let Shown::OwnPage { dir, vcard: true, .. } = kind.spec().shown else {
            continue;
        };
        for object in ctx.handbook.objects(kind) {
            let Some(contacts) = object.contacts() else {
                continue;
            };
            let text = contact_cards(object.name(), contacts, ctx.t("hours"));
            out.push(bytes(format!("{dir}/{}.vcf", object.id()), text.into_bytes()));
        }
    }
    out
}

/// `hours_label` names the hours in the handbook's language ("Hours", "Åbningstid").
pub fn contact_cards(organization: &str, contacts: &[Contact], hours_label: &str) -> String {
    let mut out = String::new();
    for contact in contacts {
        let mut lines = vec![
            "BEGIN:VCARD".to_string(),
            "VERSION:4.0".to_string(),
            format!("FN:{}", escape(&contact.name)),
            format!("ORG:{}", escape(organization)),
        ];
        if let Some(role) = &contact.role {
            lines.push(format!("ROLE:{}", escape(role)));
        }
        if let Some(phone) = &contact.phone {
            lines.push(format!("TEL;VALUE=uri;TYPE=voice:{}", urls::tel(phone)));
        }
        if let Some(email) = &contact.email {
            lines.push(format!("EMAIL:{}", escape(email)));
        }
        if let Some(hours) = &contact.hours {
            lines.push(format!("NOTE:{}", escape(&format!("{hours_label}: {hours}"))));
        }
        lines.push("END:VCARD".to_string());
        for line in lines {
            fold_into(&mut out, &line);
            out.push_str("\r\n");
        }
    }
    out
}

/// Escapes a text value: backslash, comma, semicolon and line breaks.
pub(super) fn escape(value: &str) -> Cow<'_, str> {
    if !value.contains(['\\', ',', ';', '\n', '\r']) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Folds a content line into lines of at most 75 octets, never inside a UTF-8 character, onto
/// the end of `out`.
pub(super) fn fold_into(out: &mut String, line: &str) {
    if line.len() <= 75 {
        out.push_str(line);
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("A, B; C\\D\nE"), "A\\, B\\; C\\\\D\\nE");
        let long = format!("NOTE:{}", "æ".repeat(60));
        let mut folded = String::new();
        fold_into(&mut folded, &long);
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
