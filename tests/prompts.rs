//! Prompts on a real pseudo-terminal (rexpect): the entity picker, the user prompt and the
//! hidden key prompt appear where a person is, take an answer, and give the right result;
//! nothing prompts when stdin is piped, with `--no-input`, or with `CI=true`.
//!
//! rexpect turns the terminal's echo off before it starts a program; these runs turn it back
//! on (`stty echo`), as a person's terminal has it, so a prompt that echoed would show.
//! Stdout goes to a file, so the answer is checked apart from what the prompts draw.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use support::{FIXTURE, KEY, Server};

/// The binary on a terminal (stdin and stderr), its stdout written to `out`, in the
/// harness's clean environment (no `CI`, no colour) plus `env`.
fn on_pty(args: &[&str], env: &[(&str, &str)], out: &Path) -> PtySession {
    let mut c = Command::new("sh");
    support::clean_env(&mut c);
    c.env_remove("CI")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("PROMPT_TEST_OUT", out)
        .arg("-c")
        .arg("stty echo cols 100 rows 30; exec \"$0\" \"$@\" > \"$PROMPT_TEST_OUT\"")
        .arg(assert_cmd::cargo::cargo_bin!("statsig"))
        .args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    spawn_command(c, Some(30_000)).expect("a pseudo-terminal")
}

/// Reads to the end and returns (everything the terminal showed, the exit code).
fn finish(mut p: PtySession) -> (String, i32) {
    let rest = p.exp_eof().expect("the program ends");
    let code = match p.process_mut().wait().expect("an exit status") {
        WaitStatus::Exited(_, c) => c,
        s => panic!("ended by {s:?}"),
    };
    (rest, code)
}

fn out_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("stdout")
}

