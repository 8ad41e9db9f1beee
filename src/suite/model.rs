//! What a suite file says, checked and expanded: its spec source, overrides, and its cases
//! with their matrix combinations, users and expectations. Every problem is a
//! [`DocError`] at the key or value that is wrong.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use crate::spec::model::Kind;
use crate::suite::doc::{DocError, Key, Node, Pos, Value};
use crate::template::{JsonTemplate, Template};
use crate::user::User;
use crate::util::suggest;

/// Where a file's specs come from: its own `specs:` (and `id-lists:`), or the command's
/// source flags (with the file's `id-lists:` when it has some).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SpecRef {
    pub specs: Option<PathBuf>,
    pub id_lists: Option<PathBuf>,
}

/// One suite file, read and checked.
#[derive(Debug)]
pub struct SuiteFile {
    /// The path as found or given, for messages and reports.
    pub path: PathBuf,
    pub source: SpecRef,
    /// `overrides:`, in the shape of an `--overrides` file.
    pub overrides: Option<Json>,
    /// `at:`: "now" for this file's evaluations (epoch ms), as `--at` (which wins).
    pub at: Option<i64>,
    pub cases: Vec<Case>,
    /// Suspicious but valid input (a user key evaluation never reads), with its position.
    pub warnings: Vec<(Pos, String)>,
}

/// One case to run: a matrix combination counts as one.
#[derive(Debug)]
pub struct Case {
    /// The name as written, with ` [var=value, ...]` for a matrix combination.
    pub name: String,
    /// Where the case starts in its file.
    pub pos: Pos,
    pub subject: Subject,
    pub expects: Vec<Expect>,
}

/// Whom a case evaluates.
#[derive(Debug)]
pub enum Subject {
    /// One user (a JSON object).
    User(Json),
    /// `count` generated users; `${i}` runs over 0..count.
    Population {
        count: u64,
        user: JsonTemplate,
        /// The matrix variables of this combination (for `${name}` besides `${i}`).
        vars: Vec<(String, String)>,
    },
}

/// The expectations on one entity.
#[derive(Debug, Clone)]
pub struct Expect {
    pub kind: Kind,
    /// The section it was written in (`gates`, `configs`, `experiments`, `layers`).
    pub section: &'static str,
    pub name: String,
    /// Where the entity's name is written.
    pub pos: Pos,
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone)]
pub struct Check {
    /// Where the expected value is written.
    pub pos: Pos,
    pub what: CheckKind,
}

/// Inclusive bounds on a fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lo: f64,
    pub hi: f64,
}

impl Bounds {
    pub fn contains(&self, x: f64) -> bool {
        self.lo <= x && x <= self.hi
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    /// The exact value (a gate's boolean, a config's or layer's object).
    Value(Json),
    /// A subset of the value: every key given, recursively.
    ValueContains(Json),
    RuleId(String),
    /// `null` expects no group.
    GroupName(Option<String>),
    /// `Recognized`, `LocalOverride`, ... or `SOURCE:REASON` (ASCII case ignored).
    Reason(String),
    /// Layer parameters, each compared exactly.
    Params(Vec<(String, Json)>),
    /// The experiment a layer allocated the user to; `null` expects none.
    AllocatedExperiment(Option<String>),
    /// The share of a population whose result passed.
    PassRate(Bounds),
    /// The share of a population in each named group.
    Groups(Vec<(String, Bounds)>),
}

impl CheckKind {
    /// The key it is written under.
    pub fn key(&self) -> &'static str {
        match self {
            CheckKind::Value(_) => "value",
            CheckKind::ValueContains(_) => "value_contains",
            CheckKind::RuleId(_) => "rule_id",
            CheckKind::GroupName(_) => "group_name",
            CheckKind::Reason(_) => "reason",
            CheckKind::Params(_) => "params",
            CheckKind::AllocatedExperiment(_) => "allocated_experiment",
            CheckKind::PassRate(_) => "pass_rate",
            CheckKind::Groups(_) => "groups",
        }
    }

