//! The Markdown exporter: a GitHub-flavoured table (a pipe in a cell escaped, a line break
//! turned into `<br>`), for pasting into a pull request or a wiki. Never coloured.

use super::rows::Rows;

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Appends one row.
pub fn line(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str("| ");
    out.push_str(&cells.join(" | "));
    out.push_str(" |\n");
}

/// Appends the header row and the alignment row (`right`: columns aligned right).
pub fn header(out: &mut String, header: &[String], right: &[usize]) {
    line(out, header);
    out.push('|');
    for i in 0..header.len() {
        out.push_str(if right.contains(&i) { "---:|" } else { "---|" });
    }
    out.push('\n');
}

/// The rows as a Markdown table.
pub fn rows(r: &Rows) -> String {
    let mut out = String::new();
    header(&mut out, &r.header, &r.right);
    for row in &r.rows {
        line(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_are_escaped_and_counts_align_right() {
        let mut r = Rows::new(&["name", "users"]).align_right(&[1]);
        r.push(vec!["a|b".into(), "3".into()]);
        assert_eq!(rows(&r), "| name | users |\n|---|---:|\n| a\\|b | 3 |\n");
    }
}
