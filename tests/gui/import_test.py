#!/usr/bin/env python3
"""GUI test of the Import screen: under X (xvfb-run) starts Casebook on a bank folder, opens
Import with I, types the path of a small GIFT file it wrote (two questions and an essay
Casebook cannot map), imports with Enter, screenshots the result, goes back with Escape
(the new bank is on Home after the reload) and quits. Then checks that the bank was written
into the bank folder with the two questions and that `casebook validate` accepts it. Exit 77 =
skipped (no X or xdotool)."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, shot, start_test, stop_window, type_text  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402

GIFT = """// two questions and an essay Casebook cannot map
::capital:: The capital of France is {=Paris ~Lyon ~Nice}

::tf:: The sky is green. {F}

::essay:: Discuss policy. {}
"""


def main():
    started = start_test(__doc__, "import")
    if started is None:
        return 77
    args, shots, banks = started
    db = os.path.join(args.work, "db.sqlite")
    shutil.copy(os.path.join(args.data, "e2e.toml"), banks)
    gift = os.path.join(args.work, "week1.gift")
    with open(gift, "w", encoding="utf-8") as f:
        f.write(GIFT)
    written = os.path.join(banks, "week1.toml")

    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work,
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    taken = []
    try:

        key("i")  # Home: Import; the path field has the keyboard
        time.sleep(0.3)
        type_text(gift)
        key("Return")  # import into banks/week1.toml
        end = time.time() + 10
        while time.time() < end and not os.path.exists(written):
            time.sleep(0.2)
        time.sleep(0.5)
        shot(shots, "import-done.png", taken)
        key("Escape")  # back to Home, which lists the reloaded banks
        shot(shots, "import-back-home.png", taken)
        key("ctrl+q")
        rc = app.wait(timeout=20)
        assert rc == 0, f"casebook exited with {rc}"
    finally:
        stop_window(app)
        log.close()
        print(open(os.path.join(args.work, "casebook.log")).read())

    for png in taken:
        check_screenshot(png, 1100, 760, min_colours=8)
        print("screenshot", png)
    assert os.path.exists(written), f"the import did not write {written}"
    text = open(written, encoding="utf-8").read()
    assert text.count("[[question]]") == 2, "expected the two mappable questions"
    check = subprocess.run([args.casebook, "validate", written], capture_output=True, text=True, timeout=60)
    print(check.stdout, check.stderr)
    assert check.returncode == 0, f"casebook validate refused {written}: {check.returncode}"
    assert "1 bank, 2 questions: 0 errors" in check.stdout + check.stderr, "validate summary"
    print("import: wrote and validated", written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
