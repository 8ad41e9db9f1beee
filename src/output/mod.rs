//! Renderers of results: text, tables, JSON, client-initialize payloads.

pub mod client_init;
pub mod describe;
pub mod explain;
pub mod impact;
pub mod json;
pub mod records;
pub mod report;
pub mod suite;
