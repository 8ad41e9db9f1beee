#!/usr/bin/env python3
"""Population throughput and memory of the release binary (a benchmark, not a test).

Prints users per second for `statsig evaluate --fields value` (and `value,rule_id,group_name`)
and `statsig report` over 100,000 varied users of ../shared/specs/core_eval_proj_dcs.json
(every entity of the file), at --jobs 1 and at all cores, and the peak RSS of each command
over 1,000,000 users streamed through stdin.

usage: benches/population.py [path/to/statsig] [--users N] [--big N] [--runs N]
(default: target/release/statsig, built first when missing)
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = os.path.join(ROOT, "..", "shared", "specs", "core_eval_proj_dcs.json")

COUNTRIES = ["US", "CA", "DE", "JP", "BR", ""]
UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/140.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "okhttp/4.9.3",
]


def user(i):
    """The varied user of benches/common (ids, email, IP, country, UA, custom ids, tier)."""
    return json.dumps(
        {
            "userID": f"user-{i}",
            "email": f"person{i}@{'statsig.com' if i % 3 == 0 else 'example.com'}",
            "ip": f"{1 + i % 200}.{(i * 7) % 256}.{(i * 13) % 256}.{i % 256}",
            "country": COUNTRIES[i % len(COUNTRIES)],
            "userAgent": UAS[i % len(UAS)],
            "appVersion": f"{i % 5}.{i % 10}.{i % 3}",
            "custom": {"level": i % 100, "is_beta": i % 2 == 0},
            "privateAttributes": {"secret": i},
            "customIDs": {"companyID": f"c{i % 50}", "stableID": f"s{i}"},
            "statsigEnvironment": {"tier": "staging" if i % 4 == 0 else "production"},
        },
        separators=(",", ":"),
    )


def run(cmd, stdin_path=None, feed=None):
    """Runs `cmd` (output discarded); returns (seconds, CPU seconds, peak RSS in MiB)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.PIPE
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL)
    if feed:
        t = threading.Thread(target=feed, args=(p.stdin,))
        t.start()
    _, status, rusage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if feed:
        t.join()
    if stdin_path:
        stdin.close()
    if status != 0:
        sys.exit(f"{' '.join(cmd)}: exit status {status}")
    return elapsed, rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss / 1024


def commands(statsig):
    base = ["--specs", SPECS, "--users", "-"]
    return [
        ("evaluate --fields value", [statsig, "evaluate", *base, "--fields", "value"]),
        (
            "evaluate --fields value,rule_id,group_name",
            [statsig, "evaluate", *base, "--fields", "value,rule_id,group_name"],
        ),
        ("report", [statsig, "report", *base, "--format", "json"]),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("statsig", nargs="?", default=os.path.join(ROOT, "target/release/statsig"))
    ap.add_argument("--users", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.statsig):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    cores = os.cpu_count() or 1

    with tempfile.TemporaryDirectory() as tmp:
        users = os.path.join(tmp, "users.ndjson")
        with open(users, "w") as f:
            for i in range(a.users):
                f.write(user(i) + "\n")
        print(f"{a.users:,} users, {os.path.basename(SPECS)}, {cores} cores; "
              f"best (median) of {a.runs} runs")
        for label, cmd in commands(a.statsig):
            for jobs in sorted({1, cores}):
                runs = [run(cmd + ["--jobs", str(jobs)], stdin_path=users) for _ in range(a.runs)]
                times = [r[0] for r in runs]
                cpu = min(r[1] for r in runs)
                best, med = min(times), statistics.median(times)
                # Users per CPU-second: what one core gives, whatever else the machine runs.
                print(f"  {label:<44} --jobs {jobs}: {a.users / best:>10,.0f} users/s "
                      f"({a.users / med:,.0f}); {a.users / cpu:,.0f} users per CPU-second")

    def feed(pipe):
        chunk = []
        for i in range(a.big):
            chunk.append(user(i))
            if len(chunk) == 10_000:
                pipe.write(("\n".join(chunk) + "\n").encode())
                chunk = []
        if chunk:
            pipe.write(("\n".join(chunk) + "\n").encode())
        pipe.close()

    print(f"peak RSS over {a.big:,} users streamed through stdin, --jobs {cores}:")
    for label, cmd in commands(a.statsig):
        _, _, rss = run(cmd + ["--jobs", str(cores)], feed=feed)
        print(f"  {label:<44} {rss:6.1f} MiB")


if __name__ == "__main__":
    main()
