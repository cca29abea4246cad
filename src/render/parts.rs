//! `print.html` and `handbook-offline.html` written part by part: the template is rendered
//! once with a marker where each big part goes (a bound page, the search index), then the
//! parts are made a group at a time in parallel and written in the markers' places, so the
//! document is never whole in memory. A theme whose template does not show each part exactly
//! once and in order gets the document made whole in memory instead.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;

/// How many parts are made at a time: enough for every thread, few enough to stay small.
const GROUP: usize = 64;

const MARKER: &str = "<!--irbook-part-";

/// The marker for part `i`: the template's data has it where the part goes.
pub fn marker(i: usize) -> String {
    format!("{MARKER}{i}-->")
}

/// Where the markers of parts `0..count` stand in `text`, if each is there once, in order.
pub fn markers(text: &str, count: usize) -> Option<Vec<Range<usize>>> {
    let mut at = Vec::with_capacity(count);
    for start in memchr::memmem::find_iter(text.as_bytes(), MARKER.as_bytes()) {
        let rest = &text[start + MARKER.len()..];
        let digits = rest.find("-->")?;
        let i: usize = rest[..digits].parse().ok()?;
        if i != at.len() || !rest[..digits].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        at.push(start..start + MARKER.len() + digits + "-->".len());
    }
    (at.len() == count).then_some(at)
}

/// Writes `text` to `out` with the marker at `at[i]` replaced by `part(i)`.
pub fn write<'a>(
    out: &mut dyn Write,
    text: &str,
    at: &[Range<usize>],
    part: impl Fn(usize) -> Cow<'a, str> + Sync,
) -> io::Result<()> {
    let mut copied = 0;
    for (n, group) in at.chunks(GROUP).enumerate() {
        let first = n * GROUP;
        let made: Vec<Cow<str>> = (first..first + group.len()).into_par_iter().map(&part).collect();
        for (range, made) in group.iter().zip(made) {
            out.write_all(&text.as_bytes()[copied..range.start])?;
            out.write_all(made.as_bytes())?;
            copied = range.end;
        }
    }
    out.write_all(&text.as_bytes()[copied..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_go_where_their_markers_are() {
        let text = format!("a{}b{}c", marker(0), marker(1));
        let at = markers(&text, 2).unwrap();
        let mut out = Vec::new();
        write(&mut out, &text, &at, |i| Cow::Owned(format!("<{i}>"))).unwrap();
        assert_eq!(out, b"a<0>b<1>c");
    }

    #[test]
    fn a_template_that_shows_a_part_twice_or_out_of_order_is_noticed() {
        assert!(markers(&format!("{}{}", marker(0), marker(0)), 1).is_none());
        assert!(markers(&format!("{}{}", marker(1), marker(0)), 2).is_none());
        assert!(markers(&marker(0), 2).is_none());
        assert_eq!(markers("no parts", 0), Some(Vec::new()));
    }
}
