//! serde over YAML [`Node`]s: deserializes the typed model and gives every error the span of
//! the value it is about. Unknown keys do not stop a file: each is recorded with a suggestion
//! and skipped, so one run reports all of them.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

mod map;
mod special;

use map::MapAccess;
use special::{MarkdownAccess, OneAsList, SpannedAccess};

use super::yaml::{Node, Value};
use crate::model::{
    FOREIGN_FRONT_MATTER, FRONT_MATTER_STRUCT, MARKDOWN_STRUCT, ONE_OR_MANY_STRUCT, Reach, ReachKind,
    SPANNED_FIELDS, SPANNED_STRUCT, TEXT_FIELDS, TEXT_STRUCT, Text,
};
use crate::source::Span;
use crate::suggest::did_you_mean;

/// A deserialization problem, with the span of the offending value once known.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub message: String,
    pub span: Option<Span>,
    pub help: Option<String>,
    /// For "missing required key": the key, so that a key removed by recovery is not reported.
    pub missing_key: Option<&'static str>,
}

/// Separates a message from its help text inside a `serde::de::Error::custom` string, so that
/// `Deserialize` impls of model types can give a hint.
pub const HELP_SEPARATOR: char = '\u{1f}';

impl Error {
    fn with_span(mut self, span: &Span) -> Self {
        self.span.get_or_insert_with(|| span.clone());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let text = msg.to_string();
        let (message, help) = match text.split_once(HELP_SEPARATOR) {
            Some((m, h)) => (m.to_string(), Some(h.to_string())),
            None => (text, None),
        };
        Error {
            message,
            span: None,
            help,
            missing_key: None,
        }
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            de::Unexpected::Unit => "nothing".to_string(),
            de::Unexpected::Map => "a mapping (key: value lines)".to_string(),
            de::Unexpected::Seq => "a list".to_string(),
            de::Unexpected::Str(s) => format!("`{s}`"),
            other => other.to_string(),
        };
        Error::custom(format!(
            "expected {}, found {found}",
            describe_expected(&exp.to_string())
        ))
    }

    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        Error::invalid_type(unexp, exp)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let mut err = Error::custom(format!("unknown value `{variant}`"));
        err.help = Some(choices_help(variant, expected));
        err
    }

    fn missing_field(field: &'static str) -> Self {
        let mut error = Error::custom(format!("missing required key `{field}`"));
        error.missing_key = Some(field);
        error
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::custom(format!("`{field}` is given twice"))
    }
}

fn describe_expected(exp: &str) -> String {
    if exp.starts_with("struct ") {
        "a mapping (key: value lines)".into()
    } else if exp == "a sequence" {
        "a list".into()
    } else {
        exp.to_string()
    }
}

