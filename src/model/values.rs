//! Value types shared by every file kind: ids, dates, spanned values and texts (durations are
//! in `duration.rs`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

use super::duration::Duration;
use crate::load::HELP_SEPARATOR;
use crate::source::Span;

/// Struct name and fields by which the YAML deserializer recognises [`Spanned`].
pub const SPANNED_STRUCT: &str = "$irbook::Spanned";
pub const SPANNED_FIELDS: &[&str] = &["$start", "$end", "$value"];
/// Struct names and fields by which the YAML deserializer recognises [`Text`] and
/// [`Markdown`].
pub const TEXT_STRUCT: &str = "$irbook::Text";
pub const MARKDOWN_STRUCT: &str = "$irbook::Markdown";
pub const TEXT_FIELDS: &[&str] = &["$text", "$line_offsets"];

pub(super) fn invalid<E: de::Error>(message: String, help: &str) -> E {
    E::custom(format!("{message}{HELP_SEPARATOR}{help}"))
}

/// A value and the bytes of the file it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A reference to another object by id, checked by the resolver.
pub type Ref = Spanned<String>;

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value with its position")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                let (_, start): (String, usize) = map
                    .next_entry()?
                    .ok_or_else(|| de::Error::missing_field("$start"))?;
                let (_, end): (String, usize) = map
                    .next_entry()?
                    .ok_or_else(|| de::Error::missing_field("$end"))?;
                let (_, value): (String, T) = map
                    .next_entry()?
                    .ok_or_else(|| de::Error::missing_field("$value"))?;
                Ok(Spanned {
                    value,
                    span: start..end,
                })
            }
        }

        deserializer.deserialize_struct(SPANNED_STRUCT, SPANNED_FIELDS, SpannedVisitor(PhantomData))
    }
}

/// A text that may span lines (Markdown, a message template), with the file offset of each of
/// its lines so that a problem inside it is reported on its own line.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: SharedStr,
    lines: Lines,
}

/// Where a [`Text`]'s lines are in its file.
#[derive(Debug, Clone, PartialEq)]
enum Lines {
    /// The text stands verbatim in its file from this offset on.
    Verbatim(usize),
    /// The file offset of each line (a YAML string, whose lines are indented or folded).
    Offsets(Vec<usize>),
}

/// A string of its own, or a part of a file's text shared with [`crate::source::Sources`]
/// (a document's body, which is most of a handbook's text, is not copied).
#[derive(Clone)]
pub struct SharedStr {
    whole: std::sync::Arc<String>,
    range: std::ops::Range<usize>,
}

impl SharedStr {
    /// `range` of `whole`.
    pub fn slice(whole: &std::sync::Arc<String>, range: std::ops::Range<usize>) -> Self {
        assert!(
            whole.get(range.clone()).is_some(),
            "a slice at character boundaries"
        );
        SharedStr {
            whole: whole.clone(),
            range,
        }
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.whole[self.range.clone()]
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        let range = 0..text.len();
        SharedStr {
            whole: std::sync::Arc::new(text),
            range,
        }
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr::from(text.to_string())
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

/// A YAML string or a document body rendered as Markdown: a [`Text`] whose links are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Markdown(pub Text);

impl std::ops::Deref for Markdown {
    type Target = Text;

    fn deref(&self) -> &Text {
        &self.0
    }
}

impl Serialize for Markdown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Markdown {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_struct(MARKDOWN_STRUCT, TEXT_FIELDS, TextVisitor)
            .map(Markdown)
    }
}

impl Text {
    /// A text and the file offset of each of its lines.
    pub fn from_lines(text: String, line_offsets: Vec<usize>) -> Self {
        Text {
            text: text.into(),
            lines: Lines::Offsets(line_offsets),
        }
    }

    /// The part `range` of a file's text `whole`, which stands verbatim in the file (a
    /// Markdown body).
    pub fn verbatim(whole: &std::sync::Arc<String>, range: std::ops::Range<usize>) -> Self {
        Text {
            lines: Lines::Verbatim(range.start),
            text: SharedStr::slice(whole, range),
        }
    }

