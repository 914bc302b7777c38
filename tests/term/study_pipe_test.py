#!/usr/bin/env python3
"""`casebook study`, the real binary driven through pipes.

1. A whole session of the bundled banks (question_banks/, via --bank): a driver reads each
   card's lines as a person would, answers it in the form its prompt asks for (choices by
   number, t/f, text, an order, pairs, a position with a justification and rubric ticks),
   rates it, and goes on until the summary. Exit 0; the summary's count, the ratings sent and
   the review log (sqlite3) agree, one row per answer. The same for the terminal test bank,
   which has every question type.
2. A fixed input file ("1" and Enter, over and over) with --limit 5: five rows, a summary.
3. Ctrl+C (SIGINT) on a feedback screen: the answer is recorded, the summary printed, exit 0.
4. End of input at once, --color through a pipe (no escape bytes) and on a pseudo-terminal
   (colours only when asked), --seed (the same seed, the same session; a bad one, exit 2),
   --help, a database that cannot be opened (exit 1, message on stderr).
"""
import argparse
import os
import pty
import re
import shutil
import signal
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_process import StudyProcess  # noqa: E402

HEADER = re.compile(r"^Card (\d+) · (\d+) new · (\d+) learning · (\d+) review · (.+)$")
NUMBERED = re.compile(r"^  (\d+)\. ")
LETTERED = re.compile(r"^  ([a-z]+)\. ")
ANSWER_PROMPTS = (
    "Type the number of your answer", "Type the numbers of every correct answer", "Type t for true",
    "Type your answer", "Type a number", "Type the item numbers", "Pair each item",
    "Type the number of the position")


def fail(msg, transcript=None):
    if transcript:
        print("".join(transcript[-80:]))
    print("FAIL:", msg)
    sys.exit(1)


class Driver:
    """Reads the session line by line and answers every prompt."""

    def __init__(self, process):
        self.p = process
        self.ratings_sent = 0
        self.again_given = set()  # cards (by prompt) already rated Again once
        self.cards = 0
        self.types = set()

    def line(self):
        text = self.p.readline()
        if text == "":
            fail("output ended before the summary", self.p.transcript)
        return text.rstrip("\n")

    def send(self, text):
        self.p.send(text)

    def run(self):
        numbered, lettered, section, prompt_text = [], [], None, None
        current = None
        while True:
            text = self.line()
            if text in ("Session complete", "Session ended"):
                return text
            m = HEADER.match(text)
            if m:
                self.cards += 1
                if int(m.group(1)) != self.cards:
                    fail(f"card number {m.group(1)}, expected {self.cards}", self.p.transcript)
                numbered, lettered, section, prompt_text = [], [], None, None
                current = None
                continue
            if prompt_text is None and self.cards and not text.startswith("Scenario"):
                prompt_text = text if not text.startswith("  ") else prompt_text
            if text in ("Items:", "Options:", "Positions:", "Rubric:"):
                section = text
                if section == "Rubric:":
                    lettered = []
                continue
            if NUMBERED.match(text) and section != "Options:":
                numbered.append(text)
                continue
            if LETTERED.match(text):
                lettered.append(text)
                continue
            if text.startswith(ANSWER_PROMPTS):
                current = prompt_text
                self.answer(text, numbered, lettered)
            elif text.startswith("Write your justification"):
                self.send("It balances the risk and the benefit.")
                self.send("")
            elif "no option yet" in text:
                self.send("")
            elif text.startswith("Which rubric lines"):
                self.send("a" if len(lettered) < 3 else "a c")
            elif text.startswith("Rate it: "):
                self.rate(text, current)

    def answer(self, prompt, numbered, lettered):
        n = len(numbered)
        if prompt.startswith("Type the number of your answer"):
            self.types.add("single")
            self.send(str(1 + self.cards % n))
        elif prompt.startswith("Type the numbers of every correct answer"):
            self.types.add("multiple")
            self.send("1 2" if n >= 2 else "1")
        elif prompt.startswith("Type t for true"):
            self.types.add("truefalse")
            self.send("t" if self.cards % 2 else "f")
        elif prompt.startswith("Type your answer"):
            self.types.add("short")
            self.send("Lurk")
        elif prompt.startswith("Type a number"):
            self.types.add("numeric")
            self.send("1,700")
        elif prompt.startswith("Type the item numbers"):
            self.types.add("ordering")
            self.send(" ".join(str(k) for k in range(n, 0, -1)))
        elif prompt.startswith("Pair each item"):
            self.types.add("matching")
            items = [t for t in numbered]
            letters = [LETTERED.match(t).group(1) for t in lettered]
            self.send(" ".join(f"{i + 1}{letters[i % len(letters)]}" for i in range(len(items))))
        elif prompt.startswith("Type the number of the position"):
            self.types.add("dilemma")
            self.send("1")

    def rate(self, line, card):
        proposed = line.rsplit("Enter = ", 1)[1]
        if proposed != "Again":
            choice = "" if self.ratings_sent % 3 else "4"
        elif card not in self.again_given:
            self.again_given.add(card)
            choice = "1"
        else:
            choice = "3"
        self.ratings_sent += 1
        self.send(choice)


