#!/usr/bin/env bash
# Peak memory of the readers against their input: `casebook import` of a 6 MiB CSV and GIFT
# file and a 5 MiB Aiken file (the banks they make stay under the 16 MiB a bank may be, so the
# import succeeds: a 6 MiB Aiken file makes a 17.1 MiB bank, which is refused),
# `casebook validate` of the bank this tree's CSV import wrote, and `casebook replay` of a
# 50 MiB review log, this tree beside the baseline (main, bench/baseline.sh). Prints the input
# size, peak RSS (/usr/bin/time) and RSS / input. Also shows that /dev/zero and a FIFO are
# refused at once (this tree only: the baseline reads /dev/zero until memory runs out).
# NO_BASELINE=1 skips main.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/bench-input
mkdir -p "$work"
source "$root/bench/binaries.sh"

python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
rng = random.Random(3)
def sized(name, target, header, row):
    path = os.path.join(work, name)
    if os.path.exists(path):
        return
    with open(path, "w") as f:
        f.write(header)
        i = 0
        while f.tell() < target:
            f.write(row(i))
            i += 1
MiB = 1 << 20
sized("questions.csv", 6 * MiB, "id,type,prompt,choices,answer,explanation,topic\n",
      lambda i: f'q{i},single_choice,"Which form records custody, case {i}?",Form {i}|Log {i}|Memo {i},Form {i},Because {i}.,Topic {i % 50}\n')
sized("questions.gift", 6 * MiB, "",
      lambda i: f'::q{i}::Which form records custody, case {i}? {{=Form {i} ~Log {i} ~Memo {i} #Because {i}.}}\n\n')
sized("questions-aiken-5m.txt", 5 * MiB, "",
      lambda i: f'Which form records custody, case {i}?\nA. Form {i}\nB. Log {i}\nC. Memo {i}\nANSWER: A\n\n')
sized("revlog.csv", 50 * MiB, "card_id,review_time,review_rating,review_state,review_duration\n",
      lambda i: f'card-{i // 10},{1_500_000_000_000 + i * 3_600_000},{rng.choice((1, 3, 3, 4))},{0 if i % 10 == 0 else 2},{rng.randint(1000, 9000)}\n')
PY

measure() {  # TAG BIN ARGS... -> "seconds kib"
  local tag=$1; shift
  local prev=
  for a in "$@"; do [ "$prev" = --out ] && rm -f "$a"; prev=$a; done  # an --out file is never overwritten
  /usr/bin/time -f "%e %M" -o "$work/time.$tag" "$@" > "$work/out.$tag" 2> "$work/err.$tag" || true
  # GNU time puts "Command exited with non-zero status N" first when the command failed (e.g.
  # a reader that refuses the input): the figures are on the last line.
  tail -n 1 "$work/time.$tag"
}
row() {  # NAME INPUT ARGS...
  local name=$1 input=$2; shift 2
  local size; size=$(stat -c %s "$input")
  read -r ns nk < <(measure new "$new_bin" "$@")
  if [ -n "$base_bin" ]; then
    read -r bs bk < <(measure base "$base_bin" "$@")
  else
    bs=0; bk=0
  fi
  python3 -c "import sys; size,ns,nk,bs,bk=map(float,sys.argv[1:6]); m=1<<20
base = f'{bk/1024:8.0f} MiB {bk*1024/size:6.1f}x' if bk else '       -'
print(f'{sys.argv[6]:<30} {size/m:6.1f} MiB   baseline {base}   this tree {nk/1024:8.0f} MiB {nk*1024/size:6.1f}x')" \
    "$size" "$ns" "$nk" "$bs" "$bk" "$name"
}
row "import CSV" "$work/questions.csv" import "$work/questions.csv" --out "$work/csv.toml"
row "import GIFT" "$work/questions.gift" import "$work/questions.gift" --out "$work/gift.toml"
row "import Aiken" "$work/questions-aiken-5m.txt" import "$work/questions-aiken-5m.txt" --from aiken --out "$work/aiken.toml"
# Both sides validate the bank this tree's import wrote (the baseline's import ran last above).
"$new_bin" import "$work/questions.csv" --out "$work/csv-new.toml" --force >/dev/null 2>&1 || true
[ -f "$work/csv-new.toml" ] && row "validate (the CSV import's bank)" "$work/csv-new.toml" validate "$work/csv-new.toml"
row "replay (review log)" "$work/revlog.csv" replay --log "$work/revlog.csv"

echo
echo "Refused at once by this tree (the baseline would read /dev/zero until memory ran out):"
rm -f "$work/fifo" && mkfifo "$work/fifo"
for input in /dev/zero "$work/fifo" "$work"; do
  { /usr/bin/time -f "  %e s, %M KiB" "$new_bin" import "$input" --from csv --out "$work/refused.toml" 2>&1 || true; } |
    sed 's/^/  /'
done
rm -f "$work/fifo"
