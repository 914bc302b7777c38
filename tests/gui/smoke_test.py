#!/usr/bin/env python3
"""GUI smoke test: casebook --screenshot writes a PNG of the Home screen of the expected
size that is not blank. Run under xvfb-run (see CMakeLists.txt). Exit 77 = skipped."""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngcheck import check_screenshot  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--work", required=True, help="scratch folder (database)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        print("no DISPLAY: run under xvfb-run", file=sys.stderr)
        return 77
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    os.makedirs(args.out, exist_ok=True)
    db = os.path.join(args.work, "db.sqlite")

    # Home with a good bank (Cyrillic text) and a broken one (diagnostics panel).
    shot = os.path.join(args.out, "gui-smoke-home.png")
    if os.path.exists(shot):
        os.remove(shot)
    cmd = [args.casebook, "--db", db,
           "--bank", os.path.join(args.data, "e2e.toml"),
           "--bank", os.path.join(args.data, "broken", "broken.toml"),
           "--screenshot", shot, "--frames", "5"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    print(res.stdout, res.stderr, sep="\n")
    assert res.returncode == 0, f"casebook exited with {res.returncode}"
    assert os.path.exists(shot), "no screenshot written"
    n = check_screenshot(shot, 1100, 760, min_colours=12)
    print(f"{shot}: 1100x760, {n} colours")

    # A screenshot path that cannot be written is an error (exit 1), not a crash.
    bad = os.path.join(args.work, "no-such-dir", "x.png")
    res = subprocess.run(cmd[:-4] + ["--screenshot", bad, "--frames", "1"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1, f"unwritable screenshot: exit {res.returncode}, expected 1"
    assert "screenshot" in res.stderr, res.stderr

    # Without a display the GUI refuses cleanly: exit 1 and a message on stderr.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    assert res.returncode == 1, f"no display: exit {res.returncode}, expected 1"
    assert "cannot start the graphical interface" in res.stderr, res.stderr
    return 0


if __name__ == "__main__":
    sys.exit(main())
