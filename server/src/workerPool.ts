// A small pool of worker threads, used by imr-lint for big runs and by the language server to read
// a workspace folder. Each worker runs the same bundle as the main thread (it calls serveJobs()
// first thing), so no extra file ships. Invariants:
// - jobs travel in batches (one message per file woke threads so often that it ate the gain), and
//   each worker holds at most two batches, so it never waits for the main thread to be scheduled;
// - one job never costs the others: a worker that dies (out of memory, a crash) is replaced, the
//   jobs it held are tried again one by one on a fresh worker, and only a job that was held by
//   two dead workers fails (its promise rejects);
// - a low-priority pool (the server's) lowers its threads' scheduling priority on Linux, where
//   the nice value is per thread, and the process's helper threads with them (threadPriority.ts),
//   so the thread answering the editor runs first; and its owner can leave one worker without
//   new batches for a while (spareOne), so that a core stays free;
// - a worker starts when there are jobs for it, not before: one that would be spared is not
//   started until the spare ends (a thread starting, its code loading and warming up, costs the
//   editor's thread as much as one working).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lowerHelperThreads, lowerThisThread } from './threadPriority';

export interface PoolOptions {
  /** The bundle or module that calls serveJobs() with the same role. */
  script: string;
  size: number;
  role: string;
  /** Plain data every worker of the pool receives (serveJobs's `setup`). */
  setup?: unknown;
  /** Heap limit of each worker, in MB. */
  maxHeapMb?: number;
  /** Run the workers, and the process's helper threads, below the main thread (Linux only; elsewhere a no-op). */
  lowPriority?: boolean;
}

interface PoolData {
  role: string;
  setup: unknown;
  lowPriority: boolean;
}

interface Job<Task, Outcome> {
  id: number;
  task: Task;
  /** Workers that died while holding this job. */
  deaths: number;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
}

type Message<Task> = { id: number; task: Task }[];
/** A job's outcome, or the name of the error its handler threw (never input text). */
type Reply<Outcome> = ({ id: number; outcome: Outcome } | { id: number; error: string })[];

const BATCH = 8;
const BATCHES_PER_WORKER = 2;

export class WorkerPool<Task, Outcome> {
  private readonly queue: Job<Task, Outcome>[] = [];
  /** Jobs each worker holds, by worker. */
  private readonly held = new Map<Worker, Map<number, Job<Task, Outcome>>>();
  /** Batches each worker holds and has not answered yet. */
  private readonly load = new Map<Worker, number>();
  /** Workers holding a retried job, which they hold alone. */
  private readonly solo = new Set<Worker>();
  private nextId = 0;
  private dispatchScheduled = false;
  private closed = false;
  /** Until then (performance.now()), one worker takes no new batches (spareOne). */
  private spareUntil = 0;

  constructor(private readonly options: PoolOptions) {
    if (options.lowPriority && isMainThread) lowerHelperThreads();
  }

  /** Workers running now: none before the first job, at most options.size. */
  get size(): number {
    return this.load.size;
  }

