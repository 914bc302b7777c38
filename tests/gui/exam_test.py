#!/usr/bin/env python3
"""GUI test of a mock exam (issue 11) with real key presses under Xvfb, over the e2e bank with
an [[exam]] preset of its 3 Lurk questions (10 minutes, pass 50 %): M on Home opens the set-up,
Right x5 makes it 15 minutes, Enter starts; question 1 is answered, question 2 skipped (S),
question 3 answered, the list (L) shows question 2 unanswered, H asks to hand in (N goes on),
question 2 is answered (revisited), Left goes back to it and H hands in at once (an answered
question's box must not take the keyboard, or "h" would be typed over its answer). The database must hold the attempt (15 min,
3 questions, 3 answers), its result (score = the right answers) and 3 review-log rows. F12
screenshots of set-up, a question, the list, the hand-in question and the result. Exit 77 =
skipped."""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import end_window, key, open_window, quit_window, shoot, start_test, type_text  # noqa: E402

PRESET = """
[[exam]]
id = "gui-paper"
title = "GUI paper: the Lurk investigation"
questions = { lurk = 3 }
minutes = 10
pass_mark = 50
"""

# The right answers of the typed Lurk questions; the single-choice one gets choice 1 (right or
# wrong, depending on the shuffle: the score is checked against the answers stored).
TEXT_ANSWERS = {"gui-e2e/lurk-group-name": "Lurk", "gui-e2e/lurk-detained": "50"}


def questions(db):
    """The exam's questions by position, from the attempt stored when it started."""
    end = time.time() + 10
    while time.time() < end:
        try:
            con = sqlite3.connect(db)
            rows = con.execute("SELECT card_key FROM exam_question ORDER BY position").fetchall()
            con.close()
            if rows:
                return [r[0] for r in rows]
        except sqlite3.Error:
            pass
        time.sleep(0.2)
    raise AssertionError("no exam stored")


def answer(card_key):
    """Answers the question on screen: a typed answer and Enter, or choice 1 and Enter."""
    if card_key in TEXT_ANSWERS:
        type_text(TEXT_ANSWERS[card_key])
    else:
        key("1")
    key("Return")


def main():
    started = start_test(__doc__, "exam")
    if started is None:
        return 77
    args, shots, banks = started
    with open(os.path.join(args.data, "e2e.toml"), encoding="utf-8") as f:
        bank = f.read() + PRESET
    with open(os.path.join(banks, "e2e.toml"), "w", encoding="utf-8") as f:
        f.write(bank)
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)

    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks, "--seed", "5"], env, log)
    try:
        key("m")
        for _ in range(5):
            key("Right")  # 10 -> 15 minutes
        shoot(shots, "exam-setup")
        key("Return")
        keys = questions(db)
        assert len(keys) == 3, keys
        shoot(shots, "exam-taking")
        answer(keys[0])
        key("Escape")  # out of a text box, if one has focus
        key("s")  # question 2 skipped
        answer(keys[2])  # the next unanswered after 3 is 2 again
        key("Escape")
        key("l")
        shoot(shots, "exam-list")
        key("Escape")  # closes the list
        key("h")  # question 2 is unanswered: it asks
        shoot(shots, "exam-confirm")
        key("n")  # go on answering
        key("Tab")  # back into the answer box, if the question has one
        answer(keys[1])  # revisited; question 3 (a choice, no box) is shown next
        assert keys[1] in TEXT_ANSWERS and keys[2] not in TEXT_ANSWERS, keys  # the draw of --seed 5
        key("Left")  # back to question 2, answered: its box must not take the keyboard ...
        key("h")  # ... so H hands in (nothing unanswered) rather than typing "h" over "50"
        shoot(shots, "exam-result")
        key("Return")  # Home
        quit_window(app)
    finally:
        end_window(app, log)

    con = sqlite3.connect(db)
    attempt = con.execute("SELECT id, preset, time_limit_ms, pass_mark, practice FROM exam_attempt").fetchall()
    answers = con.execute("SELECT position, answered, correct, answer FROM exam_answer ORDER BY position").fetchall()
    result = con.execute("SELECT correct, total, percent, passed, timed_out FROM exam_result").fetchall()
    reviews = con.execute("SELECT card_key, rating FROM review_log ORDER BY id").fetchall()
    con.close()
    print("attempt", attempt, "answers", answers, "result", result, "reviews", reviews)
    assert attempt == [(1, "gui-e2e/gui-paper", 15 * 60_000, 50, 0)], attempt
    assert [a[1] for a in answers] == [1, 1, 1], answers  # the skipped one was answered on revisit
    assert all(a[3] for a in answers), answers  # every answer has its text (typed into the box)
    for position, card_key in enumerate(keys):
        if card_key in TEXT_ANSWERS:
            assert answers[position][2] == 1, (card_key, answers)  # the typed answers are right
            assert answers[position][3] == TEXT_ANSWERS[card_key], (card_key, answers)  # never typed over
    right = sum(a[2] for a in answers)
    assert result == [(right, 3, round(100 * right / 3), 1 if right * 100 >= 50 * 3 else 0, 0)], result
    assert sorted(r[0] for r in reviews) == sorted(keys), reviews  # exam answers are reviews
    assert [r[1] for r in reviews] == [3 if a[2] else 1 for a in answers], (reviews, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
