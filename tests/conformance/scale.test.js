// The engine's side at fleet size: every call is accepted at once however many are in flight, Cancel is answered
// within a second and ends them all, a Webex that never answers ends an operation at its deadline, and a fleet's
// waits and reads are batched into shared list requests.
'use strict';

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleCustomer';
const ADDRESS = { addressLine1: '1 Main St', city: 'Springfield', country: 'US' };
const customer = (externalId) => ({
  provisioningId: 'template-1', externalId, address: ADDRESS, packages: ['webex_meetings'],
  customerInfo: { name: `Customer ${externalId}`, primaryEmail: `${externalId}@example.test` },
});
const urnOf = (name) => `urn:pulumi:dev::fleet::${TYPE}::${name}`;
const isList = (r) => r.path.split('?')[0] === '/v1/wholesale/customers';
const isGetOne = (r) => r.method === 'GET' && r.path.startsWith('/v1/wholesale/customers/');

/** Runs `work` over `items` with at most `limit` in flight, as the engine's --parallel does. */
async function inParallel(items, limit, work) {
  const queue = [...items];
  const results = [];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) {
      const item = queue.shift();
      results.push(await work(item));
    }
  }));
  return results;
}

const create = (plugin, name, timeout = 0) => h.call(plugin.client, 'create', h.resourceRequest('CreateRequest',
  { urn: `urn:pulumi:dev::fleet::${TYPE}::${name}`, name, type: TYPE }, { Properties: h.toStruct(customer(name)), Timeout: timeout }));

