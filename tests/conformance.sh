#!/usr/bin/env bash
# Conformance: evaluate every data set in ../shared/conformance through `statsig evaluate`
# and compare every record with the official SDKs' results. Fails on any mismatch.
# usage: tests/conformance.sh [path/to/statsig]   (default: target/release/statsig)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/statsig}
CONF=${CONFORMANCE_DIR:-../shared/conformance}
[ -x "$BIN" ] || cargo build --release --quiet
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
for dir in "$CONF"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/users.ndjson.gz" ] || continue
  ids=()
  [ -f "$dir/id_lists.json" ] && ids=(--id-lists "$dir/id_lists.json")
  gzip -dc "$dir/users.ndjson.gz" > "$TMP/users.ndjson"
  for dcs in "$dir"/dcs.json "$dir"/dcs.v2.json; do
    [ -f "$dcs" ] || continue
    label="$name/$(basename "$dcs")"
    "$BIN" evaluate --specs "$dcs" "${ids[@]}" --users "$TMP/users.ndjson" \
      > "$TMP/evaluations.ndjson" 2> "$TMP/stderr.txt" || { echo "FAIL $label: statsig exited $?"; cat "$TMP/stderr.txt"; fail=1; continue; }
    if out=$(python3 "$CONF/compare.py" "$dir" "$TMP/evaluations.ndjson" --max-diffs 10); then
      echo "ok   $label: $(echo "$out" | tail -1)"
    else
      echo "FAIL $label:"; echo "$out" | tail -40; fail=1
    fi
  done
done
exit $fail
