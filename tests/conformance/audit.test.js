// webex-wholesale-export audit (issue 30): what no stack declares, found from `pulumi stack export` files and Webex.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');
const { run, importAndPreview, seedEstate } = require('./estate-helpers');

const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const SUBSCRIBER = 'webex-wholesale:index:WholesaleSubscriber';
// A secret as `pulumi stack export` writes it: the audit must never decode or print its ciphertext.
const CIPHERTEXT = 'v1:AUDIT-MUST-NEVER-SHOW-THIS-CIPHERTEXT';

/** Pulumi's deployment format, version 3, as `pulumi stack export` writes it for stack `stack` of project `estate`. */
function stackExport(stack, resources) {
  const stackUrn = `urn:pulumi:${stack}::estate::pulumi:pulumi:Stack::estate-${stack}`;
  const providerUrn = `urn:pulumi:${stack}::estate::pulumi:providers:webex-wholesale::default`;
  const secretToken = { [h.SIG]: h.SECRET_SIG, ciphertext: CIPHERTEXT };
  return {
    version: 3,
    deployment: {
      manifest: { time: '2026-12-07T10:00:00Z', magic: '', version: 'v3.230.0' },
      secrets_providers: { type: 'passphrase', state: { salt: 'v1:c2FsdA==:v1:bm9uY2U=:c2VjcmV0' } },
      resources: [
        { urn: stackUrn, custom: false, type: 'pulumi:pulumi:Stack', outputs: { token: secretToken } },
        { urn: providerUrn, custom: true, id: 'provider-1', type: 'pulumi:providers:webex-wholesale', parent: stackUrn,
          inputs: { accessToken: secretToken, version: '0.1.0' }, outputs: { accessToken: secretToken, version: '0.1.0' } },
        ...resources.map((r) => ({
          urn: `urn:pulumi:${stack}::estate::${r.type}::${r.name}`, custom: true, id: r.id, type: r.type, parent: stackUrn,
          provider: `${providerUrn}::provider-1`, inputs: r.inputs, outputs: r.properties,
        })),
      ],
    },
  };
}

let sim;
let plugin;
let folder;
const states = new Map(); // name → { type, name, id, inputs, properties }, as the plugin read them
const number = (externalId) => Number(externalId.split('-').pop());

