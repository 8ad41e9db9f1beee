//! Statsig first-party user-agent parser.
