#!/usr/bin/env bash
# Home refresh and session start at 50,000 cards, this tree beside the baseline (main):
# builds casebook_home_bench here (build/release) and in the baseline (bench/baseline.sh),
# runs each on the same generated bank and progress database, and prints both with ratios.
# CARDS (50000) and RUNS (7) change the size and the repetitions; NO_BASELINE=1 skips main.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cards=${CARDS:-50000}
runs=${RUNS:-7}
work=$root/build/bench-home
mkdir -p "$work/new" "$work/base"
cmake --build "$root/build/release" --target casebook_home_bench >&2
new=$("$root/build/release/bench/casebook_home_bench" "$work/new" "$cards" "$runs")
echo "this tree: $new"
if [ "${NO_BASELINE:-0}" != 1 ]; then
  base_build=$(bash "$root/bench/baseline.sh")
  base=$("$base_build/bench/casebook_home_bench" "$work/base" "$cards" "$runs")
  echo "baseline:  $base"
  python3 - "$new" "$base" <<'PY'
import re, sys
def figures(line):
    return {k: float(v) for k, v in re.findall(r"((?:CPU )?(?:home|session start)) ([0-9.]+) ms", line)}
new, base = figures(sys.argv[1]), figures(sys.argv[2])
print(f"{'':>18} {'baseline':>10} {'this tree':>10} {'ratio':>7}")
for k in ("home", "session start", "CPU home", "CPU session start"):
    print(f"{k:>18} {base[k]:7.2f} ms {new[k]:7.2f} ms {base[k] / new[k]:6.1f}x   (target < 30 ms)")
PY
fi
