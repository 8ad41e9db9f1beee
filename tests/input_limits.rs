//! Input lines have a length cap: a line longer than 16 MiB (a file without newlines, a
//! binary) fails with one clear line naming the input and the line, exit 2.

mod support;

use support::*;

/// Two good lines, then 20 MiB without a newline.
fn input(good: &str) -> Vec<u8> {
    let mut text = format!("{good}\n{good}\n").into_bytes();
    text.extend(std::iter::repeat_n(b'x', 20 << 20));
    text
}

#[test]
fn an_overlong_event_line_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = statsig()
        .spool(dir.path())
        .args(["log-events", "--no-send", "--file", "-"])
        .write_stdin(input(r#"{"eventName":"e","time":1700000000000}"#))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("stdin:3: the line is longer than 16 MiB"),
        "{err}"
    );
    // The two good events before it stay accepted.
    assert!(err.contains("2 accepted"), "{err}");
}

#[test]
fn an_overlong_user_line_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(&users, input(r#"{"userID":"a"}"#)).unwrap();
    let o = statsig()
        .spool(dir.path())
        .args(["evaluate", "--specs", FIXTURE, "--json", "--users"])
        .arg(&users)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "{}:3: the line is longer than 16 MiB",
            users.display()
        )),
        "{err}"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}
