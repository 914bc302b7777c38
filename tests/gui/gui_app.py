"""Starting and stopping casebook for the GUI tests (used by fast_keys_test.py and
font_reload_test.py)."""
import argparse
import os
import shutil
import subprocess
import sys
import time

from e2e_test import key, xdotool


def args_or_skip(doc):
    """The arguments every GUI test gets (tests/gui/CMakeLists.txt), or None without X."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--work", required=True, help="scratch folder (banks, database, logs)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("needs an X display (xvfb-run) and xdotool", file=sys.stderr)
        return None
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


def open_window(casebook, argv, env, log):
    """Starts casebook with `argv`, focuses its window; returns the process."""
    app = subprocess.Popen([casebook, *argv], env=env, stdout=log, stderr=subprocess.STDOUT)
    found = xdotool("search", "--sync", "--onlyvisible", "--name", "^Casebook$", timeout=30)
    wid = found.stdout.split()[0] if found.stdout.split() else None
    if not wid:
        app.kill()
        raise AssertionError("the Casebook window did not appear")
    xdotool("windowfocus", "--sync", wid)
    xdotool("mousemove", "--window", wid, "40", "40")
    time.sleep(1.0)  # first frames, fonts
    return app


def quit_window(app):
    """Quits with Ctrl+Q and checks the exit code."""
    key("ctrl+q")
    rc = app.wait(timeout=20)
    assert rc == 0, f"casebook exited with {rc}"
