// make bench, part 3: a fleet at Webex scale. The real plugin and the simulator run as processes; calls are sent
// the way the engine sends them (a new plugin per command, Check before Create and Update, Diff before Update), at
// 64 in flight (the engine's default on a 16-core runner) and with every resource at once, against a simulator
// that allows 20 requests/s and takes 10 s to provision, update or remove a customer.
// Two fleets: customers (N customers), and with --subscribers K the subscribers of N customers (K each; the customers
// are created before and removed after, unmeasured, since their own fleet is measured apart).
// Per scenario: wall time, Webex requests by method, 429s, failures, the plugin's CPU seconds and peak RSS.
// Usage: node fleet-scale.js [--customers N] [--subscribers K] [--parallel 64,all] [--rate 20] [--provisioning 10]
//                            [--json FILE] [--quick]
// --quick (N = 50, 2 s provisioning, one mode) keeps the benchmark itself working in `make test`: it checks only that
// every scenario completes and that the counts add up, never a speed.
'use strict';

const fs = require('node:fs');
const h = require('../conformance/harness');
const { flag, inParallel, measurePlugin } = require('./measure');

const options = parse();
const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const SUBSCRIBER = 'webex-wholesale:index:WholesaleSubscriber';
const ADDRESS = { addressLine1: '1 Main St', city: 'Springfield', country: 'US' };

function parse() {
  const quick = process.argv.includes('--quick');
  return {
    quick,
    customers: Number(flag('--customers', quick ? 50 : 1000)),
    subscribers: Number(flag('--subscribers', 0)),
    parallel: flag('--parallel', quick ? '16' : '64,all').split(','),
    rate: Number(flag('--rate', 20)),
    provisioning: Number(flag('--provisioning', quick ? 2 : 10)),
    json: flag('--json', null),
  };
}

const customerProgram = (name, packages = ['webex_meetings']) => ({
  provisioningId: 'template-1', externalId: name, address: ADDRESS, packages,
  customerInfo: { name: `Customer ${name}`, primaryEmail: `${name}@example.test` },
});
const requestOf = (Type, type, name, fields) => h.resourceRequest(Type, { urn: `urn:pulumi:bench::fleet::${type}::${name}`, name, type }, fields);

/**
 * What differs between the two fleets: the resource type, its program before and after the update, the Webex
 * collection its requests go to, and its goals. Everything else (the engine's calls, the counting) is one code.
 */
const FLEETS = {
  customer: {
    type: CUSTOMER, noun: 'customer', collection: '/v1/wholesale/customers',
    names: () => Array.from({ length: options.customers }, (_, i) => `bench-${String(i).padStart(4, '0')}`),
    program: (name, updated) => customerProgram(name, updated ? ['cx_ai_assistant', 'webex_meetings'] : ['webex_meetings']),
    createGoal: 2.5,
  },
  subscriber: {
    type: SUBSCRIBER, noun: 'subscriber', collection: '/v1/wholesale/subscribers',
    names: () => Array.from({ length: options.customers }, (_, c) => Array.from({ length: options.subscribers },
      (_, k) => `sub-${String(c).padStart(4, '0')}-${String(k).padStart(2, '0')}`)).flat(),
    // meetings -> calling, the move the issue measures: the extension a calling package needs comes with it
    program: (name, updated, customerIds) => {
      const [, customer, person] = name.split('-');
      return {
        customerId: customerIds.get(customer), email: `user${person}@cust${customer}.example.test`,
        packages: updated ? ['webex_calling'] : ['webex_meetings'],
        provisioningParameters: { firstName: 'User', lastName: person, ...(updated ? { extension: `4${person}${customer}` } : {}) },
      };
    },
    createGoal: 1.5,
  },
};
const fleet = options.subscribers > 0 ? FLEETS.subscriber : FLEETS.customer;

