// schema.json against Pulumi's package metaschema (draft 2020-12), plus the binder rules the metaschema cannot express.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020');
const { repoRoot } = require('./harness');

const sharedDir = process.env.SHARED_DIR || path.resolve(repoRoot, '..', 'shared');
// CI has ../shared beside the repository; every clone has the vendored byte copy in tests/contracts/.
const metaschemaPath = [path.join(sharedDir, 'contracts', 'pulumi-package-metaschema.json'), path.join(repoRoot, 'tests', 'contracts', 'pulumi-package-metaschema.json')]
  .find((candidate) => fs.existsSync(candidate)) ?? path.join(repoRoot, 'tests', 'contracts', 'pulumi-package-metaschema.json');
const needsContracts = fs.existsSync(metaschemaPath) ? {} : { skip: `needs the shared contracts (${metaschemaPath} is absent in this clone)` };
const metaschema = fs.existsSync(metaschemaPath) ? JSON.parse(fs.readFileSync(metaschemaPath, 'utf8')) : null;
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schema.json'), 'utf8'));

test('schema.json validates against the Pulumi package metaschema', needsContracts, () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(metaschema);
  const valid = validate(schema);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
});

test('a broken schema fails the same validation (the check can fail)', needsContracts, () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(metaschema);
  assert.equal(validate({ ...schema, unexpectedTopLevelKey: true }), false);
  assert.equal(validate({ ...schema, name: '1-invalid' }), false);
});

test('every token belongs to this package and every $ref resolves', () => {
  const tokens = [...Object.keys(schema.resources || {}), ...Object.keys(schema.types || {}), ...Object.keys(schema.functions || {})];
  for (const token of tokens) {
    assert.equal(token.split(':')[0], schema.name, `token ${token}`);
  }
  const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) || [];
  for (const ref of refs.map((r) => JSON.parse(`{${r}}`).$ref)) {
    const match = ref.match(/^#\/(types|resources)\/(.+)$/);
    if (!match) continue; // pulumi.json#/Any and friends
    assert.ok((schema[match[1]] || {})[decodeURIComponent(match[2])], `unresolved ${ref}`);
  }
});

test('the schema version is the plugin version', () => {
  const props = fs.readFileSync(path.join(repoRoot, 'Directory.Build.props'), 'utf8');
  assert.equal(schema.version, props.match(/<Version>(.*)<\/Version>/)[1]);
});