    /// Whether it is about a whole population rather than each user.
    pub fn is_statistic(&self) -> bool {
        matches!(self, CheckKind::PassRate(_) | CheckKind::Groups(_))
    }
}

const FILE_KEYS: &[&str] = &[
    "at",
    "specs",
    "id-lists",
    "overrides",
    "environment",
    "user",
    "cases",
];
const CASE_KEYS: &[&str] = &[
    "name",
    "user",
    "matrix",
    "population",
    "gates",
    "configs",
    "experiments",
    "layers",
];
const POPULATION_KEYS: &[&str] = &["count", "user"];
const SECTIONS: &[(&str, Kind)] = &[
    ("gates", Kind::Gate),
    ("configs", Kind::Config),
    ("experiments", Kind::Config),
    ("layers", Kind::Layer),
];
const GATE_CHECKS: &[&str] = &[
    "value",
    "value_contains",
    "rule_id",
    "group_name",
    "reason",
    "pass_rate",
];
const CONFIG_CHECKS: &[&str] = &[
    "value",
    "value_contains",
    "rule_id",
    "group_name",
    "reason",
    "pass_rate",
    "groups",
];
const LAYER_CHECKS: &[&str] = &[
    "value",
    "value_contains",
    "rule_id",
    "group_name",
    "reason",
    "params",
    "allocated_experiment",
    "pass_rate",
    "groups",
];
/// Largest population a case may ask for.
const MAX_POPULATION: u64 = 100_000_000;

fn err<T>(pos: Pos, msg: impl Into<String>) -> Result<T, DocError> {
    Err(DocError::new(pos, msg))
}

/// Checks a mapping's keys against the allowed ones.
fn check_keys(map: &[(Key, Node)], allowed: &[&str], what: &str) -> Result<(), DocError> {
    for (k, _) in map {
        if !allowed.contains(&k.name.as_str()) {
            return err(
                k.pos,
                format!(
                    "unknown key `{}` in {what}{}; expected one of: {}",
                    k.name,
                    suggest::hint(&k.name, allowed.iter().copied()),
                    allowed.join(", ")
                ),
            );
        }
    }
    Ok(())
}

fn get<'a>(map: &'a [(Key, Node)], key: &str) -> Option<&'a Node> {
    map.iter().find(|(k, _)| k.name == key).map(|(_, v)| v)
}

fn expect_map<'a>(n: &'a Node, what: &str) -> Result<&'a [(Key, Node)], DocError> {
    n.as_map().ok_or_else(|| {
        DocError::new(
            n.pos,
            format!("{what} must be a mapping, found {}", n.type_name()),
        )
    })
}

fn expect_str(n: &Node, what: &str) -> Result<String, DocError> {
    match &n.value {
        Value::Str(s) => Ok(s.clone()),
        Value::Int(_) | Value::Float(..) => Ok(n.scalar_text().unwrap_or_default().into_owned()),
        _ => err(
            n.pos,
            format!("{what} must be a string, found {}", n.type_name()),
        ),
    }
}

fn opt_str(n: &Node, what: &str) -> Result<Option<String>, DocError> {
    match n.value {
        Value::Null => Ok(None),
        _ => expect_str(n, &format!("{what} (or null)")).map(Some),
    }
}

fn bounds(n: &Node, what: &str) -> Result<Bounds, DocError> {
    let bad = || {
        DocError::new(
            n.pos,
            format!(
                "{what} must be [LOW, HIGH], two fractions between 0 and 1, found {}",
                n.type_name()
            ),
        )
    };
    let Value::Seq(items) = &n.value else {
        return Err(bad());
    };
    let [lo, hi] = items.as_slice() else {
        return Err(bad());
    };
    let (Some(l), Some(h)) = (lo.as_f64(), hi.as_f64()) else {
        return Err(bad());
    };
    if !(0.0..=1.0).contains(&l) || !(0.0..=1.0).contains(&h) {
        return err(
            n.pos,
            format!("{what}: bounds are fractions between 0 and 1 (0.25 for 25%)"),
        );
    }
    if l > h {
        return err(
            n.pos,
            format!("{what}: the low bound {l} is above the high bound {h}"),
        );
    }
    Ok(Bounds { lo: l, hi: h })
}

