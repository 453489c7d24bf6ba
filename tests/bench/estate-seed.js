// The estate the estate benchmarks start from: a simulator seed file of provisioned customers and subscribers.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** A Webex id as the simulator writes them: base64url of ciscospark://us/TYPE/uuid, the uuid made from a number. */
const webexId = (type, n) => Buffer.from(`ciscospark://us/${type}/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`)
  .toString('base64url');
const pad = (n, width) => String(n).padStart(width, '0');

/** The estate as the simulator's state file holds it: every customer and subscriber provisioned, in creation order. */
function seedEstate(customerCount, subscribersEach) {
  const created = '2026-01-05T09:00:00Z';
  const customers = [];
  const subscribers = [];
  for (let c = 0; c < customerCount; c++) {
    customers.push({
      id: webexId('ENTERPRISE', c), orgId: webexId('ORGANIZATION', c), externalId: `estate-${pad(c, 4)}`,
      address: { addressLine1: `${c} Main St`, city: 'Springfield', country: 'US' },
      customerInfo: { name: `Customer ${c}`, primaryEmail: `admin@estate-${pad(c, 4)}.example.test` },
      status: 'provisioned', packages: ['webex_meetings'], packageStatus: { webex_meetings: 'provisioned' }, errors: [], sequence: c + 1,
    });
    for (let s = 0; s < subscribersEach; s++) {
      const n = c * subscribersEach + s;
      subscribers.push({
        id: webexId('SUBSCRIBER', n), personId: webexId('PEOPLE', n), email: `user${pad(s, 2)}@estate-${pad(c, 4)}.example.test`,
        customerId: webexId('ENTERPRISE', c), packages: ['webex_meetings'], status: 'provisioned',
        provisioningParameters: { firstName: 'User', lastName: pad(s, 2) }, created, lastStatusChange: created, sequence: n + 1,
      });
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'estate-')), 'seed.json');
  fs.writeFileSync(file, JSON.stringify({ customers, subscribers, freeAccounts: [], subPartners: [] }));
  return { file, customers, subscribers };
}

module.exports = { seedEstate, webexId };
