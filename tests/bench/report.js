'use strict';
// Writes one `make bench` run into BENCHMARKS.md: each script's output (bin/bench/<name>.md) replaces the block between
// `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`, and the `run` block says what was measured: the commit, the
// day, the machine, and whether the run began from a fresh clone. The prose around the blocks (what the numbers mean,
// where goals are missed and why) is written by people, after reading the run.
//
// usage: node tests/bench/report.js BENCHMARKS.md bin/bench <fresh: yes|no> [<run block> <name>...]
// (`make bench` writes the `run` block and startup, preview, fleet, subscribers; `make bench-estate` its own
// `run-estate` block and estate, stacks, audit.)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const [file, folder, fresh, runBlock = 'run', ...names] = process.argv.slice(2);
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function replaceBlock(text, name, content) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${file} has no ${open} … ${close} block`);
  return `${text.slice(0, start + open.length)}\n${content.trim()}\n${text.slice(end)}`;
}

function main() {
  let text = fs.readFileSync(file, 'utf8');
  const outputs = (names.length > 0 ? names : ['startup', 'preview', 'fleet', 'subscribers']).filter((name) => fs.existsSync(path.join(folder, `${name}.md`)));
  for (const name of outputs) text = replaceBlock(text, name, fs.readFileSync(path.join(folder, `${name}.md`), 'utf8'));

  const commit = git('rev-parse', '--short=12', 'HEAD');
  const changed = git('status', '--porcelain', '--untracked-files=no').split('\n').filter((line) => line && !line.endsWith(' BENCHMARKS.md'));
  const tree = changed.length === 0 ? `commit \`${commit}\`` : `commit \`${commit}\` with ${changed.length} changed file(s)`;
  const origin = fresh === 'yes' ? 'run from a fresh clone (nothing built before `make bench`)' : 'run in a working tree that had been built before';
  const day = new Date().toISOString().slice(0, 10);
  const memory = (os.totalmem() / 2 ** 30).toFixed(0);
  text = replaceBlock(text, runBlock, `Measured: ${tree}, ${day}, ${origin}; ${os.cpus().length} cores, ${memory} GiB, node ${process.version}.`);
  fs.writeFileSync(file, text);
  console.log(`${file}: wrote ${outputs.join(', ')} and the run line (${tree}, ${origin})`);
}

main();
