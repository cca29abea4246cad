//! One module per kind of page: each builds the typed view its template renders.

pub mod directory;
pub mod doc;
pub mod forms;
pub mod home;
pub mod messages;
pub mod party;
pub mod plan;
pub mod programme;
pub mod search;
pub mod sections;
pub mod supplier;
