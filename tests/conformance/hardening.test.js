// What a careless or hostile caller sends, through Pulumi's own stubs: every call gets a definite, bounded answer in
// words a user understands, and the connection stays usable afterwards.
'use strict';

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TYPE = 'webex-wholesale:index:WholesaleCustomer';
const urnOf = (name) => `urn:pulumi:dev::fleet::${TYPE}::${name}`;
const ADDRESS = { addressLine1: '1 Main St', city: 'Springfield', country: 'US' };
const customer = (externalId, overrides = {}) => ({
  provisioningId: 'template-1', externalId, address: ADDRESS,
  customerInfo: { name: `Customer ${externalId}`, primaryEmail: `${externalId}@example.test` }, packages: ['webex_meetings'], ...overrides,
});
// Messages a .NET build shows when it strips its resources, and .NET type names: never what a user should read.
const RESOURCE_KEY = /\b(Arg|Argument|ArgumentOutOfRange|ArgumentNull|InvalidOperation|NotSupported|ObjectDisposed|IO|Serialization|Format|Overflow)_[A-Z][A-Za-z]+|\bnet_[a-z_]+|SpecialNumberValuesNotSupported|JsonRequiredPropertiesMissing|ExpectedStartOfValueNotFound|System\.[A-Z]|Exception was thrown by handler/;

