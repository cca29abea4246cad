//! A playbook or page: front matter, or else a first `# heading` as its title, then the
//! Markdown body, shaped so that its page has one `h1`.

use std::ops::Range;

use super::Words;
use super::frontmatter::{SplitError, split as split_front_matter};
use super::parse::{FOLDER_FILE, parse_yaml};
use super::recover::Read;
use crate::diag::Diagnostic;
use crate::model::{Doc, FrontMatter, Markdown, Text};
use crate::source::{FileId, SourceFile};

/// Reads a Markdown document and the Markdown texts of its front matter.
pub(super) fn parse(
    source: &SourceFile,
    file: FileId,
    problems: &mut Vec<Diagnostic>,
    words: Words,
) -> Option<Read<Doc>> {
    let text: &str = &source.text;
    let (front, (markdown, reach), mut body) = match split_front_matter(text) {
        Ok(split) => {
            let yaml = split.yaml_offset..split.yaml_offset + split.yaml.len();
            let read = parse_yaml::<FrontMatter>(source, file, yaml, problems)?;
            (
                read.value,
                (read.markdown, read.reach),
                split.body_offset..text.len(),
            )
        }
        Err(SplitError::Missing) => match leading_title(text, 0..text.len()) {
            Some((title, after)) => {
                let front = FrontMatter {
                    title,
                    ..FrontMatter::default()
                };
                (front, (Vec::new(), Vec::new()), after..text.len())
            }
            None => {
                problems.push(
                    Diagnostic::error("the document has no title")
                        .at(file, 0..0)
                        .help("start the file with a `# Title` line, or with front matter: a line `---`, then `title: ...`, then a line `---`"),
                );
                return None;
            }
        },
        Err(SplitError::Unterminated) => {
            problems.push(
                Diagnostic::error("the front matter is not closed")
                    .at(file, 0..3)
                    .help("add a line `---` after the last front matter line"),
            );
            return None;
        }
    };
    // Front matter and a first heading saying the same: the heading is the title, once.
    if let Some((title, after)) = leading_title(text, body.clone())
        && same_words(&title, &front.title)
    {
        body = after..text.len();
    }
    let outline = match words {
        Words::Kept => crate::markdown::outline_with_words(&text[body.clone()]),
        Words::Skipped => crate::markdown::outline(&text[body.clone()]),
    };
    let shift_headings = outline
        .headings
        .iter()
        .any(|h| h.level == pulldown_cmark::HeadingLevel::H1);
    let doc = Doc {
        front,
        outline,
        body: Markdown(Text::verbatim(&source.text, body)),
        shift_headings,
        folder_index: source
            .path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.strip_suffix(".md") == Some(FOLDER_FILE)),
    };
    Some(Read {
        value: doc,
        markdown,
        reach,
        cut_ids: Vec::new(),
    })
}

/// The text of a `# heading` that is the first thing in `range` of `text` (blank lines may come
/// before it), and where the line after it starts.
fn leading_title(text: &str, range: Range<usize>) -> Option<(String, usize)> {
    let mut offset = range.start;
    for line in text[range].split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let title = trimmed.strip_prefix("# ").filter(|_| indent < 4)?;
        // A closing sequence of `#`s is not part of the title (CommonMark).
        let title = title.trim_end_matches('#').trim_end();
        return (!title.is_empty()).then(|| (title.to_string(), offset));
    }
    None
}

/// Whether two titles say the same, but for case, spacing and emphasis marks.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || "*_`".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_heading_is_a_title() {
        let text = "\n# Ransomware at the host ##\n\nBody\n";
        assert_eq!(
            leading_title(text, 0..text.len()),
            Some(("Ransomware at the host".into(), 29))
        );
        assert_eq!(leading_title("Text first\n# Later\n", 0..19), None);
        assert_eq!(leading_title("## Second level\n", 0..16), None);
        assert_eq!(leading_title("    # code\n", 0..11), None);
        assert!(same_words("Ransomware *at* the host", "ransomware at  the Host"));
        assert!(!same_words("Ransomware", "Ransomware at the host"));
    }
}
