//! Walking a YAML mapping into a struct or a map: unknown keys are reported with a
//! suggestion (or, for another generator's front matter, with what irbook calls the key) and
//! skipped; a key given twice is an error.

use serde::de::{self, DeserializeSeed};

use super::{Error, NodeDeserializer};
use crate::load::yaml::{Node, Value};
use crate::suggest::did_you_mean;

/// Walks a mapping. With `fields` (a struct), keys outside them are reported and skipped, and a
/// key given twice is an error.
pub(super) struct MapAccess<'de, 'a> {
    de: NodeDeserializer<'de, 'a>,
    entries: std::slice::Iter<'de, (Node, Node)>,
    fields: Option<&'static [&'static str]>,
    /// Keys other programs give this struct: the key meant here, or `None` (no meaning).
    pub(super) foreign: &'static [(&'static str, Option<&'static str>)],
    seen: Vec<&'de str>,
    value: Option<&'de Node>,
}

impl<'de, 'a> MapAccess<'de, 'a> {
    pub(super) fn new(
        de: NodeDeserializer<'de, 'a>,
        entries: &'de [(Node, Node)],
        fields: Option<&'static [&'static str]>,
    ) -> Self {
        MapAccess {
            de,
            entries: entries.iter(),
            fields,
            foreign: &[],
            seen: Vec::new(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAccess<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            let Value::Scalar(name) = &key.value else {
                return Err(<Error as de::Error>::custom("a key must be a plain name").with_span(&key.span));
            };
            if let Some(fields) = self.fields {
                if !fields.contains(&name.text.as_str()) {
                    // A key with no `:` after it: inside `{ ... }`, a comma in a value starts
                    // a new key.
                    let no_colon = matches!(value.value, Value::Null) && value.span.start == key.span.end;
                    let foreign = self.foreign.iter().find(|(key, _)| *key == name.text);
                    let help = match (foreign, did_you_mean(&name.text, fields.iter().copied())) {
                        (Some((key, Some(meant))), _) => {
                            format!("`{key}` is another generator's key: irbook's is `{meant}`")
                        }
                        (Some((key, None)), _) => {
                            format!("`{key}` is another generator's key and has no meaning here: remove it")
                        }
                        (None, Some(close)) => format!("did you mean `{close}`?"),
                        (None, None) if no_colon => format!(
                            "a comma inside `{{ ... }}` ends the value before it, so `{}` became a key: put the whole value in quotes, `\"..., {}\"`",
                            name.text, name.text
                        ),
                        (None, None) => format!("known keys here: {}", fields.join(", ")),
                    };
                    self.de.seen.skipped.borrow_mut().push(Error {
                        message: format!("unknown key `{}`", name.text),
                        span: Some(key.span.clone()),
                        help: Some(help),
                        missing_key: None,
                    });
                    continue;
                }
                if self.seen.contains(&name.text.as_str()) {
                    let message = format!("`{}` is given twice", name.text);
                    return Err(Error {
                        message,
                        span: Some(key.span.clone()),
                        help: Some("keep one of them: YAML would silently use only the last".into()),
                        missing_key: None,
                    });
                }
                self.seen.push(&name.text);
            }
            self.value = Some(value);
            return seed
                .deserialize(self.de.child(key))
                .map(Some)
                .map_err(|e| e.with_span(&key.span));
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self.value.take().expect("next_value after next_key");
        seed.deserialize(self.de.child(node))
            .map_err(|e| e.with_span(&node.span))
    }
}
