//! Events: custom events and exposures, batched, spooled and sent.
