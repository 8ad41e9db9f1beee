//! Populations: many users evaluated at once, on every core, in input order; reports and
//! impact summaries over them that add up across parts of a split run.

pub mod impact;
pub mod ordered;
pub mod report;
pub mod srm;
pub mod stream;
