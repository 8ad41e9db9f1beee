//! Statsig first-party user-agent parser.

/// Fields Statsig derives from a user agent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedUserAgent {
    pub os_name: String,
    pub os_version: String,
    pub browser_name: String,
    pub browser_version: String,
}

pub fn parse_user_agent(_ua: &str) -> ParsedUserAgent {
    ParsedUserAgent::default()
}
