//! JSON Schemas of the YAML file kinds, generated from the very types that load them, so that
//! an editor's completion, key docs and squiggles cannot drift from what `check` accepts.
//! The wrapper types (spans, texts, durations, ids) are described here as the YAML an author
//! writes, not as the structs they load into.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::duration::Duration;
use super::many::OneOrMany;
use super::reach::{Email, Phone, Url};
use super::values::{Date, Id, Markdown, Spanned, Text};
use super::{Form, FrontMatter, HandbookFile, Party, Plan, Supplier};

/// A value with its position is written as the value alone.
impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A string schema, inlined where it is used.
macro_rules! string_schema {
    ($type:ty, $name:literal, $schema:tt) => {
        impl JsonSchema for $type {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

string_schema!(Text, "Text", { "type": "string" });
string_schema!(Markdown, "Markdown", { "type": "string", "description": "Markdown." });
string_schema!(Email, "Email", { "type": "string", "description": "One e-mail address, e.g. `noc@supplier.example`." });
string_schema!(Phone, "Phone", { "type": "string", "description": "One phone number, e.g. `+45 70 12 34 56`." });
string_schema!(Url, "Url", { "type": "string", "description": "A web address, e.g. `https://intranet.example/ir/`." });
string_schema!(Id, "Id", {
    "type": "string",
    "pattern": "^[a-z0-9][a-z0-9-]*$",
    "description": "An id: lowercase letters, digits and `-`, starting with a letter or digit."
});
string_schema!(Date, "Date", {
    "type": "string",
    "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
    "format": "date",
    "description": "A date written YYYY-MM-DD, e.g. `2026-09-01`."
});
string_schema!(Duration, "Duration", {
    "type": "string",
    "pattern": "^\\s*\\d+\\s*[A-Za-z]+(\\s*\\d+\\s*[A-Za-z]+)*\\s*$",
    "description": "A length of time: a number and a unit, e.g. `30m`, `4h`, `72h`, `1h 30m`, `3d`, `2w`, or calendar months and years: `1mo`, `1 month`, `1y`."
});

/// One value, or a list of at least one.
impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [
                one,
                { "type": "array", "items": one, "minItems": 1 }
            ]
        })
    }
}

/// The file kinds that have a schema: file name (without `.schema.json`), the files it is for
/// (a glob from the handbook's root), and the schema.
pub struct FileSchema {
    pub name: &'static str,
    pub glob: &'static str,
    pub schema: Schema,
}

impl FileSchema {
    /// The file's name in the schemas folder.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// The schema as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema).expect("a schema is plain JSON");
        text.push('\n');
        text
    }
}

/// The schema of every YAML file kind. Draft 7, which the VS Code YAML extension reads; every
/// object rejects keys it does not know, as the loader does.
pub fn file_schemas() -> Vec<FileSchema> {
    fn one<T: JsonSchema>(name: &'static str, glob: &'static str, title: &str) -> FileSchema {
        let settings = SchemaSettings::draft07().with_transform(RecursiveTransform(deny_unknown_keys));
        let mut schema = settings.into_generator().into_root_schema_for::<T>();
        schema.insert("title".into(), title.into());
        FileSchema { name, glob, schema }
    }
    vec![
        one::<HandbookFile>("handbook", "handbook.yaml", "irbook handbook.yaml"),
        one::<Supplier>(
            "supplier",
            "content/suppliers/*.yaml",
            "irbook supplier (content/suppliers/*.yaml)",
        ),
        one::<Plan>(
            "plan",
            "content/plans/*.yaml",
            "irbook plan (content/plans/*.yaml)",
        ),
        one::<Party>(
            "party",
            "content/parties/*.yaml",
            "irbook party (content/parties/*.yaml)",
        ),
        one::<Form>(
            "form",
            "content/forms/*.yaml",
            "irbook form (content/forms/*.yaml)",
        ),
        one::<FrontMatter>(
            "front-matter",
            "content/{playbooks,pages}/*.md",
            "irbook front matter of a playbook or page (content/playbooks/*.md, content/pages/*.md)",
        ),
    ]
}

/// `additionalProperties: false` on every object with properties: a misspelt key is an error.
fn deny_unknown_keys(schema: &mut Schema) {
    if schema.get("properties").is_some() && schema.get("additionalProperties").is_none() {
        schema.insert("additionalProperties".into(), false.into());
    }
}
