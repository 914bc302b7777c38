#!/usr/bin/env python3
"""GUI test of the Optimize screen: seeds a progress database with a simulated learner's review
log (150 cards, 7 reviews each), opens Settings (S), the Optimize screen (Ctrl+O), starts the
fit (Enter), waits until the database holds the fitted weights (the fit is better than the
defaults, so it is applied), takes an F12 screenshot and quits. A second run starts the fit and
closes the window at once: the fit is cancelled and the app exits 0. Exit 77 = skipped."""
import argparse
import glob
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, stop_window, wait_for_new_png  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402

DAY_MS = 86_400_000
START_MS = 1_704_110_400_000  # 2024-01-01T12:00Z


def seed_review_log(db):
    """A learner whose memory is stronger than the FSRS defaults predict: card c is first seen
    8 hours after card c-1 and reviewed after 1, 3, 7, 15, 30 and 60 days (plus jitter); it is
    recalled with probability 0.9 ** (t / S), S tripling after each success."""
    rng = random.Random(7)
    con = sqlite3.connect(db)
    (learner_id,) = con.execute("SELECT id FROM learner WHERE name = 'default'").fetchone()
    rows = []
    for c in range(150):
        t = START_MS + c * DAY_MS // 3
        stability = 4.0
        rows.append((learner_id, f"sim/c{c}", t, 3, 1, 0))
        for days in (1, 3, 7, 15, 30, 60):
            days = max(1, round(days * (0.8 + 0.4 * rng.random())))
            t += days * DAY_MS
            recalled = rng.random() < 0.9 ** (days / stability)
            stability = stability * 3.0 if recalled else max(1.0, stability / 2.0)
            rows.append((learner_id, f"sim/c{c}", t, 3 if recalled else 1, 1 if recalled else 0, 2))
    con.executemany(
        "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, correct, answer, response_ms,"
        " state_before, stability_before, difficulty_before, due_before_ms, scheduled_days_before,"
        " learning_steps_before, reps_before, lapses_before, state_after, stability_after, difficulty_after,"
        " due_after_ms, scheduled_days_after, learning_steps_after, reps_after, lapses_after)"
        " VALUES (?, ?, ?, ?, ?, '', 1000, ?, 0, 0, 0, 0, 0, 0, 0, 2, 1, 5, 0, 1, 0, 1, 0)", rows)
    con.commit()
    con.close()
    return len(rows)


def stored_weights(db):
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT value FROM study_option WHERE bank_id = '' AND key = 'weights'").fetchone()
    return row[0] if row else None


def start_app(args, db, env, log):
    app = open_window(args.casebook, ["--db", db, "--bank", os.path.join(args.data, "e2e.toml")], env, log)
    return app


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--work", required=True, help="scratch folder (database)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("needs an X display (xvfb-run) and xdotool", file=sys.stderr)
        return 77
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    shots = os.path.join(args.out, "optimize")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    logpath = os.path.join(args.work, "casebook.log")
    log = open(logpath, "w")
    # A first run (one frame, a screenshot, exit) creates the database and the learner.
    subprocess.run([args.casebook, "--db", db, "--bank", os.path.join(args.data, "e2e.toml"), "--frames", "1",
                    "--screenshot", os.path.join(args.work, "first.png")], env=env, stdout=log,
                   stderr=subprocess.STDOUT, timeout=60, check=True)
    reviews = seed_review_log(db)
    assert stored_weights(db) is None

    shot = None
    app = start_app(args, db, env, log)
    try:
        key("s", "ctrl+o")  # Home -> Settings -> Optimize
        time.sleep(0.5)
        key("Return")  # start the fit
        end = time.time() + 120
        while stored_weights(db) is None and time.time() < end and app.poll() is None:
            time.sleep(0.5)
        time.sleep(0.5)  # one more frame with the result
        before = set(glob.glob(os.path.join(shots, "*.png")))
        key("F12")
        shot = wait_for_new_png(shots, before)
        key("Escape", "Escape", "ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"

        # Closing the window while a fit runs cancels it and exits cleanly.
        app = start_app(args, db, env, log)
        key("s", "ctrl+o")
        time.sleep(0.5)
        key("Return", "ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc} when closed during a fit"
    finally:
        stop_window(app)
        log.close()
        print(open(logpath).read())
    weights = stored_weights(db)
    assert weights is not None, "the fitted weights were not stored"
    numbers = [float(x) for x in weights.split()]
    assert len(numbers) == 21 and all(math.isfinite(x) for x in numbers), f"stored weights: {weights}"
    assert numbers[:4] != [0.212, 1.2931, 2.3065, 8.2956], f"the defaults were stored: {weights}"
    assert shot, "F12 screenshot missing"
    final = os.path.join(shots, "optimize-applied.png")
    os.replace(shot, final)
    check_screenshot(final, 1100, 760, min_colours=8)
    print(f"seeded {reviews} reviews; stored weights {weights}; screenshot {final}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
