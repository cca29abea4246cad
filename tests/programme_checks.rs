//! Slips in the programme's data that read fine but say something else: a role named twice
//! on a step, a deadline given twice, a stakeholder told with a message for someone else, a
//! list written as one value.

mod common;

use common::shorts;
use common::v2::{only, v2};

#[test]
fn a_role_named_twice_on_a_step_is_an_error() {
    let f = v2();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: [tech, lead]",
        "responsible: [tech, tech]",
    );
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "error content/plans/recovery.yaml:8:29 role `tech` is named twice"
    );
    assert_eq!(
        help.as_deref(),
        Some("name each responsible role once; the first leads")
    );
}

#[test]
fn a_deadline_and_a_deadline_text_together_are_a_warning() {
    let f = v2();
    f.edit(
        "handbook.yaml",
        "    deadline: 72h\n",
        "    deadline: 72h\n    deadline_text: without undue delay\n",
    );
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "warning handbook.yaml:32:15 obligation `gdpr` has both `deadline` and `deadline_text`: only the deadline is shown"
    );
    assert_eq!(
        help.as_deref(),
        Some("keep `deadline` for a fixed time, or `deadline_text` where the law sets none")
    );
}

#[test]
fn a_stakeholder_told_with_a_message_for_another_audience_is_a_warning() {
    let f = v2();
    f.edit(
        "handbook.yaml",
        "    message: board-update\n",
        "    message: press-line\n",
    );
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "warning handbook.yaml:74:14 stakeholder `board` is told with message `press-line`, which is written for another audience"
    );
    assert_eq!(
        help.as_deref(),
        Some("choose a message whose `audience` is `executive`, or change the stakeholder's `audience`")
    );
}

#[test]
fn one_value_where_a_list_belongs_gets_the_list_form() {
    let f = v2();
    f.edit(
        "content/suppliers/host.yaml",
        "services: [Hosting]",
        "services: Hosting",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        ["error content/suppliers/host.yaml:3:11 expected a list, found `Hosting`"]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("write a list, `[Hosting]`, or each item on its own line starting with `- `")
    );
}

#[test]
fn several_roles_written_without_brackets_get_the_list_form() {
    let f = v2();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: [tech, lead]",
        "responsible: tech, lead",
    );
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "error content/plans/recovery.yaml:8:22 unknown role `tech, lead`"
    );
    assert_eq!(
        help.as_deref(),
        Some("to name several, write a list: `[tech, lead]`")
    );
}
