#!/usr/bin/env python3
"""GUI test of the settings screen: opens it from Home with S, moves to "Desired retention"
with the arrow keys (ImGui keyboard navigation), types 0.85, saves with Ctrl+S, takes an F12
screenshot, goes back with Escape and quits; then checks that the progress database holds
desired_retention = 0.85 for the learner. Exit 77 = skipped (no X or xdotool)."""
import glob
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, start_test, stop_window, type_text, wait_for_new_png  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402


def main():
    started = start_test(__doc__, "settings")
    if started is None:
        return 77
    args, shots, _ = started
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", os.path.join(args.data, "e2e.toml")], env, log)
    try:
        key("s")  # Home -> Settings
        key("Down", "Down", "Down")  # scope list, Save, then the first field: desired retention
        key("Return", "ctrl+a")  # edit the number
        type_text("0.85")
        key("Return", "ctrl+s")
        before = set(glob.glob(os.path.join(shots, "*.png")))
        key("F12")
        shot = wait_for_new_png(shots, before)
        key("Escape", "ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())
    assert shot, "F12 screenshot missing"
    final = os.path.join(shots, "settings-saved.png")
    os.replace(shot, final)
    check_screenshot(final, 1100, 760, min_colours=8)
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT key, value FROM study_option WHERE bank_id = ''").fetchall())
    assert rows.get("desired_retention") == "0.85", f"stored options: {rows}"
    print("saved desired_retention 0.85; screenshot", final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
