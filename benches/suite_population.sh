#!/usr/bin/env bash
# Times `statsig test` on a population case: 20,000 generated users × 6 entities (3 gates,
# a config, an experiment, a layer) of fixtures/demo_dcs.json, the whole process, several
# runs; prints wall and CPU seconds per run (the CPU time is the steadier figure on a busy
# machine). Usage: benches/suite_population.sh [RUNS] [USERS]   (after cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
users=${2:-20000}
bin=target/release/statsig
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/population.statsig.yaml" <<YAML
specs: $PWD/fixtures/demo_dcs.json
cases:
  - name: $users users
    population:
      count: $users
      user: { userID: "user-\${i}", email: "u\${i}@acme.test", country: US, custom: { level: 3 } }
    gates:
      new_checkout: { pass_rate: [0.2, 0.3] }
      canada_promo: false
      internal_tools: false
    configs:
      pricing: { value_contains: { currency: USD } }
    experiments:
      checkout_button: { groups: { Control: [0.2, 0.3], Test: [0.2, 0.3] } }
    layers:
      checkout_layer: { pass_rate: [0.4, 0.6] }
YAML
"$bin" test "$dir/population.statsig.yaml" >/dev/null   # warm-up, and it must pass
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak" \
    "$bin" test "$dir/population.statsig.yaml" >/dev/null
done 2>&1
