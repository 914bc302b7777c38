#!/usr/bin/env python3
"""GUI test of the display settings (issue 12): under X (xvfb-run) takes an F12 screenshot of
Home at 100 %, enlarges the text with Ctrl+Plus to 200 % (display.conf says so), screenshots
Home and the Browser, goes back to 100 % with Ctrl+0; then starts again with theme = dark in
display.conf and screenshots Home and the Browser in the dark theme: the remembered settings
apply at start. The dark screenshots' background is dark, the light ones' light; at 200 % the
"Casebook" heading is drawn about twice as tall. Exit 77 = skipped."""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, shot, stop_window  # noqa: E402
from pngcheck import check_screenshot, read_png  # noqa: E402


def wait_for_text(path, text, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if os.path.exists(path) and text in open(path, encoding="utf-8").read():
            return True
        time.sleep(0.1)
    return False


def background(png):
    """The colour of the pixel at (5, 5): the window background."""
    w, _, rows = read_png(png)
    bpp = len(rows[0]) // w
    return tuple(rows[5][5 * bpp:5 * bpp + 3])


def heading_height(png):
    """Rows from the top that hold the first run of dark-on-light (or light-on-dark) text
    pixels in the left quarter: the height of the "Casebook" heading."""
    w, _, rows = read_png(png)
    bpp = len(rows[0]) // w
    bg = rows[5][5 * bpp:5 * bpp + 3]
    ink = [y for y, row in enumerate(rows[:300])
           if any(abs(row[x] - bg[0]) + abs(row[x + 1] - bg[1]) + abs(row[x + 2] - bg[2]) > 200
                  for x in range(0, (w // 4) * bpp, bpp))]
    if not ink:
        return 0
    first, last = ink[0], ink[0]
    for y in ink[1:]:
        if y - last > 2:
            break
        last = y
    return last - first + 1


def run(args, env, argv, log_name):
    log = open(os.path.join(args.work, log_name), "w")
    return open_window(args.casebook, argv, env, log), log


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    shots = os.path.join(args.out, "display")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    db = os.path.join(args.work, "db.sqlite")
    bank = os.path.join(args.data, "e2e.toml")
    conf = os.path.join(args.work, "config", "casebook", "display.conf")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work, GTK_THEME="Adwaita",
               XDG_CONFIG_HOME=os.path.join(args.work, "config"),
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    argv = ["--db", db, "--bank", bank]
    taken = []
    app, log = run(args, env, argv, "first.log")
    try:
        light100 = shot(shots, "home-light-100.png", taken)
        for _ in range(7):
            key("ctrl+equal")
        assert wait_for_text(conf, "ui_scale = 200"), "Ctrl+Plus did not reach 200 % in display.conf"
        time.sleep(1.0)
        light200 = shot(shots, "home-light-200.png", taken)
        key("b")
        shot(shots, "browser-light-200.png", taken)
        key("Escape", "ctrl+0")
        assert wait_for_text(conf, "ui_scale = 100"), "Ctrl+0 did not return to 100 %"
        key("b")
        shot(shots, "browser-light-100.png", taken)
        quit_window(app)
    finally:
        stop_window(app)
        log.close()
    with open(conf, "w", encoding="utf-8") as f:
        f.write("ui_scale = 100\ntheme = dark\n")
    app, log = run(args, env, argv, "second.log")
    try:
        dark100 = shot(shots, "home-dark-100.png", taken)
        key("b")
        shot(shots, "browser-dark-100.png", taken)
        key("Return")  # card info of the first card (none selected: nothing happens)
        key("Down", "Return")
        shot(shots, "card-info-dark-100.png", taken)
        quit_window(app)
    finally:
        stop_window(app)
        log.close()

    for png in taken:
        check_screenshot(png, 1100, 760, min_colours=8)
        print("screenshot", png)
    assert sum(background(light100)) > 600, f"light background {background(light100)}"
    assert sum(background(dark100)) < 150, f"dark background {background(dark100)}"
    h100, h200 = heading_height(light100), heading_height(light200)
    print("heading height at 100 % and 200 %:", h100, h200)
    assert h100 > 0 and 1.7 <= h200 / h100 <= 2.3, f"heading {h100} px at 100 %, {h200} px at 200 %"
    print("display test: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
