// The worker script of the pool tests: a job says what the worker does with it.
import { getPriority } from 'node:os';
import { threadId } from 'node:worker_threads';
import { serveJobs } from '../../server/src/workerPool';

export type PoolTask =
  | { kind: 'echo'; value: number }
  | { kind: 'throw' }
  /** Ends the worker thread while it holds the job (as running out of memory does). */
  | { kind: 'crash' }
  /** Ends the worker the first time only (a file flag): a retry then succeeds. */
  | { kind: 'crash-once'; flag: string }
  | { kind: 'thread' };

export type PoolOutcome = { value: number } | { thread: number; priority: number };

serveJobs<PoolTask, PoolOutcome>('pool-test', async (task) => {
  switch (task.kind) {
    case 'echo':
      await new Promise((resolve) => setImmediate(resolve));
      return { value: task.value * 2 };
    case 'throw':
      throw new TypeError('a failure of this job only');
    case 'crash':
      process.exit(3);
    // falls through: process.exit does not return
    case 'crash-once': {
      const { existsSync, writeFileSync } = await import('node:fs');
      if (!existsSync(task.flag)) {
        writeFileSync(task.flag, '');
        process.exit(3);
      }
      return { value: 1 };
    }
    case 'thread':
      return { thread: threadId, priority: getPriority() };
  }
});
