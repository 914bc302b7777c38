#!/usr/bin/env python3
"""XLSX edge cases read back (edge.xlsx and edge.json from report_fixture_writer).

Usage: xlsx_check.py OUT_DIR

1. Python's zipfile reads the cells and decodes OOXML's _xHHHH_ escapes as ECMA-376 Part 1,
   22.9.2.19 says a spreadsheet must: text that looks like an escape ("_x0041_") must come out
   as typed, not as "A".
2. A cell longer than a spreadsheet holds is cut at a character boundary to at most 32,767
   characters, ends with the visible marker, and keeps the start of the text; edge.json keeps
   the whole text.
3. When LibreOffice is installed (Debian libreoffice-calc-nogui), it converts every sheet to
   CSV and must show the same text: the independent spreadsheet's view. Without it that part
   is skipped (said on stdout).
Exits 1 with a list of problems.
"""
import csv
import glob
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from readback import xlsx_cells, unescape_ooxml  # noqa: E402

problems = []
MARKER = " [\u2026 cut: a spreadsheet cell holds 32,767 characters; the JSON report has the whole text]"
PROMPT = "_x0041_ and _X00e9_ stay as typed, as do _x4_ and _x00041_"


def check(cond, what):
    if not cond:
        problems.append(what)


def main():
    out = pathlib.Path(sys.argv[1])
    doc = json.loads((out / "edge.json").read_text(encoding="utf-8"))
    whole = doc["reviews"][1]["answer"]
    check(len(whole) == 40000, "JSON keeps the whole 40,000-character answer")

    sheets = xlsx_cells(out / "edge.xlsx")
    cards = {row[0]: row for row in sheets["Cards"][1:]}
    check(unescape_ooxml(cards["edge/escape"][5]) == PROMPT, f"XLSX prompt read as {unescape_ooxml(cards['edge/escape'][5])!r}")
    summary = {row[0]: row[1] for row in sheets["Summary"][1:] if len(row) > 1}
    check(unescape_ooxml(summary["learner"]) == "_x0041_", "XLSX learner _x0041_ literal")
    reviews = sheets["Reviews"][1:]
    check(unescape_ooxml(reviews[0][5]) == "_x0041_", "XLSX answer _x0041_ literal")
    cut = unescape_ooxml(reviews[1][5])
    check(cut.endswith(MARKER), "XLSX: the cut cell ends with the marker")
    kept = cut[: -len(MARKER)]
    check(len(cut) <= 32767 and len(cut.encode("utf-8")) <= 32767, f"XLSX: cut cell of {len(cut)} characters")
    check(whole.startswith(kept) and set(kept) == {"\u0434"}, "XLSX: the cut keeps whole characters from the start")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not installed: the spreadsheet's own view was not checked")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, HOME=tmp)  # a fresh profile, nothing shared with a user's
            # Filter options: comma, quote, UTF-8, from line 1, ..., -1 = every sheet to its own file.
            subprocess.run([soffice, "--headless", "--convert-to",
                            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                            "--outdir", tmp, str(out / "edge.xlsx")], check=True, capture_output=True, env=env,
                           timeout=300)
            files = {re.sub(r"^edge-?", "", pathlib.Path(f).stem): f for f in glob.glob(os.path.join(tmp, "*.csv"))}
            check({"Cards", "Reviews", "Summary"} <= set(files), f"LibreOffice: sheets {sorted(files)}")
            if "Cards" in files and "Reviews" in files:
                with open(files["Cards"], encoding="utf-8", newline="") as f:
                    lo_cards = {row[0]: row for row in csv.reader(f)}
                check(lo_cards["edge/escape"][5] == PROMPT, f"LibreOffice shows the prompt as {lo_cards['edge/escape'][5]!r}")
                with open(files["Reviews"], encoding="utf-8", newline="") as f:
                    lo_reviews = list(csv.reader(f))[1:]
                check(lo_reviews[0][5] == "_x0041_", f"LibreOffice shows the answer as {lo_reviews[0][5]!r}")
                check(lo_reviews[1][5] == cut, "LibreOffice shows the cut cell as written")
    for p in problems:
        print("FAIL:", p)
    print(f"xlsx_check: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
