// What the fleet benchmarks measure of a plugin process and of a batch of engine calls, in one place.
'use strict';

const fs = require('node:fs');
const h = require('../conformance/harness');

const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in these

/** The value after `name` on the command line, or `fallback`. */
const flag = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);

/** Runs `work` over `items` with at most `limit` in flight, as the engine's --parallel does; counts failures and times each item. */
async function inParallel(items, limit, work) {
  const queue = [...items];
  const failures = [];
  const latencies = [];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) {
      const item = queue.shift();
      const started = process.hrtime.bigint();
      try {
        await work(item);
      } catch (error) {
        failures.push(`${item.name || item}: ${error.details || error.message}`);
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }));
  latencies.sort((a, b) => a - b);
  failures.latency = { median: latencies[Math.floor(latencies.length / 2)] || 0, p95: latencies[Math.floor(latencies.length * 0.95)] || 0 };
  return failures;
}

/** User and system CPU seconds the process has used. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

/** A memory figure of /proc/<pid>/status in MB: VmRSS now, VmHWM the peak. */
const memoryMb = (pid, field) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))[1]) / 1024;

/**
 * One scenario run by a fresh plugin (the engine starts one per command), configured for the simulator: `run(plugin)`
 * returns its failures; what it cost is measured around it, and the simulator's journal (cleared before) is returned.
 */
async function measurePlugin(simulator, engine, run) {
  const plugin = await h.startPlugin({ args: [engine.address] });
  await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token') });
  await simulator.control('DELETE', 'requests');
  const idleRssMb = memoryMb(plugin.child.pid, 'VmRSS');
  const cpuBefore = cpuSeconds(plugin.child.pid);
  const started = process.hrtime.bigint();
  const failures = await run(plugin);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuSeconds(plugin.child.pid) - cpuBefore;
  const peakRssMb = memoryMb(plugin.child.pid, 'VmHWM');
  await plugin.stop();
  const journal = (await simulator.control('GET', 'requests')).body;
  return { failures, seconds, cpuSeconds: cpu, idleRssMb, peakRssMb, journal, answered: journal.filter((r) => r.status !== 429) };
}

module.exports = { flag, inParallel, cpuSeconds, memoryMb, measurePlugin };
