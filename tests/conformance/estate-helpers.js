'use strict';

// What the exporter's tests and the audit's share: running the exporter, seeding an estate in the simulator, and what
// `pulumi import --file` and the preview after it ask of the plugin.

const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const path = require('node:path');
const h = require('./harness');

const exporterPath = process.env.EXPORTER_PATH || path.join(h.repoRoot, 'bin', 'webex-wholesale-export');

function run(args, env = {}) {
  return new Promise((resolve) => {
    execFile(exporterPath, args, { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

/**
 * What `pulumi import --file` and the preview after it do for each resource of an import file: Read by id alone (no
 * state), Check of the program's inputs, Diff against the imported state. The program is `declared` (resources with
 * the inputs a program sends), or else the one generated from the imported inputs. The resources that would change;
 * `stateOf` (name → imported state) keeps what was imported.
 */
async function importAndPreview(plugin, resources, declared = null, stateOf = new Map()) {
  await Promise.all(resources.map(async ({ type, name, id }) => {
    const imported = await h.engineCalls(() => plugin.client, type).read(name, id);
    assert.equal(imported.id, id, `${name} imported`);
    stateOf.set(name, { id, ...imported });
  }));
  return previewAgainst(plugin, declared ?? resources.map(({ type, name }) => ({ type, name, inputs: { ...stateOf.get(name).inputs } })), stateOf);
}

/** A preview of `declared` against the state in `stateOf` (name → id, properties, inputs): the resources that would change. */
async function previewAgainst(plugin, declared, stateOf) {
  const changed = [];
  await Promise.all(declared.map(async ({ type, name, inputs }) => {
    const calls = h.engineCalls(() => plugin.client, type);
    const { id, properties, inputs: oldInputs } = stateOf.get(name);
    const checked = await calls.check(name, oldInputs, inputs);
    assert.deepEqual(checked.failures, [], `${name}: the program checks`);
    const diff = await calls.diff(name, id, properties, oldInputs, checked.inputs);
    if (diff.changes !== h.providerPb.DiffResponse.DiffChanges.DIFF_NONE) changed.push(`${name}: ${diff.diffs.join(', ')}`);
  }));
  return changed;
}

/**
 * An estate in Partner Hub: `customers` customers named `<prefix>-N`, each with `subscribersEach` subscribers
 * (`subscriber(s)` gives each one's packages and provisioningParameters).
 */
async function seedEstate(sim, prefix, customers, subscribersEach, subscriber = () => ({ packages: ['webex_meetings'], provisioningParameters: {} })) {
  for (let c = 1; c <= customers; c++) {
    const made = await sim.webex('POST', 'wholesale/customers', {
      provisioningId: 't', externalId: `${prefix}-${c}`, packages: ['webex_meetings'],
      address: { addressLine1: `${c} Main St`, city: 'Springfield', country: 'US' },
      customerInfo: { name: `Customer ${c}`, primaryEmail: `admin${c}@${prefix}.example.test` },
    });
    const customerId = made.body.url.split('/').pop();
    await Promise.all(Array.from({ length: subscribersEach }, (_, s) => sim.webex('POST', 'wholesale/subscribers', {
      customerId, email: `user${s}@${prefix}-${c}.example.test`, ...subscriber(s),
    }).then((answer) => assert.equal(answer.status, 200))));
  }
}

module.exports = { exporterPath, run, importAndPreview, previewAgainst, seedEstate };
