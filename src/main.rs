// mimalloc: spec loading is allocation-heavy, and the system allocator was a third of the
// cold-start instructions. Built without transparent huge pages (feature `no_thp`): with them
// every touched 2 MiB region became resident, doubling a cold start's peak memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    statsig::cli::run()
}
