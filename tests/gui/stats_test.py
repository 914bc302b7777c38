#!/usr/bin/env python3
"""GUI test of the Statistics screen (issue 12): under X (xvfb-run) studies four cards in the
window (one answered wrong), opens Statistics from Home with T, moves the chart focus (Tab,
Left), scrolls (PgDn) and goes back with Escape; F12 screenshots of each. Checks that the
screen drew (the screenshots differ from Home and from each other: charts, scrolling), that
Escape returned to Home, and that the app logged no error. Then the same screen at 200 %
(Ctrl+Plus, remembered in display.conf) and, in a second start, in the dark theme at 100 %
and 200 %: the dark shots have a dark background and the 200 % shots differ from the 100 %
ones. Exit 77 = skipped."""
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, shot, stop_window, type_text  # noqa: E402
from display_test import background, wait_for_text  # noqa: E402
from pngcheck import check_screenshot, read_png  # noqa: E402


def differing_rows(a, b):
    """Pixel rows that differ between two screenshots of the same size."""
    _, _, ra = read_png(a)
    _, _, rb = read_png(b)
    return sum(1 for x, y in zip(ra, rb) if x != y)


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "stats")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    db = os.path.join(args.work, "db.sqlite")
    bank = os.path.join(args.data, "e2e.toml")
    conf = os.path.join(args.work, "config", "casebook", "display.conf")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work, GTK_THEME="Adwaita",
               XDG_CONFIG_HOME=os.path.join(args.work, "config"),
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    log_path = os.path.join(args.work, "casebook.log")
    log = open(log_path, "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    taken = []
    try:
        key("Return")  # study
        for wrong in (False, True, False, False):
            key("2" if wrong else "1")  # the first choice (or True); text cards get "1 Lurk"
            type_text(" Lurk")
            key("Return")
            key("1" if wrong else "3")  # Again or Good
        key("Escape")  # the summary
        key("Return")  # Home
        home = shot(shots, "home.png", taken)
        key("t")  # Statistics
        stats = shot(shots, "stats.png", taken)
        key("Tab", "Left")  # the minutes chart (scrolled into view), its day before today
        focus = shot(shots, "stats-focus.png", taken)
        key("Next", "Next")  # PgDn twice: the heatmap, the forecast
        scrolled = shot(shots, "stats-scrolled.png", taken)
        key("End")
        shot(shots, "stats-end.png", taken)
        key("Escape")  # back to Home
        back = shot(shots, "home-after-stats.png", taken)
        for _ in range(7):
            key("ctrl+equal")  # 100 % -> 200 %
        assert wait_for_text(conf, "ui_scale = 200"), "Ctrl+Plus did not reach 200 % in display.conf"
        time.sleep(1.0)  # fonts re-rasterised
        key("t")
        light200 = shot(shots, "stats-light-200.png", taken)
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
    output = open(log_path, encoding="utf-8", errors="replace").read()
    with open(conf, "w", encoding="utf-8") as f:
        f.write("ui_scale = 100\ntheme = dark\n")
    log = open(os.path.join(args.work, "dark.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    try:
        key("t")
        dark100 = shot(shots, "stats-dark-100.png", taken)
        for _ in range(7):
            key("ctrl+equal")
        assert wait_for_text(conf, "ui_scale = 200"), "Ctrl+Plus did not reach 200 % in the dark run"
        time.sleep(1.0)
        dark200 = shot(shots, "stats-dark-200.png", taken)
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
    output += open(os.path.join(args.work, "dark.log"), encoding="utf-8", errors="replace").read()
    print(output)

    for png in taken:
        check_screenshot(png, 1100, 760, min_colours=8)
        print("screenshot", png)
    con = sqlite3.connect(db)
    reviews = con.execute("SELECT COUNT(*) FROM review_log").fetchone()[0]
    con.close()
    assert reviews >= 4, f"{reviews} reviews recorded"
    assert differing_rows(home, stats) > 200, "the Statistics screen looks like Home"
    assert differing_rows(stats, focus) > 5, "Tab/Left changed nothing on the Statistics screen"
    assert differing_rows(stats, scrolled) > 200, "PgDn did not scroll the Statistics screen"
    assert differing_rows(home, back) < 40, "Escape did not return to Home"
    assert differing_rows(stats, light200) > 200, "the Statistics screen at 200 % looks as at 100 %"
    assert sum(background(stats)) > 600, f"light background {background(stats)}"
    assert sum(background(dark100)) < 150, f"dark background {background(dark100)}"
    assert differing_rows(dark100, dark200) > 200, "the dark Statistics screen at 200 % looks as at 100 %"
    assert "error" not in output.lower() and "could not" not in output.lower(), output
    print("stats test: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
