// make bench-estate, part 3: `webex-wholesale-export audit` over an estate of 50,000 subscribers in 1,000 customers,
// seeded into the simulator at its rate limit, with a stack export that declares all but 1 % of customers and of the
// remaining subscribers. The audit runs twice, side by side: reading subscribers from the list's pages, and from one
// point-in-time USER billing report. Per run: Webex requests (by kind), wall, whether it found exactly the 1 %.
// Usage: node audit.js [--customers 1000] [--subscribers 50] [--rate 20] [--json FILE]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const h = require('../conformance/harness');
const { flag } = require('./measure');
const { seedEstate } = require('./estate-seed');

const options = {
  customers: Number(flag('--customers', 1000)),
  subscribers: Number(flag('--subscribers', 50)),
  rate: Number(flag('--rate', 20)),
  json: flag('--json', null),
};
const exporterPath = process.env.EXPORTER_PATH || path.join(h.repoRoot, 'bin', 'webex-wholesale-export');

/** A stack export (deployment version 3) declaring every customer but each 100th, and of theirs every subscriber but each 100th. */
function stackExport(estate, file) {
  const resource = (type, name, id, outputs) => ({ urn: `urn:pulumi:estate::estate::webex-wholesale:index:${type}::${name}`, custom: true, type: `webex-wholesale:index:${type}`, id, outputs });
  const declaredCustomers = estate.customers.filter((_, i) => i % 100 !== 99);
  const declaredIds = new Set(declaredCustomers.map((c) => c.id));
  const ofDeclared = estate.subscribers.filter((s) => declaredIds.has(s.customerId));
  const declaredSubscribers = ofDeclared.filter((_, i) => i % 100 !== 99);
  fs.writeFileSync(file, JSON.stringify({
    version: 3,
    deployment: {
      manifest: { time: '2026-12-07T10:00:00Z', magic: '', version: 'v3.230.0' },
      resources: [
        ...declaredCustomers.map((c) => resource('WholesaleCustomer', c.externalId, c.id, { externalId: c.externalId, packages: c.packages })),
        ...declaredSubscribers.map((s) => resource('WholesaleSubscriber', s.email.replace('@', '-at-'), s.id, { email: s.email, customerId: s.customerId, packages: s.packages })),
      ],
    },
  }));
  return {
    unmanagedCustomers: estate.customers.length - declaredCustomers.length,
    unmanagedSubscribers: ofDeclared.length - declaredSubscribers.length,
  };
}

function audit(simulator, args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    execFile(exporterPath, ['audit', '--base-url', simulator.baseUrl, '--format', 'json', ...args],
      { env: { PATH: process.env.PATH, WEBEX_ACCESS_TOKEN: 'dev-token' }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}

async function main() {
  const estate = seedEstate(options.customers, options.subscribers);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-')), 'estate.json');
  const expected = stackExport(estate, file);
  const simulator = await h.startSimulator(['--seed-file', estate.file, '--rate-limit', String(options.rate), '--provisioning-seconds', '2']);
  const rows = [];
  try {
    for (const [label, extra] of [['subscriber list', []], ['point-in-time USER report', ['--subscribers-from-report']]]) {
      await simulator.control('DELETE', 'requests');
      const run = await audit(simulator, ['--stack-export', file, ...extra]);
      const journal = (await simulator.control('GET', 'requests')).body;
      const answered = journal.filter((r) => r.status !== 429);
      const byKind = {};
      for (const r of answered) {
        const kind = `${r.method} ${r.path.split('?')[0].replace(/\/v1\/wholesale\//, '').replace(/\/[A-Za-z0-9_-]{20,}$/, '/{id}')}`;
        byKind[kind] = (byKind[kind] || 0) + 1;
      }
      const report = run.code === 3 ? JSON.parse(run.stdout) : null;
      const found = report && { unmanagedCustomers: report.unmanagedCustomers.length, unmanagedSubscribers: report.unmanagedSubscribers.length };
      const exact = found !== null && found.unmanagedCustomers === expected.unmanagedCustomers && found.unmanagedSubscribers === expected.unmanagedSubscribers
        && report.managedTwice.length === 0 && report.gone.length === 0;
      rows.push({ source: label, code: run.code, seconds: run.seconds, requests: answered.length, rateLimited: journal.length - answered.length, byKind, found, exact });
      console.error(`${label}: exit ${run.code}, ${run.seconds.toFixed(1)} s, ${answered.length} requests ${JSON.stringify(byKind)}, found ${JSON.stringify(found)}` +
        (run.code === 3 ? '' : `; stderr: ${run.stderr.slice(0, 500)}`));
    }
  } finally {
    await simulator.stop();
    fs.rmSync(path.dirname(estate.file), { recursive: true, force: true });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const subscriberCount = estate.subscribers.length;
  console.log(`${options.customers} customers × ${options.subscribers} subscribers = ${subscriberCount} subscribers; the stack declares all but ` +
    `${expected.unmanagedCustomers} customers and ${expected.unmanagedSubscribers} subscribers of the others; simulator at ${options.rate} requests/s\n`);
  console.log('| subscribers from | exit | wall (s) | Webex requests (by kind) | per subscriber | 429s | found exactly the unmanaged |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: | --- |');
  for (const row of rows) {
    const kinds = Object.entries(row.byKind).sort().map(([kind, count]) => `${kind} ${count}`).join(', ');
    console.log(`| ${row.source} | ${row.code} | ${row.seconds.toFixed(1)} | ${row.requests} (${kinds}) | ${(row.requests / subscriberCount).toFixed(4)} | ` +
      `${row.rateLimited} | ${row.exact ? 'yes' : 'no'}: ${row.found ? `${row.found.unmanagedCustomers} customers, ${row.found.unmanagedSubscribers} subscribers` : '—'} |`);
  }
  const [list, fromReport] = rows;
  if (list && fromReport) {
    console.log(`\nSide by side: the list costs ${(list.requests / fromReport.requests).toFixed(1)}× the report's requests and ${(list.seconds / fromReport.seconds).toFixed(1)}× its wall time ` +
      '(the report waits for Webex to generate it: here the simulator\'s 2 s).');
  }
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ options, expected, rows }, null, 2));
  if (rows.some((row) => !row.exact)) {
    console.error('the audit benchmark did not find exactly the unmanaged resources');
    process.exit(1);
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
