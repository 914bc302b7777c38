#!/usr/bin/env bash
# Reviews per second of Casebook's scheduler (C++, Google Benchmark) and of ts-fsrs 5.4.2
# (Node) replaying the same 200 reference sequences (ts-fsrs-5.4.2-vectors.json), and the
# ratio. One command from a clean clone:   bench/compare_scheduler.sh
# Needs cmake, ninja, a C++20 compiler, libbenchmark-dev, node and npm. Installs ts-fsrs into
# build/bench-node (gitignored) and builds a Release tree in build/bench.
# Environment: CASEBOOK_VECTORS (default ../shared/reference/fsrs/ts-fsrs-5.4.2-vectors.json),
# BENCH_BUILD_DIR (default build/bench), BENCH_SECONDS (minimum CPU seconds per side, default 3).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
node_dir=$root/build/bench-node
vectors=${CASEBOOK_VECTORS:-$root/../shared/reference/fsrs/ts-fsrs-5.4.2-vectors.json}
seconds=${BENCH_SECONDS:-3}
[[ -f $vectors ]] || { echo "compare_scheduler: no vectors at $vectors (set CASEBOOK_VECTORS)" >&2; exit 1; }
vectors=$(cd "$(dirname "$vectors")" && pwd)/$(basename "$vectors")

# shellcheck source=bench/node_deps.sh
source "$root/bench/node_deps.sh"
install_node_deps "$node_dir"

echo "== building casebook_bench (Release) in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEBOOK_BUILD_GUI=OFF \
      -DCASEBOOK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target casebook_bench >/dev/null

echo "== C++: core::Scheduler" >&2
cpp_json=$(CASEBOOK_VECTORS=$vectors "$build/bench/casebook_bench" --benchmark_filter='^BM_ReplayVectors$' \
           --benchmark_min_time="$seconds" --benchmark_format=json 2>/dev/null)
echo "== Node: ts-fsrs 5.4.2" >&2
node_json=$(node "$root/bench/ts_fsrs_replay.mjs" "$node_dir" "$vectors" "$seconds")

python3 - "$cpp_json" "$node_json" <<'PY'
import json, sys
cpp = json.loads(sys.argv[1])["benchmarks"][0]
node = json.loads(sys.argv[2])
per_pass = cpp["reviews_per_pass"]
ours_cpu = cpp["items_per_second"]                        # per CPU second
ours_wall = per_pass / (cpp["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[cpp["time_unit"]])
ref_cpu = node["reviews_per_second"]                      # per CPU second
ref_wall = node["reviews"] / node["wall_seconds"]
same = abs(cpp["checksum"] - node["checksum"]) < 1e-3 * max(1.0, abs(node["checksum"]))
print(f"replay of {int(per_pass)} reviews (200 sequences, 6 configurations) per pass")
print(f"{'':28}{'per CPU second':>18}{'per wall second':>18}")
print(f"{'Casebook core::Scheduler':28}{ours_cpu:>18,.0f}{ours_wall:>18,.0f}")
print(f"{'ts-fsrs 5.4.2 (Node)':28}{ref_cpu:>18,.0f}{ref_wall:>18,.0f}")
print(f"{'ratio (ours / reference)':28}{ours_cpu / ref_cpu:>17.1f}x{ours_wall / ref_wall:>17.1f}x")
print(f"checksum (sum of final stabilities): ours {cpp['checksum']:.4f}, ts-fsrs {node['checksum']:.4f}"
      f" -> {'same' if same else 'DIFFERENT'}")
print(f"target: ours >= 50x the reference -> {'met' if ours_cpu / ref_cpu >= 50 else 'NOT met'} (CPU time)")
sys.exit(0 if same else 1)
PY
