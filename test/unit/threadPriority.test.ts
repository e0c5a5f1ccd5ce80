// Background threads below the main thread (Linux): the server's helper threads (V8's compiler
// and garbage collector, libuv's pool) are lowered once lint workers start, the main thread is
// not, and lowering twice changes nothing. Run in a child process: lowering cannot be undone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const MODULE = join(__dirname, '..', '..', 'server', 'src', 'threadPriority.js');

const CHILD = `
const { readdirSync } = require('node:fs');
const { getPriority } = require('node:os');
const { lowerHelperThreads } = require(${JSON.stringify(MODULE)});
const nice = () => Object.fromEntries(readdirSync('/proc/self/task').map((t) => [t, getPriority(Number(t))]));
const before = nice();
const first = lowerHelperThreads();
const second = lowerHelperThreads();
process.stdout.write(JSON.stringify({ pid: process.pid, before, after: nice(), first, second }));
`;

describe('thread priority', { skip: process.platform !== 'linux' && 'thread niceness is a Linux feature' }, () => {
  it('lowers every thread but the main one by 10 steps, once', () => {
    const run = spawnSync(process.execPath, ['-e', CHILD], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const { pid, before, after, first, second } = JSON.parse(run.stdout) as { pid: number; before: Record<string, number>; after: Record<string, number>; first: number; second: number };
    const helpers = Object.keys(before).filter((tid) => Number(tid) !== pid);
    assert.ok(helpers.length >= 4, `node runs helper threads (found ${helpers.length})`);
    assert.equal(after[String(pid)], before[String(pid)], 'the main thread keeps its priority');
    for (const tid of helpers) assert.equal(after[tid], Math.min(19, before[String(pid)] + 10), `thread ${tid}`);
    assert.equal(first, helpers.length);
    assert.equal(second, 0, 'a second call lowers nothing more');
  });
});
