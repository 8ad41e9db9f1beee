//! Masking secrets for messages: enough to tell two apart, too little to use.

/// `secret-…abcd`: the `secret-` prefix (when there) and the last four characters of a value
/// longer than eight.
pub fn keep_tail(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let tail: String = if chars.len() <= 8 {
        String::new()
    } else {
        chars[chars.len() - 4..].iter().collect()
    };
    let prefix = if s.starts_with("secret-") {
        "secret-"
    } else {
        ""
    };
    format!("{prefix}…{tail}")
}

/// The first `n` characters, then `…` when anything was cut.
pub fn keep_head(s: &str, n: usize) -> String {
    let shown: String = s.chars().take(n).collect();
    if shown.len() < s.len() {
        format!("{shown}…")
    } else {
        shown
    }
}

/// A URL with its credentials (`user:password@`) replaced by `***`.
/// Only the authority is looked at (an `@` in a path stays), with or without a scheme.
pub fn url_credentials(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (format!("{s}://"), r),
        None => (String::new(), url),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}***@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(keep_tail("secret-abcdefghijklmnop1234"), "secret-…1234");
        assert_eq!(keep_tail("secret-x"), "secret-…");
        assert_eq!(keep_head("client-abcdefghijkl", 12), "client-abcde…");
        assert_eq!(keep_head("short", 12), "short");
        assert_eq!(
            url_credentials("redis://u:pw@h:6379/0"),
            "redis://***@h:6379/0"
        );
        assert_eq!(url_credentials("redis://h:6379/0"), "redis://h:6379/0");
    }
}
