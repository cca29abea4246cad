//! The data `assets/incident.js` reads: the handbook's timezone, the locale its dates are
//! written in and the page's words, as a JSON island (`<script type="application/json">`,
//! which the Content-Security-Policy allows because it is never run).

use serde_json::{Map, Value, json};

use super::context::Ctx;

/// The strings the incident clocks show, by their key in the strings table.
const KEYS: &[&str] = &[
    "incident_start",
    "incident_by",
    "incident_overdue",
    "incident_next",
    "incident_all_done",
    "incident_ticked",
    "incident_your_initials",
    "incident_export",
    "incident_csv",
    "incident_print_log",
    "incident_end",
    "incident_end_confirm",
    "undo",
    "incident_plan",
    "incident_log",
    "aware_at",
    "aware_hint",
    "action",
    "responsible",
    "due",
    "done_at",
    "initials",
    "date",
    "time",
    "who",
    "what_happened",
];

/// The JSON for the island, safe inside `<script>`: no `<`, `>` or `&` appears as itself.
pub fn island(ctx: &Ctx, plan_title: Option<&str>) -> String {
    let words: Map<String, Value> = KEYS
        .iter()
        .map(|&key| (key.trim_start_matches("incident_").to_string(), json!(ctx.t(key))))
        .collect();
    let data = json!({
        "timezone": ctx.main.timezone.as_ref().map(|t| t.as_str()),
        "locale": ctx.t("incident_locale"),
        "plan": plan_title,
        "t": words,
    });
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::KEYS;

    #[test]
    fn no_two_keys_meet_once_their_prefix_is_gone() {
        let mut short: Vec<_> = KEYS.iter().map(|k| k.trim_start_matches("incident_")).collect();
        short.sort_unstable();
        short.dedup();
        assert_eq!(short.len(), KEYS.len());
    }
}
