#!/usr/bin/env python3
"""GUI test of issue 11's matching, ordering and undo lines, with real key presses under Xvfb
over tests/gui/data/rows.toml (one card per topic: a matching with a 300-character option, an
ordering, two typed answers):
- matching (taller than the window): 1 pairs item 1, Enter asks "Submit anyway?" (scrolled into
  view; nothing recorded), Escape goes back
  to the card, 2 pairs item 2, Enter asks again, Y submits: the review's answer has item 3
  unpaired; the feedback marks each pair with ✓ or ✗ (screenshot);
- ordering: Alt+Down swaps the first two items, Enter: the feedback marks each position;
- typed answer: answered and rated, the next card's empty box has the keyboard; Ctrl+Z there
  takes the rating back (the first card again, its review voided); answered again.
F12 screenshots of each screen (1100x760). Exit 77 = skipped (no X or xdotool)."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import end_window, key, open_window, quit_window, shoot, start_test, type_text, wait_until  # noqa: E402
from pngcheck import read_png  # noqa: E402


NOTICE = bytes((128, 87, 10))  # the light theme's notice colour: the border of the "Submit anyway?" panel


def colour_pixels(png, colour):
    """How many pixels of the screenshot have exactly `colour`."""
    width, _, rows = read_png(png)
    bpp = len(rows[0]) // width
    return sum(1 for r in rows for i in range(0, len(r) - 2, bpp) if r[i:i + 3] == colour)


def query(db, sql, *params):
    """The rows of `sql` on the progress file (a new connection each time: the app writes it)."""
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def reviews(db, card_key):
    return query(db, "SELECT id, answer, rating FROM review_log WHERE card_key = ? ORDER BY id", card_key)


def voids(db):
    return query(db, "SELECT review_id, reason FROM review_void ORDER BY review_id")


def session(args, env, db, banks, downs, log_name, drive):
    """A window on the banks; `downs` times Down on Home picks the topic, Enter starts it, then
    `drive()` answers; Ctrl+Q quits."""
    log = open(os.path.join(args.work, log_name), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks, "--seed", "3"], env, log)
    try:
        key(*(["Down"] * downs))
        key("Return")
        drive()
        quit_window(app)
    finally:
        end_window(app, log)


def main():
    started = start_test(__doc__, "rows")
    if started is None:
        return 77
    args, shots, banks = started
    shutil.copy(os.path.join(args.data, "rows.toml"), os.path.join(banks, "rows.toml"))
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    # Home's rows: all course banks, the bank, then its topics (match, order, typed).

    def matching():
        shoot(shots, "matching-long-option")
        key("1")  # item 1 gets option 1; item 2 is selected next
        key("Return")
        confirm = shoot(shots, "matching-confirm")
        # The card is taller than the window: the question is scrolled into view (its border in
        # the notice colour), not left below the fold where Enter seemed to do nothing.
        assert colour_pixels(confirm, NOTICE) > 300, "the Submit anyway question is off screen"
        assert reviews(db, "gui-rows/agency-roles") == [], "submitted without asking"
        key("Escape")  # go back to the card (not out of the session)
        key("2")  # item 2 gets option 2; item 3 stays open
        key("Return")
        key("y")
        shoot(shots, "matching-feedback")
        key("3")

    session(args, env, db, banks, 2, "matching.log", matching)
    rows = reviews(db, "gui-rows/agency-roles")
    print("matching review", rows)
    assert len(rows) == 1, rows
    assert rows[0][1].count("(none)") == 1, rows  # item 3 submitted unpaired, after the question
    assert rows[0][1].startswith("FSB → "), rows

    def ordering():
        key("alt+Down")  # the first item one place down
        key("Return")
        shoot(shots, "ordering-feedback")
        key("3")

    session(args, env, db, banks, 3, "ordering.log", ordering)
    assert len(reviews(db, "gui-rows/case-order")) == 1

    def typed():
        type_text("Lurk")
        key("Return")
        key("3")  # Good: the other typed card, its box empty and focused
        wait_until(lambda: len(reviews(db, "gui-rows/lurk-name") + reviews(db, "gui-rows/lurk-count")) == 1,
                   "the first typed answer")
        key("ctrl+z")  # in the empty box: takes the rating back
        wait_until(lambda: voids(db), "the voiding record")
        shoot(shots, "typed-after-undo")
        type_text("again")
        key("Return")
        key("4")

    session(args, env, db, banks, 4, "typed.log", typed)
    typed_rows = reviews(db, "gui-rows/lurk-name") + reviews(db, "gui-rows/lurk-count")
    keys = query(db, "SELECT card_key, answer, rating FROM review_log WHERE card_key IN "
                     "('gui-rows/lurk-name', 'gui-rows/lurk-count') ORDER BY id")
    print("typed reviews", keys, "voids", voids(db))
    assert len(typed_rows) == 2, keys
    assert keys[0][0] == keys[1][0], "the undone card was not the one shown again"
    assert [k[2] for k in keys] == [3, 4] and keys[1][1] == "again", keys
    assert voids(db) == [(min(r[0] for r in typed_rows), "undo")], voids(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
