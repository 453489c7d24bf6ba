// WholesaleCustomer driven the way the Pulumi engine drives a provider (Check, Diff, Create, Read, Update, Delete in
// the engine's order for up, preview, refresh, import and destroy), through Pulumi's own stubs, against the simulator.
'use strict';

const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleCustomer';
const DiffChanges = h.providerPb.DiffResponse.DiffChanges;
const Kind = h.providerPb.PropertyDiff.Kind;
const urnOf = (name) => `urn:pulumi:dev::fleet::${TYPE}::${name}`;

const ADDRESS = { addressLine1: '1 Main St', city: 'Springfield', country: 'US' };
const HEAD_OFFICE = { calling: { location: { name: 'HQ', timezone: 'America/Chicago', language: 'en_us', address: ADDRESS } } };

function customer(externalId, overrides = {}) {
  return {
    provisioningId: 'template-1',
    externalId,
    address: ADDRESS,
    customerInfo: { name: `Customer ${externalId}`, primaryEmail: `${externalId}@example.test` },
    packages: ['webex_meetings'],
    provisioningParameters: HEAD_OFFICE,
    ...overrides,
  };
}

describe('WholesaleCustomer through the engine sequences', () => {
  let simulator;
  let engine;
  let plugin;

  before(async () => {
    simulator = await h.startSimulator(['--provisioning-seconds', '1']);
    engine = await h.startFakeEngine();
    plugin = await h.startPlugin({ args: [engine.address] });
    await h.handshake(plugin.client, engine.address);
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token') });
  });
  after(async () => {
    await plugin.stop();
    await engine.stop();
    await simulator.stop();
  });
  beforeEach(async () => {
    await simulator.control('POST', 'settings', { provisioningSeconds: 1 });
  });

  const { check, diff, create, read, update, destroy, invoke, initFailure } = h.engineCalls(() => plugin.client, TYPE);

  /** `pulumi up` of a new resource: preview (Check, Create preview), then the update (Check, Create). */
  async function upNew(name, program) {
    const previewChecked = await check(name, {}, program);
    assert.deepEqual(previewChecked.failures, []);
    await create(name, previewChecked.inputs, { preview: true });
    const checked = await check(name, {}, program);
    assert.deepEqual(checked.failures, []);
    const created = await create(name, checked.inputs);
    return { id: created.id, state: created.properties, inputs: checked.inputs };
  }

  const customers = async () => (await simulator.control('GET', 'customers')).body;

  // --- the sequences ----------------------------------------------------------------------------------------------

  test('up: Check then Create provisions, waits until provisioned and reports progress', async () => {
    const { id, state, inputs } = await upNew('create-1', customer('create-1', { packages: ['webex_suite', 'webex_meetings'] }));

    assert.ok(id.length > 0);
    assert.deepEqual(inputs.packages, ['webex_meetings', 'webex_suite'], 'Check returns packages sorted');
    assert.equal(state.status, 'provisioned');
    assert.ok(state.orgId);
    assert.equal(state.provisioningId, 'template-1');
    assert.deepEqual(state.packageDetails.map((p) => [p.name, p.status]), [['webex_meetings', 'provisioned'], ['webex_suite', 'provisioned']]);
    const progress = engine.logs.filter((log) => log.ephemeral && log.urn === urnOf('create-1'));
    assert.ok(progress.some((log) => /provisioning customer create-1, Webex status provisioning/.test(log.message)), JSON.stringify(progress));
  });

  test('preview: Create with preview=true calls no API and leaves Webex-reported outputs unknown', async () => {
    await simulator.control('DELETE', 'requests');
    const program = customer('preview-1', { address: h.UNKNOWN });
    const checked = await check('preview-1', {}, program);
    assert.deepEqual(checked.failures, [], 'an unknown address is not judged');

    const planned = await create('preview-1', checked.inputs, { preview: true });

    assert.equal(planned.properties.status, h.UNKNOWN);
    assert.equal(planned.properties.orgId, h.UNKNOWN);
    assert.equal(planned.properties.address, h.UNKNOWN);
    assert.equal(planned.properties.externalId, 'preview-1');
    assert.deepEqual((await simulator.control('GET', 'requests')).body, [], 'no request reached Webex');
  });

  test('up: an in-place update sends the complete package list and waits', async () => {
    const program = customer('update-1');
    const { id, state, inputs } = await upNew('update-1', program);
    const changed = { ...program, packages: ['webex_suite', 'webex_meetings'], address: { ...program.address, city: 'Shelbyville' } };

    const checked = await check('update-1', inputs, changed);
    const d = await diff('update-1', id, state, inputs, checked.inputs);
    assert.equal(d.changes, DiffChanges.DIFF_SOME);
    assert.equal(d.hasDetailedDiff, true);
    assert.deepEqual(d.replaces, []);
    assert.deepEqual(d.diffs, ['address', 'packages']);
    assert.equal(d.detailed['address.city'], Kind.UPDATE);
    assert.equal(d.detailed['packages[1]'], Kind.ADD);

    const preview = await update('update-1', id, state, inputs, checked.inputs, { preview: true });
    assert.equal(preview.status, h.UNKNOWN);
    const after = await update('update-1', id, state, inputs, checked.inputs);

    assert.equal(after.status, 'provisioned');
    assert.deepEqual(after.packages, ['webex_meetings', 'webex_suite']);
    assert.equal(after.address.city, 'Shelbyville');
    const stored = (await customers()).find((c) => c.id === id);
    assert.deepEqual(stored.packages, ['webex_meetings', 'webex_suite']);
  });

  test('up: reordering packages is no change', async () => {
    const program = customer('order-1', { packages: ['webex_suite', 'webex_meetings'] });
    const { id, state, inputs } = await upNew('order-1', program);
    const checked = await check('order-1', inputs, { ...program, packages: ['webex_meetings', 'webex_suite'] });

    const d = await diff('order-1', id, state, inputs, checked.inputs);

    assert.equal(d.changes, DiffChanges.DIFF_NONE);
  });

  test('up: a changed customerInfo replaces, deleting first; the second Check is not blocked by the customer being replaced', async () => {
    const program = customer('replace-1');
    const first = await upNew('replace-1', program);
    const renamed = { ...program, customerInfo: { ...program.customerInfo, name: 'Renamed Inc' } };

    const checked = await check('replace-1', first.inputs, renamed);
    const d = await diff('replace-1', first.id, first.state, first.inputs, checked.inputs);
    assert.deepEqual(d.replaces, ['customerInfo']);
    assert.equal(d.deleteBeforeReplace, true);
    assert.equal(d.detailed['customerInfo.name'], Kind.UPDATE_REPLACE);

    // The engine checks the replacement as a new resource while the old customer still exists.
    const warningsBefore = engine.logs.length;
    const again = await check('replace-1', {}, renamed);
    assert.deepEqual(again.failures, [], 'its own e-mail and externalId do not block the replacement');
    assert.ok(engine.logs.slice(warningsBefore).some((log) => log.severity === h.enginePb.LogSeverity.WARNING && /expected if it is being replaced/.test(log.message)));

    await destroy('replace-1', first.id, first.state, first.inputs);
    const created = await create('replace-1', again.inputs);

    assert.notEqual(created.id, first.id);
    const live = (await customers()).filter((c) => c.externalId === 'replace-1');
    assert.deepEqual(live.map((c) => c.id), [created.id], 'exactly one customer with the externalId');
  });

  test('refresh: drift made outside Pulumi shows in the inverted diff', async () => {
    const program = customer('drift-1');
    const { id, state, inputs } = await upNew('drift-1', program);
    const put = await simulator.webex('PUT', `wholesale/customers/${id}`, { packages: ['webex_meetings', 'webex_suite'], provisioningParameters: HEAD_OFFICE });
    assert.equal(put.status, 202);
    await simulator.control('POST', 'clock/advance', { seconds: 2 });

    const refreshed = await read('drift-1', id, state, inputs);
    assert.equal(refreshed.id, id);
    assert.deepEqual(refreshed.inputs.packages, ['webex_meetings', 'webex_suite']);
    assert.equal(refreshed.inputs.provisioningId, 'template-1', 'create-only inputs are kept');
    assert.deepEqual(refreshed.inputs.customerInfo, program.customerInfo);

    // The engine shows drift by diffing with roles inverted: fresh state as olds, the pre-refresh inputs as news.
    const d = await diff('drift-1', id, refreshed.properties, refreshed.inputs, inputs);
    assert.equal(d.changes, DiffChanges.DIFF_SOME);
    assert.deepEqual(d.diffs, ['packages']);

    const steady = await diff('drift-1', id, refreshed.properties, refreshed.inputs, refreshed.inputs);
    assert.equal(steady.changes, DiffChanges.DIFF_NONE, 'no drift once the state matches');
  });

  test('refresh: a customer removed outside Pulumi reads as gone (empty id)', async () => {
    const { id, state, inputs } = await upNew('gone-1', customer('gone-1'));
    await simulator.webex('DELETE', `wholesale/customers/${id}`);
    await simulator.control('POST', 'clock/advance', { seconds: 2 });

    const refreshed = await read('gone-1', id, state, inputs);

    assert.equal(refreshed.id, '');
  });

  /** A customer made outside Pulumi (as in Partner Hub), provisioned, and read the way the import option reads it. */
  async function importable(externalId, program = customer(externalId)) {
    const made = await simulator.webex('POST', 'wholesale/customers', program);
    const id = made.body.url.split('/').pop();
    await simulator.control('POST', 'clock/advance', { seconds: 2 });
    return { id, imported: await read(externalId, id, null, null) };
  }

  test('import: Read with only an id returns what Webex knows, as inputs and state', async () => {
    const { id, imported } = await importable('import-1');

    assert.equal(imported.id, id);
    assert.equal(imported.inputs.externalId, 'import-1');
    assert.deepEqual(imported.inputs.packages, ['webex_meetings']);
    assert.ok(imported.inputs.orgId);
    assert.equal(imported.properties.status, 'provisioned');
    assert.equal(imported.inputs.provisioningId, undefined, 'Webex never returns it');
  });

  test('import option: Read -> Check -> Diff of a program that matches Webex is DIFF_NONE', async () => {
    const { id, imported } = await importable('import-2');

    const program = customer('import-2', { subPartnerAdminEmail: 'admin@sub.example.test' });
    const checked = await check('import-2', imported.inputs, program);
    assert.deepEqual(checked.failures, []);
    const d = await diff('import-2', id, imported.properties, imported.inputs, checked.inputs);

    assert.equal(d.changes, DiffChanges.DIFF_NONE, `diffs: ${d.diffs}`);
    assert.deepEqual(d.diffs, []);
  });

  test('import option: a program that differs on packages is DIFF_SOME on packages, never a replacement', async () => {
    const { id, imported } = await importable('import-3');

    const program = customer('import-3', { packages: ['webex_meetings', 'cx_ai_assistant'] });
    const checked = await check('import-3', imported.inputs, program);
    const d = await diff('import-3', id, imported.properties, imported.inputs, checked.inputs);

    assert.equal(d.changes, DiffChanges.DIFF_SOME);
    assert.deepEqual(d.diffs, ['packages']);
    assert.deepEqual(d.replaces, []);
  });

  test('pulumi import: a program written from Read\'s inputs passes Check and Diff with no change', async () => {
    const { id, imported } = await importable('import-4');

    const generated = { ...imported.inputs }; // what `pulumi import` writes into the program
    const checked = await check('import-4', imported.inputs, generated);
    assert.deepEqual(checked.failures, [], 'no create-only input is needed for a customer that exists');
    const d = await diff('import-4', id, imported.properties, imported.inputs, checked.inputs);

    assert.equal(d.changes, DiffChanges.DIFF_NONE, `diffs: ${d.diffs}`);
  });

  test('up: an externalId Webex already has is refused with the import command, never a second customer', async () => {
    const made = await simulator.webex('POST', 'wholesale/customers', customer('taken-1'));
    const existing = made.body.url.split('/').pop();
    const checked = await check('taken-1', {}, customer('taken-1', { customerInfo: { name: 'X', primaryEmail: 'other@example.test' } }));

    const error = await create('taken-1', checked.inputs).then(() => assert.fail('created'), (e) => e);

    assert.equal(error.code, h.grpc.status.FAILED_PRECONDITION);
    assert.match(error.details, new RegExp(`pulumi import ${TYPE} taken-1 ${existing}`));
    assert.equal((await customers()).filter((c) => c.externalId === 'taken-1').length, 1);
  });

  test('up: a lost answer to the provision POST is recovered by externalId', async () => {
    await simulator.control('POST', 'faults', { count: 1, dropAfterProcessing: true, method: 'POST', pathPrefix: '/v1/wholesale/customers' });
    const program = customer('lost-1');
    const checked = await check('lost-1', {}, program);

    const created = await create('lost-1', checked.inputs);

    const live = (await customers()).filter((c) => c.externalId === 'lost-1');
    assert.deepEqual(live.map((c) => c.id), [created.id]);
    assert.equal(created.properties.status, 'provisioned');
  });

  test('up: a provisioning error returns ErrorResourceInitFailed with the id, the state and Webex reasons', async () => {
    const checked = await check('fail-1', {}, customer('sim-fail-1'));

    const error = await create('fail-1', checked.inputs).then(() => assert.fail('created'), (e) => e);

    const failed = initFailure(error);
    assert.ok(failed, `no ErrorResourceInitFailed in ${error.message}`);
    assert.ok(failed.id.length > 0);
    assert.equal(failed.properties.status, 'error');
    assert.ok(failed.reasons.some((reason) => /Simulated failure/.test(reason)), failed.reasons.join('\n'));
  });

  test('up: a provisioned_with_errors customer is recorded with its package errors', async () => {
    const checked = await check('partial-1', {}, customer('sim-partial-1', { packages: ['webex_meetings', 'webex_suite'] }));

    const error = await create('partial-1', checked.inputs).then(() => assert.fail('created'), (e) => e);

    const failed = initFailure(error);
    assert.equal(failed.properties.status, 'provisioned_with_errors');
    assert.ok(failed.reasons.some((reason) => /package webex_meetings \(error\)/.test(reason)), failed.reasons.join('\n'));
  });

  test('up: a custom timeout returns ErrorResourceInitFailed with the id while Webex is still provisioning', async () => {
    await simulator.control('POST', 'settings', { provisioningSeconds: 600 });
    const checked = await check('slow-1', {}, customer('slow-1'));

    const error = await create('slow-1', checked.inputs, { timeout: 3 }).then(() => assert.fail('created'), (e) => e);

    const failed = initFailure(error);
    assert.ok(failed.id.length > 0);
    assert.equal(failed.properties.status, 'provisioning');
    assert.match(failed.reasons[0], /timed out after 3s/);
  });

  test('functions: getWholesaleCustomer by id or externalId, getWholesaleCustomers with filters', async () => {
    const { id } = await upNew('lookup-1', customer('lookup-1'));

    const byExternalId = await invoke('webex-wholesale:index:getWholesaleCustomer', { externalId: 'lookup-1' });
    assert.deepEqual(byExternalId.failures, []);
    assert.equal(byExternalId.value.id, id);
    assert.equal(byExternalId.value.status, 'provisioned');
    const byId = await invoke('webex-wholesale:index:getWholesaleCustomer', { id });
    assert.equal(byId.value.externalId, 'lookup-1');

    const missing = await invoke('webex-wholesale:index:getWholesaleCustomer', { externalId: 'nobody' });
    assert.equal(missing.failures[0].property, 'externalId');
    const neither = await invoke('webex-wholesale:index:getWholesaleCustomer', {});
    assert.match(neither.failures[0].reason, /exactly one of id and externalId/);

    const all = await invoke('webex-wholesale:index:getWholesaleCustomers', { status: ['provisioned'] });
    assert.ok(all.value.customers.some((c) => c.id === id));
    assert.ok(all.value.customers.every((c) => c.status === 'provisioned'));
    const one = await invoke('webex-wholesale:index:getWholesaleCustomers', { externalId: 'lookup-1' });
    assert.deepEqual(one.value.customers.map((c) => c.id), [id]);

    const unknown = await invoke('webex-wholesale:index:getNothing', {}).then(() => assert.fail('answered'), (e) => e);
    assert.equal(unknown.code, h.grpc.status.INVALID_ARGUMENT);
  });

  test('destroy: Delete removes and waits until Webex answers 404', async () => {
    const { id, state, inputs } = await upNew('destroy-1', customer('destroy-1'));

    await destroy('destroy-1', id, state, inputs);

    assert.equal((await simulator.webex('GET', `wholesale/customers/${id}`)).status, 404);
    await destroy('destroy-1', id, state, inputs); // deleting a customer already gone succeeds
  });
});

