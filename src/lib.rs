//! `statsig`: Statsig's server-side feature-flag evaluation as a library and a command line.
//!
//! The data flows one way: [`source`] (where a payload comes from) → [`spec`] (the one
//! compiled model of v1 and v2 payloads) → [`eval`] (user + spec → result) → [`result`] →
//! [`output`] (text, tables, JSON, client-initialize payloads) and [`events`].

pub mod cli;
pub mod error;
pub mod eval;
pub mod events;
pub mod http;
pub mod output;
pub mod population;
pub mod result;
pub mod secret;
pub mod source;
pub mod spec;
pub mod suite;
pub mod template;
pub mod user;
pub mod util;

pub use error::{Error, Result};
