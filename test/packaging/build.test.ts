// The build of `npm run test:fast` (scripts/build.mjs --fast) compiles out/ with esbuild, one file
// at a time and without a type check, instead of tsc. It must compile the files tsc compiles, and
// no source may need tsc's view of the whole program to be compiled alone (isolatedModules: a
// const enum read from another file, a re-exported type), or the fast build would run other code
// than the full build.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });

test('the fast build compiles the same files as tsc', () => {
  const fast = node(['scripts/build.mjs', '--list-sources']).trim().split('\n');
  const tsc = node(['node_modules/typescript/bin/tsc', '-p', '.', '--listFilesOnly'])
    .trim()
    .split('\n')
    .map((file) => relative(repoRoot, file).split(sep).join('/'))
    .filter((file) => !file.startsWith('..') && !file.startsWith('node_modules/') && !file.endsWith('.d.ts'))
    .sort();
  assert.ok(tsc.length > 100, `tsc lists the sources (${tsc.length})`);
  assert.deepEqual(fast, tsc);
});

test('tsc holds every source to what a one-file-at-a-time compiler can compile', () => {
  const config = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  assert.equal(config.compilerOptions.isolatedModules, true, 'npm run lint then rejects what esbuild would compile differently');
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts['test:fast'], /^node scripts\/build\.mjs --fast && /, 'test:fast builds with --fast');
  assert.match(scripts.build, /^node scripts\/build\.mjs$/, 'npm run build (npm test, CI, packaging) compiles with tsc');
  assert.match(scripts.test, /^npm run lint && npm run build && /, 'npm test type-checks before the full build');
});

const FAILING_TEST = `import assert from 'node:assert/strict';
import { test } from 'node:test';

type Lines = { pushed: string };

test('fails on its seventh line', () => {
  assert.equal(({ pushed: 'down' } as Lines).pushed, 'up');
});
`;

test('the fast build rebuilds a bundle when, and only when, one of its inputs changed', () => {
  // A copy of what the build reads, with the repository's node_modules, built twice, then edited.
  const dir = mkdtempSync(join(tmpdir(), 'imr-build-'));
  try {
    for (const path of ['server/src', 'client/src', 'test', 'bench', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      cpSync(join(repoRoot, path), join(dir, path), { recursive: true });
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    mkdirSync(join(dir, 'test/failing'));
    writeFileSync(join(dir, 'test/failing/fails.test.ts'), FAILING_TEST);
    const build = (): void => void execFileSync(process.execPath, ['scripts/build.mjs', '--fast'], { cwd: dir, encoding: 'utf8' });
    const bundles = ['server', 'cli', 'extension', 'pdf-worker'];
    const written = (): Record<string, number> => Object.fromEntries(bundles.map((b) => [b, statSync(join(dir, 'dist', `${b}.js`)).mtimeMs]));
    build();
    const first = written();
    assert.ok(existsSync(join(dir, 'out/test/packaging/build.test.js')), 'out/ compiled');
    assert.ok(existsSync(join(dir, 'out/server/src/pdf/pdf-worker.js')), 'the worker copied beside the compiled reader');
    // A failing test names its .ts line: the fast build's source maps, read by run-tests.mjs.
    // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT'));
    const failed = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'failing'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(failed.status, 1, failed.stderr);
    assert.match(failed.stdout, /test\/failing\/fails\.test\.ts:7:\d+/, 'the assertion\'s line in the source');
    build();
    assert.deepEqual(written(), first, 'nothing changed: no bundle rebuilt');
    appendFileSync(join(dir, 'server/src/engine/index.ts'), '\n// edited\n');
    build();
    const edited = written();
    for (const b of ['server', 'cli']) assert.ok(edited[b] > first[b], `${b}.js rebuilt after an engine edit`);
    assert.equal(edited['pdf-worker'], first['pdf-worker'], 'the PDF worker does not read the engine');
    writeFileSync(join(dir, 'dist/pdf-worker.js'), 'overwritten');
    build();
    assert.ok(written()['pdf-worker'] > edited['pdf-worker'], 'a bundle written by something else is rebuilt');
    assert.match(readFileSync(join(dir, 'dist/pdf-worker.js'), 'utf8'), /WorkerMessageHandler/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
