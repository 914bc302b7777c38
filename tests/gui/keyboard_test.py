#!/usr/bin/env python3
"""GUI test of issue 11's keyboard lines, with real key presses under Xvfb:
- Home with 14 banks (29 rows, taller than the 1100x760 window): Down to the last row keeps
  it on screen (its highlight is in the screenshot) and Enter studies that row's topic;
- Settings: a refused number (desired retention 0.5) shows the problem and leaves the
  keyboard in the field: Enter, Ctrl+A and typing put 0.85 there and Ctrl+S saves it;
- Settings: Down to the last study option ("Light day share", below the window's edge) scrolls
  it into view; it is edited and saved from the keyboard;
- Export: Tab reaches the folder field; a folder typed there and Enter export into it.
F12 screenshots of each. Exit 77 = skipped (no X or xdotool)."""
import os
import pathlib
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import end_window, key, open_window, quit_window, shoot, start_test, type_text, wait_until  # noqa: E402
from pngcheck import read_png  # noqa: E402

HIGHLIGHT = bytes((217, 232, 242))  # the light theme's accent_soft: the highlighted Home row


def highlighted_rows(png):
    """How many pixel rows of the screenshot hold the highlight colour."""
    _, _, rows = read_png(png)
    bpp = len(rows[0]) // 1100 if rows else 3
    return sum(1 for r in rows if any(r[i:i + 3] == HIGHLIGHT for i in range(0, len(r) - 2, bpp)))


def options(db):
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT key, value FROM study_option WHERE bank_id = ''").fetchall())
    finally:
        con.close()


def main():
    started = start_test(__doc__, "keyboard")
    if started is None:
        return 77
    args, shots, banks = started
    text = pathlib.Path(args.data, "e2e.toml").read_text(encoding="utf-8")
    for n in range(1, 15):
        bank = text.replace('id = "gui-e2e"', f'id = "gui-k{n:02d}"', 1)
        bank = bank.replace('title = "GUI test bank:', f'title = "Bank {n:02d}:', 1)
        with open(os.path.join(banks, f"b{n:02d}.toml"), "w", encoding="utf-8") as f:
            f.write(bank)
    db = os.path.join(args.work, "db.sqlite")
    reports = os.path.join(args.work, "typed-reports")
    os.makedirs(reports)
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work)

    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        key("s")  # Settings
        key("Down", "Down", "Down")  # scope list, Save, then desired retention
        key("Return", "ctrl+a")
        type_text("0.5")
        key("Return", "ctrl+s")
        shoot(shots, "settings-refused")
        assert "desired_retention" not in options(db), options(db)
        key("Return", "ctrl+a")  # still in the field: edit it again
        type_text("0.85")
        key("Return", "ctrl+s")
        wait_until(lambda: options(db).get("desired_retention") == "0.85", "desired retention 0.85 saved")

        key(*(["Down"] * 21))  # from desired retention down to the last study option, "Light day share"
        shoot(shots, "settings-last-field")
        key("Return", "ctrl+a")
        type_text("0.3")
        key("Return", "ctrl+s")
        wait_until(lambda: options(db).get("light_fraction") == "0.3", "light day share 0.3 saved")
        key("Escape")  # back to Home
        top = shoot(shots, "home-top")
        assert highlighted_rows(top) > 0, "no highlighted row on Home"
        key(*(["Down"] * 28))  # all banks, then 14 x (bank, topic): the last topic
        last = shoot(shots, "home-last-row")
        assert highlighted_rows(last) > 0, "the highlighted last row is off screen"
        key("Return")  # study the last bank's topic
        key("1")
        type_text(" Lurk")
        key("Return", "3", "Escape")
        con = sqlite3.connect(db)
        studied = wait_until(lambda: con.execute("SELECT card_key FROM review_log").fetchall(), "a review")
        con.close()
        assert all(k.startswith("gui-k14/") for (k,) in studied), studied

        key("Return")  # summary -> Home

        key("e")  # Export: Tab reaches the folder field, Enter there exports into the folder typed
        key("Tab", "ctrl+a")
        type_text(reports)
        key("Return")
        wait_until(lambda: any(f.endswith(".csv") for f in os.listdir(reports)), "the export in the folder typed", 90)
        wait_until(lambda: len(os.listdir(reports)) >= 6, "every export format", 90)
        key("Escape")
        quit_window(app)
    finally:
        end_window(app, log)
    print("options", options(db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
