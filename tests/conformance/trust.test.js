// Trust at the edges, through Pulumi's own stubs against the real plugin and the simulator: nobody's subscriber is
// recorded as this stack's, e-mails that case-mapping would change converge after a lost answer, and an e-mail the
// engine sends as secret is [secret] in every message about it.
'use strict';

const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleSubscriber';
const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const WARNING = h.enginePb.LogSeverity.WARNING;
// Faults are queued after Check: the precheck's POST (…/subscribers/validate) would take them otherwise.
const POST_FAULT = { count: 1, method: 'POST', pathPrefix: '/v1/wholesale/subscribers' };

describe('trust at the edges: adoption, e-mails, secrets', () => {
  let simulator;
  let engine;
  let plugin;
  let customerId;
  const calls = h.engineCalls(() => plugin.client, TYPE);
  const { check, create } = calls;
  const subscriber = (email, overrides = {}) => ({ customerId, email, packages: ['webex_meetings'], ...overrides });
  const holdersOf = async (email) => (await simulator.control('GET', 'subscribers')).body.filter((s) => s.email === email);
  const failed = (promise) => promise.then(() => assert.fail('it succeeded'), (error) => error);

  async function startPlugin(token) {
    const started = await h.startPlugin({ args: [engine.address] });
    await h.handshake(started.client, engine.address);
    await h.configure(started.client, { baseUrl: simulator.baseUrl, accessToken: h.secret(token) });
    return started;
  }

  let session;

  before(async () => {
    session = await h.startConfiguredPlugin({ simulatorArgs: ['--provisioning-seconds', '0', '--read-only-token', 'read-only-token'] });
    ({ simulator, engine, plugin } = session);
    const customers = h.engineCalls(() => plugin.client, CUSTOMER);
    const checked = await customers.check('acme', {}, {
      provisioningId: 'template-1', externalId: 'trust-0001', address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' },
      customerInfo: { name: 'Acme', primaryEmail: 'admin@trust.example.test' }, packages: ['webex_meetings'],
    });
    customerId = (await customers.create('acme', checked.inputs)).id;
  });
  after(() => session.stop());
  beforeEach(async () => {
    await simulator.control('DELETE', 'faults');
  });

  test('a lost 10022 for a subscriber made outside the stack refuses with both adoption commands, and never records it', async () => {
    const made = await simulator.webex('POST', 'wholesale/subscribers', { customerId, email: 'olga@trust.example.test', packages: ['webex_meetings'], provisioningParameters: {} });
    assert.equal(made.status, 200);
    const checked = await check('olga', {}, subscriber('olga@trust.example.test'));
    await simulator.control('POST', 'faults', { ...POST_FAULT, dropAfterProcessing: true });

    const error = await failed(create('olga', checked.inputs));

    assert.equal(error.code, h.grpc.status.FAILED_PRECONDITION);
    assert.equal(calls.initFailure(error), null, 'nothing recorded');
    assert.match(error.details, new RegExp(`\n    pulumi import ${TYPE} olga ${made.body.id}\n`));
    assert.match(error.details, new RegExp(`\n    pulumi refresh --import-pending-creates '${calls.urnOf('olga')}' ${made.body.id}\n`));
    assert.deepEqual((await holdersOf('olga@trust.example.test')).map((s) => s.id), [made.body.id]);
  });

  for (const [name, email] of [['kelvin', '\u212Aate-6@trust.example.test'], ['angstrom', '\u212Bsa-6@trust.example.test'], ['ohm', '\u2126mar-6@trust.example.test']]) {
    test(`${email}: a lost answer converges on the one subscriber it created`, async () => {
      const checked = await check(name, {}, subscriber(email));
      assert.deepEqual(checked.failures, []);
      await simulator.control('POST', 'faults', { ...POST_FAULT, dropAfterProcessing: true });

      const created = await create(name, checked.inputs);

      assert.deepEqual((await holdersOf(email)).map((s) => s.id), [created.id]);
      assert.equal(created.properties.status, 'provisioned');
    });
  }

  test('a next-page link to another port: no request reaches it, so the token stays; the function fails naming the link', async () => {
    const http = require('node:http');
    const listen = (handler) => new Promise((resolve) => {
      const server = http.createServer(handler);
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
    const stolen = [];
    const elsewhere = await listen((request, response) => {
      stolen.push({ url: request.url, authorization: request.headers.authorization });
      response.end('{"items": []}');
    });
    const hostile = await listen((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('trackingid', 'HOSTILE_1');
      response.setHeader('link', `<http://127.0.0.1:${elsewhere.address().port}/v1/wholesale/subscribers?offset=1>; rel="next"`);
      response.end(JSON.stringify({ items: [{ id: 'c3Vic2NyaWJlcg', email: 'a@trust.example.test', customerId, packages: ['webex_meetings'], status: 'provisioned' }] }));
    });
    const victim = await h.startPlugin({ args: [engine.address] });
    try {
      await h.handshake(victim.client, engine.address);
      await h.configure(victim.client, { baseUrl: `http://127.0.0.1:${hostile.address().port}/v1`, accessToken: h.secret('canary-token-9') });
      const error = await failed(h.engineCalls(() => victim.client, TYPE).invoke('webex-wholesale:index:getWholesaleSubscribers', {}));

      assert.notEqual(error.code, h.grpc.status.INTERNAL);
      assert.notEqual(error.code, h.grpc.status.UNKNOWN);
      assert.match(error.details, new RegExp(`next-page link <http://127\\.0\\.0\\.1:${elsewhere.address().port}/`));
      assert.match(error.details, /HOSTILE_1/);
      assert.deepEqual(stolen, [], 'nothing reached the other port');
      assert.ok(!error.details.includes('canary-token-9'));
    } finally {
      await victim.stop();
      hostile.close();
      elsewhere.close();
    }
  });

  describe('an e-mail sent as secret', () => {
    const EMAIL = 'peggy.private@trust.example.test';
    const hidden = (text) => {
      assert.ok(text.includes('[secret]'), `shown as [secret]: ${text}`);
      assert.ok(!text.toLowerCase().includes('peggy.private'), `no clear e-mail: ${text}`);
    };
    const secretProgram = (email = EMAIL, overrides = {}) => subscriber(h.secret(email), overrides);
    const logsSince = (count) => engine.logs.slice(count).map((log) => log.message);

    test('in the precheck warning and the 10022 refusal naming its holder', async () => {
      await simulator.webex('POST', 'wholesale/subscribers', { customerId, email: EMAIL, packages: ['webex_meetings'], provisioningParameters: {} });
      const logged = engine.logs.length;
      const checked = await check('peggy', {}, secretProgram());
      const warnings = engine.logs.slice(logged).filter((log) => log.severity === WARNING).map((log) => log.message);
      assert.ok(warnings.length > 0);
      warnings.forEach(hidden);

      const error = await failed(create('peggy', checked.inputs));
      assert.equal(error.code, h.grpc.status.FAILED_PRECONDITION);
      hidden(error.details);
      logsSince(logged).filter((message) => /peggy|secret/i.test(message)).forEach(hidden);
    });

    test('in Webex\'s refusal (a customer not provisioned) and at a deadline', async () => {
      const refused = await failed(create('quentin', secretProgram('peggy.private.2@trust.example.test', { customerId: 'Y2lzY29zcGFyazovL3VzL05PTkUvMQ' })));
      assert.equal(refused.code, h.grpc.status.INVALID_ARGUMENT);
      hidden(refused.details);

      await simulator.control('POST', 'faults', { ...POST_FAULT, latencyMs: 5000 });
      const stopped = await failed(create('quentin', secretProgram('peggy.private.3@trust.example.test'), { timeout: 1 }));
      hidden(stopped.details);
    });

    for (const [what, token, code] of [['401', 'wrong-token', h.grpc.status.UNAUTHENTICATED], ['403', 'read-only-token', h.grpc.status.PERMISSION_DENIED]]) {
      test(`in a ${what}`, async () => {
        const other = await startPlugin(token);
        try {
          const otherCalls = h.engineCalls(() => other.client, TYPE);
          const error = await failed(otherCalls.create('rita', secretProgram('peggy.private.4@trust.example.test')));
          assert.equal(error.code, code);
          hidden(error.details);
          assert.ok(!other.stderr().includes('peggy.private'), 'not in the plugin\'s own log either');
        } finally {
          await other.stop();
        }
      });
    }
  });
});