describe('fleet size on the engine side', () => {
  let simulator;

  before(async () => {
    simulator = await h.startSimulator(['--provisioning-seconds', '600']);
  });
  after(async () => {
    await simulator.stop();
  });

  test('150 Creates in flight: all reach the plugin, Cancel is answered within 1 s and every Create returns within 1 s of it', async () => {
    const plugin = await h.startPlugin();
    try {
      await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false', maxConcurrentRequests: '32' });
      const endings = [];
      const creates = Array.from({ length: 150 }, (_, i) =>
        create(plugin, `scale-${i}`).then(() => 'created', (error) => error).then((ending) => endings.push(Date.now()) && ending));

      // Every Create has provisioned (or is provisioning) in the simulator: all 150 calls reached the plugin.
      for (let waited = 0; waited < 60_000; waited += 200) {
        if ((await simulator.control('GET', 'customers')).body.length >= 150) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal((await simulator.control('GET', 'customers')).body.length, 150);

      const infoStarted = Date.now();
      await h.call(plugin.client, 'getPluginInfo', new h.Empty());
      assert.ok(Date.now() - infoStarted < 1000, 'GetPluginInfo answered while 150 operations wait');

      const cancelStarted = Date.now();
      await h.call(plugin.client, 'cancel', new h.Empty());
      assert.ok(Date.now() - cancelStarted < 1000, `Cancel answered in ${Date.now() - cancelStarted} ms`);
      const outcomes = await Promise.all(creates);
      assert.ok(Math.max(...endings) - cancelStarted < 1000 + 1000, `the last Create returned ${Math.max(...endings) - cancelStarted} ms after Cancel`);
      for (const outcome of outcomes) {
        assert.notEqual(outcome, 'created');
        const detail = h.statusDetails(outcome);
        assert.ok(detail, 'each cancelled Create carries ErrorResourceInitFailed, so the engine records the customer');
      }
    } finally {
      await plugin.stop();
    }
  });

  test('a rate-limited fleet of 24 (8 requests/s) is created and then deleted all at once with no failure', async () => {
    const limited = await h.startSimulator(['--provisioning-seconds', '1', '--rate-limit', '8']);
    const plugin = await h.startPlugin();
    try {
      await h.configure(plugin.client, { baseUrl: limited.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      const names = Array.from({ length: 24 }, (_, i) => `limited-${i}`);
      const created = await Promise.all(names.map((name) => create(plugin, name)));
      const deletes = await Promise.allSettled(created.map((response, i) => h.call(plugin.client, 'delete', h.resourceRequest('DeleteRequest',
        { urn: `urn:pulumi:dev::fleet::${TYPE}::${names[i]}`, name: names[i], type: TYPE },
        { Id: response.getId(), Properties: response.getProperties(), OldInputs: h.toStruct(customer(names[i])) }))));

      assert.deepEqual(deletes.filter((d) => d.status === 'rejected').map((d) => d.reason.details), []);
      assert.equal((await limited.control('GET', 'customers')).body.length, 0, 'no customer left behind');
      const requests = (await limited.control('GET', 'requests')).body;
      assert.ok(requests.some((r) => r.status === 429), 'Webex did rate-limit');
    } finally {
      await plugin.stop();
      await limited.stop();
    }
  });

  test('a Webex that accepts and then never answers: Create returns at its 3 s deadline with the customer recorded', async () => {
    const plugin = await h.startPlugin();
    try {
      await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      await simulator.control('POST', 'faults', { latencyMs: 600000, method: 'GET', pathPrefix: '/v1/wholesale/customers/', count: 1000 });
      const started = Date.now();

      const error = await create(plugin, 'hung-1', 3).then(() => assert.fail('created'), (e) => e);

      const elapsed = Date.now() - started;
      assert.ok(elapsed < 3000 + 1000 + 500, `returned after ${elapsed} ms`);
      const status = h.statusDetails(error);
      assert.ok(status, 'ErrorResourceInitFailed');
      assert.match(error.details, /timed out after 3s/);
    } finally {
      await simulator.control('DELETE', 'faults');
      await plugin.stop();
    }
  });

  test('20 customers created together (8 s provisioning) cost at most 1.5 GETs per customer, lists included', async (t) => {
    const slow = await h.startSimulator(['--provisioning-seconds', '8']);
    const plugin = await h.startPlugin();
    try {
      await h.configure(plugin.client, { baseUrl: slow.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      const names = Array.from({ length: 20 }, (_, i) => `together-${i}`);

      const created = await Promise.all(names.map((name) => create(plugin, name)));

      assert.equal(created.length, 20);
      const requests = (await slow.control('GET', 'requests')).body;
      const gets = requests.filter((r) => r.method === 'GET');
      t.diagnostic(`${requests.length} requests: ${gets.filter(isList).length} list pages, ${gets.filter(isGetOne).length} GETs of one customer`);
      assert.ok(gets.length <= 1.5 * 20, `${gets.length} GETs (${gets.filter(isList).length} list pages, ${gets.filter(isGetOne).length} single)`);
      assert.equal(requests.filter((r) => r.method === 'POST').length, 20, 'one provision each');
    } finally {
      await plugin.stop();
      await slow.stop();
    }
  });

  test('a refresh never answers from a list older than the Read: an out-of-band removal and package change show in the same plugin', async (t) => {
    const fleet = await h.startSimulator(['--provisioning-seconds', '0']);
    const creator = await h.startPlugin();
    const names = Array.from({ length: 30 }, (_, i) => `stale-${i}`);
    let created;
    try {
      await h.configure(creator.client, { baseUrl: fleet.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      created = await Promise.all(names.map((name) => create(creator, name)));
    } finally {
      await creator.stop();
    }

    const refresher = await h.startPlugin(); // one plugin process for both refreshes, as in a long-lived engine
    const refresh = () => inParallel(names.map((name, i) => [name, created[i]]), 8, ([name, response]) =>
      h.call(refresher.client, 'read', h.resourceRequest('ReadRequest', { urn: urnOf(name), name, type: TYPE },
        { Id: response.getId(), Properties: response.getProperties(), Inputs: h.toStruct(customer(name)) })).then((read) => [name, read]));
    try {
      await h.configure(refresher.client, { baseUrl: fleet.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      const first = new Map(await refresh());
      assert.equal([...first.values()].filter((read) => read.getId() !== '').length, 30);

      // An administrator, in Partner Hub, a moment later: one customer removed, another given a package.
      const removed = created[3].getId();
      const changed = created[17].getId();
      assert.equal((await fleet.webex('DELETE', `wholesale/customers/${removed}`)).status, 202);
      assert.equal((await fleet.webex('PUT', `wholesale/customers/${changed}`, { packages: ['cx_ai_assistant', 'webex_meetings'] })).status, 202);
      await fleet.control('POST', 'clock/advance', { seconds: 1 });
      await fleet.control('DELETE', 'requests');

      const second = new Map(await refresh());
      assert.equal(second.get('stale-3').getId(), '', 'the removed customer reads as gone');
      assert.deepEqual(second.get('stale-17').getProperties().toJavaScript().packages.toSorted(), ['cx_ai_assistant', 'webex_meetings'], 'the change is visible');
      assert.equal([...second.values()].filter((read) => read.getId() !== '').length, 29);
      const requests = (await fleet.control('GET', 'requests')).body;
      t.diagnostic(`second refresh: ${requests.length} requests: ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      assert.ok(requests.length <= 0.15 * 30 + 1, `${requests.length} requests`);
    } finally {
      await refresher.stop();
      await fleet.stop();
    }
  });

  test('a refresh of 60 customers (8 Reads in flight) costs one list page per batch of Reads in flight, plus a spare', async (t) => {
    const fleet = await h.startSimulator(['--provisioning-seconds', '0']);
    const creator = await h.startPlugin();
    const names = Array.from({ length: 60 }, (_, i) => `refresh-${i}`);
    let created;
    try {
      await h.configure(creator.client, { baseUrl: fleet.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      created = await Promise.all(names.map((name) => create(creator, name)));
    } finally {
      await creator.stop();
    }

    await fleet.control('DELETE', 'requests');
    await fleet.control('POST', 'clock/advance', { seconds: 1 });
    const refresher = await h.startPlugin(); // a `pulumi refresh` is a new plugin process
    try {
      await h.configure(refresher.client, { baseUrl: fleet.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
      const reads = await inParallel(names.map((name, i) => [name, created[i]]), 8, ([name, response]) =>
        h.call(refresher.client, 'read', h.resourceRequest('ReadRequest', { urn: urnOf(name), name, type: TYPE },
          { Id: response.getId(), Properties: response.getProperties(), Inputs: h.toStruct(customer(name)) })));

      assert.equal(reads.filter((read) => read.getId() !== '').length, 60, 'every customer found');
      assert.ok(reads.every((read) => read.getProperties().toJavaScript().status === 'provisioned'));
      const requests = (await fleet.control('GET', 'requests')).body;
      t.diagnostic(`${requests.length} requests: ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      // Every Read needs a page fetched after it arrived, and a page answers at most the 8 Reads in flight: 60 / 8 pages
      // at least, and the first Read, alone, is a GET.
      assert.ok(requests.length <= Math.ceil(60 / 8) + 3, `${requests.length} requests: ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    } finally {
      await refresher.stop();
      await fleet.stop();
    }
  });
});
