// Background threads below the main thread (Linux): the server's helper threads (V8's compiler
// and garbage collector, libuv's pool) are lowered once lint workers start, the main thread is
// not, and lowering twice changes nothing; a lint worker lowers itself into the idle scheduling
// class (through util-linux's chrt, an essential package on Debian). Run in child processes:
// lowering cannot be undone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

// A worker lowers itself; the main thread reads both threads' policy and nice value from /proc
// (stat fields 41 and 19: after the command name, the 39th and 17th).
const WORKER_CHILD = `
const { readFileSync } = require('node:fs');
const { Worker } = require('node:worker_threads');
const sched = (tid) => { const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8'); const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' '); return { policy: Number(f[38]), nice: Number(f[16]) }; };
const worker = new Worker(\`
  const { parentPort } = require('node:worker_threads');
  const { readlinkSync } = require('node:fs');
  require(${JSON.stringify(MODULE)}).lowerThisThread().then((idle) =>
    parentPort.postMessage({ idle, tid: readlinkSync('/proc/thread-self').split('/').pop() }));
  setInterval(() => {}, 1000);
\`, { eval: true });
worker.on('message', ({ idle, tid }) => {
  process.stdout.write(JSON.stringify({ idle, worker: sched(tid), main: sched(process.pid) }));
  process.exit(0);
});
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

  it('a lint worker moves itself to the idle class; the main thread stays as it was', () => {
    assert.ok(existsSync('/usr/bin/chrt') || existsSync('/bin/chrt'), "util-linux's chrt is missing (apt-get install util-linux)");
    const run = spawnSync(process.execPath, ['-e', WORKER_CHILD], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    const { idle, worker, main } = JSON.parse(run.stdout) as { idle: boolean; worker: { policy: number; nice: number }; main: { policy: number; nice: number } };
    const SCHED_OTHER = 0;
    const SCHED_IDLE = 5;
    assert.equal(idle, true);
    assert.equal(worker.policy, SCHED_IDLE);
    assert.equal(worker.nice, Math.min(19, main.nice + 10), 'niced too: where chrt is refused, the nice steps remain');
    assert.equal(main.policy, SCHED_OTHER);
  });
});
