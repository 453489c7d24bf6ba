// WholesaleBillingReport and its functions through the engine's calls (Pulumi's own stubs), against the simulator.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const REPORT = 'webex-wholesale:index:WholesaleBillingReport';
let fx;
let calls;

before(async () => {
  fx = await h.startConfiguredPlugin({ simulatorArgs: ['--provisioning-seconds', '1'] });
  calls = h.engineCalls(() => fx.plugin.client, REPORT);
  await fx.simulator.webex('POST', 'wholesale/customers', {
    provisioningId: 't', externalId: 'bill-1', packages: ['webex_meetings'],
    address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' }, customerInfo: { name: 'Billed', primaryEmail: 'a@bill.example.test' },
  });
});
after(async () => { await fx?.stop(); });

const isSecret = (value) => value !== null && typeof value === 'object' && value[h.SIG] === h.SECRET_SIG;
const messageOf = async (promise) => { try { await promise; } catch (error) { return error.details ?? error.message; } assert.fail('expected an error'); };

test('created, waited for, read, refreshed with a new link, deleted; the CSV is fetched without the token, and the link is secret', { timeout: 60_000 }, async () => {
  const checked = await calls.check('november', {}, { billingStartDate: '2026-11-01', billingEndDate: '2026-11-30' });
  assert.deepEqual(checked.failures, []);
  assert.equal(checked.inputs.type, 'PARTNER', "Webex's default type is made explicit, so a refresh shows no change");
  const inputs = { ...checked.inputs, type: 'CUSTOMER' };

  const created = await calls.create('november', inputs, { timeout: 60 });
  assert.match(created.id, /^[A-Za-z0-9_=-]+$/);
  assert.equal(created.properties.status, 'COMPLETED', 'the create waits until Webex has generated the report');
  assert.equal(created.properties.category, 'RECONCILIATION');
  assert.ok(isSecret(created.properties.tempDownloadUrl), 'the presigned link is secret in the state');
  const link = created.properties.tempDownloadUrl.value;
  assert.notEqual(new URL(link).origin, new URL(fx.simulator.baseUrl).origin, 'the CSV lives on another origin');
  const csv = await fetch(link);
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /^customerId,customerOrgId,externalCustomerId,package,subscribers,billingStartDate,billingEndDate\r\n.*bill-1,webex_meetings,0,2026-11-01,2026-11-30/s);
  assert.equal((await fetch(link, { headers: { authorization: 'Bearer dev-token' } })).status, 400, 'the content server refuses a token');

  const read = await calls.read('november', created.id, created.properties, inputs);
  assert.equal(read.properties.status, 'COMPLETED');
  assert.deepEqual(read.inputs, inputs);
  assert.equal((await calls.diff('november', created.id, read.properties, read.inputs, inputs)).changes, h.providerPb.DiffResponse.DiffChanges.DIFF_NONE);
  await fx.simulator.control('POST', 'clock/advance', { seconds: 900 });
  assert.equal((await fetch(link)).status, 403, 'the old link has expired');
  const refreshed = await calls.read('november', created.id, read.properties, read.inputs);
  assert.notEqual(refreshed.properties.tempDownloadUrl.value, link, 'a refresh gets a new link');
  assert.equal((await fetch(refreshed.properties.tempDownloadUrl.value)).status, 200);

  const replaced = await calls.diff('november', created.id, refreshed.properties, refreshed.inputs, { ...inputs, type: 'USER' });
  assert.deepEqual(replaced.replaces, ['type']);
  assert.equal(replaced.deleteBeforeReplace, true, 'Webex keeps one report per period and type: the old one goes first');

  await calls.destroy('november', created.id, refreshed.properties, refreshed.inputs);
  assert.equal((await calls.read('november', created.id, refreshed.properties, refreshed.inputs)).id, '', 'deleted: a refresh drops it');
});

