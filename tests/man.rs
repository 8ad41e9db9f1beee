//! The committed manual pages in `man/` match the CLI (regenerate with
//! `cargo run -- man --dir man`).

mod support;

use support::statsig;

#[test]
fn committed_man_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    statsig()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let names = |d: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .map(|r| {
                r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let fresh = names(dir.path());
    assert!(fresh.contains(&"statsig.1".to_string()), "{fresh:?}");
    assert_eq!(
        names(&committed),
        fresh,
        "man/ is stale: run `cargo run -- man --dir man`"
    );
    for name in fresh {
        let a = std::fs::read(dir.path().join(&name)).unwrap();
        let b = std::fs::read(committed.join(&name)).unwrap();
        assert!(
            a == b,
            "man/{name} is stale: run `cargo run -- man --dir man`"
        );
    }
    // Without --dir: the top page on stdout.
    let out = statsig().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(".ie \\n(.g .ds Aq"));
}
