#!/usr/bin/env bash
# Renders the HTML report in headless Chromium (Debian's `chromium`): the page must log no
# console message (no script error, no CSP violation, no failed load) and its DOM must hold
# the report's sections; a screenshot is written for a person to look at.
# Usage: browser_check.sh REPORT.html SCREENSHOT.png   Exit 77 (CTest "skipped") without chromium.
set -euo pipefail
html="$(realpath "$1")"
png="$(realpath -m "$2")"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium is not installed (bash .ci/setup installs it)"
  exit 77
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0
       --hide-scrollbars)
rm -f "$png"
timeout 90 "$browser" "${flags[@]}" --screenshot="$png" --window-size=1280,2000 "file://$html" \
  >"$profile/shot.out" 2>"$profile/shot.err" || true
timeout 90 "$browser" "${flags[@]}" --dump-dom "file://$html" >"$profile/dom.html" 2>"$profile/dom.err" || true
status=0
# Console messages are logged as "...:INFO:CONSOLE:line] ..." (older: CONSOLE(line)); CSP blocks as "Refused to ...".
if grep -hE ':CONSOLE[:(]|Refused to|Uncaught|ERR_FILE_NOT_FOUND' "$profile/shot.err" "$profile/dom.err"; then
  echo "FAIL: the page logged console messages (above)"
  status=1
fi
if [ ! -s "$png" ] || [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
  echo "FAIL: no PNG screenshot at $png"; cat "$profile/shot.err"; status=1
fi
for needle in '<h2>True retention</h2>' '<h2>Forecast</h2>' '<svg class="chart"' '&lt;script&gt;alert(1)&lt;/script&gt;' \
              'class="retired"' '<h2>Coverage and accuracy by bank and topic</h2>' '<h2>Weakest cards</h2>'; do
  if ! grep -qF -- "$needle" "$profile/dom.html"; then echo "FAIL: rendered DOM lacks $needle"; status=1; fi
done
if grep -qiE '<script|<img' "$profile/dom.html"; then echo "FAIL: rendered DOM holds a script or image element"; status=1; fi
[ "$status" -eq 0 ] && echo "browser: rendered with no console messages; screenshot $png"
exit "$status"
