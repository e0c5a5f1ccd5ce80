// Runs node's test runner over the compiled tests. `node --test out/test/` would also run every
// helper module under a `test` folder, so the files are listed explicitly.
// Usage: node scripts/run-tests.mjs [--fast] [area ...]   (areas: folders under test/, default all)
// --fast (npm run test:fast) runs a third of each property test's runs (IMR_FC_FAST=1,
// test/support/seeded.ts); without it, every run. Test files run two at a time, or
// IMR_TEST_CONCURRENCY at a time (to measure another count: CONTRIBUTING.md has the figures).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'out/test';
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const areas = args.filter((a) => a !== '--fast');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.js')) files.push(path);
  }
})(root);
const selected = areas.length ? files.filter((f) => areas.some((a) => f.startsWith(join(root, a) + '/'))) : files;
if (selected.length === 0) {
  console.error(`no test files under ${root} for: ${areas.join(' ') || '(all)'}`);
  process.exit(1);
}
const env = { ...process.env, IMR_FC_FAST: fast ? '1' : '0' };
const concurrency = Number(process.env.IMR_TEST_CONCURRENCY || 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`IMR_TEST_CONCURRENCY must be a whole number of test files, not ${process.env.IMR_TEST_CONCURRENCY}`);
  process.exit(1);
}
// Source maps: a failing test's stack and location name the .ts line, not the compiled one.
const result = spawnSync(process.execPath, ['--test', '--enable-source-maps', `--test-concurrency=${concurrency}`, ...selected], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
