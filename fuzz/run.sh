#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 180) in parallel, seeded from fuzz/seeds and
# fixtures/. Needs cargo-fuzz; on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks the flags it
# uses. New corpus entries go to fuzz/corpus/<target> (ignored by git), crashes to
# fuzz/artifacts/<target>.
# usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-180}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse_payload parse_user id_lists eval_user spool_segment)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
seeds() {
  case $1 in
    parse_payload) echo fuzz/seeds/parse_payload fixtures ;;
    eval_user) echo fuzz/seeds/parse_user ;;
    *) echo "fuzz/seeds/$1" ;;
  esac
}
pids=()
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" fuzz/logs
  # shellcheck disable=SC2046
  cargo fuzz run -O "$t" "fuzz/corpus/$t" $(seeds "$t") -- \
    -max_total_time="$SECS" -dict=fuzz/dict/json.dict -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 > "fuzz/logs/$t.log" 2>&1 &
  pids+=($!)
done
fail=0
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then
    echo "ok   ${TARGETS[$i]}: $(grep -E 'stat::number_of_executed_units' "fuzz/logs/${TARGETS[$i]}.log" | awk '{print $2}') execs"
  else
    echo "FAIL ${TARGETS[$i]}: see fuzz/logs/${TARGETS[$i]}.log"; fail=1
  fi
done
exit $fail
