// Starts the built plugin the way the Pulumi engine does and talks to it through the gRPC stubs that Pulumi ships in
// the npm package @pulumi/pulumi: wire compatibility is checked against code this project did not write.
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const grpc = require('@grpc/grpc-js');
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');
const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
const providerGrpc = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
const enginePb = require('@pulumi/pulumi/proto/engine_pb.js');
const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
const statusPb = require('@pulumi/pulumi/proto/status_pb.js');

const repoRoot = path.resolve(__dirname, '..', '..');
const pluginPath = process.env.PLUGIN_PATH || path.join(repoRoot, 'bin', 'pulumi-resource-webex-wholesale');
const simulatorPath = process.env.SIMULATOR_PATH || path.join(repoRoot, 'bin', 'webex-wholesale-simulator');

// Protocol facts: the signature key and the secret and unknown markers.
const SIG = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const secret = (value) => ({ [SIG]: SECRET_SIG, value });

/** A fake Engine service (from Pulumi's stubs) that records every Log call. */
async function startFakeEngine() {
  const logs = [];
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log(call, callback) {
      const request = call.request;
      logs.push({
        severity: request.getSeverity(),
        message: request.getMessage(),
        urn: request.getUrn(),
        ephemeral: request.getEphemeral(),
      });
      callback(null, new Empty());
    },
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort)));
  return {
    address: `127.0.0.1:${port}`,
    logs,
    stop: () => new Promise((resolve) => server.tryShutdown(resolve)),
  };
}

let homes = null;
let pluginsStarted = 0;

/** A folder for the PULUMI_HOME of each plugin this process starts, removed when it exits. */
function pulumiHomes() {
  if (homes === null) {
    homes = fs.mkdtempSync(path.join(os.tmpdir(), 'pulumi-homes-'));
    process.on('exit', () => fs.rmSync(homes, { recursive: true, force: true }));
  }
  return homes;
}

/**
 * Starts the plugin with the engine's argument convention and reads the port from the first stdout line.
 * Everything the plugin prints is kept, so tests can check that stdout holds nothing but the port.
 */
async function startPlugin({ args = [], cwd = repoRoot, env = {}, executable = pluginPath } = {}) {
  const started = process.hrtime.bigint();
  const child = spawn(executable, args, {
    cwd,
    // A PULUMI_HOME of its own, as on a machine of its own: plugins share a token's pace only where a test says so
    env: { ...process.env, WEBEX_ACCESS_TOKEN: '', WEBEX_BASE_URL: '', PULUMI_HOME: path.join(pulumiHomes(), String(++pluginsStarted)), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLines = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const lines = readline.createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`plugin printed no port within 10 s; stderr: ${stderr}`)), 10_000);
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length === 1) {
        clearTimeout(timer);
        resolve(Number(line));
      }
    });
    child.on('exit', (code) => reject(new Error(`plugin exited with ${code} before printing a port; stderr: ${stderr}`)));
  });
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(),
    { 'grpc.max_receive_message_length': 400 * 1024 * 1024 });
  return {
    child, port, client, stdoutLines, startupMs, exited,
    stderr: () => stderr,
    async stop() {
      client.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
      }
      return exited;
    },
  };
}

/**
 * Starts the Webex simulator as a process and reads its base URL from the first stdout line. `control` calls its
 * /_simulator API; `webex` calls its /v1 API with the write token, as an administrator would outside Pulumi.
 */