/** The scenarios of one fleet's life, each run by a fresh plugin as the engine starts one per command. */
function scenarios(stack, limit, customerIds) {
  const names = [...stack.keys()];
  const program = (name, updated = false) => fleet.program(name, updated, customerIds);
  const request = (Type, name, fields) => requestOf(Type, fleet.type, name, fields);
  return {
    async create(plugin) {
      return inParallel(names, limit, async (name) => {
        const checked = await h.call(plugin.client, 'check', request('CheckRequest', name, { Olds: h.toStruct({}), News: h.toStruct(program(name)) }));
        if (checked.getFailuresList().length > 0) throw new Error(checked.getFailuresList().map((f) => f.getReason()).join('; '));
        const created = await h.call(plugin.client, 'create', request('CreateRequest', name, { Properties: checked.getInputs() }));
        stack.set(name, { id: created.getId(), state: created.getProperties(), inputs: checked.getInputs() });
      });
    },
    async preview(plugin) {
      return inParallel(names, limit, async (name) => {
        const { id, state, inputs } = stack.get(name);
        const checked = await h.call(plugin.client, 'check', request('CheckRequest', name, { Olds: inputs, News: h.toStruct(program(name)) }));
        const diff = await h.call(plugin.client, 'diff', request('DiffRequest', name, { Id: id, Olds: state, OldInputs: inputs, News: checked.getInputs() }));
        if (diff.getChanges() !== h.providerPb.DiffResponse.DiffChanges.DIFF_NONE) throw new Error('a no-op preview shows a change');
      });
    },
    async refresh(plugin) {
      return inParallel(names, limit, async (name) => {
        const { id, state, inputs } = stack.get(name);
        const read = await h.call(plugin.client, 'read', request('ReadRequest', name, { Id: id, Properties: state, Inputs: inputs }));
        if (read.getId() !== id) throw new Error(`refresh lost the ${fleet.noun}`);
        stack.set(name, { id, state: read.getProperties(), inputs: read.getInputs() });
      });
    },
    async update(plugin) {
      return inParallel(names, limit, async (name) => {
        const { id, state, inputs } = stack.get(name);
        const checked = await h.call(plugin.client, 'check', request('CheckRequest', name, { Olds: inputs, News: h.toStruct(program(name, true)) }));
        const diff = await h.call(plugin.client, 'diff', request('DiffRequest', name, { Id: id, Olds: state, OldInputs: inputs, News: checked.getInputs() }));
        if (diff.getChanges() !== h.providerPb.DiffResponse.DiffChanges.DIFF_SOME) throw new Error('adding a package shows no change');
        const updated = await h.call(plugin.client, 'update', request('UpdateRequest', name, {
          Id: id, Olds: state, OldInputs: inputs, News: checked.getInputs(),
        }));
        stack.set(name, { id, state: updated.getProperties(), inputs: checked.getInputs() });
      });
    },
    async destroy(plugin) {
      return inParallel(names, limit, async (name) => {
        const { id, state, inputs } = stack.get(name);
        await h.call(plugin.client, 'delete', request('DeleteRequest', name, { Id: id, Properties: state, OldInputs: inputs }));
        stack.delete(name);
      });
    },
  };
}

/** The Webex collection a request went to and what it was, e.g. "GET list", "POST precheck", "customer GET one". */
function kindOf(r) {
  const route = r.path.split('?')[0];
  const collection = ['/v1/wholesale/customers', '/v1/wholesale/subscribers'].find((root) => route.startsWith(root)) || route;
  const kind = r.method === 'GET' ? (route === collection ? 'GET list' : 'GET one')
    : r.method === 'POST' ? (route.endsWith('/validate') ? 'POST precheck' : 'POST provision') : r.method;
  return collection === fleet.collection ? kind : `${collection.split('/').pop().replace(/s$/, '')} ${kind}`;
}

/** The customers a subscriber fleet lives in, created all at once without precheck (not measured), by padded index. */
async function createCustomers(simulator, engine) {
  const plugin = await h.startPlugin({ args: [engine.address] });
  try {
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
    const ids = new Map();
    await Promise.all(Array.from({ length: options.customers }, async (_, i) => {
      const name = String(i).padStart(4, '0');
      const created = await h.call(plugin.client, 'create',
        requestOf('CreateRequest', CUSTOMER, `cust-${name}`, { Properties: h.toStruct(customerProgram(`cust-${name}`)) }));
      ids.set(name, created.getId());
    }));
    return ids;
  } finally {
    await plugin.stop();
  }
}

