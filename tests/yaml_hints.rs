//! YAML slips that read as something else: a comma inside `{ ... }` that splits a value into
//! a new key, and an empty list where one value or more is needed. Each gets its own hint.

mod common;

use common::{Fixture, shorts};

#[test]
fn a_comma_in_a_flow_mapping_value_is_explained() {
    let f = Fixture::new();
    f.write(
        "content/forms/review.yaml",
        "title: Review\nsections:\n  - title: Facts\n    fields:\n      - { label: What happened, in short, lines: 4 }\n      - { label: Owner, lenes: 1 }\n",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/forms/review.yaml:5:33 unknown key `in short`",
            "error content/forms/review.yaml:6:25 unknown key `lenes`",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "a comma inside `{ ... }` ends the value before it, so `in short` became a key: put the whole value in quotes, `\"..., in short\"`"
        )
    );
    // A misspelt key with its `:` is a typo, not a comma.
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `lines`?"));
}

#[test]
fn an_empty_list_of_roles_names_what_to_write() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech\n",
        "responsible: []\n",
    );
    let diags = f.check();
    let empty: Vec<_> = diags
        .iter()
        .filter(|d| d.message == "the list is empty")
        .collect();
    assert_eq!(empty.len(), 1, "{:?}", shorts(&diags));
    assert_eq!(
        empty[0].help.as_deref(),
        Some("name at least one, e.g. `responsible: it-lead` or `responsible: [it-lead, vendor-liaison]`")
    );
    assert_eq!(
        empty[0].short(),
        "error content/plans/recovery.yaml:8:22 the list is empty"
    );
}
