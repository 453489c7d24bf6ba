// TypeScript programs as a user runs them, without the Pulumi CLI: type-checked by tsc (strict) against the SDK as
// built in sdk/nodejs/bin, and run under Pulumi's own mocks (@pulumi/pulumi runtime.setMocks), which record each
// resource the program registers with the inputs it would send and the id it would import.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { repoRoot } = require('./harness');

const sdkDir = path.join(repoRoot, 'sdk/nodejs');
const fromSdk = (id) => require(require.resolve(id, { paths: [sdkDir] }));
const PACKAGE = '@pulumi-webex-wholesale/webex-wholesale';

/** tsc (strict) over `files` (name → code), against the SDK. */
function typeCheck(files) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-ts-'));
  try {
    const relative = (p) => path.relative(folder, p);
    fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, target: 'es2020', module: 'commonjs', moduleResolution: 'node', noEmit: true, types: ['node'],
        typeRoots: [relative(path.join(sdkDir, 'node_modules/@types'))], baseUrl: '.',
        paths: { '@pulumi/pulumi': [relative(path.join(sdkDir, 'node_modules/@pulumi/pulumi'))], [PACKAGE]: [relative(path.join(sdkDir, 'bin'))] },
      },
      files: Object.keys(files),
    }));
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), code);
    return spawnSync(path.join(sdkDir, 'node_modules/.bin/tsc'), ['-p', folder], { encoding: 'utf8' });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The .ts files of a program's folder, by name. */
const programFiles = (folder) => Object.fromEntries(fs.readdirSync(folder).filter((name) => name.endsWith('.ts'))
  .map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));

/**
 * Runs `files['index.ts']` (importing its siblings as './name') under Pulumi's mocks as stack `stack` of `project`
 * with `config` (key → value, keys without the project); returns the webex-wholesale resources it declares.
 */
async function declaredBy(files, { project = 'docs', stack = 'dev', config = {} } = {}) {
  const ts = fromSdk('typescript');
  const pulumi = fromSdk('@pulumi/pulumi');
  const resources = [];
  await pulumi.runtime.setMocks({
    newResource: (args) => {
      resources.push({ type: args.type, name: args.name, inputs: args.inputs, importId: args.id || undefined });
      return { id: args.id || `${args.name}-id`, state: args.inputs };
    },
    call: () => ({}),
  }, project, stack, false);
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([key, value]) => [`${project}:${key}`, String(value)])));
  const loaded = new Map();
  const load = (id) => {
    if (id === PACKAGE) return require(sdkDir);
    if (!id.startsWith('./')) return fromSdk(id);
    const name = `${id.slice(2)}.ts`;
    if (!loaded.has(name)) {
      const module = { exports: {} };
      loaded.set(name, module);
      const js = ts.transpileModule(files[name], { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
      new Function('require', 'module', 'exports', js)(load, module, module.exports);
    }
    return loaded.get(name).exports;
  };
  const exported = load('./index');
  const outputs = Object.values(exported).flatMap((value) => (pulumi.Output.isInstance(value) ? [value]
    : value && typeof value === 'object' ? Object.values(value).filter(pulumi.Output.isInstance) : []));
  await Promise.all(outputs.map((output) => new Promise((resolve) => output.apply(resolve))));
  await new Promise((resolve) => setTimeout(resolve, 100)); // registrations still in flight
  return resources.filter((r) => r.type.startsWith('webex-wholesale:'));
}

module.exports = { typeCheck, declaredBy, programFiles, fromSdk, sdkDir, PACKAGE };