/// Reads and checks a suite file's text. `path` names it in messages and anchors relative
/// paths; `json` reads JSON instead of YAML.
pub fn parse_file(path: &Path, text: &str, json: bool) -> Result<SuiteFile, DocError> {
    let root = crate::suite::doc::parse(text, json)?;
    let top = expect_map(&root, "a suite file")?;
    check_keys(top, FILE_KEYS, "a suite file")?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let rel = |key: &str| -> Result<Option<PathBuf>, DocError> {
        get(top, key)
            .map(|n| expect_str(n, &format!("`{key}`")).map(|s| dir.join(s)))
            .transpose()
    };
    let source = SpecRef {
        specs: rel("specs")?,
        id_lists: rel("id-lists")?,
    };
    let overrides = match get(top, "overrides") {
        None => None,
        Some(n) => {
            let m = expect_map(n, "`overrides`")?;
            check_keys(
                m,
                &["gates", "configs", "experiments", "layers"],
                "`overrides`",
            )?;
            for (k, v) in m {
                expect_map(v, &format!("`overrides.{}`", k.name))?;
            }
            Some(n.to_json()?)
        }
    };
    let at = match get(top, "at") {
        None => None,
        Some(n) => {
            let text = expect_str(n, "`at`")?;
            match crate::spec::time::parse_clock(&text) {
                Ok(clock) => clock.fixed(),
                Err(e) => return err(n.pos, format!("`at`: {e}")),
            }
        }
    };
    let environment = get(top, "environment")
        .map(|n| expect_str(n, "`environment`"))
        .transpose()?;
    let defaults = match get(top, "user") {
        Some(n) => {
            expect_map(n, "`user`")?;
            Some(n)
        }
        None => None,
    };
    let Some(cases_node) = get(top, "cases") else {
        return err(root.pos, "a suite file needs `cases:`, a list of cases");
    };
    let Value::Seq(items) = &cases_node.value else {
        return err(
            cases_node.pos,
            format!("`cases` must be a list, found {}", cases_node.type_name()),
        );
    };
    let ctx = FileCtx {
        defaults,
        environment: environment.as_deref(),
    };
    let mut warnings = Vec::new();
    if let Some(d) = defaults {
        unread_user_keys(d, &mut warnings);
    }
    let mut cases = Vec::new();
    for item in items {
        expand_case(item, &ctx, &mut cases, &mut warnings)?;
    }
    Ok(SuiteFile {
        path: path.to_path_buf(),
        source,
        overrides,
        at,
        cases,
        warnings,
    })
}

struct FileCtx<'a> {
    defaults: Option<&'a Node>,
    environment: Option<&'a str>,
}

/// One matrix variable and its values as text.
type MatrixVar = (String, Vec<String>);

fn parse_matrix(n: &Node) -> Result<Vec<MatrixVar>, DocError> {
    let m = expect_map(n, "`matrix`")?;
    let mut out = Vec::new();
    for (k, v) in m {
        let valid = Template::parse(&format!("${{{}}}", k.name)).has_vars();
        if !valid || k.name == "i" {
            return err(
                k.pos,
                format!(
                    "matrix variable `{}`: a name is letters, digits and `_`, not starting \
                     with a digit (and `i` is the population index)",
                    k.name
                ),
            );
        }
        let Value::Seq(items) = &v.value else {
            return err(
                v.pos,
                format!(
                    "matrix variable `{}` must be a list of values, found {}",
                    k.name,
                    v.type_name()
                ),
            );
        };
        if items.is_empty() {
            return err(v.pos, format!("matrix variable `{}` has no values", k.name));
        }
        let mut values = Vec::new();
        for item in items {
            match item.value {
                Value::Str(_) | Value::Int(_) | Value::Float(..) | Value::Bool(_) => {
                    values.push(item.scalar_text().unwrap_or_default().into_owned())
                }
                _ => {
                    return err(
                        item.pos,
                        format!(
                            "matrix values are strings, numbers or booleans, found {}",
                            item.type_name()
                        ),
                    );
                }
            }
        }
        out.push((k.name.clone(), values));
    }
    if out.is_empty() {
        return err(n.pos, "`matrix` defines no variable");
    }
    Ok(out)
}

