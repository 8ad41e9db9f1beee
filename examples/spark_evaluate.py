#!/usr/bin/env python3
"""Evaluate a population of users with `statsig` on Spark.

`statsig evaluate --users -` is a stateless filter: NDJSON users in, one record per user out,
in the same order. So a Spark job only pipes each partition through it (`rdd.pipe`). The
specs file (and, if the executors do not have it, the `statsig` binary) travel with the job:

    spark-submit --files specs.json,/usr/local/bin/statsig \\
        examples/spark_evaluate.py hdfs:///users/ hdfs:///evaluations/ \\
        --fields value,rule_id,group_name

`--files` puts the files in each executor's working directory (YARN, Kubernetes, standalone
clusters), which is where the piped command looks for them (`./statsig`, `specs.json`).
Records come out in the order of the users inside each partition; with `--fields` not
listing `user`, zip the output with the input by position (`rdd.zip`) to join them.

For population statistics, pipe each partition through `statsig report --format json`,
collect the parts and merge them on the driver with `statsig report --merge`.

`--local N` runs the same pipeline without Spark: the input file is cut into N partitions
and each is piped through the same command, as `rdd.pipe` would (used by the tests).
"""

import argparse
import os
import shlex
import subprocess
import sys


def evaluate_command(statsig, specs, fields, jobs):
    """The command every partition is piped through (one user per line on stdin)."""
    cmd = [statsig, "evaluate", "--specs", specs, "--users", "-"]
    if fields:
        cmd += ["--fields", fields]
    # Spark runs one task per core already: one evaluating thread per task.
    cmd += ["--jobs", str(jobs)]
    return cmd


def run_spark(args, cmd):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("statsig-evaluate").getOrCreate()
    users = spark.sparkContext.textFile(args.users)
    users.pipe(" ".join(shlex.quote(c) for c in cmd)).saveAsTextFile(args.out)
    spark.stop()


def run_local(args, cmd, partitions):
    """What rdd.pipe does, on this machine: each partition through its own process."""
    with open(args.users, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    size = max(1, -(-len(lines) // partitions))
    with open(args.out, "w", encoding="utf-8") as out:
        for start in range(0, len(lines), size):
            part = "".join(lines[start : start + size])
            done = subprocess.run(
                cmd, input=part, capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                sys.exit(done.returncode)
            out.write(done.stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("users", help="NDJSON users (a path Spark can read)")
    p.add_argument("out", help="where the evaluation records go")
    p.add_argument("--specs", default="specs.json", help="the payload shipped with --files")
    p.add_argument("--fields", default="value,rule_id,group_name")
    p.add_argument(
        "--statsig",
        default="./statsig" if os.path.exists("statsig") else "statsig",
        help="the statsig binary (shipped with --files, or on the executors' PATH)",
    )
    p.add_argument("--jobs", type=int, default=1, help="threads per partition")
    p.add_argument("--local", type=int, metavar="N", help="no Spark: N local partitions")
    args = p.parse_args()
    cmd = evaluate_command(args.statsig, args.specs, args.fields, args.jobs)
    if args.local:
        run_local(args, cmd, args.local)
    else:
        run_spark(args, cmd)


if __name__ == "__main__":
    main()
