#!/usr/bin/env python3
"""Reads the reports written by report_fixture_writer back with independent readers.

Usage: readback.py OUT_DIR GOLDEN_DIR

Python's json module reads report.json, csv reads report.csv and zipfile + ElementTree read
report.xlsx. Every value must match the JSON report (the exact text, since JSON is never
neutralised), hostile bank strings must come out intact, and the files must match the golden
files (rich.json, rich.csv, and rich.xlsx.json: the workbook's cells as JSON).
CASEBOOK_UPDATE_GOLDEN=1 rewrites rich.xlsx.json. Exits 1 with a list of problems.
"""
import csv
import io
import json
import os
import pathlib
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = {
    "<script>alert(1)</script> & \"double\", 'single', commas,\nsecond line",
    "=HYPERLINK(\"http://evil.example/?x=1\",\"click me\")",
    "Какое ведомство задержало группу «Lurk»? 🕵️‍♀️",
    "מה שם הקבוצה? ما اسم المجموعة؟",
}
HOSTILE_ANSWERS = {"-1+1", "@SUM(A1:A9)\t<img src=x onerror=alert(1)>", "\tstarts with a tab",
                   "ФСБ и МВД, \"вместе\"\r\nвторая строка 🎯", "=1+1", "Lurk 🎯"}

problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def neutralised(text):
    return "'" + text if text.startswith(FORMULA_START) else text


def read_json(out):
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    check(doc["schema"] == "casebook-report" and doc["schema_version"] == 3, "JSON: schema v3")
    prompts = {c["prompt"] for c in doc["cards"]}
    check(HOSTILE <= prompts, f"JSON: hostile prompts not intact: {HOSTILE - prompts}")
    answers = {r["answer"] for r in doc["reviews"]}
    check(HOSTILE_ANSWERS <= answers, f"JSON: hostile answers not intact: {HOSTILE_ANSWERS - answers}")
    check(doc["summary"]["mature"] == 1 and doc["summary"]["retired"] == 1, "JSON: summary maturity counts")
    all_time = doc["analytics"]["true_retention"][-1]
    check(all_time["period"] == "all_time" and all_time["young"] == {"passed": 1, "failed": 2, "retention": 1 / 3},
          f"JSON: all-time young retention {all_time}")
    check(len(doc["analytics"]["forecast"]) == 30, "JSON: 30 forecast days")
    summary = doc["summary"]
    check(summary["syllabus"] == 6 and summary["not_started"] == 2, f"JSON: coverage {summary}")
    check(summary["first_attempts"] == {"answered": 4, "correct": 3, "accuracy": 0.75}, "JSON: first attempts")
    mistakes = doc["analytics"]["mistakes"]
    check(mistakes["total"] == 5 and mistakes["shown"][0]["answer"] == "2015"
          and mistakes["shown"][0]["correct_answer"] == "2016", f"JSON: mistakes {mistakes['shown'][:1]}")
    versions = {b["id"]: b["version"] for b in doc["banks"]}
    check(versions.get("soldatov-2021") == "1.2.0", f"JSON: bank versions {versions}")
    versions = [r["bank_version"] for r in doc["reviews"]]
    check(versions[-1] == "1.2.0" and all(v is None for v in versions[:-1]),
          "JSON: bank_version per review: the last answer's version, null (unknown) before")
    check("bank_version_per_answer" not in doc["not_recorded"], "JSON: not_recorded no longer lists the bank version")
    check(doc["not_recorded"] == [], f"JSON: mock exams are recorded now: not_recorded {doc['not_recorded']}")
    exams = doc["mock_exams"]
    check([(e["outcome"], e["score_percent"], e["pass_mark_percent"], e["time_taken_ms"], e["practice"]) for e in exams]
          == [("passed", 80, 70, 725000, False), ("failed", 25, 50, 1800000, True), ("not handed in", None, 70, None, False)],
          f"JSON: mock exams {exams}")
    check(exams[0]["started_at"] == "2024-05-28T12:00:00.000Z" and exams[0]["questions"] == 10
          and exams[0]["title"] == "Mock exam: <b>Lurk</b> & co", f"JSON: first mock exam {exams[0]}")
    return doc


