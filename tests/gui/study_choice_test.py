#!/usr/bin/env python3
"""GUI test of issue 11 with real key presses under Xvfb: Home lists every course bank, each
bank and its topics (an example bank marked and left out of the first row); Down + Enter
study the example bank; a rating is taken back with Ctrl+Z (the card is shown again, the
review voided, not deleted); a second run with no learn-ahead waits for a learning card
(the waiting screen), then Escape ends it. F12 screenshots of Home, the session after the
undo, the summary and the waiting screen. Exit 77 = skipped (no X or xdotool)."""
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
    shots = os.path.join(args.out, "study_choice")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    banks = os.path.join(args.work, "banks")
    os.makedirs(banks)
    with open(os.path.join(args.data, "e2e.toml"), encoding="utf-8") as f:
        text = f.read()
    shutil.copy(os.path.join(args.data, "e2e.toml"), os.path.join(banks, "a-course.toml"))
    example = text.replace('id = "gui-e2e"', 'id = "gui-example"\nkind = "example"', 1)
    example = example.replace('title = "GUI test bank:', 'title = "Example bank:', 1)
    with open(os.path.join(banks, "b-example.toml"), "w", encoding="utf-8") as f:
        f.write(example)
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)

    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        shoot(shots, "home")
        # Rows: all course banks, the course bank, its topic, the example bank, its topic.
        key("Down", "Down", "Down")
        shoot(shots, "home-example-chosen")
        key("Return")
        answer_current()
        key("3")  # Good: the next card is shown
        key("ctrl+z")  # take it back: the first card again
        shoot(shots, "after-undo")
        answer_current()
        key("4")  # Easy this time
        key("Escape")  # the summary
        shoot(shots, "summary")
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log"), encoding="utf-8").read())

    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, card_key, rating FROM review_log ORDER BY id").fetchall()
    voids = con.execute("SELECT review_id, reason FROM review_void").fetchall()
    print("review_log", rows, "review_void", voids)
    assert len(rows) == 2, rows
    assert all(key_.startswith("gui-example/") for _, key_, _ in rows), rows
    assert rows[0][1] == rows[1][1], "the undone card was not the one shown again"
    assert [r[2] for r in rows] == [3, 4], rows
    assert voids == [(rows[0][0], "undo")], voids

    # No learn-ahead: three cards of the course bank's topic rated Again leave only learning
    # cards, none due yet: the waiting screen.
    con.execute("INSERT INTO study_option (learner_id, bank_id, key, value, updated_at_ms) "
                "SELECT id, '', 'learn_ahead_minutes', '0', 0 FROM learner")
    con.commit()
    con.close()
    log = open(os.path.join(args.work, "casebook2.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        key("Down", "Down")  # the course bank's topic
        key("Return")
        for _ in range(3):
            answer_current()
            key("1")  # Again: a 1-minute step
        shoot(shots, "waiting")
        key("Escape")
        shoot(shots, "summary-after-waiting")
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook2.log"), encoding="utf-8").read())
    con = sqlite3.connect(db)
    topic_rows = con.execute("SELECT card_key, rating FROM review_log WHERE card_key LIKE 'gui-e2e/%'").fetchall()
    con.close()
    assert len(topic_rows) == 3 and all(r == 1 for _, r in topic_rows), topic_rows
    return 0


if __name__ == "__main__":
    sys.exit(main())
