//! Message templates run in a sandbox. Tera has no time limit of its own, so the sandbox sets
//! one up around it: only the statements a message needs compile, every loop step is counted
//! (at most [`MAX_STEPS`] per rendering), the renderings of one message part share a deadline,
//! and what a rendering writes, or `replace` and `join` build, is at most [`MAX_OUTPUT`] bytes.

mod scan;

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use tera::{Kwargs, State, StringInput, TeraResult, Value};

/// Loop steps one rendering may take: far more than any message needs.
const MAX_STEPS: u64 = 100_000;
/// Time the renderings of one message part may take together (for all suppliers).
const MAX_TIME: Duration = Duration::from_secs(1);
/// Bytes of one filled-in message part, and of any text `replace` or `join` builds.
const MAX_OUTPUT: usize = 256 * 1024;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// The time the renderings on this thread may take while it lives; nested, the outer one
/// counts (`check` renders a message for every supplier under one limit).
pub struct TimeLimit {
    owner: bool,
}

impl TimeLimit {
    pub fn start() -> Self {
        let owner = DEADLINE.get().is_none();
        if owner {
            DEADLINE.set(Some(Instant::now() + MAX_TIME));
        }
        TimeLimit { owner }
    }

    /// A deadline far off, for tests of the other limits: they must not depend on how fast
    /// the machine is.
    #[cfg(test)]
    fn lasting(time: std::time::Duration) -> Self {
        DEADLINE.set(Some(Instant::now() + time));
        TimeLimit { owner: true }
    }
}

impl Drop for TimeLimit {
    fn drop(&mut self) {
        if self.owner {
            DEADLINE.set(None);
        }
    }
}

fn out_of_time() -> Option<String> {
    DEADLINE
        .get()
        .filter(|deadline| Instant::now() > *deadline)
        .map(|_| time_limit_reason())
}

/// Why a template stopped when its time ran out: the time is the message's, for all its
/// recipients together.
pub fn time_limit_reason() -> String {
    format!("it takes longer than {} s to render", MAX_TIME.as_secs())
}

/// The message templates of a handbook, compiled in the sandbox.
pub struct Sandbox {
    tera: tera::Tera,
    instrumented: HashMap<String, scan::Instrumented>,
}

impl Sandbox {
    pub fn new() -> Self {
        let mut tera = tera::Tera::new();
        tera.register_function(scan::STEP_FUNCTION, step);
        tera.register_filter("replace", replace);
        tera.register_filter("join", join);
        Sandbox {
            tera,
            instrumented: HashMap::new(),
        }
    }

    /// Compiles a template; an error with its offset in `template` if it does not compile or
    /// uses what the sandbox does not offer.
    pub fn add(&mut self, name: &str, template: &str) -> Result<(), (String, usize)> {
        let instrumented = scan::instrument(template)?;
        self.tera
            .add_raw_template(name, &instrumented.text)
            .map_err(|e| {
                let (message, offset) = describe(&e);
                (message, instrumented.original_offset(offset))
            })?;
        self.instrumented.insert(name.to_string(), instrumented);
        Ok(())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.instrumented.contains_key(name)
    }

    /// Renders a template added before; an error with its offset in the author's text.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, (String, usize)> {
        let _time = TimeLimit::start();
        STEPS.set(0);
        let mut out = Bounded::default();
        let result = self.tera.render_to(name, context, &mut out);
        let original = |offset| {
            self.instrumented
                .get(name)
                .map_or(offset, |i| i.original_offset(offset))
        };
        match (result, out.stopped) {
            (Ok(()), _) => String::from_utf8(out.bytes).map_err(|_| ("the result is not UTF-8".into(), 0)),
            (Err(_), Some(reason)) => Err((reason, 0)),
            (Err(e), None) => {
                let (message, offset) = describe(&e);
                Err((message, original(offset)))
            }
        }
    }
}

/// A Tera error as its message and the offset it points at (0 where it points nowhere).
fn describe(error: &tera::Error) -> (String, usize) {
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            (report.message().to_string(), report.span().range.start)
        }
        other => (other.to_string(), 0),
    }
}

/// Counts one loop step: the call the sandbox puts at the start of every loop body.
fn step(_: Kwargs, _: &State) -> TeraResult<String> {
    let steps = STEPS.get() + 1;
    STEPS.set(steps);
    if steps > MAX_STEPS {
        return Err(tera::Error::message(format!(
            "it loops more than {MAX_STEPS} times"
        )));
    }
    match out_of_time() {
        Some(reason) => Err(tera::Error::message(reason)),
        None => Ok(String::new()),
    }
}

fn too_long(what: &str) -> tera::Error {
    tera::Error::message(format!(
        "`{what}` would make a text longer than {} KB",
        MAX_OUTPUT / 1024
    ))
}

