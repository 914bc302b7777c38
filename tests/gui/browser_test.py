#!/usr/bin/env python3
"""GUI test of the Browser and Card info screens (issue 12): under X (xvfb-run) opens the
Browser from Home with B, searches with Ctrl+F (the first card shown is chosen without a
key), flags it red (Ctrl+1) and suspends it (Ctrl+J), opens Card info with Enter, reports a problem with
Ctrl+P and a comment, goes back with Escape twice and quits; F12 screenshots of each screen.
Then reads the card events the keys appended to the database. Exit 77 = skipped."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, shot, stop_window, type_text  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "browser")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    db = os.path.join(args.work, "db.sqlite")
    bank = os.path.join(args.data, "e2e.toml")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work,
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    taken = []
    try:
        key("b")  # Home: Browse cards
        shot(shots, "browser.png", taken)
        key("ctrl+f")
        type_text("kaspersky")
        key("Return")  # leaves the search field; the first card shown is chosen already
        key("ctrl+1", "ctrl+j")  # flag red, suspend
        shot(shots, "browser-search.png", taken)
        key("Return")  # Card info
        key("ctrl+p")
        type_text("The year is wrong")
        key("Return")
        shot(shots, "card-info.png", taken)
        key("Escape")  # back to the Browser
        key("Escape")  # back to Home
        shot(shots, "home-after-browser.png", taken)
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())

    for png in taken:
        check_screenshot(png, 1100, 760, min_colours=8)
        print("screenshot", png)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT card_key, kind, flag, note FROM card_event ORDER BY id").fetchall()
    expected = [("gui-e2e/kaspersky-helped", "flag", 1, ""),
                ("gui-e2e/kaspersky-helped", "suspend", 0, ""),
                ("gui-e2e/kaspersky-helped", "report", 0, "The year is wrong")]
    assert rows == expected, f"card events: {rows}"
    suspended = con.execute("SELECT suspended FROM card_flag WHERE card_key = 'gui-e2e/kaspersky-helped'").fetchone()
    assert suspended == (1,), f"card_flag: {suspended}"
    print("browser test: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
