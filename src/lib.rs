//! irbook: a static site generator for incident-response handbooks.
//!
//! The pipeline, one module per step, data flowing one way:
//! [`load`] (files -> typed [`model`] + diagnostics) -> [`resolve`] (references, links,
//! warnings) -> [`render`] (model -> in-memory site) -> [`write`] (staging folder, swap).
//! [`pipeline`] runs the first three for every command; [`serve`] holds a site in memory
//! for the preview server, [`watcher`] tells when to run again. [`cmd`] holds one module per
//! subcommand.

pub mod cmd;
pub mod diag;
pub mod example;
pub mod fsguard;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod watcher;
pub mod write;
