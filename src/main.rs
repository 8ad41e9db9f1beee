// mimalloc: spec loading is allocation-heavy, and the system allocator was a third of the
// cold-start instructions. Built without transparent huge pages (feature `no_thp`): with them
// every touched 2 MiB region became resident, doubling a cold start's peak memory. mimalloc 2
// (feature `v2`) rather than 3, whose start-up zeroes arena bitmaps: a cold check-gate has
// ~25 fewer page faults and ~0.8 MiB less peak memory; the batch jobs run as fast with either.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    statsig::cli::run()
}
