//! Events: custom events and exposures, batched, spooled and sent.
//!
//! [`model`] is the event object, [`exposure`] builds exposure events from evaluations,
//! [`spool`] keeps batches on disk until delivered, [`send`] POSTs them with retries,
//! [`deliver`] ties the three together, [`open`] opens a delivery from plain settings and
//! [`ingest`] reads NDJSON event files.

pub mod deliver;
pub mod exposure;
pub mod ingest;
pub mod model;
pub mod open;
pub mod sampling;
pub mod send;
pub mod spool;

pub use deliver::{Delivery, Options, Report};
pub use model::Event;
