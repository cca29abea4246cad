//! Message templates: each subject and body must compile with Tera and render for its
//! audience (for suppliers: for every supplier), so a typo is a `check` error, not a blank
//! mail at 3 a.m. They run in the sandbox (`sandbox/`), so that none can loop without end.

use super::Checker;
use super::sandbox::{Sandbox, TimeLimit};
use crate::diag::Diagnostic;
use crate::model::{Audience, HandbookFile, Message, Record, Supplier, Text};
use crate::source::FileId;

/// The message templates of a handbook, each compiled once, and the variables they see
/// (FORMAT.md section 2): `organization` and `handbook`, and for suppliers `supplier` and
/// `contact`. Building the variables serializes the whole handbook, so it is done once too.
pub struct MessageTemplates {
    variables: tera::Context,
    compiled: Sandbox,
}

impl MessageTemplates {
    /// Compiles every message's subject and body; those that do not compile are left out and
    /// their error returned, as `(message, part, error, offset in the text)`.
    pub fn new(main: &HandbookFile) -> (Self, Vec<(&Message, &'static str, String, usize)>) {
        let mut variables = tera::Context::new();
        variables.insert("organization", &main.organization);
        variables.insert("handbook", main);
        let mut compiled = Sandbox::new();
        let mut failures = Vec::new();
        for message in &main.messages {
            for (part, text) in parts(message) {
                if let Err((error, offset)) = compiled.add(&name(message, part), &text.text) {
                    failures.push((message, part, error, offset));
                }
            }
        }
        (MessageTemplates { variables, compiled }, failures)
    }

    /// One part of a message filled in, for `supplier` where it goes to one.
    pub fn fill(
        &self,
        message: &Message,
        part: &str,
        supplier: Option<&Record<Supplier>>,
    ) -> Result<String, (String, usize)> {
        let mut variables = self.variables.clone();
        if let Some(supplier) = supplier {
            variables.insert("supplier", supplier);
            variables.insert("contact", &supplier.primary_contact());
        }
        self.compiled.render(&name(message, part), &variables)
    }

    /// The subject filled in, or the message's title where it has no subject.
    pub fn subject(
        &self,
        message: &Message,
        supplier: Option<&Record<Supplier>>,
    ) -> Result<String, (String, usize)> {
        match message.subject {
            Some(_) => self.fill(message, "subject", supplier),
            None => Ok(message.title.clone()),
        }
    }
}

/// A message's template texts: its subject, if any, and its body.
fn parts(message: &Message) -> impl Iterator<Item = (&'static str, &Text)> {
    message
        .subject
        .iter()
        .map(|s| ("subject", s))
        .chain([("body", &message.body)])
}

fn name(message: &Message, part: &str) -> String {
    format!("{}/{part}", message.id.value)
}

/// Checks every message and returns them compiled, for the pages to fill in.
pub(super) fn check(
    c: &mut Checker,
    main: &Record<HandbookFile>,
    suppliers: &[Record<Supplier>],
) -> MessageTemplates {
    let (templates, failures) = MessageTemplates::new(main);
    for (message, part, error, offset) in failures {
        let text = parts(message)
            .find(|(p, _)| *p == part)
            .map(|(_, t)| t)
            .expect("a part of the message");
        c.push(failure(
            main.file,
            message,
            part,
            text,
            (error, offset),
            String::new(),
        ));
    }
    for message in &main.messages {
        for (part, text) in parts(message) {
            let _time = TimeLimit::start();
            let rendered = |supplier: Option<&Record<Supplier>>| templates.fill(message, part, supplier);
            let problem = match message.audience {
                // A supplier without contacts is an error of its own file.
                Audience::Supplier => suppliers
                    .iter()
                    .filter(|s| s.primary_contact().is_some())
                    .find_map(|supplier| {
                        rendered(Some(supplier))
                            .err()
                            .map(|e| (e, format!(" for supplier `{}`", supplier.id)))
                    }),
                Audience::Internal
                | Audience::Customers
                | Audience::Authority
                | Audience::Executive
                | Audience::Press
                | Audience::Insurer
                | Audience::Partner => rendered(None).err().map(|e| (e, String::new())),
            };
            // The time limit is for all suppliers together: which one it runs out at depends on
            // the machine, so none is named.
            let problem = problem.map(|((error, at), whom)| {
                let whom = if error == super::sandbox::time_limit_reason() {
                    String::new()
                } else {
                    whom
                };
                ((error, at), whom)
            });
            // A part that did not compile was reported above.
            if let Some((error, whom)) = problem.filter(|_| templates.compiled.contains(&name(message, part)))
            {
                c.push(failure(main.file, message, part, text, error, whom));
            }
        }
    }
    templates
}

fn failure(
    file: FileId,
    message: &Message,
    part: &str,
    text: &Text,
    (error, offset): (String, usize),
    whom: String,
) -> Diagnostic {
    let at = text.file_offset(offset);
    Diagnostic::error(format!("message `{}`: the {part} does not render{whom}: {error}", message.id.value))
        .at(file, at..at)
        .help("templates use Tera syntax and see `organization`, `handbook`, and for suppliers `supplier` and `contact`")
}
