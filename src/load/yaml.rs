//! The only YAML parser user: text -> a tree of nodes that keep their byte spans.
//!
//! serde_yaml reports no positions for values that parse but are wrong (an unknown role on
//! line 14), so the loader parses YAML into [`Node`]s that remember where each value stands and
//! deserializes the typed model from them (see `de.rs`). Swapping the YAML library means
//! changing this file alone.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Bytes of the value in the file (for a block scalar: its first line).
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing at all.
    Null,
    Scalar(Scalar),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub text: String,
    /// Written without quotes: only plain scalars are read as booleans or numbers.
    pub plain: bool,
    /// File offset of the start of each line of `text`, where that is known exactly
    /// (single-line scalars and literal `|` blocks); otherwise only the first line's.
    pub line_offsets: Vec<usize>,
}

/// A YAML syntax error, or a limit the document broke, at a byte offset of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
    /// For a broken limit (not a syntax error): what to do about it.
    pub limit_help: Option<&'static str>,
}

/// Parses one YAML document. `base` is the offset of `text` inside its file (front matter);
/// every span is a file offset.
pub fn parse(text: &str, base: usize) -> Result<Node, SyntaxError> {
    let mut builder = TreeBuilder {
        text,
        line_starts: line_starts(text),
        base,
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: Weight::default(),
        documents: Vec::new(),
        too_big: None,
    };
    // Events are pulled one by one: the parser's own `load` recurses once per nesting level.
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| SyntaxError {
            message: e.info().to_string(),
            offset: base + local_offset(text, &line_starts(text), e.marker()),
            limit_help: None,
        })?;
        if event == Event::StreamEnd {
            break;
        }
        builder.on_event(event, mark);
        if builder.too_big.is_some() {
            break;
        }
    }
    if let Some(error) = builder.too_big {
        return Err(error);
    }
    let mut documents = builder.documents.into_iter();
    let first = documents.next().unwrap_or(Node {
        value: Value::Null,
        span: base..base,
    });
    if let Some(second) = documents.next() {
        return Err(SyntaxError {
            message: "a second YAML document (`---`) in one file: one file holds one document".into(),
            offset: second.span.start,
            limit_help: None,
        });
    }
    Ok(first)
}

/// The byte offset of a mark. The parser counts `index` in characters, so the offset is
/// computed from the line and the column (characters from the line's start) instead.
fn local_offset(text: &str, line_starts: &[usize], mark: &Marker) -> usize {
    let Some(&start) = line_starts.get(mark.line().saturating_sub(1)) else {
        return text.len();
    };
    let line = &text[start..];
    start + line.char_indices().nth(mark.col()).map_or(line.len(), |(i, _)| i)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

struct TreeBuilder<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    base: usize,
    /// Open collections: their node (children so far) and, for mappings, a pending key.
    stack: Vec<Open>,
    /// Anchored nodes and what each weighs.
    anchors: HashMap<usize, (Node, Weight)>,
    /// What aliases copied so far: bounded in values and bytes, so that a few lines cannot
    /// expand to gigabytes.
    expanded: Weight,
    documents: Vec<Node>,
    /// The first limit the document broke; later events are ignored.
    too_big: Option<SyntaxError>,
}

/// Deeper nesting than any handbook needs, aliases included; the bound keeps recursion off the
/// stack's edge.
const MAX_DEPTH: usize = 64;
/// Values aliases may copy in one file.
const MAX_EXPANDED: usize = 10_000;
/// Bytes of text aliases may copy in one file.
const MAX_EXPANDED_BYTES: usize = 1024 * 1024;
const LIMIT_HELP: &str =
    "write the values out where they are needed, or copy fewer of them with aliases (`*name`)";

/// How much a node holds: values (itself included), bytes of text, and levels of collections.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Weight {
    values: usize,
    bytes: usize,
    depth: usize,
}

struct Open {
    node: Node,
    anchor: usize,
    pending_key: Option<Node>,
}

