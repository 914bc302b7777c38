#!/usr/bin/env bash
# FSRS-6 optimizer, side by side: `casebook optimize` against @open-spaced-repetition/binding
# 0.5.0 (fsrs-rs 6.5.0) on the same review log, with fit time and in-sample log loss.
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

echo "== reference: @open-spaced-repetition/binding 0.5.0" >&2
ref_json=$(node "$root/bench/binding_optimize.mjs" "$node_dir" "$log" "$starts_at")
python3 - "$ref_json" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"binding 0.5.0: {r['items']} items, fit {r['fit_ms']:.0f} ms, log loss {r['log_loss']:.5f} "
      f"(defaults {r['default_log_loss']:.5f}), RMSE(bins) {r['rmse_bins']:.4f} (defaults {r['default_rmse_bins']:.4f})")
PY

# ---- HOOK: Casebook's side -----------------------------------------------------------------
# `casebook optimize --log FILE.csv` is being written in parallel (issue 4, optimizer part).
# When the subcommand exists it is run here and its output shown next to the reference line;
# until then this prints a notice. Adjust the flags below once its interface is final.
echo "== building casebook (Release) in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEBOOK_BUILD_GUI=OFF \
      -DCASEBOOK_BUILD_TESTS=OFF >/dev/null
if cmake --build "$build" --target casebook >/dev/null 2>&1 && "$build/src/casebook" optimize --help >/dev/null 2>&1; then
  start=$(date +%s%N)
  out=$("$build/src/casebook" optimize --log "$log" --timezone UTC --day-starts-at "$starts_at" --dry-run)
  end=$(date +%s%N)
  echo "casebook optimize: $(( (end - start) / 1000000 )) ms wall (whole process)"
  echo "$out"
else
  echo "casebook optimize: not available in this build yet (hook in bench/compare_optimizer.sh)"
fi
