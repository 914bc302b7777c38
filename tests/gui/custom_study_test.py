#!/usr/bin/env python3
"""GUI test of custom study (issue 11) with real key presses under Xvfb, over Home's topic
row: a card rated Again in a normal session; C opens Custom study (today's forgotten cards
highlighted), Enter studies exactly that card (recorded, Easy); C, Down Down, Enter previews
the topic's new cards (nothing recorded); C, Down Down, Shift+Left, Left x7, Enter: 3 extra
new cards today, stored for the topic. The review log and extra_new_cards are checked in the
database; F12 screenshots of the Custom study screen and each session. Exit 77 = skipped."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import answer_current, args_or_skip, key, open_window, quit_window, shoot, stop_window  # noqa: E402


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "custom_study")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    banks = os.path.join(args.work, "banks")
    os.makedirs(banks)
    shutil.copy(os.path.join(args.data, "e2e.toml"), os.path.join(banks, "e2e.toml"))
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)

    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        # Rows: all course banks, the bank, its topic "The Lurk investigation".
        key("Down", "Down")
        shoot(shots, "home-topic")
        key("Return")
        answer_current()
        key("1")  # Again
        key("Escape")  # the next card is left unanswered: the summary
        key("Return")  # Home, the topic still highlighted
        key("c")
        shoot(shots, "custom-study")
        key("Return")  # today's forgotten cards (the first row)
        shoot(shots, "forgotten-session")
        answer_current()
        key("4")  # Easy: it graduates, the session ends
        shoot(shots, "forgotten-summary")
        key("Return")
        key("c", "Down", "Down")  # preview new cards
        shoot(shots, "custom-study-preview")
        key("Return")
        shoot(shots, "preview-session")
        answer_current()
        key("3")
        key("Escape")
        key("Return")
        key("c", "Down", "Down")  # from preview (kept) to extra new cards
        key("shift+Left")  # 20 -> 10
        for _ in range(7):
            key("Left")
        shoot(shots, "custom-study-extra-new")
        key("Return")
        shoot(shots, "extra-new-session")
        key("Escape")
        key("Return")
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log"), encoding="utf-8").read())

    con = sqlite3.connect(db)
    rows = con.execute("SELECT card_key, rating FROM review_log ORDER BY id").fetchall()
    extra = con.execute("SELECT bank_id, topic, count FROM extra_new_cards").fetchall()
    con.close()
    print("review_log", rows, "extra_new_cards", extra)
    # The card rated Again, then once more in the forgotten session; the preview wrote nothing.
    assert len(rows) == 2 and rows[0][0] == rows[1][0], rows
    assert [r[1] for r in rows] == [1, 4], rows
    lurk = {"gui-e2e/lurk-arrests-year", "gui-e2e/lurk-group-name", "gui-e2e/lurk-detained"}
    assert rows[0][0] in lurk, rows
    assert extra == [("gui-e2e", "lurk", 3)], extra
    return 0


if __name__ == "__main__":
    sys.exit(main())
