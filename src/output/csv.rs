//! The CSV exporter (RFC 4180): a header row, then one row per result; a field holding a
//! comma, a quote or a line break is quoted, its quotes doubled. Never coloured.

use super::rows::Rows;

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Appends one row.
pub fn line(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

/// The rows as CSV.
pub fn rows(r: &Rows) -> String {
    let mut out = String::new();
    line(&mut out, &r.header);
    for row in &r.rows {
        line(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        let mut r = Rows::new(&["name", "value"]);
        r.push(vec!["g".into(), "{\"a\":1,\"b\":2}".into()]);
        assert_eq!(rows(&r), "name,value\ng,\"{\"\"a\"\":1,\"\"b\"\":2}\"\n");
    }
}