def run(casebook, args, stdin_text=None, timeout=60):
    return subprocess.run([casebook, *args], input=stdin_text, capture_output=True, text=True, timeout=timeout)


def on_a_terminal(casebook, args):
    """Runs casebook with standard output on a pseudo-terminal and no input; returns what it
    printed."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([casebook, *args], stdin=subprocess.DEVNULL, stdout=slave,
                                stderr=subprocess.PIPE)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=30)
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def review_rows(db, learner):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT r.card_key, r.rating, r.answer FROM review_log r JOIN learner l ON "
                           "l.id = r.learner_id WHERE l.name = ? ORDER BY r.id", (learner,)).fetchall()
    finally:
        con.close()


def whole_session(casebook, banks, work, name, min_answers, want_types):
    db = os.path.join(work, name + ".sqlite3")
    with StudyProcess(casebook, ["--db", db, "--bank", banks, "--learner", "pipe", "study"]) as p:
        driver = Driver(p)
        heading = driver.run()
        rc, rest, err = p.finish()
    with open(os.path.join(work, name + ".transcript.txt"), "w", encoding="utf-8") as f:
        f.write(p.text())
    if rc != 0:
        fail(f"exit {rc}: {err}", p.transcript)
    reviewed = int(re.search(r"^Answers: (\d+)$", rest, re.M).group(1))
    rows = review_rows(db, "pipe")
    print(f"{name}: {driver.cards} cards shown, {driver.ratings_sent} ratings sent, "
          f"summary {reviewed}, review log {len(rows)} rows; types {sorted(driver.types)}")
    if not (driver.ratings_sent == reviewed == len(rows) == driver.cards):
        fail("cards, ratings, summary and review log disagree", p.transcript)
    if reviewed < min_answers:
        fail(f"only {reviewed} answers: the session should run through today's new cards and their steps")
    if not want_types <= driver.types:
        fail(f"question types seen: {sorted(driver.types)}, expected at least {sorted(want_types)}")
    if heading != "Session complete" or "Still due today: 0" not in rest:
        fail("the session did not run to its end:\n" + rest)
    if "\x1b" in p.text():
        fail("escape bytes in the output of a pipe")


def fixed_input_with_limit(casebook, banks, work):
    db = os.path.join(work, "limit.sqlite3")
    res = run(casebook, ["--db", db, "--bank", banks, "--learner", "fixed", "study", "--limit", "5"],
              "1\n\n" * 200)
    if res.returncode != 0:
        fail(f"--limit 5: exit {res.returncode}: {res.stderr}")
    rows = review_rows(db, "fixed")
    if len(rows) != 5 or "Answers: 5" not in res.stdout or "the limit you set" not in res.stdout:
        fail(f"--limit 5: {len(rows)} rows\n{res.stdout[-2000:]}")
    print("fixed input with --limit 5: 5 rows, summary printed")


def interrupt_on_feedback(casebook, banks, work):
    db = os.path.join(work, "sigint.sqlite3")
    with StudyProcess(casebook, ["--db", db, "--bank", banks, "--learner", "sigint", "study"]) as p:
        answered = False
        while True:
            text = p.readline()
            if text == "":
                fail("output ended before the rating prompt", p.transcript)
            if text.startswith(ANSWER_PROMPTS) and not answered:
                p.send("1")  # a number or text: every first answer form takes it
                answered = True
            elif text.startswith(("Write your justification", "Which rubric lines", "Type the item numbers",
                                  "Pair each item")) or "no option yet" in text:
                p.send("")
            elif text.startswith("Rate it: "):
                break
        p.proc.send_signal(signal.SIGINT)
        rc, out, err = p.finish()
    if rc != 0 or "Interrupted" not in out or "Answers: 1" not in out:
        fail(f"Ctrl+C: exit {rc}\n{out}\n{err}", p.transcript)
    if len(review_rows(db, "sigint")) != 1:
        fail("Ctrl+C on the feedback screen did not record the answer")
    print("Ctrl+C on the feedback screen: answer recorded, summary printed, exit 0")


def kill_after_undo(casebook, banks, work):
    """u takes back the first rating; kill -9 as soon as the card is asked again: the voiding
    record is already durable (the review-log row stays, the card is new again)."""
    db = os.path.join(work, "undo-kill.sqlite3")
    with StudyProcess(casebook, ["--db", db, "--bank", banks, "--learner", "undo", "study"]) as p:
        state = "answer"
        while True:
            text = p.readline()
            if text == "":
                fail("output ended before the undo", p.transcript)
            if "The last rating was taken back" in text:
                break
            if text.startswith(ANSWER_PROMPTS) and state == "answer":
                p.send("1")
                state = "rate"
            elif text.startswith(("Write your justification", "Which rubric lines", "Type the item numbers",
                                  "Pair each item")) or "no option yet" in text:
                p.send("")
            elif text.startswith("Rate it: ") and state == "rate":
                p.send("3")
                state = "undo"
            elif text.startswith(ANSWER_PROMPTS) and state == "undo":
                p.send("u")
                state = "wait"
        p.proc.kill()  # SIGKILL: no chance to finish anything
        p.proc.wait()
    con = sqlite3.connect(db)
    rows = con.execute("SELECT r.id, r.card_key FROM review_log r JOIN learner l ON l.id = r.learner_id "
                       "WHERE l.name = 'undo'").fetchall()
    voids = con.execute("SELECT review_id, reason FROM review_void").fetchall()
    states = con.execute("SELECT count(*) FROM card_state").fetchone()[0]
    con.close()
    if len(rows) != 1 or voids != [(rows[0][0], "undo")] or states != 0:
        fail(f"kill -9 after u: review_log {rows}, review_void {voids}, card states {states}", p.transcript)
    print("u then kill -9: the review stays in the log, voided; the card is new again")


def study_scope(casebook, banks, work):
    """--bank-id studies one bank (the bundled template bank only this way); a name that is
    not loaded is a usage error naming what is."""
    db = os.path.join(work, "scope.sqlite3")
    res = run(casebook, ["--db", db, "--bank", banks, "study", "--bank-id", "template-interpol-notices"], "")
    headers = [line for line in res.stdout.splitlines() if line.startswith("Card ")]
    if res.returncode != 0 or len(headers) != 1 or not headers[0].endswith("· Template: Interpol and its notices"):
        fail(f"--bank-id template-interpol-notices: exit {res.returncode}\n{res.stdout[-1500:]}")
    res = run(casebook, ["--db", db, "--bank", banks, "study"], "")
    headers = [line for line in res.stdout.splitlines() if line.startswith("Card ")]
    if res.returncode != 0 or len(headers) != 1 or "Template:" in headers[0]:
        fail(f"study without --bank-id: exit {res.returncode}\n{res.stdout[-1500:]}")
    for args, needed in ((["--bank-id", "nope"], "no loaded bank has the id `nope`"),
                         (["--topic", "nope"], "has the topic `nope`")):
        res = run(casebook, ["--db", db, "--bank", banks, "study", *args], "")
        if res.returncode != 2 or needed not in res.stderr:
            fail(f"study {args}: exit {res.returncode}, stderr {res.stderr!r}")
    print("--bank-id: one bank (the template only when chosen); unknown --bank-id or --topic: exit 2")


def small_cases(casebook, banks, work):
    db = os.path.join(work, "eof.sqlite3")
    res = run(casebook, ["--db", db, "--bank", banks, "study", "--color"], "")
    if res.returncode != 0 or "Session ended" not in res.stdout or "Answers: 0" not in res.stdout:
        fail(f"end of input at once: exit {res.returncode}\n{res.stdout}\n{res.stderr}")
    if "\x1b" in res.stdout:
        fail("--color wrote escape bytes to a pipe")
    if review_rows(db, "default"):
        fail("end of input at once recorded an answer")

    # On a terminal (a pseudo-terminal here) --color colours the lines; without it, none.
    for color in (True, False):
        out = on_a_terminal(casebook, ["--db", os.path.join(work, "pty.sqlite3"), "--bank", banks, "study"]
                            + (["--color"] if color else []))
        if ("\x1b[1m" in out) != color or ("\x1b" in out) != color:
            fail(f"on a terminal with color={color}: {out!r}")

    # --seed: the same seed and answers give the same session, line for line (times aside);
    # a seed that is not a whole number is a usage error.
    runs = []
    for i in range(2):
        res = run(casebook, ["--db", os.path.join(work, f"seed{i}.sqlite3"), "--bank", banks, "--seed", "5",
                             "study"], "1\n\n2\n\n" * 3)
        runs.append(re.sub(r"^Time: .*$", "Time: -", res.stdout, flags=re.M))
    if res.returncode != 0 or runs[0] != runs[1] or runs[0].count("\nCard ") < 3:
        fail(f"--seed 5 twice: different sessions\n{runs[0]}\n---\n{runs[1]}")
    for bad in ("-5", "abc", "18446744073709551616"):
        res = run(casebook, ["--seed", bad, "--db", os.path.join(work, "bad-seed.sqlite3"), "study"], "")
        if res.returncode != 2 or "--seed" not in res.stderr:
            fail(f"--seed {bad}: exit {res.returncode}, stderr {res.stderr!r}")

    res = run(casebook, ["study", "--help"])
    for needed in ("--limit", "--color", "--seed", "--bank-id", "--topic", "takes back the last rating", "1b 2a 3c", "3 1 2 4", "t or f", "q ends the session",
                   "rubric", "Enter accepts the proposed"):
        if needed not in res.stdout:
            fail(f"`casebook study --help` does not mention {needed!r}:\n{res.stdout}")

    folder_db = os.path.join(work, "a-folder")
    os.makedirs(folder_db, exist_ok=True)
    res = run(casebook, ["--db", folder_db, "--bank", banks, "study"], "")
    if res.returncode != 1 or not res.stderr.startswith("casebook: ") or res.stdout:
        fail(f"a database that cannot be opened: exit {res.returncode}, stdout {res.stdout!r}, "
             f"stderr {res.stderr!r}")
    print("end of input, --color in a pipe and on a terminal, --seed, --help, unopenable database: as expected")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casebook", required=True)
    ap.add_argument("--source", required=True, help="the source tree (for question_banks/)")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    banks = os.path.join(args.source, "question_banks")
    # The bundled banks: today's 20 new cards (a random order per learner) and their steps.
    whole_session(args.casebook, banks, args.work, "bundled", 40, {"single", "numeric"})
    # Every question type, through the same driver.
    every = {"single", "multiple", "truefalse", "short", "numeric", "ordering", "matching", "dilemma"}
    whole_session(args.casebook, os.path.join(args.source, "tests", "term", "data", "term_bank.toml"), args.work,
                  "every-type", 16, every)
    fixed_input_with_limit(args.casebook, banks, args.work)
    interrupt_on_feedback(args.casebook, banks, args.work)
    kill_after_undo(args.casebook, banks, args.work)
    study_scope(args.casebook, banks, args.work)
    small_cases(args.casebook, banks, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
