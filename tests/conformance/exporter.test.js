// webex-wholesale-export as a partner runs it: the NativeAOT executable against the simulator.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const yaml = require('js-yaml');
const h = require('./harness');
const programs = require('./typescript-programs');

const { run, importAndPreview, previewAgainst, seedEstate } = require('./estate-helpers');

let simulator;
let folder;
before(async () => {
  simulator = await h.startSimulator(['--provisioning-seconds', '0']);
  for (let i = 1; i <= 120; i++) {
    await simulator.webex('POST', 'wholesale/customers', {
      provisioningId: 't', externalId: `adopt-${i}`, packages: ['webex_meetings'],
      address: { addressLine1: `${i} Main St`, city: 'Springfield', country: 'US' },
      customerInfo: { name: `Customer ${i}`, primaryEmail: `admin${i}@example.test` },
    });
  }
  const customers = (await simulator.webex('GET', 'wholesale/customers?externalId=adopt-1')).body.items;
  for (const email of ['ann@adopt-1.example.test', 'ben@adopt-1.example.test']) {
    const made = await simulator.webex('POST', 'wholesale/subscribers', { customerId: customers[0].id, email, packages: ['webex_meetings'], provisioningParameters: {} });
    assert.equal(made.status, 200);
  }
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-export-'));
});
after(async () => {
  await simulator.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('exports every customer across pages, with progress on stderr and the token from the environment', async () => {
  const importFile = path.join(folder, 'import.json');
  const fleetFile = path.join(folder, 'customers.yaml');
  const result = await run(['--base-url', simulator.baseUrl, '--import-file', importFile, '--fleet-file', fleetFile],
    { WEBEX_ACCESS_TOKEN: 'dev-token' });

  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /listed 120 customers/);
  assert.match(result.stderr, /listed 2 subscribers/);
  const resources = JSON.parse(fs.readFileSync(importFile, 'utf8')).resources;
  assert.equal(resources.length, 122);
  assert.deepEqual(Object.keys(resources[0]).sort(), ['id', 'name', 'type', 'version']);
  assert.equal(resources[0].type, 'webex-wholesale:index:WholesaleCustomer');
  // Each subscriber follows its customer, named after it and the e-mail's local part.
  const at = resources.findIndex((r) => r.name === 'adopt-1');
  assert.deepEqual(resources.slice(at + 1, at + 3).map((r) => [r.type, r.name]),
    [['webex-wholesale:index:WholesaleSubscriber', 'adopt-1-ann'], ['webex-wholesale:index:WholesaleSubscriber', 'adopt-1-ben']]);
  const fleet = fs.readFileSync(fleetFile, 'utf8');
  assert.match(fleet, /externalId: "adopt-1"\n/);
  assert.match(fleet, /subscribers:\n {6}- \{email: "ann@adopt-1\.example\.test", packages: \["webex_meetings"\], webexId: "[^"]+"\}/);
});

test('a bad token is one clear line, exit 1, nothing written, no token echoed', async () => {
  const importFile = path.join(folder, 'bad-import.json');
  const result = await run(['--base-url', simulator.baseUrl, '--import-file', importFile, '--fleet-file', path.join(folder, 'bad.yaml')],
    { WEBEX_ACCESS_TOKEN: 'canary-0f5e2d' });

  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^webex-wholesale-export: Webex refused the access token \(HTTP 401\)/);
  assert.doesNotMatch(result.stderr + result.stdout, /canary-0f5e2d/);
  assert.equal(fs.existsSync(importFile), false);
});

test('an unknown option is a usage error, exit 2', async () => {
  const result = await run(['--frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--frobnicate/);
});

// The adoption round trip at the size: 50 customers × 20 subscribers exist in Partner Hub; the export's import
// file is what `pulumi import --file` reads (Read by id alone, with no state), and the program it generates from those
// inputs, previewed (Check, then Diff against the imported state), shows no change. The fleet file lists the same
// subscribers under the same customers.
test('round trip, 50 customers × 20 subscribers: export, import every resource by id, preview shows no change', { timeout: 240_000 }, async (t) => {
  const fleet = await h.startSimulator(['--provisioning-seconds', '0']);
  const plugin = await h.startPlugin();
  try {
    await seedEstate(fleet, 'trip', 50, 20, (s) => ({
      packages: [s % 3 === 0 ? 'webex_calling' : 'webex_meetings'],
      provisioningParameters: { firstName: 'User', lastName: `${s}`, extension: `${1000 + s}` },
    }));
    const importFile = path.join(folder, 'trip-import.json');
    const fleetFile = path.join(folder, 'trip-customers.yaml');
    const exported = await run(['--base-url', fleet.baseUrl, '--import-file', importFile, '--fleet-file', fleetFile], { WEBEX_ACCESS_TOKEN: 'dev-token' });
    assert.equal(exported.code, 0, exported.stderr);

    const resources = JSON.parse(fs.readFileSync(importFile, 'utf8')).resources;
    const byType = (type) => resources.filter((r) => r.type === `webex-wholesale:index:${type}`);
    assert.equal(byType('WholesaleCustomer').length, 50);
    assert.equal(byType('WholesaleSubscriber').length, 1000);
    const fleetText = fs.readFileSync(fleetFile, 'utf8');
    assert.equal((fleetText.match(/^ {6}- \{email: /gm) || []).length, 1000, 'the fleet file lists every subscriber under its customer');

    await h.configure(plugin.client, { baseUrl: fleet.baseUrl, accessToken: h.secret('dev-token') });
    await fleet.control('DELETE', 'requests');
    assert.deepEqual(await importAndPreview(plugin, resources), [], 'the preview after the import shows no change');
    const requests = (await fleet.control('GET', 'requests')).body;
    t.diagnostic(`1,050 imports and previews: ${requests.length} Webex requests`);
    assert.ok(requests.length < 1050 / 4, `the 1,050 imports are answered mostly from shared lists (${requests.length} requests)`);
  } finally {
    await plugin.stop();
    await fleet.stop();
  }
});

// Sharding (issue 29): the estate split into 4 stacks. Every resource is in exactly one shard, a subscriber with its
// customer; each shard, imported by id into a plugin of its own (its own stack) and previewed, shows no change; a
// second export gives byte-identical shards.
test('shards, 200 customers × 10 subscribers in 4 shards: one shard each, each deployed by examples/estate with no change after its import, a re-export identical, a customer moved between shards', { timeout: 300_000 }, async () => {
  const estate = await h.startSimulator(['--provisioning-seconds', '0']);
  try {
    await seedEstate(estate, 'shard', 200, 10);
    const exportTo = async (dir) => {
      fs.mkdirSync(dir, { recursive: true });
      const result = await run(['--base-url', estate.baseUrl, '--shards', '4', '--import-file', path.join(dir, 'import.json'),
        '--fleet-file', path.join(dir, 'customers.yaml')], { WEBEX_ACCESS_TOKEN: 'dev-token' });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^wrote 200 customers and 2000 subscribers to 4 shards/);
      return [1, 2, 3, 4].map((k) => ({ import: path.join(dir, `import-${k}.json`), fleet: path.join(dir, `customers-${k}.yaml`) }));
    };
    const shards = await exportTo(path.join(folder, 'shards-a'));
    const again = await exportTo(path.join(folder, 'shards-b'));
    shards.forEach((shard, k) => {
      assert.equal(fs.readFileSync(again[k].import, 'utf8'), fs.readFileSync(shard.import, 'utf8'), `shard ${k + 1}'s import file, exported again`);
      assert.equal(fs.readFileSync(again[k].fleet, 'utf8'), fs.readFileSync(shard.fleet, 'utf8'), `shard ${k + 1}'s fleet file, exported again`);
    });

    const contents = shards.map((shard) => JSON.parse(fs.readFileSync(shard.import, 'utf8')).resources);
    const ids = contents.flat().map((r) => r.id);
    assert.equal(ids.length, 2200);
    assert.equal(new Set(ids).size, 2200, 'no resource in two shards');
    assert.ok(contents.every((resources) => resources.length > 300), `the shards are of a size: ${contents.map((r) => r.length).join(', ')}`);
    const subscribers = (await estate.control('GET', 'subscribers')).body;
    contents.forEach((resources) => {
      const customers = new Set(resources.filter((r) => r.type.endsWith('WholesaleCustomer')).map((r) => r.id));
      for (const subscriber of resources.filter((r) => r.type.endsWith('WholesaleSubscriber'))) {
        assert.ok(customers.has(subscribers.find((s) => s.id === subscriber.id).customerId), `${subscriber.name} is in its customer's shard`);
      }
    });

    // Each shard's stack runs examples/estate/typescript with its shard in config: it declares exactly the shard's
    // import file, and after the import its preview shows no change.
    const program = programs.programFiles(path.join(h.repoRoot, 'examples/estate/typescript'));
    const stateOf = new Map();
    for (const [k, resources] of contents.entries()) {
      const declared = await programs.declaredBy(program, { project: 'webex-wholesale-estate', stack: `shard-${k + 1}`, config: { shard: k + 1, fleetFolder: path.join(folder, 'shards-a') } });
      const byName = (a, b) => a.name.localeCompare(b.name);
      assert.deepEqual(declared.map(({ type, name, importId }) => ({ type, name, id: importId })).sort(byName),
        resources.map(({ type, name, id }) => ({ type, name, id })).sort(byName), `shard ${k + 1}: the program declares its import file's resources`);
      const plugin = await h.startPlugin(); // a stack of its own
      try {
        await h.configure(plugin.client, { baseUrl: estate.baseUrl, accessToken: h.secret('dev-token') });
        assert.deepEqual(await importAndPreview(plugin, resources, declared, stateOf), [], `shard ${k + 1}: the preview after the import shows no change`);
      } finally {
        await plugin.stop();
      }
    }

    // Moving a customer and its subscribers to another shard (examples/estate/README.md): its entry is cut from one
    // fleet file and pasted into the other, and its state moves with `pulumi state move`. The source shard no longer
    // declares them; the destination declares them under the same names and ids, and its preview shows no change.
    const moved = fs.mkdtempSync(path.join(folder, 'moved-'));
    const fleets = [1, 2].map((k) => yaml.load(fs.readFileSync(shards[k - 1].fleet, 'utf8')));
    const [customer] = fleets[0].customers.splice(0, 1);
    fleets[1].customers.push(customer);
    fleets.forEach((fleet, i) => fs.writeFileSync(path.join(moved, `customers-${i + 1}.yaml`), yaml.dump(fleet)));
    const [source, destination] = await Promise.all([1, 2].map(async (shard) => programs.declaredBy(program,
      { project: 'webex-wholesale-estate', stack: `shard-${shard}`, config: { shard, fleetFolder: moved } })));
    const movedNames = new Set(contents[0].filter((r) => r.id === customer.webexId || (customer.subscribers ?? []).some((s) => s.webexId === r.id)).map((r) => r.name));
    assert.equal(movedNames.size, 1 + customer.subscribers.length);
    assert.deepEqual(source.filter((r) => movedNames.has(r.name)), [], 'the source shard no longer declares them');
    const arrived = destination.filter((r) => movedNames.has(r.name));
    assert.deepEqual(arrived.map((r) => r.name).sort(), [...movedNames].sort(), 'the destination declares them under the same names');
    const plugin = await h.startPlugin();
    try {
      await h.configure(plugin.client, { baseUrl: estate.baseUrl, accessToken: h.secret('dev-token') });
      assert.deepEqual(await previewAgainst(plugin, arrived, stateOf), [], 'the moved state previews with no change in its new shard');
    } finally {
      await plugin.stop();
    }
  } finally {
    await estate.stop();
  }
});
