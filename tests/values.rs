//! Script-friendly values: `--field PATH` and `-r/--raw`.

mod support;

use support::statsig;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo_dcs.json");

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = statsig()
        .args(args)
        .args(["--specs", FIXTURE, "--user-id", "1"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn field_and_raw() {
    // The fixture's pricing default: {"currency":"USD","discount":0,"plans":["basic","pro"]}.
    assert_eq!(
        run(&["get-config", "pricing", "--field", "currency", "-r"]).1,
        "USD\n"
    );
    assert_eq!(
        run(&["get-config", "pricing", "--field", "currency"]).1,
        "\"USD\"\n"
    );
    assert_eq!(
        run(&["get-config", "pricing", "--field", "plans.1", "--raw"]).1,
        "pro\n"
    );
    assert_eq!(
        run(&["get-config", "pricing", "--field", "plans", "-r"]).1,
        "[\"basic\",\"pro\"]\n"
    );
    assert_eq!(
        run(&["get-config", "pricing", "--field", "discount", "-r"]).1,
        "0\n"
    );
    assert_eq!(
        run(&["get-layer", "checkout_layer", "button_color", "-r"]).1,
        "blue\n"
    );
}

#[test]
fn a_missing_field_is_one_line_naming_the_fields_there_are() {
    let (code, out, err) = run(&["get-config", "pricing", "--field", "plan"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "error: \"pricing\": no field \"plan\" in the value (fields: currency, discount, plans)\n"
    );
}
