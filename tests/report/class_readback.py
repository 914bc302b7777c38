#!/usr/bin/env python3
"""Reads the class report XLSX back with Python's zipfile and checks its cells.

Usage: class_readback.py CLASS.xlsx. The expected values are those of the fixture in
class_fixture.hpp, computed independently from the definitions in docs/class-report.md.
"""
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def col_index(ref):
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def read_sheets(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, "corrupt member"
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        sheets = {}
        for s in wb.find("m:sheets", NS):
            rid = s.get("{%s}id" % NS["r"])
            xml = ET.fromstring(z.read("xl/" + target[rid]))
            rows = []
            for row in xml.iter("{%s}row" % NS["m"]):
                cells = {}
                for c in row.findall("m:c", NS):
                    v = c.find("m:v", NS)
                    if v is None:
                        continue
                    value = shared[int(v.text)] if c.get("t") == "s" else float(v.text)
                    cells[col_index(c.get("r"))] = value
                rows.append([cells.get(i) for i in range(max(cells) + 1)] if cells else [])
            sheets[s.get("name")] = rows
        return sheets


def main():
    sheets = read_sheets(sys.argv[1])
    assert list(sheets) == ["Questions", "Answers", "Learners", "Problem reports"], list(sheets)
    reports = sheets["Problem reports"]
    assert reports[0] == ["card_key", "prompt", "learner", "reported_at", "comment"], reports[0]
    assert reports[1:] == [["b/q2", "The FSB & FBI cooperated in 2016.", "dee", "2024-06-01T12:00:00.000Z",
                            "=1+1 _x005F_x0041_ <both> years?"]], reports[1:]
    q = sheets["Questions"]
    assert q[0][:7] == ["card_key", "question_type", "prompt", "attempts", "learners", "facility",
                        "discrimination"], q[0]
    by_key = {row[0]: row for row in q[1:]}
    assert sorted(by_key) == ["b/q1", "b/q2", "b/q3", "b/q4", "b/q5", "b/q6"], sorted(by_key)
    q1 = by_key["b/q1"]
    assert q1[1] == "single_choice" and q1[3] == 6 and q1[4] == 4 and q1[5] == 50.0, q1
    assert abs(q1[6] - -48.33682445228318) < 1e-9, q1
    assert q1[9] == 1, q1  # negative discrimination
    q4 = by_key["b/q4"]
    assert q4[6] is None and q4[7] == 1, q4  # no D; too easy
    assert by_key["b/q6"][8] == 1  # too hard
    assert by_key["b/q2"][2] == "The FSB & FBI cooperated in 2016."
    answers = [row for row in sheets["Answers"][1:] if row[0] == "b/q1"]
    assert [(a[1], a[2], a[3]) for a in answers] == [
        ("2016", 4, "correct"), ("2014", 1, "distractor"), ("2018", 1, "distractor"), ("2020", 0, "distractor")], answers
    learners = sheets["Learners"]
    assert [row[0] for row in learners[1:]] == ["ann", "bob", "<script>cy</script>", "dee"], learners
    assert learners[1][1:4] == [6, 7, 5] and abs(learners[1][4] - 200 / 3) < 1e-9, learners[1]
    print("class_readback: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
