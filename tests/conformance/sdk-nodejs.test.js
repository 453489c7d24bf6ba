'use strict';
// The generated TypeScript SDK (sdk/nodejs, built by `make sdk_nodejs`) run by Pulumi's own Node.js runtime with its
// mocks: a small fleet read from a JSON file reaches the engine with the right tokens, inputs, secrets, version and
// download URL, and a function call is answered. Also: examples/typescript type-checks against the SDK, and the
// packed npm tarball installs offline and loads.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const sdkDir = path.join(root, 'sdk/nodejs');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema.json'), 'utf8'));
const fleet = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/sdk-fleet.json'), 'utf8'));
// The SDK and the test must share one @pulumi/pulumi: its runtime state (the mocks) is per module instance.
const fromSdk = (id) => require(require.resolve(id, { paths: [sdkDir] }));
const tsc = path.join(sdkDir, 'node_modules/.bin/tsc');
const SECRET = '4dabf18193072939515e22adb298388d';

/** Runs a program against Pulumi's mocks; returns what the engine would have been sent. */
async function runWithMocks(program) {
  const pulumi = fromSdk('@pulumi/pulumi');
  const { MockMonitor } = fromSdk('@pulumi/pulumi/runtime/mocks');
  const sent = { registrations: [], invokes: [] };
  // The mocks hand a program's inputs to newResource but not its options: the options are read off the requests.
  const register = MockMonitor.prototype.registerResource;
  MockMonitor.prototype.registerResource = function (req, callback) {
    sent.registrations.push({
      type: req.getType(), name: req.getName(), version: req.getVersion(), pluginDownloadURL: req.getPlugindownloadurl(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(), replaceOnChanges: req.getReplaceonchangesList(),
      customTimeouts: req.getCustomtimeouts()?.toObject(),
    });
    return register.call(this, req, callback);
  };
  const invoke = MockMonitor.prototype.invoke;
  MockMonitor.prototype.invoke = function (req, callback) {
    sent.invokes.push({ token: req.getTok(), version: req.getVersion(), pluginDownloadURL: req.getPlugindownloadurl() });
    return invoke.call(this, req, callback);
  };
  const resources = [];
  const calls = [];
  await pulumi.runtime.setMocks({
    newResource: (args) => {
      resources.push(args);
      return { id: `${args.name}-id`, state: { ...args.inputs, status: 'provisioned' } };
    },
    call: (args) => {
      calls.push(args);
      return { customers: [{ id: 'c-9', externalId: 'soylent', status: 'error', address: fleet.customers[0].address, packages: [] }] };
    },
  }, 'fleet', 'dev', false);
  const outputs = program(require(sdkDir), pulumi);
  const settled = await Promise.all(outputs.map((output) => new Promise((resolve) => output.apply(resolve))));
  return { pulumi, sent, resources, calls, settled };
}

test('the TypeScript SDK registers a fleet from a JSON file with the right tokens, inputs, secrets, version and download URL', async () => {
  process.env.WEBEX_BASE_URL = 'http://127.0.0.1:9/v1';
  let provider;
  const { sent, resources, calls, settled } = await runWithMocks((webex) => {
    provider = new webex.Provider('webex', { accessToken: 'canary-token', maxConcurrentRequests: 4 });
    const customers = fleet.customers.map((entry) => new webex.WholesaleCustomer(entry.externalId, {
      provisioningId: fleet.provisioningId,
      externalId: entry.externalId,
      address: entry.address,
      packages: entry.packages,
      provisioningParameters: entry.callingLocation && { calling: { location: { ...entry.callingLocation, address: entry.address } } },
    }, { provider, customTimeouts: { create: '45m' } }));
    const inTrouble = webex.getWholesaleCustomersOutput({ status: ['error', 'provisioned_with_errors'] }, { provider });
    return [...customers.map((customer) => customer.status), inTrouble.customers];
  });

  const customerType = 'webex-wholesale:index:WholesaleCustomer';
  assert.deepEqual(resources.map((r) => r.type), ['pulumi:providers:webex-wholesale', customerType, customerType, customerType]);
  const providerInputs = resources[0].inputs;
  const byName = new Map(resources.slice(1).map((r) => [r.name, r.inputs])); // registrations finish in any order
  assert.deepEqual(providerInputs.accessToken, { [SECRET]: '1b47061264138c4ac30d75fd1eb44270', value: 'canary-token' }, 'the token goes as a secret');
  assert.equal(providerInputs.baseUrl, 'http://127.0.0.1:9/v1', 'baseUrl falls back to WEBEX_BASE_URL');
  assert.equal(providerInputs.maxConcurrentRequests, '4', 'provider configuration travels as text');
  assert.equal(providerInputs.precheck, 'true', "the schema's default");
  for (const entry of fleet.customers) {
    const inputs = byName.get(entry.externalId);
    assert.equal(inputs.externalId, entry.externalId);
    assert.equal(inputs.provisioningId, 'template-1');
    assert.deepEqual(inputs.packages, entry.packages);
    assert.deepEqual(inputs.address, entry.address);
    assert.equal(inputs.provisioningParameters?.calling?.location?.name, entry.callingLocation?.name);
  }
  assert.deepEqual(settled.slice(0, 3), ['provisioned', 'provisioned', 'provisioned']);

  assert.ok(sent.registrations.every((r) => r.version === schema.version && r.pluginDownloadURL === schema.pluginDownloadURL),
    JSON.stringify(sent.registrations.map(({ version, pluginDownloadURL }) => ({ version, pluginDownloadURL }))));
  // As Pulumi's generators: the provider declares no outputs (so no secret outputs), and no replaceOnChanges is taken
  // from willReplaceOnChanges — the provider's Diff decides what replaces, the same in every language.
  assert.deepEqual(sent.registrations.find((r) => r.type.startsWith('pulumi:providers:')).additionalSecretOutputs, []);
  const customerRegistration = sent.registrations.find((r) => r.type === customerType);
  assert.deepEqual([...customerRegistration.replaceOnChanges], []);
  assert.equal(customerRegistration.customTimeouts.create, '45m');

  assert.deepEqual(calls.map((c) => c.token), ['webex-wholesale:index:getWholesaleCustomers']);
  assert.deepEqual(calls[0].inputs, { status: ['error', 'provisioned_with_errors'] });
  assert.deepEqual(sent.invokes.map(({ version, pluginDownloadURL }) => ({ version, pluginDownloadURL })),
    [{ version: schema.version, pluginDownloadURL: schema.pluginDownloadURL }]);
  assert.deepEqual(settled[3].map((c) => c.externalId), ['soylent'], 'the function call is answered');
});

test('a missing required input is refused by the SDK before anything is registered', () => {
  const webex = require(sdkDir);
  assert.throws(() => new webex.WholesaleCustomer('bad', { externalId: 'x', packages: [], provisioningId: 'p' }),
    /Missing required property 'address'/);
});

const typeCheck = (project) => spawnSync(tsc, ['-p', project], { cwd: root, encoding: 'utf8' });

test('examples/typescript type-checks against the SDK with strict on; a wrong type in it would not', () => {
  const example = typeCheck(path.join(root, 'examples/typescript'));
  assert.equal(example.status, 0, example.stdout + example.stderr);

  const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-ts-'));
  try {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'examples/typescript/tsconfig.json'), 'utf8'));
    const relative = (p) => path.relative(broken, path.join(root, 'examples/typescript', p));
    config.compilerOptions.baseUrl = relative('.');
    config.compilerOptions.typeRoots = config.compilerOptions.typeRoots.map(relative);
    config.files = ['index.ts'];
    fs.writeFileSync(path.join(broken, 'tsconfig.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(broken, 'index.ts'), 'import * as webex from "@pulumi-webex-wholesale/webex-wholesale";\n' +
      'new webex.WholesaleCustomer("x", { externalId: "x", packages: "webex_meetings", address: { city: "Austin", country: "US", addressLine1: "1" } });\n');
    const result = typeCheck(broken);
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /index\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'Input<Input<string>\[\]>'/);
  } finally {
    fs.rmSync(broken, { recursive: true, force: true });
  }
});