test('a report Webex fails is a clear error with its reason, and nothing is left behind', { timeout: 60_000 }, async () => {
  await fx.simulator.control('POST', 'billing-reports/failures', { count: 1, description: 'No billing data for the period' });
  const message = await messageOf(calls.create('october', { billingStartDate: '2026-10-01', billingEndDate: '2026-10-31', type: 'PARTNER' }, { timeout: 60 }));
  assert.match(message, /Webex could not generate the PARTNER billing report for 2026-10-01\.\.2026-10-31: 2024 No billing data for the period\. The failed report was deleted/);
  assert.deepEqual((await fx.simulator.webex('GET', 'wholesale/billing/reports?billingStartDate=2026-10-01')).body.items, []);
});

test('a report that exists for the period and type is refused with both adoption commands', { timeout: 60_000 }, async () => {
  const made = await fx.simulator.webex('POST', 'wholesale/billing/reports', { billingStartDate: '2026-09-01', billingEndDate: '2026-09-30', type: 'USER' });
  assert.equal(made.status, 200);
  const message = await messageOf(calls.create('september', { billingStartDate: '2026-09-01', billingEndDate: '2026-09-30', type: 'USER' }, { timeout: 60 }));
  assert.match(message, /a USER billing report for 2026-09-01\.\.2026-09-30 already exists in Webex/);
  assert.match(message, new RegExp(`\\n {4}pulumi import ${REPORT} september ${made.body.id}\\n`));
  assert.match(message, new RegExp(`\\n {4}pulumi refresh --import-pending-creates '${calls.urnOf('september')}' ${made.body.id}\\n`));
});

test('a create whose answer is lost adopts the report it made: one report, no duplicate, no orphan', { timeout: 60_000 }, async () => {
  await fx.simulator.control('POST', 'faults', { count: 1, method: 'POST', pathPrefix: '/v1/wholesale/billing/reports', dropAfterProcessing: true });
  const created = await calls.create('july', { billingStartDate: '2026-07-01', billingEndDate: '2026-07-31', type: 'PARTNER' }, { timeout: 60 });
  assert.equal(created.properties.status, 'COMPLETED');
  const held = (await fx.simulator.webex('GET', 'wholesale/billing/reports?billingStartDate=2026-07-01')).body.items;
  assert.deepEqual(held.map((r) => r.id), [created.id], 'the one report Webex made is the one recorded');
});

test('an existing report is imported by id, and the program that declares it previews with no change', { timeout: 60_000 }, async () => {
  const made = await fx.simulator.webex('POST', 'wholesale/billing/reports', { billingStartDate: '2026-06-01', billingEndDate: '2026-06-30' });
  await fx.simulator.control('POST', 'clock/advance', { seconds: 5 });
  const imported = await calls.read('june', made.body.id);
  assert.equal(imported.id, made.body.id);
  assert.deepEqual(imported.inputs, { billingStartDate: '2026-06-01', billingEndDate: '2026-06-30', type: 'PARTNER' });
  const program = { billingStartDate: '2026-06-01', billingEndDate: '2026-06-30' }; // type left to its default, PARTNER
  const checked = await calls.check('june', imported.inputs, program);
  const diff = await calls.diff('june', made.body.id, imported.properties, imported.inputs, checked.inputs);
  assert.equal(diff.changes, h.providerPb.DiffResponse.DiffChanges.DIFF_NONE, diff.diffs.join(', '));
  const moved = await calls.diff('june', made.body.id, imported.properties, imported.inputs, { ...checked.inputs, billingEndDate: '2026-06-29' });
  assert.deepEqual(moved.replaces, ['billingEndDate']);
});

