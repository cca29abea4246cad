//! Reads a message template's tags before Tera compiles it: only the statements a message needs
//! pass (`if`, `for`, `set x = ...`, `break`, `continue`, `raw`), and every loop body starts
//! with a call of the step counter, so that no loop can run without being counted.

/// The statements a message template may use.
const ALLOWED: [&str; 8] = [
    "if", "elif", "else", "endif", "for", "endfor", "break", "continue",
];

/// Called at the start of every loop body (see `mod.rs`).
pub const STEP_FUNCTION: &str = "irbook_step";

/// A template with a step call in every loop body, and where the calls were put.
#[derive(Debug, Clone)]
pub struct Instrumented {
    pub text: String,
    /// (offset in `text`, length) of each inserted call, with the offset of its loop's tag in
    /// the author's text; in order.
    insertions: Vec<(usize, usize, usize)>,
}

impl Instrumented {
    /// The offset in the author's text of an offset in the instrumented one; inside an
    /// inserted call: the loop it counts.
    pub fn original_offset(&self, offset: usize) -> usize {
        let mut shift = 0;
        for &(at, len, tag) in &self.insertions {
            if offset < at {
                break;
            }
            if offset < at + len {
                return tag;
            }
            shift += len;
        }
        offset - shift
    }
}

/// Checks the statements of `template` and counts its loops; an error at its offset otherwise.
pub fn instrument(template: &str) -> Result<Instrumented, (String, usize)> {
    let mut text = String::with_capacity(template.len() + 64);
    let mut insertions = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = template[at..].find('{').map(|i| at + i) {
        let rest = &template[found..];
        at = if rest.starts_with("{#") {
            match rest.find("#}") {
                Some(end) => found + end + 2,
                None => break,
            }
        } else if rest.starts_with("{{") {
            let tag = read_tag(template, found + 2, "}}")?;
            if let Some(&(_, offset)) = tag.words.iter().find(|(w, _)| *w == "for") {
                return Err(comprehension(offset));
            }
            tag.end
        } else if rest.starts_with("{%") {
            let tag = read_tag(template, found + 2, "%}")?;
            let Some(&(keyword, _)) = tag.words.first().filter(|(_, o)| *o == tag.first) else {
                return Err(not_allowed(&template[tag.first..tag.end], found));
            };
            if let Some(&(_, offset)) = tag.words.iter().skip(1).find(|(w, _)| *w == "for") {
                return Err(comprehension(offset));
            }
            match keyword {
                "raw" => end_of_raw(template, tag.end).unwrap_or(template.len()),
                "set" if tag.assigns => tag.end,
                "set" => {
                    return Err((
                        "`{% set %}` blocks are not available in message templates; write `{% set name = value %}`".into(),
                        found,
                    ));
                }
                "for" => {
                    text.push_str(&template[copied..tag.end]);
                    copied = tag.end;
                    let call = if tag.trims_after {
                        format!("{{{{- {STEP_FUNCTION}() -}}}}")
                    } else {
                        format!("{{{{ {STEP_FUNCTION}() }}}}")
                    };
                    insertions.push((text.len(), call.len(), found));
                    text.push_str(&call);
                    tag.end
                }
                keyword if ALLOWED.contains(&keyword) => tag.end,
                other => return Err(not_allowed(other, found)),
            }
        } else {
            found + 1
        };
    }
    text.push_str(&template[copied..]);
    Ok(Instrumented { text, insertions })
}

fn comprehension(offset: usize) -> (String, usize) {
    (
        "`[... for ... in ...]` lists are not available in message templates; use `{% for %}`".into(),
        offset,
    )
}

fn not_allowed(what: &str, offset: usize) -> (String, usize) {
    let what = what.split_whitespace().next().unwrap_or(what);
    (
        format!(
            "`{{% {what} %}}` is not available in message templates (they may use if, for, set, break, continue and raw)"
        ),
        offset,
    )
}

/// The words of one `{{ ... }}` or `{% ... %}` tag, read the way Tera's lexer reads them.
struct Tag<'t> {
    /// Identifiers outside strings, with their offsets.
    words: Vec<(&'t str, usize)>,
    /// The offset of the first thing in the tag.
    first: usize,
    /// The tag holds a lone `=` (an assignment, not `==`).
    assigns: bool,
    /// The tag ends with `-%}` or `-}}`: the text after it is trimmed.
    trims_after: bool,
    /// The offset just after the tag.
    end: usize,
}

