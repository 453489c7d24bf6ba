// Provider-level RPCs through Pulumi's own stubs: the plugin's start-up contract, handshake, schema, configuration,
// cancellation and shutdown.
'use strict';

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

const PROVIDER_URN = 'urn:pulumi:dev::fleet::pulumi:providers:webex-wholesale::default';

describe('plugin start-up and provider RPCs', () => {
  let engine;
  let plugin;

  before(async () => {
    engine = await h.startFakeEngine();
    plugin = await h.startPlugin({ args: ['--logtostderr', '-v=9', '--logflow', '--tracing', 'http://127.0.0.1:1', engine.address] });
  });
  after(async () => {
    await plugin.stop();
    await engine.stop();
  });

  test('prints the port as the only stdout line', () => {
    assert.equal(plugin.stdoutLines.length, 1);
    assert.match(plugin.stdoutLines[0], /^\d{1,5}$/);
    assert.ok(plugin.port > 0 && plugin.port < 65536);
  });

  test('Handshake accepts secrets and resources, not output values', async () => {
    const response = await h.handshake(plugin.client, engine.address);
    assert.equal(response.getAcceptSecrets(), true);
    assert.equal(response.getAcceptResources(), true);
    assert.equal(response.getAcceptOutputs(), false);
  });

  test('GetPluginInfo answers the semantic version', async () => {
    const info = await h.call(plugin.client, 'getPluginInfo', new h.Empty());
    assert.match(info.getVersion(), /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  test('GetSchema serves schema.json byte for byte', async () => {
    const response = await h.call(plugin.client, 'getSchema', new h.providerPb.GetSchemaRequest());
    const onDisk = fs.readFileSync(path.join(h.repoRoot, 'schema.json'), 'utf8');
    assert.equal(response.getSchema(), onDisk);
    assert.equal(JSON.parse(response.getSchema()).name, 'webex-wholesale');
  });

  test('CheckConfig keeps the access token secret and applies no environment default', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({ accessToken: 'plain-token', baseUrl: 'http://127.0.0.1:9/v1' }));
    const response = await h.call(plugin.client, 'checkConfig', request);
    assert.deepEqual(response.getFailuresList(), []);
    assert.deepEqual(h.fromStruct(response.getInputs()), { accessToken: h.secret('plain-token'), baseUrl: 'http://127.0.0.1:9/v1' });
  });

  test('CheckConfig reads maxConcurrentRequests given as text, as stack config arrives', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({ accessToken: 't', maxConcurrentRequests: '4' }));
    const response = await h.call(plugin.client, 'checkConfig', request);
    assert.deepEqual(response.getFailuresList(), []);
    assert.equal(h.fromStruct(response.getInputs()).maxConcurrentRequests, 4);

    request.setNews(h.toStruct({ accessToken: 't', maxConcurrentRequests: 'lots' }));
    const failures = (await h.call(plugin.client, 'checkConfig', request)).getFailuresList();
    assert.equal(failures[0].getProperty(), 'maxConcurrentRequests');
    assert.match(failures[0].getReason(), /whole number/);
  });

  test('CheckConfig reports a bad base URL as a failure on that key', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({ baseUrl: 'webexapis.com' }));
    const response = await h.call(plugin.client, 'checkConfig', request);
    const failures = response.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    assert.equal(failures.length, 1);
    assert.equal(failures[0][0], 'baseUrl');
    assert.match(failures[0][1], /is not an absolute https URL/);
  });

  test('CheckConfig passes unknown values through during preview', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({ baseUrl: h.UNKNOWN, accessToken: h.secret(h.UNKNOWN) }));
    const response = await h.call(plugin.client, 'checkConfig', request);
    assert.deepEqual(response.getFailuresList(), []);
    assert.deepEqual(h.fromStruct(response.getInputs()), { baseUrl: h.UNKNOWN, accessToken: h.secret(h.UNKNOWN) });
  });

  test('CheckConfig warns about unknown keys through the engine log', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({ acessToken: 'typo' }));
    await h.call(plugin.client, 'checkConfig', request);
    const warning = engine.logs.find((log) => log.message.includes("'webex-wholesale:acessToken'"));
    assert.ok(warning, `no warning in ${JSON.stringify(engine.logs)}`);
    assert.equal(warning.severity, h.enginePb.LogSeverity.WARNING);
    assert.equal(warning.urn, PROVIDER_URN);
    assert.ok(!warning.message.includes('typo'), 'the value of an unknown key may be a secret and is not echoed');
  });

  test('DiffConfig reports a changed token as an in-place change, never a replacement', async () => {
    const request = new h.providerPb.DiffRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({ accessToken: h.secret('old'), baseUrl: 'https://webexapis.com/v1' }));
    request.setNews(h.toStruct({ accessToken: h.secret('new'), baseUrl: 'https://webexapis.com/v1' }));
    const response = await h.call(plugin.client, 'diffConfig', request);
    assert.equal(response.getChanges(), h.providerPb.DiffResponse.DiffChanges.DIFF_SOME);
    assert.equal(response.getHasdetaileddiff(), true);
    assert.deepEqual(response.getDiffsList(), ['accessToken']);
    assert.deepEqual(response.getReplacesList(), []);
    assert.equal(response.getDetaileddiffMap().get('accessToken').getKind(), h.providerPb.PropertyDiff.Kind.UPDATE);
  });

  test('DiffConfig sees no change when only secretness differs', async () => {
    const request = new h.providerPb.DiffRequest();
    request.setUrn(PROVIDER_URN);
    request.setOlds(h.toStruct({ accessToken: h.secret('same') }));
    request.setNews(h.toStruct({ accessToken: 'same' }));
    const response = await h.call(plugin.client, 'diffConfig', request);
    assert.equal(response.getChanges(), h.providerPb.DiffResponse.DiffChanges.DIFF_NONE);
    assert.equal(response.getHasdetaileddiff(), true);
  });

  test('Configure without a token fails with the missing-key detail naming webex-wholesale:accessToken', async () => {
    const error = await h.configure(plugin.client, { baseUrl: 'https://webexapis.com/v1', version: '0.1.0' }).then(
      () => assert.fail('Configure succeeded without a token'), (e) => e);
    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    const status = h.statusDetails(error);
    assert.ok(status, 'grpc-status-details-bin trailer present');
    const detail = status.getDetailsList()[0];
    assert.equal(detail.getTypeName(), 'pulumirpc.ConfigureErrorMissingKeys');
    const missing = detail.unpack(h.providerPb.ConfigureErrorMissingKeys.deserializeBinary, 'pulumirpc.ConfigureErrorMissingKeys');
    const keys = missing.getMissingkeysList().map((key) => key.getName());
    assert.deepEqual(keys, ['webex-wholesale:accessToken']);
    assert.match(missing.getMissingkeysList()[0].getDescription(), /pulumi config set --secret webex-wholesale:accessToken/);
  });

  test('Configure refuses a value CheckConfig would have refused, naming the key', async () => {
    const error = await h.configure(plugin.client, { accessToken: 't', maxConcurrentRequests: 0 }).then(
      () => assert.fail('configured'), (e) => e);
    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    assert.match(error.details, /webex-wholesale:maxConcurrentRequests must be from 1 to 64/);
  });

  test('Configure with a secret token answers the same flags as Handshake and supports preview', async () => {
    const response = await h.configure(plugin.client, { accessToken: h.secret('t0ken-value'), version: '0.1.0' });
    assert.equal(response.getAcceptsecrets(), true);
    assert.equal(response.getAcceptresources(), true);
    assert.equal(response.getAcceptoutputs(), false);
    assert.equal(response.getSupportspreview(), true);
  });

  test('GetMapping and GetMappings answer empty, not an error', async () => {
    const mapping = new h.providerPb.GetMappingRequest();
    mapping.setKey('terraform');
    const response = await h.call(plugin.client, 'getMapping', mapping);
    assert.equal(response.getProvider(), '');
    const mappings = new h.providerPb.GetMappingsRequest();
    mappings.setKey('terraform');
    assert.deepEqual((await h.call(plugin.client, 'getMappings', mappings)).getProvidersList(), []);
  });

  for (const [method, request] of [
    ['construct', () => new h.providerPb.ConstructRequest()],
    ['call', () => new h.providerPb.CallRequest()],
    ['parameterize', () => new h.providerPb.ParameterizeRequest()],
  ]) {
    test(`${method} answers UNIMPLEMENTED`, async () => {
      const error = await h.call(plugin.client, method, request()).then(() => assert.fail('answered'), (e) => e);
      assert.equal(error.code, h.grpc.status.UNIMPLEMENTED);
    });
  }

  test('a resource call for an unknown type token names the token', async () => {
    const request = new h.providerPb.CheckRequest();
    request.setUrn('urn:pulumi:dev::fleet::webex-wholesale:index:Nope::a');
    request.setType('webex-wholesale:index:Nope');
    request.setOlds(h.toStruct({}));
    request.setNews(h.toStruct({}));
    const error = await h.call(plugin.client, 'check', request).then(() => assert.fail('answered'), (e) => e);
    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    assert.match(error.details, /unknown resource type 'webex-wholesale:index:Nope'/);
  });

  test('the access token never reaches stdout, stderr or the engine log', () => {
    const everything = plugin.stdoutLines.join('\n') + plugin.stderr() + JSON.stringify(engine.logs);
    assert.ok(!everything.includes('t0ken-value'));
  });

  test('Cancel is acknowledged; stdout still holds only the port', async () => {
    await h.call(plugin.client, 'cancel', new h.Empty());
    assert.equal(plugin.stdoutLines.length, 1);
  });
});

