#!/usr/bin/env python3
"""Runs the real `casebook` binary: `preview` (text and Markdown) against golden files, and
`validate --format json` parsed and checked against docs/bank-format.md ("validate --format
json") and the golden diagnostics of tests/bank/data/invalid.

Usage: cli_preview_validate_test.py CASEBOOK_BINARY SOURCE_DIR
Set CASEBOOK_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (then
review the diff before committing).
"""
import difflib
import json
import os
import subprocess
import sys

BINARY, SOURCE = sys.argv[1], sys.argv[2]
GOLDEN = os.path.join(SOURCE, "tests", "app", "data", "preview")
VALID = os.path.join(SOURCE, "tests", "bank", "data", "valid")
INVALID = os.path.join(SOURCE, "tests", "bank", "data", "invalid")
UPDATE = os.environ.get("CASEBOOK_UPDATE_GOLDEN") == "1"

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, encoding="utf-8", check=False)


# ---- preview: golden output -------------------------------------------------------------------
# (bank file, format, golden file)
PREVIEWS = [
    ("facts_v2.toml", "text", "facts_v2.txt"),
    ("facts_v2.toml", "markdown", "facts_v2.md"),
    ("citations.toml", "text", "citations.txt"),  # [@id] markers rendered as the app shows them
]
for bank, fmt, golden in PREVIEWS:
    r = run("preview", os.path.join(VALID, bank), "--format", fmt)
    check(r.returncode == 0, f"preview {bank} --format {fmt}: exit {r.returncode}, stderr {r.stderr!r}")
    path = os.path.join(GOLDEN, golden)
    if UPDATE:
        os.makedirs(GOLDEN, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(r.stdout)
        continue
    with open(path, encoding="utf-8", newline="\n") as f:
        expected = f.read()
    if r.stdout != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), r.stdout.splitlines(True), "expected", "actual"))
        failures.append(f"preview {bank} --format {fmt} differs from {golden}:\n{diff}")
    check("[@" not in r.stdout, f"preview {bank} --format {fmt} shows a raw [@id] marker")

# ---- validate --format json ------------------------------------------------------------------
DIAGNOSTIC_KEYS = {"file", "line", "column", "severity", "code", "message", "hint"}
BANK_KEYS = {"path", "id", "loaded", "questions", "generated", "errors", "warnings"}


def validate_json(*paths):
    r = run("validate", "--format", "json", *paths)
    try:
        doc = json.loads(r.stdout)
    except json.JSONDecodeError as e:
        failures.append(f"validate --format json {paths}: not JSON ({e}): {r.stdout[:300]!r}")
        return r.returncode, None
    check(doc.get("schema") == 1, f"schema is {doc.get('schema')!r}, not 1")
    check(set(doc) >= {"schema", "banks", "diagnostics", "summary"}, f"top-level keys {sorted(doc)}")
    for b in doc.get("banks", []):
        check(set(b) >= BANK_KEYS, f"bank keys {sorted(b)}")
    for d in doc.get("diagnostics", []):
        check(set(d) >= DIAGNOSTIC_KEYS, f"diagnostic keys {sorted(d)}")
        check(d.get("severity") in ("error", "warning"), f"severity {d.get('severity')!r}")
        check(isinstance(d.get("line"), int) and isinstance(d.get("column"), int), f"line/column of {d}")
    # The summary adds up the banks, and the diagnostics are those counted.
    banks, summary, diags = doc.get("banks", []), doc.get("summary", {}), doc.get("diagnostics", [])
    check(summary.get("banks") == len(banks), f"summary.banks {summary.get('banks')} != {len(banks)}")
    check(summary.get("questions") == sum(b["questions"] for b in banks), "summary.questions is not the sum")
    errors = sum(1 for d in diags if d["severity"] == "error")
    warnings = len(diags) - errors
    check(summary.get("errors") == errors == sum(b["errors"] for b in banks), f"errors: {summary} vs {errors}")
    check(summary.get("warnings") == warnings == sum(b["warnings"] for b in banks), f"warnings: {summary} vs {warnings}")
    return r.returncode, doc


# A valid format-2 bank: 1 hand-written and 13 generated questions, no problems.
rc, doc = validate_json(os.path.join(VALID, "facts_v2.toml"))
check(rc == 0, f"validate facts_v2.toml: exit {rc}")
if doc:
    check(len(doc["banks"]) == 1, "one bank entry")
    b = doc["banks"][0]
    check(b["id"] == "facts-v2" and b["loaded"] is True, f"facts_v2 bank entry {b}")
    check((b["questions"], b["generated"], b["errors"], b["warnings"]) == (14, 13, 0, 0), f"facts_v2 counts {b}")
    check(doc["diagnostics"] == [], f"facts_v2 diagnostics {doc['diagnostics']}")

# A bank with errors does not load: id null, and the diagnostics are the golden ones.
bad = os.path.join(INVALID, "facts-errors.toml")
rc, doc = validate_json(bad)
check(rc == 1, f"validate facts-errors.toml: exit {rc}, not 1")
if doc:
    b = doc["banks"][0]
    check(b["id"] is None and b["loaded"] is False and b["questions"] == 0, f"facts-errors bank entry {b}")
    with open(os.path.join(INVALID, "facts-errors.expected"), encoding="utf-8") as f:
        golden = [line for line in f.read().splitlines() if line.startswith("facts-errors.toml:")]
    got = []
    for d in doc["diagnostics"]:
        hint = f"; {d['hint']}" if d["hint"] else ""
        got.append(f"facts-errors.toml:{d['line']}:{d['column']}: {d['severity']}: {d['message']} [{d['code']}]{hint}")
    check(got == golden, "facts-errors diagnostics differ from facts-errors.expected:\n" +
          "\n".join(difflib.unified_diff(golden, got, "expected", "json", lineterm="")))
    check(b["errors"] == sum(1 for line in golden if ": error: " in line), f"facts-errors error count {b}")

# Two banks in one run: one entry each, in the order given.
rc, doc = validate_json(os.path.join(VALID, "facts_v2.toml"), os.path.join(VALID, "citations.toml"))
check(rc == 0, f"validate two banks: exit {rc}")
if doc:
    check([b["id"] for b in doc["banks"]] == ["facts-v2", "fixture-citations"], f"bank ids {doc['banks']}")
    check(doc["summary"]["banks"] == 2, "summary.banks == 2")

if UPDATE:
    print(f"golden files rewritten in {GOLDEN}")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
