//! Message templates that would loop without end or grow without bound: each is an error
//! naming the message at its line, found quickly.

mod common;

use std::time::{Duration, Instant};

use common::{Fixture, shorts};

/// handbook.yaml with one more message; returns the line of `marker` in it.
fn with_message(f: &Fixture, message: &str, marker: &str) -> usize {
    let handbook = common::HANDBOOK.replace("messages:\n", &format!("messages:\n{message}"));
    f.write("handbook.yaml", &handbook);
    handbook.lines().position(|l| l.contains(marker)).expect("marker") + 1
}

#[test]
fn nested_loops_in_a_message_stop_quickly_with_the_message_id() {
    let f = Fixture::new();
    let line = with_message(
        &f,
        "  - id: spin\n    title: Spin\n    audience: internal\n    body: |\n      Dear all,\n      {% for i in range(end=99999) %}{% for j in range(end=99999) %}{{ i }}{% endfor %}{% endfor %}\n",
        "range(end=99999)",
    );
    let started = Instant::now();
    let diags = f.check();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        shorts(&diags),
        [format!(
            "error handbook.yaml:{line}:7 message `spin`: the body does not render: it loops more than 100000 times"
        )]
    );
}

#[test]
fn a_slow_supplier_message_is_stopped_at_the_deadline() {
    let f = Fixture::new();
    for n in 0..30 {
        f.write(
            &format!("content/suppliers/s{n}.yaml"),
            &common::SUPPLIER.replace("name: Host A/S", &format!("name: Supplier {n}")),
        );
    }
    // A 160 KB text made with `replace`, upper-cased 99,999 times: seconds for each supplier.
    let big = "{% set a = '0123456789' | replace(from='', to='0123456789') %}{% set b = a | replace(from='', to=a) | replace(from='', to='0123456789') %}";
    let line = with_message(
        &f,
        &format!(
            "  - id: slow\n    title: Slow\n    audience: supplier\n    subject: \"{big}{{% for i in range(end=99999) %}}{{% if b | upper == supplier.name %}}{{% endif %}}{{% endfor %}}\"\n    body: Hi\n"
        ),
        "range(end=99999)",
    );
    let started = Instant::now();
    let diags = f.check();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // One second for the message and all its suppliers together: no supplier is named, as
    // which one it runs out at depends on the machine.
    assert_eq!(
        shorts(&diags),
        [format!(
            "error handbook.yaml:{line}:{} message `slow`: the subject does not render: it takes longer than 1 s to render",
            15 + big.len()
        )]
    );
}

#[test]
fn statements_a_message_does_not_need_are_refused() {
    let f = Fixture::new();
    let line = with_message(
        &f,
        "  - id: nosy\n    title: Nosy\n    audience: internal\n    body: |\n      Hi {% include \"notice/body\" %}\n      {% set_global n = 1 %}\n",
        "include",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [format!(
            "error handbook.yaml:{line}:10 message `nosy`: the body does not render: `{{% include %}}` is not available in message templates (they may use if, for, set, break, continue and raw)"
        )]
    );
}

#[test]
fn a_message_that_grows_too_long_is_refused() {
    let f = Fixture::new();
    let line = with_message(
        &f,
        "  - id: long\n    title: Long\n    audience: internal\n    body: |\n      {% for i in range(end=99999) %}{{ organization }}{% endfor %}\n",
        "id: long",
    );
    assert_eq!(
        shorts(&f.check()),
        [format!(
            "error handbook.yaml:{}:7 message `long`: the body does not render: it is longer than 256 KB",
            line + 4
        )]
    );
}
