// Values nested as deep as the engine sends them (its protobuf limit is 10,000 messages, about 3,300 object levels;
// Google.Protobuf's default is 100): Check, Diff and Create each give a clear answer naming the property or the RPC, never gRPC's UNKNOWN, and the
// connection keeps working. The requests are encoded by hand, from the inside out, since an encoder that recurses
// would itself run out of stack at 5,000 levels.
'use strict';

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleCustomer';
const URN = `urn:pulumi:dev::fleet::${TYPE}::deep`;

function varint(n) {
  const bytes = [];
  for (; n > 127; n = Math.floor(n / 128)) bytes.push((n % 128) + 128);
  bytes.push(n);
  return Buffer.from(bytes);
}
/** A length-delimited field. */
const field = (number, bytes) => Buffer.concat([varint(number * 8 + 2), varint(bytes.length), Buffer.from(bytes)]);
/** The bytes of a Struct with one member. */
const structOf = (key, valueBytes) => field(1, Buffer.concat([field(1, key), field(2, valueBytes)]));

/** A Struct whose `customerInfo` holds objects nested `depth` levels deep, and a bytes string as its innermost value. */
function deepInputs(depth, innermost = Buffer.from('x')) {
  let value = field(3, innermost); // Value.string_value
  for (let i = 0; i < depth; i++) value = field(5, structOf('a', value)); // Value.struct_value
  return Buffer.concat([structOf('externalId', field(3, 'deep-1')), structOf('customerInfo', value)]);
}

const requests = {
  Check: (inputs) => Buffer.concat([field(1, URN), field(3, inputs), field(6, 'deep'), field(7, TYPE)]),
  Diff: (inputs) => Buffer.concat([field(1, 'c-1'), field(2, URN), field(3, inputs), field(4, inputs), field(7, 'deep'), field(8, TYPE)]),
  Create: (inputs) => Buffer.concat([field(1, URN), field(2, inputs), field(5, 'deep'), field(6, TYPE)]),
};

describe('values nested as deep as the engine sends them', () => {
  let simulator;
  let plugin;

  before(async () => {
    simulator = await h.startSimulator(['--provisioning-seconds', '0']);
    plugin = await h.startPlugin();
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
  });
  after(async () => {
    await plugin.stop();
    await simulator.stop();
  });

  const raw = (rpc, bytes) => new Promise((resolve) => {
    plugin.client.makeUnaryRequest(`/pulumirpc.ResourceProvider/${rpc}`, (b) => b, (b) => b, bytes, (error, response) => resolve({ error, response }));
  });
  const stillAnswers = () => h.assertStillAnswers(plugin.client);

  for (const depth of [40, 200, 3000, 5000]) {
    for (const rpc of ['Check', 'Diff', 'Create']) {
      test(`${rpc} with customerInfo nested ${depth} deep: a clear answer, and the connection still answers`, async () => {
        const { error, response } = await raw(rpc, requests[rpc](deepInputs(depth)));

        if (rpc === 'Check' && depth < 3300) {
          assert.equal(error, null, error?.details);
          const failures = h.providerPb.CheckResponse.deserializeBinary(response).getFailuresList();
          assert.equal(failures.length, 1);
          assert.match(failures[0].getProperty(), /^customerInfo(\.a)+$/);
          assert.match(failures[0].getReason(), /nested more than 32 levels deep/);
        } else {
          assert.ok(error, 'expected an error');
          assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT, `${error.code}: ${error.details}`);
          assert.match(error.details, depth < 3300 ? /customerInfo(\.a)+: is nested more than 32 levels deep/ : new RegExp(`^${rpc}: the request nests values more than 10,000`));
        }
        await stillAnswers();
      });
    }
  }

  test('a string that is not UTF-8: INVALID_ARGUMENT naming the RPC, and the connection still answers', async () => {
    const { error } = await raw('Check', requests.Check(deepInputs(1, Buffer.from([0x66, 0xc3, 0x28, 0xff]))));

    assert.ok(error, 'expected an error');
    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT, `${error.code}: ${error.details}`);
    assert.match(error.details, /^Check: the request holds a string that is not valid UTF-8/);
    await stillAnswers();
  });
});
