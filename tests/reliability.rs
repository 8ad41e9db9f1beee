//! The contract scripts rely on (issue 10, items 1–4): exit codes that answer the question
//! asked, a complete `--strict`, suspicious input that fails or warns instead of silently
//! misleading, and output files written where they were asked for.

mod support;

use std::process::{Command, Stdio};
use std::sync::Arc;

use support::{FIXTURE, Fault, KEY_TAIL, Server, StatsigEnv, shared, statsig_process as statsig};

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(c: &mut Command) -> Out {
    let o = c.stdin(Stdio::null()).output().unwrap();
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(!out.stderr.contains(KEY_TAIL) && !out.stdout.contains(KEY_TAIL));
    out
}

// ------------------------------------------------------------------------------------
// 1. The exit code answers the question asked.

/// Lines of `stderr` that mention the exposures' delivery.
fn delivery_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("exposures not delivered"))
        .collect()
}

#[test]
fn exit_codes_answer_the_question_when_exposures_cannot_be_delivered() {
    // Every log_event request is refused with a 503 (retryable, so sending stops and the
    // batch stays spooled).
    let server = Server::events(Arc::new(|_| Some(Fault::Status(503, None))));
    let spool = tempfile::tempdir().unwrap();
    let side = |args: &[&str], strict: bool| {
        let mut c = statsig().key().spool(spool.path());
        c.args(args)
            .args(["--specs", FIXTURE, "--log-exposures", "--retries", "0"])
            .args(["--log-event-url", &server.log_event_url()]);
        if strict {
            c.arg("--strict-delivery");
        }
        run(&mut c)
    };
    let gate = |country: &'static str| {
        vec![
            "check-gate",
            "canada_promo",
            "--exit-code",
            "--user-id",
            "1",
            "--country",
            country,
        ]
    };
    // The gate's answer, whatever the delivery did; one warning line about it.
    for (country, want, stdout) in [("CA", 0, "true\n"), ("US", 1, "false\n")] {
        let out = side(&gate(country), false);
        assert_eq!(out.code, want, "{country}: {}", out.stderr);
        assert_eq!(out.stdout, stdout);
        assert_eq!(delivery_lines(&out.stderr).len(), 1, "{}", out.stderr);
        assert!(out.stderr.starts_with("warning: "), "{}", out.stderr);
        // With --strict-delivery the failed delivery decides: 3.
        let strict = side(&gate(country), true);
        assert_eq!(strict.code, 3, "{country}: {}", strict.stderr);
        assert_eq!(strict.stdout, stdout, "the answer is still printed");
    }
    // Every other command that logs exposures as a side effect follows the same rule.
    for args in [
        &["get-config", "pricing", "--user-id", "1"][..],
        &["get-experiment", "checkout_button", "--user-id", "1"],
        &["get-layer", "checkout_layer", "--user-id", "1"],
        &["evaluate", "--user-id", "1", "--json"],
        &["client-init", "--user-id", "1"],
    ] {
        let out = side(args, false);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            delivery_lines(&out.stderr).len(),
            1,
            "{args:?}: {}",
            out.stderr
        );
        let strict = side(args, true);
        assert_eq!(strict.code, 3, "{args:?}: {}", strict.stderr);
    }
    // Nothing was lost: the spool holds every run's exposures (4 check-gate runs, 10 others).
    let status = run(statsig()
        .spool(spool.path())
        .args(["events", "status", "--json"]));
    let st: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert!(st["events"].as_u64().unwrap() >= 14, "{st}");
    // --strict-delivery only means something with --log-exposures.
    let out = run(statsig().args(["check-gate", "x", "--strict-delivery", "--specs", FIXTURE]));
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_missing_key_for_exposures_names_a_flag_the_command_has() {
    let out = run(statsig().args([
        "check-gate",
        "canada_promo",
        "--log-exposures",
        "--specs",
        FIXTURE,
        "--user-id",
        "1",
    ]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no server key"), "{}", out.stderr);
    assert!(!out.stderr.contains("--no-send"), "{}", out.stderr);
    assert!(out.stderr.contains("--log-exposures"), "{}", out.stderr);
    // log-event has --no-send, and its hint says so.
    let out = run(statsig().args(["log-event", "x"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("--no-send"), "{}", out.stderr);
}

/// The commands listed under "Commands:" in `statsig PATH --help` (but `help`).
fn subcommands(path: &[String]) -> Vec<String> {
    let out = run(statsig().args(path).arg("--help"));
    out.stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_help_names_the_exit_codes_its_command_uses() {
    let mut todo: Vec<Vec<String>> = vec![vec![]];
    let mut leaves = 0;
    while let Some(path) = todo.pop() {
        let subs = subcommands(&path);
        let out = run(statsig().args(&path).arg("--help"));
        assert_eq!(out.code, 0, "{path:?}");
        let section: Vec<&str> = out
            .stdout
            .lines()
            .skip_while(|l| *l != "Exit codes:")
            .collect();
        assert!(
            section.len() > 2,
            "{path:?} --help has no exit codes:\n{}",
            out.stdout
        );
        assert!(section.iter().any(|l| l.starts_with("  0 ")), "{path:?}");
        // `-h` shows it too.
        let short = run(statsig().args(&path).arg("-h"));
        assert!(short.stdout.contains("\nExit codes:\n"), "{path:?}");
        if subs.is_empty() {
            leaves += 1;
        }
        todo.extend(subs.into_iter().map(|s| {
            let mut p = path.clone();
            p.push(s);
            p
        }));
    }
    assert!(leaves >= 20, "{leaves} commands");
    // Each answers its own question: check-gate's 1, specs diff's 1, log-event's 3.
    let help = |args: &[&str]| run(statsig().args(args).arg("--help")).stdout;
    assert!(help(&["check-gate"]).contains("  1   the gate failed"));
    assert!(help(&["specs", "diff"]).contains("  1   the payloads differ"));
    assert!(help(&["log-event"]).contains("  3   the event was not delivered"));
    assert!(help(&["evaluate"]).contains("--strict-delivery"));
}

// ------------------------------------------------------------------------------------
// 2. `--strict` is complete; without it every unknown name warns with a did-you-mean.

const STORES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/sdk/param_stores.json"
);

#[test]
fn an_unknown_layer_parameter_is_an_error_with_strict_and_a_warning_without() {
    let base = [
        "get-layer",
        "checkout_layer",
        "button_colour",
        "--user-id",
        "1",
    ];
    let out = run(statsig().args(base).args(["--specs", FIXTURE, "--strict"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("no parameter \"button_colour\" (did you mean `button_color`?)"),
        "{}",
        out.stderr
    );
    let out = run(statsig().args(base).args(["--specs", FIXTURE]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "null\n");
    assert!(
        out.stderr.starts_with("warning: ") && out.stderr.contains("did you mean `button_color`?"),
        "{}",
        out.stderr
    );
    // A known parameter: no warning, with or without --strict.
    let out = run(statsig()
        .args([
            "get-layer",
            "checkout_layer",
            "button_color",
            "--user-id",
            "1",
            "--strict",
        ])
        .args(["--specs", FIXTURE]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
}

#[test]
fn every_kind_of_unknown_name_warns_with_a_did_you_mean() {
    // (command, the name's place in the message, the suggestion); the names are one edit
    // away from the fixture's (a hand check against fixtures/demo_dcs.json and
    // fixtures/sdk/param_stores.json).
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["check-gate", "new_chekout", "--specs", FIXTURE],
            "new_chekout",
            "new_checkout",
        ),
        (
            vec!["get-config", "pricng", "--specs", FIXTURE],
            "pricng",
            "pricing",
        ),
        (
            vec!["get-experiment", "checkout_buton", "--specs", FIXTURE],
            "checkout_buton",
            "checkout_button",
        ),
        (
            vec!["get-layer", "checkout_layr", "--specs", FIXTURE],
            "checkout_layr",
            "checkout_layer",
        ),
        (
            vec![
                "evaluate",
                "--gate",
                "canada_promoo",
                "--json",
                "--specs",
                FIXTURE,
            ],
            "canada_promoo",
            "canada_promo",
        ),
        (
            vec![
                "evaluate",
                "--layer",
                "checkout_layr",
                "--json",
                "--specs",
                FIXTURE,
            ],
            "checkout_layr",
            "checkout_layer",
        ),
        (
            vec!["get-param-store", "every_knd", "--specs", STORES],
            "every_knd",
            "every_kind",
        ),
        (
            vec![
                "get-param-store",
                "every_kind",
                "static_strin",
                "--specs",
                STORES,
            ],
            "static_strin",
            "static_string",
        ),
        (
            vec![
                "evaluate",
                "--param-store",
                "every_knd",
                "--json",
                "--specs",
                STORES,
            ],
            "every_knd",
            "every_kind",
        ),
    ];
    for (args, name, want) in &cases {
        let out = run(statsig().args(args).args(["--user-id", "1"]));
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let line = out
            .stderr
            .lines()
            .find(|l| l.contains(&format!("{name:?}")))
            .unwrap_or_else(|| panic!("{args:?}: no warning naming {name}: {}", out.stderr));
        assert!(line.starts_with("warning: "), "{line}");
        assert!(
            line.contains(&format!("did you mean `{want}`")),
            "{args:?}: {line}"
        );
        // --strict turns each into an error that keeps the suggestion.
        let strict = run(statsig().args(args).args(["--user-id", "1", "--strict"]));
        assert_eq!(strict.code, 2, "{args:?} --strict: {}", strict.stderr);
        assert!(
            strict.stderr.contains(&format!("did you mean `{want}`")),
            "{args:?}: {}",
            strict.stderr
        );
    }
    // `specs show` of a misspelt name (an error: there is nothing to show) names it too.
    let out = run(statsig().args(["specs", "show", "new_chekout", "--specs", FIXTURE]));
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("similar names: new_checkout"),
        "{}",
        out.stderr
    );
}

// ------------------------------------------------------------------------------------
// 3. Suspicious input warns or fails, never silently misleads.

#[test]
fn a_client_initialize_response_given_as_specs_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let ci = dir.path().join("ci.json");
    let made = run(statsig()
        .args([
            "client-init",
            "--hash",
            "none",
            "--user-id",
            "1",
            "--specs",
            FIXTURE,
            "--out",
        ])
        .arg(&ci));
    assert_eq!(made.code, 0, "{}", made.stderr);
    for cmd in [
        &["check-gate", "new_checkout"][..],
        &["evaluate"],
        &["specs", "list"],
    ] {
        let out = run(statsig()
            .args(cmd)
            .args(["--user-id", "1"].iter().filter(|_| cmd[0] != "specs"))
            .arg("--specs")
            .arg(&ci));
        assert_eq!(out.code, 2, "{cmd:?}: {}", out.stdout);
        assert_eq!(out.stdout, "", "{cmd:?}");
        assert!(
            out.stderr.contains("is a client-initialize response"),
            "{cmd:?}: {}",
            out.stderr
        );
    }
    // Also when hashed and without the top-level markers: the entries give it away.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&ci).unwrap()).unwrap();
    for k in ["hash_used", "evaluated_keys", "derived_fields", "user"] {
        v.as_object_mut().unwrap().remove(k);
    }
    std::fs::write(&ci, v.to_string()).unwrap();
    let out = run(statsig()
        .args(["check-gate", "new_checkout", "--user-id", "1", "--specs"])
        .arg(&ci));
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_missing_id_list_warns_once_per_list() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    let lines: String = (0..50)
        .map(|i| format!("{{\"userID\":\"u{i}\",\"customIDs\":{{\"companyID\":\"c{i}\"}}}}\n"))
        .collect();
    std::fs::write(&users, lines).unwrap();
    let specs = shared("core_eval_proj_dcs.json");
    let out = run(statsig()
        .args(["evaluate", "--jobs", "3", "--users"])
        .arg(&users)
        .arg("--specs")
        .arg(&specs));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warned: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("id list \"company_id_list\""))
        .collect();
    assert_eq!(warned.len(), 1, "{}", out.stderr);
    // With the list given there is nothing to warn about.
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::copy(
        shared("core_company_id_list"),
        lists.join("company_id_list"),
    )
    .unwrap();
    let out = run(statsig()
        .args(["evaluate", "--users"])
        .arg(&users)
        .arg("--specs")
        .arg(&specs)
        .arg("--id-lists")
        .arg(&lists));
    assert!(!out.stderr.contains("id list"), "{}", out.stderr);
}

#[test]
fn keep_going_skips_counts_and_exits_2_the_same_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(
        &users,
        b"{\"userID\":\"a\"}\n\xff\xfe not utf-8\n{bad json\n{\"userID\":\"b\"}\n",
    )
    .unwrap();
    let events = dir.path().join("events.ndjson");
    std::fs::write(
        &events,
        b"{\"eventName\":\"a\"}\n\xff\xfe not utf-8\n{bad json\n{\"eventName\":\"b\"}\n",
    )
    .unwrap();
    let spool = tempfile::tempdir().unwrap();
    let runs: Vec<(&str, Out)> = vec![
        (
            "evaluate",
            run(statsig()
                .args([
                    "evaluate",
                    "--keep-going",
                    "--gate",
                    "new_checkout",
                    "--specs",
                    FIXTURE,
                ])
                .arg("--users")
                .arg(&users)),
        ),
        (
            "client-init",
            run(statsig()
                .args(["client-init", "--keep-going", "--specs", FIXTURE])
                .arg("--users")
                .arg(&users)),
        ),
        (
            "report",
            run(statsig()
                .args(["report", "--keep-going", "--json", "--specs", FIXTURE])
                .arg("--users")
                .arg(&users)),
        ),
        (
            "log-events",
            run(statsig()
                .spool(spool.path())
                .args(["log-events", "--keep-going", "--no-send", "--file"])
                .arg(&events)),
        ),
    ];
    for (cmd, out) in &runs {
        assert_eq!(out.code, 2, "{cmd}: {}", out.stderr);
        let input = if *cmd == "log-events" {
            &events
        } else {
            &users
        };
        let at = |n: u32| format!("warning: skipped {}:{n}: ", input.display());
        assert!(
            out.stderr
                .contains(&format!("{}the line is not valid UTF-8", at(2))),
            "{cmd}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(&at(3)), "{cmd}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("statsig: 2 of 4 lines skipped (see above)"),
            "{cmd}: {}",
            out.stderr
        );
    }
    // The good lines were all handled: two records, two responses, two events.
    assert_eq!(runs[0].1.stdout.lines().count(), 2);
    assert_eq!(runs[1].1.stdout.lines().count(), 2);
    assert!(
        runs[3].1.stderr.contains("2 accepted"),
        "{}",
        runs[3].1.stderr
    );
    // With -q the per-line warnings are silenced, so the summary must not point "above".
    let out = run(statsig()
        .args([
            "evaluate",
            "-q",
            "--keep-going",
            "--gate",
            "new_checkout",
            "--specs",
            FIXTURE,
        ])
        .arg("--users")
        .arg(&users));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim_end(),
        "statsig: 2 of 4 lines skipped (run without -q to see which)"
    );
    // Without --keep-going the first bad line stops evaluate, naming it.
    let out = run(statsig()
        .args(["evaluate", "--gate", "new_checkout", "--specs", FIXTURE])
        .arg("--users")
        .arg(&users));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(&format!(
            "{}:2: the line is not valid UTF-8",
            users.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn an_overrides_file_naming_unknown_entities_or_keys_warns_with_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("o.json");
    std::fs::write(
        &json,
        r#"{"gate": {"new_checkout": true},
            "gates": {"new_chekout": true, "canada_promo": true},
            "configs": {"pricng": {"price": 1}},
            "layers": {"checkout_layer": {"button_color": "red"}}}"#,
    )
    .unwrap();
    let yaml = dir.path().join("o.yaml");
    std::fs::write(
        &yaml,
        "gate:\n  new_checkout: true\ngates:\n  new_chekout: true\n  canada_promo: true\n\
         configs:\n  pricng:\n    price: 1\n",
    )
    .unwrap();
    for file in [&json, &yaml] {
        let out = run(statsig()
            .args([
                "check-gate",
                "canada_promo",
                "--user-id",
                "1",
                "--specs",
                FIXTURE,
            ])
            .arg("--overrides")
            .arg(file));
        assert_eq!(out.code, 0, "{}", out.stderr);
        // The valid entry still applies.
        assert_eq!(out.stdout, "true\n");
        let f = file.display().to_string();
        for want in [
            format!("warning: {f}: unknown key \"gate\", ignored (did you mean `gates`?)"),
            format!(
                "warning: {f}: gates.new_chekout: no gate named \"new_chekout\" in the specs \
                 (did you mean `new_checkout`?)"
            ),
            format!(
                "warning: {f}: configs.pricng: no dynamic config or experiment named \"pricng\" \
                 in the specs (did you mean `pricing`?)"
            ),
        ] {
            assert!(
                out.stderr.lines().any(|l| l == want),
                "{want}\n{}",
                out.stderr
            );
        }
        assert!(!out.stderr.contains("checkout_layer"), "{}", out.stderr);
    }
    // Override flags too.
    let out = run(statsig().args([
        "check-gate",
        "new_checkout",
        "--user-id",
        "1",
        "--specs",
        FIXTURE,
        "--override-gate",
        "new_chekout=true",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `new_checkout`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn inputs_that_cannot_go_together_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(&users, "{\"userID\":\"a\"}\n").unwrap();
    let users = users.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        // Two inputs on stdin: one would read nothing.
        (
            vec!["check-gate", "new_checkout", "--specs", "-", "--user", "-"],
            "--specs - and --user -",
        ),
        (
            vec!["get-config", "pricing", "--specs", "-", "--user", "-"],
            "--specs - and --user -",
        ),
        (
            vec!["evaluate", "--specs", "-", "--users", "-"],
            "--specs - and --users -",
        ),
        (
            vec!["client-init", "--specs", "-", "--users", "-"],
            "--specs - and --users -",
        ),
        (
            vec!["report", "--specs", "-", "--users", "-"],
            "--specs - and --users -",
        ),
        // A stream of users with one user's flags: one of them would be dropped.
        (
            vec![
                "evaluate",
                "--specs",
                FIXTURE,
                "--users",
                users,
                "--user-id",
                "1",
            ],
            "--user-id",
        ),
        (
            vec![
                "evaluate", "--specs", FIXTURE, "--users", users, "--email", "a@b.c",
            ],
            "--email",
        ),
        (
            vec![
                "evaluate", "--specs", FIXTURE, "--users", users, "--user", "{}",
            ],
            "--user",
        ),
        (
            vec![
                "client-init",
                "--specs",
                FIXTURE,
                "--users",
                users,
                "--user-id",
                "1",
            ],
            "--user-id",
        ),
        (
            vec![
                "client-init",
                "--specs",
                FIXTURE,
                "--users",
                users,
                "--country",
                "CA",
            ],
            "--country",
        ),
    ];
    for (args, names) in &cases {
        let mut c = statsig();
        c.args(args).stdin(Stdio::piped());
        let mut child = c
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Something is on stdin, so a run that read it would not fail for want of input.
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(std::fs::read(FIXTURE).unwrap().as_slice());
        }
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains(names), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

// ------------------------------------------------------------------------------------
// 4. Output files: one writer for every command that writes one.

/// Names in `dir`, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The commands that write a file a user names, each writing to `dest`.
fn writers(dest: &std::path::Path) -> Vec<(&'static str, Command)> {
    let suite = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/suites");
    let mut ci = statsig();
    ci.args(["client-init", "--user-id", "1", "--specs", FIXTURE, "--out"])
        .arg(dest);
    let mut pull = statsig();
    pull.args(["specs", "pull", "--specs", FIXTURE, "--out"])
        .arg(dest);
    let mut junit = statsig();
    junit
        .args(["test", suite, "--specs", FIXTURE, "--junit"])
        .arg(dest);
    vec![
        ("client-init", ci),
        ("specs pull", pull),
        ("test --junit", junit),
    ]
}

#[test]
fn out_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.json");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("target.json", &link).unwrap();
    for (name, mut c) in writers(&link) {
        std::fs::write(&target, "old").unwrap();
        let out = run(&mut c);
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
        let meta = std::fs::symlink_metadata(&link).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "{name}: the link was replaced"
        );
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.len() > 10 && written != "old", "{name}: {written}");
        assert_eq!(names_in(dir.path()), ["link.json", "target.json"], "{name}");
    }
}

#[test]
fn out_into_a_fifo_or_a_device_writes_into_it_instead_of_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    // A FIFO we make: a reader drains it while the command writes.
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for (name, mut c) in writers(&fifo) {
        let path = fifo.clone();
        let reader = std::thread::spawn(move || std::fs::read_to_string(path).unwrap());
        let out = run(&mut c);
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
        let got = reader.join().unwrap();
        assert!(got.len() > 10, "{name}: {got:?}");
        let ft = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(ft.is_fifo(), "{name}: the FIFO was replaced");
        assert_eq!(names_in(dir.path()), ["pipe"], "{name}");
    }
    // A symbolic link to /dev/null: written into, /dev/null stays a device (as root,
    // renaming over it would have replaced /dev/null itself).
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    for (name, mut c) in writers(&null) {
        let out = run(&mut c);
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
        let ft = std::fs::metadata("/dev/null").unwrap().file_type();
        assert!(ft.is_char_device(), "/dev/null is no longer a device");
        assert!(
            std::fs::symlink_metadata(&null)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let tmp: Vec<_> = std::fs::read_dir("/dev")
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".null.tmp-"))
            .collect();
        assert!(tmp.is_empty(), "{name}: a temporary file was left in /dev");
    }
    // A device node of our own (root only): the same major/minor as /dev/null.
    let node = dir.path().join("node");
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .output();
    match made {
        Ok(o) if o.status.success() => {
            for (name, mut c) in writers(&node) {
                let out = run(&mut c);
                assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
                let ft = std::fs::symlink_metadata(&node).unwrap().file_type();
                assert!(ft.is_char_device(), "{name}: the device node was replaced");
            }
        }
        _ => eprintln!("SKIPPED: mknod needs root; the device-node case was not run"),
    }
}

#[test]
fn out_dash_is_stdout_and_missing_folders_are_made_for_every_writer() {
    let out = run(statsig().args([
        "client-init",
        "--user-id",
        "1",
        "--specs",
        FIXTURE,
        "--out",
        "-",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v["feature_gates"].is_object());
    let out = run(statsig().args(["specs", "pull", "--specs", FIXTURE, "--out", "-"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.as_bytes(), std::fs::read(FIXTURE).unwrap());

    let dir = tempfile::tempdir().unwrap();
    for i in 0..writers(dir.path()).len() {
        // A fresh folder tree per command.
        let dest = dir.path().join(format!("{i}/deeper/out.txt"));
        let (name, mut c) = writers(&dest).swap_remove(i);
        let out = run(&mut c);
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
        assert!(std::fs::metadata(&dest).unwrap().len() > 10, "{name}");
    }
    // A folder given as the file: one clear line, no panic.
    let out = run(statsig()
        .args(["client-init", "--user-id", "1", "--specs", FIXTURE, "--out"])
        .arg(dir.path()));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("is a directory"), "{}", out.stderr);
}

#[test]
fn an_interrupted_write_removes_its_temporary_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&users).unwrap());
    for i in 0..400_000 {
        writeln!(
            f,
            "{{\"userID\":\"user-{i}\",\"email\":\"u{i}@example.com\"}}"
        )
        .unwrap();
    }
    drop(f);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        let dest = out_dir.join("ci.ndjson");
        let mut child = statsig()
            .args(["client-init", "--jobs", "1", "--specs", FIXTURE, "--users"])
            .arg(&users)
            .arg("--out")
            .arg(&dest)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait (hang guard: two minutes) until the temporary file holds some output.
        let started = std::time::Instant::now();
        let tmp = loop {
            let found = std::fs::read_dir(&out_dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .find(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with(".ci.ndjson.tmp-")
                        && e.metadata().is_ok_and(|m| m.len() > 0)
                });
            if let Some(e) = found {
                break e.path();
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "finished before the signal"
            );
            assert!(started.elapsed() < std::time::Duration::from_secs(120));
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "SIG{signal}: {stderr}");
        assert!(
            !tmp.exists(),
            "SIG{signal}: {} was left behind",
            tmp.display()
        );
        assert_eq!(names_in(&out_dir), Vec::<String>::new(), "SIG{signal}");
    }
}

