//! Sections appended to every command's help ("Examples:", "Exit codes:"): one walker over
//! the command tree, so each section module only says what its text is for a command path.

use clap::Command;

/// `cmd` and every subcommand below it with `section(path)` appended to its after-help
/// (short and long), where `path` is the command's words after `statsig` ("" for the root,
/// "specs pull" for a nested one) and `None` means the command gets no such section.
pub fn append(cmd: Command, section: &dyn Fn(&str) -> Option<String>) -> Command {
    walk(cmd, "", section)
}

fn walk(mut cmd: Command, path: &str, section: &dyn Fn(&str) -> Option<String>) -> Command {
    if let Some(text) = section(path) {
        let join = |before: Option<&clap::builder::StyledStr>| match before {
            Some(b) => format!("{b}\n\n{text}"),
            None => text.clone(),
        };
        let short = join(cmd.get_after_help());
        let long = cmd.get_after_long_help().map(|l| join(Some(l)));
        cmd = cmd.after_help(short);
        if let Some(long) = long {
            cmd = cmd.after_long_help(long);
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = match path {
            "" => name.clone(),
            p => format!("{p} {name}"),
        };
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub, section));
    }
    cmd
}
