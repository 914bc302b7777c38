#!/usr/bin/env python3
"""The two front ends are one app: the same answers given in `casebook study` (through a
pipe) and in the window (real key presses with xdotool, under Xvfb) produce the same review
log rows apart from times.

Both runs use the same bank (tests/term/data/term_bank.toml: every question type, among them
a multiple-response, an ordering and a matching card), the same learner and the same --seed,
so cards come in the same order with their options in the same places; answers are given by
display position. Compared per row: card key, rating, correct, answer text, state, reps and
lapses before and after, stability and difficulty after. Ratings avoid Again, whose 1-minute
step could bring a card back at another point of a slower run. Exit 77 = skipped (no X).
"""
import os
import sqlite3
import sys
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "term"))
from gui_app import PAUSE, args_or_skip, key, open_window, stop_window, type_text  # noqa: E402
from study_process import StudyProcess  # noqa: E402

LEARNER = "parity"
SEED = "11"

# What the learner does at each showing of each card (1st, 2nd, ...; later showings reuse the
# last plan): the answer by display position, then the rating. The same plan drives both.
PLANS = {
    "tt-year": [{"choice": 2, "rate": 3}, {"choice": 1, "rate": 3}],
    "tt-agencies": [{"choices": [1, 3], "rate": 4}],
    "tt-firm": [{"truth": "f", "rate": 4}],
    "tt-group": [{"text": "Lurk", "rate": 3}, {"text": "Lurch", "rate": 3}],
    "tt-detained": [{"text": "48", "rate": 4}],
    "tt-steps": [{"order": [3, 1, 4, 2], "rate": 3}, {"order": [1, 2, 3, 4], "rate": 3}],
    "tt-roles": [{"pairs": [2, 1, 3], "rate": 4}],
    "tt-share": [{"position": 1, "why": "Sharing helps but protect the source", "ticks": "ac", "rate": 2},
                 {"position": 2, "why": "", "ticks": "", "rate": 3}],
}


def plan_for(card_id, showing):
    plans = PLANS[card_id]
    return plans[min(showing, len(plans) - 1)]


def terminal_lines(plan):
    """The lines `casebook study` reads for one showing."""
    if "choice" in plan:
        lines = [str(plan["choice"])]
    elif "choices" in plan:
        lines = [" ".join(map(str, plan["choices"]))]
    elif "truth" in plan:
        lines = [plan["truth"]]
    elif "text" in plan:
        lines = [plan["text"]]
    elif "order" in plan:
        lines = [" ".join(map(str, plan["order"]))]
    elif "pairs" in plan:
        lines = [" ".join(f"{i + 1}{chr(ord('a') + k - 1)}" for i, k in enumerate(plan["pairs"]))]
    else:  # dilemma: position, justification ended by an empty line, rubric ticks
        lines = [str(plan["position"])] + ([plan["why"]] if plan["why"] else []) + [""]
        lines.append(" ".join(plan["ticks"]) if plan["ticks"] else "-")
    return lines + [str(plan["rate"])]


def window_keys(plan):
    """The same showing in the window, as key presses."""
    if "choice" in plan:
        key(str(plan["choice"]), "Return")
    elif "choices" in plan:
        key(*[str(c) for c in plan["choices"]], "Return")
    elif "truth" in plan:
        key(plan["truth"], "Return")
    elif "text" in plan:
        type_text(plan["text"])  # the text box has the focus
        key("Return")
    elif "order" in plan:
        # Rows start in display order; bring the wanted item up to each row in turn: a digit
        # selects a row, Alt+Up moves the selected row up by one.
        rows = list(range(1, len(plan["order"]) + 1))
        for target, item in enumerate(plan["order"]):
            at = rows.index(item)
            key(str(at + 1))
            for _ in range(at - target):
                key("alt+Up")
            rows.insert(target, rows.pop(at))
        key("Return")
    elif "pairs" in plan:
        # The first left item is selected; each digit gives it an option and selects the next.
        key(*[str(k) for k in plan["pairs"]], "Return")
    else:
        key(str(plan["position"]))  # the justification box takes the focus
        time.sleep(PAUSE)
        if plan["why"]:
            type_text(plan["why"])
        key("ctrl+Return")
        key(*plan["ticks"])
    time.sleep(PAUSE)
    key(str(plan["rate"]))
    time.sleep(PAUSE)  # the write and the next card


