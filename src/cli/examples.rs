//! The "Examples:" section at the end of each command's `--help` (and so of its man page):
//! a few command lines to copy, each under a comment saying what it shows. They name the
//! repository's fixtures, so they run as written from a checkout (`tests/readme.rs` runs
//! every one); the event and download examples want `STATSIG_SERVER_SECRET` set.

use clap::Command;

/// `(comment, command line)` pairs of a command, by its path below `statsig`.
fn examples(path: &str) -> &'static [(&'static str, &'static str)] {
    match path {
        "check-gate" => &[
            (
                "An employee (email at example.com) passes the first rule: prints true",
                "statsig check-gate new_checkout --specs fixtures/demo_dcs.json --user-id 42 --email dev@example.com",
            ),
            (
                "Why: every rule and condition looked at, the user's values, the rolls (stderr)",
                "statsig check-gate new_checkout --specs fixtures/demo_dcs.json --user-id 42 --explain",
            ),
            (
                "In a shell `if`: exit 0 when the gate passes, 1 when it fails",
                "statsig check-gate new_checkout --exit-code --specs fixtures/demo_dcs.json --user-id 42 || echo off",
            ),
        ],
        "get-config" => &[
            (
                "A config's value (custom.level 12 matches the power_users rule)",
                "statsig get-config pricing --specs fixtures/demo_dcs.json --user-id 7 --custom level=12",
            ),
            (
                "One field, unquoted, for a script",
                "statsig get-config pricing --field currency --raw --specs fixtures/demo_dcs.json --user-id 7",
            ),
        ],
        "get-experiment" => &[
            (
                "The group's value; --json adds rule_id, group_name and the reason",
                "statsig get-experiment checkout_button --specs fixtures/demo_dcs.json --user-id user-2 --json",
            ),
            (
                "Put this user in the Control group",
                "statsig get-experiment checkout_button --override-experiment checkout_button@user-2=Control --specs fixtures/demo_dcs.json --user-id user-2",
            ),
        ],
        "get-layer" => &[
            (
                "One parameter of a layer (its experiment's value when the user is allocated)",
                "statsig get-layer checkout_layer button_color --specs fixtures/demo_dcs.json --user-id 42",
            ),
            (
                "The whole layer, with the explanation of the allocation",
                "statsig get-layer checkout_layer --specs fixtures/demo_dcs.json --user-id 42 --explain",
            ),
        ],
        "get-param-store" => &[
            (
                "Every parameter of a store",
                "statsig get-param-store every_kind --specs fixtures/sdk/param_stores.json --user-id 42",
            ),
            (
                "One parameter, with the caller's fallback (its JSON type picks the getter)",
                "statsig get-param-store every_kind static_string --default '\"none\"' --specs fixtures/sdk/param_stores.json --user-id 42",
            ),
        ],
        "evaluate" => &[
            (
                "Everything for one user: a table on a terminal",
                "statsig evaluate --specs fixtures/demo_dcs.json --user-id 42 --email dev@example.com",
            ),
            (
                "A stream of users, NDJSON in and out, two entities only",
                "printf '{\"userID\":\"1\"}\\n{\"userID\":\"2\"}\\n' | statsig evaluate --specs fixtures/demo_dcs.json --users - --gate new_checkout --experiment checkout_button",
            ),
        ],
        "client-init" => &[
            (
                "The bootstrap of @statsig/js-client for one user, for the app of a client key",
                "statsig client-init --specs fixtures/demo_dcs.json --user-id 42 --client-key client-demo-key --out bootstrap.json",
            ),
            (
                "One payload per user of a stream",
                "printf '{\"userID\":\"1\"}\\n{\"userID\":\"2\"}\\n' | statsig client-init --specs fixtures/demo_dcs.json --users - > payloads.ndjson",
            ),
        ],
        "report" => &[
            (
                "Pass rates and group splits over 10,000 generated users",
                "statsig report --specs fixtures/demo_dcs.json --generate 10000 --user '{\"userID\":\"user-${i}\"}'",
            ),
            (
                "One experiment, as Markdown for a pull request",
                "statsig report --specs fixtures/demo_dcs.json --generate 10000 --user '{\"userID\":\"user-${i}\"}' --experiment checkout_button --format markdown",
            ),
        ],
        "test" => &[
            ("Run the example suites", "statsig test fixtures/suites"),
            (
                "Only some cases, with a JUnit report for CI and rule coverage",
                "statsig test fixtures/suites --filter employees --junit junit.xml --coverage",
            ),
        ],
        "impact" => &[(
            "Which of 1,000 users an edit of the rules flips",
            "seq 0 999 | sed 's/.*/{\"userID\":\"user-&\"}/' | statsig impact fixtures/population/specs.json fixtures/population/specs_changed.json --users -",
        )],
        "completions" => &[(
            "Completions for zsh (bash, fish, elvish and powershell too)",
            "statsig completions zsh > _statsig",
        )],
        "man" => &[
            ("One manual page per command", "statsig man --dir man-pages"),
            ("The page of `statsig` itself", "statsig man > statsig.1"),
        ],
        "log-event" => &[(
            "A purchase with a value and metadata (the key in STATSIG_SERVER_SECRET)",
            "statsig log-event purchase --value 9.99 --metadata sku=sku_1 --user-id 42",
        )],
        "log-events" => &[(
            "Events as NDJSON, one per line (`-` reads stdin)",
            "printf '{\"eventName\":\"view\",\"user\":{\"userID\":\"1\"}}\\n' | statsig log-events --file -",
        )],
        "events flush" => &[("Send what the spool holds", "statsig events flush")],
        "events status" => &[(
            "What is queued, refused or damaged, as JSON",
            "statsig events status --json",
        )],
        "events retry" => &[(
            "Send the batches the server refused once more",
            "statsig events retry",
        )],
        "events purge" => &[(
            "Delete refused batches and damaged parts",
            "statsig events purge",
        )],
        "specs list" => &[
            (
                "Every gate, segment, holdout, config, experiment and layer",
                "statsig specs list --specs fixtures/demo_dcs.json",
            ),
            (
                "Only the experiments, as JSON",
                "statsig specs list --specs fixtures/demo_dcs.json --kind experiment --json",
            ),
        ],
        "specs show" => &[(
            "A gate's rules and conditions in words",
            "statsig specs show new_checkout --specs fixtures/demo_dcs.json",
        )],
        "specs diff" => &[(
            "What an edit changed (exit 1 when the payloads differ)",
            "statsig specs diff fixtures/population/specs.json fixtures/population/specs_changed.json",
        )],
        "specs pull" => &[(
            "The project's payload and id lists, as fixtures (the key in STATSIG_SERVER_SECRET)",
            "statsig specs pull --out specs.json --id-lists-out id-lists/",
        )],
        "specs push" => &[(
            "Seed a data store dump under the keys the core SDK reads",
            "statsig specs push --data-store dump.json --specs fixtures/demo_dcs.json",
        )],
        _ => &[],
    }
}