/// Every `${name}` in `node` must be one of `defined`.
fn check_vars(node: &Node, defined: &[&str], case: &str) -> Result<(), DocError> {
    let mut bad: Option<(String, Pos)> = None;
    node.visit_strings(&mut |s, pos| {
        if bad.is_some() || !s.contains("${") {
            return;
        }
        if let Some(v) = Template::parse(s).vars().find(|v| !defined.contains(v)) {
            bad = Some((v.to_string(), pos));
        }
    });
    match bad {
        None => Ok(()),
        Some((v, pos)) => {
            let known = if defined.is_empty() {
                format!("case {case:?} has no matrix")
            } else {
                let list: Vec<String> = defined.iter().map(|d| format!("`{d}`")).collect();
                format!("case {case:?} defines {}", list.join(", "))
            };
            err(
                pos,
                format!(
                    "`${{{v}}}` is not a defined variable: {known}{} (write `$${{` for a literal `${{`)",
                    suggest::hint(&v, defined.iter().copied())
                ),
            )
        }
    }
}

/// Objects merged key by key (recursively); `over` wins.
fn merge_under(base: &mut Map<String, Json>, over: Map<String, Json>) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(Json::Object(b)), Json::Object(o)) => merge_under(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

fn apply_environment(user: &mut Map<String, Json>, tier: Option<&str>) {
    let Some(tier) = tier else { return };
    let env = user
        .entry("statsigEnvironment")
        .or_insert_with(|| Json::Object(Map::new()));
    if let Json::Object(env) = env {
        env.entry("tier")
            .or_insert_with(|| Json::String(tier.to_string()));
    }
}

/// The user nodes of a case in merge order (defaults first), with what they are called.
fn user_layers<'a>(
    case: &'a [(Key, Node)],
    population: Option<&'a [(Key, Node)]>,
    ctx: &FileCtx<'a>,
) -> Result<Vec<&'a Node>, DocError> {
    let mut layers: Vec<&Node> = ctx.defaults.into_iter().collect();
    if let Some(u) = get(case, "user") {
        expect_map(u, "a case's `user`")?;
        layers.push(u);
    }
    if let Some(u) = population.and_then(|p| get(p, "user")) {
        expect_map(u, "`population.user`")?;
        layers.push(u);
    }
    Ok(layers)
}

/// Warns about top-level user keys evaluation never reads (`level:` meant for `custom:`).
fn unread_user_keys(user: &Node, warnings: &mut Vec<(Pos, String)>) {
    for (k, _) in user.as_map().unwrap_or_default() {
        if crate::user::is_known_key(&k.name) {
            continue;
        }
        let hint = suggest::hint(&k.name, crate::user::KEYS.iter().copied());
        let advice = if hint.is_empty() {
            "; put it under `custom:` to use it in conditions".to_string()
        } else {
            hint
        };
        warnings.push((
            k.pos,
            format!(
                "user key `{}` is not a field Statsig reads, so no condition sees it{advice}",
                k.name
            ),
        ));
    }
}

