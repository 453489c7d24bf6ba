// The fault soak, small (make soak runs it with 500 customers × 4 subscribers and 60 kill trials): nothing duplicated, orphaned,
// unrecovered or leaked under 503s, 429 bursts, lost answers to processed writes, and SIGKILLs.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { runSoak } = require('../soak/soak');

test('fault soak: 24 customers with 2 subscribers each through create, update, refresh and delete, and 6 SIGKILL trials', { timeout: 300_000 }, async () => {
  const figures = await runSoak({ customers: 24, subscribers: 2, killTrials: 6, parallel: 8, seed: 7 });

  assert.equal(figures.phases.create.subscribersInWebex, 48, 'every subscriber was created');
  assert.equal(figures.duplicates, 0, 'one customer per externalId, one subscriber per e-mail');
  assert.equal(figures.orphans, 0, 'every customer in Webex is in the stack (none after destroy)');
  assert.equal(figures.unrecovered, 0, 'every failure completes when run again');
  assert.equal(figures.driftAfterRefresh, 0, 'a final refresh shows no drift');
  assert.equal(figures.tokenLeaks, 0, `the canary token appears nowhere in ${figures.bytesScanned} bytes`);
  assert.equal(figures.kills.failed, 0);
  assert.equal(figures.kills.converged + figures.kills.refusedWithBothCommands, figures.kills.trials);
  assert.ok(figures.phases.create.webexRequests > 24, 'the phases really called the simulator');
  const injected = Object.values(figures.phases).reduce((sum, p) => sum + p.unavailable503 + p.rateLimited429 + p.answersDropped, 0);
  assert.ok(injected > 0, 'faults were injected');
});
