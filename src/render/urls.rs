//! Where each object is written and how one page links to another: relative links only, so
//! the site works from file://, at `/` and under any sub-path.

use crate::model::Kind;

/// The output path (relative to the site root) and fragment of an object's own place.
pub fn object_target(kind: Kind, id: &str) -> (String, Option<String>) {
    match kind {
        Kind::Supplier => (format!("suppliers/{id}.html"), None),
        Kind::Plan => (format!("plans/{id}.html"), None),
        Kind::Playbook => (format!("playbooks/{id}.html"), None),
        Kind::Page => (format!("pages/{id}.html"), None),
        Kind::Role => ("roles.html".into(), Some(format!("role-{id}"))),
        Kind::Obligation => ("contacts.html".into(), Some(format!("obligation-{id}"))),
        Kind::Severity => ("index.html".into(), Some(format!("severity-{id}"))),
        Kind::Message => ("index.html".into(), None),
    }
}

/// `../` once for each folder `page` is in: prefix that leads from the page to the site root.
pub fn root_prefix(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// A link from `page` to `target` (both relative to the site root), with an optional fragment.
pub fn href(page: &str, target: &str, fragment: Option<&str>) -> String {
    let mut out = if target == page {
        String::new()
    } else {
        format!("{}{target}", root_prefix(page))
    };
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    if out.is_empty() {
        target.rsplit('/').next().unwrap_or(target).to_string()
    } else {
        out
    }
}

/// A link from `page` to an object.
pub fn object_href(page: &str, kind: Kind, id: &str, anchor: Option<&str>) -> String {
    let (target, own) = object_target(kind, id);
    href(page, &target, anchor.or(own.as_deref()))
}

/// `tel:` URI of a phone number as written: the digits, with a leading `+` kept and an
/// extension (`ext. 12`) left out.
pub fn tel(phone: &str) -> String {
    let trimmed = phone.trim_start();
    let plus = if trimmed.starts_with('+') { "+" } else { "" };
    let number = trimmed.split(char::is_alphabetic).next().unwrap_or_default();
    // "+45 (0)70 ..." : the trunk prefix in brackets is not dialled from abroad.
    let number = if plus.is_empty() {
        number.to_string()
    } else {
        number.replace("(0)", "")
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{plus}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links() {
        assert_eq!(href("index.html", "suppliers/a.html", None), "suppliers/a.html");
        assert_eq!(
            href("suppliers/a.html", "suppliers/b.html", Some("contract")),
            "../suppliers/b.html#contract"
        );
        assert_eq!(href("suppliers/a.html", "suppliers/a.html", Some("x")), "#x");
        assert_eq!(href("suppliers/a.html", "suppliers/a.html", None), "a.html");
        assert_eq!(
            object_href("plans/r.html", Kind::Role, "lead", None),
            "../roles.html#role-lead"
        );
    }

    #[test]
    fn tel_keeps_digits_and_plus() {
        assert_eq!(tel("+45 70 00 00 01"), "tel:+4570000001");
        assert_eq!(tel("(0)70-00 00"), "tel:0700000");
        assert_eq!(tel("+45 (0)70 00"), "tel:+457000");
        assert_eq!(tel(" +44 (20) 7946-0000 ext. 12"), "tel:+442079460000");
    }
}
