// The benchmarks at a small size (`make bench`'s fleet in its quick mode, `make bench-estate`'s estate and stacks),
// so that each keeps working: it must complete every scenario with no failure and nothing left over or duplicated,
// and its counts must add up. It asserts
// no speed: speed goals live in BENCHMARKS.md, measured side by side in one run.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Runs a benchmark script with `args` and its --json; the exit code, its output and the JSON it wrote. */
async function runBench(name, args) {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), `${name}.json`);
  const { code, stdout, stderr } = await new Promise((resolve) => execFile(process.execPath, [path.join(__dirname, '..', 'bench', `${name}.js`), ...args, '--json', json],
    { env: process.env, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => resolve({ code: error ? error.code : 0, stdout: out, stderr: err })));
  return { code, stdout, stderr, result: code === 0 ? JSON.parse(fs.readFileSync(json, 'utf8')) : null };
}

test('the fleet benchmark, quick mode: every scenario completes and its counts add up', async (t) => {
  const { code, stdout, stderr, result } = await runBench('fleet-scale', ['--quick']);
  t.diagnostic(stdout.split('\n').filter((line) => line.startsWith('| 16')).join('\n'));

  assert.equal(code, 0, stderr);
  const { results: [{ rows, left }], cancel } = result;
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
  const { code, stdout, stderr, result } = await runBench('fleet-scale', ['--quick', '--customers', '5', '--subscribers', '6', '--provisioning', '1']);
  t.diagnostic(stdout.split('\n').filter((line) => line.startsWith('| 16')).join('\n'));

  assert.equal(code, 0, stderr);
  const { results: [{ rows, left }], cancel } = result;
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

test('the estate benchmark, small: seeded, imported, refreshed, drift found exactly, updated, at both widths', async (t) => {
  const { code, stdout, stderr, result } = await runBench('estate', ['--customers', '12', '--subscribers', '10', '--parallel', '64,1000']);
  t.diagnostic(stdout);

  assert.equal(code, 0, stderr);
  const { rows } = result;
  assert.deepEqual(rows.map((row) => `${row.parallel} ${row.scenario}`), ['1000 import',
    ...['64', '1000'].flatMap((width) => ['refresh', 'no-op preview', '1 % drift refresh', '1 % update'].map((scenario) => `${width} ${scenario}`))]);
  for (const row of rows) {
    assert.equal(row.failures, 0, `${row.scenario}: ${row.firstFailures.join(' | ')}`);
    assert.equal(Object.values(row.byKind).reduce((a, b) => a + b, 0), row.requests, `${row.scenario}: requests by kind add up`);
  }
  assert.equal(rows[0].calls, 132, 'every customer and subscriber imported');
  for (const drift of rows.filter((row) => row.scenario === '1 % drift refresh')) {
    assert.deepEqual(drift.drift, { changed: 1, gone: 1, exact: true, wrong: [] }, 'one changed and one removed out of band, reported and nothing else');
  }
  assert.ok(rows.filter((row) => row.scenario === 'no-op preview').every((row) => row.requests === 0), 'a no-op preview calls no Webex');
  assert.ok(rows.filter((row) => row.scenario === 'refresh').every((row) => row.requests < 20), 'a refresh reads from shared lists');
});

test('the stacks benchmark, small: stacks deployed at once on one token, pacing alone and sharing the pace, then refreshed', async (t) => {
  const { code, stdout, stderr, result } = await runBench('stacks', ['--stacks', '3', '--customers', '3', '--subscribers', '2', '--provisioning', '1']);
  t.diagnostic(stdout);

  assert.equal(code, 0, stderr);
  assert.deepEqual(result.results.map((r) => r.shared), [false, true]);
  for (const { deploy, refresh } of result.results) {
    assert.equal(deploy.failures, 0, deploy.firstFailures.join(' | '));
    assert.equal(deploy.duplicates, 0);
    assert.equal(deploy.held, 27, 'Webex holds every customer and subscriber of the 3 stacks once');
    assert.equal(deploy.walls.length, 3);
    assert.equal(refresh.failures, 0, refresh.firstFailures.join(' | '));
    assert.equal(refresh.reads, 27);
  }
});

test('the audit benchmark, small: the same unmanaged resources found from the subscriber list and from a point-in-time report', async (t) => {
  const { code, stdout, stderr, result } = await runBench('audit', ['--customers', '100', '--subscribers', '3']);
  t.diagnostic(stdout);

  assert.equal(code, 0, stderr);
  assert.deepEqual(result.expected, { unmanagedCustomers: 1, unmanagedSubscribers: 2 });
  assert.deepEqual(result.rows.map((row) => [row.source, row.code, row.exact]), [['subscriber list', 3, true], ['point-in-time USER report', 3, true]]);
  const [list, report] = result.rows;
  assert.equal(list.byKind['GET subscribers'], 3, 'the list reads 300 subscribers in 3 pages');
  assert.equal(report.byKind['GET subscribers'], undefined, 'the report reads none of the list');
  assert.equal(report.byKind['POST billing/reports'], 1);
  assert.equal(report.byKind['DELETE billing/reports/{id}'], 1, 'the report the audit asked for is deleted');
});
