// The fault soak: a fleet of customers, each with its subscribers, driven through create, update, refresh and delete
// the way the engine drives a provider (a customer before its subscribers, its subscribers before it on delete),
// against the simulator answering with random 503s, 429 bursts, writes processed but answered with a dropped
// connection, and jittered latency; plus SIGKILL trials in which a fresh plugin finishes the job as the engine would.
// After every phase the simulator's state is checked. A canary token is looked for in every byte the plugins write.
'use strict';

const crypto = require('node:crypto');
const h = require('../conformance/harness');

const CUSTOMER = 'webex-wholesale:index:WholesaleCustomer';
const SUBSCRIBER = 'webex-wholesale:index:WholesaleSubscriber';
const isSubscriber = (name) => name.includes('.sub-');
const typeOf = (name) => (isSubscriber(name) ? SUBSCRIBER : CUSTOMER);
const urnOf = (name) => `urn:pulumi:soak::fleet::${typeOf(name)}::${name}`;
const CALLING = ['webex_calling'];
const ADDRESS = { addressLine1: '1 Main St', city: 'Springfield', country: 'US' };

function customer(externalId, packages = ['webex_meetings']) {
  return {
    provisioningId: 'template-1', externalId, address: ADDRESS, packages,
    customerInfo: { name: `Customer ${externalId}`, primaryEmail: `${externalId}@example.test` },
  };
}

/** Subscriber `name` (`<customer>.sub-<k>`) of the customer with this id; moving to calling brings its extension. */
function subscriber(name, customerId, packages = ['webex_meetings']) {
  const calling = packages.includes('webex_calling');
  return {
    customerId, email: `${name}@soak.example.test`, packages,
    provisioningParameters: { firstName: 'Soak', lastName: name, ...(calling ? { extension: String(1000 + Number(name.split('-').pop())) } : {}) },
  };
}

/** Runs `work` over `items` with at most `limit` in flight, as the engine's --parallel does. */
async function inParallel(items, limit, work) {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) await work(queue.shift());
  }));
}

class Soak {
  constructor({ customers, subscribers = 0, killTrials, parallel, seed, log }) {
    Object.assign(this, { customers, subscribers, killTrials, parallel, seed, log: log || (() => {}) });
    this.canary = `canary-${crypto.randomBytes(12).toString('hex')}`;
    this.stack = new Map(); // name -> { id, state, inputs }: what the engine has recorded
    this.written = []; // every byte every plugin wrote, and every answer
    this.figures = { phases: {}, duplicates: 0, orphans: 0, unrecovered: 0, reruns: 0, tokenLeaks: 0, kills: {} };
  }

  async start() {
    this.simulator = await h.startSimulator(['--provisioning-seconds', '0.5', '--token', this.canary]);
    this.engine = await h.startFakeEngine();
    await this.chaos(true);
    this.plugin = await this.newPlugin();
  }

  async stop() {
    await this.plugin.stop();
    this.collect(this.plugin);
    await this.engine.stop();
    await this.simulator.stop();
  }

  async chaos(on) {
    await this.simulator.control('POST', 'settings', {
      chaos: on
        ? { unavailableRate: 0.05, dropAfterProcessingRate: 0.01, rateLimitBurstRate: 0.01, burstLength: 5, maxLatencyMs: 40, seed: this.seed }
        : { unavailableRate: 0, dropAfterProcessingRate: 0, rateLimitBurstRate: 0, maxLatencyMs: 0 },
    });
  }

  async newPlugin() {
    const plugin = await h.startPlugin({ args: [this.engine.address] });
    await h.configure(plugin.client, { baseUrl: this.simulator.baseUrl, accessToken: h.secret(this.canary), precheck: 'false' });
    return plugin;
  }

  collect(plugin) {
    this.written.push(plugin.stdoutLines.join('\n'), plugin.stderr());
  }

  request(Type, name, fields) {
    return h.resourceRequest(Type, { urn: urnOf(name), name, type: typeOf(name) }, fields);
  }

  async rpc(plugin, method, request) {
    try {
      const response = await h.call(plugin.client, method, request);
      this.written.push(JSON.stringify(response.toObject()));
      return response;
    } catch (error) {
      this.written.push(error.details || '');
      throw error;
    }
  }

