#!/usr/bin/env python3
"""GUI test of damaged and shared progress files (issue 15), on the real window under X:
1. three answers are saved with `casebook study`, and a first start of the window makes the
   daily backup;
2. 4 KB of garbage over the card_state page: the window opens on Backups, the damaged file
   was moved aside byte for byte, the newest backup is selected, R restores it (3 reviews);
3. a second Casebook on the same file gets the start-up window (Work read-only / Quit),
   Enter opens it read-only, Enter on Home studies nothing, and the first one still works;
4. a file that is not SQLite gets the start-up window with Quit only, Escape exits 1, and
   the file is unchanged.
Screenshots (F12) of each screen are checked and kept. Exit 77 = skipped (no X or xdotool)."""
import glob
import os
import random
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, shot, stop_window, xdotool  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402


def reviews(db):
    # Closed at once: an open reader would keep the -wal, and Casebook refuses to restore then.
    with closing(sqlite3.connect("file:" + db + "?mode=ro", uri=True)) as c:
        return c.execute("SELECT count(*) FROM review_log").fetchone()[0]


def damage_card_state_page(db):
    """Writes 4 KB of pseudo-random bytes over the first card_state page (found with dbstat)."""
    with closing(sqlite3.connect("file:" + db + "?mode=ro", uri=True)) as c:
        page = c.execute("SELECT pageno FROM dbstat WHERE name = 'card_state' ORDER BY pageno LIMIT 1").fetchone()[0]
        size = c.execute("PRAGMA page_size").fetchone()[0]
    garbage = bytes(random.Random(42).randrange(256) for _ in range(4096))
    with open(db, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(garbage)
    with open(db, "rb") as f:
        return f.read()


def wait_until(condition, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def casebook_windows():
    found = xdotool("search", "--onlyvisible", "--name", "^Casebook$")
    return found.stdout.split()


def start(casebook, argv, env, log, known=()):
    """Starts casebook and waits for a Casebook window that is not in `known`; focuses it.
    Returns (process, window id)."""
    app = subprocess.Popen([casebook, *argv], env=env, stdout=log, stderr=subprocess.STDOUT)
    wid = None

    def appeared():
        nonlocal wid
        new = [w for w in casebook_windows() if w not in known]
        wid = new[-1] if new else None
        return wid is not None or app.poll() is not None

    wait_until(appeared, 30)
    if wid is None:
        stop_window(app)
        raise AssertionError(f"no new Casebook window for {argv}; see {log.name}")
    focus(wid)
    return app, wid


def focus(wid):
    xdotool("windowactivate", "--sync", wid)
    xdotool("windowfocus", "--sync", wid)
    xdotool("mousemove", "--window", wid, "40", "40")
    time.sleep(1.0)


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "progress-file")
    os.makedirs(shots, exist_ok=True)
    for old in glob.glob(os.path.join(shots, "*.png")):
        os.remove(old)
    db = os.path.join(args.work, "progress.sqlite3")
    bank = os.path.join(args.data, "e2e.toml")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work,
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    base = ["--db", db, "--bank", bank]
    log = open(os.path.join(args.work, "casebook.log"), "w")
    taken = []
    apps = []
    try:
        # 1. Three answers, then the daily backup of the first window start.
        study = subprocess.run([args.casebook, "study", *base, "--limit", "3"], input="1\n\n" * 3 + "q\n",
                               env=env, capture_output=True, text=True, timeout=60)
        assert study.returncode == 0, study.stderr
        assert reviews(db) == 3
        first = subprocess.run([args.casebook, *base, "--screenshot", os.path.join(args.work, "first.png")],
                               env=env, capture_output=True, text=True, timeout=60)
        assert first.returncode == 0, first.stderr
        backups = glob.glob(os.path.join(args.work, "progress-backups", "progress-*-daily.sqlite3"))
        assert len(backups) == 1, backups

        # 2. Damage: moved aside byte for byte, Backups opens with the backup selected, R restores.
        damaged = damage_card_state_page(db)
        app, wid = start(args.casebook, base, env, log)
        apps.append(app)
        aside = glob.glob(db + ".damaged-*[0-9]")
        assert len(aside) == 1, aside
        with open(aside[0], "rb") as f:
            assert f.read() == damaged, "the damaged file was changed"
        shot(shots, "damaged-backups.png", taken)
        assert reviews(db) == 0, "an empty progress file takes the damaged one's place"
        key("r")
        restored = wait_until(lambda: reviews(db) == 3)
        shot(shots, "restored.png", taken)
        assert restored, "R did not restore the backup"
        assert glob.glob(os.path.join(args.work, "progress-backups", "progress-*-before-restore.sqlite3"))
        key("Escape")  # Home: this Casebook keeps the file

        # 3. A second Casebook: the start-up window, then read-only.
        second, second_wid = start(args.casebook, base, env, log, known=[wid])
        apps.append(second)
        shot(shots, "second-instance.png", taken)
        key("Return")  # Work read-only: the startup window closes and the main window opens
        time.sleep(2.0)
        assert second.poll() is None, "the second Casebook quit instead of opening read-only"
        others = []
        assert wait_until(lambda: others.extend(w for w in casebook_windows() if w != wid) or others), \
            "no window of the second Casebook"
        read_only_wid = others[-1]
        focus(read_only_wid)
        shot(shots, "read-only-home.png", taken)
        key("Return")  # Study: refused, nothing written
        time.sleep(0.5)
        assert reviews(db) == 3
        key("ctrl+q")
        assert second.wait(timeout=20) == 0
        focus(wid)
        key("ctrl+q")
        assert app.wait(timeout=20) == 0

        # 4. A file Casebook refuses: Quit only, left as it was.
        notes = os.path.join(args.work, "notes.sqlite3")
        with open(notes, "wb") as f:
            f.write(b"My notes, not a database.\n" * 20)
        refused, _ = start(args.casebook, ["--db", notes, "--bank", bank], env, log)
        apps.append(refused)
        shot(shots, "refused.png", taken)
        key("Escape")
        assert refused.wait(timeout=20) == 1
        with open(notes, "rb") as f:
            assert f.read() == b"My notes, not a database.\n" * 20
        assert sorted(os.listdir(args.work)).count("notes.sqlite3-wal") == 0
    finally:
        for a in apps:
            stop_window(a)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())

    for png in taken:
        small = os.path.basename(png) in ("second-instance.png", "refused.png")
        check_screenshot(png, 720 if small else 1100, 360 if small else 760, min_colours=8)
        print("screenshot", png)
    print("progress file: damage moved aside and restored, second instance read-only, refused file kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
