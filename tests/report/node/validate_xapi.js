#!/usr/bin/env node
// Validates every statement of a Casebook xAPI export with Learning Locker's conformance-
// tested validator (npm xapi-validation 2.1.4, installed by `.ci/setup` with `npm ci` here).
// Usage: node validate_xapi.js STATEMENTS.json
// Exit: 0 all valid, 1 a statement has warnings, 77 (CTest "skipped") without node_modules.
'use strict';
const fs = require('fs');
const path = require('path');

let validate;
try {
  validate = require(path.join(__dirname, 'node_modules', 'xapi-validation')).default;
} catch (e) {
  console.log('SKIPPED: xapi-validation is not installed; run `bash .ci/setup` (npm ci in tests/report/node)');
  process.exit(77);
}

const statements = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (!Array.isArray(statements) || statements.length === 0) {
  console.log('FAIL: expected a non-empty array of statements');
  process.exit(1);
}

// The validator must reject a broken statement, or a pass below would prove nothing.
const broken = JSON.parse(JSON.stringify(statements[0]));
broken.verb.id = 'not an IRI';
broken.result.duration = '4.2 seconds';
if (validate(broken).length === 0) {
  console.log('FAIL: the validator accepted a statement with a bad verb IRI and duration');
  process.exit(1);
}

let failures = 0;
statements.forEach((statement, i) => {
  const warnings = validate(statement);
  if (warnings.length > 0) {
    failures += 1;
    console.log(`FAIL: statement ${i} (${statement.id}):`);
    for (const w of warnings) console.log(`  ${JSON.stringify(w.path)}: ${w.constructor.name} ${w.message || ''}`);
  }
});
const ids = new Set(statements.map((s) => s.id));
if (ids.size !== statements.length) {
  console.log('FAIL: statement ids are not unique');
  failures += 1;
}
console.log(`xapi-validation: ${statements.length} statements, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
