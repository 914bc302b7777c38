#!/usr/bin/env bash
# Bank load time (bank::load_bank_text: parse, checks and every generator) against a raw
# toml++ parse of the same text, for 1,000 and 10,000 events and actors: the ratio per file,
# and how load time grows from 1k to 10k (10x is linear). One command from a clean clone:
#   bench/compare_load.sh
# Environment: BENCH_BUILD_DIR (default build/release, configured with `cmake --preset
# release` if absent), BENCH_RUNS (runs per file, the median is reported; default 5).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/release}
runs=${BENCH_RUNS:-5}
data=$root/build/bench-load
mkdir -p "$data"
[[ -f $build/build.ninja || -f $build/Makefile ]] || (cd "$root" && cmake --preset release >/dev/null)
cmake --build "$build" --target casebook_load_bench >/dev/null
for kind in events actors; do
  for n in 1000 10000; do
    f=$data/$kind-$n.toml
    [[ -f $f ]] || python3 "$root/bench/make_fact_bank.py" "$kind" "$n" "$f"
    "$build/bench/casebook_load_bench" "$f" "$runs"
  done
done | tee "$data/results.txt"
python3 - "$data/results.txt" <<'PY'
import re, sys
rows, cpu = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r".*/(\w+)-(\d+)\.toml: parse ([\d.]+) s, load ([\d.]+) s", line)
    if m:
        rows[(m[1], int(m[2]))] = (float(m[3]), float(m[4]))
    c = re.search(r"CPU time: parse ([\d.]+) s, load ([\d.]+) s", line)
    if m and c:
        cpu[(m[1], int(m[2]))] = (float(c[1]), float(c[2]))
for name, table in (("wall", rows), ("CPU", cpu)):
    for kind in ("events", "actors"):
        if (kind, 1000) in table and (kind, 10000) in table:
            print(f"{kind} ({name} time): load grows {table[(kind, 10000)][1] / table[(kind, 1000)][1]:.1f}x from 1k to 10k "
                  f"(parse {table[(kind, 10000)][0] / table[(kind, 1000)][0]:.1f}x)")
PY
