//! Where each object is written and how one page links to another: relative links only, so
//! the site works from file://, at `/` and under any sub-path.

use crate::model::{Email, Kind, Phone, Shown};

/// `../` once for each folder `page` is in: prefix that leads from the page to the site root.
pub fn root_prefix(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// A link from `page` to `target` (both relative to the site root), with an optional fragment.
pub fn href(page: &str, target: &str, fragment: Option<&str>) -> String {
    let mut out = String::new();
    push_href(&mut out, page, target, fragment);
    out
}

/// [`href`], written to `out` (empty), in one allocation.
fn push_href(out: &mut String, page: &str, target: &str, fragment: Option<&str>) {
    let fragment_len = fragment.map_or(0, |f| f.len() + 1);
    if target == page {
        if fragment.is_none() {
            out.push_str(target.rsplit('/').next().unwrap_or(target));
        }
    } else {
        let depth = page.bytes().filter(|&b| b == b'/').count();
        out.reserve(depth * 3 + target.len() + fragment_len);
        for _ in 0..depth {
            out.push_str("../");
        }
        out.push_str(target);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
}

/// A link from `page` to an object.
pub fn object_href(page: &str, kind: Kind, id: &str, anchor: Option<&str>) -> String {
    let mut out = String::new();
    match kind.spec().shown {
        Shown::OwnPage { dir, .. } => {
            let mut target = String::with_capacity(dir.len() + id.len() + 6);
            target.push_str(dir);
            target.push('/');
            target.push_str(id);
            target.push_str(".html");
            push_href(&mut out, page, &target, anchor);
        }
        Shown::Section {
            page: section,
            prefix,
        } => match anchor {
            Some(anchor) => push_href(&mut out, page, section.path(), Some(anchor)),
            None => push_href(&mut out, page, section.path(), Some(&format!("{prefix}{id}"))),
        },
    }
    out
}

/// `tel:` URI of a phone number: the digits it dials, with a leading `+` (nothing else to
/// encode).
pub fn tel(phone: &Phone) -> String {
    format!("tel:{}", phone.dial())
}

/// `mailto:` URI of an address with header fields (`subject`, `body`), every part
/// percent-encoded by RFC 6068: the address keeps only letters, digits, `@` and `-._~`, so that
/// nothing in it can add a recipient or a header; line breaks in a header become CRLF.
pub fn mailto(address: &Email, headers: &[(&str, &str)]) -> String {
    let mut out = format!("mailto:{}", percent_encode(address, b"-._~@"));
    for (i, (name, value)) in headers.iter().enumerate() {
        let value = value.replace("\r\n", "\n").replace('\n', "\r\n");
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(&format!("{name}={}", percent_encode(&value, b"-._~")));
    }
    out
}

/// Every byte of `text` as `%XX` but ASCII letters, digits and `keep`.
fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
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
        let tel = |text: &str| tel(&Phone::from(text));
        assert_eq!(tel("+45 70 00 00 01"), "tel:+4570000001");
        assert_eq!(tel(" +44 (20) 7946-0000 ext. 12"), "tel:+442079460000");
    }

    #[test]
    fn mailto_encodes_every_part() {
        let address = Email::from("o'brien+ir@købmand.dk");
        assert_eq!(mailto(&address, &[]), "mailto:o%27brien%2Bir@k%C3%B8bmand.dk");
        assert_eq!(
            mailto(&address, &[("subject", "Hej Ø & co"), ("body", "a?cc=x@y\nline")]),
            "mailto:o%27brien%2Bir@k%C3%B8bmand.dk?subject=Hej%20%C3%98%20%26%20co&body=a%3Fcc%3Dx%40y%0D%0Aline"
        );
    }
}
