//! The "Exit codes:" section at the end of every command's `--help` (and so of its man
//! page): which codes the command uses and why. Scripts branch on these numbers; the codes
//! themselves are [`crate::error::ExitCode`].

use clap::Command;

const OK: &str = "0   done";
const INPUT: &str =
    "2   bad input: a flag, a file, the specs, a user; an unknown name with --strict";
const SPECS: &str = "3   the specs could not be downloaded or read from the data store";
const EXPOSURES: &str = "3   with --strict-delivery: the exposures could not be delivered (they stay \
                         spooled; without it that is a warning and the code answers the command)";
const KEEP_GOING: &str =
    "2   also: lines skipped with --keep-going (each named on stderr, then a count)";
const BUG: &str = "70  a bug in statsig (an internal error)";

/// The lines of a command's section, by its path below `statsig` ("" for `statsig`).
fn lines(path: &str) -> Vec<&'static str> {
    match path {
        "check-gate" => vec![
            "0   the gate passed (with --exit-code; without it: the answer was printed)",
            "1   the gate failed (only with --exit-code)",
            INPUT,
            SPECS,
            EXPOSURES,
            BUG,
        ],
        "get-config" | "get-experiment" | "get-layer" | "get-param-store" => vec![
            "0   the value was printed (also the default of an unknown name, with a warning)",
            INPUT,
            SPECS,
            EXPOSURES,
            BUG,
        ],
        "evaluate" | "client-init" => {
            vec![OK, INPUT, KEEP_GOING, SPECS, EXPOSURES, BUG]
        }
        "report" => vec![OK, INPUT, KEEP_GOING, SPECS, BUG],
        "impact" => vec![
            OK,
            "1   with --fail-on-change: some users' values change",
            INPUT,
            KEEP_GOING,
            SPECS,
            BUG,
        ],
        "test" => vec![
            "0   every case passed",
            "1   some case failed",
            "2   bad input: a suite, a flag, the specs; no case to run",
            SPECS,
            BUG,
        ],
        "log-event" => vec![
            "0   the event was delivered (or spooled, with --no-send)",
            "2   bad input: a flag, the user; no server key",
            "3   the event was not delivered (it stays spooled: `statsig events flush`)",
            BUG,
        ],
        "log-events" => vec![
            "0   every event was delivered (or spooled, with --no-send)",
            "2   bad input: a line (the events before it are still delivered), a flag; no \
             server key",
            KEEP_GOING,
            "3   some events were not delivered (they stay spooled: `statsig events flush`)",
            BUG,
        ],
        "events flush" | "events retry" => vec![
            "0   the spool was delivered",
            "2   the spool could not be read or written; no server key",
            "3   some events were not delivered (they stay spooled)",
            BUG,
        ],
        "events status" | "events purge" => {
            vec![OK, "2   the spool could not be read or written", BUG]
        }
        "specs list" | "specs show" | "specs pull" => vec![OK, INPUT, SPECS, BUG],
        "specs push" => vec![
            OK,
            INPUT,
            "3   the specs could not be downloaded, or the data store could not be written",
            BUG,
        ],
        "specs diff" => vec![
            "0   the payloads do not differ",
            "1   the payloads differ",
            INPUT,
            SPECS,
            BUG,
        ],
        "completions" => vec![
            "0   printed (also when the reader closed the pipe early)",
            BUG,
        ],
        "man" => vec![OK, "2   the folder could not be written", BUG],
        // `statsig`, `statsig specs`, `statsig events`: what the numbers mean everywhere.
        _ => vec![
            "0   done; the positive answer (a gate passed, no difference, every case passed)",
            "1   the negative answer, not a failure (check-gate --exit-code, specs diff, test, \
             impact --fail-on-change)",
            "2   bad input: a flag, a file, the specs, a user; lines skipped with --keep-going",
            "3   the network failed or the server refused (events not delivered stay spooled)",
            BUG,
            "Each command's --help names the codes it uses.",
        ],
    }
}

/// The section's text.
fn section(path: &str) -> String {
    let mut s = String::from("Exit codes:");
    for l in lines(path) {
        // Codes indented under the heading, a closing remark flush.
        let indent = if l.starts_with(|c: char| c.is_ascii_digit()) {
            "  "
        } else {
            ""
        };
        s.push('\n');
        s.push_str(indent);
        s.push_str(l);
    }
    s
}

/// `cmd` (the whole CLI) with an "Exit codes:" section after each command's own help text
/// (examples stay first).
pub fn with_exit_codes(cmd: Command) -> Command {
    super::help_section::append(cmd, &|path| Some(section(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_its_own_section() {
        use clap::CommandFactory;
        let cmd = with_exit_codes(crate::cli::Cli::command());
        fn walk(c: &Command, path: &str, seen: &mut Vec<String>) {
            for s in c.get_subcommands() {
                let p = match path {
                    "" => s.get_name().to_string(),
                    _ => format!("{path} {}", s.get_name()),
                };
                let has_subs = s.get_subcommands().next().is_some();
                if !has_subs {
                    // A leaf command has a section of its own, not the general one.
                    assert!(
                        !lines(&p).contains(&"Each command's --help names the codes it uses."),
                        "{p} has no exit codes of its own"
                    );
                }
                let after = s.get_after_help().unwrap().to_string();
                assert!(after.contains("Exit codes:"), "{p}");
                seen.push(p.clone());
                walk(s, &p, seen);
            }
        }
        let mut seen = Vec::new();
        walk(&cmd, "", &mut seen);
        assert!(seen.len() > 20, "{seen:?}");
    }
}
