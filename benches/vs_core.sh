#!/usr/bin/env bash
# Whole processes, start to exit: `statsig` against Statsig's official Rust core driven like
# the CLI (../shared/bench/rust-core), on ../shared/specs/core_eval_proj_dcs.json.
#
#   job 1  check-gate, cold: `statsig check-gate` vs `rust-core coldstart` (start, load, exit)
#   job 2  every entity for 5,000 users (value, rule_id, group_name, allocated experiment):
#          `statsig evaluate --fields ...` (--jobs 1, and all cores) vs `rust-core evalall`
#   job 3  client-initialize for 500 users, djb2: `statsig client-init --users` vs
#          `rust-core gcirall`
#
# The two sides run in turn (A B A B ...), at least 11 cold starts and 3 runs of each batch
# job, after one warm-up pair. Wall time is timed from spawn to reap; CPU time (user + sys) of
# each run comes from the kernel's accounting of the child; peak memory from GNU time (-f %M)
# in three more runs of each. Prints medians, the ratios core/statsig (how many times faster
# `statsig` is: the median of the per-pair ratios) and both peak memories.
# A benchmark, run by hand; it asserts nothing.
#
# usage: benches/vs_core.sh [COLD_RUNS] [BATCH_RUNS]
# env:   CORE_TARGET  where the core is built (default: $TMPDIR/statsig-core-bench; never
#                     inside the repository; the shared folder is read-only)
#        STATSIG_BIN  the binary to time (default: target/release/statsig, built here)
set -euo pipefail
cd "$(dirname "$0")/.."
COLD=${1:-21}
BATCH=${2:-5}
[ "$COLD" -ge 11 ] || { echo "at least 11 cold starts" >&2; exit 2; }
[ "$BATCH" -ge 3 ] || { echo "at least 3 batch runs" >&2; exit 2; }
CORE_SRC=../shared/bench/rust-core
CORE_TARGET=${CORE_TARGET:-${TMPDIR:-/tmp}/statsig-core-bench}
SPECS=../shared/specs/core_eval_proj_dcs.json

echo "building the core into $CORE_TARGET (the first time takes minutes)" >&2
cargo build --release --quiet --manifest-path "$CORE_SRC/Cargo.toml" --target-dir "$CORE_TARGET"
CORE="$CORE_TARGET/release/statsig-core-bench"
if [ -z "${STATSIG_BIN:-}" ]; then
  cargo build --release --quiet
  STATSIG_BIN=target/release/statsig
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

exec python3 - "$STATSIG_BIN" "$CORE" "$SPECS" "$TMP" "$COLD" "$BATCH" <<'PY'
import json, os, statistics, subprocess, sys, time

statsig, core, specs, tmp, cold, batch = sys.argv[1:7]
cold, batch = int(cold), int(batch)

def users(n, path):
    """n varied users (ids, emails, IPs, countries, user agents, versions, custom fields,
    custom ids), the same file for both sides."""
    countries = ["US", "CA", "DE", "JP", "BR", ""]
    uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "okhttp/4.9.3",
    ]
    with open(path, "w") as f:
        for i in range(n):
            u = {
                "userID": f"user-{i}",
                "email": f"person{i}@{'statsig.com' if i % 3 == 0 else 'example.com'}",
                "ip": f"{1 + i % 200}.{(i * 7) % 256}.{(i * 13) % 256}.{i % 256}",
                "country": countries[i % len(countries)],
                "userAgent": uas[i % len(uas)],
                "appVersion": f"{i % 5}.{i % 10}.{i % 3}",
                "custom": {"level": i % 100, "is_beta": i % 2 == 0},
                "customIDs": {"companyID": f"c{i % 50}", "stableID": f"s{i}"},
            }
            f.write(json.dumps(u) + "\n")
    return path

u5000 = users(5000, os.path.join(tmp, "users5000.ndjson"))
u500 = users(500, os.path.join(tmp, "users500.ndjson"))
fields = "user,value,rule_id,group_name,allocated_experiment_name"
med = statistics.median

def run(cmd):
    """One run: wall seconds and CPU seconds of the child."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {p.returncode}: {err.strip()}")
    return wall, ru.ru_utime + ru.ru_stime

def peak_kib(cmd, n=3):
    """Median peak memory of n runs under GNU time (a child forked from this Python would
    count the interpreter's pages before exec in its own maximum)."""
    out = os.path.join(tmp, "time.txt")
    vals = []
    for _ in range(n):
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        vals.append(int(open(out).read().split()[-1]))
    return med(vals)

def pair(a, b, n, warmup=1):
    """a and b in turn, n counted runs each after a warm-up."""
    for _ in range(warmup):
        run(a); run(b)
    ra, rb = [], []
    for _ in range(n):
        ra.append(run(a))
        rb.append(run(b))
    return ra, rb

jobs = [
    ("check-gate, cold", cold,
     [statsig, "check-gate", "test_public", "--specs", specs, "--user-id", "1"],
     [core, "coldstart", "--dcs", specs]),
    ("5,000 users, every entity, --jobs 1", batch,
     [statsig, "evaluate", "--specs", specs, "--users", u5000, "--fields", fields, "--jobs", "1"],
     [core, "evalall", "--dcs", specs, "--users", u5000]),
    ("5,000 users, every entity, all cores", batch,
     [statsig, "evaluate", "--specs", specs, "--users", u5000, "--fields", fields],
     [core, "evalall", "--dcs", specs, "--users", u5000]),
    ("client-init djb2, 500 users, --jobs 1", batch,
     [statsig, "client-init", "--specs", specs, "--users", u500, "--hash", "djb2", "--jobs", "1"],
     [core, "gcirall", "--dcs", specs, "--users", u500]),
]
print(f"{os.cpu_count()} CPUs; medians of A B A B ... runs; ratio = core / statsig, per pair")
print(f"{'job':40} {'runs':>4} {'statsig wall':>12} {'core wall':>10} {'ratio':>6} "
      f"{'cpu ratio':>9} {'statsig peak':>12} {'core peak':>10}")
for name, n, a, b in jobs:
    ra, rb = pair(a, b, n)
    wall = med([y[0] / x[0] for x, y in zip(ra, rb)])
    cpu = med([y[1] / x[1] for x, y in zip(ra, rb) if x[1] > 0] or [float("nan")])
    unit, k = ("ms", 1e3)
    print(f"{name:40} {n:>4} {med(x[0] for x in ra) * k:>9.1f} {unit} "
          f"{med(y[0] for y in rb) * k:>7.1f} {unit} {wall:>5.1f}x {cpu:>8.1f}x "
          f"{peak_kib(a) / 1024:>8.1f} MiB {peak_kib(b) / 1024:>6.1f} MiB")
PY