async function startSimulator(args = []) {
  const child = spawn(simulatorPath, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout });
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator printed no URL; stderr: ${stderr}`)), 30_000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(line.trim()); });
  });
  const origin = new URL(baseUrl).origin;
  const request = async (url, method, body, headers = {}) => {
    const response = await fetch(url, {
      method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    baseUrl,
    control: (method, route, body) => request(`${origin}/_simulator/${route}`, method, body),
    webex: (method, route, body) => request(`${baseUrl}/${route}`, method, body, { authorization: 'Bearer dev-token' }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Calls a unary RPC and resolves with its response, or rejects with the gRPC error. */
function call(client, method, request) {
  return new Promise((resolve, reject) => client[method](request, (error, response) => (error ? reject(error) : resolve(response))));
}

/** The google.rpc.Status carried in the grpc-status-details-bin trailer of an error, or null. */
function statusDetails(error) {
  const raw = error.metadata && error.metadata.get('grpc-status-details-bin');
  if (!raw || raw.length === 0) return null;
  return statusPb.Status.deserializeBinary(new Uint8Array(raw[0]));
}

const toStruct = (object) => Struct.fromJavaScript(object);
const fromStruct = (struct) => (struct ? struct.toJavaScript() : undefined);

async function handshake(client, engineAddress) {
  const request = new providerPb.ProviderHandshakeRequest();
  request.setEngineAddress(engineAddress);
  request.setConfigureWithUrn(true);
  request.setSupportsViews(true);
  request.setInvokeWithPreview(true);
  return call(client, 'handshake', request);
}

async function configure(client, args) {
  const request = new providerPb.ConfigureRequest();
  request.setArgs(toStruct(args));
  request.setAcceptsecrets(true);
  request.setAcceptresources(true);
  request.setSendsOldInputs(true);
  request.setSendsOldInputsToDelete(true);
  request.setUrn('urn:pulumi:dev::fleet::pulumi:providers:webex-wholesale::default');
  request.setType('pulumi:providers:webex-wholesale');
  request.setName('default');
  return call(client, 'configure', request);
}

/** A plugin handshaken with a fake engine and configured with a token for a simulator: what most suites start from. */
async function startConfiguredPlugin({ simulatorArgs = ['--provisioning-seconds', '0'], token = 'dev-token' } = {}) {
  const simulator = await startSimulator(simulatorArgs);
  const engine = await startFakeEngine();
  const plugin = await startPlugin({ args: [engine.address] });
  await handshake(plugin.client, engine.address);
  await configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: secret(token) });
  return {
    simulator, engine, plugin,
    async stop() {
      await plugin.stop();
      await engine.stop();
      await simulator.stop();
    },
  };
}

/** Fails unless the plugin still answers on this connection (after a call meant to upset it). */
async function assertStillAnswers(client) {
  const info = await call(client, 'getPluginInfo', new Empty());
  assert.match(info.getVersion(), /^\d+\.\d+\.\d+/);
}

/** A resource call as the engine sends it: its urn, name and type, plus any fields (`{ Id: ..., News: ... }`). */
function resourceRequest(Type, { urn, name, type }, fields = {}) {
  const message = new providerPb[Type]();
  message.setUrn(urn);
  message.setName(name);
  message.setType(type);
  for (const [key, value] of Object.entries(fields)) message[`set${key}`](value);
  return message;
}

/**
 * The resource calls the engine makes (Check, Diff, Create, Read, Update, Delete, Invoke) for resources of one type,
 * as plain objects in and out; `initFailure` unpacks the ErrorResourceInitFailed detail of a failed call, or null.
 */
function engineCalls(client, type) {
  const rpc = (method, request) => call(client(), method, request);
  const urnOf = (name) => `urn:pulumi:dev::fleet::${type}::${name}`;
  const about = (request, name, id) => {
    if (id !== undefined) request.setId(id);
    request.setUrn(urnOf(name));
    request.setName(name);
    request.setType(type);
    return request;
  };
  const failuresOf = (response) => response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
  return {
    urnOf,
    async check(name, olds, news) {
      const request = about(new providerPb.CheckRequest(), name);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      request.setRandomseed(Buffer.alloc(32));
      const response = await rpc('check', request);
      return { inputs: fromStruct(response.getInputs()), failures: failuresOf(response) };
    },
    async diff(name, id, olds, oldInputs, news, ignoreChanges = []) {
      const request = about(new providerPb.DiffRequest(), name, id);
      request.setOlds(toStruct(olds));
      request.setOldInputs(toStruct(oldInputs));
      request.setNews(toStruct(news));
      request.setIgnorechangesList(ignoreChanges);
      const response = await rpc('diff', request);
      const detailed = {};
      response.getDetaileddiffMap().forEach((value, key) => { detailed[key] = value.getKind(); });
      return {
        changes: response.getChanges(), replaces: response.getReplacesList(), diffs: response.getDiffsList(),
        deleteBeforeReplace: response.getDeletebeforereplace(), hasDetailedDiff: response.getHasdetaileddiff(), detailed,
      };
    },
    async create(name, properties, { preview = false, timeout = 0 } = {}) {
      const request = about(new providerPb.CreateRequest(), name);
      request.setProperties(toStruct(properties));
      request.setPreview(preview);
      request.setTimeout(timeout);
      const response = await rpc('create', request);
      return { id: response.getId(), properties: fromStruct(response.getProperties()) };
    },
    async read(name, id, properties, inputs) {
      const request = about(new providerPb.ReadRequest(), name, id);
      if (properties) request.setProperties(toStruct(properties));
      if (inputs) request.setInputs(toStruct(inputs));
      const response = await rpc('read', request);
      return { id: response.getId(), properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
    },
    async update(name, id, olds, oldInputs, news, { preview = false, timeout = 0 } = {}) {
      const request = about(new providerPb.UpdateRequest(), name, id);
      request.setOlds(toStruct(olds));
      request.setOldInputs(toStruct(oldInputs));
      request.setNews(toStruct(news));
      request.setPreview(preview);
      request.setTimeout(timeout);
      return fromStruct((await rpc('update', request)).getProperties());
    },
    async destroy(name, id, properties, oldInputs, { timeout = 0 } = {}) {
      const request = about(new providerPb.DeleteRequest(), name, id);
      request.setProperties(toStruct(properties));
      request.setOldInputs(toStruct(oldInputs));
      request.setTimeout(timeout);
      await rpc('delete', request);
    },
    async invoke(tok, args) {
      const request = new providerPb.InvokeRequest();
      request.setTok(tok);
      request.setArgs(toStruct(args));
      const response = await rpc('invoke', request);
      return { value: fromStruct(response.getReturn()), failures: failuresOf(response) };
    },
    initFailure(error) {
      const status = statusDetails(error);
      if (!status) return null;
      const detail = status.getDetailsList().find((any) => any.getTypeName() === 'pulumirpc.ErrorResourceInitFailed');
      if (!detail) return null;
      const failed = detail.unpack(providerPb.ErrorResourceInitFailed.deserializeBinary, 'pulumirpc.ErrorResourceInitFailed');
      return { id: failed.getId(), properties: fromStruct(failed.getProperties()), reasons: failed.getReasonsList() };
    },
  };
}

module.exports = {
  SIG, SECRET_SIG, UNKNOWN, secret,
  providerPb, providerGrpc, pluginPb, enginePb, statusPb, Empty, grpc,
  startFakeEngine, startPlugin, startSimulator, startConfiguredPlugin, call, statusDetails, toStruct, fromStruct, handshake, configure, resourceRequest, assertStillAnswers, engineCalls, pluginPath, repoRoot,
};