  /** What the engine records when a call fails with ErrorResourceInitFailed: the id and the partial state. */
  static initFailure(error) {
    const status = h.statusDetails(error);
    const detail = status && status.getDetailsList().find((any) => any.getTypeName() === 'pulumirpc.ErrorResourceInitFailed');
    if (!detail) return null;
    const failed = detail.unpack(h.providerPb.ErrorResourceInitFailed.deserializeBinary, 'pulumirpc.ErrorResourceInitFailed');
    return { id: failed.getId(), state: h.fromStruct(failed.getProperties()) };
  }

  // --- the engine's steps ---------------------------------------------------------------------------------------

  async create(plugin, name, inputs) {
    const checked = await this.rpc(plugin, 'check', this.request('CheckRequest', name, { Olds: h.toStruct({}), News: h.toStruct(inputs) }));
    const news = h.fromStruct(checked.getInputs());
    try {
      const created = await this.rpc(plugin, 'create', this.request('CreateRequest', name, { Properties: h.toStruct(news) }));
      this.stack.set(name, { id: created.getId(), state: h.fromStruct(created.getProperties()), inputs: news });
    } catch (error) {
      const partial = Soak.initFailure(error);
      if (!partial) throw error;
      this.stack.set(name, { id: partial.id, state: partial.state, inputs: news }); // recorded; the next up continues
    }
  }

  async update(plugin, name, inputs) {
    const { id, state, inputs: oldInputs } = this.stack.get(name);
    const checked = await this.rpc(plugin, 'check', this.request('CheckRequest', name, { Olds: h.toStruct(oldInputs), News: h.toStruct(inputs) }));
    const news = h.fromStruct(checked.getInputs());
    const diff = await this.rpc(plugin, 'diff', this.request('DiffRequest', name, {
      Id: id, Olds: h.toStruct(state), OldInputs: h.toStruct(oldInputs), News: h.toStruct(news),
    }));
    if (diff.getChanges() !== h.providerPb.DiffResponse.DiffChanges.DIFF_SOME) return;
    try {
      const updated = await this.rpc(plugin, 'update', this.request('UpdateRequest', name, {
        Id: id, Olds: h.toStruct(state), OldInputs: h.toStruct(oldInputs), News: h.toStruct(news),
      }));
      this.stack.set(name, { id, state: h.fromStruct(updated.getProperties()), inputs: news });
    } catch (error) {
      const partial = Soak.initFailure(error);
      if (!partial) throw error;
      this.stack.set(name, { id, state: partial.state, inputs: news });
    }
  }

  async refresh(plugin, name) {
    const { id, state, inputs } = this.stack.get(name);
    const read = await this.rpc(plugin, 'read', this.request('ReadRequest', name, { Id: id, Properties: h.toStruct(state), Inputs: h.toStruct(inputs) }));
    if (read.getId() === '') {
      this.stack.delete(name);
      return;
    }

    this.stack.set(name, { id: read.getId(), state: h.fromStruct(read.getProperties()), inputs: h.fromStruct(read.getInputs()) });
  }

  async destroy(plugin, name) {
    const { id, state, inputs } = this.stack.get(name);
    await this.rpc(plugin, 'delete', this.request('DeleteRequest', name, { Id: id, Properties: h.toStruct(state), OldInputs: h.toStruct(inputs) }));
    this.stack.delete(name);
  }

  /** A step that fails is run again, as a user runs `pulumi up` again; only one that never completes is unrecovered. */
  async withReruns(step, attempts = 4) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (attempt === attempts) {
          this.figures.unrecovered++;
          this.log(`unrecovered after ${attempts} runs: ${error.details || error.message}`);
          return undefined;
        }

