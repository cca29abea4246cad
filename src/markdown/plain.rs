//! A Markdown body's text without its markup, which search finds the body by: kept as the
//! places of its runs in the body rather than as a copy, since a build holds every body and
//! bodies are most of a handbook's text.

use pulldown_cmark::CowStr;

/// The runs of text of a body (its `Text` and `Code` events), in order, in a few bytes each:
/// for each, a number saying where it starts (the distance from where the one before ended, or
/// that it is in `changed`) and its length, as LEB128 variable-length integers.
#[derive(Debug, Default)]
pub struct PlainText {
    runs: Vec<u8>,
    /// The runs the parser changed (an entity decoded, an escape removed), which do not stand
    /// in the body as they are, one after the other.
    changed: String,
    /// Where the last run in the body ended, while runs are added.
    end: usize,
}

impl PlainText {
    /// Adds a run of `body` that the parser gave as `run`.
    pub(super) fn push(&mut self, body: &str, run: &CowStr) {
        let in_body = match run {
            CowStr::Borrowed(s) => (s.as_ptr() as usize)
                .checked_sub(body.as_ptr() as usize)
                .filter(|at| at + s.len() <= body.len()),
            CowStr::Boxed(_) | CowStr::Inlined(_) => None,
        };
        match in_body {
            // The distance, zigzag-encoded (a run may start before the last one ended),
            // times two: an even number.
            Some(at) => {
                let distance = at as i64 - self.end as i64;
                push_number(&mut self.runs, ((distance << 1) ^ (distance >> 63)) as u64 * 2);
                self.end = at + run.len();
            }
            None => {
                push_number(&mut self.runs, 1);
                self.changed.push_str(run);
            }
        }
        push_number(&mut self.runs, run.len() as u64);
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.runs.shrink_to_fit();
        self.changed.shrink_to_fit();
    }

    /// Each run, from `body`, the text this was read from.
    pub fn runs<'t>(&'t self, body: &'t str) -> impl Iterator<Item = &'t str> {
        let mut bytes = self.runs.as_slice();
        let (mut end, mut changed) = (0usize, 0usize);
        std::iter::from_fn(move || {
            let place = take_number(&mut bytes)?;
            let len = take_number(&mut bytes)? as usize;
            let run = match place {
                1 => {
                    changed += len;
                    self.changed.get(changed - len..changed)
                }
                _ => {
                    let zigzag = place / 2;
                    let distance = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
                    let start = (end as i64 + distance) as usize;
                    end = start + len;
                    body.get(start..end)
                }
            };
            Some(run.unwrap_or(""))
        })
    }
}

fn push_number(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_number(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::outline_with_words;

    #[test]
    fn a_body_s_text_is_its_runs_without_markup() {
        let body = "# Call *the* bank &amp; \\*CFO\\*\n\n> [!WARNING]\n> Do not pay.\n\n\
                    | Who | When |\n|---|---|\n| `CFO` | ~~now~~ |\n\n- [x] [Block](cards.md) cards\n";
        let outline = outline_with_words(body);
        let words = outline.words.expect("asked for");
        let runs: Vec<&str> = words.runs(body).collect();
        assert_eq!(
            runs,
            [
                "Call ",
                "the",
                " bank ",
                "&",
                " ",
                "*CFO",
                "*",
                "Do not pay.",
                "Who",
                "When",
                "CFO",
                "now",
                "Block",
                " cards"
            ]
        );
        // The runs that stand in the body are not copied: only the decoded `&` is (an
        // escaped `*` is read from where it stands, after its `\`).
        assert_eq!(words.changed, "&");
        assert!(crate::markdown::outline(body).words.is_none());
    }

    #[test]
    fn runs_may_be_long_and_out_of_order() {
        let body = format!("{}tail", "x".repeat(300));
        let mut plain = PlainText::default();
        plain.push(&body, &CowStr::Borrowed(&body[300..]));
        plain.push(&body, &CowStr::Borrowed(&body[..300]));
        plain.push(&body, &CowStr::Boxed("décodé".into()));
        plain.push(&body, &CowStr::Borrowed(&body[299..301]));
        // Not of this body: kept as a changed run.
        plain.push(&body, &CowStr::Borrowed("elsewhere"));
        let runs: Vec<&str> = plain.runs(&body).collect();
        assert_eq!(runs, ["tail", &body[..300], "décodé", "xt", "elsewhere"]);
        assert_eq!(plain.changed, "décodéelsewhere");
    }
}