fn choices_help(given: &str, expected: &[&str]) -> String {
    let list = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match did_you_mean(given, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`? expected one of {list}"),
        None => format!("expected one of {list}"),
    }
}

/// Deserializes `T` from `node`: the value or the problem that stopped it, and the unknown
/// keys, which are reported and skipped.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Read<T> {
    let seen = Seen::default();
    let result = T::deserialize(NodeDeserializer { node, seen: &seen });
    Read {
        result: result.map_err(|err| err.with_span(&node.span)),
        skipped: seen.skipped.into_inner(),
        markdown: seen.markdown.into_inner(),
        reach: seen.reach.into_inner(),
    }
}

/// What one pass over a file's nodes gave.
pub struct Read<T> {
    pub result: Result<T, Error>,
    /// Unknown keys, reported and skipped.
    pub skipped: Vec<Error>,
    /// Every Markdown text read, in file order: whatever field it is in, it gets link checks.
    pub markdown: Vec<Text>,
    /// Every phone number, e-mail and web address read, in file order.
    pub reach: Vec<Reach>,
}

/// What a pass collects besides the value.
#[derive(Default)]
struct Seen {
    skipped: RefCell<Vec<Error>>,
    markdown: RefCell<Vec<Text>>,
    reach: RefCell<Vec<Reach>>,
}

#[derive(Clone, Copy)]
struct NodeDeserializer<'de, 'a> {
    node: &'de Node,
    seen: &'a Seen,
}

impl<'de, 'a> NodeDeserializer<'de, 'a> {
    fn child(&self, node: &'de Node) -> Self {
        NodeDeserializer {
            node,
            seen: self.seen,
        }
    }

    fn unexpected(&self) -> de::Unexpected<'de> {
        match &self.node.value {
            Value::Null => de::Unexpected::Unit,
            Value::Scalar(s) => de::Unexpected::Str(&s.text),
            Value::Seq(_) => de::Unexpected::Seq,
            Value::Map(_) => de::Unexpected::Map,
        }
    }

    fn scalar(&self, exp: &dyn de::Expected) -> Result<&'de str, Error> {
        match &self.node.value {
            Value::Scalar(s) => Ok(&s.text),
            _ => Err(de::Error::invalid_type(self.unexpected(), exp)),
        }
    }

    fn parse_plain<T: std::str::FromStr>(&self, exp: &dyn de::Expected) -> Result<T, Error> {
        let text = self.scalar(exp)?;
        text.trim()
            .parse()
            .map_err(|_| de::Error::invalid_type(self.unexpected(), exp))
    }

    fn spanned<V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(SpannedAccess { de: *self, state: 0 })
    }

    /// A text (`is_markdown`: rendered as Markdown, so also remembered for link checks).
    fn text<V: Visitor<'de>>(&self, visitor: V, is_markdown: bool) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::Scalar(scalar) => {
                if is_markdown {
                    self.seen
                        .markdown
                        .borrow_mut()
                        .push(Text::from_lines(scalar.text.clone(), scalar.line_offsets.clone()));
                }
                visitor.visit_map(MarkdownAccess { de: *self, state: 0 })
            }
            _ => Err(de::Error::invalid_type(
                self.unexpected(),
                if is_markdown {
                    &"a Markdown text"
                } else {
                    &"a text"
                },
            )),
        }
    }

    fn entries(&self, exp: &dyn de::Expected) -> Result<&'de [(Node, Node)], Error> {
        match &self.node.value {
            Value::Map(entries) => Ok(entries),
            _ => Err(de::Error::invalid_type(self.unexpected(), exp)),
        }
    }
}

macro_rules! plain_number {
    ($($method:ident => $visit:ident : $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let value: $ty = self.parse_plain(&"a number")?;
            visitor.$visit(value).map_err(|e: Error| e.with_span(&self.node.span))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for NodeDeserializer<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Scalar(s) if s.plain => {
                if let Ok(b) = s.text.parse::<bool>() {
                    visitor.visit_bool(b)
                } else if let Ok(i) = s.text.parse::<i64>() {
                    visitor.visit_i64(i)
                } else if let Ok(f) = s.text.parse::<f64>() {
                    visitor.visit_f64(f)
                } else {
                    visitor.visit_borrowed_str(&s.text)
                }
            }
            Value::Scalar(s) => visitor.visit_borrowed_str(&s.text),
            Value::Seq(items) => visitor.visit_seq(SeqAccess {
                de: self,
                items: items.iter(),
            }),
            Value::Map(entries) => visitor.visit_map(MapAccess::new(self, entries, None)),
        };
        result.map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = match self.scalar(&"`true` or `false`")? {
            "true" | "True" | "TRUE" => true,
            "false" | "False" | "FALSE" => false,
            _ => {
                return Err(de::Error::invalid_type(self.unexpected(), &"`true` or `false`"));
            }
        };
        visitor.visit_bool(value)
    }

    plain_number!(
        deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64,
        deserialize_f32 => visit_f32: f32, deserialize_f64 => visit_f64: f64
    );

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.scalar(&"a text")?;
        visitor
            .visit_borrowed_str(text)
            .map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(de::Error::invalid_type(self.unexpected(), &"nothing")),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.node.value {
            Value::Null => visitor.visit_seq(SeqAccess {
                de: self,
                items: [].iter(),
            }),
            Value::Seq(items) => visitor.visit_seq(SeqAccess {
                de: self,
                items: items.iter(),
            }),
            Value::Scalar(scalar) => {
                let mut error: Error = de::Error::invalid_type(self.unexpected(), &"a list");
                error.help = Some(format!(
                    "write a list, `[{}]`, or each item on its own line starting with `- `",
                    scalar.text
                ));
                Err(error)
            }
            Value::Map(_) => Err(de::Error::invalid_type(self.unexpected(), &"a list")),
        };
        result.map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries = self.entries(&"a mapping (key: value lines)")?;
        visitor
            .visit_map(MapAccess::new(self, entries, None))
            .map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = if name == SPANNED_STRUCT && fields == SPANNED_FIELDS {
            self.spanned(visitor)
        } else if (name == MARKDOWN_STRUCT || name == TEXT_STRUCT) && fields == TEXT_FIELDS {
            self.text(visitor, name == MARKDOWN_STRUCT)
        } else {
            let entries = self.entries(&"a mapping (key: value lines)")?;
            let mut access = MapAccess::new(self, entries, Some(fields));
            if name == FRONT_MATTER_STRUCT {
                access.foreign = FOREIGN_FRONT_MATTER;
            }
            visitor.visit_map(access)
        };
        result.map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let text = self.scalar(&OneOf(variants))?;
        visitor
            .visit_enum(text.into_deserializer())
            .map_err(|e: Error| e.with_span(&self.node.span))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if let (Some(kind), Value::Scalar(scalar)) = (ReachKind::of_struct(name), &self.node.value) {
            self.seen.reach.borrow_mut().push(Reach {
                kind,
                text: scalar.text.clone(),
                span: self.node.span.clone(),
            });
        }
        match &self.node.value {
            Value::Scalar(_) | Value::Map(_) if name == ONE_OR_MANY_STRUCT => {
                visitor.visit_newtype_struct(OneAsList(self))
            }
            _ => visitor.visit_newtype_struct(self),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit_struct tuple tuple_struct
    }
}

struct OneOf(&'static [&'static str]);

impl de::Expected for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", self.0.join(", "))
    }
}

struct SeqAccess<'de, 'a> {
    de: NodeDeserializer<'de, 'a>,
    items: std::slice::Iter<'de, Node>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            None => Ok(None),
            Some(node) => seed
                .deserialize(self.de.child(node))
                .map(Some)
                .map_err(|e| e.with_span(&node.span)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}
