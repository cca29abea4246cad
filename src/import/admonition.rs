//! MkDocs admonitions (`!!! warning "Title"` and an indented block, `???` and `???+` too) made
//! GitHub alerts (`> [!WARNING]`), outside code, keeping for each line of the result the source
//! line it came from.

/// GitHub alert for a MkDocs admonition type.
fn alert(kind: &str) -> &'static str {
    match kind.to_ascii_lowercase().as_str() {
        "tip" | "hint" | "success" | "check" | "done" => "TIP",
        "important" => "IMPORTANT",
        "warning" | "attention" | "caution" => "WARNING",
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" => "CAUTION",
        _ => "NOTE",
    }
}

/// `!!! type "Title"` (or `???`/`???+`, and as MkDocs also reads them, with no space after
/// the marker: `!!!info`): the indentation, type and title of an opening line.
fn opening(line: &str) -> Option<(usize, String, Option<String>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].trim_end();
    let rest = ["!!!", "???+", "???"]
        .iter()
        .find_map(|marker| rest.strip_prefix(marker))?
        .trim_start();
    let (kind, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if !kind.starts_with(|c: char| c.is_alphanumeric())
        || !kind.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let title = after
        .find('"')
        .and_then(|start| {
            after
                .rfind('"')
                .filter(|end| *end > start)
                .map(|end| &after[start + 1..end])
        })
        .map(str::to_string);
    let title = match title {
        Some(t) if t.is_empty() => None,
        Some(t) => Some(t),
        // No title: MkDocs shows the type's name; an alert of another name keeps it.
        None if alert(kind).eq_ignore_ascii_case(kind) => None,
        None => {
            let mut chars = kind.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect())
        }
    };
    Some((indent, kind.to_string(), title))
}

/// The body with every admonition outside code made a GitHub alert, the source line (0-based)
/// of each line of the result, and how many were converted.
pub(super) fn admonitions(body: &str) -> (String, Vec<usize>, usize) {
    let lines: Vec<&str> = body.split('\n').collect();
    let mut out: Vec<(String, usize)> = Vec::new();
    let count = convert_lines(&lines, 0, &mut out);
    let text = out.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>().join("\n");
    (text, out.into_iter().map(|(_, n)| n).collect(), count)
}

fn convert_lines(lines: &[&str], first: usize, out: &mut Vec<(String, usize)>) -> usize {
    let mut count = 0;
    let mut fence: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            if trimmed.trim_end().starts_with(open.as_str()) {
                fence = None;
            }
            out.push((line.to_string(), first + i));
            i += 1;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed.chars().take_while(|c| *c == '`' || *c == '~').collect();
            fence = Some(marker);
            out.push((line.to_string(), first + i));
            i += 1;
            continue;
        }
        let Some((indent, kind, title)) = opening(line) else {
            out.push((line.to_string(), first + i));
            i += 1;
            continue;
        };
        count += 1;
        let pad = " ".repeat(indent);
        let inner = indent + 4;
        let mut end = i + 1;
        let mut last = i;
        while end < lines.len() {
            let l = lines[end].trim_end_matches('\r');
            if l.trim().is_empty() {
                end += 1;
                continue;
            }
            if l.len() - l.trim_start_matches(' ').len() >= inner || l.starts_with(&format!("{pad}\t")) {
                last = end;
                end += 1;
                continue;
            }
            break;
        }
        let content: Vec<&str> = lines[i + 1..=last]
            .iter()
            .map(|l| {
                let l = l.trim_end_matches('\r');
                l.get(inner..)
                    .filter(|_| l.len() - l.trim_start_matches(' ').len() >= inner)
                    .or_else(|| l.strip_prefix(&format!("{pad}\t")))
                    .unwrap_or("")
            })
            .collect();
        out.push((format!("{pad}> [!{}]", alert(&kind)), first + i));
        if let Some(title) = title {
            out.push((format!("{pad}> **{title}**"), first + i));
            // A line of its own, so that the title is not the first line of the body's paragraph.
            if content.iter().any(|l| !l.trim().is_empty()) {
                out.push((format!("{pad}>"), first + i));
            }
        }
        let mut nested = Vec::new();
        count += convert_lines(&content, first + i + 1, &mut nested);
        for (l, n) in nested {
            let quoted = if l.trim().is_empty() {
                format!("{pad}>")
            } else {
                format!("{pad}> {l}")
            };
            out.push((quoted, n));
        }
        i = last + 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admonitions_become_alerts_outside_code() {
        let body = "Intro\n\n!!! warning \"Call: now\"\n    Do it.\n\n    Then this.\n\nAfter\n\n```\n!!! note\n    kept\n```\n??? example\n    Folded\n";
        let (text, lines, count) = admonitions(body);
        assert_eq!(count, 2);
        assert_eq!(
            text,
            "Intro\n\n> [!WARNING]\n> **Call: now**\n>\n> Do it.\n>\n> Then this.\n\nAfter\n\n```\n!!! note\n    kept\n```\n> [!NOTE]\n> **Example**\n>\n> Folded\n"
        );
        // `Do it.` is line 4 of the source (0-based 3).
        assert_eq!(lines[5], 3);
    }

    #[test]
    fn nested_admonitions_and_plain_types() {
        let (text, _, count) = admonitions("!!! danger\n    Stop.\n\n    !!! tip\n        Breathe.\n");
        assert_eq!(count, 2);
        assert_eq!(
            text,
            "> [!CAUTION]\n> **Danger**\n>\n> Stop.\n>\n> > [!TIP]\n> > Breathe.\n"
        );
    }

    #[test]
    fn admonitions_without_a_space_after_the_marker() {
        let (text, _, count) =
            admonitions("!!!info \"Read\"\n    A.\n???+tip\n    B.\n!!!Important!!!\n!!!\n");
        assert_eq!(count, 2);
        assert_eq!(
            text,
            "> [!NOTE]\n> **Read**\n>\n> A.\n> [!TIP]\n> B.\n!!!Important!!!\n!!!\n"
        );
    }
}