async function removeCustomers(simulator, engine, ids) {
  const plugin = await h.startPlugin({ args: [engine.address] });
  try {
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token') });
    await Promise.all([...ids].map(([name, id]) => h.call(plugin.client, 'delete',
      requestOf('DeleteRequest', CUSTOMER, `cust-${name}`, { Id: id, Properties: h.toStruct(customerProgram(`cust-${name}`)) }))));
  } finally {
    await plugin.stop();
  }
}

async function runMode(parallel) {
  const names = fleet.names();
  const limit = parallel === 'all' ? names.length : Number(parallel);
  const simulator = await h.startSimulator(['--rate-limit', String(options.rate), '--provisioning-seconds', String(options.provisioning)]);
  const engine = await h.startFakeEngine();
  const stack = new Map(names.map((name) => [name, null]));
  const rows = [];
  try {
    const customerIds = fleet === FLEETS.subscriber ? await createCustomers(simulator, engine) : new Map();
    for (const [scenario, run] of Object.entries(scenarios(stack, limit, customerIds))) {
      const { failures, seconds, cpuSeconds: cpu, idleRssMb: idleRss, peakRssMb: peakRss, journal, answered } = await measurePlugin(simulator, engine, run);
      const byMethod = {};
      for (const r of answered) byMethod[kindOf(r)] = (byMethod[kindOf(r)] || 0) + 1;
      // What Webex holds after the scenario: one per declared resource (more would be a duplicate)
      const held = (await simulator.control('GET', `${fleet.noun}s`)).body;
      const row = {
        parallel, scenario, items: names.length, seconds, requests: answered.length, byMethod,
        rateLimited: journal.length - answered.length, failures: failures.length, firstFailures: failures.slice(0, 3),
        cpuSeconds: cpu, peakRssMb: peakRss, idleRssMb: idleRss, latency: failures.latency,
        held: held.length, duplicates: held.length - new Set(held.map(fleet === FLEETS.subscriber ? (s) => s.email.toLowerCase() : (c) => c.externalId)).size,
      };
      rows.push(row);
      console.error(`[${parallel} in flight] ${scenario}: ${seconds.toFixed(1)} s, ${row.requests} requests ${JSON.stringify(byMethod)}, ` +
        `${row.rateLimited} 429s, ${row.failures} failures, ${row.duplicates} duplicates, CPU ${cpu.toFixed(2)} s, peak RSS ${peakRss.toFixed(1)} MB, ` +
        `per ${fleet.noun} median ${row.latency.median.toFixed(2)} s, p95 ${row.latency.p95.toFixed(2)} s` +
        (failures.length ? `; first: ${failures.slice(0, 3).join(' | ')}` : ''));
    }
    rows.left = (await simulator.control('GET', `${fleet.noun}s`)).body.length;
    if (customerIds.size > 0) await removeCustomers(simulator, engine, customerIds);
  } finally {
    await engine.stop();
    await simulator.stop();
  }
  return rows;
}

function table(results) {
  const lines = [
    `| in flight | scenario | wall (s) | one ${fleet.noun}, median / p95 (s) | Webex requests (by method) | per ${fleet.noun} | 429s | failures | duplicates | plugin CPU (s) | peak RSS (MB) | goal |`,
    '| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const { rows } of results) {
    for (const row of rows) {
      const methods = Object.entries(row.byMethod).sort().map(([method, count]) => `${method} ${count}`).join(', ') || '—';
      lines.push(`| ${row.parallel} | ${row.scenario} | ${row.seconds.toFixed(1)} | ${row.latency.median.toFixed(2)} / ${row.latency.p95.toFixed(2)} | ${row.requests} (${methods}) | ` +
        `${(row.requests / row.items).toFixed(3)} | ${row.rateLimited} | ${row.failures} | ${row.duplicates} | ${row.cpuSeconds.toFixed(2)} | ${row.peakRssMb.toFixed(1)} | ${goal(row)} |`);
    }
  }
  return lines.join('\n');
}