fn expand_case(
    item: &Node,
    ctx: &FileCtx<'_>,
    out: &mut Vec<Case>,
    warnings: &mut Vec<(Pos, String)>,
) -> Result<(), DocError> {
    let case = expect_map(item, "a case")?;
    check_keys(case, CASE_KEYS, "a case")?;
    let name = match get(case, "name") {
        Some(n) => expect_str(n, "`name`")?,
        None => return err(item.pos, "a case needs a `name`"),
    };
    let matrix = get(case, "matrix").map(parse_matrix).transpose()?;
    let population = match get(case, "population") {
        None => None,
        Some(p) => {
            let m = expect_map(p, "`population`")?;
            check_keys(m, POPULATION_KEYS, "`population`")?;
            let count = match get(m, "count") {
                Some(c) => match c.value {
                    Value::Int(n) if n > 0 && n as u64 <= MAX_POPULATION => n as u64,
                    _ => {
                        return err(
                            c.pos,
                            format!(
                                "`population.count` must be a whole number from 1 to \
                                 {MAX_POPULATION}, found {}",
                                c.scalar_text().unwrap_or(c.type_name().into())
                            ),
                        );
                    }
                },
                None => return err(p.pos, "`population` needs a `count`"),
            };
            Some((m, count))
        }
    };
    let is_population = population.is_some();
    let matrix_names: Vec<&str> = matrix.iter().flatten().map(|(n, _)| n.as_str()).collect();
    let mut user_vars = matrix_names.clone();
    if is_population {
        user_vars.push("i");
    }
    let layers = user_layers(case, population.map(|(m, _)| m), ctx)?;
    for layer in &layers {
        check_vars(layer, &user_vars, &name)?;
    }
    let own = usize::from(ctx.defaults.is_some());
    for layer in &layers[own..] {
        unread_user_keys(layer, warnings);
    }
    let mut sections = Vec::new();
    for (section, kind) in SECTIONS {
        if let Some(n) = get(case, section) {
            check_vars(n, &matrix_names, &name)?;
            sections.push((*section, *kind, n));
        }
    }
    if sections.is_empty() {
        return err(
            item.pos,
            format!(
                "case {name:?} expects nothing: give `gates`, `configs`, `experiments` or `layers`"
            ),
        );
    }

    let combos = combinations(matrix.as_deref().unwrap_or(&[]));
    for vars in combos {
        let lookup = |n: &str| vars.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        let subst = |s: &str| Template::parse(s).render_partial(lookup);
        let case_name = if vars.is_empty() {
            name.clone()
        } else {
            let list: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{name} [{}]", list.join(", "))
        };
        let user_pos = layers.last().map(|n| n.pos).unwrap_or(item.pos);
        let origin = format!("{}", user_pos);
        let subject = if let Some((_, count)) = population {
            let mut user = Map::new();
            for layer in &layers {
                if let Json::Object(m) = layer.to_json()? {
                    merge_under(&mut user, m);
                }
            }
            apply_environment(&mut user, ctx.environment);
            let template = JsonTemplate::new(&Json::Object(user));
            let first = template
                .render(&|n: &str| if n == "i" { Some("0") } else { lookup(n) })
                .map_err(|v| DocError::new(user_pos, format!("`${{{v}}}` is not defined")))?;
            User::from_json(first, &origin).map_err(|e| user_error(user_pos, e))?;
            Subject::Population {
                count,
                user: template,
                vars: vars.clone(),
            }
        } else {
            let mut user = Map::new();
            for layer in &layers {
                if let Json::Object(m) = layer.map_strings(&subst).to_json()? {
                    merge_under(&mut user, m);
                }
            }
            apply_environment(&mut user, ctx.environment);
            let json = Json::Object(user);
            User::from_json(json.clone(), &origin).map_err(|e| user_error(user_pos, e))?;
            Subject::User(json)
        };
        let mut expects = Vec::new();
        for (section, kind, node) in &sections {
            let node = node.map_strings(&subst);
            parse_section(section, *kind, &node, is_population, &mut expects)?;
        }
        out.push(Case {
            name: case_name,
            pos: item.pos,
            subject,
            expects,
        });
    }
    Ok(())
}

