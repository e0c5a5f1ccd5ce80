// A small pool of worker threads for big runs: each worker reads, lints and formats whole
// files (checkFile), so only file names go in and finished output text comes back. The main
// thread keeps the order: it awaits results in file order, whatever order they finish in.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckTask, type FileOutcome } from './check';
import type { OutputFormat } from './args';
import { makeReporter } from './format/make';

export interface WorkerSetup {
  role: 'imr-lint-worker';
  format: OutputFormat;
  cwd: string;
}

interface Job {
  id: number;
  task: CheckTask & { absPath: string };
}

interface Reply {
  id: number;
  outcome: FileOutcome;
}

/** Jobs travel in batches: one message per file woke threads so often that it ate the gain. */
const BATCH = 8;
/** Batches a worker may hold unanswered, so it never waits for the main thread to be scheduled. */
const BATCHES_PER_WORKER = 2;

export class WorkerPool {
  private readonly queue: Job[] = [];
  private readonly waiting = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void }>();
  /** Batches each worker holds and has not answered yet. */
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | null = null;
  private dispatchScheduled = false;

  /** `script` is the file that calls startWorkerIfAny(): the CLI bundle, or main.js under tests. */
  constructor(size: number, script: string, setup: Omit<WorkerSetup, 'role'>) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { ...setup, role: 'imr-lint-worker' } satisfies WorkerSetup });
      worker.on('message', (replies: Reply[]) => this.settle(worker, replies));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && (this.load.get(worker) ?? 0) > 0) this.fail(new Error(`worker thread exited with code ${code}`));
      });
      this.load.set(worker, 0);
    }
  }

  run(task: CheckTask & { absPath: string }): Promise<FileOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<FileOutcome>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    // Let the jobs queued in this turn of the event loop leave together, as one batch.
    if (!this.dispatchScheduled) {
      this.dispatchScheduled = true;
      setImmediate(() => {
        this.dispatchScheduled = false;
        this.dispatch();
      });
    }
    return promise;
  }

  async close(): Promise<void> {
    await Promise.all([...this.load.keys()].map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let target: Worker | null = null;
      for (const [worker, batches] of this.load) {
        if (batches < BATCHES_PER_WORKER && (target === null || batches < this.load.get(target)!)) target = worker;
      }
      if (target === null) return;
      this.load.set(target, this.load.get(target)! + 1);
      target.postMessage(this.queue.splice(0, BATCH));
    }
  }

  private settle(worker: Worker, replies: Reply[]): void {
    this.load.set(worker, this.load.get(worker)! - 1);
    for (const { id, outcome } of replies) {
      this.waiting.get(id)?.resolve(outcome);
      this.waiting.delete(id);
    }
    this.dispatch();
  }

  /** A worker that dies fails the run (one line, exit 2): the engine itself never throws. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
    this.queue.length = 0;
  }
}

/** In a worker thread started by WorkerPool: serve jobs until terminated. Returns whether it did. */
export function startWorkerIfAny(): boolean {
  const setup = workerData as WorkerSetup | undefined;
  if (isMainThread || setup?.role !== 'imr-lint-worker' || !parentPort) return false;
  const port = parentPort;
  const reporter = makeReporter(setup.format, setup.cwd);
  port.on('message', (jobs: Job[]) => {
    // Reads overlap; linting (synchronous) runs one file at a time as each read completes.
    void Promise.all(jobs.map(async ({ id, task }): Promise<Reply> => ({ id, outcome: await checkFile(task, reporter) }))).then((replies) =>
      port.postMessage(replies),
    );
  });
  return true;
}