/** The issue's goal for the scenario, and whether this run met it. */
function goal(row) {
  const perItem = row.requests / row.items;
  const noun = fleet.noun;
  const clean = row.failures === 0 && row.duplicates === 0 ? '0 failures, 0 duplicates: met' : '0 failures, 0 duplicates: missed';
  switch (row.scenario) {
    case 'create': {
      // a subscriber is provisioned in the answer to its POST: no wait for Webex, only for the rate
      const bound = 1.25 * (row.requests / options.rate + (fleet === FLEETS.customer ? options.provisioning : 0));
      return `≤ ${fleet.createGoal} req/${noun}: ${perItem <= fleet.createGoal ? 'met' : 'missed'}; wall ≤ ${bound.toFixed(0)} s: ` +
        `${row.seconds <= bound ? 'met' : `missed (${(row.seconds / bound).toFixed(2)}×)`}; ${clean}`;
    }
    case 'preview': return `0 requests: ${row.requests === 0 ? 'met' : 'missed'}`;
    case 'refresh': return `≤ 0.05 req/${noun}: ${perItem <= 0.05 ? 'met' : 'missed'}; RSS ≤ 2× idle (${row.idleRssMb.toFixed(1)} MB): ` +
      `${row.peakRssMb <= 2 * row.idleRssMb ? 'met' : `missed (${(row.peakRssMb / row.idleRssMb).toFixed(2)}×)`}`;
    default: return clean;
  }
}

/**
 * Every customer's Create in flight at once (against a Webex that takes ten minutes), then Cancel: how long Cancel
 * takes to answer, and how long after it the last Create returns.
 */
async function cancelAll() {
  const simulator = await h.startSimulator(['--rate-limit', String(options.rate), '--provisioning-seconds', '600']);
  const plugin = await h.startPlugin();
  try {
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
    let returned = 0;
    let lastReturn = 0;
    const creates = Array.from({ length: options.customers }, (_, i) => `cancel-${i}`).map((name) =>
      h.call(plugin.client, 'create', requestOf('CreateRequest', CUSTOMER, name, { Properties: h.toStruct(customerProgram(name)) }))
        .catch(() => undefined).finally(() => { returned++; lastReturn = Date.now(); }));
    await new Promise((resolve) => setTimeout(resolve, 5000)); // every call has reached the plugin; most wait their turn
    const inFlight = options.customers - returned;
    const cancelled = Date.now();
    await h.call(plugin.client, 'cancel', new h.Empty());
    const answered = Date.now() - cancelled;
    await Promise.all(creates);
    return { inFlight, cancelAnsweredMs: answered, lastReturnedMs: lastReturn - cancelled };
  } finally {
    await plugin.stop();
    await simulator.stop();
  }
}

async function main() {
  const results = [];
  for (const parallel of options.parallel) {
    const rows = await runMode(parallel);
    results.push({ parallel, rows, left: rows.left });
  }
  // Cancel is measured on customers, whose Creates wait for Webex; a subscriber's Create is one synchronous POST
  const cancel = fleet === FLEETS.customer ? await cancelAll() : null;
  if (cancel) console.error(`[cancel] ${cancel.inFlight} Creates in flight: Cancel answered in ${cancel.cancelAnsweredMs} ms, the last Create returned ${cancel.lastReturnedMs} ms after it`);
  const size = fleet === FLEETS.customer ? `fleet of ${options.customers}`
    : `${options.customers} customers × ${options.subscribers} subscribers = ${options.customers * options.subscribers} subscribers`;
  console.log(`${size}, simulator at ${options.rate} requests/s and ${options.provisioning} s provisioning\n`);
  console.log(table(results));
  if (cancel) {
    console.log(`\nCancel with ${cancel.inFlight} Creates in flight: answered in ${cancel.cancelAnsweredMs} ms (goal ≤ 1,000 ms); ` +
      `the last Create returned ${cancel.lastReturnedMs} ms after it (goal ≤ 1,000 ms)`);
  }
  for (const { parallel, left } of results) console.log(`\n${parallel} in flight: ${left} ${fleet.noun}s left after destroy`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ results, cancel }, null, 2));

  const broken = results.flatMap(({ rows, left }) => [...rows.filter((row) => row.failures > 0 || row.duplicates > 0), ...(left > 0 ? [{ left }] : [])]);
  const miscounted = results.flatMap(({ rows }) => rows.filter((row) => row.scenario === 'create' && row.byMethod['POST provision'] !== row.items));
  if (cancel && cancel.inFlight === 0) broken.push({ cancel: 'no Create was in flight when Cancel came' });
  if (broken.length > 0 || miscounted.length > 0) {
    console.error('the fleet benchmark did not complete cleanly:', JSON.stringify({ broken, miscounted }));
    process.exit(1);
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
