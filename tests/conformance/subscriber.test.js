// WholesaleSubscriber driven the way the Pulumi engine drives a provider (preview, up, refresh, import, update,
// replace, destroy, an interrupted create), through Pulumi's own stubs, against the simulator.
'use strict';

const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleSubscriber';
const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const DiffChanges = h.providerPb.DiffResponse.DiffChanges;
const Kind = h.providerPb.PropertyDiff.Kind;
const WARNING = h.enginePb.LogSeverity.WARNING;

describe('WholesaleSubscriber through the engine sequences', () => {
  let simulator;
  let engine;
  let plugin;
  let customerId;
  const calls = h.engineCalls(() => plugin.client, TYPE);
  const customerCalls = h.engineCalls(() => plugin.client, CUSTOMER);
  const { check, diff, create, read, update, destroy, invoke, initFailure } = calls;

  const subscriber = (email, overrides = {}) => ({
    customerId, email, packages: ['webex_meetings'], provisioningParameters: { firstName: 'Ada', lastName: 'Lovelace' }, ...overrides,
  });
  const subscribers = async () => (await simulator.control('GET', 'subscribers')).body;
  const warningsSince = (count) => engine.logs.slice(count).filter((log) => log.severity === WARNING).map((log) => log.message);

  /** `pulumi up` of a new subscriber: preview (Check, Create preview), then the update (Check, Create). */
  async function upNew(name, program) {
    const previewChecked = await check(name, {}, program);
    assert.deepEqual(previewChecked.failures, []);
    await create(name, previewChecked.inputs, { preview: true });
    const checked = await check(name, {}, program);
    assert.deepEqual(checked.failures, []);
    const created = await create(name, checked.inputs);
    return { id: created.id, state: created.properties, inputs: checked.inputs };
  }

  before(async () => {
    simulator = await h.startSimulator(['--provisioning-seconds', '0']);
    engine = await h.startFakeEngine();
    plugin = await h.startPlugin({ args: [engine.address] });
    await h.handshake(plugin.client, engine.address);
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token') });
    const program = {
      provisioningId: 'template-1', externalId: 'acme-0001', address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' },
      customerInfo: { name: 'Acme', primaryEmail: 'admin@acme.example.test' }, packages: ['webex_meetings'],
    };
    const checked = await customerCalls.check('acme', {}, program);
    customerId = (await customerCalls.create('acme', checked.inputs)).id;
  });
  after(async () => {
    await plugin.stop();
    await engine.stop();
    await simulator.stop();
  });
  beforeEach(async () => {
    await simulator.control('DELETE', 'faults');
  });

  test('preview with an unknown customerId: Check judges nothing unknown, Create calls no API', async () => {
    await simulator.control('DELETE', 'requests');
    const checked = await check('preview-1', {}, subscriber('preview@acme.example.test', { customerId: h.UNKNOWN }));
    assert.deepEqual(checked.failures, []);

    const planned = await create('preview-1', checked.inputs, { preview: true });

    assert.equal(planned.properties.customerId, h.UNKNOWN);
    assert.equal(planned.properties.status, h.UNKNOWN);
    assert.equal(planned.properties.personId, h.UNKNOWN);
    assert.equal(planned.properties.email, 'preview@acme.example.test');
    assert.deepEqual((await simulator.control('GET', 'requests')).body, [], 'no request reached Webex');
  });

  test('up: Check (with the validate precheck) then Create provisions at once, with personId and the customer\'s externalId', async () => {
    await simulator.control('DELETE', 'requests');
    const { id, state, inputs } = await upNew('alice', subscriber('alice@acme.example.test', { packages: ['webex_meetings', 'webex_meetings'] }));

    assert.ok(id.length > 0);
    assert.deepEqual(inputs.packages, ['webex_meetings']);
    assert.equal(state.status, 'provisioned');
    assert.ok(state.personId);
    assert.equal(state.externalCustomerId, 'acme-0001');
    assert.deepEqual(state.provisioningParameters, { firstName: 'Ada', lastName: 'Lovelace' });
    const requests = (await simulator.control('GET', 'requests')).body.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    assert.deepEqual(requests, ['POST /v1/wholesale/subscribers/validate', 'POST /v1/wholesale/subscribers/validate', 'POST /v1/wholesale/subscribers'],
      'one precheck per Check, one POST, no GET');
  });

  test('Check: property paths and fixes for the package rules, the e-mail and calling parameters', async () => {
    const failuresOf = async (program) => (await check('bad-1', {}, program)).failures;

    assert.match((await failuresOf(subscriber('x@acme.example.test', { packages: ['webex_calling', 'webex_meetings'], provisioningParameters: { extension: '1' } })))[0].reason,
      /has 2 base packages/);
    const addOn = await failuresOf(subscriber('x@acme.example.test', { packages: ['webex_meetings', 'attendant_console'] }));
    assert.deepEqual(addOn.map((f) => f.property), ['packages[1]']);
    assert.match(addOn[0].reason, /attendant_console needs one of cx_essentials, webex_calling, webex_suite/);
    const calling = await failuresOf(subscriber('x@acme.example.test', { packages: ['webex_calling'] }));
    assert.deepEqual(calling.map((f) => f.property), ['provisioningParameters']);
    assert.match(calling[0].reason, /primaryPhoneNumber or extension/);
    assert.deepEqual((await failuresOf(subscriber('not-an-address'))).map((f) => f.property), ['email']);
    assert.deepEqual((await failuresOf({ email: 'x@acme.example.test', packages: ['webex_meetings'] })).map((f) => f.property), ['customerId']);

    // A name this provider does not know is only a warning locally; whether Webex takes it is the precheck's to say.
    const logged = engine.logs.length;
    const newPackage = await failuresOf(subscriber('new-package@acme.example.test', { packages: ['webex_meetings', 'webex_hologram'] }));
    assert.ok(warningsSince(logged).some((message) => /'webex_hologram' is not a subscriber package this provider knows/.test(message)));
    assert.deepEqual(newPackage.map((f) => f.property), ['packages']);
    assert.match(newPackage[0].reason, /^Webex precheck: unknown package webex_hologram/);
  });

  test('refresh reads no change; drift outside Pulumi shows; a removed subscriber reads as gone', async () => {
    const { id, state, inputs } = await upNew('bob', subscriber('bob@acme.example.test'));
    const same = await read('bob', id, state, inputs);
    assert.equal((await diff('bob', id, same.properties, same.inputs, inputs)).changes, DiffChanges.DIFF_NONE);
    assert.deepEqual(same.inputs.provisioningParameters, inputs.provisioningParameters, 'kept from the program: Webex never returns them');

    assert.equal((await simulator.webex('PUT', `wholesale/subscribers/${id}`, { packages: ['webex_suite'], provisioningParameters: { extension: '2002' } })).status, 200);
    const drifted = await read('bob', id, state, inputs);
    assert.deepEqual(drifted.inputs.packages, ['webex_suite']);
    assert.deepEqual((await diff('bob', id, drifted.properties, drifted.inputs, inputs)).diffs, ['packages']);

    assert.equal((await simulator.webex('DELETE', `wholesale/subscribers/${id}`)).status, 204);
    assert.equal((await read('bob', id, state, inputs)).id, '', 'gone');
  });

  test('update: webex_meetings -> webex_calling is in place and sends provisioningParameters; parameters alone are no change', async () => {
    const program = subscriber('carol@acme.example.test');
    const { id, state, inputs } = await upNew('carol', program);
    const moved = { ...program, packages: ['webex_calling', 'attendant_console'], provisioningParameters: { ...program.provisioningParameters, extension: '3003' } };

    const checked = await check('carol', inputs, moved);
    assert.deepEqual(checked.failures, []);
    const d = await diff('carol', id, state, inputs, checked.inputs);
    assert.equal(d.changes, DiffChanges.DIFF_SOME);
    assert.deepEqual(d.replaces, []);
    assert.deepEqual(d.diffs, ['packages', 'provisioningParameters']);
    assert.equal((await update('carol', id, state, inputs, checked.inputs, { preview: true })).status, h.UNKNOWN);

    await simulator.control('DELETE', 'requests');
    const after = await update('carol', id, state, inputs, checked.inputs);

    assert.deepEqual(after.packages, ['attendant_console', 'webex_calling']);
    const [put] = (await simulator.control('GET', 'requests')).body;
    assert.equal(put.method, 'PUT');
    const stored = (await subscribers()).find((s) => s.id === id);
    assert.deepEqual(stored.packages.sort(), ['attendant_console', 'webex_calling']);
    assert.equal(stored.provisioningParameters.extension, '3003', 'the move to calling carried the extension');

    const onlyParameters = await check('carol', checked.inputs, { ...moved, provisioningParameters: { ...moved.provisioningParameters, extension: '9999' } });
    assert.equal((await diff('carol', id, after, checked.inputs, onlyParameters.inputs)).changes, DiffChanges.DIFF_NONE);
  });

  test('replace: a new e-mail deletes the old subscriber first; destroy waits until Webex answers 404', async () => {
    const program = subscriber('dave@acme.example.test');
    const first = await upNew('dave', program);
    const renamed = { ...program, email: 'david@acme.example.test' };

    const checked = await check('dave', first.inputs, renamed);
    const d = await diff('dave', first.id, first.state, first.inputs, checked.inputs);
    assert.deepEqual(d.replaces, ['email']);
    assert.equal(d.deleteBeforeReplace, true);
    assert.equal(d.detailed.email, Kind.UPDATE_REPLACE);

    await destroy('dave', first.id, first.state, first.inputs);
    assert.equal((await simulator.webex('GET', `wholesale/subscribers/${first.id}`)).status, 404);
    const created = await create('dave', (await check('dave', {}, renamed)).inputs);
    assert.notEqual(created.id, first.id);
    await destroy('dave', first.id, first.state, first.inputs); // deleting a subscriber already gone succeeds
  });

  test('up: an e-mail Webex already has (10022) is refused with both adoption commands, never a second subscriber', async () => {
    const made = await simulator.webex('POST', 'wholesale/subscribers', { customerId, email: 'erin@acme.example.test', packages: ['webex_meetings'], provisioningParameters: {} });
    assert.equal(made.status, 200);
    const logged = engine.logs.length;
    const checked = await check('erin', {}, subscriber('erin@acme.example.test'));
    assert.deepEqual(checked.failures, [], 'the precheck\'s 10022 is a warning while a subscriber holds the e-mail (it may be being replaced)');
    assert.ok(warningsSince(logged).some((message) => /expected if it is being replaced/.test(message)));

    const error = await create('erin', checked.inputs).then(() => assert.fail('created'), (e) => e);

    assert.equal(error.code, h.grpc.status.FAILED_PRECONDITION);
    assert.match(error.details, new RegExp(`pulumi import ${TYPE} erin ${made.body.id}`));
    assert.match(error.details, new RegExp(`pulumi refresh --import-pending-creates '${calls.urnOf('erin')}' ${made.body.id}`));
    assert.equal((await subscribers()).filter((s) => s.email === 'erin@acme.example.test').length, 1);
  });

  // Faults are queued after Check: the precheck's POST (…/subscribers/validate) would take them otherwise.
  const POST_FAULT = { count: 1, method: 'POST', pathPrefix: '/v1/wholesale/subscribers' };

  test('up: a lost answer to the POST is recovered by e-mail: one subscriber, recorded', async () => {
    const checked = await check('frank', {}, subscriber('frank@acme.example.test'));
    await simulator.control('POST', 'faults', { ...POST_FAULT, dropAfterProcessing: true });

    const created = await create('frank', checked.inputs);

    const live = (await subscribers()).filter((s) => s.email === 'frank@acme.example.test');
    assert.deepEqual(live.map((s) => s.id), [created.id]);
    assert.equal(created.properties.status, 'provisioned');
  });

  test('interrupted create: a timeout while the POST is in flight ends clearly, and the next up creates exactly one', async () => {
    const checked = await check('grace', {}, subscriber('grace@acme.example.test'));
    await simulator.control('POST', 'faults', { ...POST_FAULT, latencyMs: 5000 });

    const error = await create('grace', checked.inputs, { timeout: 1 }).then(() => assert.fail('created'), (e) => e);

    assert.equal(initFailure(error), null, 'no subscriber to record');
    assert.match(error.details, /timed out after [12]s while asking Webex to provision subscriber grace@acme\.example\.test/);
    assert.match(error.details, /finds it by e-mail and says how to adopt it/);
    const again = await create('grace', checked.inputs);
    assert.deepEqual((await subscribers()).filter((s) => s.email === 'grace@acme.example.test').map((s) => s.id), [again.id]);
  });

  test('up: a free Webex account is pending_user_migration: Create succeeds with a warning, refresh shows the consent', async () => {
    await simulator.control('POST', 'free-accounts', { email: 'heidi@acme.example.test' });
    const logged = engine.logs.length;
    const { id, state, inputs } = await upNew('heidi', subscriber('heidi@acme.example.test'));

    assert.equal(state.status, 'pending_user_migration');
    assert.equal(state.personId, undefined);
    assert.ok(warningsSince(logged).some((message) => /active free Webex account/.test(message) && message.includes(`subscribers/${id}/emails/consentMove`)));

    assert.equal((await simulator.control('POST', `subscribers/${id}/consent`)).status, 204);
    const refreshed = await read('heidi', id, state, inputs);
    assert.equal(refreshed.properties.status, 'provisioned');
    assert.ok(refreshed.properties.personId);
  });

  test('import: Read by id alone, then the import option and `pulumi import` end in no change', async () => {
    const made = await simulator.webex('POST', 'wholesale/subscribers', { customerId, email: 'ivan@acme.example.test', packages: ['webex_meetings'], provisioningParameters: {} });
    const imported = await read('ivan', made.body.id);
    assert.equal(imported.id, made.body.id);
    assert.deepEqual(imported.inputs, { customerId, email: 'ivan@acme.example.test', packages: ['webex_meetings'] });

    const program = subscriber('ivan@acme.example.test'); // gives provisioningParameters, which Webex never returns
    const checked = await check('ivan', imported.inputs, program);
    assert.deepEqual(checked.failures, []);
    assert.equal((await diff('ivan', made.body.id, imported.properties, imported.inputs, checked.inputs)).changes, DiffChanges.DIFF_NONE);

    const generated = await check('ivan', imported.inputs, { ...imported.inputs });
    assert.equal((await diff('ivan', made.body.id, imported.properties, imported.inputs, generated.inputs)).changes, DiffChanges.DIFF_NONE);
  });

  test('a customer that is still provisioning, or gone, gets an error naming it', async () => {
    await simulator.control('POST', 'settings', { provisioningSeconds: 600 });
    try {
      const program = {
        provisioningId: 'template-1', externalId: 'slow-0002', address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' },
        customerInfo: { name: 'Slow', primaryEmail: 'admin@slow.example.test' }, packages: ['webex_meetings'],
      };
      const made = await simulator.webex('POST', 'wholesale/customers', program);
      const slowId = made.body.url.split('/').pop();
      const checked = await check('judy', {}, subscriber('judy@slow.example.test', { customerId: slowId }));
      assert.equal(checked.failures[0].property, 'customerId', 'the precheck says so already');

      const error = await create('judy', checked.inputs).then(() => assert.fail('created'), (e) => e);
      assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
      assert.match(error.details, new RegExp(`Customer ${slowId} is provisioning`));
      assert.match(error.details, /must exist and be provisioned before it has subscribers/);
    } finally {
      await simulator.control('POST', 'settings', { provisioningSeconds: 0 });
    }
  });

  test('functions: getWholesaleSubscriber, getWholesaleSubscribers with filters, getWholesaleSubPartners', async () => {
    const { id } = await upNew('mallory', subscriber('mallory@acme.example.test'));
    await simulator.control('POST', 'subpartners', { orgId: 'sub-1', provisioningState: 'active' });
    await simulator.control('POST', 'subpartners', { orgId: 'sub-2', provisioningState: 'suspended' });

    const one = await invoke('webex-wholesale:index:getWholesaleSubscriber', { id });
    assert.deepEqual(one.failures, []);
    assert.equal(one.value.email, 'mallory@acme.example.test');
    assert.equal((await invoke('webex-wholesale:index:getWholesaleSubscriber', { id: 'bm9ib2R5' })).failures[0].property, 'id');

    const ofCustomer = await invoke('webex-wholesale:index:getWholesaleSubscribers', { customerId, sortBy: 'created', sortOrder: 'DESC' });
    assert.ok(ofCustomer.value.subscribers.length > 1);
    assert.equal(ofCustomer.value.subscribers[0].id, id, 'the newest first');
    const byEmail = await invoke('webex-wholesale:index:getWholesaleSubscribers', { email: 'mallory@acme.example.test' });
    assert.deepEqual(byEmail.value.subscribers.map((s) => s.id), [id]);
    assert.equal((await invoke('webex-wholesale:index:getWholesaleSubscribers', { sortOrder: 'up' })).failures[0].property, 'sortOrder');

    const suspended = await invoke('webex-wholesale:index:getWholesaleSubPartners', { provisioningState: 'suspended' });
    assert.deepEqual(suspended.value.subPartners.map((p) => p.orgId), ['sub-2']);
  });
});