describe('answers that always arrive, in words a user understands', () => {
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

  const rpc = (method, request) => h.call(plugin.client, method, request);
  const failure = (promise) => promise.then(() => assert.fail('expected an error'), (error) => error);
  const stillAnswers = () => h.assertStillAnswers(plugin.client);

  const request = (Type, name, fields) => h.resourceRequest(Type, { urn: urnOf(name), name, type: TYPE }, fields);

  test('Configure with a 70 KB baseUrl: a bounded InvalidArgument, and the connection still answers', async () => {
    const huge = `https://${'a'.repeat(70 * 1024)}.example/v1`;
    const configure = new h.providerPb.ConfigureRequest();
    configure.setArgs(h.toStruct({ baseUrl: huge, accessToken: h.secret('t') }));

    const error = await failure(rpc('configure', configure));

    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    assert.ok(error.details.length < 5000, `${error.details.length} characters`);
    assert.match(error.details, /baseUrl/);
    await stillAnswers();
    await h.configure(plugin.client, { baseUrl: simulator.baseUrl, accessToken: h.secret('dev-token'), precheck: 'false' });
  });

  test('an Update with 1,200 package names: Webex\'s 400 arrives bounded, and the connection still answers', async () => {
    const created = await rpc('create', request('CreateRequest', 'many', { Properties: h.toStruct(customer('many-1')) }));
    const state = h.fromStruct(created.getProperties());
    const packages = Array.from({ length: 1200 }, (_, i) => `made_up_package_${String(i).padStart(4, '0')}`);

    const error = await failure(rpc('update', request('UpdateRequest', 'many', {
      Id: created.getId(), Olds: h.toStruct(state), OldInputs: h.toStruct(customer('many-1')),
      News: h.toStruct(customer('many-1', { packages })),
    })));

    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    assert.ok(error.details.length < 5000, `${error.details.length} characters`);
    assert.match(error.details, /more characters in the plugin's log/);
    await stillAnswers();
  });

  test('NaN and Infinity are refused by property path, never INTERNAL', async () => {
    const news = h.toStruct(customer('nan-1'));
    news.getFieldsMap().get('address').getStructValue().getFieldsMap().get('city').setNumberValue(NaN);

    const checked = await rpc('check', request('CheckRequest', 'nan', { News: news }));
    const failures = checked.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    assert.deepEqual(failures.map(([p]) => p), ['address.city']);
    assert.match(failures[0][1], /finite number/);

    const diffNews = h.toStruct(customer('nan-1'));
    diffNews.getFieldsMap().get('address').getStructValue().getFieldsMap().get('city').setNumberValue(Infinity);
    const error = await failure(rpc('diff', request('DiffRequest', 'nan', { Id: 'x', Olds: h.toStruct(customer('nan-1')), News: diffNews })));
    assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
    assert.doesNotMatch(error.details, RESOURCE_KEY);
  });

  test('a whole Struct sent as a secret is a check failure, not a cast error', async () => {
    const checked = await rpc('check', request('CheckRequest', 'secret', { News: h.toStruct(h.secret(customer('s-1'))) }));
    const reasons = checked.getFailuresList().map((f) => f.getReason()).join('; ');
    assert.match(reasons, /plain object/);
    assert.doesNotMatch(reasons, RESOURCE_KEY);
  });

  for (const id of ['', '.', '..', 'a/../b', 'x'.repeat(10 * 1024)]) {
    test(`Read of id '${id.slice(0, 12)}${id.length > 12 ? '…' : ''}' is InvalidArgument naming a Webex id, never a request`, async () => {
      const error = await failure(rpc('read', request('ReadRequest', 'bad-id', { Id: id })));
      assert.equal(error.code, h.grpc.status.INVALID_ARGUMENT);
      assert.match(error.details, /is not a Webex customer id/);
      assert.ok(error.details.length < 1000);
    });
  }

  test('an empty urn and name are not a crash', async () => {
    const check = new h.providerPb.CheckRequest();
    check.setType(TYPE);
    check.setNews(h.toStruct(customer('empty-urn')));
    const checked = await rpc('check', check);
    assert.deepEqual(checked.getFailuresList().map((f) => f.getProperty()), []);
  });

  const unreadable = [
    ['an HTML page with 200', { status: 200, body: '<html><body>Maintenance</body></html>', contentType: 'text/html' }, /text\/html/],
    ['truncated JSON', { status: 200, body: '{"id": "c1", "stat' }, /application\/json/],
  ];
  for (const [what, fault, type] of unreadable) {
    test(`a Webex answer that cannot be read (${what}) names the operation, customer, status, content type and tracking id`, async () => {
      await simulator.control('POST', 'faults', { ...fault, method: 'GET', pathPrefix: '/v1/wholesale/customers/c-unreadable', count: 1 });

      const error = await failure(rpc('read', request('ReadRequest', 'unreadable', { Id: 'c-unreadable' })));

      assert.equal(error.code, h.grpc.status.UNAVAILABLE);
      assert.match(error.details, /^read of customer c-unreadable failed: HTTP 200 OK: the answer could not be read/);
      assert.match(error.details, type);
      assert.match(error.details, /Webex tracking id PULUMI-WEBEX-WHOLESALE_/);
    });
  }

  test('a 202 without Location or body is reported as unreadable, with the customer it was about', async () => {
    await simulator.control('POST', 'faults', { status: 202, body: '', method: 'POST', pathPrefix: '/v1/wholesale/customers', count: 1 });

    const error = await failure(rpc('create', request('CreateRequest', 'no-location', { Properties: h.toStruct(customer('no-location-1')) })));

    assert.equal(error.code, h.grpc.status.UNAVAILABLE);
    assert.match(error.details, /provision of customer no-location-1 failed: HTTP 202 Accepted: Webex accepted the customer but returned no Location/);
  });

  test('baseUrl over plain http to a host that is not loopback is refused by CheckConfig', async () => {
    const check = new h.providerPb.CheckRequest();
    check.setUrn('urn:pulumi:dev::fleet::pulumi:providers:webex-wholesale::default');
    check.setNews(h.toStruct({ baseUrl: 'http://webex.example.com/v1', accessToken: h.secret('t') }));
    const checked = await rpc('checkConfig', check);
    const failures = checked.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    assert.deepEqual(failures.map(([p]) => p), ['baseUrl']);
    assert.match(failures[0][1], /unencrypted: use https/);
  });
});
