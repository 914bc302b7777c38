#!/usr/bin/env python3
"""GUI test with real key presses under Xvfb: a refused typed answer leaves the keyboard in
its box. A numeric card answered "seven" + Enter shows "Type a number, in digits"; then, with
no mouse and no Tab, Ctrl+A, "50" and Enter must replace the text and submit it (before the
fix the box had lost the keyboard: typing did nothing; a mock exam's questions go through the
same answer controls). Then card info and a report form, opened and closed with Escape,
leave the keyboard in the next card's box ("1", "3" typed around them give 13). F12 screenshots
after the refusal and after the forms. Exit 77 = skipped (no X or xdotool)."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import end_window, key, open_window, quit_window, shoot, start_test, type_text, wait_until  # noqa: E402

BANK = '''[bank]
id = "gui-numeric"
title = "Numeric only"
version = "1.0.0"
format = 1

[[source]]
id = "s"
citation = "A. Author, \\"Title\\", 2021."

[[question]]
id = "detained"
type = "numeric"
prompt = "About how many people were detained?"
answer = 50
tolerance = 5
unit = "people"
explanation = "About fifty."
source = "s"
paragraph = 1

[[question]]
id = "stolen"
type = "numeric"
prompt = "How many billion rubles did the group steal, about?"
answer = 3
tolerance = 0
unit = "billion rubles"
explanation = "Nearly three billion."
source = "s"
paragraph = 2
'''


def answers(db):
    con = sqlite3.connect(db)
    try:
        return [a for (a,) in con.execute("SELECT answer FROM review_log ORDER BY id")]
    finally:
        con.close()


def main():
    started = start_test(__doc__, "text_answer")
    if started is None:
        return 77
    args, shots, banks = started
    with open(os.path.join(banks, "numeric.toml"), "w", encoding="utf-8") as f:
        f.write(BANK)
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        key("Return")  # study all course banks: the one numeric card, its box focused
        type_text("seven")
        key("Return")  # refused: not a number
        shoot(shots, "study-refused")
        key("ctrl+a")
        type_text("50")
        key("Return")  # accepted: the feedback
        key("3")  # Good
        got = wait_until(lambda: answers(db), "the review of the numeric card")
        assert len(got) == 1 and got[0].startswith("50") and "seven" not in got[0], got
        # The second card: card info (Ctrl+I) and a problem report's form (Ctrl+P), each closed
        # with Escape, then typing: the box has the keyboard again (typing was lost and Enter
        # recorded "(no answer)").
        key("ctrl+i")
        key("Escape")
        type_text("1")
        key("ctrl+p")
        key("Escape")
        type_text("3")
        shoot(shots, "study-after-info-and-report")
        key("Return")
        key("3")
        got = wait_until(lambda: answers(db)[1:], "the review of the second card")
        assert got[0].startswith("13"), got
        key("Escape")  # the summary
        key("Return")  # Home
        quit_window(app)
    finally:
        end_window(app, log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
