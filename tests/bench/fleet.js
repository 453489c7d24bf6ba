// make bench, part 2: the provider's share of a no-op `pulumi preview` of a large fleet. For each customer the engine
// sends Check and Diff (no Webex call: both are local); this sends them for 1,000 customers, 32 at a time like the
// engine's parallelism on an 8-core runner, to the NativeAOT and the JIT build side by side.
// Usage: node fleet.js <aot-binary> <jit-dll> [customers]
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');
const h = require('../conformance/harness');

const [aot, jitDll, countArg] = process.argv.slice(2);
const count = Number(countArg || 1000);
const TYPE = 'webex-wholesale:index:WholesaleCustomer';

function customer(i) {
  return {
    provisioningId: 'template-1', externalId: `fleet-${i}`,
    address: { addressLine1: `${i} Main St`, city: 'Springfield', country: 'US' },
    customerInfo: { name: `Customer ${i}`, primaryEmail: `c${i}@example.test` },
    packages: ['webex_meetings', 'webex_calling'],
    provisioningParameters: { calling: { location: { name: 'HQ', timezone: 'America/Chicago', language: 'en_us', address: { addressLine1: '1 Main St', city: 'Springfield', country: 'US' } } } },
  };
}

async function run(command, args) {
  const child = spawn(command, [...args, '127.0.0.1:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve) => readline.createInterface({ input: child.stdout }).once('line', (line) => resolve(Number(line))));
  const client = new h.providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, h.grpc.credentials.createInsecure());
  await h.configure(client, { accessToken: 'bench', precheck: false, baseUrl: 'http://127.0.0.1:9/v1' });

  const one = async (i) => {
    const urn = `urn:pulumi:dev::fleet::${TYPE}::c${i}`;
    const inputs = customer(i);
    const check = new h.providerPb.CheckRequest();
    check.setUrn(urn); check.setType(TYPE); check.setName(`c${i}`);
    check.setOlds(h.toStruct(inputs)); check.setNews(h.toStruct(inputs));
    const checked = await h.call(client, 'check', check);
    const diff = new h.providerPb.DiffRequest();
    diff.setId(`id-${i}`); diff.setUrn(urn); diff.setType(TYPE); diff.setName(`c${i}`);
    diff.setOlds(h.toStruct({ ...inputs, status: 'provisioned' })); diff.setOldInputs(h.toStruct(inputs)); diff.setNews(checked.getInputs());
    const response = await h.call(client, 'diff', diff);
    if (response.getChanges() !== h.providerPb.DiffResponse.DiffChanges.DIFF_NONE) throw new Error(`customer ${i} shows a change`);
  };

  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < count) await one(next++); }));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rssMb = Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  client.close();
  child.kill('SIGINT');
  return { elapsedMs, rssMb };
}

async function main() {
  await run(aot, []); // warm the file cache
  const rows = [];
  for (const [name, command, args] of [['NativeAOT', aot, []], ['JIT (dotnet dll)', 'dotnet', [jitDll]]]) {
    const samples = [];
    for (let i = 0; i < 3; i++) samples.push(await run(command, args));
    samples.sort((a, b) => a.elapsedMs - b.elapsedMs);
    rows.push({ name, ...samples[1] });
  }
  console.log(`\nno-op preview of ${count} customers (Check + Diff each, 32 in flight; median of 3 runs)\n`);
  console.log('| variant | total (ms) | per customer (ms) | resident memory after (MB) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.name} | ${row.elapsedMs.toFixed(0)} | ${(row.elapsedMs / count).toFixed(2)} | ${row.rssMb.toFixed(1)} |`);
  console.log(`\nratio: JIT/AOT total time ${(rows[1].elapsedMs / rows[0].elapsedMs).toFixed(2)}x, memory ${(rows[1].rssMb / rows[0].rssMb).toFixed(2)}x`);
}

main().catch((error) => { console.error(error); process.exit(1); });