test('a timeout records the report as last seen; the next update waits on until it is COMPLETED', { timeout: 60_000 }, async () => {
  await fx.simulator.control('POST', 'settings', { provisioningSeconds: 3600 });
  try {
    const inputs = { billingStartDate: '2026-08-15', billingEndDate: '2026-08-15', type: 'USER' };
    const error = await calls.create('august', inputs, { timeout: 2 }).then(() => null, (e) => e);
    const failed = calls.initFailure(error);
    assert.ok(failed, `an init failure, not a lost report: ${error?.details}`);
    assert.equal(failed.properties.status, 'IN_PROGRESS');
    assert.match(failed.reasons[0], /timed out after .* it is kept in the stack as IN_PROGRESS/);
    await fx.simulator.control('POST', 'clock/advance', { seconds: 3600 });
    const updated = await calls.update('august', failed.id, failed.properties, inputs, inputs, { timeout: 30 });
    assert.equal(updated.status, 'COMPLETED');
    assert.equal(updated.category, 'POINT_IN_TIME', 'a one-day period is a point-in-time report');
  } finally {
    await fx.simulator.control('POST', 'settings', { provisioningSeconds: 1 });
  }
});

test('bad inputs name the property and the fix', async () => {
  const checked = await calls.check('bad', {}, { billingStartDate: '2026-13-01', billingEndDate: '2026-11-30', type: 'partner' });
  assert.deepEqual(checked.failures.map((f) => f.property).sort(), ['billingStartDate', 'type']);
  assert.match(checked.failures.find((f) => f.property === 'type').reason, /use PARTNER/);
  const reversed = await calls.check('bad', {}, { billingStartDate: '2026-11-30', billingEndDate: '2026-11-01' });
  assert.match(reversed.failures[0].reason, /2026-11-01 is before billingStartDate 2026-11-30/);
  const future = await messageOf(calls.create('future', { billingStartDate: '2026-12-01', billingEndDate: '2099-12-31', type: 'PARTNER' }, { timeout: 30 }));
  assert.match(future, /Webex refused the PARTNER billing report for 2026-12-01\.\.2099-12-31: .*billingEndDate must not be after today/);
});

test('getWholesaleBillingReports follows every page and filters; getWholesaleBillingReport reads one', { timeout: 60_000 }, async () => {
  const days = Array.from({ length: 130 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  for (const day of days) {
    assert.equal((await fx.simulator.webex('POST', 'wholesale/billing/reports', { billingStartDate: day, billingEndDate: day, type: 'CUSTOMER' })).status, 200);
  }
  const listed = await calls.invoke('webex-wholesale:index:getWholesaleBillingReports', { type: 'CUSTOMER' });
  assert.deepEqual(listed.failures, []);
  assert.deepEqual(listed.value.reports.map((r) => r.billingStartDate).filter((d) => d.startsWith('2025')).sort(), days, 'all 130, over two pages');
  const one = await calls.invoke('webex-wholesale:index:getWholesaleBillingReports', { billingStartDate: days[7], type: 'CUSTOMER' });
  assert.equal(one.value.reports.length, 1);
  assert.equal(one.value.reports[0].category, 'POINT_IN_TIME');
  await fx.simulator.control('POST', 'clock/advance', { seconds: 5 }); // generated: a COMPLETED report has its link
  const got = await calls.invoke('webex-wholesale:index:getWholesaleBillingReport', { id: one.value.reports[0].id });
  assert.equal(got.value.status, 'COMPLETED');
  assert.equal(got.value.id, one.value.reports[0].id);
  assert.ok(isSecret(got.value.tempDownloadUrl), 'the link is secret in the function\'s answer too');
  assert.match(got.value.tempDownloadUrl.value, /^http:\/\/127\.0\.0\.1:\d+\/.*\.csv\?Expires=/);
  const bad = await calls.invoke('webex-wholesale:index:getWholesaleBillingReports', { status: 'DONE', type: 'CUSTOMER' });
  assert.equal(bad.failures[0].property, 'status');
  const unknown = await calls.invoke('webex-wholesale:index:getWholesaleBillingReport', { id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JUL25vbmU' });
  assert.match(unknown.failures[0].reason, /no Webex Wholesale billing report has id/);
});