/// The section's text, or `None` for a command without examples.
fn section(path: &str) -> Option<String> {
    let ex = examples(path);
    if ex.is_empty() {
        return None;
    }
    let mut s = String::from("Examples:");
    for (i, (what, line)) in ex.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("\n  # {what}\n  {line}"));
    }
    Some(s)
}

/// `cmd` (the whole CLI) with an "Examples:" section after each command's own help text.
pub fn with_examples(cmd: Command) -> Command {
    super::help_section::append(cmd, &section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_but_the_groups_has_examples() {
        fn walk(c: &Command, path: &str, missing: &mut Vec<String>) {
            for s in c.get_subcommands() {
                let p = match path {
                    "" => s.get_name().to_string(),
                    _ => format!("{path} {}", s.get_name()),
                };
                let leaf = s.get_subcommands().next().is_none();
                if leaf && p != "help" && !p.ends_with(" help") && examples(&p).is_empty() {
                    missing.push(p.clone());
                }
                walk(s, &p, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no examples: {missing:?}");
        // Each line is a command of its own, starting (or piped into) `statsig`.
        for p in ["check-gate", "evaluate", "specs diff"] {
            for (_, line) in examples(p) {
                assert!(line.starts_with("statsig ") || line.contains("| statsig "));
            }
        }
    }
}