        this.figures.reruns++;
      }
    }
  }

  // --- the phases -------------------------------------------------------------------------------------------------

  async phase(name, work) {
    const started = Date.now();
    const before = (await this.simulator.control('GET', 'requests')).body.length;
    await work();
    const customers = (await this.simulator.control('GET', 'customers')).body;
    const subscribers = (await this.simulator.control('GET', 'subscribers')).body;
    const requests = (await this.simulator.control('GET', 'requests')).body.slice(before);
    const injected = {
      unavailable503: requests.filter((r) => r.status === 503).length,
      rateLimited429: requests.filter((r) => r.status === 429).length,
      answersDropped: requests.filter((r) => r.status === 0).length,
    };
    const check = this.checkState(customers, subscribers, name === 'delete');
    this.figures.phases[name] = { seconds: (Date.now() - started) / 1000, webexRequests: requests.length, ...injected, ...check };
    this.log(`${name}: ${JSON.stringify(this.figures.phases[name])}`);
  }

  /**
   * One customer per externalId and one subscriber per e-mail, and every customer and subscriber in Webex is one the
   * stack records (none after destroy).
   */
  checkState(customers, subscribers, destroyed) {
    const repeated = (keys) => {
      const counts = new Map();
      for (const key of keys) counts.set(key, (counts.get(key) || 0) + 1);
      return [...counts.values()].filter((n) => n > 1).length;
    };
    const duplicates = repeated(customers.filter((c) => c.status !== 'deleting').map((c) => c.externalId)) +
      repeated(subscribers.map((s) => s.email.toLowerCase()));
    const recorded = new Set([...this.stack.values()].map((entry) => entry.id));
    const orphans = destroyed ? customers.length + subscribers.length : [...customers, ...subscribers].filter((item) => !recorded.has(item.id)).length;
    this.figures.duplicates += duplicates;
    this.figures.orphans += orphans;
    return { customersInWebex: customers.length, subscribersInWebex: subscribers.length, duplicates, orphans };
  }

  subscribersOf(name) {
    return Array.from({ length: this.subscribers }, (_, k) => `${name}.sub-${k + 1}`);
  }

  /** The program of `name`: a customer, or a subscriber of the customer the stack records. */
  program(name, updated = false) {
    if (!isSubscriber(name)) return customer(name, updated ? ['webex_meetings', 'cx_ai_assistant'] : ['webex_meetings']);
    const owner = this.stack.get(name.split('.sub-')[0]);
    return subscriber(name, owner && owner.id, updated ? CALLING : ['webex_meetings']);
  }

  /** A customer, then its subscribers, created or brought up to date: what `pulumi up` does for one customer's tree. */
  async up(plugin, name, updated) {
    for (const item of [name, ...this.subscribersOf(name)]) {
      await this.withReruns(() => (this.stack.has(item) ? this.update(plugin, item, this.program(item, updated)) : this.create(plugin, item, this.program(item, updated))));
    }
  }

  /** The subscribers first, then the customer, as the engine orders deletes by dependency. */
  async down(plugin, name) {
    for (const item of [...this.subscribersOf(name), name].filter((n) => this.stack.has(n))) {
      await this.withReruns(() => this.destroy(plugin, item));
    }
  }

  async run() {
    const names = Array.from({ length: this.customers }, (_, i) => `soak-${String(i + 1).padStart(4, '0')}`);
    const everything = names.flatMap((name) => [name, ...this.subscribersOf(name)]);
    await this.phase('create', () => inParallel(names, this.parallel, (name) => this.up(this.plugin, name, false)));
    await this.phase('update', () => inParallel(names, this.parallel, (name) => this.up(this.plugin, name, true)));
    await this.phase('refresh', () => inParallel(everything.filter((n) => this.stack.has(n)), this.parallel,
      (name) => this.withReruns(() => this.refresh(this.plugin, name))));
    const drift = await this.finalRefreshDrift(everything);
    this.figures.driftAfterRefresh = drift;
    await this.phase('delete', () => inParallel(names, this.parallel, (name) => this.down(this.plugin, name)));
    await this.killTrialsRun();
    this.figures.tokenLeaks = this.written.filter((text) => text.includes(this.canary)).length +
      this.engine.logs.filter((log) => log.message.includes(this.canary)).length;
    this.figures.bytesScanned = this.written.reduce((sum, text) => sum + text.length, 0) +
      this.engine.logs.reduce((sum, log) => sum + log.message.length, 0);
    return this.figures;
  }

  /** After the refresh, the program (with the package added, subscribers on calling) diffs against every resource with no change. */
  async finalRefreshDrift(names) {
    let drifted = 0;
    await this.chaos(false);
    for (const name of names.filter((n) => this.stack.has(n))) {
      const { id, state, inputs } = this.stack.get(name);
      const program = this.program(name, true);
      const diff = await this.rpc(this.plugin, 'diff', this.request('DiffRequest', name, {
        Id: id, Olds: h.toStruct(state), OldInputs: h.toStruct(inputs), News: h.toStruct({ ...program, packages: [...program.packages].sort() }),
      }));
      if (diff.getChanges() === h.providerPb.DiffResponse.DiffChanges.DIFF_SOME) drifted++;
    }

    await this.chaos(true);
    return drifted;
  }

  // --- SIGKILL trials ---------------------------------------------------------------------------------------------

  async killTrialsRun() {
    const kills = { trials: 0, converged: 0, refusedWithBothCommands: 0, failed: 0 };
    const random = seeded(this.seed);
    // with subscribers, every other trial kills a plugin working on a subscriber of one host customer
    const host = 'kill-host';
    if (this.subscribers > 0 && this.killTrials > 0) await this.withReruns(() => this.create(this.plugin, host, this.program(host)));
    for (let trial = 1; trial <= this.killTrials; trial++) {
      const padded = String(trial).padStart(3, '0');
      const name = this.subscribers > 0 && trial % 2 === 0 ? `${host}.sub-${padded}` : `kill-${padded}`;
      const operation = ['create', 'update', 'delete'][trial % 3];
      kills.trials++;
      try {
        if (operation !== 'create') await this.withReruns(() => this.create(this.plugin, name, this.program(name)));
        const victim = await this.newPlugin();
        const step = operation === 'create' ? this.create(victim, name, this.program(name))
          : operation === 'update' ? this.update(victim, name, this.program(name, true))
            : this.destroy(victim, name);
        step.catch(() => {}); // the plugin dies under it
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1500)));
        victim.child.kill('SIGKILL');
        await victim.exited;
        this.collect(victim);
        await step.catch(() => {});

        const outcome = await this.finishAsTheEngineWould(name, operation);
        kills[outcome]++;
      } catch (error) {
        kills.failed++;
        this.log(`kill trial ${name} (${operation}) failed: ${error.details || error.message}`);
      }
    }

    const customers = (await this.simulator.control('GET', 'customers')).body.filter((c) => c.externalId && c.externalId.startsWith('kill-'));
    const subscribers = (await this.simulator.control('GET', 'subscribers')).body.filter((sub) => sub.email.startsWith('kill-'));
    kills.duplicates = customers.length - new Set(customers.map((c) => c.externalId)).size +
      subscribers.length - new Set(subscribers.map((sub) => sub.email.toLowerCase())).size;
    this.figures.kills = kills;
    this.figures.duplicates += kills.duplicates;
  }

  /** The next `pulumi up` (or destroy) after a crash, with a fresh plugin: it converges, or refuses saying how to adopt. */
  async finishAsTheEngineWould(name, operation) {
    if (operation === 'create' && this.stack.has(name)) {
      return 'converged'; // the create finished before the kill
    }

    if (operation === 'create') {
      try {
        await this.create(this.plugin, name, this.program(name));
        return 'converged';
      } catch (error) {
        const details = error.details || '';
        if (!/pulumi import /.test(details) || !/pulumi refresh --import-pending-creates/.test(details)) throw error;
        const id = details.match(/\(id ([^,]+),/)[1];
        this.stack.set(name, { id, state: {}, inputs: this.program(name) }); // adopted, as `pulumi refresh --import-pending-creates` would
        await this.withReruns(() => this.refresh(this.plugin, name));
        return 'refusedWithBothCommands';
      }
    }

    if (operation === 'update') {
      await this.withReruns(() => this.update(this.plugin, name, this.program(name, true)));
      return 'converged';
    }

    if (this.stack.has(name)) await this.withReruns(() => this.destroy(this.plugin, name));
    return 'converged';
  }
}

function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function runSoak(options) {
  const soak = new Soak(options);
  await soak.start();
  try {
    return await soak.run();
  } finally {
    await soak.stop();
  }
}

module.exports = { runSoak };
