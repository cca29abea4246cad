//! The deserializers of irbook's own wrapper types: [`Spanned`](crate::model::Spanned) gets the
//! value's position, texts their line offsets, and a one-or-many value a single item as a list.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{Error, NodeDeserializer, SeqAccess};
use crate::load::yaml::Value;
use crate::model::{SPANNED_FIELDS, TEXT_FIELDS};

/// Feeds [`Spanned`]'s visitor: the value's start, end and the value itself.
pub(super) struct SpannedAccess<'de, 'a> {
    pub(super) de: NodeDeserializer<'de, 'a>,
    pub(super) state: u8,
}

impl<'de> de::MapAccess<'de> for SpannedAccess<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(key) = SPANNED_FIELDS.get(usize::from(self.state)) else {
            return Ok(None);
        };
        seed.deserialize((*key).into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let span = &self.de.node.span;
        self.state += 1;
        match self.state {
            1 => seed.deserialize(span.start.into_deserializer()),
            2 => seed.deserialize(span.end.into_deserializer()),
            _ => seed.deserialize(self.de),
        }
    }
}

/// Feeds the Markdown visitor: the text and the file offset of each of its lines.
pub(super) struct MarkdownAccess<'de, 'a> {
    pub(super) de: NodeDeserializer<'de, 'a>,
    pub(super) state: u8,
}

impl<'de> de::MapAccess<'de> for MarkdownAccess<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(key) = TEXT_FIELDS.get(usize::from(self.state)) else {
            return Ok(None);
        };
        seed.deserialize((*key).into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Value::Scalar(scalar) = &self.de.node.value else {
            unreachable!("checked in text()")
        };
        self.state += 1;
        match self.state {
            1 => seed.deserialize(scalar.text.as_str().into_deserializer()),
            _ => seed.deserialize(de::value::SeqDeserializer::new(
                scalar.line_offsets.iter().copied(),
            )),
        }
    }
}

/// A single value where a list may stand: read as a list of one.
pub(super) struct OneAsList<'de, 'a>(pub(super) NodeDeserializer<'de, 'a>);

impl<'de> de::Deserializer<'de> for OneAsList<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let node = self.0.node;
        visitor.visit_seq(SeqAccess {
            de: self.0,
            items: std::slice::from_ref(node).iter(),
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}
