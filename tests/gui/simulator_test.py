#!/usr/bin/env python3
"""GUI test of the workload simulator: opens it from Home with W, picks the bank's options with
Ctrl+B, types a bank size (300) and new cards per day (10) with Tab between the fields, takes an
F12 screenshot, simulates with Enter (on a background thread), takes another, moves the
keyboard focus to the first chart (F6) and its day (Left), takes a third, goes back with
Escape and quits. Checks that the app exits 0, that the screenshots are real images, that the
results (table and charts) changed the lower half of the screen and that the chart focus (its
frame and the focused day's value under it) changed the picture again. Exit 77 = skipped (no X or xdotool)."""
import argparse
import glob
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, stop_window, type_text, wait_for_new_png  # noqa: E402
from pngcheck import check_screenshot, read_png  # noqa: E402


def screenshot(shots, name):
    before = set(glob.glob(os.path.join(shots, "*.png")))
    key("F12")
    shot = wait_for_new_png(shots, before)
    assert shot, "F12 screenshot missing"
    final = os.path.join(shots, name)
    os.replace(shot, final)
    return final


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--work", required=True, help="scratch folder (database)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("needs an X display (xvfb-run) and xdotool", file=sys.stderr)
        return 77
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    shots = os.path.join(args.out, "simulator")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", os.path.join(args.data, "e2e.toml")], env, log)
    try:
        key("w")  # Home -> simulator; the first field (cards in the bank) has the focus
        time.sleep(0.5)
        key("ctrl+b")  # my options -> the bank's effective options
        time.sleep(0.3)
        key("ctrl+a")
        type_text("300")
        key("Tab", "ctrl+a")
        type_text("10")
        key("Tab")
        form = screenshot(shots, "simulator-form.png")
        key("Return")
        time.sleep(2.0)
        results = screenshot(shots, "simulator-results.png")
        key("F6", "Left", "Left")  # the first chart, the day before the last
        time.sleep(0.3)
        focused = screenshot(shots, "simulator-chart-focus.png")
        key("Escape")
        time.sleep(0.3)
        key("Escape", "ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())
    for shot in (form, results, focused):
        check_screenshot(shot, 1100, 760, min_colours=8)
    _, h, rows_form = read_png(form)
    _, _, rows_results = read_png(results)
    changed = sum(1 for y in range(h // 2, h) if rows_form[y] != rows_results[y])
    assert changed > h // 8, f"simulating changed only {changed} rows of the lower half"
    _, _, rows_focused = read_png(focused)
    moved = sum(1 for y in range(h) if rows_results[y] != rows_focused[y])
    assert moved > 20, f"focusing a chart changed only {moved} rows"
    print("simulated; screenshots", form, results, focused)
    return 0


if __name__ == "__main__":
    sys.exit(main())
