#!/usr/bin/env python3
"""Reads the PDF report written by report_fixture_writer back with poppler's tools.

Usage: pdf_check.py REPORT.pdf OUT.png

pdfinfo checks the document (A4, a title naming the learner, the report's own creation time),
pdftotext checks that the text a reader needs is there (and extractable: fonts embedded with
their Unicode mapping), and pdftoppm renders the first page to OUT.png (for a person to look
at) and as greys, whose ink must be where the charts and tables are. Exits 77 (skipped) when
poppler-utils is not installed, 1 with a list of problems.
"""
import shutil
import subprocess
import sys

problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def main():
    pdf, png = sys.argv[1], sys.argv[2]
    if not all(shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdftoppm")):
        print("poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed: skipped")
        return 77
    info = dict(line.split(":", 1) for line in run("pdfinfo", "-isodates", pdf).decode().splitlines() if ":" in line)
    info = {k.strip(): v.strip() for k, v in info.items()}
    check(info.get("Page size", "").startswith("595.276 x 841.89"), f"pdfinfo: A4 pages ({info.get('Page size')})")
    check(int(info.get("Pages", "0")) >= 2, f"pdfinfo: pages {info.get('Pages')}")
    check(info.get("Title", "").startswith("Casebook progress report: Zo"), f"pdfinfo: title {info.get('Title')!r}")
    check(info.get("CreationDate", "").startswith("2024-06-01T12:00:00"), f"pdfinfo: creation date {info.get('CreationDate')}")
    check(info.get("JavaScript") == "no", "pdfinfo: no JavaScript")

    text = run("pdftotext", "-enc", "UTF-8", pdf, "-").decode("utf-8")
    flat = " ".join(text.split())
    for needle in ("Casebook progress report", "Period: every review up to the time of the report", "Summary",
                   "Cards in the syllabus", "Not started yet", "First attempts correct", "Mean predicted recall now",
                   "Coverage and accuracy by bank and topic", "Soldatov 2021: Russia & cooperation", "Cooperation",
                   "Русский банк", "Mistakes", "5 wrong answers in the period.", "=HYPERLINK(", "<b>the right one</b>",
                   "Activity", "Reviews per day (last 30 days)", "Forecast", "True retention", "Weakest cards",
                   "9 (leech)", "version 1.2.0", "Mock exams", "3 attempts started in the period",
                   "Mock exam: <b>Lurk</b> &", "Custom exam (practice)", "not handed in", "12 min 05 s", "30 min 00 s",
                   "Flags, problem reports and card actions", "3 actions in the period", "Problem reported",
                   "Flagged red", "check the year", "The answer <b>is</b> spelt two ways & both count?", "Zoë \"O'Brien\" <script>alert(1)</script>"):
        check(needle in flat, f"pdftotext: {needle!r} missing")
    check("Not in this report yet" not in flat, "pdftotext: mock exams are no longer listed as not recorded")
    check("8 (80 %)" in flat.replace("\u00a0", " ") and "70 %" in flat.replace("\u00a0", " "), "pdftotext: score and pass mark")
    check("mastery" not in flat.lower(), "pdftotext: predicted recall is never called mastery")
    check("2015" in flat and "2016" in flat, "pdftotext: the mistake's answer and the correct answer")

    # The first page as a picture, and its ink: rows of grey pixels that are not white.
    run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png[:-4] if png.endswith(".png") else png)
    pgm = run("pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", pdf)
    header, rest = pgm.split(b"\n", 1)[0], pgm.split(b"\n", 3)
    width, height = (int(x) for x in rest[1].split())
    pixels = rest[3]
    check(header == b"P5" and len(pixels) == width * height, "pdftoppm: a greyscale page")
    dark = sum(1 for p in pixels if p < 128)
    check(0.01 < dark / (width * height) < 0.5, f"pdftoppm: page 1 has text and tables ({dark} dark pixels)")
    for p in problems:
        print("FAIL:", p)
    print(f"pdf_check: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
