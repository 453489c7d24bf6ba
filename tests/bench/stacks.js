// make bench-estate, part 2: many stacks on one token. N stacks deployed side by side (N plugin processes, each
// driven as its own `pulumi up` at 64 in flight: a customer's Check and Create, then its subscribers' once it exists)
// against one simulator at 20 requests/s, then the same stacks refreshed at once. Measured twice in one run, side by
// side: plugins that each pace the token alone (a PULUMI_HOME each, as on separate machines) and plugins that share
// the token's pace (one PULUMI_HOME, as the jobs of one runner).
// Per variant: total wall against the rate bound (all requests ÷ the rate + one provisioning time), 429s, failures,
// duplicates, and each stack's wall against the median.
// Usage: node stacks.js [--stacks 8] [--customers 50] [--subscribers 10] [--rate 20] [--provisioning 10] [--json FILE]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('../conformance/harness');
const { flag, inParallel } = require('./measure');

const options = {
  stacks: Number(flag('--stacks', 8)),
  customers: Number(flag('--customers', 50)),
  subscribers: Number(flag('--subscribers', 10)),
  rate: Number(flag('--rate', 20)),
  provisioning: Number(flag('--provisioning', 10)),
  json: flag('--json', null),
};
const IN_FLIGHT = 64;
const GOALS = { wallToBound: 1.15, rateLimitedShare: 0.05, slowestToMedian: 1.25 };
const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const SUBSCRIBER = 'webex-wholesale:index:WholesaleSubscriber';

const pad = (n) => String(n).padStart(2, '0');

/** One stack's resources: its customers, each with its subscribers. */
function stackOf(s) {
  return Array.from({ length: options.customers }, (_, c) => {
    const externalId = `s${s}-c${pad(c)}`;
    return {
      name: externalId,
      inputs: {
        provisioningId: 'template-1', externalId, packages: ['webex_meetings'],
        address: { addressLine1: `${c} Main St`, city: 'Springfield', country: 'US' },
        customerInfo: { name: `Customer ${externalId}`, primaryEmail: `admin@${externalId}.example.test` },
      },
      subscribers: Array.from({ length: options.subscribers }, (_, k) => ({
        name: `${externalId}-u${pad(k)}`, email: `user${pad(k)}@${externalId}.example.test`, lastName: pad(k),
      })),
    };
  });
}

