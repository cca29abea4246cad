//! A flat table of words: a YAML mapping of keys to texts, as a theme's `i18n/<language>.yaml`
//! holds them. Read through [`super::yaml`], so that every key keeps its place for `check`.

use super::parse::syntax_error;
use super::yaml::{self, Value};
use crate::diag::Diagnostic;
use crate::source::{FileId, SourceFile, Span};

/// One `key: "text"` line of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// Where the key stands in the file.
    pub span: Span,
    pub text: String,
}

/// The entries of the table in `source` (file `file`), in file order; an empty file is an
/// empty table. A YAML error, or anything but a mapping of plain keys to texts, is an error at
/// its place.
pub fn read_table(source: &SourceFile, file: FileId) -> Result<Vec<Entry>, Diagnostic> {
    let help = "a language file is one `key: \"text\"` line per word";
    let root = yaml::parse(&source.text, 0).map_err(|e| syntax_error(source, file, &e))?;
    let pairs = match root.value {
        Value::Null => return Ok(Vec::new()),
        Value::Map(pairs) => pairs,
        Value::Scalar(_) | Value::Seq(_) => {
            return Err(Diagnostic::error("expected a mapping of keys to texts")
                .at(file, root.span)
                .help(help));
        }
    };
    pairs
        .into_iter()
        .map(|(key, value)| {
            let Value::Scalar(name) = key.value else {
                return Err(Diagnostic::error("a key must be a plain word")
                    .at(file, key.span)
                    .help(help));
            };
            match value.value {
                Value::Scalar(text) => Ok(Entry {
                    key: name.text,
                    span: key.span,
                    text: text.text,
                }),
                Value::Null | Value::Seq(_) | Value::Map(_) => Err(Diagnostic::error(format!(
                    "the value of `{}` must be a text",
                    name.text
                ))
                .at(file, value.span)
                .help(help)),
            }
        })
        .collect()
}