def read_csv(out, doc):
    raw = (out / "report.csv").read_bytes()
    check(not raw.startswith(b"\xef\xbb\xbf"), "CSV: no BOM")
    check(raw.endswith(b"\r\n"), "CSV: records end with CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
    header = rows[0]
    col = {name: i for i, name in enumerate(header)}
    cards = [r for r in rows[1:] if r[0] == "card"]
    reviews = [r for r in rows[1:] if r[0] == "review"]
    check(len(cards) == len(doc["cards"]) and len(reviews) == len(doc["reviews"]), "CSV: record counts")
    for row, card in zip(cards, doc["cards"]):
        key = card["card_key"]
        check(row[col["card_key"]] == neutralised(key), f"CSV {key}: card_key")
        check(row[col["prompt"]] == neutralised(card["prompt"]), f"CSV {key}: prompt {row[col['prompt']]!r}")
        check(row[col["topics"]] == neutralised("; ".join(card["topics"])), f"CSV {key}: topics")
        for name, value in (("stability", card["schedule"]["stability"]), ("difficulty", card["schedule"]["difficulty"]),
                            ("retrievability", card["retrievability"])):
            check(abs(float(row[col[name]]) - value) <= 5e-7, f"CSV {key}: {name} {row[col[name]]} != {value}")
        check(int(row[col["reps"]]) == card["schedule"]["reps"], f"CSV {key}: reps")
        check(int(row[col["lapses"]]) == card["schedule"]["lapses"], f"CSV {key}: lapses")
        check(int(row[col["retired"]]) == int(card["retired"]), f"CSV {key}: retired")
    for row, review in zip(reviews, doc["reviews"]):
        rid = review["id"]
        check(row[col["answer"]] == neutralised(review["answer"]), f"CSV review {rid}: answer {row[col['answer']]!r}")
        check(int(row[col["response_ms"]]) == review["response_ms"], f"CSV review {rid}: response_ms")
        check(int(row[col["correct"]]) == int(review["correct"]), f"CSV review {rid}: correct")
        check(row[col["reviewed_at"]] == review["reviewed_at"], f"CSV review {rid}: reviewed_at")
    exams = [r for r in rows[1:] if r[0] == "exam"]
    check(len(exams) == len(doc["mock_exams"]), "CSV: a record per mock exam")
    for row, exam in zip(exams, doc["mock_exams"]):
        check(row[col["at"]] == exam["started_at"], f"CSV exam: at {row[col['at']]}")
        check(row[col["exam_title"]] == exam["title"] and row[col["exam_outcome"]] == exam["outcome"], "CSV exam: title, outcome")
        check(row[col["exam_score_percent"]] == ("" if exam["score_percent"] is None else str(exam["score_percent"])),
              f"CSV exam: score {row[col['exam_score_percent']]}")
        check(row[col["exam_time_taken_ms"]] == ("" if exam["time_taken_ms"] is None else str(exam["time_taken_ms"])),
              "CSV exam: time taken")
        check(int(row[col["exam_pass_mark_percent"]]) == exam["pass_mark_percent"], "CSV exam: pass mark")
        check(int(row[col["exam_practice"]]) == int(exam["practice"]), "CSV exam: practice")
    events = [r for r in rows[1:] if r[0] == "event"]
    check(len(events) == len(doc["card_events"]), "CSV: a record per card event")
    for row, event in zip(events, doc["card_events"]):
        check(row[col["card_key"]] == event["card_key"] and row[col["at"]] == event["at"], "CSV event: card, time")
        check(row[col["event"]] == event["kind"] and row[col["note"]] == event["note"], f"CSV event: {row[col['note']]!r}")
    check([r[col["event_words"]] for r in events] == ["Flagged red", "Problem reported", "Suspended"],
          f"CSV events in words: {[r[col['event_words']] for r in events]}")


def xlsx_cells(path):
    """{sheet name: [[cell value, ...], ...]} with numbers as floats, text as str."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check(not any("vbaProject" in n for n in names), "XLSX: no macros")
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        sheets = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
            target = rels[sheet.get(f"{{{NS['r']}}}id")]
            xml = ET.fromstring(z.read("xl/" + target.lstrip("/").removeprefix("xl/")))
            check(not list(xml.iter(f"{{{NS['m']}}}f")), f"XLSX {sheet.get('name')}: no formula cells")
            rows = []
            for row in xml.iter(f"{{{NS['m']}}}row"):
                cells = {}
                for c in row.findall("m:c", NS):
                    ref = c.get("r")
                    letters = "".join(ch for ch in ref if ch.isalpha())
                    index = 0
                    for ch in letters:
                        index = index * 26 + ord(ch) - 64
                    v = c.find("m:v", NS)
                    if c.get("t") == "s":
                        cells[index - 1] = shared[int(v.text)]
                    elif c.get("t") == "inlineStr":
                        cells[index - 1] = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
                    else:
                        cells[index - 1] = float(v.text)
                width = max(cells) + 1 if cells else 0
                rows.append([cells.get(i, "") for i in range(width)])
            sheets[sheet.get("name")] = rows
        return sheets


def unescape_ooxml(text):
    """Undo OOXML's _xHHHH_ escapes of control characters (ECMA-376 Part 1, 22.9.2.19)."""
    import re
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def read_xlsx(out, doc, golden):
    sheets = xlsx_cells(out / "report.xlsx")
    check(list(sheets) == ["Summary", "Coverage", "Mistakes", "Mock exams", "Card events", "Cards", "Reviews"],
          f"XLSX: sheets {list(sheets)}")
    exams = sheets["Mock exams"]
    head = exams[0]
    check(len(exams) == 1 + len(doc["mock_exams"]), "XLSX: a row per mock exam")
    for row, exam in zip(exams[1:], doc["mock_exams"]):
        got = dict(zip(head, row + [""] * (len(head) - len(row))))
        check(got["started_at"] == exam["started_at"] and got["outcome"] == exam["outcome"], f"XLSX exam {got}")
        check(got["score_percent"] == ("" if exam["score_percent"] is None else float(exam["score_percent"])),
              f"XLSX exam: numeric score {got['score_percent']!r}")
        check(got["time_taken_ms"] == ("" if exam["time_taken_ms"] is None else float(exam["time_taken_ms"])),
              "XLSX exam: time taken in milliseconds, as the JSON's")
    events = sheets["Card events"]
    head = events[0]
    check(len(events) == 1 + len(doc["card_events"]), "XLSX: a row per card event")
    for row, event in zip(events[1:], doc["card_events"]):
        got = dict(zip(head, row + [""] * (len(head) - len(row))))
        check(got["card_key"] == event["card_key"] and got["note"] == event["note"] and got["kind"] == event["kind"],
              f"XLSX event {got}")
    check(events[2][head.index("what")] == "Problem reported", "XLSX: a problem report in words")
    coverage = sheets["Coverage"]
    check(len(coverage) == 1 + len(doc["analytics"]["coverage"]["banks"]) + len(doc["analytics"]["coverage"]["topics"]),
          "XLSX: a coverage row per bank and topic")
    check(len(sheets["Mistakes"]) == 1 + len(doc["analytics"]["mistakes"]["shown"]), "XLSX: a row per mistake")
    cards = sheets["Cards"]
    head = cards[0]
    for row, card in zip(cards[1:], doc["cards"]):
        key = card["card_key"]
        row = row + [""] * (len(head) - len(row))
        got = dict(zip(head, row))
        check(got["card_key"] == key, f"XLSX {key}: card_key")
        check(unescape_ooxml(got["prompt"]) == card["prompt"], f"XLSX {key}: prompt {got['prompt']!r}")
        check(got["stability"] == card["schedule"]["stability"], f"XLSX {key}: stability is numeric and exact")
        check(got["retrievability"] == card["retrievability"], f"XLSX {key}: retrievability")
        check(got["lapses"] == float(card["schedule"]["lapses"]), f"XLSX {key}: lapses")
        check(got["retired"] == float(card["retired"]), f"XLSX {key}: retired")
    check(len(cards) == 1 + len(doc["cards"]), "XLSX: card rows")
    reviews = sheets["Reviews"]
    head = reviews[0]
    check(len(reviews) == 1 + len(doc["reviews"]), "XLSX: review rows")
    for row, review in zip(reviews[1:], doc["reviews"]):
        row = row + [""] * (len(head) - len(row))
        got = dict(zip(head, row))
        check(unescape_ooxml(got["answer"]) == review["answer"], f"XLSX review {review['id']}: answer {got['answer']!r}")
        check(got["response_ms"] == float(review["response_ms"]), f"XLSX review {review['id']}: response_ms numeric")
    summary = {row[0]: row[1] if len(row) > 1 else "" for row in sheets["Summary"][1:]}
    check(summary["learner"] == doc["learner"], "XLSX: learner")
    check(summary["mature"] == float(doc["summary"]["mature"]), "XLSX: mature count")
    check(summary["accuracy"] == doc["summary"]["accuracy"], "XLSX: accuracy")
    check(summary["mock_exams"] == 3.0 and summary["mock_exams_passed"] == 1.0, "XLSX: mock exam counts")
    check(summary["problem_reports"] == 1.0 and summary["card_events"] == 3.0, "XLSX: card event counts")
    check(not any(k.startswith("not_recorded_") for k in summary), "XLSX: nothing listed as not recorded")
    golden_cells = golden / "rich.xlsx.json"
    text = json.dumps(sheets, ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("CASEBOOK_UPDATE_GOLDEN") == "1":
        golden_cells.write_text(text, encoding="utf-8")
    check(golden_cells.exists() and golden_cells.read_text(encoding="utf-8") == text,
          "XLSX: cells differ from golden rich.xlsx.json (CASEBOOK_UPDATE_GOLDEN=1 rewrites it)")


def main():
    out, golden = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    doc = read_json(out)
    check(json.loads((golden / "rich.json").read_text(encoding="utf-8")) == doc, "JSON: differs from golden rich.json")
    read_csv(out, doc)
    check((golden / "rich.csv").read_bytes() == (out / "report.csv").read_bytes(), "CSV: differs from golden rich.csv")
    read_xlsx(out, doc, golden)
    for p in problems:
        print("FAIL:", p)
    print(f"readback: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
