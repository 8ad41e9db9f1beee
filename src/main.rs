fn main() {
    std::process::exit(statsig::cli::main());
}
