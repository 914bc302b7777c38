#!/usr/bin/env python3
"""GUI test of the dilemma study flow (issue 11) with real key presses under Xvfb at 1280x800:
1 takes a position, a long justification is typed and the box wraps it (the typed glyphs
fill several text rows, not one scrolled line); Ctrl+Enter opens the feedback; 3 rates
nothing until the rubric is ticked (A), then 3 records Good with exactly the typed text (no
soft break stored); Ctrl+Z takes it back and the dilemma is answered again with that position
and justification, submitted as they stand. Then the card is made due again in the database and a second run shows
the last justification back in the box. A dilemma written as a case shows its brief, and A steps through a criterion's levels.
F12 screenshots of each step. Exit 77 = skipped."""
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, shoot, stop_window, type_text  # noqa: E402
from pngcheck import read_png  # noqa: E402

JUSTIFICATION = ("Resume, but narrowly: the suspects sit on Russian soil and only local police can arrest them, "
                 "so a channel limited to named criminal cases brings results, while the level of contact, the "
                 "data that may flow and the option to stop are agreed with allies beforehand.")


def text_bands(before, after):
    """Bands of consecutive pixel rows that differ between two screenshots of the same screen
    (the glyphs typed in between): a wrapped paragraph makes one tall band, one long line a
    band one text row high."""
    _, _, rows_a = read_png(before)
    _, _, rows_b = read_png(after)
    changed = [y for y, (a, b) in enumerate(zip(rows_a, rows_b)) if a != b]
    bands = []
    for y in changed:
        if bands and y - bands[-1][1] <= 3:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    return [b for b in bands if b[1] - b[0] >= 6]  # a text row is taller than a caret blink's edge


def reviews(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT rating, answer FROM review_log ORDER BY id").fetchall()
    finally:
        con.close()


def wait_for_reviews(db, n, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        rows = reviews(db)
        if len(rows) >= n:
            return rows
        time.sleep(0.2)
    return reviews(db)


def wait_for_voids(db, n, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        con = sqlite3.connect(db)
        try:
            if con.execute("SELECT count(*) FROM review_void").fetchone()[0] >= n:
                return
        finally:
            con.close()
        time.sleep(0.2)
    raise AssertionError("no voiding record")


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "dilemma")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    bank = os.path.join(args.data, "dilemma.toml")
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)

    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    try:
        key("Return")  # Home: study everything (the one dilemma)
        key("1")  # the first position; the justification box takes the focus
        empty = shoot(shots, "dilemma-empty-box")
        type_text(JUSTIFICATION)
        typed = shoot(shots, "dilemma-justification-wrapped")
        bands = text_bands(empty, typed)
        print("rows changed by typing:", bands)
        # One line of text at the default size is under 20 px high; the wrapped paragraph
        # spans at least three lines (the window is 1280 px wide, the text about 300 chars).
        height = max((b[1] - b[0] for b in bands), default=0)
        assert height >= 45, f"the justification does not wrap: rows {bands}"
        key("ctrl+Return")
        shoot(shots, "dilemma-feedback-rubric-pending")
        key("3")  # refused: the rubric comes first
        time.sleep(1.0)
        assert reviews(db) == [], "a rating was recorded before the rubric"
        key("a")  # tick the first rubric line
        shoot(shots, "dilemma-feedback-ticked")
        key("3")
        rows = wait_for_reviews(db, 1)
        assert len(rows) == 1, rows
        rating, answer = rows[0]
        assert rating == 3, rows
        assert answer == ("position: Resume regular cooperation; rubric 1/4 met; justification: " + JUSTIFICATION), answer
        shoot(shots, "dilemma-summary")
        # Ctrl+Z takes the rating back: the dilemma is answered again with the position and
        # justification taken back (a new user lost them); Enter outside the box submits them.
        key("ctrl+z")
        wait_for_voids(db, 1)
        shoot(shots, "dilemma-after-undo")
        key("Return")
        key("a")
        key("3")
        rows = wait_for_reviews(db, 2)
        assert len(rows) == 2 and rows[1] == rows[0], rows
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log"), encoding="utf-8").read())

    # The dilemma comes back (its cached state made due now): the last justification is in
    # the box, wrapped again.
    con = sqlite3.connect(db)
    con.execute("UPDATE card_state SET due_ms = 0")
    con.commit()
    con.close()
    log = open(os.path.join(args.work, "casebook2.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    try:
        key("Return")
        shoot(shots, "dilemma-returns-with-last-justification")
        key("Tab")  # into the box: its text is submitted as it stands
        key("ctrl+Return")
        key("s")  # skip the rubric this time
        key("3")
        rows = wait_for_reviews(db, 3)
        assert len(rows) == 3, rows
        assert rows[2][1] == ("position: Resume regular cooperation; rubric skipped; justification: " + JUSTIFICATION), rows[1]
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook2.log"), encoding="utf-8").read())
    # A dilemma written as a case (issue 14): the brief before the answer, the levelled rubric
    # after it; A steps through the first criterion's levels (none -> 0 -> 1 -> 2).
    case_bank = os.path.join(args.data, "..", "..", "bank", "data", "valid", "case-dilemma.toml")
    case_db = os.path.join(args.work, "case.sqlite")
    log = open(os.path.join(args.work, "casebook3.log"), "w")
    app = open_window(args.casebook, ["--db", case_db, "--bank", case_bank], env, log)
    try:
        key("Return")
        shoot(shots, "case-brief")
        key("2")
        type_text("Keep it: the sources come first.")
        key("ctrl+Return")
        key("a", "a", "a")
        shoot(shots, "case-feedback-levels")
        key("3")
        rows = wait_for_reviews(case_db, 1)
        assert rows == [(3, "position: Keep it; rubric 1/2 met; levels 2/3 -/2; justification: "
                            "Keep it: the sources come first.")], rows
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook3.log"), encoding="utf-8").read())
    print("dilemma flow: wrapped box, rubric before rating, last justification restored, case levels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
