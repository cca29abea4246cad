//! The blank paper forms: `forms/incident-log.html` and `forms/chain-of-custody.html`.

use serde::Serialize;

pub const INCIDENT_LOG: &str = "forms/incident-log.html";
pub const CHAIN_OF_CUSTODY: &str = "forms/chain-of-custody.html";

/// Lines of the incident log (one A4 page in portrait).
pub const INCIDENT_LOG_ROWS: usize = 25;
/// Lines of the chain-of-custody form (one A4 page in landscape).
pub const CUSTODY_ROWS: usize = 12;

#[derive(Serialize)]
pub struct Form {
    /// Numbers of the blank lines, from 1.
    rows: Vec<usize>,
}

pub fn form(rows: usize) -> Form {
    Form {
        rows: (1..=rows).collect(),
    }
}
