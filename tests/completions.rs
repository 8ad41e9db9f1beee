//! The committed completion scripts in `completions/` match the CLI.

mod support;

use support::statsig;

#[test]
fn committed_completions_are_current() {
    for shell in ["bash", "zsh", "fish"] {
        let out = statsig().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let path = format!("{}/completions/statsig.{shell}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "{path} is stale: run `cargo run -- completions {shell} > completions/statsig.{shell}`"
        );
    }
}
