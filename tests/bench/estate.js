// make bench-estate, part 1: one plugin and an estate of 50,000 subscribers in 1,000 customers.
// The simulator starts from a generated seed file (creating 50,000 subscribers through the plugin is not what is
// measured); the stack is built as `pulumi import` builds it, by a Read of each id alone; then, at 64 and at 1,000
// calls in flight, the engine's shapes: a refresh, a no-op preview, 1 % drift made out of band (packages changed on
// 250 subscribers, 250 removed) and the refresh that must report exactly those, and a 1 % update.
// Per scenario: Webex requests per subscriber, wall, plugin CPU per call, peak RSS, 429s, failures.
// Usage: node estate.js [--customers 1000] [--subscribers 50] [--parallel 64,1000] [--rate 20] [--json FILE]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const h = require('../conformance/harness');
const { flag, inParallel, measurePlugin } = require('./measure');
const { seedEstate } = require('./estate-seed');

const options = {
  customers: Number(flag('--customers', 1000)),
  subscribers: Number(flag('--subscribers', 50)),
  parallel: flag('--parallel', '64,1000').split(',').map(Number),
  rate: Number(flag('--rate', 20)),
  json: flag('--json', null),
};
const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const SUBSCRIBER = 'webex-wholesale:index:WholesaleSubscriber';
const GOALS = { requestsPerSubscriber: 0.02, peakRssMb: 256, cpuMsPerRead: 0.5 };

/** One scenario: a fresh plugin (the engine starts one per command), its calls at `limit` in flight, and what it cost. */
async function measure(simulator, engine, label, limit, items, work) {
  const { failures, seconds, cpuSeconds: cpu, idleRssMb: idleRss, peakRssMb: peakRss, journal, answered } = await measurePlugin(simulator, engine, (plugin) => {
    const calls = { [CUSTOMER]: h.engineCalls(() => plugin.client, CUSTOMER), [SUBSCRIBER]: h.engineCalls(() => plugin.client, SUBSCRIBER) };
    return inParallel(items, limit, (item) => work(calls[item.type], item));
  });
  const byKind = {};
  for (const r of answered) {
    const [route] = r.path.split('?');
    const kind = `${route.includes('/subscribers') ? 'subscriber' : 'customer'} ${r.method}${r.method === 'GET' && /\/(customers|subscribers)$/.test(route) ? ' list' : ''}`;
    byKind[kind] = (byKind[kind] || 0) + 1;
  }
  const row = {
    parallel: limit, scenario: label, calls: items.length, seconds, requests: answered.length, byKind, rateLimited: journal.length - answered.length,
    failures: failures.length, firstFailures: failures.slice(0, 3), cpuSeconds: cpu, idleRssMb: idleRss, peakRssMb: peakRss, latency: failures.latency,
  };
  console.error(`[${limit} in flight] ${label}: ${seconds.toFixed(1)} s, ${row.requests} requests ${JSON.stringify(byKind)}, ${row.rateLimited} 429s, ` +
    `${row.failures} failures, CPU ${cpu.toFixed(2)} s, RSS ${idleRss.toFixed(1)} → ${peakRss.toFixed(1)} MB` +
    (failures.length ? `; first: ${failures.slice(0, 3).join(' | ')}` : ''));
  return row;
}

/** Every resource of the stack, customers first, as an import file lists them. */
function resourcesOf(estate) {
  return [
    ...estate.customers.map((c) => ({ type: CUSTOMER, name: c.externalId, id: c.id })),
    ...estate.subscribers.map((s) => ({ type: SUBSCRIBER, name: s.email.split('@').join('-at-'), id: s.id })),
  ];
}

