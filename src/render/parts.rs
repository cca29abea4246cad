//! Documents bound from the pages (`print.html`, `handbook-offline.html`) written part by part:
//! each template is rendered once with a marker where each big part goes (a page's section, the
//! search index), then the pages are read and bound a group at a time in parallel, once for
//! all the documents, each group while the one before is written, and each section is
//! written in its place, so no document is ever whole in memory. A theme whose template does not show each part once and in order gets that
//! document made whole in memory instead (see `bound.rs`).

use std::io::{self, Write};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

/// How many pages are bound at a time: enough for every thread, few enough to stay small.
const GROUP: usize = 64;

const MARKER: &str = "<!--irbook-part-";

/// The marker for part `i`: the template's data has it where the part goes.
pub fn marker(i: usize) -> String {
    format!("{MARKER}{i}-->")
}

/// What goes at a marker: text, or the section of a page (by its place in the pages all the
/// documents are bound from).
pub enum Part {
    Text(Arc<String>),
    Page(usize),
}

/// A document: its template's output with markers, and the part for each marker.
pub struct Document {
    text: String,
    at: Vec<Range<usize>>,
    parts: Vec<Part>,
}

impl Document {
    /// The document, if `text` has the markers of `parts` each once and in order, and its
    /// pages come in the order they are bound.
    pub fn new(text: String, parts: Vec<Part>) -> Option<Self> {
        let at = markers(&text, parts.len())?;
        let pages = parts.iter().filter_map(|p| match p {
            Part::Page(page) => Some(*page),
            Part::Text(_) => None,
        });
        let ordered = pages.clone().zip(pages.skip(1)).all(|(a, b)| a < b);
        ordered.then_some(Document { text, at, parts })
    }
}

/// Where the markers of parts `0..count` stand in `text`, if each is there once, in order.
fn markers(text: &str, count: usize) -> Option<Vec<Range<usize>>> {
    let mut at = Vec::with_capacity(count);
    for start in memchr::memmem::find_iter(text.as_bytes(), MARKER.as_bytes()) {
        let rest = &text[start + MARKER.len()..];
        let digits = rest.find("-->")?;
        let number = &rest[..digits];
        if !number.bytes().all(|b| b.is_ascii_digit()) || number.parse() != Ok(at.len()) {
            return None;
        }
        at.push(start..start + MARKER.len() + digits + "-->".len());
    }
    (at.len() == count).then_some(at)
}

/// How far one document is written.
struct Cursor {
    copied: usize,
    next: usize,
}

/// Writes each of `documents` to its `out`, every page bound once for all of them:
/// `bind(page)` gives the page's section for each document that shows it (`None` for the
/// others), for the pages `0..pages`.
pub fn write(
    documents: &[&Document],
    outs: &mut [&mut (dyn Write + Send)],
    pages: usize,
    bind: impl Fn(usize) -> Vec<Option<String>> + Sync,
) -> io::Result<()> {
    let mut cursors: Vec<Cursor> = documents.iter().map(|_| Cursor { copied: 0, next: 0 }).collect();
    let all: Vec<usize> = (0..pages).collect();
    let groups: Vec<&[usize]> = all.chunks(GROUP).collect();
    let bind_group =
        |group: &[usize]| -> Vec<Vec<Option<String>>> { group.par_iter().map(|&page| bind(page)).collect() };
    let mut bound = groups.first().map_or_else(Vec::new, |group| bind_group(group));
    for (i, group) in groups.iter().enumerate() {
        let sections = std::mem::take(&mut bound);
        // Writing is one thread's work: the next group is bound meanwhile.
        let (written, next) = rayon::join(
            || write_group(documents, &mut cursors, outs, group, sections),
            || groups.get(i + 1).map_or_else(Vec::new, |next| bind_group(next)),
        );
        written?;
        bound = next;
    }
    for ((document, cursor), out) in documents.iter().zip(&mut cursors).zip(outs.iter_mut()) {
        texts(document, cursor, &mut **out)?;
        if cursor.next < document.parts.len() {
            return Err(io::Error::other("a page of the document was not bound"));
        }
        out.write_all(&document.text.as_bytes()[cursor.copied..])?;
    }
    Ok(())
}

/// Writes the sections of the pages of `group`, bound, each in its place.
fn write_group(
    documents: &[&Document],
    cursors: &mut [Cursor],
    outs: &mut [&mut (dyn Write + Send)],
    group: &[usize],
    bound: Vec<Vec<Option<String>>>,
) -> io::Result<()> {
    for (&page, sections) in group.iter().zip(bound) {
        for (d, section) in sections.into_iter().enumerate() {
            let (document, cursor, out) = (documents[d], &mut cursors[d], &mut *outs[d]);
            texts(document, cursor, out)?;
            let Some(section) = section else { continue };
            match document.parts.get(cursor.next) {
                Some(Part::Page(p)) if *p == page => put(document, cursor, out, &section)?,
                _ => return Err(io::Error::other("a section bound for no place in the document")),
            }
        }
    }
    Ok(())
}

/// Writes the document up to its next page part, with the text parts on the way.
fn texts(document: &Document, cursor: &mut Cursor, out: &mut (dyn Write + Send)) -> io::Result<()> {
    while let Some(Part::Text(text)) = document.parts.get(cursor.next) {
        put(document, cursor, out, text)?;
    }
    Ok(())
}

/// Writes the document up to its next marker, and `part` in the marker's place.
fn put(document: &Document, cursor: &mut Cursor, out: &mut (dyn Write + Send), part: &str) -> io::Result<()> {
    let at = &document.at[cursor.next];
    out.write_all(&document.text.as_bytes()[cursor.copied..at.start])?;
    out.write_all(part.as_bytes())?;
    cursor.copied = at.end;
    cursor.next += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_bound_once_for_every_document_that_shows_it() {
        let one = Document::new(
            format!("a{}b{}c", marker(0), marker(1)),
            vec![Part::Text(Arc::new("T".into())), Part::Page(1)],
        )
        .unwrap();
        let two = Document::new(
            format!("<{}|{}>", marker(0), marker(1)),
            vec![Part::Page(0), Part::Page(1)],
        )
        .unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write(&[&one, &two], &mut [&mut a, &mut b], 2, |page| {
            vec![(page == 1).then(|| "p1".to_string()), Some(format!("p{page}"))]
        })
        .unwrap();
        assert_eq!(a, b"aTbp1c");
        assert_eq!(b, b"<p0|p1>");
    }

    #[test]
    fn a_template_that_shows_a_part_twice_or_out_of_order_is_noticed() {
        assert!(markers(&format!("{}{}", marker(0), marker(0)), 1).is_none());
        assert!(markers(&format!("{}{}", marker(1), marker(0)), 2).is_none());
        assert!(markers(&marker(0), 2).is_none());
        assert_eq!(markers("no parts", 0), Some(Vec::new()));
        let backwards = format!("{}{}", marker(0), marker(1));
        assert!(Document::new(backwards, vec![Part::Page(1), Part::Page(0)]).is_none());
    }
}