    /// The file offset of byte `offset` of the text; the text's start where the YAML style
    /// (folded, multi-line plain) does not keep lines apart.
    pub fn file_offset(&self, offset: usize) -> usize {
        let line_offsets = match &self.lines {
            Lines::Verbatim(base) => return base + offset,
            Lines::Offsets(offsets) => offsets,
        };
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        match line_offsets.get(line) {
            Some(start) => start + (offset - line_start),
            None => line_offsets.first().copied().unwrap_or(0),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text.serialize(serializer)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let (_, text): (String, String) = map
            .next_entry()?
            .ok_or_else(|| de::Error::missing_field("$text"))?;
        let (_, line_offsets): (String, Vec<usize>) = map
            .next_entry()?
            .ok_or_else(|| de::Error::missing_field("$line_offsets"))?;
        Ok(Text::from_lines(text, line_offsets))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(TEXT_STRUCT, TEXT_FIELDS, TextVisitor)
    }
}

/// An identifier: `[a-z0-9][a-z0-9-]*`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub const RULE: &'static str =
        "ids use lowercase letters, digits and `-`, and start with a letter or digit";

    pub fn parse(text: &str) -> Result<Id, String> {
        let mut chars = text.chars();
        let valid = chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if valid {
            Ok(Id(text.to_string()))
        } else {
            Err(format!("invalid id `{text}`"))
        }
    }

    /// The id of a document in a sub-folder: its path, each part a valid id
    /// (`ransomware/encryption`).
    pub fn parse_path(text: &str) -> Result<Id, String> {
        if text.split('/').all(|part| Id::parse(part).is_ok()) {
            Ok(Id(text.to_string()))
        } else {
            Err(format!("invalid id `{text}`"))
        }
    }

    /// The folder part of a nested id (`ransomware` of `ransomware/encryption`), if any.
    pub fn folder(&self) -> Option<&str> {
        self.0.rsplit_once('/').map(|(folder, _)| folder)
    }

    /// The id that a file name or title would have: lowercase, runs of other characters as `-`.
    pub fn suggest(text: &str) -> String {
        let mut out = String::new();
        for c in text.trim().chars().flat_map(char::to_lowercase) {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Id::parse(&text).map_err(|message| {
            let suggestion = Id::suggest(&text);
            let help = if suggestion.is_empty() {
                Id::RULE.to_string()
            } else {
                format!("{}: e.g. `{suggestion}`", Id::RULE)
            };
            invalid(message, &help)
        })
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
        match text.parse::<jiff::civil::Date>() {
            Ok(date) if shaped => Ok(Date(date)),
            _ => Err(format!("invalid date `{text}`")),
        }
    }
}

impl Date {
    /// Whether `age` has passed since this date, as of `today`: calendar months and years
    /// count on the calendar, the exact part in whole days (see [`Duration::after_date`]).
    pub fn older_than(self, age: Duration, today: Date) -> bool {
        age.after_date(self.0).is_some_and(|due| due < today.0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(|message| invalid(message, "write dates as YYYY-MM-DD, e.g. `2026-09-01`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(Id::parse("it-lead").is_ok());
        assert!(Id::parse("-x").is_err());
        assert!(Id::parse("Sky Host").is_err());
        assert_eq!(Id::suggest("Sky Host A/S"), "sky-host-a-s");
    }

    #[test]
    fn dates() {
        assert!(Date::parse("2026-09-01").is_ok());
        assert!(Date::parse("2026-02-30").is_err());
        assert!(Date::parse("2026-9-1").is_err());
    }

    #[test]
    fn text_offsets_follow_lines() {
        let file = std::sync::Arc::new(String::from("---\nab\ncd\n"));
        let text = Text::verbatim(&file, 4..file.len());
        assert_eq!(&*text.text, "ab\ncd\n");
        assert_eq!(text.file_offset(4), 8);
        let lines = Text::from_lines("ab\ncd".into(), vec![20, 31]);
        assert_eq!(lines.file_offset(4), 32);
        let folded = Text::from_lines("ab\ncd".into(), vec![7]);
        assert_eq!(folded.file_offset(4), 7);
    }
}
