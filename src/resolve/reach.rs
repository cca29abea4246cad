//! E-mail addresses and phone numbers: each must make a `mailto:` or `tel:` link that reaches
//! whom the handbook names and no one else.

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{Email, Handbook, Phone, Spanned};
use crate::source::FileId;

/// The phone and e-mail address of one person or contact, and the file they are in.
type Reach<'a> = (FileId, Option<&'a Spanned<Phone>>, Option<&'a Spanned<Email>>);

pub(super) fn check(c: &mut Checker, handbook: &Handbook) {
    let mut found: Vec<Reach> = Vec::new();
    if let Some(main) = &handbook.main {
        let people = main.roles.iter().flat_map(|r| r.people.iter());
        found.extend(people.map(|p| (main.file, p.phone.as_ref(), p.email.as_ref())));
        let authorities = main.obligations.iter().filter_map(|o| o.contact.as_ref());
        found.extend(authorities.map(|k| (main.file, k.phone.as_ref(), k.email.as_ref())));
    }
    let contacts = handbook
        .suppliers
        .iter()
        .flat_map(|s| s.contacts.iter().map(move |k| (s.file, k)))
        .chain(
            handbook
                .parties
                .iter()
                .flat_map(|p| p.contacts.iter().map(move |k| (p.file, k))),
        );
    found.extend(contacts.map(|(file, k)| (file, k.phone.as_ref(), k.email.as_ref())));
    for (file, phone, email) in found {
        let phone = phone.and_then(|p| Some((p.problem()?, p.span.clone(), Phone::HELP)));
        let email = email.and_then(|e| Some((e.problem()?, e.span.clone(), Email::HELP)));
        for (message, span, help) in phone.into_iter().chain(email) {
            c.push(Diagnostic::error(message).at(file, span).help(help));
        }
    }
}