impl TreeBuilder<'_> {
    fn offset(&self, mark: &Marker) -> usize {
        self.base + local_offset(self.text, &self.line_starts, mark)
    }

    fn finish(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), weigh(&node)));
        }
        let Some(open) = self.stack.last_mut() else {
            self.documents.push(node);
            return;
        };
        match &mut open.node.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => match open.pending_key.take() {
                None => open.pending_key = Some(node),
                Some(key) => entries.push((key, node)),
            },
            Value::Null | Value::Scalar(_) => unreachable!("only collections are opened"),
        }
    }

    fn scalar(&self, text: String, style: TScalarStyle, tag: Option<&Tag>, start: usize) -> Node {
        let local = start - self.base;
        let quoted = matches!(style, TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted);
        let plain = style == TScalarStyle::Plain && tag.is_none();
        let is_null = plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
        let end = self.base + scalar_end(self.text, local, &text, style);
        if is_null {
            return Node {
                value: Value::Null,
                span: start..end,
            };
        }
        let line_offsets = match style {
            TScalarStyle::Literal => literal_line_offsets(self.text, local, &text)
                .into_iter()
                .map(|o| o + self.base)
                .collect(),
            _ => vec![start + usize::from(quoted)],
        };
        Node {
            value: Value::Scalar(Scalar {
                text,
                plain,
                line_offsets,
            }),
            span: start..end,
        }
    }
}

impl TreeBuilder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.too_big.is_some() {
            return;
        }
        let offset = self.offset(&mark);
        if self.stack.len() >= MAX_DEPTH
            && matches!(event, Event::SequenceStart(..) | Event::MappingStart(..))
        {
            self.too_big = Some(SyntaxError {
                message: format!("nested more than {MAX_DEPTH} levels deep"),
                offset,
                limit_help: Some("write the values at fewer levels: no handbook needs this many"),
            });
            return;
        }
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let node = self.scalar(text, style, tag.as_ref(), offset);
                self.finish(node, anchor);
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Open {
                node: Node {
                    value: Value::Seq(Vec::new()),
                    span: offset..offset,
                },
                anchor,
                pending_key: None,
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Open {
                node: Node {
                    value: Value::Map(Vec::new()),
                    span: offset..offset,
                },
                anchor,
                pending_key: None,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(mut open) = self.stack.pop() {
                    if let Value::Map(entries) = &mut open.node.value {
                        super::merge::merge_keys(entries);
                    }
                    if let Value::Map(entries) = &open.node.value
                        && let Some((first_key, _)) = entries.first()
                    {
                        open.node.span.start = first_key.span.start;
                    }
                    open.node.span.end = offset.max(open.node.span.start);
                    self.finish(open.node, open.anchor);
                }
            }
            Event::Alias(id) => {
                let (node, weight) = self.anchors.get(&id).cloned().unwrap_or((
                    Node {
                        value: Value::Null,
                        span: offset..offset,
                    },
                    Weight {
                        values: 1,
                        ..Weight::default()
                    },
                ));
                self.expanded.values += weight.values;
                self.expanded.bytes += weight.bytes;
                let limit = if self.expanded.values > MAX_EXPANDED {
                    Some(format!("aliases (`*name`) copy more than {MAX_EXPANDED} values"))
                } else if self.expanded.bytes > MAX_EXPANDED_BYTES {
                    Some(format!(
                        "aliases (`*name`) copy more than {} MB of text",
                        MAX_EXPANDED_BYTES / (1024 * 1024)
                    ))
                } else if self.stack.len() + weight.depth > MAX_DEPTH {
                    Some(format!(
                        "an alias (`*name`) nests values more than {MAX_DEPTH} levels deep"
                    ))
                } else {
                    None
                };
                if let Some(message) = limit {
                    self.too_big = Some(SyntaxError {
                        message,
                        offset,
                        limit_help: Some(LIMIT_HELP),
                    });
                    return;
                }
                self.finish(node, 0);
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }
}

/// A collection holding children that weigh `inner`: one value and one level more.
fn collection(inner: Weight) -> Weight {
    Weight {
        values: inner.values + 1,
        depth: inner.depth + 1,
        ..inner
    }
}

/// What `node` holds; recursion is bounded by [`MAX_DEPTH`], aliases included.
fn weigh(node: &Node) -> Weight {
    let children = |nodes: &mut dyn Iterator<Item = &Node>| {
        nodes.map(weigh).fold(Weight::default(), |sum, w| Weight {
            values: sum.values + w.values,
            bytes: sum.bytes + w.bytes,
            depth: sum.depth.max(w.depth),
        })
    };
    match &node.value {
        Value::Seq(items) => collection(children(&mut items.iter())),
        Value::Map(entries) => collection(children(&mut entries.iter().flat_map(|(k, v)| [k, v]))),
        Value::Scalar(scalar) => Weight {
            values: 1,
            bytes: scalar.text.len(),
            depth: 0,
        },
        Value::Null => Weight {
            values: 1,
            ..Weight::default()
        },
    }
}

