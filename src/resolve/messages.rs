//! Message templates: each subject and body must compile with Tera and render for its
//! audience (for suppliers: for every supplier), so a typo is a `check` error, not a blank
//! mail at 3 a.m.

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{Audience, HandbookFile, Message, Record, Supplier, Text};
use crate::source::FileId;

/// The variables a template sees (FORMAT.md section 2).
pub fn context(main: &HandbookFile, supplier: Option<&Record<Supplier>>) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("organization", &main.organization);
    context.insert("handbook", main);
    if let Some(supplier) = supplier {
        context.insert("supplier", supplier);
        context.insert("contact", &supplier.primary_contact());
    }
    context
}

/// Renders one template text; the error is (message, offset in the text).
pub fn render(text: &str, context: &tera::Context) -> Result<String, (String, usize)> {
    compile(text)?
        .render("message", context)
        .map_err(|e| describe(&e))
}

/// A message template filled in for its audience (for suppliers: for `supplier`).
pub fn render_message(
    main: &HandbookFile,
    supplier: Option<&Record<Supplier>>,
    text: &str,
) -> Result<String, (String, usize)> {
    render(text, &context(main, supplier))
}

/// Parses a template without rendering it (when there is nothing to render it for).
fn compile(text: &str) -> Result<tera::Tera, (String, usize)> {
    let mut tera = tera::Tera::new();
    tera.add_raw_template("message", text).map_err(|e| describe(&e))?;
    Ok(tera)
}

fn describe(error: &tera::Error) -> (String, usize) {
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            (report.message().to_string(), report.span().range.start)
        }
        other => (other.to_string(), 0),
    }
}

pub(super) fn check(c: &mut Checker, main: &Record<HandbookFile>, suppliers: &[Record<Supplier>]) {
    for message in &main.messages {
        let texts = message
            .subject
            .iter()
            .map(|s| ("subject", s))
            .chain([("body", &message.body)]);
        for (part, text) in texts {
            if let Some(d) = first_failure(main, suppliers, message, part, text, main.file) {
                c.push(d);
            }
        }
    }
}

fn first_failure(
    main: &Record<HandbookFile>,
    suppliers: &[Record<Supplier>],
    message: &Message,
    part: &str,
    text: &Text,
    file: FileId,
) -> Option<Diagnostic> {
    let failure = |(error, offset): (String, usize), whom: String| {
        let at = text.file_offset(offset);
        Diagnostic::error(format!("message `{}`: the {part} does not render{whom}: {error}", message.id.value))
            .at(file, at..at)
            .help("templates use Tera syntax and see `organization`, `handbook`, and for suppliers `supplier` and `contact`")
    };
    if message.audience != Audience::Supplier {
        return render(&text.text, &context(main, None))
            .err()
            .map(|e| failure(e, String::new()));
    }
    if suppliers.is_empty() {
        return compile(&text.text).err().map(|e| failure(e, String::new()));
    }
    suppliers.iter().find_map(|supplier| {
        render(&text.text, &context(main, Some(supplier)))
            .err()
            .map(|e| failure(e, format!(" for supplier `{}`", supplier.id)))
    })
}
