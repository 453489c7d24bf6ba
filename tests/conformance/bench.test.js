// `make bench`'s fleet benchmark in its quick mode (50 customers), so that the benchmark itself keeps working: it
// must complete every scenario with no failure and no customer left over, and its counts must add up. It asserts
// no speed: speed goals live in BENCHMARKS.md, measured side by side in one run.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

test('the fleet benchmark, quick mode: every scenario completes and its counts add up', async (t) => {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'fleet.json');
  const script = path.join(__dirname, '..', 'bench', 'fleet-scale.js');
  const { code, stdout, stderr } = await new Promise((resolve) => execFile(process.execPath, [script, '--quick', '--json', json],
    { env: process.env, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => resolve({ code: error ? error.code : 0, stdout: out, stderr: err })));
  t.diagnostic(stdout.split('\n').filter((line) => line.startsWith('| 16')).join('\n'));

  assert.equal(code, 0, stderr);
  const { results: [{ rows, left }], cancel } = JSON.parse(fs.readFileSync(json, 'utf8'));
  assert.deepEqual(rows.map((row) => row.scenario), ['create', 'preview', 'refresh', 'update', 'destroy']);
  assert.equal(left, 0, 'no customer left after destroy');
  for (const row of rows) {
    assert.equal(row.failures, 0, `${row.scenario}: ${row.firstFailures.join(' | ')}`);
    assert.equal(Object.values(row.byMethod).reduce((a, b) => a + b, 0), row.requests, `${row.scenario}: requests by method add up`);
    assert.ok(row.cpuSeconds >= 0 && row.peakRssMb > 0, `${row.scenario}: process figures read`);
  }
  const byScenario = Object.fromEntries(rows.map((row) => [row.scenario, row]));
  assert.equal(byScenario.create.byMethod['POST provision'], 50, 'one provision per customer');
  assert.ok(byScenario.create.byMethod['POST precheck'] <= 50, 'at most one precheck per customer');
  assert.equal(byScenario.preview.requests, 0, 'a no-op preview calls no Webex');
  assert.equal(byScenario.update.byMethod.PUT, 50, 'one update per customer');
  assert.equal(byScenario.destroy.byMethod.DELETE, 50, 'one removal per customer');
  assert.ok(cancel.inFlight > 0 && cancel.cancelAnsweredMs >= 0 && cancel.lastReturnedMs >= 0, JSON.stringify(cancel));
});

test('the subscriber fleet benchmark, quick mode: every scenario completes, no duplicate, and its counts add up', async (t) => {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'subscribers.json');
  const script = path.join(__dirname, '..', 'bench', 'fleet-scale.js');
  const { code, stdout, stderr } = await new Promise((resolve) => execFile(process.execPath,
    [script, '--quick', '--customers', '5', '--subscribers', '6', '--provisioning', '1', '--json', json],
    { env: process.env, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => resolve({ code: error ? error.code : 0, stdout: out, stderr: err })));
  t.diagnostic(stdout.split('\n').filter((line) => line.startsWith('| 16')).join('\n'));

  assert.equal(code, 0, stderr);
  const { results: [{ rows, left }], cancel } = JSON.parse(fs.readFileSync(json, 'utf8'));
  assert.equal(cancel, null, 'Cancel is measured on the customer fleet');
  assert.deepEqual(rows.map((row) => row.scenario), ['create', 'preview', 'refresh', 'update', 'destroy']);
  assert.equal(left, 0, 'no subscriber left after destroy');
  for (const row of rows) {
    assert.equal(row.failures, 0, `${row.scenario}: ${row.firstFailures.join(' | ')}`);
    assert.equal(row.duplicates, 0, `${row.scenario}: one subscriber per e-mail`);
    assert.equal(Object.values(row.byMethod).reduce((a, b) => a + b, 0), row.requests, `${row.scenario}: requests by method add up`);
  }
  const byScenario = Object.fromEntries(rows.map((row) => [row.scenario, row]));
  assert.equal(byScenario.create.held, 30, 'Webex holds the 30 subscribers after create');
  assert.equal(byScenario.create.byMethod['POST provision'], 30, 'one provision per subscriber');
  assert.equal(byScenario.preview.requests, 0, 'a no-op preview calls no Webex');
  assert.ok(byScenario.refresh.requests < 30, `a refresh reads from shared lists, not one GET each: ${JSON.stringify(byScenario.refresh.byMethod)}`);
  assert.equal(byScenario.update.byMethod.PUT, 30, 'one update per subscriber');
  assert.equal(byScenario.destroy.byMethod.DELETE, 30, 'one removal per subscriber');
  assert.equal(byScenario.destroy.held, 0);
});
