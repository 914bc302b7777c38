#!/usr/bin/env python3
"""`casebook study --mode` (issue 11, custom study), the real binary through pipes, on the small
test bank (tests/app/data/small_bank.toml):

1. Bad combinations of --mode, --days and --count exit 2 with a message saying what fits.
2. preview --count 2: two cards, each header followed by the mode line, nothing recorded.
3. A normal session over the topic rates its card Again; --mode forgotten then shows exactly
   that card (the mode line says it changes the schedule) and records the answer.
4. --mode all --topic basics shows the card again although it is not due; ahead --days 365
   and extra-new --count 5 (the raise stored in extra_new_cards); cram --count 1 records one
   new card; --help names the modes.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys

PROMPT = "In which year did the made-up arrests happen?"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def run(casebook, args, stdin_text=""):
    return subprocess.run([casebook, *args], input=stdin_text, capture_output=True, text=True, timeout=60)


def rows(db):
    con = sqlite3.connect(db)
    out = con.execute("SELECT card_key, rating, state_before FROM review_log ORDER BY id").fetchall()
    con.close()
    return out


def headers(stdout):
    lines = stdout.splitlines()
    return [(line, lines[i + 1] if i + 1 < len(lines) else "") for i, line in enumerate(lines)
            if line.startswith("Card ")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    cb = args.casebook
    bank = os.path.join(args.source, "tests", "app", "data", "small_bank.toml")
    db = os.path.join(args.work, "modes.sqlite3")
    base = ["--db", db, "--bank", bank, "--seed", "3", "study"]

    for extra, needed in ((["--days", "3"], "--days and --count go with --mode"),
                          (["--mode", "ahead"], "--mode ahead needs --days N (1 to 365)"),
                          (["--mode", "extra-new"], "--mode extra-new needs --count N (1 to 9999)"),
                          (["--mode", "forgotten", "--days", "2"], "--days goes with --mode ahead, not forgotten"),
                          (["--mode", "all", "--count", "2"],
                           "--count goes with --mode preview, cram or extra-new, not all"),
                          (["--mode", "sideways"], "unknown --mode `sideways` (choose forgotten, ahead, preview"),
                          (["--mode", "ahead", "--days", "0"], "--days"),
                          (["--mode", "ahead", "--days", "366"], "--days"),
                          (["--mode", "cram", "--count", "10000"], "--count")):
        res = run(cb, base + extra)
        if res.returncode != 2 or needed not in res.stderr or res.stdout:
            fail(f"study {extra}: exit {res.returncode}, stdout {res.stdout!r}, stderr {res.stderr!r}")
    if os.path.exists(db) and rows(db):
        fail("a refused command recorded something")
    print("bad combinations: exit 2 with a message")

    res = run(cb, base + ["--mode", "forgotten"])
    if res.returncode != 0 or "Nothing to study for Today's forgotten cards" not in res.stdout:
        fail(f"forgotten on a fresh file: exit {res.returncode}\n{res.stdout}\n{res.stderr}")

    res = run(cb, base + ["--mode", "preview", "--count", "2"], "1\n\n1\n\n\n\n")  # multiple response, matching
    seen = headers(res.stdout)
    if (res.returncode != 0 or len(seen) != 2 or
            any(mode != "Custom study: preview of new cards · does not change the schedule" for _, mode in seen)):
        fail(f"preview --count 2: exit {res.returncode}, headers {seen}\n{res.stdout}")
    if "Answers: 2" not in res.stdout or "Preview: nothing was saved." not in res.stdout or rows(db):
        fail(f"preview recorded {rows(db)}\n{res.stdout}")
    print("preview --count 2: two cards with the mode line, nothing recorded")

    res = run(cb, base + ["--topic", "basics"], "1\n1\n")  # rated Again; it comes back, input ends
    if res.returncode != 0 or rows(db) != [("test-small/q1-year", 1, 0)]:
        fail(f"normal topic session: exit {res.returncode}, rows {rows(db)}\n{res.stdout}")
    res = run(cb, base + ["--mode", "forgotten"], "1\n4\n")
    seen = headers(res.stdout)
    if (res.returncode != 0 or len(seen) != 1 or PROMPT not in res.stdout or
            seen[0][1] != "Custom study: today's forgotten cards · changes the schedule"):
        fail(f"forgotten: exit {res.returncode}, headers {seen}\n{res.stdout}")
    if rows(db)[1:] != [("test-small/q1-year", 4, 1)]:
        fail(f"forgotten recorded {rows(db)}")
    print("forgotten: the card rated Again today, recorded and rescheduled")

    res = run(cb, base + ["--topic", "basics"], "")
    if "Nothing to study in Topic: Basics" not in res.stdout:
        fail(f"the topic should have nothing due now:\n{res.stdout}")
    res = run(cb, base + ["--mode", "all", "--topic", "basics"], "1\n3\n")
    seen = headers(res.stdout)
    if res.returncode != 0 or len(seen) != 1 or seen[0][1] != "Custom study: all cards · changes the schedule":
        fail(f"all --topic basics: exit {res.returncode}, headers {seen}\n{res.stdout}")
    if rows(db)[2:] != [("test-small/q1-year", 3, 2)]:
        fail(f"all recorded {rows(db)}")
    res = run(cb, base + ["--mode", "ahead", "--days", "365"], "")
    seen = headers(res.stdout)
    if res.returncode != 0 or len(seen) != 1 or seen[0][1] != "Custom study: review ahead, 365 days · changes the schedule":
        fail(f"ahead --days 365: exit {res.returncode}, headers {seen}\n{res.stdout}")
    res = run(cb, base + ["--mode", "extra-new", "--count", "5"], "")
    seen = headers(res.stdout)
    if res.returncode != 0 or len(seen) != 1 or seen[0][1] != "Custom study: 5 extra new cards today · changes the schedule":
        fail(f"extra-new --count 5: exit {res.returncode}, headers {seen}\n{res.stdout}")
    con = sqlite3.connect(db)
    extra = con.execute("SELECT bank_id, topic, count FROM extra_new_cards").fetchall()
    con.close()
    if extra != [("", "", 5)]:
        fail(f"extra_new_cards: {extra}")
    count_before = len(rows(db))
    res = run(cb, base + ["--mode", "cram", "--count", "1"], "1\n4\n")  # Easy: it graduates
    new_rows = rows(db)[count_before:]
    if res.returncode != 0 or len(headers(res.stdout)) != 1 or len(new_rows) != 1 or new_rows[0][2] != 0:
        fail(f"cram --count 1: exit {res.returncode}, rows {new_rows}\n{res.stdout}")
    print("all, ahead, extra-new (stored) and cram: as expected")

    res = run(cb, ["study", "--help"])
    for needed in ("--mode", "--days", "--count", "forgotten", "extra-new", "preview records nothing"):
        if needed not in res.stdout:
            fail(f"`casebook study --help` does not mention {needed!r}:\n{res.stdout}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