#[test]
fn printers_exit_quietly_when_the_reader_closes_the_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    let lines: String = (0..20_000)
        .map(|i| format!("{{\"userID\":\"u{i}\"}}\n"))
        .collect();
    std::fs::write(&users, lines).unwrap();
    let users = users.to_str().unwrap();
    let shared_specs = shared("core_eval_proj_dcs.json");
    let shared_specs = shared_specs.to_str().unwrap();
    // (arguments, exit code): a command whose exit code is its answer still gives it.
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (
            vec![
                "check-gate",
                "canada_promo",
                "--exit-code",
                "--specs",
                FIXTURE,
                "--country",
                "US",
            ],
            1,
        ),
        (vec!["specs", "diff", FIXTURE, shared_specs], 1),
    ]
    .into_iter()
    .chain(
        [
            vec!["completions", "bash"],
            vec!["completions", "zsh"],
            vec!["man"],
            vec!["--help"],
            vec!["evaluate", "--help"],
            vec!["specs", "list", "--specs", FIXTURE],
            vec!["specs", "show", "new_checkout", "--specs", FIXTURE],
            vec!["evaluate", "--specs", FIXTURE, "--users", users],
            vec!["client-init", "--specs", FIXTURE, "--users", users],
            vec![
                "check-gate",
                "new_checkout",
                "--specs",
                FIXTURE,
                "--user-id",
                "1",
            ],
        ]
        .into_iter()
        .map(|args| (args, 0)),
    )
    .collect();
    for (args, want) in &cases {
        // `statsig ARGS | head -c 0`: the pipe is closed before anything is written, so
        // every write fails (EPIPE), the first one included.
        let mut child = statsig()
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
        assert_eq!(o.status.code(), Some(*want), "{args:?}: {stderr}");
    }
}

