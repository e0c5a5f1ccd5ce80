// Reads PDFs in a worker thread (pdf-worker.js, a bundle of worker.ts and pdf.js), one file at a
// time, so the thread that answers the user never runs pdf.js. Each file is bounded: its size
// before it is sent, its pages once opened, its time (the worker is ended and replaced when a
// file takes too long) and the worker's heap (a file that exhausts it fails alone). pdf.js is
// loaded when the first PDF is read, never before. Used by imr-lint and by the VS Code extension.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LIMITS, type PdfFailure, type PdfResult } from './result';
import type { WorkerReply, WorkerRequest } from './worker';

export interface PdfReaderOptions {
  /** The worker bundle; by default pdf-worker.js beside the running bundle or module. */
  workerScript?: string;
  maxBytes?: number;
  maxPages?: number;
  timeoutMs?: number;
  /** Heap limit of the worker thread, in MB. */
  maxHeapMb?: number;
}

/** Heap of the worker, in MB: a letter needs about 50, the 194 corpus PDFs in a row about 160. */
export const WORKER_HEAP_MB = 512;

interface Job {
  bytes: Uint8Array;
  timeoutMs: number;
  resolve: (result: PdfResult) => void;
}

export class PdfReader {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { id: number; job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 0;
  private closed = false;
  private readonly options: Required<PdfReaderOptions>;

  constructor(options: PdfReaderOptions = {}) {
    this.options = {
      workerScript: options.workerScript ?? defaultWorkerScript(),
      maxBytes: options.maxBytes ?? LIMITS.maxBytes,
      maxPages: options.maxPages ?? LIMITS.maxPages,
      timeoutMs: options.timeoutMs ?? LIMITS.timeoutMs,
      maxHeapMb: options.maxHeapMb ?? WORKER_HEAP_MB,
    };
  }

  /** The letter text of a PDF, or why it cannot be read. Never rejects. */
  read(bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<PdfResult> {
    if (this.closed) return Promise.resolve(fail('damaged', 'the PDF reader is closed'));
    if (bytes.length > this.options.maxBytes) {
      return Promise.resolve(fail('too-large', `${mb(bytes.length)} MB, more than the limit of ${mb(this.options.maxBytes)} MB for a PDF`));
    }
    return new Promise((resolve) => {
      this.queue.push({ bytes, timeoutMs: options.timeoutMs ?? this.options.timeoutMs, resolve });
      this.pump();
    });
  }

  /** Ends the worker; pending reads resolve as failures. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.queue.splice(0), ...(this.current ? [this.current.job] : [])];
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    for (const job of pending) job.resolve(fail('damaged', 'the PDF reader was closed before this file was read'));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0 || this.closed) {
      if (!this.current) this.worker?.unref(); // idle: never keeps a process alive
      return;
    }
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    worker.ref();
    const id = this.nextId++;
    const timer = setTimeout(() => this.abandon(`reading took longer than ${job.timeoutMs / 1000} s; given up`, 'timeout'), job.timeoutMs);
    this.current = { id, job, timer };
    // A copy the worker owns: the caller's buffer (often a slice of Node's pool) stays intact.
    const copy = new Uint8Array(job.bytes);
    worker.postMessage({ id, bytes: copy, maxPages: this.options.maxPages } satisfies WorkerRequest, [copy.buffer]);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerScript, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    worker.on('message', (reply: WorkerReply) => {
      if (!this.current || reply.id !== this.current.id) return;
      this.finish(reply.result);
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.abandon(outOfMemory ? `needs more than ${this.options.maxHeapMb} MB of memory to read; given up` : `the PDF reader failed (${error.message})`, 'damaged');
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.current) this.abandon('the PDF reader stopped while reading this file', 'damaged');
    });
    this.worker = worker;
    return worker;
  }

  private finish(result: PdfResult): void {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    const { job } = this.current;
    this.current = null;
    job.resolve(result);
    this.pump();
  }

  /** Fails the current file and replaces the worker, which may be stuck or broken. */
  private abandon(message: string, reason: PdfFailure['reason']): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    this.finish(fail(reason, message));
  }
}

/**
 * pdf-worker.js beside this code: dist/ for the bundles (cli.js, extension.js), and
 * out/server/src/pdf/ for the compiled tests (the build writes the bundle to both).
 */
export function defaultWorkerScript(): string {
  return path.join(__dirname, 'pdf-worker.js');
}

function fail(reason: PdfFailure['reason'], message: string): PdfFailure {
  return { ok: false, reason, message };
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
