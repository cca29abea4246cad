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

/// Whether the text has a forbidden control character: a byte below 0x20 but tab, line feed
/// and carriage return, DEL, or U+0080..U+009F (`C2 80`..`C2 9F` in UTF-8). Eight bytes at a
/// time, without decoding characters: only words with a byte below 0x20 (most often a line
/// feed), DEL or `C2` are looked at byte by byte.
pub fn has_forbidden(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `w` is below `n` (n <= 128), or is zero.
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGHS != 0;
    let has = |w: u64, byte: u64| below(w ^ (ONES * byte), 1);
    let bytes = text.as_bytes();
    let (words, _) = bytes.as_chunks::<8>();
    let suspect = words.iter().enumerate().filter_map(|(i, word)| {
        let w = u64::from_le_bytes(*word);
        (below(w, 0x20) || has(w, 0x7f) || has(w, 0xc2)).then_some(i * 8..i * 8 + 8)
    });
    let rest = words.len() * 8..bytes.len();
    suspect
        .chain(std::iter::once(rest))
        .flatten()
        .any(|i| match bytes[i] {
            b'\t' | b'\n' | b'\r' => false,
            0..0x20 | 0x7f => true,
            0xc2 => bytes.get(i + 1).is_some_and(|next| (0x80..=0x9f).contains(next)),
            _ => false,
        })
}

/// The text with every forbidden control character replaced by a space, and where each was
/// (byte offsets into the returned text) with the character it was.
pub fn replace_control_characters(text: &str) -> (String, Vec<(usize, char)>) {
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
    fn the_byte_check_agrees_with_the_character_class() {
        for c in (0..0x3000).chain([0xfeff, 0x10ffff]).filter_map(char::from_u32) {
            // At every place in a word, and in the bytes after the last whole word.
            for before in 0..17 {
                let text = format!("{}{c}\n", "é".repeat(before / 2) + &"x".repeat(before % 2));
                assert_eq!(
                    has_forbidden(&text),
                    is_forbidden(c),
                    "{:x} after {before}",
                    u32::from(c)
                );
            }
        }
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
