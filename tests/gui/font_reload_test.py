#!/usr/bin/env python3
"""GUI test: the font atlas follows the loaded banks. Under X (xvfb-run) with
CASEBOOK_DEBUG_FONTS=1, starts casebook on a bank folder, then adds a bank written in two
scripts no bank used before (Georgian, which DejaVu Sans has, and Ethiopic, which comes from
Noto Sans Ethiopic), presses F5 and checks that the atlas was rebuilt with the new code points
and none of them missing ("font atlas: N code points requested, M missing, WxH px" on stderr),
then takes an F12 screenshot of Home showing the new bank's title. Exit 77 = skipped."""
import glob
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import args_or_skip, key, open_window, quit_window, wait_for_new_png  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402

GEORGIAN = "საქართველოს შინაგან საქმეთა სამინისტრო"  # Ministry of Internal Affairs of Georgia
ETHIOPIC = "የኢትዮጵያ ፌዴራል ፖሊስ"  # Ethiopian Federal Police

NEW_BANK = f"""[bank]
id = "gui-scripts"
title = "{GEORGIAN} · {ETHIOPIC}"
version = "1.0.0"
format = 1
language = "ka"
authors = ["Casebook team"]
licence = "CC-BY-4.0"

[[source]]
id = "s"
citation = "Casebook test data."

[[question]]
id = "names"
type = "true_false"
prompt = "«{GEORGIAN}» is Georgian and «{ETHIOPIC}» is Amharic."
answer = true
explanation = "Georgian is written in Mkhedruli, Amharic in Ge'ez (Ethiopic)."
source = "s"
paragraph = 1
"""

LINE = re.compile(r"font atlas: (\d+) code points requested, (\d+) missing, (\d+)x(\d+) px")


def atlas_builds(log_path):
    """(requested, missing, width, height) of every atlas build the log reports so far."""
    with open(log_path, encoding="utf-8", errors="replace") as f:
        return [tuple(int(g) for g in m.groups()) for m in LINE.finditer(f.read())]


def wait_for_builds(log_path, count, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        builds = atlas_builds(log_path)
        if len(builds) >= count:
            return builds
        time.sleep(0.1)
    return atlas_builds(log_path)


def main():
    args = args_or_skip(__doc__)
    if args is None:
        return 77
    banks = os.path.join(args.work, "banks")
    os.makedirs(banks)
    shutil.copy(os.path.join(args.data, "e2e.toml"), banks)
    shots = os.path.join(args.out, "fonts")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    log_path = os.path.join(args.work, "casebook.log")
    env = dict(os.environ, CASEBOOK_DEBUG_FONTS="1", CASEBOOK_SCREENSHOT_DIR=shots)
    with open(log_path, "w") as log:
        app = open_window(args.casebook, ["--db", os.path.join(args.work, "db.sqlite"), "--bank", banks], env, log)
        try:
            first = wait_for_builds(log_path, 1)
            assert len(first) == 1, f"expected one atlas build at start, log says {first}"
            with open(os.path.join(banks, "scripts.toml"), "w", encoding="utf-8") as f:
                f.write(NEW_BANK)
            key("F5")  # Home: reload the banks
            builds = wait_for_builds(log_path, 2)
            before = set(glob.glob(os.path.join(shots, "*.png")))
            key("F12")
            png = wait_for_new_png(shots, before)
            quit_window(app)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    print(open(log_path, encoding="utf-8", errors="replace").read())

    assert len(builds) == 2, f"F5 with a new bank should rebuild the atlas once, log says {builds}"
    (n0, m0, w0, h0), (n1, m1, w1, h1) = builds
    new_cps = set(GEORGIAN + ETHIOPIC) - set(" ")
    print(f"atlas before: {n0} code points, {m0} missing, {w0}x{h0}; after F5: {n1}, {m1} missing, {w1}x{h1}")
    assert m0 == 0, f"the first atlas misses {m0} code points"
    assert n1 >= n0 + len(new_cps), f"the new bank's {len(new_cps)} code points were not added ({n0} -> {n1})"
    assert m1 == 0, f"after F5, {m1} requested code points have no glyph"
    assert png, "F12 screenshot missing"
    final = os.path.join(shots, "home-new-scripts.png")
    os.replace(png, final)
    check_screenshot(final, 1100, 760, min_colours=8)
    print("screenshot", final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
