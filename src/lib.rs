//! irbook: a static site generator for incident-response handbooks.
//!
//! The pipeline, one module per step, data flowing one way:
//! [`load`] (files -> typed [`model`] + diagnostics) -> [`resolve`] (references, links,
//! warnings) -> output. [`cmd`] holds one module per subcommand.

pub mod cmd;
pub mod diag;
pub mod example;
pub mod load;
pub mod markdown;
pub mod model;
pub mod resolve;
pub mod source;
pub mod suggest;