  run(task: Task): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, deaths: 0, resolve, reject });
      // Let the jobs queued in this turn of the event loop leave together, as one batch.
      if (!this.dispatchScheduled) {
        this.dispatchScheduled = true;
        setImmediate(() => {
          this.dispatchScheduled = false;
          this.dispatch();
        });
      }
    });
  }

  /**
   * Until `until` (a performance.now() time), one of several workers takes no new batch: once it
   * has answered what it holds, its core is left to the other threads of the machine. The workers
   * that remain pick up the jobs; when the time has passed, the next batch answered brings the
   * spared worker back, or starts it if it was never started.
   */
  spareOne(until: number): void {
    this.spareUntil = Math.max(this.spareUntil, until);
  }

  /** Ends the workers; jobs not answered yet reject. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.load.keys()];
    const pending = [...this.queue.splice(0), ...workers.flatMap((w) => [...(this.held.get(w)?.values() ?? [])])];
    this.held.clear();
    this.load.clear();
    for (const job of pending) job.reject(new Error('the worker pool was closed'));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private startWorker(): void {
    const data: PoolData = { role: this.options.role, setup: this.options.setup, lowPriority: this.options.lowPriority ?? false };
    const worker = new Worker(this.options.script, {
      workerData: data,
      ...(this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
    });
    this.load.set(worker, 0);
    this.held.set(worker, new Map());
    worker.on('message', (replies: Reply<Outcome>) => this.settle(worker, replies));
    // 'error' is followed by 'exit': the worker is replaced once, on exit.
    worker.on('error', () => undefined);
    worker.on('exit', () => this.died(worker));
  }

  private dispatch(): void {
    if (this.closed) return;
    // The worker started last is the one spared; while spared, it need not be started at all.
    const wanted = this.options.size > 1 && performance.now() < this.spareUntil ? this.options.size - 1 : this.options.size;
    while (this.queue.length > 0 && this.load.size < wanted) this.startWorker();
    const usable = Math.min(this.load.size, wanted);
    while (this.queue.length > 0) {
      // A job that was on a worker that died travels alone to an idle worker and keeps it to
      // itself: if it kills that one too, it fails alone.
      const retried = this.queue[0].deaths > 0;
      let target: Worker | null = null;
      let index = 0;
      for (const [worker, batches] of this.load) {
        if (index++ >= usable) break;
        if (this.solo.has(worker) || batches >= (retried ? 1 : BATCHES_PER_WORKER)) continue;
        if (target === null || batches < this.load.get(target)!) target = worker;
      }
      if (target === null) return;
      let size = 1;
      while (!retried && size < BATCH && size < this.queue.length && this.queue[size].deaths === 0) size++;
      const jobs = this.queue.splice(0, size);
      const held = this.held.get(target)!;
      for (const job of jobs) held.set(job.id, job);
      if (retried) this.solo.add(target);
      this.load.set(target, this.load.get(target)! + 1);
      target.postMessage(jobs.map(({ id, task }) => ({ id, task })) satisfies Message<Task>);
    }
  }

  private settle(worker: Worker, replies: Reply<Outcome>): void {
    const held = this.held.get(worker);
    if (!held) return;
    this.load.set(worker, this.load.get(worker)! - 1);
    this.solo.delete(worker);
    for (const reply of replies) {
      const job = held.get(reply.id);
      held.delete(reply.id);
      if (!job) continue;
      if ('error' in reply) job.reject(new Error(`the worker failed on it (${reply.error})`));
      else job.resolve(reply.outcome);
    }
    this.dispatch();
  }

  private died(worker: Worker): void {
    const held = this.held.get(worker);
    this.held.delete(worker);
    this.load.delete(worker);
    this.solo.delete(worker);
    if (!held || this.closed) return;
    const retry: Job<Task, Outcome>[] = [];
    for (const job of held.values()) {
      if (++job.deaths >= 2) job.reject(new Error('the worker thread stopped twice while working on it'));
      else retry.push(job);
    }
    this.queue.unshift(...retry);
    // A fresh worker takes its place when there are jobs for it.
    this.dispatch();
  }
}

/**
 * In a worker thread started by a WorkerPool of this role: answers jobs with `handle` until
 * terminated, and returns true. Anywhere else returns false and does nothing.
 */
export function serveJobs<Task, Outcome>(role: string, handle: (task: Task, setup: unknown) => Promise<Outcome>): boolean {
  const data = workerData as PoolData | undefined;
  if (isMainThread || !parentPort || data?.role !== role) return false;
  if (data.lowPriority) void lowerThisThread();
  const port = parentPort;
  port.on('message', (jobs: Message<Task>) => {
    const answers = jobs.map(({ id, task }) =>
      Promise.resolve().then(() => handle(task, data.setup)).then(
        (outcome) => ({ id, outcome }),
        (error: unknown) => ({ id, error: error instanceof Error ? error.name : 'unknown error' }),
      ),
    );
    void Promise.all(answers).then((replies) => port.postMessage(replies satisfies Reply<Outcome>));
  });
  return true;
}
