#!/usr/bin/env python3
"""Writes a format-2 bank with N events (and 60 actors) or N actors (and 3 events) for
bench/compare_load.sh. Deterministic: the same N gives the same file.
Usage: make_fact_bank.py events|actors N OUT.toml"""
import random
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(20261206)
kinds = ["person", "agency", "company", "group", "state"]
words = ["police", "ministry", "court", "bank", "hackers", "embassy", "treaty", "summit", "report", "sanctions",
         "agency", "inquiry", "trial", "leak", "attack", "pipeline", "election", "talks", "visit", "order"]
lines = ['[bank]', f'id = "bench-{kind}-{n}"', 'title = "Benchmark bank"', 'version = "1.0.0"', 'format = 2',
         'article = "art"', '', '[[source]]', 'id = "art"', 'citation = "A. Author, \\"Title\\", Paper, 1 May 2021."',
         'short = "Author, 2021"', '']
n_actors = n if kind == "actors" else 60
n_events = n if kind == "events" else 3
for i in range(n_actors):
    k = kinds[i % 5]
    lines += ['[[actor]]', f'id = "a{i}"', f'name = "Actor {i} {rnd.choice(words).title()}"', f'kind = "{k}"',
              f'description = "A {k} that took part in {rnd.choice(words)} number {i}"', 'source = "art"',
              f'paragraph = [{i % 29 + 1}]', '']
for i in range(n_events):
    y, m, d = rnd.randint(1950, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    date = f"{y}-{m:02d}-{d:02d}" if i % 3 else (f"{y}-{m:02d}" if i % 2 else f"{y}")
    a = rnd.sample(range(n_actors), 3)
    lines += ['[[event]]', f'id = "e{i}"', f'date = "{date}"',
              f'title = "Event {i}: the {rnd.choice(words)} meets the {rnd.choice(words)}"',
              f'summary = "Summary of event {i}, in which the {rnd.choice(words)} acted."',
              f'actors = ["a{a[0]}", "a{a[1]}"]', f'roles = [{{ actor = "a{a[2]}", role = "led the {rnd.choice(words)}" }}]',
              'source = "art"', f'paragraph = [{i % 29 + 1}]', '']
lines += ['[generators]', 'event_date = { style = "year" }', '']
open(out, "w", encoding="utf-8").write("\n".join(lines))
