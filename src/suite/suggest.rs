//! "Did you mean" suggestions: the known names closest to a misspelt one.

/// Levenshtein distance over characters, ASCII case ignored.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to three candidates close to `name` (closest first): within a third of the name's
/// length in edits, or containing it / contained in it.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let lower = name.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let d = distance(name, c);
            let cl = c.to_ascii_lowercase();
            let related = lower.len() >= 3 && (cl.contains(&lower) || lower.contains(&cl));
            (d <= limit || related).then_some((d, c))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `" (did you mean `a` or `b`?)"`, or nothing.
pub fn hint<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let found = closest(name, candidates);
    match found.as_slice() {
        [] => String::new(),
        [one] => format!(" (did you mean `{one}`?)"),
        many => {
            let quoted: Vec<String> = many.iter().map(|c| format!("`{c}`")).collect();
            format!(" (did you mean {}?)", quoted.join(" or "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("Rule_ID", "rule_id"), 0);
    }

    #[test]
    fn suggestions_are_close_names_only() {
        let names = ["new_checkout", "canada_promo", "internal_tools"];
        assert_eq!(closest("new_chekout", names), ["new_checkout"]);
        assert_eq!(closest("checkout", names), ["new_checkout"]);
        assert!(closest("pricing", names).is_empty());
        assert_eq!(
            hint("rule", ["rule_id", "reason"]),
            " (did you mean `rule_id`?)"
        );
        assert_eq!(hint("zzz", ["rule_id"]), "");
    }
}
