//! Links the `statsig` executable position-dependent on Linux. A position-independent
//! executable spends about a millisecond of every start applying ~11,600 relative
//! relocations (and faulting in the pages they write), which is a third of a cold
//! `check-gate`; a CLI started once per answer gains more from skipping that than from
//! randomizing its own image's address (libraries, heap and stack stay randomized).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