test('the packed npm package installs into an empty folder (from the cache where it can) and loads', { timeout: 180_000 }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-npm-'));
  try {
    const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: sdkDir, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = path.join(folder, pack.stdout.trim().split('\n').pop());
    const entries = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    assert.ok(entries.includes('package/LICENSE'), `the package carries the licence: ${entries.filter((e) => !e.includes('/bin/')).join(', ')}`);
    assert.equal(fs.readFileSync(path.join(sdkDir, 'LICENSE'), 'utf8'), fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'));
    const project = path.join(folder, 'program');
    fs.mkdirSync(project);
    // npm prefers the versions it has cached (those the SDK's own install took; its cache may lack the registry's
    // metadata, so it is not forced offline). Its build tools are
    // dependencies of @pulumi/pulumi too (with open ranges), so the program pins them as the SDK's lock file has them.
    const locked = JSON.parse(fs.readFileSync(path.join(sdkDir, 'package-lock.json'), 'utf8')).packages;
    const pins = Object.fromEntries(['@types/node', 'typescript'].map((name) => [name, locked[`node_modules/${name}`].version]));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'program', private: true, dependencies: pins }));
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const name = JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8')).name;
    const load = spawnSync(process.execPath, ['-e', `const w = require(${JSON.stringify(name)}); console.log(typeof w.WholesaleCustomer, typeof w.getWholesaleCustomerOutput)`],
      { cwd: project, encoding: 'utf8' });
    assert.equal(load.status, 0, load.stderr);
    assert.equal(load.stdout.trim(), 'function function');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
