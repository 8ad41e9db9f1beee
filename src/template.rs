//! `${name}` templates: strings (and JSON documents holding such strings) in which named
//! variables are substituted. Used by test suites (matrix variables, `${i}` in populations)
//! and by commands that generate users from a template.
//!
//! A variable name is an ASCII letter or `_` followed by letters, digits or `_`. `$${` is a
//! literal `${`; any other `$` is literal too.

use serde_json::{Map, Value as Json};

/// A string split into literal text and variables, parsed once and rendered many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(String),
    Var(String),
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Template {
    pub fn parse(s: &str) -> Template {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = s;
        while let Some(at) = rest.find('$') {
            lit.push_str(&rest[..at]);
            let after = &rest[at..];
            if let Some(escaped) = after.strip_prefix("$${") {
                lit.push_str("${");
                rest = escaped;
                continue;
            }
            if let Some(open) = after.strip_prefix("${")
                && let Some(close) = open.find('}')
                && is_name(&open[..close])
            {
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Var(open[..close].to_string()));
                rest = &open[close + 1..];
                continue;
            }
            lit.push('$');
            rest = &after[1..];
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Template { parts }
    }

    /// Whether the string holds at least one variable.
    pub fn has_vars(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Var(_)))
    }

    /// The variable names, in order of appearance (repeats included).
    pub fn vars(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Var(v) => Some(v.as_str()),
            Part::Lit(_) => None,
        })
    }

    /// Renders with `lookup`; a variable it does not know is left as `${name}`.
    pub fn render_partial<'a>(&self, lookup: impl Fn(&str) -> Option<&'a str>) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(l) => out.push_str(l),
                Part::Var(v) => match lookup(v) {
                    Some(val) => out.push_str(val),
                    None => {
                        out.push_str("${");
                        out.push_str(v);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// Renders into `out` with `lookup`, which must know every variable.
    pub fn render_into<'a>(
        &self,
        out: &mut String,
        lookup: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<(), String> {
        for p in &self.parts {
            match p {
                Part::Lit(l) => out.push_str(l),
                Part::Var(v) => out.push_str(lookup(v).ok_or_else(|| v.clone())?),
            }
        }
        Ok(())
    }
}

/// A JSON document whose strings (values and keys) may hold `${name}` variables, compiled so
/// that rendering copies the constant parts and renders only the templated strings.
#[derive(Debug, Clone)]
pub struct JsonTemplate {
    root: Node,
}

#[derive(Debug, Clone)]
enum Node {
    Const(Json),
    Str(Template),
    Array(Vec<Node>),
    Object(Vec<(KeyT, Node)>),
}

#[derive(Debug, Clone)]
enum KeyT {
    Const(String),
    Tmpl(Template),
}

impl JsonTemplate {
    pub fn new(json: &Json) -> JsonTemplate {
        JsonTemplate {
            root: compile(json),
        }
    }

    /// Whether any string in the document holds a variable.
    pub fn has_vars(&self) -> bool {
        !matches!(self.root, Node::Const(_))
    }

    /// Every variable name used, in document order (repeats included).
    pub fn vars(&self) -> Vec<&str> {
        let mut out = Vec::new();
        collect_vars(&self.root, &mut out);
        out
    }

    /// The document with every variable replaced; an unknown variable is an error naming it.
    pub fn render<'a>(&self, lookup: &impl Fn(&str) -> Option<&'a str>) -> Result<Json, String> {
        render(&self.root, lookup)
    }
}

