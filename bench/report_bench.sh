#!/usr/bin/env bash
# Reports at scale: builds a progress database of 1,000,000 reviews over 5,000 cards (a bank
# of 5,000 questions in 20 topics, two years of history), then times `casebook report` in
# every format against the sqlite3 command-line shell doing the equivalent work, and prints
# the ratio and each side's peak memory (GNU time's maximum resident set size).
#
#   bench/report_bench.sh                   (figures go in docs/performance.md)
#
# The equivalent sqlite3 work of a format: the aggregate queries behind the report's figures
# (per card, per day, per rating and state, the card states), plus, for the formats that list
# every review (CSV, XLSX, JSON, xAPI), the dump of those rows in sqlite3's nearest output mode
# (-csv for CSV and XLSX, -json for JSON and xAPI). The HTML page and the PDF list at most
# 500 reviews and 100 mistakes, so their baseline is the aggregates alone.
# Environment: CASEBOOK (the binary; default build/release/src/casebook, built when missing),
# BENCH_DIR (default build/report-bench), BENCH_REVIEWS (default 1000000), BENCH_CARDS (5000),
# BENCH_RUNS (timed runs per side, default 3: the fastest is reported), BENCH_FORMATS (default
# all six, e.g. "xlsx xapi").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${BENCH_DIR:-$root/build/report-bench}
reviews=${BENCH_REVIEWS:-1000000}
cards=${BENCH_CARDS:-5000}
runs=${BENCH_RUNS:-3}
build=$root/build/release
casebook=${CASEBOOK:-$build/src/casebook}
command -v sqlite3 >/dev/null || { echo "report_bench: sqlite3 is needed (Debian: sqlite3)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "report_bench: GNU time is needed (Debian: time)" >&2; exit 1; }

if [[ ! -x $casebook || ! -x $build/bench/report_bench_db ]]; then
  echo "== building casebook and report_bench_db in $build" >&2
  cmake --preset release -S "$root" >/dev/null
  cmake --build "$build" --target casebook report_bench_db >/dev/null
fi
mkdir -p "$dir"
db=$dir/progress.sqlite3
bank=$dir/bench-bank.toml

if [[ ! -f $db || $(sqlite3 "$db" "SELECT count(*) FROM review_log") != "$reviews" ]]; then
  echo "== writing a bank of $cards questions and a log of $reviews reviews in $dir" >&2
  rm -f "$db" "$db-wal" "$db-shm"
  python3 - "$bank" "$cards" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8") as f:
    f.write('[bank]\nid = "bench"\ntitle = "Benchmark bank"\nversion = "1.0.0"\nformat = 1\nlanguage = "en"\n\n')
    f.write('[[source]]\nid = "s"\ncitation = "A source."\n\n')
    for t in range(20):
        f.write(f'[[topic]]\nid = "t{t:02d}"\ntitle = "Topic {t:02d}"\n\n')
    for q in range(n):
        f.write(f'[[question]]\nid = "q{q:05d}"\ntype = "single_choice"\ntopics = ["t{q % 20:02d}"]\n'
                f'prompt = "Question {q}: which answer is right?"\nchoices = ["answer 0", "answer 1", "answer 2", "answer 3"]\n'
                f'answer = "answer 1"\nexplanation = "Answer 1."\nsource = "s"\nparagraph = 1\n\n')
PY
  learner_id=$("$build/bench/report_bench_db" "$db" bench)
  now_ms=$(($(date +%s) * 1000))
  start=$((now_ms - 2 * 365 * 86400000))
  step=$((2 * 365 * 86400000 / reviews))
  # Card i % cards, every `step` ms for two years; ratings cycle so a quarter are wrong; the
  # first review of each card starts from New, the others from Review.
  sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $reviews - 1)
INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, correct, answer, response_ms,
  state_before, stability_before, difficulty_before, due_before_ms, last_review_before_ms,
  scheduled_days_before, learning_steps_before, reps_before, lapses_before,
  state_after, stability_after, difficulty_after, due_after_ms, last_review_after_ms,
  scheduled_days_after, learning_steps_after, reps_after, lapses_after)
