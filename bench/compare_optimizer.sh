#!/usr/bin/env bash
# FSRS-6 optimizer, side by side: `casebook optimize` against @open-spaced-repetition/binding
# 0.5.0 (fsrs-rs 6.5.0) on the same review log: fit time only (parsing timed apart) and the
# in-sample log loss of BOTH fitted parameter sets under BOTH evaluators (ours, the binding's).
# One command from a clean clone:   bench/compare_optimizer.sh [LOG.csv]
# Default log: ../shared/reference/fsrs/sim_revlog_2000cards.csv. Study days: UTC, starting at
# 04:00 (BENCH_NEXT_DAY_STARTS_AT). Builds `casebook` (Release, no GUI) in build/bench.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
node_dir=$root/build/bench-node
log=${1:-$root/../shared/reference/fsrs/sim_revlog_2000cards.csv}
starts_at=${BENCH_NEXT_DAY_STARTS_AT:-4}
[[ -f $log ]] || { echo "compare_optimizer: no review log at $log" >&2; exit 1; }

# shellcheck source=bench/node_deps.sh
source "$root/bench/node_deps.sh"
install_node_deps "$node_dir"

echo "== building casebook (Release) in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEBOOK_BUILD_GUI=OFF \
      -DCASEBOOK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target casebook >/dev/null
cb=("$build/src/casebook")
csv=(--log "$log" --timezone UTC --day-starts-at "$starts_at")

echo "== casebook optimize" >&2
ours_out=$("${cb[@]}" optimize "${csv[@]}" --dry-run --timing 2>"$node_dir/timing.txt")
ours_w=$(grep -A1 '^Parameters' <<<"$ours_out" | tail -1 | tr -d ' ')
echo "== reference: @open-spaced-repetition/binding 0.5.0" >&2
ref_json=$(node "$root/bench/binding_optimize.mjs" "$node_dir" "$log" "$starts_at" UTC "$ours_w")
ref_w=$(python3 -c 'import json,sys; print(",".join(f"{x:.6f}" for x in json.loads(sys.argv[1])["weights"]))' "$ref_json")
ev() { "${cb[@]}" evaluate "${csv[@]}" --weights "$1" --splits 1 | awk '/in-sample/ {print $(NF-1), $NF}'; }
python3 - "$ref_json" "$(cat "$node_dir/timing.txt")" "$(ev "$ours_w")" "$(ev "$ref_w")" \
          "$(grep 'before (default' <<<"$ours_out" | awk '{print $(NF-1), $NF}')" <<'PY'
import json, re, sys
r = json.loads(sys.argv[1]); t = sys.argv[2]
read_ms, fit_ms = (float(x) for x in re.search(r"read\+items ([\d.]+) ms, fit ([\d.]+) ms", t).groups())
cpu_ms = float(re.search(r"CPU fit\+evaluation ([\d.]+) ms", t).group(1))
ours_ours, ref_ours, def_ours = (tuple(map(float, a.split())) for a in sys.argv[3:6])
print(f"items: {r['items']}")
print(f"{'':28}{'binding 0.5.0':>16}{'casebook':>12}")
print(f"{'parse + items (ms)':28}{r['convert_ms']:>16.0f}{read_ms:>12.0f}")
print(f"{'fit only, wall (ms)':28}{r['fit_ms']:>16.0f}{fit_ms:>12.0f}")
print(f"{'CPU, all threads (ms)':28}{r['fit_cpu_ms']:>16.0f}{cpu_ms:>12.0f}   (casebook: fit + 2 evaluations)")
print("log loss / RMSE(bins) of each parameter set:")
print(f"{'  evaluator':28}{'binding':>16}{'casebook':>12}")
print(f"{'  binding fit':28}{r['log_loss']:>9.5f} {r['rmse_bins']:.4f}{ref_ours[0]:>9.5f} {ref_ours[1]:.4f}")
print(f"{'  casebook fit':28}{r['other_log_loss']:>9.5f} {r['other_rmse_bins']:.4f}{ours_ours[0]:>9.5f} {ours_ours[1]:.4f}")
print(f"{'  defaults':28}{r['default_log_loss']:>9.5f} {r['default_rmse_bins']:.4f}{def_ours[0]:>9.5f} {def_ours[1]:.4f}")
PY
