#!/usr/bin/env python3
"""GUI test of issue 16: the backlog offer on Home and the exam plan view.

Builds a 14-question bank, lets casebook create its database (one --screenshot run), then adds
12 reviewed cards that fell due 8 days ago and study options with an exam in 14 days, load
balancing and light weekends (rows appended with sqlite3, as a Casebook that was used and left
would have them). Then, with real key presses: Home shows the backlog offer and the exam line
(F12), Right makes it 8 days, N pauses new cards, B spreads (the database must then hold a
backlog_spread of 12 cards over 8 days with new cards paused; F12); P opens the plan (F12 once
it is drawn), Right compares with the next alternative (F12), Esc goes back Home; W, Ctrl+P
opens the plan from the simulator and Esc returns to the simulator (F12), Esc, Ctrl+Q. Checks
the exit code, the screenshots (real images; the plan's differs from Home's and changes with
the alternative) and the database. Exit 77 = skipped (no X or xdotool)."""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, shot, xdotool  # noqa: E402
from pngcheck import check_screenshot, read_png  # noqa: E402

DAY_MS = 86400000
BANK_ID = "gui-plan"
CARDS = 14
OVERDUE = 12


def write_bank(path):
    lines = ['[bank]', f'id = "{BANK_ID}"', 'title = "Plan and backlog"', 'version = "1.0.0"', "format = 1",
             'language = "en"', 'authors = ["Casebook tests"]', 'licence = "CC-BY-4.0"',
             'description = "For the GUI test."', "", "[[source]]", 'id = "src"',
             'citation = "Jane Doe, \\"An Article\\", The Test Times, 1 May 2021."']
    for i in range(CARDS):
        lines += ["", "[[question]]", f'id = "q{i:02d}"', 'type = "true_false"',
                  f'prompt = "Statement {i} is true."', "answer = true", 'explanation = "It is."',
                  'source = "src"', "paragraph = 1"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def seed(db):
    """12 cards reviewed 20 days ago, due 8 days ago; an exam in 14 days; balancing, light weekends."""
    now = int(time.time() * 1000)
    exam = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    with sqlite3.connect(db) as con:
        learner = con.execute("SELECT id FROM learner WHERE name = 'default'").fetchone()[0]
        for i in range(OVERDUE):
            card = f"{BANK_ID}/q{i:02d}"
            last, due, s = now - 20 * DAY_MS, now - 8 * DAY_MS, 3.0 + i
            con.execute(
                "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, correct, answer, response_ms, "
                "state_before, stability_before, difficulty_before, due_before_ms, last_review_before_ms, "
                "scheduled_days_before, learning_steps_before, reps_before, lapses_before, state_after, "
                "stability_after, difficulty_after, due_after_ms, last_review_after_ms, scheduled_days_after, "
                "learning_steps_after, reps_after, lapses_after) "
                "VALUES (?, ?, ?, 3, 1, 'true', 2000, 0, 0, 0, ?, NULL, 0, 0, 0, 0, 2, ?, 5, ?, ?, 12, 0, 1, 0)",
                (learner, card, last, last, s, due, last))
            con.execute("INSERT INTO card_state VALUES (?, ?, 2, ?, 5, ?, ?, 12, 0, 1, 0, ?)",
                        (learner, card, s, due, last, last))
        for k, v in (("exam_date", exam), ("exam_retention", "0.95"), ("load_balance", "on"),
                     ("light_weekdays", "sat sun")):
            con.execute("INSERT INTO study_option VALUES (?, '', ?, ?, ?)", (learner, k, v, now))
    return exam


def settled_screenshot(shots, name, seconds=15):
    """F12 until two shots in a row are identical (a background plan has been drawn)."""
    end = time.time() + seconds
    last = shot(shots, name)
    while time.time() < end:
        time.sleep(0.5)
        again = shot(shots, name + ".next.png")
        if read_png(again)[2] == read_png(last)[2]:
            os.remove(again)
            return last
        os.replace(again, last)
    return last


def wait_for_spread(db, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT days, cards, pause_new FROM backlog_spread").fetchone()
        if row:
            return row
        time.sleep(0.2)
    return None


def changed_rows(a, b):
    _, h, ra = read_png(a)
    _, _, rb = read_png(b)
    return sum(1 for y in range(h) if ra[y] != rb[y]), h


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "plan_backlog")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    bank = os.path.join(args.work, "plan.toml")
    write_bank(bank)
    db = os.path.join(args.work, "db.sqlite")
    base = [args.casebook, "--db", db, "--bank", bank]
    subprocess.run(base + ["--screenshot", os.path.join(args.work, "first.png"), "--frames", "1"], check=True,
                   timeout=60)
    exam = seed(db)
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = subprocess.Popen(base, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        found = xdotool("search", "--sync", "--onlyvisible", "--name", "^Casebook$", timeout=30)
        wid = found.stdout.split()[0] if found.stdout.split() else None
        assert wid, "the Casebook window did not appear"
        xdotool("windowfocus", "--sync", wid)
        xdotool("mousemove", "--window", wid, "5", "780")
        time.sleep(1.0)
        home = shot(shots, "home-backlog-offer.png")
        key("Right", "n", "d")
        spread = wait_for_spread(db)
        spread_shot = shot(shots, "home-spread.png")
        key("p")
        plan = settled_screenshot(shots, "plan.png")
        key("Right")
        plan_alt = settled_screenshot(shots, "plan-alternative.png")
        key("Escape")
        key("w")
        key("ctrl+p")
        from_sim = settled_screenshot(shots, "plan-from-simulator.png")
        key("Escape")
        simulator = shot(shots, "simulator-after-plan.png")
        key("Escape")
        key("ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())
    assert spread == (8, OVERDUE, 1), f"backlog_spread row: {spread}"
    for png in (home, spread_shot, plan, plan_alt, from_sim, simulator):
        check_screenshot(png, 1100, 760, min_colours=8)
    changed, h = changed_rows(home, plan)
    assert changed > h // 3, f"the plan screen changed only {changed} rows of Home"
    changed, h = changed_rows(plan, plan_alt)
    assert changed > 0, "the alternative did not change the plan screen"
    changed, h = changed_rows(from_sim, simulator)
    assert changed > h // 4, "Esc from the plan did not go back to the simulator"
    print(f"spread 12 cards over 8 days; exam {exam}; screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