describe('Cancel during a long create', () => {
  test('returns ErrorResourceInitFailed with the id, so the engine records the customer', async () => {
    const simulator = await h.startSimulator(['--provisioning-seconds', '600']);
    const engine = await h.startFakeEngine();
    const plugin = await h.startPlugin({ args: [engine.address] });
    try {
      await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: 'dev-token' });
      const request = new h.providerPb.CreateRequest();
      request.setUrn(urnOf('cancel-1'));
      request.setName('cancel-1');
      request.setType(TYPE);
      request.setProperties(h.toStruct(customer('cancel-1')));
      const pending = h.call(plugin.client, 'create', request).then(() => assert.fail('created'), (e) => e);
      while (!(await simulator.control('GET', 'customers')).body.length) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      await h.call(plugin.client, 'cancel', new h.Empty());
      const error = await pending;

      const status = h.statusDetails(error);
      const detail = status.getDetailsList().find((any) => any.getTypeName() === 'pulumirpc.ErrorResourceInitFailed');
      const failed = detail.unpack(h.providerPb.ErrorResourceInitFailed.deserializeBinary, 'pulumirpc.ErrorResourceInitFailed');
      const stored = (await simulator.control('GET', 'customers')).body;
      assert.equal(failed.getId(), stored[0].id);
      assert.match(failed.getReasonsList()[0], /cancelled/);
    } finally {
      await plugin.stop();
      await engine.stop();
      await simulator.stop();
    }
  });
});
