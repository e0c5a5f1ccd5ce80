// The PDF worker thread (bundled alone as pdf-worker.js): loads pdf.js once, then turns each
// file's bytes into text (extract.ts) and posts the result back. Only bytes come in and only
// strings and numbers go out. reader.ts starts it, bounds its time and memory, and replaces it
// when it fails; a bad file costs one answer, never the thread that serves the user.
import './shims';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { parentPort } from 'node:worker_threads';
import { extractText } from './extract';
import type { PdfResult } from './result';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
}

export interface WorkerReply {
  id: number;
  result: PdfResult;
}

// pdf.js runs its own "worker" code in this thread when it finds it here, instead of looking
// for a script (GlobalWorkerOptions.workerSrc) that a bundle does not have.
(globalThis as Record<string, unknown>).pdfjsWorker = pdfjsWorker;

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      let result: PdfResult;
      try {
        result = await extractText(pdfjs, request.bytes, request.maxPages);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { ok: false, reason: 'damaged', message: `cannot read this PDF (${message.replace(/\s+/g, ' ').trim().slice(0, 200)})` };
      }
      port.postMessage({ id: request.id, result } satisfies WorkerReply);
    });
  });
}
