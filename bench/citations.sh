#!/usr/bin/env bash
# Citation checking is linear in the text: `casebook validate` on banks whose prompts hold
# 10,000 and 100,000 `[@id]` markers, all on one line (the worst case for placing each marker
# at its line and column) and spread over 1,000 questions, this tree beside the baseline
# (main, bench/baseline.sh). 10x the markers should cost about 10x the time, not 100x.
# NO_BASELINE=1 skips main.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/bench-citations
mkdir -p "$work"
source "$root/bench/binaries.sh"

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
head = '[bank]\nid = "cites"\ntitle = "Cites"\nversion = "1"\nformat = 1\n\n[[source]]\nid = "s1"\ncitation = "A. Author, Title, 2020."\n[[source]]\nid = "s2"\ncitation = "B. Author, Title, 2021."\n'
def question(i, markers):
    prompt = " ".join("word [@s1] and [@s2; @s1]" for _ in range(markers // 3)) + " [@s1]" * (markers % 3)
    return f'\n[[question]]\nid = "q{i}"\ntype = "true_false"\nprompt = "{prompt}"\nanswer = true\nsource = "s1"\nparagraph = 1\nexplanation = "Because."\n'
for n in (10_000, 100_000):
    with open(os.path.join(work, f"one-line-{n}.toml"), "w") as f:
        f.write(head + question(0, n))
    with open(os.path.join(work, f"spread-{n}.toml"), "w") as f:
        f.write(head + "".join(question(i, n // 1000) for i in range(1000)))
PY

run() {  # BIN FILE -> seconds
  /usr/bin/time -f "%e" -o "$work/time" "$1" validate "$2" > /dev/null 2>&1 || true
  cat "$work/time"
}
printf '%-22s %14s %14s %10s\n' bank "baseline s" "this tree s" "speed-up"
for f in one-line-10000 one-line-100000 spread-10000 spread-100000; do
  n=$(run "$new_bin" "$work/$f.toml")
  if [ -n "$base_bin" ]; then
    b=$(run "$base_bin" "$work/$f.toml")
    python3 -c "import sys; b,n=map(float,sys.argv[1:3]); print(f'{sys.argv[3]:<22} {b:14.2f} {n:14.2f} {b/max(n,0.01):9.1f}x')" "$b" "$n" "$f"
  else
    printf '%-22s %14s %14.2f\n' "$f" - "$n"
  fi
done