fn read_tag<'t>(template: &'t str, start: usize, close: &str) -> Result<Tag<'t>, (String, usize)> {
    let bytes = template.as_bytes();
    let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
    let mut tag = Tag {
        words: Vec::new(),
        first: 0,
        assigns: false,
        trims_after: false,
        end: 0,
    };
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    tag.first = at;
    while at < bytes.len() {
        let rest = &template[at..];
        if rest.starts_with(close) || (rest.starts_with('-') && rest[1..].starts_with(close)) {
            tag.trims_after = rest.starts_with('-');
            tag.end = at + close.len() + usize::from(tag.trims_after);
            return Ok(tag);
        }
        let c = bytes[at];
        if matches!(c, b'"' | b'\'' | b'`') {
            at += string_len(&bytes[at..]);
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            tag.words.push((&rest[..len], at));
            at += len;
        } else if rest.starts_with("==")
            || rest.starts_with("!=")
            || rest.starts_with("<=")
            || rest.starts_with(">=")
        {
            at += 2;
        } else {
            tag.assigns |= c == b'=';
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    Err(("this tag is not closed".into(), start.saturating_sub(2)))
}

/// The length of the string literal at the start of `bytes`, quotes included (backslash
/// escapes the next character, as in Tera); to the end if it is not closed.
fn string_len(bytes: &[u8]) -> usize {
    let quote = bytes[0];
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b if b == quote => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The offset after the `{% endraw %}` that closes a raw block opened before `from`.
fn end_of_raw(template: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = template[at..].find("{%").map(|i| at + i) {
        let inner = template[found + 2..].trim_start_matches('-').trim_start();
        if let Some(after) = inner.strip_prefix("endraw") {
            let after = after.trim_start();
            let after = after.strip_prefix('-').unwrap_or(after);
            if let Some(rest) = after.strip_prefix("%}") {
                return Some(template.len() - rest.len());
            }
        }
        at = found + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_loop_body_starts_with_a_step() {
        let template =
            "{% for s in supplier.services -%}\n- {{ s }}\n{%- endfor %} and {%for x in y%}{{x}}{% endfor %}";
        let done = instrument(template).unwrap();
        assert_eq!(
            done.text,
            "{% for s in supplier.services -%}{{- irbook_step() -}}\n- {{ s }}\n{%- endfor %} and {%for x in y%}{{ irbook_step() }}{{x}}{% endfor %}"
        );
        let second = template.find("{%for").unwrap();
        let in_second_call = done.text.find("{{ irbook_step").unwrap() + 3;
        assert_eq!(done.original_offset(in_second_call), second);
        let after = done.text.find("{{x}}").unwrap();
        assert_eq!(done.original_offset(after), template.find("{{x}}").unwrap());
        assert_eq!(done.original_offset(3), 3);
    }

    #[test]
    fn only_the_statements_a_message_needs_pass() {
        let refused = |t: &str| instrument(t).unwrap_err();
        assert_eq!(
            refused("Hi {% include \"x/body\" %}"),
            (
                "`{% include %}` is not available in message templates (they may use if, for, set, break, continue and raw)".to_string(),
                3
            )
        );
        assert_eq!(refused("{%- set_global n = 1 %}").1, 0);
        assert_eq!(
            refused("{% set x %}captured{% endset %}").0,
            "`{% set %}` blocks are not available in message templates; write `{% set name = value %}`"
        );
        assert_eq!(refused("{% filter upper %}x{% endfilter %}").1, 0);
        assert_eq!(refused("ab{{ [x for x in range(end=9)] }}").1, 8);
        assert_eq!(refused("{% for a in [b for b in c] %}{% endfor %}").1, 15);
        assert_eq!(refused("{% <Card> %}").0.split('`').nth(1), Some("{% <Card> %}"));
        assert!(
            instrument("{% if a == \"%}{% include\" %}{% set x = a ~ 'for' %}{{ x }}{% endif %}").is_ok()
        );
        assert!(instrument("{# {% include %} #}{% raw %}{% include %}{% endraw %}{{ format }}").is_ok());
    }
}
