// make bench: how fast the plugin is ready and how much memory it holds, NativeAOT (what ships) against the JIT build
// of the same code and against a bare NativeAOT gRPC server (tests/bench/BareServer: the floor for any plugin built
// this way), measured side by side in one run, alternating, so machine noise hits all alike.
// Usage: node startup.js <aot-binary> <jit-dll> <bare-binary> [runs]
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const h = require('../conformance/harness');

const [aot, jitDll, bare, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 15);

async function once(command, args, cwd) {
  const started = process.hrtime.bigint();
  const child = spawn(command, [...args, '127.0.0.1:1'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  const ready = Number(process.hrtime.bigint() - started) / 1e6;
  const grpcClient = new h.providerGrpc.ResourceProviderClient(
    `127.0.0.1:${port}`, h.grpc.credentials.createInsecure());
  const firstCallStart = process.hrtime.bigint();
  await h.call(grpcClient, 'getPluginInfo', new h.Empty());
  const firstCall = Number(process.hrtime.bigint() - firstCallStart) / 1e6;
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(status.match(/VmRSS:\s+(\d+)/)[1]);
  const peakKb = Number(status.match(/VmHWM:\s+(\d+)/)[1]);
  grpcClient.close();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
  return { ready, firstCall, answered: ready + firstCall, rssMb: rssKb / 1024, peakMb: peakKb / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const bigTree = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tree-'));
  for (let a = 0; a < 200; a++) for (let b = 0; b < 100; b++) fs.mkdirSync(path.join(bigTree, 'node_modules', `p${a}`, `d${b}`), { recursive: true });
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-empty-'));
  const variants = {
    'NativeAOT, empty folder': () => once(aot, [], emptyDir),
    'JIT (dotnet dll), empty folder': () => once('dotnet', [jitDll], emptyDir),
    'NativeAOT, 20,000 folders': () => once(aot, [], bigTree),
    'JIT (dotnet dll), 20,000 folders': () => once('dotnet', [jitDll], bigTree),
    'bare NativeAOT gRPC server, empty folder': () => once(bare, [], emptyDir),
  };
  const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const name of Object.keys(variants)) await variants[name](); // warm the file cache once
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(variants)) results[name].push(await run());
  }
  fs.rmSync(bigTree, { recursive: true, force: true });
  fs.rmSync(emptyDir, { recursive: true, force: true });

  const rows = Object.entries(results).map(([name, samples]) => ({
    name, ready: median(samples.map((s) => s.ready)), firstCall: median(samples.map((s) => s.firstCall)), rss: median(samples.map((s) => s.rssMb)),
    answered: median(samples.map((s) => s.answered)), peak: median(samples.map((s) => s.peakMb)),
  }));
  console.log(`runs per variant: ${runs} (medians), ${os.cpus().length} cores, node ${process.version}\n`);
  console.log('| variant | port printed (ms) | first GetPluginInfo (ms) | exec → first answer (ms) | resident memory (MB) | peak RSS (MB) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.ready.toFixed(1)} | ${row.firstCall.toFixed(1)} | ${row.answered.toFixed(1)} | ${row.rss.toFixed(1)} | ${row.peak.toFixed(1)} |`);
  }
  const [aotEmpty, jitEmpty, aotTree, jitTree, bareEmpty] = rows;
  const ratio = (value) => `${value.toFixed(2)}×`;
  const firstAnswer = aotEmpty.answered / bareEmpty.answered;
  console.log('\n| comparison | ratio | goal |');
  console.log('| --- | ---: | --- |');
  console.log(`| exec → first answered call, plugin / bare AOT server | **${ratio(firstAnswer)}** | ≤ 1.2×: ${firstAnswer <= 1.2 ? 'met' : 'missed'} |`);
  console.log(`| peak RSS at start, plugin / bare AOT server | ${ratio(aotEmpty.peak / bareEmpty.peak)} | — |`);
  console.log(`| exec → first answer, JIT / NativeAOT | ${ratio(jitEmpty.answered / aotEmpty.answered)} | — |`);
  console.log(`| NativeAOT start-up, 20,000 folders / empty folder | ${ratio(aotTree.ready / aotEmpty.ready)} | — |`);
  console.log(`| JIT start-up, 20,000 folders / empty folder | ${ratio(jitTree.ready / jitEmpty.ready)} | — |`);
}

main().catch((error) => { console.error(error); process.exit(1); });
