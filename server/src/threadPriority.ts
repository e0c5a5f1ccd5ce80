// Background work at a lower scheduling priority than the thread answering the editor. Linux
// only: there the nice value belongs to each thread (elsewhere it is the process's, and lowering
// it would slow the editor's answers too, so these are no-ops). An unprivileged process can lower
// a priority but never raise it back, so what is lowered stays lowered.
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much nicer background threads are than the main thread: below the editor, above idle work. */
export const LOW_PRIORITY_STEP = 10;
const NICEST = 19;

/** Lowers the calling thread (a worker's) below its process's main thread. */
export function lowerThisThread(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Math.min(NICEST, getPriority() + LOW_PRIORITY_STEP)); // pid 0: this thread only
  } catch {
    // not permitted here: the work still runs, at the default priority
  }
}

/**
 * Lowers every other thread of the process that exists now below the main thread: V8's
 * background compiler and garbage-collector threads and libuv's file-system threads. While lint
 * workers start, V8 compiles their code on those threads at the main thread's priority; measured
 * over 10,000 letters they took 1.7 s of CPU in the first 5.5 s and kept the main thread waiting
 * for a core while it linted a keystroke. Idempotent; returns how many threads it lowered.
 */
export function lowerHelperThreads(): number {
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  try {
    const target = Math.min(NICEST, getPriority(process.pid) + LOW_PRIORITY_STEP);
    for (const entry of readdirSync('/proc/self/task')) {
      const tid = Number(entry);
      if (!Number.isInteger(tid) || tid === process.pid) continue;
      try {
        if (getPriority(tid) < target) {
          setPriority(tid, target);
          lowered++;
        }
      } catch {
        // the thread ended meanwhile, or this is not permitted: leave it
      }
    }
  } catch {
    // no /proc: nothing to lower
  }
  return lowered;
}
