//! "Did you mean": the known names nearest to a misspelt one, by edit distance. One helper
//! for every unknown-name message (entities, layer parameters, override keys, suite keys
//! and variables).

/// Levenshtein distance over characters, ASCII case ignored (`New_Checkout` is a typo of
/// `new_checkout`, not a different name).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    // One row of the edit matrix at a time: row[j] = distance(a[..i], b[..j]).
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Up to three candidates near `name`, nearest first: at most a third of the name's length
/// in edits (at least one), or containing it / contained in it (three characters or more).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let lower = name.to_ascii_lowercase();
    let mut near: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter(|c| *c != name)
        .filter_map(|c| {
            let d = distance(name, c);
            let cl = c.to_ascii_lowercase();
            let related = lower.len() >= 3 && (cl.contains(&lower) || lower.contains(&cl));
            (d <= limit || related).then_some((d, c))
        })
        .collect();
    near.sort_unstable();
    near.dedup_by(|a, b| a.1 == b.1);
    near.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `` " (did you mean `a`?)" ``, `` " (did you mean `a` or `b`?)" ``, or nothing: appended
/// to an unknown-name message.
pub fn hint<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let found = closest(name, candidates);
    if found.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = found.iter().map(|c| format!("`{c}`")).collect();
    format!(" (did you mean {}?)", quoted.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_levenshtein_ignoring_ascii_case() {
        // Hand-computed: kitten → sitten → sittin → sitting.
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("Rule_ID", "rule_id"), 0);
        assert_eq!(distance("flaw", "lawn"), 2);
    }

    #[test]
    fn only_near_names_are_suggested_nearest_first() {
        let names = [
            "new_checkout",
            "canada_promo",
            "internal_tools",
            "new_checkouts",
        ];
        assert_eq!(
            closest("new_chekout", names),
            ["new_checkout", "new_checkouts"]
        );
        assert!(closest("pricing", names).is_empty());
        assert_eq!(
            hint("buton_color", ["button_color", "button_text"]),
            " (did you mean `button_color`?)"
        );
        assert_eq!(hint("zzz", ["rule_id"]), "");
        // The name itself is no suggestion.
        assert_eq!(hint("a", ["a"]), "");
    }
}