SELECT $learner_id, printf('bench/q%05d', i % $cards), $start + i * $step, 1 + (i * 7) % 4, (i * 7) % 4 != 0,
  printf('answer %d', (i * 7) % 4), 2000 + i % 9000,
  CASE WHEN i < $cards THEN 0 ELSE 2 END, 10.0 + i % 50, 5.0, $start + i * $step,
  CASE WHEN i < $cards THEN NULL ELSE $start + (i - $cards) * $step END, i % 50, 0, i / $cards, i / $cards / 10,
  2, 11.0 + i % 50, 5.1, $start + i * $step + 86400000 * (1 + i % 50), $start + i * $step,
  1 + i % 50, 0, i / $cards + 1, i / $cards / 10
FROM n;
INSERT INTO card_state (learner_id, card_key, state, stability, difficulty, due_ms, last_review_ms,
  scheduled_days, learning_steps, reps, lapses, updated_at_ms)
SELECT learner_id, card_key, state_after, stability_after, difficulty_after, due_after_ms,
  last_review_after_ms, scheduled_days_after, learning_steps_after, reps_after, lapses_after, reviewed_at_ms
FROM review_log WHERE id > $reviews - $cards;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
fi

# The aggregates behind the figures, as one sqlite3 run.
aggregates="
SELECT card_key, count(*), sum(correct), sum(state_before = 0), sum(state_before = 0 AND correct),
       sum(response_ms), max(reviewed_at_ms) FROM review_log GROUP BY card_key;
SELECT reviewed_at_ms / 86400000 AS day, count(*), sum(correct), sum(response_ms) / 60000.0
  FROM review_log GROUP BY day ORDER BY day;
SELECT state_before, scheduled_days_before >= 21, rating = 1, count(*) FROM review_log
  WHERE state_before = 2 GROUP BY 1, 2, 3;
SELECT * FROM card_state ORDER BY card_key;"
rows="SELECT r.id, l.name, r.card_key, r.reviewed_at_ms, r.rating, r.correct, r.answer, r.response_ms,
  r.state_before, r.stability_before, r.difficulty_before, r.due_before_ms, r.last_review_before_ms,
  r.scheduled_days_before, r.learning_steps_before, r.reps_before, r.lapses_before, r.state_after,
  r.stability_after, r.difficulty_after, r.due_after_ms, r.last_review_after_ms, r.scheduled_days_after,
  r.learning_steps_after, r.reps_after, r.lapses_after
  FROM review_log r JOIN learner l ON l.id = r.learner_id ORDER BY r.reviewed_at_ms, r.id;"

# measure OUTFILE CMD...: runs CMD `runs` times; prints "<fastest seconds> <its peak MB>".
measure() {
  local out=$1; shift
  local best="" best_mb=""
  for ((k = 0; k < runs; k++)); do
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" >"$out" 2>"$dir/stderr.txt" ||
      { cat "$dir/stderr.txt" >&2; exit 1; }
    read -r secs kb <"$dir/time.txt"
    if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $secs < $best else 1)"; then
      best=$secs; best_mb=$((kb / 1024))
    fi
  done
  echo "$best $best_mb"
}

printf '%-6s %12s %10s %14s %10s %8s %10s\n' format casebook_s peak_MB sqlite3_s peak_MB ratio size_MB
for format in ${BENCH_FORMATS:-html pdf csv xlsx json xapi}; do
  case $format in
    csv|xlsx) mode=-csv; sql="$aggregates $rows" ;;
    json|xapi) mode=-json; sql="$aggregates $rows" ;;
    *) mode=-list; sql=$aggregates ;;
  esac
  read -r ours ours_mb < <(measure /dev/null "$casebook" report --db "$db" --bank "$bank" --learner bench \
                                   --format "$format" --out "$dir/report.$format" --force)
  read -r theirs theirs_mb < <(measure "$dir/sqlite3.out" sqlite3 "$mode" "$db" "$sql")
  ratio=$(python3 -c "print(f'{$ours / max($theirs, 0.01):.2f}')")
  size=$(python3 -c "import os; print(f'{os.path.getsize(\"$dir/report.$format\") / 1e6:.1f}')")
  printf '%-6s %12s %10s %14s %10s %8s %10s\n' "$format" "$ours" "$ours_mb" "$theirs" "$theirs_mb" "$ratio" "$size"
done
echo "(fastest of $runs runs each; $reviews reviews over $cards cards; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
