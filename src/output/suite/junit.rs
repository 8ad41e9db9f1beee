//! JUnit XML, the report CI systems render: a `<testsuite>` per file, a `<testcase>` per
//! case carrying its name as written, a `<failure>` holding the same details as the
//! terminal report.

use std::fmt::Write as _;

use crate::output::suite::summary;
use crate::suite::run::Report;

/// Escapes an attribute value: like [`escape`], and line breaks and tabs as references
/// (attribute normalisation would turn them into spaces).
pub fn escape_attr(s: &str) -> String {
    escape_impl(s, true)
}

/// Escapes text content. Characters XML 1.0 cannot hold (most control characters) become
/// U+FFFD.
pub fn escape(s: &str) -> String {
    escape_impl(s, false)
}

fn escape_impl(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' if !attr => out.push(c),
            '\n' | '\t' | '\r' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn secs(d: std::time::Duration) -> String {
    format!("{:.6}", d.as_secs_f64())
}

/// The whole document.
pub fn report(r: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"statsig test\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{}\">",
        r.passed() + r.failed() + r.skipped,
        r.failed(),
        r.skipped,
        secs(r.duration)
    );
    for f in &r.files {
        let path = escape_attr(&f.path.display().to_string());
        let failures = f.cases.iter().filter(|c| !c.passed()).count();
        let time: std::time::Duration = f.cases.iter().map(|c| c.duration).sum();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{}\" time=\"{}\">",
            f.cases.len() + f.skipped.len(),
            f.skipped.len(),
            secs(time)
        );
        for c in &f.cases {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\" time=\"{}\"",
                escape_attr(&c.name),
                c.pos.line,
                secs(c.duration)
            );
            if c.passed() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            let specs = &f.specs.specs;
            let message = summary(specs, &c.failures[0]);
            // The body: the terminal report's lines for this case, failures only.
            let mut body = String::new();
            crate::output::suite::text::case_failures(&mut body, f, c);
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"AssertionError\">{}</failure>",
                escape_attr(&message),
                escape(body.trim_end())
            );
            out.push_str("    </testcase>\n");
        }
        for (name, pos) in &f.skipped {
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\" time=\"0\">\n      <skipped message=\"not run: an earlier case failed (--fail-fast)\"/>\n    </testcase>",
                escape_attr(name),
                pos.line
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