/// A user the library refuses (`user.email must be a string`), placed at the user.
fn user_error(pos: Pos, e: crate::error::Error) -> DocError {
    let msg = e.to_string();
    // The origin we gave is the position itself; keep only what follows it.
    let text = msg
        .split_once(": ")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(msg);
    DocError::new(pos, text)
}

/// Every combination of the matrix, the first variable varying slowest.
fn combinations(matrix: &[MatrixVar]) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for (name, values) in matrix {
        let mut next = Vec::with_capacity(out.len() * values.len());
        for prefix in &out {
            for v in values {
                let mut combo = prefix.clone();
                combo.push((name.clone(), v.clone()));
                next.push(combo);
            }
        }
        out = next;
    }
    out
}

fn parse_section(
    section: &'static str,
    kind: Kind,
    node: &Node,
    is_population: bool,
    out: &mut Vec<Expect>,
) -> Result<(), DocError> {
    let entries = expect_map(node, &format!("`{section}`"))?;
    let allowed = match kind {
        Kind::Gate => GATE_CHECKS,
        Kind::Config => CONFIG_CHECKS,
        Kind::Layer => LAYER_CHECKS,
    };
    for (key, v) in entries {
        let what = format!("{section}.{}", key.name);
        let mut checks = Vec::new();
        match (&v.value, kind) {
            (Value::Bool(b), Kind::Gate) => checks.push(Check {
                pos: v.pos,
                what: CheckKind::Value(Json::Bool(*b)),
            }),
            (Value::Map(m), _) => {
                check_keys(m, allowed, &format!("`{what}`"))?;
                for (ck, cv) in m {
                    let what_key = format!("`{what}.{}`", ck.name);
                    let c = parse_check(&ck.name, cv, kind, &what_key)?;
                    if c.is_statistic() && !is_population {
                        return err(
                            ck.pos,
                            format!(
                                "{what_key}: `{}` is about many users; it needs a `population` case",
                                ck.name
                            ),
                        );
                    }
                    checks.push(Check {
                        pos: cv.pos,
                        what: c,
                    });
                }
            }
            _ => {
                let shape = if kind == Kind::Gate {
                    "true, false or a mapping of expectations"
                } else {
                    "a mapping of expectations (e.g. `{ value: {...} }`)"
                };
                return err(
                    v.pos,
                    format!("`{what}` must be {shape}, found {}", v.type_name()),
                );
            }
        }
        out.push(Expect {
            kind,
            section,
            name: key.name.clone(),
            pos: key.pos,
            checks,
        });
    }
    Ok(())
}

