// The release archive as a user gets it: Pulumi's plugin layout, unpacked into a folder of its own, started from there.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

const version = fs.readFileSync(path.join(h.repoRoot, 'Directory.Build.props'), 'utf8').match(/<Version>(.*)<\/Version>/)[1];
const archive = path.join(h.repoRoot, 'bin', 'dist', `pulumi-resource-webex-wholesale-v${version}-linux-amd64.tar.gz`);

test('the linux-amd64 archive holds the executable, LICENSE and README at its root', () => {
  const entries = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(entries, ['LICENSE', 'README.md', 'pulumi-resource-webex-wholesale']);
});

test('the plugin starts from the unpacked archive and reports the archive\'s version', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-wholesale-plugin-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', folder]);
    const executable = path.join(folder, 'pulumi-resource-webex-wholesale');
    assert.ok(fs.statSync(executable).mode & 0o111, 'the plugin is executable');

    const plugin = await h.startPlugin({ executable, cwd: folder });
    try {
      assert.deepEqual(plugin.stdoutLines.length, 1);
      const info = await h.call(plugin.client, 'getPluginInfo', new h.Empty());
      assert.equal(info.getVersion(), version);
    } finally {
      await plugin.stop();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the schema and the SDK name the same download location for the plugin', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(h.repoRoot, 'schema.json'), 'utf8'));
  const plugin = JSON.parse(fs.readFileSync(path.join(h.repoRoot, 'sdk', 'dotnet', 'pulumi-plugin.json'), 'utf8'));
  assert.match(schema.pluginDownloadURL, /^github:\/\/api\.github\.com\/[^/]+\/[^/]+$/);
  assert.equal(plugin.server, schema.pluginDownloadURL);
  assert.equal(plugin.version, version);
});