/// Local end offset of a scalar that starts at `start`: exact for one-line values, the end of
/// the first line otherwise.
fn scalar_end(text: &str, start: usize, value: &str, style: TScalarStyle) -> usize {
    let rest = &text[start..];
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let len = match style {
        TScalarStyle::Plain if rest.starts_with(value) => value.len(),
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => quoted_len(line),
        _ => line.trim_end().len(),
    };
    start + len
}

fn quoted_len(line: &str) -> usize {
    let mut chars = line.char_indices();
    let Some((_, quote)) = chars.next() else {
        return 0;
    };
    let mut escaped = false;
    for (i, c) in chars {
        match c {
            '\\' if quote == '"' && !escaped => escaped = true,
            c if c == quote && !escaped => return i + 1,
            _ => escaped = false,
        }
    }
    line.len()
}

/// For a literal block scalar whose first line starts at `start` (the parser's mark): the
/// local offset where each line of `value` begins in the text, after the block's indentation.
fn literal_line_offsets(text: &str, start: usize, value: &str) -> Vec<usize> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let mut offsets = vec![start];
    let mut here = line_start;
    for _ in 1..value.lines().count() {
        let Some(next) = text[here..].find('\n').map(|i| here + i + 1) else {
            break;
        };
        here = next;
        let line = &text[here..];
        let len = line.find(['\n', '\r']).unwrap_or(line.len());
        offsets.push(here + indent.min(len));
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &Vec<(Node, Node)> {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn spans_point_at_values() {
        let text = "name: Skyhost\nphone: \"+45 70\"\nlist: [a, b]\n";
        let root = parse(text, 0).unwrap();
        let entries = map(&root);
        assert_eq!(&text[entries[0].1.span.clone()], "Skyhost");
        assert_eq!(&text[entries[1].1.span.clone()], "\"+45 70\"");
        let Value::Seq(items) = &entries[2].1.value else {
            panic!()
        };
        assert_eq!(&text[items[1].span.clone()], "b");
    }

    #[test]
    fn literal_blocks_map_each_line() {
        let text = "notes: |\n  first [a](x)\n\n  third\nnext: 1\n";
        let root = parse(text, 10).unwrap();
        let Value::Scalar(s) = &map(&root)[0].1.value else {
            panic!()
        };
        assert_eq!(s.text, "first [a](x)\n\nthird\n");
        assert_eq!(s.line_offsets, vec![10 + 11, 10 + 24, 10 + 27]);
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let err = parse("a: [1, 2\nb: 3\n", 0).unwrap_err();
        assert!(err.offset > 0, "{err:?}");
    }

    #[test]
    fn spans_are_bytes_after_non_ascii_text() {
        let text = "a: æøå\nb: x\n";
        let root = parse(text, 0).unwrap();
        assert_eq!(&text[map(&root)[1].1.span.clone()], "x");
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in b'b'..=b'h' {
            let prev = char::from(level - 1);
            let name = char::from(level);
            bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let err = parse(&bomb, 0).unwrap_err();
        assert_eq!(err.message, "aliases (`*name`) copy more than 10000 values");
        assert!(parse(&"[".repeat(3000), 0).is_err());
        let deep_block: String = (0..2500).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let err = parse(&deep_block, 0).unwrap_err();
        assert_eq!(err.message, "nested more than 64 levels deep");
    }

    #[test]
    fn aliases_are_bounded_in_bytes_and_depth() {
        let big = format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(100_000),
            ["*a"; 11].join(", ")
        );
        let err = parse(&big, 0).unwrap_err();
        assert_eq!(err.message, "aliases (`*name`) copy more than 1 MB of text");
        assert_eq!(err.offset, big.rfind("*a").unwrap());
        let ten = format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(100_000),
            ["*a"; 10].join(", ")
        );
        assert!(parse(&ten, 0).is_ok());

        let mut chain = format!("a0: &a0 {}x{}\n", "[".repeat(60), "]".repeat(60));
        for i in 1..10 {
            chain.push_str(&format!("a{i}: &a{i} [*a{}]\n", i - 1));
        }
        let err = parse(&chain, 0).unwrap_err();
        assert_eq!(
            err.message,
            "an alias (`*name`) nests values more than 64 levels deep"
        );
        assert_eq!(err.offset, chain.find("*a3").unwrap());
    }

    #[test]
    fn empty_text_is_null() {
        assert_eq!(parse("", 0).unwrap().value, Value::Null);
        assert_eq!(parse("# only a comment\n", 0).unwrap().value, Value::Null);
    }
}