fn parse_check(key: &str, v: &Node, kind: Kind, what: &str) -> Result<CheckKind, DocError> {
    Ok(match key {
        "value" | "value_contains" => {
            if kind == Kind::Gate && !matches!(v.value, Value::Bool(_)) {
                return err(
                    v.pos,
                    format!(
                        "{what}: a gate's value is true or false, found {}",
                        v.type_name()
                    ),
                );
            }
            let j = v.to_json()?;
            if key == "value" {
                CheckKind::Value(j)
            } else {
                CheckKind::ValueContains(j)
            }
        }
        "rule_id" => CheckKind::RuleId(expect_str(v, what)?),
        "group_name" => CheckKind::GroupName(opt_str(v, what)?),
        "reason" => CheckKind::Reason(expect_str(v, what)?),
        "allocated_experiment" => CheckKind::AllocatedExperiment(opt_str(v, what)?),
        "params" => {
            let m = expect_map(v, what)?;
            let mut params = Vec::new();
            for (k, pv) in m {
                params.push((k.name.clone(), pv.to_json()?));
            }
            CheckKind::Params(params)
        }
        "pass_rate" => CheckKind::PassRate(bounds(v, what)?),
        "groups" => {
            let m = expect_map(v, what)?;
            let mut groups = Vec::new();
            for (k, gv) in m {
                groups.push((k.name.clone(), bounds(gv, &format!("{what}.{}", k.name))?));
            }
            CheckKind::Groups(groups)
        }
        other => unreachable!("key {other} passed check_keys"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(text: &str) -> Result<SuiteFile, DocError> {
        parse_file(Path::new("dir/t.statsig.yaml"), text, false)
    }

    #[test]
    fn the_issue_example_parses_and_expands() {
        let f = parse(
            r#"
specs: ../specs/prod.json
id-lists: ../specs/id_lists/
overrides: { gates: { kill_switch: false } }
environment: production
user: { email: qa@example.com }
cases:
  - name: employees get the new checkout
    user: { userID: "42", email: dev@example.com, custom: { level: 9 } }
    gates:
      new_checkout: true
      beta_banner: { value: false, rule_id: default }
    configs:
      pricing: { value: { currency: USD } }
      checkout_button: { group_name: Test, value_contains: { color: green } }
    layers:
      checkout_layer: { params: { button_color: green }, allocated_experiment: checkout_button }
  - name: every country and version
    matrix: { country: [US, CA], version: ["1.0.0", "2.1.0"] }
    user: { userID: "u-${country}-${version}", country: "${country}", appVersion: "${version}" }
    gates: { new_checkout: false }
  - name: the 25% rollout is about 25%
    population: { count: 20000, user: { userID: "user-${i}" } }
    gates: { new_checkout: { pass_rate: [0.23, 0.27] } }
    configs: { checkout_button: { groups: { Control: [0.45, 0.55], Test: [0.45, 0.55] } } }
"#,
        )
        .unwrap();
        assert_eq!(
            f.source.specs,
            Some(PathBuf::from("dir/../specs/prod.json"))
        );
        assert_eq!(
            f.source.id_lists,
            Some(PathBuf::from("dir/../specs/id_lists/"))
        );
        assert_eq!(f.overrides, Some(json!({"gates": {"kill_switch": false}})));
        let names: Vec<&str> = f.cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "employees get the new checkout",
                "every country and version [country=US, version=1.0.0]",
                "every country and version [country=US, version=2.1.0]",
                "every country and version [country=CA, version=1.0.0]",
                "every country and version [country=CA, version=2.1.0]",
                "the 25% rollout is about 25%",
            ]
        );
        let Subject::User(u) = &f.cases[0].subject else {
            panic!()
        };
        assert_eq!(
            u,
            &json!({"email": "dev@example.com", "userID": "42", "custom": {"level": 9},
                    "statsigEnvironment": {"tier": "production"}})
        );
        let Subject::User(u) = &f.cases[3].subject else {
            panic!()
        };
        assert_eq!(u["userID"], "u-CA-1.0.0");
        assert_eq!(u["appVersion"], "1.0.0");
        assert_eq!(u["email"], "qa@example.com");
        let first = &f.cases[0].expects;
        assert_eq!(first.len(), 5);
        assert_eq!(first[0].checks[0].what, CheckKind::Value(json!(true)));
        assert_eq!(first[0].pos, Pos { line: 11, col: 7 });
        assert_eq!(
            first[3].checks[1].what,
            CheckKind::ValueContains(json!({"color": "green"}))
        );
        assert_eq!(
            first[4].checks[1].what,
            CheckKind::AllocatedExperiment(Some("checkout_button".into()))
        );
        let Subject::Population { count, user, .. } = &f.cases[5].subject else {
            panic!()
        };
        assert_eq!(*count, 20000);
        assert_eq!(
            user.render(&|n: &str| (n == "i").then_some("7")).unwrap()["userID"],
            "user-7"
        );
        assert_eq!(
            f.cases[5].expects[1].checks[0].what,
            CheckKind::Groups(vec![
                ("Control".into(), Bounds { lo: 0.45, hi: 0.55 }),
                ("Test".into(), Bounds { lo: 0.45, hi: 0.55 })
            ])
        );
    }

    fn error_of(text: &str) -> String {
        let e = parse(text).unwrap_err();
        format!("{}: {}", e.pos, e.msg)
    }

    #[test]
    fn unknown_keys_point_at_the_key_with_a_suggestion() {
        let e = error_of("cases:\n  - name: a\n    gates:\n      g: { rule: x }\n");
        assert!(e.starts_with("4:12: unknown key `rule`"), "{e}");
        assert!(e.contains("did you mean `rule_id`?"), "{e}");
        let e = error_of("spec: x.json\ncases: []\n");
        assert!(e.starts_with("1:1: unknown key `spec`"), "{e}");
        assert!(e.contains("`specs`"), "{e}");
    }

    #[test]
    fn wrong_types_point_at_the_value() {
        let e = error_of("cases:\n  - name: a\n    gates: { g: { rule_id: [1] } }\n");
        assert!(
            e.starts_with("3:28: `gates.g.rule_id` must be a string, found a list"),
            "{e}"
        );
        let e = error_of("cases:\n  - name: a\n    gates: { g: maybe }\n");
        assert!(e.starts_with("3:17: `gates.g` must be true, false"), "{e}");
        let e = error_of("cases:\n  - name: a\n    gates: { g: { value: 1 } }\n");
        assert!(e.contains("a gate's value is true or false"), "{e}");
        let e = error_of(
            "cases:\n  - name: a\n    population: { count: 10 }\n    gates: { g: { pass_rate: [0.5] } }\n",
        );
        assert!(
            e.starts_with("4:30: `gates.g.pass_rate` must be [LOW, HIGH]"),
            "{e}"
        );
        let e = error_of("cases:\n  - name: a\n    user: {email: [1]}\n    gates: { g: true }\n");
        assert!(e.starts_with("3:11: user.email must be a string"), "{e}");
    }

    #[test]
    fn undefined_matrix_variables_point_at_the_string() {
        let e = error_of(
            "cases:\n  - name: m\n    matrix: { country: [US] }\n    user: { userID: \"${contry}\" }\n    gates: { g: true }\n",
        );
        assert!(
            e.starts_with("4:21: `${contry}` is not a defined variable"),
            "{e}"
        );
        assert!(e.contains("did you mean `country`?"), "{e}");
        let e = error_of(
            "cases:\n  - name: m\n    user: { userID: \"${i}\" }\n    gates: { g: true }\n",
        );
        assert!(e.contains("has no matrix"), "{e}");
    }

    #[test]
    fn user_keys_evaluation_never_reads_are_warned_about() {
        let f = parse(
            "user: { emial: a@b.c }\ncases:\n  - name: a\n    user: { userID: x, level: 9, custom: { level: 9 } }\n    gates: { g: true }\n",
        )
        .unwrap();
        let w: Vec<String> = f
            .warnings
            .iter()
            .map(|(p, m)| format!("{p}: {m}"))
            .collect();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("1:9: user key `emial`") && w[0].ends_with("(did you mean `email`?)"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("4:24: user key `level`") && w[1].contains("under `custom:`"),
            "{w:?}"
        );
    }

    #[test]
    fn statistics_need_a_population() {
        let e = error_of("cases:\n  - name: a\n    gates: { g: { pass_rate: [0.1, 0.2] } }\n");
        assert!(e.contains("needs a `population` case"), "{e}");
    }

    #[test]
    fn escaped_placeholders_stay_literal() {
        let f = parse(
            "cases:\n  - name: a\n    user: { userID: \"$${x}\" }\n    configs: { c: { value: { t: \"$${y}\" } } }\n",
        )
        .unwrap();
        let Subject::User(u) = &f.cases[0].subject else {
            panic!()
        };
        assert_eq!(u["userID"], "${x}");
        assert_eq!(
            f.cases[0].expects[0].checks[0].what,
            CheckKind::Value(json!({"t": "${y}"}))
        );
    }
}
