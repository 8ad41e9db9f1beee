//! Renderers of results: text, tables, JSON, client-initialize payloads.

pub mod client_init;
pub mod describe;
pub mod explain;
pub mod json;
pub mod report;
