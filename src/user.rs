//! The user being evaluated.
