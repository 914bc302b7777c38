#!/usr/bin/env python3
"""`casebook cards` (issue 12): the real binary over the test bank and a fresh database: CSV
with the Browser's columns in card-key order, JSON with raw values, a search that does not
parse exits 2 naming the column, an empty search lists every card, and the listing runs while
another Casebook (a terminal study session) holds the file."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile


def run(casebook, bank, db, *args):
    return subprocess.run([casebook, "--db", db, "--bank", bank, "cards", *args],
                          capture_output=True, text=True, timeout=60)


def main():
    casebook, source = sys.argv[1], sys.argv[2]
    bank = os.path.join(source, "tests", "app", "data", "small_bank.toml")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "progress.sqlite3")
        r = run(casebook, bank, db, "--search", "type:numeric or topic:basics")
        assert r.returncode == 0, r.stderr
        rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
        assert rows[0] == ["card_key", "bank", "topic", "type", "prompt", "state", "due", "retrievability",
                           "lapses", "flags"], rows[0]
        assert rows[1] == ["test-small/q1-year", "test-small", "Basics", "single choice",
                           "In which year did the made-up arrests happen?", "new", "", "", "0", ""], rows[1]
        assert [row[0] for row in rows[1:]] == ["test-small/q1-year", "test-small/q4-count"], rows

        r = run(casebook, bank, db, "--search", "федеральная", "--format", "json")
        assert r.returncode == 0, r.stderr
        cards = json.loads(r.stdout)
        assert [c["card_key"] for c in cards] == ["test-small/q3-name"], cards
        assert cards[0]["retrievability"] is None and cards[0]["due"] is None and cards[0]["flag"] == 0, cards

        r = run(casebook, bank, db, "--search", "is:due prop:r<80")
        assert r.returncode == 2, (r.returncode, r.stdout)
        assert r.stdout == "", r.stdout
        assert "casebook: search: column 15: retrievability is a probability from 0 to 1; write prop:r<0.8 for 80 %" \
            in r.stderr, r.stderr

        r = run(casebook, bank, db)
        assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 9, r.stdout

        # While another Casebook has the file open (a terminal session waiting for an answer),
        # the listing still runs: it only reads.
        study = subprocess.Popen([casebook, "--db", db, "--bank", bank, "study"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            first = study.stdout.readline()  # it has the file (and its lock) once it shows a card
            assert first, study.stderr.read()
            r = run(casebook, bank, db, "--search", "topic:basics")
            assert r.returncode == 0, (r.returncode, r.stderr)
            assert "test-small/q1-year" in r.stdout, r.stdout
        finally:
            study.stdin.close()
            study.wait(timeout=30)
    print("cards CLI: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
