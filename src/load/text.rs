//! Control characters in YAML and Markdown files: each is an error at its line and column, and
//! is replaced by a space before the file is parsed, so that the rest of the file is still read
//! and checked (a NUL would end the YAML parser's input silently; a space disturbs the YAML
//! around it least) and no control character reaches a page or a terminal.

use crate::diag::Diagnostic;
use crate::source::{FileId, SourceFile};

/// Lines with control characters reported one by one; the rest are counted in one more error.
const REPORTED_LINES: usize = 10;

/// Characters of Unicode's control category other than tab, line feed and carriage return.
fn is_forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The text with every forbidden control character replaced by a space, and where each was
/// (byte offsets into the returned text) with the character it was.
pub fn replace_control_characters(text: &str) -> (String, Vec<(usize, char)>) {
    if !text.chars().any(is_forbidden) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut found = Vec::new();
    for c in text.chars() {
        if is_forbidden(c) {
            found.push((out.len(), c));
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    (out, found)
}

/// One error for each line with control characters (at its first), up to a bound.
pub fn control_characters(source: &SourceFile, file: FileId, found: &[(usize, char)]) -> Vec<Diagnostic> {
    let mut lines_seen = Vec::new();
    let mut out = Vec::new();
    for &(offset, c) in found {
        let line = source.position(offset).line;
        if lines_seen.last() == Some(&line) {
            continue;
        }
        lines_seen.push(line);
        if lines_seen.len() <= REPORTED_LINES {
            out.push(
                Diagnostic::error(format!("a control character ({}) in the text", name(c)))
                    .at(file, offset..offset + 1)
                    .help(
                        "remove it: YAML and Markdown files may hold tabs and line breaks, but no \
                         other control characters",
                    ),
            );
        }
    }
    if lines_seen.len() > REPORTED_LINES {
        out.push(
            Diagnostic::error(format!(
                "control characters on {} more lines",
                lines_seen.len() - REPORTED_LINES
            ))
            .in_file(file)
            .help("is this a text file? save it as plain UTF-8 text"),
        );
    }
    out
}

/// `U+0000 NUL`, or the code point alone for the rarer ones.
fn name(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    let short = match c {
        '\0' => "NUL",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        _ => return code,
    };
    format!("{code} {short}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_control_characters_but_not_tabs_and_line_breaks() {
        let (text, found) = replace_control_characters("a\0b\tc\r\nd\u{1b}[31m\u{85}");
        assert_eq!(text, "a b\tc\r\nd [31m ");
        assert_eq!(found, [(1, '\0'), (8, '\u{1b}'), (13, '\u{85}')]);
        assert_eq!(replace_control_characters("plain æ\n").1, []);
    }

    #[test]
    fn one_error_per_line_then_a_count() {
        let text: String = (0..13).map(|i| format!("k{i}: \0\0\n")).collect();
        let (clean, found) = replace_control_characters(&text);
        let source = SourceFile::new("a.yaml".into(), clean);
        let mut sources = crate::source::Sources::default();
        let file = sources.add(SourceFile::new("a.yaml".into(), String::new()));
        let diagnostics = control_characters(&source, file, &found);
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 11);
        assert_eq!(messages[0], "a control character (U+0000 NUL) in the text");
        assert_eq!(messages[10], "control characters on 3 more lines");
    }
}
