#!/usr/bin/env node
// make soak: the fault soak at full size, its figures printed and written to bin/soak-report.json.
// Usage: node tests/soak/run.js [customers=500] [killTrials=60] [parallel=16] [subscribersPerCustomer=4]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { runSoak } = require('./soak');

(async () => {
  const [customers = 500, killTrials = 60, parallel = 16, subscribers = 4] = process.argv.slice(2).map(Number);
  const started = Date.now();
  const figures = await runSoak({ customers, subscribers, killTrials, parallel, seed: 20261130, log: (line) => console.error(line) });
  const report = { customers, subscribersPerCustomer: subscribers, killTrials, parallel, minutes: Number(((Date.now() - started) / 60000).toFixed(1)), ...figures };
  const file = path.resolve(__dirname, '..', '..', 'bin', 'soak-report.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  const clean = figures.duplicates === 0 && figures.orphans === 0 && figures.unrecovered === 0 && figures.tokenLeaks === 0 &&
    figures.driftAfterRefresh === 0 && figures.kills.failed === 0 && figures.kills.duplicates === 0;
  process.exit(clean ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
