#!/usr/bin/env python3
"""GUI test of the Export screen: under X (xvfb-run) studies two cards with real key presses,
goes back to Home, opens Export with E, takes an F12 screenshot, exports every format with
Enter, screenshots the finished progress bar, presses O (open folder: harmless without a
file manager), leaves with Escape and quits. Then checks the five files the export wrote
into $HOME/casebook-reports. Exit 77 = skipped (no X or xdotool)."""
import csv
import glob
import re
import json
import os
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import key, open_window, shot, start_test, stop_window, type_text  # noqa: E402
from pngcheck import check_screenshot  # noqa: E402

EXTS = [".html", ".pdf", ".csv", ".xlsx", ".json", ".xapi.json"]


def export_set(folder, suffix=""):
    """The six files of one export: casebook-report-<learner>-<date><suffix><ext>."""
    found = []
    for ext in EXTS:
        pattern = os.path.join(folder, "casebook-report-default-*" + suffix + ext)
        hits = [h for h in glob.glob(pattern)
                if re.fullmatch(r"casebook-report-default-\d{4}-\d{2}-\d{2}" + re.escape(suffix + ext),
                                os.path.basename(h))]
        found.append(hits[0] if len(hits) == 1 else None)
    return found


def main():
    started = start_test(__doc__, "export")
    if started is None:
        return 77
    args, shots, _ = started
    db = os.path.join(args.work, "db.sqlite")
    bank = os.path.join(args.data, "e2e.toml")
    exports = os.path.join(args.work, "casebook-reports")

    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, HOME=args.work,
               XDG_DATA_HOME=os.path.join(args.work, "xdg"), PATH="/usr/bin:/bin")
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", bank], env, log)
    taken = []
    try:

        key("Return")  # Home: start a session; answer two cards as the e2e test does
        for _ in range(2):
            key("1")
            type_text(" Lurk")
            key("Return", "3")
        key("Escape", "Return")  # summary, then Home
        key("e")  # Home: Export
        shot(shots, "export-screen.png", taken)
        key("Return")  # export all six formats
        end = time.time() + 20
        while time.time() < end and not all(export_set(exports)):
            time.sleep(0.2)
        time.sleep(0.5)
        first = export_set(exports)
        first_bytes = [open(p, "rb").read() if p else None for p in first]
        shot(shots, "export-done.png", taken)
        key("Return")  # a second export proposes new names: nothing is replaced
        end = time.time() + 20
        while time.time() < end and not all(export_set(exports, "-2")):
            time.sleep(0.2)
        time.sleep(0.5)
        # F reaches the period fields by keyboard, Tab the next one; Enter exports from them too.
        key("f")
        type_text("2000-01-01")
        key("Tab")  # from the From field to the To field
        type_text("2000-12-31")
        shot(shots, "export-period.png", taken)
        key("Return")
        end = time.time() + 20
        while time.time() < end and not all(export_set(exports, "-3")):
            time.sleep(0.2)
        time.sleep(0.5)
        key("o")  # open folder: xdg-open, or nothing when it is missing
        # The class report (for instructors) from the learner reports now in the folder: K
        # builds the HTML page, X switches to XLSX and K builds the workbook.
        key("k")
        end = time.time() + 20
        while time.time() < end and not glob.glob(os.path.join(exports, "casebook-report-class-*.html")):
            time.sleep(0.2)
        key("x", "k")
        end = time.time() + 20
        while time.time() < end and not glob.glob(os.path.join(exports, "casebook-report-class-*.xlsx")):
            time.sleep(0.2)
        time.sleep(0.5)
        shot(shots, "export-class-report.png", taken)
        key("Escape")  # back to Home
        shot(shots, "export-back-home.png", taken)
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
    missing = [e for e, p in zip(EXTS, first) if p is None]
    assert not missing, f"the export did not write {missing} (folder: {os.listdir(exports)})"
    second = export_set(exports, "-2")
    assert all(second), f"the second export did not write new files: {os.listdir(exports)}"
    assert [open(p, "rb").read() for p in first] == first_bytes, "the second export replaced the first"
    NAMES = first
    class_html = glob.glob(os.path.join(exports, "casebook-report-class-*.html"))
    assert len(class_html) == 1, f"K did not build one class report: {os.listdir(exports)}"
    page = open(class_html[0], encoding="utf-8").read()
    assert "<h2>Learners</h2>" in page, "class report page incomplete"
    class_xlsx = glob.glob(os.path.join(exports, "casebook-report-class-*.xlsx"))
    assert len(class_xlsx) == 1 and zipfile.is_zipfile(class_xlsx[0]), f"X, K did not build the workbook: {class_xlsx}"
    html = open(os.path.join(exports, NAMES[0]), encoding="utf-8").read()
    assert "Content-Security-Policy" in html and "<h2>True retention</h2>" in html, "HTML report incomplete"
    assert "<h2>Coverage and accuracy by bank and topic</h2>" in html and "<h2>Mistakes</h2>" in html, "HTML figures"
    assert open(os.path.join(exports, NAMES[1]), "rb").read(5) == b"%PDF-", "PDF report"
    with open(os.path.join(exports, NAMES[2]), newline="", encoding="utf-8") as f:
        reviews = [r for r in csv.DictReader(f) if r["record"] == "review"]
    assert len(reviews) == 2, f"CSV: expected 2 reviews, found {len(reviews)}"
    with zipfile.ZipFile(os.path.join(exports, NAMES[3])) as z:
        assert "xl/workbook.xml" in z.namelist(), "XLSX without a workbook"
    doc = json.load(open(os.path.join(exports, NAMES[4]), encoding="utf-8"))
    assert doc["schema_version"] == 3 and len(doc["reviews"]) == 2, "JSON report"
    statements = json.load(open(os.path.join(exports, NAMES[5]), encoding="utf-8"))
    assert len(statements) == 2, "xAPI: one statement per review"
    third = export_set(exports, "-3")
    assert third[4], f"the export with a period typed into From (F) and To (T) was not written: {os.listdir(exports)}"
    period = json.load(open(third[4], encoding="utf-8"))
    assert period["period"]["from"] is not None and period["period"]["from"].startswith("2000-01-01"), period["period"]
    assert period["period"]["to"] is not None, period["period"]
    assert len(period["reviews"]) == 0, "the year 2000 holds no review"
    print("export: 6 files checked in", exports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
