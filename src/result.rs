//! What one evaluation returns.
