// examples/estate's GitOps workflow, its shell steps as the runner would run them: the `run:` steps of its jobs, read
// from the workflow file, with a stand-in `pulumi` on the PATH that records its arguments and exits as each shard's
// stack is set to (0 in line, 7 drift, anything else an error). Drift and errors must be reported apart.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const yaml = require('js-yaml');
const h = require('./harness');

const estate = path.join(h.repoRoot, 'examples/estate');
const workflow = yaml.load(fs.readFileSync(path.join(estate, '.github/workflows/estate.yml'), 'utf8'));

/** A copy of examples/estate as a user's repository: ci/, the program, and fleet files for `shards`. */
function repository(shards) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-repo-'));
  fs.cpSync(path.join(estate, 'ci'), path.join(root, 'ci'), { recursive: true });
  fs.mkdirSync(path.join(root, 'fleet'));
  for (const shard of shards) fs.writeFileSync(path.join(root, 'fleet', `customers-${shard}.yaml`), 'customers: []\n');
  fs.writeFileSync(path.join(root, 'fleet', 'import-1.json'), '{}'); // other files in fleet/ are not shards
  const bin = path.join(root, '.bin');
  fs.mkdirSync(bin);
  // The stand-in: logs its arguments, exits with STANDIN_EXIT_<stack's last part> (shard-2 -> STANDIN_EXIT_shard_2);
  // `pulumi stack export --file F` writes an empty stack to F, unless STANDIN_NO_EXPORT is set
  fs.writeFileSync(path.join(bin, 'pulumi'), `#!/usr/bin/env bash
echo "pulumi $*" >> "${root}/pulumi.log"
if [ "$1" = stack ]; then
  while [ $# -gt 0 ]; do if [ "$1" = "--file" ] && [ -z "\${STANDIN_NO_EXPORT:-}" ]; then echo '{"version": 3, "deployment": {}}' > "$2"; fi; shift; done
  [ -z "\${STANDIN_NO_EXPORT:-}" ]; exit $?
fi
stack=""; while [ $# -gt 0 ]; do if [ "$1" = "--stack" ]; then stack="$2"; fi; shift; done
name="STANDIN_EXIT_$(basename "$stack" | tr '-' '_')"
echo "preview output of $stack"
exit "\${!name:-0}"
`, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'npm'), `#!/usr/bin/env bash\necho "npm $*" >> "${root}/npm.log"\n`, { mode: 0o755 }); // the program's packages
  // `make -C .provider exporter` builds a stand-in exporter: it logs its arguments, appends a line to --summary-file
  // and exits with STANDIN_AUDIT_EXIT (0: nothing found)
  fs.writeFileSync(path.join(bin, 'make'), `#!/usr/bin/env bash
mkdir -p .provider/bin
cat > .provider/bin/webex-wholesale-export <<'STANDIN'
#!/usr/bin/env bash
echo "webex-wholesale-export $*" >> audit.log
while [ $# -gt 0 ]; do if [ "$1" = "--summary-file" ]; then echo "the audit's Markdown (exit \${STANDIN_AUDIT_EXIT:-0})" >> "$2"; fi; shift; done
exit "\${STANDIN_AUDIT_EXIT:-0}"
STANDIN
chmod +x .provider/bin/webex-wholesale-export
`, { mode: 0o755 });

  return { root, bin };
}

/** Runs a job's `run:` steps for one matrix entry as GitHub's runner would (bash -e, in the checkout); the last step's result. */
function runJob(repo, job, { matrix = {}, outputs = {}, env = {} } = {}) {
  const expressions = {
    'matrix.shard': matrix.shard, 'needs.shards.outputs.list': outputs.list,
  };
  const results = [];
  for (const step of workflow.jobs[job].steps.filter((s) => s.run)) {
    const script = step.run.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression) => {
      assert.ok(expression in expressions, `the test knows the expression ${expression} of a run step of ${job}`);
      return String(expressions[expression]);
    });
    const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
      cwd: repo.root, encoding: 'utf8',
      env: { PATH: `${repo.bin}:${process.env.PATH}`, HOME: process.env.HOME, GITHUB_OUTPUT: path.join(repo.root, 'github-output'), GITHUB_STEP_SUMMARY: path.join(repo.root, 'summary.md'),
        PROGRAM_DIR: workflow.env.PROGRAM_DIR, STACK_PREFIX: 'acme/webex-wholesale-estate/', ...env },
    });
    results.push(result);
    if (result.status !== 0) break;
  }
  return results[results.length - 1];
}

test('the shards job lists the shards from the fleet files, and only those', () => {
  const repo = repository([1, 2, 3, 10]);
  const result = runJob(repo, 'shards');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(fs.readFileSync(path.join(repo.root, 'github-output'), 'utf8'), 'list=[1,2,3,10]\n');

  const empty = repository([]);
  const none = runJob(empty, 'shards');
  assert.notEqual(none.status, 0);
  assert.match(none.stderr, /no fleet files customers-N\.yaml in fleet: run webex-wholesale-export --shards N/);
});

test('deploy runs `pulumi up` on each shard\'s own stack, and a failing shard fails only its job', () => {
  const repo = repository([1, 2]);
  const env = { STANDIN_EXIT_shard_2: '1' };
  assert.equal(runJob(repo, 'deploy', { matrix: { shard: 1 }, env }).status, 0);
  assert.equal(runJob(repo, 'deploy', { matrix: { shard: 2 }, env }).status, 1);
  const log = fs.readFileSync(path.join(repo.root, 'pulumi.log'), 'utf8').split('\n').filter((line) => line.startsWith('pulumi up'));
  assert.deepEqual(log, [1, 2].map((k) => `pulumi up --yes --non-interactive --refresh --stack acme/webex-wholesale-estate/shard-${k} --cwd typescript`));
});

