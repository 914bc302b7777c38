#!/usr/bin/env python3
"""GUI end-to-end test: starts casebook under X (xvfb-run), finds its window with xdotool,
studies six cards with real key presses (Enter, number keys, typing, 1-4), takes an F12
screenshot mid-session, ends the session (Escape), quits (Ctrl+Q), then checks with
`casebook report` that the reviews were recorded. On the first card Ctrl+1 flags it (the flag
line shows under the header) and Ctrl+1 again removes it (the screen as before); both card
events are checked in the progress file. Exit 77 = skipped (no X or xdotool)."""
import csv
import glob
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, shot, start_test, stop_window, type_text, wait_for_new_png  # noqa: E402
from pngcheck import check_screenshot, read_png  # noqa: E402


def header_band(path):
    """The pixel rows of the study screen's header and the line under it (the top 7.5 % of the
    screenshot: progress, the flag line when there is one, the start of the prompt), above any
    text box whose cursor blinks."""
    _, height, rows = read_png(path)
    return rows[:int(0.075 * height)]


def main():
    started = start_test(__doc__, "e2e")
    if started is None:
        return 77
    args, shots, _ = started
    db = os.path.join(args.work, "db.sqlite")
    bank = os.path.join(args.data, "e2e.toml")

    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    try:

        taken = []
        before = set(glob.glob(os.path.join(shots, "*.png")))
        key("F12")  # Home
        taken.append(wait_for_new_png(shots, before))

        key("Return")  # Home: start the session
        # Ctrl+1 flags the card on screen red, Ctrl+1 again removes the flag.
        flag_shots = [shot(shots, "study-before-flag.png")]
        key("ctrl+1")
        flag_shots.append(shot(shots, "study-flagged.png"))
        key("ctrl+1")
        flag_shots.append(shot(shots, "study-unflagged.png"))
        for card in range(6):
            # Works for every type in the bank: "1" picks the first choice / True, and letters
            # are ignored by choice cards; text cards get "1 Lurk" in their auto-focused box,
            # which a numeric card reads as the number 1 followed by a unit word.
            key("1")
            type_text(" Lurk")
            if card == 2:
                before = set(glob.glob(os.path.join(shots, "*.png")))
                key("F12")  # mid-session, answer chosen
                taken.append(wait_for_new_png(shots, before))
            key("Return")  # submit
            if card == 3:
                before = set(glob.glob(os.path.join(shots, "*.png")))
                key("F12")  # the feedback view
                taken.append(wait_for_new_png(shots, before))
            key("3" if card % 2 == 0 else "Return")  # rate Good / continue with the proposal
        key("Escape")  # leave the session: summary
        before = set(glob.glob(os.path.join(shots, "*.png")))
        key("F12")
        taken.append(wait_for_new_png(shots, before))
        key("ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())

    assert all(taken), f"F12 screenshots missing: {taken}"
    for i, png in enumerate(taken):
        final = os.path.join(shots, ["home", "answering", "feedback", "summary"][i] + ".png")
        os.replace(png, final)
        check_screenshot(final, 1100, 760, min_colours=8)
        print("screenshot", final)

    for png in flag_shots:
        check_screenshot(png, 1100, 760, min_colours=8)
        print("screenshot", png)
    before_flag, flagged, unflagged = (header_band(png) for png in flag_shots)
    assert flagged != before_flag, "Ctrl+1: no flag line under the header"
    assert unflagged == before_flag, "Ctrl+1 again: the header is not as it was before the flag"
    con = sqlite3.connect(db)
    events = con.execute("SELECT card_key, kind, flag FROM card_event ORDER BY id").fetchall()
    first = con.execute("SELECT card_key FROM review_log ORDER BY id LIMIT 1").fetchone()
    con.close()
    assert first is not None, "no review recorded"
    assert events == [(first[0], "flag", 1), (first[0], "flag", 0)], f"card events: {events}"

    report = os.path.join(args.work, "r.csv")
    res = subprocess.run([args.casebook, "report", "--db", db, "--bank", bank,
                          "--format", "csv", "--out", report],
                         capture_output=True, text=True, timeout=60)
    print(res.stdout, res.stderr)
    assert res.returncode == 0, f"casebook report exited with {res.returncode}"
    with open(report, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    reviews = [r for r in rows if r.get("record") == "review"
               and any(str(v).startswith("gui-e2e/") for v in r.values())]
    print(f"{len(reviews)} review rows for gui-e2e")
    assert len(reviews) >= 5, f"expected at least 5 reviews, found {len(reviews)}"
    # What the keys produced: "1 Lurk" typed into the auto-focused box of text cards,
    # "1" picking True on true/false cards and the first choice shown on choice cards.
    for r in reviews:
        kind, answer = r["question_type"], r["answer"]
        if kind in ("short_answer", "numeric"):
            assert answer == "1 Lurk", f"{r['card_key']}: answer {answer!r}, expected '1 Lurk'"
        elif kind == "true_false":
            assert answer == "true", f"{r['card_key']}: answer {answer!r}, expected 'true'"
        else:
            assert answer, f"{r['card_key']}: empty answer"
        assert r["rating"] in ("again", "good"), f"{r['card_key']}: rating {r['rating']!r}"
    return 0


if __name__ == "__main__":
    sys.exit(main())
