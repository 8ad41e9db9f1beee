// mimalloc: spec loading is allocation-heavy, and the system allocator was a third of the
// cold-start instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    statsig::cli::run()
}