/// Tera's `replace`, refusing to build more than [`MAX_OUTPUT`] bytes.
fn replace(value: StringInput, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let from = kwargs.must_get::<&str>("from")?;
    let to = kwargs.must_get::<StringInput>("to")?;
    let text = value.as_str();
    let count = if from.is_empty() {
        text.chars().count() + 1
    } else {
        text.matches(from).count()
    };
    if text.len() - count * from.len() + count * to.as_str().len() > MAX_OUTPUT {
        return Err(too_long("replace"));
    }
    Ok(text.replace(from, to.as_str()))
}

/// Tera's `join`, refusing to build more than [`MAX_OUTPUT`] bytes.
fn join(values: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let separator = kwargs.get::<StringInput>("sep")?;
    let separator = separator.as_ref().map_or("", |s| s.as_str());
    let mut out = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(&value.to_string());
        if out.len() > MAX_OUTPUT {
            return Err(too_long("join"));
        }
    }
    Ok(out)
}

/// The output of one rendering, refusing more than [`MAX_OUTPUT`] bytes or time.
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
    /// Why writing was refused, when it was.
    stopped: Option<String>,
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let reason = if self.bytes.len() + buf.len() > MAX_OUTPUT {
            Some(format!("it is longer than {} KB", MAX_OUTPUT / 1024))
        } else {
            out_of_time()
        };
        if let Some(reason) = reason {
            self.stopped = Some(reason.clone());
            return Err(io::Error::other(reason));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, context: &tera::Context) -> Result<String, (String, usize)> {
        let mut sandbox = Sandbox::new();
        sandbox.add("t", template)?;
        sandbox.render("t", context)
    }

    #[test]
    fn messages_render_as_in_tera() {
        let mut context = tera::Context::new();
        context.insert("names", &["Ann", "Bo"]);
        for template in [
            "Hi{% for n in names -%}\n {{ n | replace(from=\"o\", to=\"ø\") }} {% endfor %}: {{ names | join(sep=\", \") }}",
            "{%- for n in names %}\n {{ loop.index }}. {{ n }}\n{%- else %}none{% endfor -%}\n.",
            "{% for n in names %}{% if n == \"Ann\" %}{% continue %}{% endif %}{{ n }}{% endfor %}",
        ] {
            let mut tera = tera::Tera::new();
            tera.add_raw_template("t", template).unwrap();
            let plain = tera.render("t", &context).unwrap();
            assert_eq!(render(template, &context).unwrap(), plain, "{template}");
        }
    }

    #[test]
    fn nested_loops_stop_at_the_step_limit() {
        let _time = TimeLimit::lasting(std::time::Duration::from_secs(600));
        let template =
            "x\n{% for i in range(end=99999) %}{% for j in range(end=99999) %}{% endfor %}{% endfor %}";
        assert_eq!(
            render(template, &tera::Context::new()),
            Err(("it loops more than 100000 times".to_string(), 2))
        );
        let inner_fails =
            "{% for i in range(end=99999) %}\n{% for j in range(end=2) %}{% endfor %}{% endfor %}";
        assert_eq!(
            render(inner_fails, &tera::Context::new()),
            Err(("it loops more than 100000 times".to_string(), 32))
        );
    }

    #[test]
    fn output_and_built_texts_are_bounded() {
        let _time = TimeLimit::lasting(std::time::Duration::from_secs(600));
        let context = tera::Context::new();
        assert_eq!(
            render("{% for i in range(end=99999) %}0123456789{% endfor %}", &context),
            Err(("it is longer than 256 KB".to_string(), 0))
        );
        let doubling = "{% set a = \"0123456789\" | replace(from=\"\", to=\"0123456789\") %}{% set b = a | replace(from=\"\", to=a) %}{{ b | replace(from=\"\", to=b) | length }}";
        assert_eq!(
            render(doubling, &context).unwrap_err().0,
            "`replace` would make a text longer than 256 KB"
        );
        let joined =
            "{% set a = range(end=1000) | join(sep=\"0123456789\") %}{{ range(end=1000) | join(sep=a) }}";
        assert_eq!(
            render(joined, &context).unwrap_err().0,
            "`join` would make a text longer than 256 KB"
        );
    }

    #[test]
    fn slow_loops_stop_at_the_deadline() {
        let mut context = tera::Context::new();
        context.insert("big", &"ab".repeat(100_000));
        let template = "{% for i in range(end=99999) %}{% if big | upper == \"\" %}{% endif %}{% endfor %}";
        let started = Instant::now();
        assert_eq!(
            render(template, &context),
            Err(("it takes longer than 1 s to render".to_string(), 0))
        );
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }
}
