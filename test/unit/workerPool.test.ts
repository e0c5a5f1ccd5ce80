// The worker pool shared by imr-lint and the language server: order-free answers, one job's
// failure costs no other job, a worker that dies is replaced, the server's pool runs below the
// main thread's priority (Linux), workers start only when there is work for them, and closing it
// settles what is pending.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WorkerPool } from '../../server/src/workerPool';
import type { PoolOutcome, PoolTask } from './poolWorker';

const SCRIPT = join(__dirname, 'poolWorker.js');
const pool = (size: number, lowPriority = false): WorkerPool<PoolTask, PoolOutcome> => new WorkerPool({ script: SCRIPT, size, role: 'pool-test', lowPriority });

/** How many threads answer 40 jobs queued at once (batches of 8 go to the least loaded worker). */
async function threadsAnswering(p: WorkerPool<PoolTask, PoolOutcome>): Promise<number> {
  const outcomes = (await Promise.all(Array.from({ length: 40 }, () => p.run({ kind: 'thread' })))) as { thread: number }[];
  return new Set(outcomes.map((o) => o.thread)).size;
}

/** Resolves a little after `until` (a performance.now() time). */
function waitUntil(until: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, until - performance.now()) + 50));
}

describe('WorkerPool', () => {
  it('answers every job, many batches over two workers', async () => {
    const p = pool(2);
    try {
      const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => p.run({ kind: 'echo', value: i })));
      assert.deepEqual(outcomes, Array.from({ length: 100 }, (_, i) => ({ value: i * 2 })));
    } finally {
      await p.close();
    }
  });

  it('a job whose handler throws rejects alone', async () => {
    const p = pool(1);
    try {
      const results = await Promise.allSettled([p.run({ kind: 'echo', value: 1 }), p.run({ kind: 'throw' }), p.run({ kind: 'echo', value: 2 })]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.match(String((results[1] as PromiseRejectedResult).reason), /TypeError/);
      assert.doesNotMatch(String((results[1] as PromiseRejectedResult).reason), /this job only/, 'no message text crosses: only the error kind');
    } finally {
      await p.close();
    }
  });

  it('a job that kills its worker twice fails alone; the jobs of its batch are retried and answered', async () => {
    const p = pool(1);
    try {
      const jobs: PoolTask[] = [{ kind: 'echo', value: 1 }, { kind: 'crash' }, { kind: 'echo', value: 2 }, { kind: 'echo', value: 3 }];
      const results = await Promise.allSettled(jobs.map((job) => p.run(job)));
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      assert.deepEqual((results[3] as PromiseFulfilledResult<PoolOutcome>).value, { value: 6 });
      // The pool still works, with a worker of its size.
      assert.deepEqual(await p.run({ kind: 'echo', value: 5 }), { value: 10 });
      assert.equal(p.size, 1);
    } finally {
      await p.close();
    }
  });

  it('a job that killed its worker once is tried again and answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-pool-'));
    const p = pool(1);
    try {
      assert.deepEqual(await p.run({ kind: 'crash-once', flag: join(dir, 'crashed') }), { value: 1 });
    } finally {
      await p.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a low-priority pool runs its threads 10 steps nicer on Linux, the main thread unchanged', { skip: process.platform !== 'linux' && 'thread niceness is a Linux feature' }, async () => {
    const low = pool(2, true);
    const normal = pool(1);
    try {
      const [a, b] = (await Promise.all([low.run({ kind: 'thread' }), low.run({ kind: 'thread' })])) as { priority: number }[];
      const main = getPriority();
      assert.equal(a.priority, Math.min(19, main + 10));
      assert.equal(b.priority, Math.min(19, main + 10));
      assert.equal(((await normal.run({ kind: 'thread' })) as { priority: number }).priority, main);
      assert.equal(getPriority(), main, 'the main thread keeps its priority');
    } finally {
      await Promise.all([low.close(), normal.close()]);
    }
  });

  it('spareOne: one worker takes no new batch until the time has passed', async () => {
    const p = pool(2);
    try {
      assert.equal(await threadsAnswering(p), 2, 'both workers take batches');
      const until = performance.now() + 1500;
      p.spareOne(until);
      assert.equal(await threadsAnswering(p), 1, 'one worker while the other is spared');
      await waitUntil(until);
      assert.equal(await threadsAnswering(p), 2, 'both again once the time has passed');
    } finally {
      await p.close();
    }
  });

  it('starts no worker before its first job, and none that would be spared until the spare ends', async () => {
    const p = pool(2);
    try {
      assert.equal(p.size, 0, 'no thread before a job');
      const until = performance.now() + 1500;
      p.spareOne(until);
      assert.equal(await threadsAnswering(p), 1);
      assert.equal(p.size, 1, 'the spared worker was never started');
      await waitUntil(until);
      assert.equal(await threadsAnswering(p), 2, 'started once the spare ended');
      assert.equal(p.size, 2);
    } finally {
      await p.close();
    }
  });

  it('close() rejects what is pending, and later jobs', async () => {
    const p = pool(1);
    const pending = Promise.allSettled(Array.from({ length: 40 }, (_, i) => p.run({ kind: 'echo', value: i })));
    await p.close();
    const results = await pending;
    assert.ok(results.some((r) => r.status === 'rejected'), 'jobs not answered before close reject');
    await assert.rejects(p.run({ kind: 'echo', value: 1 }), /closed/);
  });
});
