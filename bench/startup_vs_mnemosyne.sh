#!/usr/bin/env bash
# Start-up against Mnemosyne 2.9 (Debian 12 package `mnemosyne`, installed here if missing;
# it is a benchmark reference only, not a dependency): each program is started RUNS (5) times
# in one Xvfb server with a fresh home folder, and measured the same way: the time from
# exec to its first window being mapped (xdotool search --sync --onlyvisible), and its
# resident memory (VmRSS) and peak (VmHWM) 2 seconds after that. Prints medians and ratios,
# and the size of Casebook's font atlas (CASEBOOK_DEBUG_FONTS=1).
# CASEBOOK (default build/release/src/casebook) selects the binary to measure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
casebook=${CASEBOOK:-$root/build/release/src/casebook}
runs=${RUNS:-5}
if ! command -v mnemosyne >/dev/null; then
  echo "installing mnemosyne (Debian package, for this benchmark only)" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends mnemosyne >&2
fi
for tool in Xvfb xdotool; do command -v $tool >/dev/null || { echo "needs $tool (xvfb, xdotool)" >&2; exit 1; }; done

display=:$((100 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display

measure() {  # NAME WINDOW_NAME_REGEX COMMAND... -> "ms rss_kib hwm_kib"
  local name=$1 title=$2; shift 2
  local home; home=$(mktemp -d)
  local t0; t0=$(date +%s%N)
  HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config "$@" >"$home/log" 2>&1 &
  local pid=$!
  if ! timeout 60 xdotool search --sync --onlyvisible --name "$title" >/dev/null 2>&1; then
    echo "$name: no window within 60 s" >&2; kill $pid 2>/dev/null || true; cat "$home/log" >&2; exit 1
  fi
  local t1; t1=$(date +%s%N)
  sleep 2
  # A wrapper script (mnemosyne is a Python program started by /usr/bin/mnemosyne) may have
  # exec'd; measure the process that owns the window.
  local wpid; wpid=$(xdotool search --onlyvisible --name "$title" getwindowpid 2>/dev/null | head -1 || true)
  [ -n "$wpid" ] || wpid=$pid
  local rss hwm
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$wpid/status")
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$wpid/status")
  kill "$pid" "$wpid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$name" != casebook ] || grep -m1 '^font atlas' "$home/log" > "$work/atlas" 2>/dev/null || true
  rm -rf "$home"
  echo "$(( (t1 - t0) / 1000000 )) $rss $hwm"
}

work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
declare -a cb mn
# Mnemosyne's Qt WebEngine refuses to start as root unless its sandbox is off (a CI container).
mn_env=(MNEMOSYNE_BENCH=1)
[ "$(id -u)" -eq 0 ] && mn_env+=(QTWEBENGINE_DISABLE_SANDBOX=1)
for ((i = 0; i < runs; i++)); do
  db=$(mktemp -d)
  cb+=("$(measure casebook '^Casebook' env CASEBOOK_DEBUG_FONTS=1 "$casebook" --db "$db/progress.sqlite3" \
    --bank "$root/question_banks")")
  rm -rf "$db"
  mn+=("$(measure mnemosyne 'Mnemosyne' env "${mn_env[@]}" mnemosyne)")
done
python3 - "${cb[@]}" -- "${mn[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]
cut = args.index("--")
def med(rows, k): return statistics.median(float(r.split()[k]) for r in rows)
cb, mn = args[:cut], args[cut + 1:]
print(f"runs: Casebook {cb}\n      Mnemosyne {mn}")
print(f"{'':22}{'Casebook':>12}{'Mnemosyne 2.9':>16}{'ratio':>9}")
for k, label, unit, scale in ((0, "first window", "ms", 1), (1, "resident memory", "MiB", 1024), (2, "peak resident", "MiB", 1024)):
    c, m = med(cb, k) / scale, med(mn, k) / scale
    print(f"{label:22}{c:9.0f} {unit:<3}{m:12.0f} {unit:<3}{c / m:8.2f}x")
PY
echo "Casebook's $(cat "$work/atlas" 2>/dev/null || echo 'font atlas: (not reported)')"
