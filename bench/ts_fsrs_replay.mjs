// Replays every sequence of the ts-fsrs 5.4.2 reference vectors with ts-fsrs itself (the
// reference side of bench/compare_scheduler.sh) and prints one JSON line:
// {"reviews_per_second": median over the windows (per CPU second), "rates", "reviews",
// "cpu_seconds", "wall_seconds", "checksum"}.
// Usage: node ts_fsrs_replay.mjs NODE_DIR VECTORS.json [MIN_SECONDS [REPETITIONS [PASSES]]]
// With PASSES: exactly that many passes, untimed (for perf stat), {"passes", "reviews", "checksum"}.
// NODE_DIR holds node_modules/ts-fsrs (the script installs it there).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [nodeDir, vectorsPath, minSecondsArg, repetitionsArg, fixedPassesArg] = process.argv.slice(2);
const require = createRequire(join(resolve(nodeDir), 'package.json'));
const { fsrs, createEmptyCard } = require('ts-fsrs');

const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8'));
const schedulers = {};
for (const [name, config] of Object.entries(vectors.configs)) schedulers[name] = fsrs(config.input);
// Dates are built once, outside the timed loop (the C++ side parses its times beforehand too).
const sequences = vectors.sequences.map((s) => ({
  f: schedulers[s.config],
  created: new Date(s.initial_card.due),
  steps: s.steps.map((st) => [new Date(st.review), st.rating]),
}));
const reviewsPerPass = sequences.reduce((n, s) => n + s.steps.length, 0);

function pass() {
  let checksum = 0;
  for (const s of sequences) {
    let card = createEmptyCard(s.created);
    for (const [when, rating] of s.steps) card = s.f.next(card, when, rating).card;
    checksum += card.stability;
  }
  return checksum;
}

// CPU time of this process (user + system), as Google Benchmark's items_per_second uses on
// the C++ side: on a busy machine wall time mostly measures the other processes.
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

if (fixedPassesArg !== undefined) {
  // Fixed-work mode for `perf stat` (see compare_scheduler.sh): exactly N passes, no timing.
  let checksum = 0;
  const passes = Number(fixedPassesArg);
  for (let i = 0; i < passes; i++) checksum = pass();
  console.log(JSON.stringify({ passes, reviews: passes * reviewsPerPass, checksum }));
  process.exit(0);
}

// Warm-up: at least 20 passes and 1 CPU second, so that V8 has optimised pass() and
// everything it calls (TurboFan) before any window is timed.
const warmStart = cpuSeconds();
for (let i = 0; i < 20 || cpuSeconds() - warmStart < 1; i++) pass();

// Steady state: `repetitions` windows of minSeconds / repetitions CPU seconds each; the
// reported rate is their median (the C++ side reports Google Benchmark's median the same way).
const minSeconds = Number(minSecondsArg ?? 2);
const repetitions = Math.max(1, Number(repetitionsArg ?? 5));
const rates = [];
let reviews = 0;
let checksum = 0;
let cpuTotal = 0;
const startWall = process.hrtime.bigint();
for (let rep = 0; rep < repetitions; rep++) {
  const startCpu = cpuSeconds();
  let passes = 0;
  let seconds = 0;
  do {
    checksum = pass();
    passes++;
    seconds = cpuSeconds() - startCpu;
  } while (seconds < minSeconds / repetitions);
  rates.push((passes * reviewsPerPass) / seconds);
  reviews += passes * reviewsPerPass;
  cpuTotal += seconds;
}
const wallSeconds = Number(process.hrtime.bigint() - startWall) / 1e9;
const sorted = [...rates].sort((a, b) => a - b);
console.log(JSON.stringify({
  reviews_per_second: sorted[Math.floor(sorted.length / 2)], rates, reviews, cpu_seconds: cpuTotal,
  wall_seconds: wallSeconds, checksum,
}));
