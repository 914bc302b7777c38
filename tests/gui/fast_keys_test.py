#!/usr/bin/env python3
"""GUI test: keys that reach the window between two frames all count. Under X (xvfb-run),
twice, each time with a one-card bank: on a multiple-response card "1 3 Return" in one burst
must record an answer with two choices (not only the first digit); in a short-answer box
"l u r k x x BackSpace BackSpace Return" in one burst must record "lurk" (both Backspaces).
The review log is read with `casebook report --format json`. Exit 77 = skipped.

A burst is sent while the app is stopped (SIGSTOP), so that every key arrives before the next
frame, as on a slow machine or with a fast typist; the keys are 3 ms apart because GLFW's X11
backend drops a second press of one key within the same millisecond (its XIM duplicate
filter), which no keyboard produces."""
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, xdotool  # noqa: E402

BANK_HEAD = """[bank]
id = "{id}"
title = "Fast keys"
version = "1.0.0"
format = 1
language = "en"
authors = ["Casebook team"]
licence = "CC-BY-4.0"

[[source]]
id = "s"
citation = "Casebook test data."

"""

MULTIPLE = """[[question]]
id = "agencies"
type = "multiple_response"
prompt = "Which of these are Russian security agencies?"
choices = ["FSB", "SVR", "FBI"]
answers = ["FSB", "SVR"]
explanation = "The FBI is American."
source = "s"
paragraph = 1
"""

SHORT = """[[question]]
id = "group"
type = "short_answer"
prompt = "Which hacker group was arrested in 2016?"
answers = ["Lurk"]
explanation = "Lurk."
source = "s"
paragraph = 1
"""


def burst(app, *names):
    """Sends the keys while `app` is stopped: they all wait for its next frame."""
    os.kill(app.pid, signal.SIGSTOP)
    try:
        res = xdotool("key", "--delay", "3", *names)
        assert res.returncode == 0, res.stderr
        time.sleep(0.2)
    finally:
        os.kill(app.pid, signal.SIGCONT)
    time.sleep(1.0)


def study_one_card(args, name, question, keys):
    """Writes a one-card bank, answers its card with the burst `keys`, rates it Good (3) and
    quits; returns the answer recorded in the review log (None when none was: Enter lost)."""
    bank = os.path.join(args.work, f"{name}.toml")
    with open(bank, "w", encoding="utf-8") as f:
        f.write(BANK_HEAD.format(id=name) + question)
    db = os.path.join(args.work, f"{name}.sqlite")
    with open(os.path.join(args.work, f"{name}.log"), "w") as log:
        app = open_window(args.casebook, ["--db", db, "--bank", bank], os.environ, log)
        try:
            key("Return")  # Home: start the session
            burst(app, *keys)
            key("3")  # feedback: rate Good
            quit_window(app)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    print(open(os.path.join(args.work, f"{name}.log")).read())
    report = os.path.join(args.work, f"{name}.json")
    res = subprocess.run([args.casebook, "report", "--db", db, "--bank", bank, "--format", "json",
                          "--out", report], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, f"casebook report: {res.stdout}{res.stderr}"
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    reviews = [r for r in data["reviews"] if r["card_key"].startswith(name + "/")]
    assert len(reviews) <= 1, f"{name}: expected one review, found {reviews}"
    answer = reviews[0]["answer"] if reviews else None
    print(f"{name}: recorded answer {answer!r}")
    return answer


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    failures = []
    # The choices are shown in a shuffled order: "1 3" picks two of the three, whichever.
    answer = study_one_card(args, "fast-multiple", MULTIPLE, ["1", "3", "Return"])
    if answer is None or len([c for c in ("FSB", "SVR", "FBI") if c in answer]) != 2:
        failures.append(f"1 and 3 typed in one burst should pick two choices, answer {answer!r}")
    answer = study_one_card(args, "fast-short", SHORT,
                            ["l", "u", "r", "k", "x", "x", "BackSpace", "BackSpace", "Return"])
    if answer != "lurk":
        failures.append(f"two quick Backspaces should remove 'xx', answer {answer!r}")
    assert not failures, "; ".join(failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
