//! irbook: a static site generator for incident-response handbooks.
//!
//! The pipeline, one module per step, data flowing one way:
//! [`load`] (files -> typed [`model`] + diagnostics) -> [`resolve`] (references, links,
//! warnings) -> [`render`] (model -> in-memory site) -> [`write`] (staging folder, swap).
//! [`cmd`] holds one module per subcommand.

pub mod cmd;
pub mod diag;
pub mod example;
pub mod fsguard;
pub mod load;
pub mod markdown;
pub mod model;
pub mod render;
pub mod resolve;
pub mod source;
pub mod suggest;
pub mod write;
