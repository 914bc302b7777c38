#!/usr/bin/env bash
# Memory and time of `casebook optimize` and `casebook evaluate` on generated review logs, this
# tree beside the baseline (main, bench/baseline.sh): one card with 20,000 reviews (the case
# whose training items once held n²/2 reviews) and 1,000,000 reviews of 50,000 cards. Prints
# wall time and peak RSS (/usr/bin/time) of each, the ratios, and whether both printed the
# same figures (the fit and the metrics must not change). NO_BASELINE=1 skips main.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/bench-optimizer
mkdir -p "$work"
source "$root/bench/binaries.sh"

python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
day = 86_400_000
def write(name, cards, reviews_per_card, seed):
    path = os.path.join(work, name)
    if os.path.exists(path):
        return
    rng = random.Random(seed)
    with open(path + ".tmp", "w") as f:
        f.write("card_id,review_time,review_rating,review_state,review_duration\n")
        for c in range(cards):
            t = 1_500_000_000_000 + c * 3_600_000
            ivl = 1.0
            for k in range(reviews_per_card):
                rating = 3 if k == 0 else rng.choice((1, 2, 3, 3, 3, 3, 4))
                state = 0 if k == 0 else 2
                f.write(f"c{c},{t},{rating},{state},{rng.randint(2000, 20000)}\n")
                ivl = 1.0 if rating == 1 else min(ivl * (1.2 if rating == 2 else 2.5), 30.0)
                t += max(1, int(ivl)) * day + rng.randint(0, 3_600_000)
    os.replace(path + ".tmp", path)
write("one-card-20000.csv", 1, 20_000, 1)
write("million.csv", 50_000, 20, 2)
PY

measure() {  # BIN LOG COMMAND -> "seconds kib" and the command's output in $work/out.*
  local bin=$1 log=$2 cmd=$3 tag=$4
  /usr/bin/time -f "%e %M" -o "$work/time.$tag" "$bin" "$cmd" --log "$log" $([ "$cmd" = optimize ] && echo --dry-run) \
    > "$work/out.$tag" 2> "$work/err.$tag" || { echo "failed: $bin $cmd $log" >&2; cat "$work/err.$tag" >&2; exit 1; }
  cat "$work/time.$tag"
}

printf '%-22s %-9s %22s %22s %9s %9s %s\n' log command "baseline s / MiB" "this tree s / MiB" "time" "memory" "same output"
for log in one-card-20000.csv million.csv; do
  for cmd in optimize evaluate; do
    read -r new_s new_k < <(measure "$new_bin" "$work/$log" "$cmd" new)
    if [ -n "$base_bin" ]; then
      read -r base_s base_k < <(measure "$base_bin" "$work/$log" "$cmd" base)
      same=$(cmp -s "$work/out.new" "$work/out.base" && echo yes || echo NO)
      python3 -c "import sys; bs,bk,ns,nk=map(float,sys.argv[1:5]); print(f'{sys.argv[5]:<22} {sys.argv[6]:<9} {bs:10.1f} / {bk/1024:9.0f} {ns:10.1f} / {nk/1024:9.0f} {bs/ns:8.1f}x {bk/nk:8.1f}x {sys.argv[7]}')" \
        "$base_s" "$base_k" "$new_s" "$new_k" "$log" "$cmd" "$same"
    else
      python3 -c "import sys; ns,nk=map(float,sys.argv[1:3]); print(f'{sys.argv[3]:<22} {sys.argv[4]:<9} {\"-\":>22} {ns:10.1f} / {nk/1024:9.0f}')" "$new_s" "$new_k" "$log" "$cmd"
    fi
  done
done
