// Replays every sequence of the ts-fsrs 5.4.2 reference vectors with ts-fsrs itself (the
// reference side of bench/compare_scheduler.sh) and prints one JSON line:
// {"reviews_per_second": ... (per CPU second), "reviews", "cpu_seconds", "wall_seconds", "checksum"}.
// Usage: node ts_fsrs_replay.mjs NODE_DIR VECTORS.json [MIN_SECONDS]
// NODE_DIR holds node_modules/ts-fsrs (the script installs it there).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [nodeDir, vectorsPath, minSecondsArg] = process.argv.slice(2);
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

for (let i = 0; i < 20; i++) pass();  // warm-up: let V8 optimise
const minSeconds = Number(minSecondsArg ?? 2);
let passes = 0;
let checksum = 0;
// CPU time of this process (user + system), as Google Benchmark's items_per_second uses on
// the C++ side: on a busy machine wall time mostly measures the other processes.
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const startCpu = cpuSeconds();
const startWall = process.hrtime.bigint();
let seconds = 0;
do {
  checksum = pass();
  passes++;
  seconds = cpuSeconds() - startCpu;
} while (seconds < minSeconds);
const wallSeconds = Number(process.hrtime.bigint() - startWall) / 1e9;
const reviews = passes * reviewsPerPass;
console.log(JSON.stringify({
  reviews_per_second: reviews / seconds, reviews, cpu_seconds: seconds, wall_seconds: wallSeconds, checksum,
}));