#[test]
fn a_missing_gate_name_is_picked_with_a_typed_filter() {
    let d = tempfile::tempdir().unwrap();
    let out = out_file(&d);
    // An employee (email ending in @example.com) passes new_checkout's first rule.
    let mut p = on_pty(
        &[
            "check-gate",
            "--specs",
            FIXTURE,
            "--user-id",
            "42",
            "--email",
            "dev@example.com",
        ],
        &[],
        &out,
    );
    p.exp_string("Which gate?").expect("the picker appears");
    // The fixture's gates are offered (segments and holdouts are not gates to check).
    p.exp_string("canada_promo").expect("the gates are listed");
    p.send("new_ch").unwrap();
    p.flush().unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    let (shown, code) = finish(p);
    assert_eq!(code, 0, "{shown}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "true\n");
}

#[test]
fn a_config_is_picked_then_the_user_is_asked_for() {
    let d = tempfile::tempdir().unwrap();
    let out = out_file(&d);
    let mut p = on_pty(&["get-config", "--specs", FIXTURE], &[], &out);
    p.exp_string("Which config?").expect("the picker appears");
    p.send("pricing\r").unwrap();
    p.flush().unwrap();
    // No user given: a userID, then the other fields.
    p.exp_string("userID").expect("the user prompt appears");
    p.send_line("7").unwrap();
    p.exp_string("Other fields").unwrap();
    p.send("y").unwrap();
    p.flush().unwrap();
    for skip in ["email", "country", "app version"] {
        p.exp_string(skip).unwrap();
        p.send_line("").unwrap();
    }
    p.exp_string("custom fields").unwrap();
    // level 12 ≥ 10: pricing's rule power_users (discount 15), by the fixture's rules.
    p.send_line("level=12").unwrap();
    let (shown, code) = finish(p);
    assert_eq!(code, 0, "{shown}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["discount"], 15);
    assert_eq!(v["plans"], serde_json::json!(["basic", "pro", "team"]));
}

#[test]
fn get_experiment_offers_the_experiments_only() {
    let d = tempfile::tempdir().unwrap();
    let out = out_file(&d);
    let mut p = on_pty(
        &["get-experiment", "--specs", FIXTURE, "--user-id", "user-2"],
        &[],
        &out,
    );
    let listed = p
        .exp_string("checkout_button")
        .expect("the experiment is offered");
    assert!(listed.contains("Which experiment?"), "{listed}");
    p.send("\r").unwrap();
    p.flush().unwrap();
    let (shown, code) = finish(p);
    assert_eq!(code, 0, "{shown}");
    // The fixture's one experiment; its configs (pricing) are not offered.
    assert!(!format!("{listed}{shown}").contains("pricing"));
    // user-2 is in the Test group (rule 4), as tests/suite.rs works out from the hashes.
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["button_color"], "green");
}

#[test]
fn the_key_prompt_does_not_echo_and_the_key_can_be_stored() {
    let server = Server::start();
    let d = tempfile::tempdir().unwrap();
    let config = d.path().join("config");
    let saved = d.path().join("payload.json");
    let out = out_file(&d);
    let api = server.url();
    let mut p = on_pty(
        &[
            "specs",
            "pull",
            "--api",
            &api,
            "--out",
            saved.to_str().unwrap(),
        ],
        &[
            ("XDG_CONFIG_HOME", config.to_str().unwrap()),
            (
                "STATSIG_CACHE_DIR",
                d.path().join("cache").to_str().unwrap(),
            ),
        ],
        &out,
    );
    let before = p.exp_string("Server secret key").expect("the key prompt");
    // The prompt has turned echo off once it waits for input; give it a moment to.
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_line(KEY).unwrap();
    let between = p.exp_string("Store it in").expect("the offer to store it");
    p.send("y").unwrap();
    p.flush().unwrap();
    let (after, code) = finish(p);
    assert_eq!(code, 0, "{before}{between}{after}");
    let shown = format!("{before}{between}{after}");
    assert!(!shown.contains(KEY), "the key was echoed:\n{shown}");
    assert!(
        !shown.contains(support::KEY_TAIL),
        "part of the key was shown"
    );
    // The payload came with that key; the key file holds it, private to the user.
    assert_eq!(
        std::fs::read(&saved).unwrap(),
        support::read_shared("core_eval_proj_dcs.json")
    );
    let key_file = config.join("statsig").join("server-key");
    assert_eq!(
        std::fs::read_to_string(&key_file).unwrap(),
        format!("{KEY}\n")
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Later runs find the stored key without being told.
    let mut c = support::statsig();
    c.env("XDG_CONFIG_HOME", &config)
        .env("STATSIG_CACHE_DIR", d.path().join("cache2"))
        .args(["specs", "pull", "--api", &api, "--out"])
        .arg(d.path().join("again.json"));
    let again = support::run(c);
    assert_eq!(again.code, 0, "{}", again.stderr);
}

#[test]
fn a_declined_key_is_used_once_and_not_kept() {
    let server = Server::start();
    let d = tempfile::tempdir().unwrap();
    let config = d.path().join("config");
    let saved = d.path().join("payload.json");
    let out = out_file(&d);
    let mut p = on_pty(
        &[
            "specs",
            "pull",
            "--api",
            &server.url(),
            "--out",
            saved.to_str().unwrap(),
        ],
        &[
            ("XDG_CONFIG_HOME", config.to_str().unwrap()),
            (
                "STATSIG_CACHE_DIR",
                d.path().join("cache").to_str().unwrap(),
            ),
        ],
        &out,
    );
    p.exp_string("Server secret key").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_line(KEY).unwrap();
    p.exp_string("Store it in").unwrap();
    p.send("n").unwrap();
    p.flush().unwrap();
    let (shown, code) = finish(p);
    assert_eq!(code, 0, "{shown}");
    assert!(saved.is_file());
    assert!(!config.join("statsig").join("server-key").exists());
}

/// The run's whole terminal output and exit code, answering nothing.
fn unprompted(args: &[&str], env: &[(&str, &str)]) -> (String, i32) {
    let d = tempfile::tempdir().unwrap();
    let out = out_file(&d);
    let p = on_pty(args, env, &out);
    finish(p)
}

#[test]
fn no_input_and_ci_turn_every_prompt_off() {
    let missing_name = "error: the following required arguments were not provided";
    let no_user = "error: no user given";
    let no_specs = "error: no specs given";
    for (why, env, extra) in [
        ("--no-input", vec![], vec!["--no-input"]),
        ("CI=true", vec![("CI", "true")], vec![]),
        ("CI=1", vec![("CI", "1")], vec![]),
    ] {
        for (args, error) in [
            (
                vec!["check-gate", "--specs", FIXTURE, "--user-id", "1"],
                missing_name,
            ),
            (
                vec!["get-param-store", "--specs", FIXTURE, "--user-id", "1"],
                missing_name,
            ),
            (
                vec!["check-gate", "new_checkout", "--specs", FIXTURE],
                no_user,
            ),
            (vec!["specs", "pull", "--out", "/dev/null"], no_specs),
        ] {
            let mut a = args.clone();
            a.extend(&extra);
            let (shown, code) = unprompted(&a, &env);
            assert_eq!(code, 2, "{why} {a:?}: {shown}");
            assert!(shown.contains(error), "{why} {a:?}: {shown}");
            for prompt in ["Which", "userID", "Server secret key"] {
                assert!(!shown.contains(prompt), "{why} {a:?} prompted: {shown}");
            }
        }
    }
    // CI=false is not CI: the picker appears.
    let d = tempfile::tempdir().unwrap();
    let mut p = on_pty(
        &["check-gate", "--specs", FIXTURE, "--user-id", "1"],
        &[("CI", "false")],
        &out_file(&d),
    );
    p.exp_string("Which gate?").expect("CI=false prompts");
    p.send_control('c').unwrap();
}

#[test]
fn piped_stdin_keeps_todays_errors() {
    for (args, error) in [
        (
            vec!["check-gate", "--specs", FIXTURE, "--user-id", "1"],
            "error: the following required arguments were not provided:\n  <NAME>",
        ),
        (
            vec!["check-gate", "new_checkout", "--specs", FIXTURE],
            "error: no user given",
        ),
        (
            vec!["specs", "pull", "--out", "/dev/null"],
            "error: no specs given",
        ),
    ] {
        let mut c = support::statsig();
        c.args(&args).write_stdin("");
        let o = support::run(c);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(o.stderr.starts_with(error), "{args:?}: {}", o.stderr);
        assert!(o.stdout.is_empty());
    }
}