before(async () => {
  sim = await h.startSimulator(['--provisioning-seconds', '0']);
  plugin = await h.startPlugin();
  await h.configure(plugin.client, { baseUrl: sim.baseUrl, accessToken: h.secret('dev-token') });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-audit-'));
  // 31 customers × 5 subscribers; every state is what the plugin's Read (an import) produced.
  await seedEstate(sim, 'aud', 31, 5);
  const customers = (await sim.control('GET', 'customers')).body;
  const externalIdOf = new Map(customers.map((c) => [c.id, c.externalId]));
  const subscribers = (await sim.control('GET', 'subscribers')).body;
  const read = async (type, name, id) => {
    const got = await h.engineCalls(() => plugin.client, type).read(name, id);
    states.set(name, { type, name, id, inputs: got.inputs, properties: got.properties, customer: number(name.split('-user')[0]) });
  };
  await Promise.all([
    ...customers.map((c) => read(CUSTOMER, c.externalId, c.id)),
    ...subscribers.map((s) => read(SUBSCRIBER, `${externalIdOf.get(s.customerId)}-${s.email.split('@')[0]}`, s.id)),
  ]);
  // Customer 31 is removed in Partner Hub after its stack recorded it: gone.
  const gone = states.get('aud-31');
  for (const s of subscribers.filter((x) => x.customerId === gone.id)) assert.equal((await sim.webex('DELETE', `wholesale/subscribers/${s.id}`)).status, 204);
  assert.equal((await sim.webex('DELETE', `wholesale/customers/${gone.id}`)).status, 202);
});
after(async () => {
  await plugin?.stop();
  await sim?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Stack A: customers 1–13; stack B: customers 13–25 and 31 (13 twice, 31 gone); user0 of customers 1–15 in neither: 110 subscribers declared. */
function writeShards() {
  const all = [...states.values()];
  const declaredSubscriber = (s) => !(s.name.endsWith('-user0') && s.customer <= 15);
  const a = all.filter((r) => r.customer <= 13 && (r.type === CUSTOMER || declaredSubscriber(r)));
  const b = all.filter((r) => (r.customer >= 14 && r.customer <= 25 && (r.type === CUSTOMER || declaredSubscriber(r))) || (r.type === CUSTOMER && r.customer === 13)
    || (r.type === CUSTOMER && r.customer === 31));
  assert.equal(new Set([...a, ...b].filter((r) => r.type === SUBSCRIBER).map((r) => r.id)).size, 110);
  assert.equal(new Set([...a, ...b].filter((r) => r.type === CUSTOMER && r.customer <= 25).map((r) => r.id)).size, 25);
  const files = { a: path.join(folder, 'shard-a.json'), b: path.join(folder, 'shard-b.json') };
  fs.writeFileSync(files.a, JSON.stringify(stackExport('shard-a', a), null, 2));
  fs.writeFileSync(files.b, JSON.stringify(stackExport('shard-b', b), null, 2));
  return files;
}

/** The findings, as sets that do not depend on order or on where subscribers came from. */
function findings(report) {
  return {
    unmanagedCustomers: report.unmanagedCustomers.map((c) => `${c.externalId} [${c.packages}] ${c.subscribers.length}`).sort(),
    unmanagedCustomersSubscribers: report.unmanagedCustomers.flatMap((c) => c.subscribers.map((s) => `${s.email} [${s.packages}]`)).sort(),
    unmanagedSubscribers: report.unmanagedSubscribers.map((s) => `${s.email} [${s.packages}] ${s.customerDeclaredIn}`).sort(),
    managedTwice: report.managedTwice.map((e) => `${e.kind} ${e.label} ${e.declaredIn.join(' + ')}`),
    gone: report.gone.map((e) => `${e.kind} ${e.label} ${e.stack} [${e.packages}]`),
  };
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const expected = {
  unmanagedCustomers: range(26, 30).map((n) => `aud-${n} [webex_meetings] 5`).sort(),
  unmanagedCustomersSubscribers: range(26, 30).flatMap((n) => range(0, 4).map((s) => `user${s}@aud-${n}.example.test [webex_meetings]`)).sort(),
  unmanagedSubscribers: range(1, 15).map((n) => `user0@aud-${n}.example.test [webex_meetings] estate/${n <= 13 ? 'shard-a' : 'shard-b'} (aud-${n})`).sort(),
  managedTwice: ['customer aud-13 estate/shard-a (aud-13) + estate/shard-b (aud-13)'],
  gone: ['customer aud-31 estate/shard-b [webex_meetings]'],
};

test('audit of 30 customers × 5 subscribers against two stack exports: exactly the 5 unmanaged customers (25 subscribers), 15 unmanaged subscribers, one managed twice, one gone; its import file adopts them with no change', { timeout: 240_000 }, async () => {
  const shards = writeShards();
  const importFile = path.join(folder, 'adopt.json');
  const fleetFile = path.join(folder, 'adopt.yaml');
  const summary = path.join(folder, 'summary.md');
  fs.writeFileSync(summary, '# Drift\n\n');
  const audited = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', shards.a, '--stack-export', shards.b, '--format', 'json',
    '--import-file', importFile, '--fleet-file', fleetFile, '--summary-file', summary], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(audited.code, 3, `found something: exit 3 (${audited.stderr})`);
  const report = JSON.parse(audited.stdout);
  assert.deepEqual(findings(report), expected);
  assert.equal(report.customersInWebex, 30);
  assert.equal(report.subscribersInWebex, 150);
  assert.deepEqual(report.stacks, ['estate/shard-a', 'estate/shard-b']);

  const markdown = fs.readFileSync(summary, 'utf8');
  assert.ok(markdown.startsWith('# Drift\n\n## What no stack declares'), 'the summary is appended to, never replaced');
  assert.match(markdown, /\| Unmanaged customers \(with 25 subscribers\) \| 5 \|/);
  assert.match(markdown, /### Gone from Webex \(1\)/);
  for (const text of [audited.stdout, audited.stderr, markdown, fs.readFileSync(importFile, 'utf8'), fs.readFileSync(fleetFile, 'utf8')]) {
    assert.ok(!text.includes(CIPHERTEXT) && !text.includes('dev-token'), 'no secret from a stack export, and no token, is shown');
  }

  // The import file adopts the 5 customers, their 25 subscribers and the 15 others, under names no stack uses.
  const resources = JSON.parse(fs.readFileSync(importFile, 'utf8')).resources;
  assert.equal(resources.filter((r) => r.type === CUSTOMER).length, 5);
  assert.equal(resources.filter((r) => r.type === SUBSCRIBER).length, 40);
  const declaredNames = new Set([shards.a, shards.b].flatMap((file) => JSON.parse(fs.readFileSync(file, 'utf8')).deployment.resources.map((r) => r.urn.split('::').pop())));
  assert.deepEqual(resources.filter((r) => declaredNames.has(r.name)), [], 'no adopted resource takes a name a stack uses');
  assert.deepEqual(await importAndPreview(plugin, resources), [], 'the preview after the import shows no change');
  const fragment = fs.readFileSync(fleetFile, 'utf8');
  assert.equal((fragment.match(/^ {2}- externalId: /gm) || []).length, 5, 'the fleet fragment declares the 5 unmanaged customers');
  assert.equal((fragment.match(/^# {5}- \{email: /gm) || []).length, 15, 'and lists the 15 subscribers of declared customers to move under them');

  // A table for people; the same findings from a point-in-time USER billing report instead of the subscriber list.
  const table = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', shards.a, '--stack-export', shards.b], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(table.code, 3);
  assert.match(table.stdout, /UNMANAGED CUSTOMERS \(5\): in Webex, in no stack/);
  assert.match(table.stdout, /GONE \(1\): in a stack, no longer in Webex\n {2}customer aud-31 /);
  const fromReport = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', shards.a, '--stack-export', shards.b, '--format', 'json',
    '--subscribers-from-report'], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(fromReport.code, 3, fromReport.stderr);
  const reported = JSON.parse(fromReport.stdout);
  assert.equal(reported.subscribersFrom, 'report');
  assert.deepEqual(findings(reported), expected);
  assert.deepEqual((await sim.webex('GET', 'wholesale/billing/reports')).body.items, [], 'the report the audit asked for is deleted once read');
});

test('an audit that finds nothing exits 0; a stack export it cannot read is one clear line, exit 1; usage errors exit 2', async () => {
  const every = [...states.values()].filter((r) => r.customer !== 31);
  const whole = path.join(folder, 'whole.json');
  fs.writeFileSync(whole, JSON.stringify(stackExport('whole', every)));
  const clean = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', whole], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /Nothing found: every customer and subscriber in Webex is declared by exactly one stack/);

  const notExport = path.join(folder, 'not-an-export.json');
  fs.writeFileSync(notExport, JSON.stringify({ version: 2, checkpoint: {} }));
  const bad = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', notExport], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not-an-export\.json is not a stack export: it has no "deployment" object/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);

  const missing = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', path.join(folder, 'nope.json')], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--stack-export .*nope\.json: no such file/);
  const none = await run(['audit', '--base-url', sim.baseUrl], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(none.code, 2);
  const refused = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', whole], { WEBEX_ACCESS_TOKEN: 'not-the-token' });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /Webex refused the access token \(HTTP 401\)/);
  assert.equal(refused.stderr.trim().split('\n').length, 1);
  assert.ok(!refused.stderr.includes('not-the-token'));
  const help = await run(['audit', '--help']);
  assert.equal(help.code, 0);
  for (const option of ['--stack-export', '--sub-partner', '--subscribers-from-report', '--format', '--summary-file', '--import-file', '--fleet-file', '--force']) {
    assert.ok(help.stdout.includes(option), `audit --help lists ${option}`);
  }

  // A file that exists is kept (an export's, the user's own), and nothing is written, unless --force.
  const precious = path.join(folder, 'precious.json');
  fs.writeFileSync(precious, '{"mine": true}');
  const kept = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', whole, '--import-file', precious], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(kept.code, 1);
  assert.match(kept.stderr, /kept .*precious\.json as it is: it exists; nothing was written/);
  assert.equal(fs.readFileSync(precious, 'utf8'), '{"mine": true}');
  const forced = await run(['audit', '--base-url', sim.baseUrl, '--stack-export', whole, '--import-file', precious, '--force'], { WEBEX_ACCESS_TOKEN: 'dev-token' });
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(JSON.parse(fs.readFileSync(precious, 'utf8')).resources, [], 'nothing to adopt');
});
