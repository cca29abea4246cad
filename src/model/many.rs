//! A value that may be written once or as a list (`responsible: it-lead` or
//! `responsible: [it-lead, vendor-liaison]`).

use serde::de::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};

use crate::load::HELP_SEPARATOR;

/// Newtype name by which the YAML deserializer recognises [`OneOrMany`]: a single value is
/// read as a list of one.
pub const ONE_OR_MANY_STRUCT: &str = "$irbook::OneOrMany";

/// One or more values, in the order written; never empty once loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> OneOrMany<T> {
    /// The first value: the one that leads.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }
}

impl<T> std::ops::Deref for OneOrMany<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ManyVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ManyVisitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a value or a list of values")
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                let values = Vec::<T>::deserialize(d)?;
                if values.is_empty() {
                    return Err(serde::de::Error::custom(format!(
                        "the list is empty{HELP_SEPARATOR}name at least one, e.g. `responsible: it-lead` or `responsible: [it-lead, vendor-liaison]`"
                    )));
                }
                Ok(OneOrMany(values))
            }
        }

        deserializer.deserialize_newtype_struct(ONE_OR_MANY_STRUCT, ManyVisitor(std::marker::PhantomData))
    }
}