/** A slot among the engine's `limit` operations in flight. */
function slots(limit) {
  let free = limit;
  const waiting = [];
  return async (work) => {
    if (free > 0) free--;
    else await new Promise((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      if (waiting.length > 0) waiting.shift()();
      else free++;
    }
  };
}

/** `pulumi up` of one stack: Check and Create of each customer, then of its subscribers; 64 operations in flight. */
async function up(plugin, customers) {
  const slot = slots(IN_FLIGHT);
  const calls = (type) => h.engineCalls(() => plugin.client, type);
  const created = [];
  const failures = [];
  await Promise.all(customers.map(async (customer) => {
    try {
      const made = await slot(async () => {
        const checked = await calls(CUSTOMER).check(customer.name, {}, customer.inputs);
        if (checked.failures.length > 0) throw new Error(JSON.stringify(checked.failures));
        return calls(CUSTOMER).create(customer.name, checked.inputs);
      });
      created.push({ type: CUSTOMER, name: customer.name, id: made.id, state: made.properties, inputs: customer.inputs });
      await Promise.all(customer.subscribers.map(async (person) => {
        try {
          const inputs = { customerId: made.id, email: person.email, packages: ['webex_meetings'], provisioningParameters: { firstName: 'User', lastName: person.lastName } };
          const subscriber = await slot(async () => {
            const checked = await calls(SUBSCRIBER).check(person.name, {}, inputs);
            if (checked.failures.length > 0) throw new Error(JSON.stringify(checked.failures));
            return calls(SUBSCRIBER).create(person.name, checked.inputs);
          });
          created.push({ type: SUBSCRIBER, name: person.name, id: subscriber.id, state: subscriber.properties, inputs });
        } catch (error) {
          failures.push(`${person.name}: ${error.details || error.message}`);
        }
      }));
    } catch (error) {
      failures.push(`${customer.name}: ${error.details || error.message}`);
    }
  }));
  return { created, failures };
}

/** `pulumi refresh` of one stack: a Read of each resource, 64 in flight. */
async function refresh(plugin, resources) {
  return inParallel(resources, IN_FLIGHT, async (resource) => {
    const read = await h.engineCalls(() => plugin.client, resource.type).read(resource.name, resource.id, resource.state, resource.inputs);
    if (read.id !== resource.id) throw new Error('refresh lost it');
  });
}

const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Everything the simulator answered since its journal was cleared, and what the variant's goals make of it. */
async function tally(simulator, label, walls, failures, extra = {}) {
  const journal = (await simulator.control('GET', 'requests')).body;
  const rateLimited = journal.filter((r) => r.status === 429).length;
  const answered = journal.length - rateLimited;
  const wall = Math.max(...walls);
  return {
    label, wall, walls, answered, rateLimited, failures: failures.length, firstFailures: failures.slice(0, 3),
    rateLimitedShare: journal.length === 0 ? 0 : rateLimited / journal.length, slowestToMedian: wall / median(walls), ...extra,
  };
}

async function variant(shared) {
  const homes = fs.mkdtempSync(path.join(os.tmpdir(), 'pulumi-homes-'));
  const simulator = await h.startSimulator(['--rate-limit', String(options.rate), '--provisioning-seconds', String(options.provisioning)]);
  const engine = await h.startFakeEngine();
  const plugins = [];
  try {
    for (let s = 0; s < options.stacks; s++) {
      const home = path.join(homes, shared ? 'runner' : `machine-${s}`);
      const plugin = await h.startPlugin({ args: [engine.address], env: { PULUMI_HOME: home } });
      plugins.push(plugin);
      await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token') });
    }
    const label = shared ? 'one pace per token (shared)' : 'a pace per process';

    await simulator.control('DELETE', 'requests');
    const started = process.hrtime.bigint();
    const stacks = await Promise.all(plugins.map(async (plugin, s) => {
      const result = await up(plugin, stackOf(s));
      return { ...result, wall: seconds(started) };
    }));
    const customers = (await simulator.control('GET', 'customers')).body;
    const subscribers = (await simulator.control('GET', 'subscribers')).body;
    const deploy = await tally(simulator, label, stacks.map((stack) => stack.wall), stacks.flatMap((stack) => stack.failures), {
      duplicates: (customers.length - new Set(customers.map((c) => c.externalId)).size) + (subscribers.length - new Set(subscribers.map((x) => x.email.toLowerCase())).size),
      expected: options.stacks * options.customers * (1 + options.subscribers), held: customers.length + subscribers.length,
    });
    deploy.bound = deploy.answered / options.rate + options.provisioning;

    await simulator.control('DELETE', 'requests');
    const refreshStarted = process.hrtime.bigint();
    const refreshed = await Promise.all(plugins.map(async (plugin, s) => {
      const failures = await refresh(plugin, stacks[s].created);
      return { failures, wall: seconds(refreshStarted), reads: stacks[s].created.length };
    }));
    const reads = await tally(simulator, label, refreshed.map((r) => r.wall), refreshed.flatMap((r) => r.failures),
      { reads: refreshed.reduce((sum, r) => sum + r.reads, 0) });
    reads.bound = reads.answered / options.rate;
    for (const [phase, row] of [['up', deploy], ['refresh', reads]]) {
      console.error(`[${label}] ${phase}: wall ${row.wall.toFixed(1)} s (bound ${row.bound.toFixed(1)} s), ${row.answered} requests, ${row.rateLimited} 429s, ` +
        `${row.failures} failures${row.duplicates === undefined ? '' : `, ${row.duplicates} duplicates`}, stacks ${row.walls.map((w) => w.toFixed(1)).join(' ')} s` +
        (row.failures ? `; first: ${row.firstFailures.join(' | ')}` : ''));
    }
    return { shared, deploy, refresh: reads };
  } finally {
    await Promise.all(plugins.map((plugin) => plugin.stop()));
    await engine.stop();
    await simulator.stop();
    fs.rmSync(homes, { recursive: true, force: true });
  }
}

function table(results) {
  const met = (ok) => (ok ? 'met' : 'missed');
  const lines = [
    '| pace | run | wall (s) | rate bound (s) | wall ÷ bound | requests | 429s (share) | failures | duplicates | stack walls (s) | slowest ÷ median | goals |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const result of results) {
    for (const [phase, row] of [['up', result.deploy], ['refresh', result.refresh]]) {
      const toBound = row.wall / row.bound;
      const goals = phase === 'up'
        ? `0 failures, 0 duplicates: ${met(row.failures === 0 && row.duplicates === 0 && row.held === row.expected)}; ` +
          `wall ≤ ${GOALS.wallToBound}× bound: ${met(toBound <= GOALS.wallToBound)}; 429s ≤ ${GOALS.rateLimitedShare * 100} %: ${met(row.rateLimitedShare <= GOALS.rateLimitedShare)}; ` +
          `slowest ≤ ${GOALS.slowestToMedian}× median: ${met(row.slowestToMedian <= GOALS.slowestToMedian)}`
        : `0 failures: ${met(row.failures === 0)}`;
      lines.push(`| ${row.label} | ${phase}${phase === 'refresh' ? ` (${row.reads} reads)` : ''} | ${row.wall.toFixed(1)} | ${row.bound.toFixed(1)} | ${toBound.toFixed(2)} | ` +
        `${row.answered} | ${row.rateLimited} (${(100 * row.rateLimitedShare).toFixed(1)} %) | ${row.failures} | ${row.duplicates ?? '—'} | ` +
        `${Math.min(...row.walls).toFixed(1)}–${Math.max(...row.walls).toFixed(1)} | ${row.slowestToMedian.toFixed(2)} | ${goals} |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const results = [await variant(false), await variant(true)];
  console.log(`${options.stacks} stacks deployed at once, each ${options.customers} customers × ${options.subscribers} subscribers at ${IN_FLIGHT} in flight, ` +
    `one token against a simulator at ${options.rate} requests/s and ${options.provisioning} s provisioning\n`);
  console.log(table(results));
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ options, results }, null, 2));
  const broken = results.flatMap((r) => [r.deploy, r.refresh]).filter((row) => row.failures > 0 || row.duplicates > 0 || (row.expected && row.held !== row.expected));
  if (broken.length > 0) {
    console.error('the stacks benchmark did not complete cleanly:', JSON.stringify(broken.map((row) => row.firstFailures)));
    process.exit(1);
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
