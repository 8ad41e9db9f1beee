#!/usr/bin/env bash
# Client-initialize conformance: for every data set in the shared conformance folder and every
# hash algorithm, `statsig client-init --users` must match gcir_<hash>.ndjson.gz at 100 %
# (compare.py --gcir). Also synth_1's v2 twin (dcs.v2.json). Fails on any mismatch.
#
# usage: tests/conformance_gcir.sh [STATSIG_BIN]   (default: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
CONF=${CONFORMANCE_DIR:-../shared/conformance}
[ -d "$CONF" ] || CONF=/work/shared/conformance
if [ $# -ge 1 ]; then
  BIN=$1
else
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/statsig
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
for dir in "$CONF"/*/; do
  dir=${dir%/}
  set_name=$(basename "$dir")
  [ -f "$dir/users.ndjson.gz" ] || continue
  gunzip -c "$dir/users.ndjson.gz" >"$TMP/users.ndjson"
  idl=()
  [ -f "$dir/id_lists.json" ] && idl=(--id-lists "$dir/id_lists.json")
  dcs_files=("$dir/dcs.json")
  [ -f "$dir/dcs.v2.json" ] && dcs_files+=("$dir/dcs.v2.json")
  for dcs in "${dcs_files[@]}"; do
    label="$set_name/$(basename "$dcs")"
    "$BIN" evaluate --specs "$dcs" "${idl[@]}" --users "$TMP/users.ndjson" >"$TMP/eval.ndjson"
    for h in none sha256 djb2; do
      "$BIN" client-init --specs "$dcs" "${idl[@]}" --users "$TMP/users.ndjson" --hash "$h" \
        >"$TMP/gcir.ndjson" 2>"$TMP/stderr" || { cat "$TMP/stderr"; fail=1; continue; }
      if python3 "$CONF/compare.py" "$dir" "$TMP/eval.ndjson" --gcir "$TMP/gcir.ndjson" \
        >"$TMP/report" 2>&1; then
        echo "ok   $label $h: $(tail -n1 "$TMP/report")"
      else
        echo "FAIL $label $h:"
        sed 's/^/    /' "$TMP/report" | tail -n 40
        fail=1
      fi
    done
  done
done
exit $fail
