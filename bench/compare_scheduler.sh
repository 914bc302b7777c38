#!/usr/bin/env bash
# Reviews per second of Casebook's scheduler (C++, Google Benchmark) and of ts-fsrs 5.4.2
# (Node) replaying the same 200 reference sequences (ts-fsrs-5.4.2-vectors.json), and the
# ratio. One command from a clean clone:   bench/compare_scheduler.sh
# Needs cmake, ninja, a C++20 compiler, libbenchmark-dev, node and npm. Installs ts-fsrs into
# build/bench-node (gitignored) and builds a Release tree in build/bench.
# Environment: CASEBOOK_VECTORS (default ../shared/reference/fsrs/ts-fsrs-5.4.2-vectors.json),
# BENCH_BUILD_DIR (default build/bench), BENCH_SECONDS (minimum timed CPU seconds per side,
# default 5), BENCH_REPETITIONS (timed windows per side, default 5: the median is reported),
# BENCH_COUNT (default 1 when valgrind is installed: also count instructions per review on both
# sides with callgrind, BENCH_COUNT_PASSES="20 60" passes, differenced; takes minutes).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
node_dir=$root/build/bench-node
vectors=${CASEBOOK_VECTORS:-$root/../shared/reference/fsrs/ts-fsrs-5.4.2-vectors.json}
seconds=${BENCH_SECONDS:-5}
reps=${BENCH_REPETITIONS:-5}
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
           --benchmark_min_time="$(python3 -c "print($seconds / $reps)")" \
           --benchmark_repetitions="$reps" --benchmark_format=json 2>/dev/null)
echo "== Node: ts-fsrs 5.4.2" >&2
node_json=$(node "$root/bench/ts_fsrs_replay.mjs" "$node_dir" "$vectors" "$seconds" "$reps")

# Instructions per review, which hardly move with machine load: callgrind (valgrind) over N1
# and N2 passes of each side, differenced, so start-up, parsing and most JIT compilation cancel
# out. (perf stat has no hardware counters in the VM this was written on.)
count_json='{}'
if [[ ${BENCH_COUNT:-1} == 1 ]] && command -v valgrind >/dev/null; then
  read -r n1 n2 <<<"${BENCH_COUNT_PASSES:-20 60}"
  echo "== callgrind instruction counts, $n1 and $n2 passes per side (a few minutes)" >&2
  count() {  # count CMD... -> instructions executed by CMD
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      awk '/Collected :/{print $NF}'
  }
  export CASEBOOK_VECTORS=$vectors  # not `env VAR=... cmd`: valgrind would count `env` alone
  cpp_cmd=("$build/bench/casebook_bench")
  node_cmd=(node "$root/bench/ts_fsrs_replay.mjs" "$node_dir" "$vectors" 0 1)
  count_json=$(python3 -c 'import json, sys; a = [float(x) for x in sys.argv[1:5]]; n = int(sys.argv[6]) - int(sys.argv[5])
print(json.dumps({"cpp": (a[1] - a[0]) / n, "node": (a[3] - a[2]) / n}))' \
    "$(count "${cpp_cmd[@]}" --replay-passes="$n1")" "$(count "${cpp_cmd[@]}" --replay-passes="$n2")" \
    "$(count "${node_cmd[@]}" "$n1")" "$(count "${node_cmd[@]}" "$n2")" "$n1" "$n2")
fi

python3 - "$cpp_json" "$node_json" "$count_json" <<'PY'
import json, sys
runs = json.loads(sys.argv[1])["benchmarks"]
cpp = next(b for b in runs if b.get("aggregate_name") == "median")
cpp_rates = [b["items_per_second"] for b in runs if b.get("run_type") == "iteration"]
node = json.loads(sys.argv[2])
counts = json.loads(sys.argv[3])
per_pass = cpp["reviews_per_pass"]
ours_cpu = cpp["items_per_second"]                        # median, per CPU second
ours_wall = per_pass / (cpp["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[cpp["time_unit"]])
ref_cpu = node["reviews_per_second"]                      # median, per CPU second
ref_wall = node["reviews"] / node["wall_seconds"]
same = abs(cpp["checksum"] - node["checksum"]) < 1e-3 * max(1.0, abs(node["checksum"]))
print(f"replay of {int(per_pass)} reviews (200 sequences, 6 configurations) per pass; "
      f"median of {len(cpp_rates)} (C++) and {len(node['rates'])} (Node) timed windows")
print(f"{'':28}{'per CPU second':>18}{'per wall second':>18}")
print(f"{'Casebook core::Scheduler':28}{ours_cpu:>18,.0f}{ours_wall:>18,.0f}")
print(f"{'ts-fsrs 5.4.2 (Node)':28}{ref_cpu:>18,.0f}{ref_wall:>18,.0f}")
print(f"{'ratio (ours / reference)':28}{ours_cpu / ref_cpu:>17.1f}x{ours_wall / ref_wall:>17.1f}x")
print("windows, reviews/CPU s: C++ " + ", ".join(f"{r:,.0f}" for r in cpp_rates)
      + "; Node " + ", ".join(f"{r:,.0f}" for r in node["rates"]))
if counts:
    print(f"instructions per review (callgrind, differenced): C++ {counts['cpp'] / per_pass:,.0f}, "
          f"Node {counts['node'] / per_pass:,.0f} -> ratio {counts['node'] / counts['cpp']:.1f}x")
print(f"checksum (sum of final stabilities): ours {cpp['checksum']:.4f}, ts-fsrs {node['checksum']:.4f}"
      f" -> {'same' if same else 'DIFFERENT'}")
print(f"target: ours >= 50x the reference -> {'met' if ours_cpu / ref_cpu >= 50 else 'NOT met'} (CPU time)")
sys.exit(0 if same else 1)
PY