describe('process lifecycle', () => {
  test('exits within 1 s of SIGINT', async () => {
    const plugin = await h.startPlugin({ args: ['127.0.0.1:1'] });
    await h.call(plugin.client, 'getPluginInfo', new h.Empty());
    const sent = Date.now();
    plugin.child.kill('SIGINT');
    const { code } = await plugin.exited;
    const elapsed = Date.now() - sent;
    plugin.client.close();
    assert.equal(code, 0);
    assert.ok(elapsed < 1000, `exit took ${elapsed} ms`);
  });

  test('exits within 1 s of SIGTERM', async () => {
    const plugin = await h.startPlugin({ args: ['127.0.0.1:1'] });
    const sent = Date.now();
    plugin.child.kill('SIGTERM');
    await plugin.exited;
    plugin.client.close();
    assert.ok(Date.now() - sent < 1000);
  });

  test('attach mode: started without arguments, takes the engine address from Attach', async () => {
    const engine = await h.startFakeEngine();
    const plugin = await h.startPlugin({ args: [] });
    try {
      const attach = new h.pluginPb.PluginAttach();
      attach.setAddress(engine.address);
      await h.call(plugin.client, 'attach', attach);
      const request = new h.providerPb.CheckRequest();
      request.setUrn(PROVIDER_URN);
      request.setOlds(h.toStruct({}));
      request.setNews(h.toStruct({ stray: 1 }));
      await h.call(plugin.client, 'checkConfig', request);
      assert.ok(engine.logs.some((log) => log.message.includes("'webex-wholesale:stray'")), 'log reached the attached engine');
    } finally {
      await plugin.stop();
      await engine.stop();
    }
  });

  test('--version prints the version and exits 0', () => {
    const { spawnSync } = require('node:child_process');
    const result = spawnSync(h.pluginPath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$/);
  });

  test('started by hand without an engine address: stderr says what it is and how the engine starts it; stdout keeps only the port', async () => {
    const plugin = await h.startPlugin({ args: [] });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.match(plugin.stderr(), /the Pulumi resource provider for Webex Wholesale/);
      assert.match(plugin.stderr(), /PULUMI_DEBUG_PROVIDERS=webex-wholesale:<port>/);
      assert.deepEqual(plugin.stdoutLines, [String(plugin.port)]);
    } finally {
      await plugin.stop();
    }
  });

  test('rejects a second positional argument with usage on stderr and nothing on stdout', async () => {
    const { spawnSync } = require('node:child_process');
    const result = spawnSync(h.pluginPath, ['127.0.0.1:1', 'extra'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /usage: pulumi-resource-webex-wholesale/);
  });

  test('starts in a project folder of 20,000 directories without scanning or watching it', async () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-wholesale-bigtree-'));
    try {
      for (let a = 0; a < 200; a++) {
        for (let b = 0; b < 100; b++) {
          fs.mkdirSync(path.join(tree, 'node_modules', `pkg${a}`, `dir${b}`), { recursive: true });
        }
      }
      const plugin = await h.startPlugin({ args: ['127.0.0.1:1'], cwd: tree });
      try {
        await h.call(plugin.client, 'getPluginInfo', new h.Empty());
        assert.equal(inotifyWatches(plugin.child.pid), 0, 'the plugin watches no files');
      } finally {
        await plugin.stop();
      }
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});

/** Number of inotify watches the process holds (each watched directory is one). */
function inotifyWatches(pid) {
  let watches = 0;
  for (const fd of fs.readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      watches += (fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm) || []).length;
    } catch {
      // the descriptor closed while we read
    }
  }
  return watches;
}
