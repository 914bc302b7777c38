"""Shared pieces of the GUI tests, which drive the real casebook window with xdotool under Xvfb:
the arguments every GUI test gets, key presses with a pause (so that the app draws the next
screen), typing, and starting, stopping and quitting casebook."""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

PAUSE = 0.35  # seconds between key presses: lets the app draw the next screen


def args_or_skip(doc):
    """The arguments every GUI test gets (tests/gui/CMakeLists.txt), or None without X (the
    test then exits 77, "skipped"). The work folder is emptied."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--work", required=True, help="scratch folder (banks, database, logs)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("needs an X display (xvfb-run) and xdotool", file=sys.stderr)
        return None
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


def start_test(doc, name):
    """args_or_skip, then an emptied screenshot folder `name` under --out and an empty banks
    folder in the work folder: (args, shots, banks), or None without X (exit 77)."""
    args = args_or_skip(doc)
    if args is None:
        return None
    shots = os.path.join(args.out, name)
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    banks = os.path.join(args.work, "banks")
    os.makedirs(banks)
    return args, shots, banks


def xdotool(*args, timeout=20):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=timeout)


def key(*names):
    for name in names:
        xdotool("key", "--clearmodifiers", name)
        time.sleep(PAUSE)


def type_text(text):
    xdotool("type", "--delay", "60", text)
    time.sleep(PAUSE)


def type_unicode(text, pause=0.15):
    """Types `text` one character per xdotool call with a pause after each: xdotool maps a
    character outside the keyboard layout onto a spare keycode for each press, and typing such
    characters quickly lets the next mapping replace one before the app has read it (Greek came
    out garbled)."""
    for ch in text:
        xdotool("type", "--delay", "80", ch)
        time.sleep(pause)
    time.sleep(PAUSE)


def open_window(casebook, argv, env, log):
    """Starts casebook with `argv` (its output in the file `log`), waits for its window, focuses
    it and lets the first frames draw; returns the process. End it with stop_window in a
    `finally`. When no window appears, the process is stopped and its output is in the error."""
    app = subprocess.Popen([casebook, *argv], env=env, stdout=log, stderr=subprocess.STDOUT)
    found = xdotool("search", "--sync", "--onlyvisible", "--name", "^Casebook$", timeout=30)
    wid = found.stdout.split()[0] if found.stdout.split() else None
    if not wid:
        stop_window(app)
        log.flush()
        with open(log.name, encoding="utf-8", errors="replace") as f:
            raise AssertionError("the Casebook window did not appear; its output:\n" + f.read())
    xdotool("windowfocus", "--sync", wid)
    xdotool("mousemove", "--window", wid, "40", "40")
    time.sleep(1.0)  # first frames, fonts
    return app


def stop_window(app):
    """Kills casebook if it is still running (a test that failed half-way)."""
    if app.poll() is None:
        app.kill()
        app.wait()


def end_window(app, log):
    """For a test's `finally`: stop_window, then close `log` and print what casebook wrote to it."""
    stop_window(app)
    log.close()
    with open(log.name, encoding="utf-8", errors="replace") as f:
        print(f.read())


def quit_window(app):
    """Quits with Ctrl+Q and checks the exit code."""
    key("ctrl+q")
    rc = app.wait(timeout=20)
    assert rc == 0, f"casebook exited with {rc}"


def wait_until(condition, what, timeout=15):
    """Calls `condition` every 0.2 s until it returns a true value (which is returned); fails
    naming `what` after `timeout` seconds. A database that is busy counts as not yet."""
    end = time.time() + timeout
    while True:
        try:
            value = condition()
            if value:
                return value
        except Exception:  # noqa: BLE001 (sqlite3.OperationalError while the app writes)
            if time.time() >= end:
                raise
        if time.time() >= end:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.2)


def wait_for_new_png(folder, before, seconds=10):
    """The first PNG in `folder` that is not in the set `before` (paths), once its writer has
    had time to finish; None after `seconds`."""
    end = time.time() + seconds
    while time.time() < end:
        fresh = sorted(set(glob.glob(os.path.join(folder, "*.png"))) - before)
        if fresh:
            time.sleep(0.3)  # let the writer finish
            return fresh[0]
        time.sleep(0.1)
    return None


def shot(folder, name, taken=None):
    """F12, waits for the new PNG in `folder` and renames it `name` (with its extension);
    adds its path to the list `taken` when one is given; returns the path."""
    before = set(glob.glob(os.path.join(folder, "*.png")))
    key("F12")
    png = wait_for_new_png(folder, before)
    assert png, f"F12 screenshot {name} missing"
    final = os.path.join(folder, name)
    os.replace(png, final)
    if taken is not None:
        taken.append(final)
    return final


def shoot(folder, name):
    """shot() of `name`.png, checked as a real 1100x760-or-larger screenshot and printed."""
    from pngcheck import check_screenshot  # noqa: E402 (beside this file)
    final = shot(folder, name + ".png")
    check_screenshot(final, 1100, 760, min_colours=8)
    print("screenshot", final)
    return final


def answer_current():
    """Answers the current card of the e2e bank (tests/gui/data/e2e.toml), whatever its type:
    1 picks the first choice or True, text cards get "1 Lurk"; Enter submits."""
    key("1")
    type_text(" Lurk")
    key("Return")