def prompts_of(bank_path):
    with open(bank_path, "rb") as f:
        bank = tomllib.load(f)
    return bank["bank"]["id"], {q["prompt"]: q["id"] for q in bank["question"]}


def run_terminal(casebook, bank, db, prompts):
    """A session in `casebook study`, answered card by card; returns the transcript."""
    shown = {}
    with StudyProcess(casebook, ["--db", db, "--bank", bank, "--learner", LEARNER, "--seed", SEED, "study"]) as p:
        while (line := p.readline()) != "":
            card_id = prompts.get(line.rstrip("\n"))
            if card_id is not None:
                showing = shown.get(card_id, 0)
                shown[card_id] = showing + 1
                p.send(*terminal_lines(plan_for(card_id, showing)))
        rc, _, err = p.finish()
    assert rc == 0, f"casebook study exited with {rc}: {err}\n{p.text()}"
    assert "Session complete" in p.text(), p.text()
    return p.text()


def run_window(casebook, bank, db, sequence, work):
    """The same session in the window: `sequence` is the card id of each showing in turn."""
    log_path = os.path.join(work, "casebook.log")
    with open(log_path, "w") as log:
        app = open_window(casebook, ["--db", db, "--bank", bank, "--learner", LEARNER, "--seed", SEED], None, log)
        try:
            key("Return")  # Home: start the session
            time.sleep(PAUSE)
            shown = {}
            for card_id in sequence:
                showing = shown.get(card_id, 0)
                shown[card_id] = showing + 1
                window_keys(plan_for(card_id, showing))
            time.sleep(1.0)  # the summary
            key("ctrl+q")
            rc = app.wait(timeout=20)
        finally:
            stop_window(app)
    with open(log_path) as log:
        print(log.read())
    assert rc == 0, f"casebook exited with {rc}"


COLUMNS = ("card_key, rating, correct, answer, state_before, reps_before, lapses_before, state_after, "
           "reps_after, lapses_after, stability_after, difficulty_after")


def rows(db):
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT {COLUMNS} FROM review_log r JOIN learner l ON l.id = r.learner_id "
                           "WHERE l.name = ? ORDER BY r.id", (LEARNER,)).fetchall()
    finally:
        con.close()


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    bank = os.path.normpath(os.path.join(args.data, "..", "..", "term", "data", "term_bank.toml"))
    bank_id, prompts = prompts_of(bank)

    term_db = os.path.join(args.work, "terminal.sqlite3")
    transcript = run_terminal(args.casebook, bank, term_db, prompts)
    with open(os.path.join(args.work, "terminal.txt"), "w", encoding="utf-8") as f:
        f.write(transcript)
    term_rows = rows(term_db)
    sequence = [key_[len(bank_id) + 1:] for key_, *_ in term_rows]
    print(f"terminal: {len(term_rows)} answers: {' '.join(sequence)}")
    # 8 cards and the learning steps that come back (a dilemma has none: issue 11).
    assert len(term_rows) >= 11 and set(sequence) == set(PLANS), sequence

    gui_db = os.path.join(args.work, "window.sqlite3")
    run_window(args.casebook, bank, gui_db, sequence, args.work)
    gui_rows = rows(gui_db)
    print(f"window: {len(gui_rows)} answers")

    problems = []
    for i in range(max(len(term_rows), len(gui_rows))):
        t = term_rows[i] if i < len(term_rows) else None
        g = gui_rows[i] if i < len(gui_rows) else None
        if t != g:
            problems.append(f"row {i + 1}:\n  terminal {t}\n  window   {g}")
    for p in problems:
        print(p)
    assert not problems, f"{len(problems)} rows differ between the terminal and the window"
    print(f"{len(term_rows)} review-log rows identical in both front ends ({COLUMNS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
