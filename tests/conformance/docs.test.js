// The documentation's code is code: every resource declaration in README.md, the examples' READMEs and the package
// docs (the resource pages the schema embeds) is extracted and checked as a user would use it. TypeScript blocks
// type-check against the SDK (strict) and run under Pulumi's mocks; YAML blocks are read as Pulumi YAML. Either way
// the inputs each declared resource would send go through the plugin's Check, with the precheck against the
// simulator, and must pass. A block in a language nothing here checks fails the test rather than go unchecked.
'use strict';

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const h = require('./harness');

const programs = require('./typescript-programs');

const root = h.repoRoot;
const typeCheck = (code) => programs.typeCheck({ 'snippet.ts': code });
const declaredByTypeScript = (code) => programs.declaredBy({ 'index.ts': code });

/** The documents whose code a user copies. */
function documents() {
  const inFolder = (folder, pattern) => (fs.existsSync(path.join(root, folder)) ? fs.readdirSync(path.join(root, folder)) : [])
    .filter((name) => pattern.test(name)).map((name) => path.join(folder, name));
  const examples = fs.readdirSync(path.join(root, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => inFolder(path.join('examples', d.name), /^README.*\.md$/));
  const pages = fs.readdirSync(path.join(root, 'provider/Resources'), { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => inFolder(path.join('provider/Resources', d.name), /\.md$/));
  return ['README.md', ...examples, ...pages, ...inFolder('sdk/nodejs', /^README\.md$/)];
}

/** Fenced code blocks: file, line, language, text. */
function blocksOf(file) {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    blocks.push({ file, line: i + 1, lang: open[1], code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const CHECKED = { ts: 'typescript', typescript: 'typescript', yaml: 'yaml', yml: 'yaml' };
const NOT_CODE_OF_RESOURCES = new Set(['sh', 'bash', 'json', 'text', '']);
const declares = (block) => /webex-wholesale|WholesaleCustomer|WholesaleSubscriber/.test(block.code);

/** The resources a Pulumi YAML block declares (a fragment of `resources:` too); `${…}` interpolations are unknown, as in a preview. */
function declaredByYaml(code) {
  const document = yaml.load(code) ?? {};
  const resources = document.resources ?? document;
  const unknownInterpolations = (value) => (typeof value === 'string' && value.includes('${') ? h.UNKNOWN
    : Array.isArray(value) ? value.map(unknownInterpolations)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownInterpolations(v)])) : value);
  return Object.entries(resources)
    .filter(([, resource]) => typeof resource?.type === 'string' && resource.type.startsWith('webex-wholesale:'))
    .map(([name, resource]) => ({
      type: resource.type.split(':').length === 2 ? resource.type.replace(':', ':index:') : resource.type,
      name,
      inputs: unknownInterpolations(resource.properties ?? {}),
    }));
}

describe('the documentation\'s code', () => {
  let session;
  let plugin;
  const checkOf = (type) => h.engineCalls(() => plugin.client, type).check;
  const failuresOf = async (resources) => {
    const failures = [];
    for (const resource of resources) {
      const checked = await checkOf(resource.type)(resource.name, {}, resource.inputs);
      failures.push(...checked.failures.map((f) => `${resource.name}: ${f.property}: ${f.reason}`));
    }
    return failures;
  };

  before(async () => {
    session = await h.startConfiguredPlugin();
    plugin = session.plugin;
  });
  after(() => session.stop());

  const blocks = documents().flatMap(blocksOf);

  test('finds the declarations to check, and every block is in a language that is checked or declares nothing', () => {
    const unchecked = blocks.filter((b) => !CHECKED[b.lang] && !(NOT_CODE_OF_RESOURCES.has(b.lang) && !/new webex\.|type: webex-wholesale/.test(b.code)));
    assert.deepEqual(unchecked.map((b) => `${b.file}:${b.line} (${b.lang})`), [], 'a block nothing checks');
    assert.ok(blocks.filter((b) => CHECKED[b.lang] === 'typescript' && declares(b)).length >= 1, 'the README has a TypeScript declaration');
    assert.ok(blocks.filter((b) => CHECKED[b.lang] === 'yaml' && declares(b)).length >= 4, 'README and resource pages have YAML declarations');
  });

  for (const block of blocks.filter((b) => CHECKED[b.lang] && declares(b))) {
    test(`${block.file}:${block.line} (${block.lang}): declares resources whose inputs pass Check`, async () => {
      let declared;
      if (CHECKED[block.lang] === 'typescript') {
        const checked = typeCheck(block.code);
        assert.equal(checked.status, 0, checked.stdout + checked.stderr);
        declared = await declaredByTypeScript(block.code);
      } else {
        declared = declaredByYaml(block.code);
      }

      assert.ok(declared.length > 0, 'the block declares a webex-wholesale resource');
      assert.deepEqual(await failuresOf(declared), []);
    });
  }

  test('the check can fail: the README\'s TypeScript customer without customerInfo is refused by Check', async () => {
    const readme = blocks.find((b) => b.file === 'README.md' && CHECKED[b.lang] === 'typescript' && declares(b));
    const broken = readme.code.split('\n').filter((line) => !line.includes('customerInfo')).join('\n');
    assert.notEqual(broken, readme.code);

    const failures = await failuresOf(await declaredByTypeScript(broken));

    assert.ok(failures.some((f) => /customerInfo: is required for a new customer/.test(f)), failures.join('\n'));
  });
});