fn compile(json: &Json) -> Node {
    match json {
        Json::String(s) => {
            let t = Template::parse(s);
            if t.has_vars() {
                Node::Str(t)
            } else {
                // `$${` escapes still need unescaping.
                Node::Const(Json::String(t.render_partial(|_| None)))
            }
        }
        Json::Array(a) => {
            let items: Vec<Node> = a.iter().map(compile).collect();
            if items.iter().all(|n| matches!(n, Node::Const(_))) {
                Node::Const(Json::Array(
                    items
                        .into_iter()
                        .map(|n| match n {
                            Node::Const(j) => j,
                            _ => unreachable!("checked above"),
                        })
                        .collect(),
                ))
            } else {
                Node::Array(items)
            }
        }
        Json::Object(o) => {
            let entries: Vec<(KeyT, Node)> = o
                .iter()
                .map(|(k, v)| {
                    let t = Template::parse(k);
                    let key = if t.has_vars() {
                        KeyT::Tmpl(t)
                    } else {
                        KeyT::Const(t.render_partial(|_| None))
                    };
                    (key, compile(v))
                })
                .collect();
            let constant = entries
                .iter()
                .all(|(k, v)| matches!(k, KeyT::Const(_)) && matches!(v, Node::Const(_)));
            if constant {
                let mut m = Map::new();
                for (k, v) in entries {
                    if let (KeyT::Const(k), Node::Const(v)) = (k, v) {
                        m.insert(k, v);
                    }
                }
                Node::Const(Json::Object(m))
            } else {
                Node::Object(entries)
            }
        }
        other => Node::Const(other.clone()),
    }
}

fn collect_vars<'a>(n: &'a Node, out: &mut Vec<&'a str>) {
    match n {
        Node::Const(_) => {}
        Node::Str(t) => out.extend(t.vars()),
        Node::Array(a) => a.iter().for_each(|n| collect_vars(n, out)),
        Node::Object(o) => {
            for (k, v) in o {
                if let KeyT::Tmpl(t) = k {
                    out.extend(t.vars());
                }
                collect_vars(v, out);
            }
        }
    }
}

fn render<'a>(n: &Node, lookup: &impl Fn(&str) -> Option<&'a str>) -> Result<Json, String> {
    Ok(match n {
        Node::Const(j) => j.clone(),
        Node::Str(t) => {
            let mut s = String::new();
            t.render_into(&mut s, lookup)?;
            Json::String(s)
        }
        Node::Array(a) => Json::Array(
            a.iter()
                .map(|n| render(n, lookup))
                .collect::<Result<_, _>>()?,
        ),
        Node::Object(o) => {
            let mut m = Map::with_capacity(o.len());
            for (k, v) in o {
                let key = match k {
                    KeyT::Const(k) => k.clone(),
                    KeyT::Tmpl(t) => {
                        let mut s = String::new();
                        t.render_into(&mut s, lookup)?;
                        s
                    }
                };
                m.insert(key, render(v, lookup)?);
            }
            Json::Object(m)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<&'a str> {
        move |n| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| *v)
    }

    #[test]
    fn substitutes_named_variables_and_keeps_other_dollars() {
        let t = Template::parse("u-${country}-${version} costs $5 or ${ 1 } or ${");
        assert_eq!(t.vars().collect::<Vec<_>>(), ["country", "version"]);
        let mut out = String::new();
        t.render_into(&mut out, vars(&[("country", "CA"), ("version", "1.0")]))
            .unwrap();
        assert_eq!(out, "u-CA-1.0 costs $5 or ${ 1 } or ${");
    }

    #[test]
    fn double_dollar_escapes_a_placeholder() {
        let t = Template::parse("$${price} and ${x}");
        assert_eq!(t.vars().collect::<Vec<_>>(), ["x"]);
        assert_eq!(t.render_partial(|_| None), "${price} and ${x}");
        assert_eq!(t.render_partial(|_| Some("1")), "${price} and 1");
    }

    #[test]
    fn unknown_variables_are_named() {
        let t = Template::parse("a${nope}");
        let mut out = String::new();
        assert_eq!(t.render_into(&mut out, |_| None), Err("nope".to_string()));
    }

    #[test]
    fn json_templates_render_strings_and_keys_and_keep_constants() {
        let doc = json!({"userID": "user-${i}", "custom": {"n": 3, "k_${i}": ["${i}", true]},
                         "plain": "$${i}"});
        let t = JsonTemplate::new(&doc);
        assert!(t.has_vars());
        assert_eq!(t.vars(), ["i", "i", "i"]);
        let out = t.render(&vars(&[("i", "7")])).unwrap();
        assert_eq!(
            out,
            json!({"userID": "user-7", "custom": {"n": 3, "k_7": ["7", true]}, "plain": "${i}"})
        );
        assert!(!JsonTemplate::new(&json!({"a": "b"})).has_vars());
        assert_eq!(t.render(&|_| None), Err("i".to_string()));
    }
}