/** What the engine does with each scenario's answers; the stack (name → id, state, inputs) is updated as it would be. */
const shapes = {
  async import(calls, resource) {
    const read = await calls.read(resource.name, resource.id);
    if (read.id !== resource.id) throw new Error('not found');
    Object.assign(resource, { state: read.properties, inputs: read.inputs });
  },
  async refresh(calls, resource) {
    const read = await calls.read(resource.name, resource.id, resource.state, resource.inputs);
    resource.refreshed = read.id === '' ? 'gone' : JSON.stringify(read.properties.packages) !== JSON.stringify(resource.state.packages) ? 'changed' : 'same';
    if (read.id !== '') Object.assign(resource, { state: read.properties, inputs: read.inputs });
  },
  async preview(calls, resource) {
    const checked = await calls.check(resource.name, resource.inputs, resource.inputs);
    const diff = await calls.diff(resource.name, resource.id, resource.state, resource.inputs, checked.inputs);
    if (diff.changes !== h.providerPb.DiffResponse.DiffChanges.DIFF_NONE) throw new Error(`a no-op preview shows a change: ${diff.diffs}`);
  },
  async update(calls, resource) {
    const extension = `7${resource.id.length}${resource.name.replace(/\D/g, '').slice(-6)}`;
    const news = { ...resource.inputs, packages: ['webex_calling'], provisioningParameters: { ...resource.inputs.provisioningParameters, extension } };
    const checked = await calls.check(resource.name, resource.inputs, news);
    if (checked.failures.length > 0) throw new Error(JSON.stringify(checked.failures));
    const diff = await calls.diff(resource.name, resource.id, resource.state, resource.inputs, checked.inputs);
    if (diff.changes !== h.providerPb.DiffResponse.DiffChanges.DIFF_SOME) throw new Error('a package change shows no change');
    const state = await calls.update(resource.name, resource.id, resource.state, resource.inputs, checked.inputs);
    Object.assign(resource, { state, inputs: checked.inputs });
  },
};