test('the drift check tells drift (exit 7) from an error (exit 1, or any other) per shard, and the summary across shards reports them apart', () => {
  const repo = repository([1, 2, 3]);
  const env = { STANDIN_EXIT_shard_1: '0', STANDIN_EXIT_shard_2: '7', STANDIN_EXIT_shard_3: '1' };
  const codes = [1, 2, 3].map((shard) => runJob(repo, 'drift', { matrix: { shard }, env }).status);
  assert.deepEqual(codes, [0, 7, 1], 'each shard\'s job fails with the preview\'s own code');
  const previews = fs.readFileSync(path.join(repo.root, 'pulumi.log'), 'utf8').split('\n').filter((line) => line.startsWith('pulumi preview'));
  assert.deepEqual(previews, [1, 2, 3].map((k) =>
    `pulumi preview --refresh --expect-no-changes --non-interactive --diff --stack acme/webex-wholesale-estate/shard-${k} --cwd typescript`));

  const summary = runJob(repo, 'summary', { outputs: { list: '[1,2,3,4]' } });
  assert.equal(summary.status, 1, 'an error (shard 3) and a shard without a result (4) fail the summary');
  const written = fs.readFileSync(path.join(repo.root, 'summary.md'), 'utf8');
  assert.equal(written, summary.stdout);
  assert.match(written, /\| 1 \| in line with Git \| 0 \|/);
  assert.match(written, /\| 2 \| \*\*drift\*\*: Webex differs from Git \| 7 \|/);
  assert.match(written, /\| 3 \| \*\*error\*\*: the check did not complete \| 1 \|/);
  assert.match(written, /\| 4 \| \*\*error\*\*: the check did not complete \| none: no result \|/);
  assert.match(written, /1 shard\(s\) drifted, 2 could not be checked\./);
  assert.match(written, /\*\*error\*\*: the audit did not run: no state of shard\(s\) 4 /, 'without every shard\'s state nothing is called unmanaged');
  assert.ok(!fs.existsSync(path.join(repo.root, 'audit.log')));
});

test('the audit reads every shard\'s state; what it finds is its own outcome (exit 3), after drift (7) and errors (1)', () => {
  const repo = repository([1, 2, 3]);
  [1, 2, 3].forEach((shard) => runJob(repo, 'drift', { matrix: { shard } }));
  const exports = fs.readFileSync(path.join(repo.root, 'pulumi.log'), 'utf8').split('\n').filter((line) => line.startsWith('pulumi stack export'));
  assert.deepEqual(exports, [1, 2, 3].map((k) =>
    `pulumi stack export --stack acme/webex-wholesale-estate/shard-${k} --cwd typescript --file drift-results/stack-${k}.json`));

  const found = runJob(repo, 'summary', { outputs: { list: '[1,2,3]' }, env: { STANDIN_AUDIT_EXIT: '3' } });
  assert.equal(found.status, 3, found.stderr);
  assert.equal(fs.readFileSync(path.join(repo.root, 'audit.log'), 'utf8'),
    'webex-wholesale-export audit --stack-export drift-results/stack-1.json --stack-export drift-results/stack-2.json --stack-export drift-results/stack-3.json ' +
    '--summary-file drift-results/audit.md --import-file drift-results/adopt-import.json --fleet-file drift-results/adopt-fleet.yaml\n');
  assert.match(found.stdout, /0 shard\(s\) drifted, 0 could not be checked\.\n\n### What no shard declares\n\nthe audit's Markdown \(exit 3\)/);

  fs.rmSync(path.join(repo.root, 'drift-results/audit.md'));
  const failed = runJob(repo, 'summary', { outputs: { list: '[1,2,3]' }, env: { STANDIN_AUDIT_EXIT: '1' } });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /\*\*error\*\*: the audit did not complete \(exit 1\)/);

  const drifted = repository([1]);
  runJob(drifted, 'drift', { matrix: { shard: 1 }, env: { STANDIN_EXIT_shard_1: '7' } });
  assert.equal(runJob(drifted, 'summary', { outputs: { list: '[1]' }, env: { STANDIN_AUDIT_EXIT: '3' } }).status, 7, 'drift outranks findings');

  const unexported = repository([1]);
  runJob(unexported, 'drift', { matrix: { shard: 1 }, env: { STANDIN_NO_EXPORT: '1' } });
  assert.equal(runJob(unexported, 'summary', { outputs: { list: '[1]' } }).status, 1, 'a shard whose state could not be exported fails the summary');
});

test('the summary exits 7 when shards drifted and none failed, 0 when all are in line', () => {
  const drifted = repository([1, 2]);
  [1, 2].forEach((shard) => runJob(drifted, 'drift', { matrix: { shard }, env: { STANDIN_EXIT_shard_2: '7' } }));
  assert.equal(runJob(drifted, 'summary', { outputs: { list: '[1,2]' } }).status, 7);

  const inLine = repository([1, 2]);
  [1, 2].forEach((shard) => runJob(inLine, 'drift', { matrix: { shard } }));
  const summary = runJob(inLine, 'summary', { outputs: { list: '[1,2]' } });
  assert.equal(summary.status, 0);
  assert.match(summary.stdout, /0 shard\(s\) drifted, 0 could not be checked\./);
});
