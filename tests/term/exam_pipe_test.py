#!/usr/bin/env python3
"""`casebook exam` (issue 11, mock exams), the real binary through pipes, on the GUI test bank
(tests/gui/data/e2e.toml) with an [[exam]] preset of its 3 Lurk questions appended:

1. An unknown preset exits 2 naming the presets there are.
2. A practice run that skips every question and leaves them unanswered on the revisit: the
   result page says 0 of 3, the attempt is stored with its result and no review is recorded.
   Its printed cards give the display number of the right choice (the same --seed shows the
   same exam in the same order).
3. The same exam for real: question 1 skipped, 2 and 3 answered, 1 answered on the revisit:
   3 of 3, passed; the attempt, its answers and 3 review-log rows (rating Good) are stored.
"""
import argparse
import os
import re
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_mode_test import fail, run  # noqa: E402

PRESET = """
[[exam]]
id = "pipe-paper"
title = "Pipe paper: the Lurk investigation"
questions = { lurk = 3 }
minutes = 10
pass_mark = 50
"""
TYPED = {"In which year": None, "Which hacker group": "Lurk", "About how many people": "50"}


def questions(stdout):
    """(prompt, printed lines) of each question asked, in order."""
    blocks = re.split(r"\nQuestion \d+ of 3[^\n]*\n", stdout)[1:]
    return blocks


def answer_for(block):
    for start, typed in TYPED.items():
        if start in block:
            if typed is not None:
                return typed
            m = re.search(r"^\s*(\d+)\. 2016$", block, re.M)
            if not m:
                fail("no choice 2016 in:\n" + block)
            return m.group(1)
    fail("an unexpected question:\n" + block)
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    bank = os.path.join(args.work, "e2e.toml")
    with open(os.path.join(args.source, "tests", "gui", "data", "e2e.toml"), encoding="utf-8") as f:
        text = f.read()
    with open(bank, "w", encoding="utf-8") as f:
        f.write(text + PRESET)
    db = os.path.join(args.work, "exam.sqlite3")
    base = ["--db", db, "--bank", bank, "--seed", "7", "exam"]

    r = run(args.casebook, base + ["--preset", "nope"])
    if r.returncode != 2 or "no loaded bank has the exam preset `nope` (presets: gui-e2e/pipe-paper)" not in r.stderr:
        fail(f"unknown preset: rc {r.returncode}, stderr {r.stderr!r}")

    r = run(args.casebook, base + ["--preset", "pipe-paper", "--practice"], "s\n\ns\n\n\n\n")
    if r.returncode != 0:
        fail(f"practice run: rc {r.returncode}\n{r.stdout}\n{r.stderr}")
    if "Pipe paper: the Lurk investigation: 3 questions, 10 minutes, a practice run" not in r.stdout:
        fail("the intro line:\n" + r.stdout)
    if "3 questions are unanswered: they are asked once more" not in r.stdout or "0 of 3 (0 %) — not passed" not in r.stdout:
        fail("revisit or result:\n" + r.stdout)
    blocks = questions(r.stdout)
    if any(line.startswith("Card ") for line in r.stdout.splitlines()):
        fail("a study session's header in an exam:\n" + r.stdout)
    if len(blocks) != 6:
        fail(f"{len(blocks)} questions asked, not 3 and 3 revisited:\n" + r.stdout)
    answers = [answer_for(b) for b in blocks[:3]]

    lines = "s\n" + answers[1] + "\n" + answers[2] + "\n" + answers[0] + "\n"
    r = run(args.casebook, base + ["--preset", "gui-e2e/pipe-paper"], lines)
    print(r.stdout)
    if r.returncode != 0:
        fail(f"exam: rc {r.returncode}\n{r.stderr}")
    for needed in ("1 question is unanswered: it is asked once more", "3 of 3 (100 %) — passed (pass mark 50 %)",
                   "Score per topic", "The Lurk investigation: 3 of 3", "Your answer: Lurk", "Source: "):
        if needed not in r.stdout:
            fail(f"{needed!r} not printed")

    con = sqlite3.connect(db)
    attempts = con.execute("SELECT id, practice, time_limit_ms, seed FROM exam_attempt ORDER BY id").fetchall()
    results = con.execute("SELECT attempt_id, correct, total, passed FROM exam_result ORDER BY attempt_id").fetchall()
    answered = con.execute("SELECT attempt_id, SUM(answered) FROM exam_answer GROUP BY attempt_id").fetchall()
    reviews = con.execute("SELECT rating FROM review_log").fetchall()
    q1 = [k for (k,) in con.execute("SELECT card_key FROM exam_question WHERE attempt_id = 1 ORDER BY position")]
    q2 = [k for (k,) in con.execute("SELECT card_key FROM exam_question WHERE attempt_id = 2 ORDER BY position")]
    con.close()
    if attempts != [(1, 1, 600000, 7), (2, 0, 600000, 7)]:
        fail(f"attempts {attempts}")
    if results != [(1, 0, 3, 0), (2, 3, 3, 1)]:
        fail(f"results {results}")
    if answered != [(1, 0), (2, 3)]:
        fail(f"answers {answered}")
    if reviews != [(3,), (3,), (3,)]:
        fail(f"review_log {reviews}: the practice run records none, the exam one Good per right answer")
    if q1 != q2:
        fail(f"the same seed drew {q1} and {q2}")
    print("ok")


if __name__ == "__main__":
    main()