/** Out of band, as an administrator in Partner Hub: packages changed on `changed` subscribers, `removed` removed. */
async function drift(simulator, changed, removed) {
  await simulator.control('POST', 'settings', { rateLimit: 0 }); // the administrator's requests are not the plugin's to count
  for (const s of changed) {
    const answer = await simulator.webex('PUT', `wholesale/subscribers/${s.id}`, { packages: ['webex_suite'], provisioningParameters: { extension: '5000' } });
    if (answer.status !== 200) throw new Error(`out-of-band update of ${s.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  for (const s of removed) {
    const answer = await simulator.webex('DELETE', `wholesale/subscribers/${s.id}`);
    if (answer.status !== 204) throw new Error(`out-of-band removal of ${s.name}: ${answer.status}`);
  }
  await simulator.control('POST', 'settings', { rateLimit: options.rate });
}

async function main() {
  const estate = seedEstate(options.customers, options.subscribers);
  const subscriberCount = estate.subscribers.length;
  const simulator = await h.startSimulator(['--seed-file', estate.file, '--rate-limit', String(options.rate), '--provisioning-seconds', '0']);
  const engine = await h.startFakeEngine();
  const rows = [];
  const exact = [];
  try {
    const stack = resourcesOf(estate);
    rows.push(await measure(simulator, engine, 'import', Math.max(...options.parallel), stack, shapes.import));
    for (const [round, limit] of options.parallel.entries()) {
      const live = () => stack.filter((r) => !r.gone);
      rows.push(await measure(simulator, engine, 'refresh', limit, live(), shapes.refresh));
      rows.push(await measure(simulator, engine, 'no-op preview', limit, live(), shapes.preview));

      // 1 % drift: every 200th subscriber changed, the one after it removed; each round takes subscribers no earlier
      // round touched, so that every change is a change
      const untouched = live().filter((r) => r.type === SUBSCRIBER && !r.touched);
      const changed = untouched.filter((_, i) => i % 200 === 0);
      const removed = untouched.filter((_, i) => i % 200 === 1);
      [...changed, ...removed].forEach((r) => { r.touched = true; });
      await drift(simulator, changed, removed);
      const drifted = await measure(simulator, engine, '1 % drift refresh', limit, live(), shapes.refresh);
      const found = { changed: live().filter((r) => r.refreshed === 'changed'), gone: live().filter((r) => r.refreshed === 'gone') };
      const apart = (a, b) => [...a.filter((r) => !b.includes(r)), ...b.filter((r) => !a.includes(r))].map((r) => `${r.name}: ${r.refreshed}`);
      const wrong = [...apart(found.changed, changed), ...apart(found.gone, removed)];
      drifted.drift = { changed: found.changed.length, gone: found.gone.length, exact: wrong.length === 0, wrong: wrong.slice(0, 10) };
      if (wrong.length > 0) console.error(`[${limit} in flight] drift not reported exactly: ${wrong.slice(0, 10).join(' | ')}`);
      exact.push(drifted.drift.exact);
      rows.push(drifted);
      removed.forEach((r) => { r.gone = true; });

      // 1 % update: 500 other untouched subscribers move to calling
      const toUpdate = live().filter((r) => r.type === SUBSCRIBER && !r.touched).filter((_, i) => i % 100 === 50);
      toUpdate.forEach((r) => { r.touched = true; });
      rows.push(await measure(simulator, engine, '1 % update', limit, toUpdate, shapes.update));
    }
  } finally {
    await engine.stop();
    await simulator.stop();
    fs.rmSync(path.dirname(estate.file), { recursive: true, force: true });
  }

  console.log(`${options.customers} customers × ${options.subscribers} subscribers = ${subscriberCount} subscribers (${options.customers + subscriberCount} resources), ` +
    `simulator at ${options.rate} requests/s\n`);
  console.log(table(rows, subscriberCount));
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ options, rows }, null, 2));
  const broken = rows.filter((row) => row.failures > 0);
  if (broken.length > 0 || exact.includes(false)) {
    console.error('the estate benchmark did not complete cleanly:', JSON.stringify(broken.map((r) => [r.scenario, r.firstFailures])));
    process.exit(1);
  }
}

function table(rows, subscriberCount) {
  const lines = [
    '| in flight | scenario | calls | wall (s) | Webex requests (by kind) | per subscriber | 429s | failures | plugin CPU (s) | CPU per call (ms) | RSS idle → peak (MB) | goal |',
    '| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of rows) {
    const kinds = Object.entries(row.byKind).sort().map(([kind, count]) => `${kind} ${count}`).join(', ') || '—';
    const perSubscriber = row.requests / subscriberCount;
    const cpuMs = (1000 * row.cpuSeconds) / row.calls;
    lines.push(`| ${row.parallel} | ${row.scenario} | ${row.calls} | ${row.seconds.toFixed(1)} | ${row.requests} (${kinds}) | ${perSubscriber.toFixed(4)} | ` +
      `${row.rateLimited} | ${row.failures} | ${row.cpuSeconds.toFixed(2)} | ${cpuMs.toFixed(3)} | ${row.idleRssMb.toFixed(0)} → ${row.peakRssMb.toFixed(0)} | ${goal(row, perSubscriber, cpuMs)} |`);
  }
  return lines.join('\n');
}

function goal(row, perSubscriber, cpuMs) {
  const met = (ok) => (ok ? 'met' : 'missed');
  const rss = `RSS ≤ ${GOALS.peakRssMb} MB: ${met(row.peakRssMb <= GOALS.peakRssMb)}`;
  switch (row.scenario) {
    case 'refresh':
      return `≤ ${GOALS.requestsPerSubscriber} req/subscriber: ${met(perSubscriber <= GOALS.requestsPerSubscriber)}; ` +
        `CPU ≤ ${GOALS.cpuMsPerRead} ms/Read: ${met(cpuMs <= GOALS.cpuMsPerRead)}; ${rss}`;
    case '1 % drift refresh':
      return `${row.drift.changed} changed and ${row.drift.gone} gone reported, exactly those: ${met(row.drift.exact)}; ${rss}`;
    case 'no-op preview':
      return `0 requests: ${met(row.requests === 0)}; ${rss}`;
    default:
      return `0 failures: ${met(row.failures === 0)}; ${rss}`;
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