// ------------------------------------------------------------------------------------
// Bounded resources (issue 10, item 7): what the cap costs in memory.

/// Peak resident memory (KiB) of `statsig ARGS` as GNU time reports it, with the run's
/// output; `None` (said on stderr) when /usr/bin/time is not installed.
fn peak_kib(env: &[(&str, &str)], args: &[&str]) -> Option<(u64, std::process::Output)> {
    if Command::new("/usr/bin/time").arg("true").output().is_err() {
        assert!(
            std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_none(),
            "/usr/bin/time not found, and STATSIG_REQUIRE_ALL_TESTS forbids skipping"
        );
        eprintln!("SKIPPED: /usr/bin/time not found (apt-get install -y time)");
        return None;
    }
    let mut c = Command::new("/usr/bin/time");
    support::clean_env(&mut c);
    c.args(["-f", "peak-kib %M"])
        .arg(assert_cmd::cargo::cargo_bin!("statsig"))
        .args(args)
        .envs(env.iter().copied());
    let o = c.stdin(Stdio::null()).output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    let kib = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kib "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in {stderr}"));
    Some((kib, o))
}

#[test]
fn a_gzip_bomb_stops_at_the_cap_without_holding_twice_the_cap() {
    let server = Server::start();
    // 300 MiB of zeros once inflated (one 1 MiB member, repeated): past the 256 MiB cap.
    let bomb = support::gzip(&vec![0u8; 1 << 20]).repeat(300);
    assert!(bomb.len() < 1 << 20, "the bomb is small on the wire");
    server.fault(
        "dcs",
        Fault::Reply(200, vec![("Content-Encoding", "gzip".into())], bomb),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("specs.json");
    let cache = dir.path().join("cache");
    let Some((kib, o)) = peak_kib(
        &[
            ("STATSIG_SERVER_SECRET", support::KEY),
            ("STATSIG_CACHE_DIR", cache.to_str().unwrap()),
        ],
        &[
            "specs",
            "pull",
            "--no-id-lists",
            "--retries",
            "0",
            "--api",
            &server.url(),
            "--out",
            out.to_str().unwrap(),
        ],
    ) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("larger than 256 MiB once decompressed"),
        "{stderr}"
    );
    eprintln!(
        "peak memory on a 300 MiB gzip bomb: {} MiB (cap 256 MiB)",
        kib >> 10
    );
    // The cap's worth of inflated bytes and the process itself, not twice the cap.
    assert!(kib < 320 << 10, "peak {} MiB", kib >> 10);
}
