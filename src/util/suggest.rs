//! "Did you mean" suggestions: the known names closest to a misspelt one.

/// Edit distance (insertions, deletions, substitutions and swaps of neighbours, each 1),
/// ASCII case ignored.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
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
        assert_eq!(distance("emial", "email"), 1);
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
