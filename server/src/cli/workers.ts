// imr-lint's worker threads for big runs: each worker reads, lints and formats whole files
// (checkFile), so only file names go in and finished output text comes back. The main thread
// keeps the order: it awaits results in file order, whatever order they finish in.
import { checkFile, type CheckTask, type FileOutcome } from './check';
import type { OutputFormat } from './args';
import { makeReporter } from './format/make';
import type { Reporter } from './format/reporter';
import { serveJobs, WorkerPool } from '../workerPool';

const ROLE = 'imr-lint-worker';

interface WorkerSetup {
  format: OutputFormat;
  cwd: string;
}

type Task = CheckTask & { absPath: string };

/** `script` is the file that calls startWorkerIfAny(): the CLI bundle, or main.js under tests. */
export function checkPool(size: number, script: string, setup: WorkerSetup): WorkerPool<Task, FileOutcome> {
  return new WorkerPool<Task, FileOutcome>({ script, size, role: ROLE, setup });
}

/** In a worker thread started by checkPool: serve jobs until terminated. Returns whether it did. */
export function startWorkerIfAny(): boolean {
  let reporter: Reporter | null = null;
  return serveJobs<Task, FileOutcome>(ROLE, (task, setup) => {
    const { format, cwd } = setup as WorkerSetup;
    reporter ??= makeReporter(format, cwd);
    // Reads overlap; linting (synchronous) runs one file at a time as each read completes.
    return checkFile(task, reporter);
  });
}
