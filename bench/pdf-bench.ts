// PDF reading: pdf.js in its worker, per page, beside poppler's pdftotext run once per file over
// the same PDFs in the same run; the first PDF's start-up; the CLI's peak memory over the corpus.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PdfReader } from '../server/src/pdf/reader';
import { median, now } from './stats';

export interface PdfBenchResult {
  files: number;
  pages: number;
  /** Extraction alone, in the worker, all files in a row (one warm reader). */
  extractMs: number;
  msPerPage: number;
  /** From a new reader to the first PDF's text, beside the same PDF read warm. */
  firstPdfMs: number;
  warmPdfMs: number;
  /** `imr-lint --format json <folder>` over the PDFs, spawn to exit, median of runs. */
  cliMs: number;
  /** `pdftotext <file> -` once per file, in a row, median of runs; null when not installed. */
  pdftotextMs: number | null;
  ratio: number | null;
  /** Peak resident memory of the imr-lint process (its PDF worker included: threads share it). */
  cliPeakMB: number;
  runs: number;
}

export async function benchPdf(pdfDir: string, cliPath: string, runs: number, workerScript: string): Promise<PdfBenchResult> {
  const files = readdirSync(pdfDir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(pdfDir, f));
  const bytes = files.map((f) => readFileSync(f));

  const cold = new PdfReader({ workerScript });
  let t = now();
  const first = await cold.read(bytes[0]);
  const firstPdfMs = now() - t;
  t = now();
  await cold.read(bytes[0]);
  const warmPdfMs = now() - t;
  let pages = 0;
  t = now();
  for (const b of bytes) {
    const result = await cold.read(b);
    if (!result.ok) throw new Error(`a corpus PDF did not read: ${result.message}`);
    pages += result.pages;
  }
  const extractMs = now() - t;
  await cold.close();
  if (!first.ok) throw new Error(`the first PDF did not read: ${first.message}`);

  const cliTimes: number[] = [];
  const popplerTimes: number[] = [];
  const peaks: number[] = [];
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  for (let i = 0; i < runs; i++) {
    // Alternated, so that load from the other work on the machine falls on both alike.
    const cli = await timeProcess(process.execPath, [cliPath, '--format', 'json', pdfDir]);
    cliTimes.push(cli.ms);
    peaks.push(cli.peakMB);
    if (hasPdftotext) {
      const start = now();
      for (const f of files) await timeProcess('pdftotext', [f, '-']);
      popplerTimes.push(now() - start);
    }
  }
  const cliMs = median(cliTimes);
  const pdftotextMs = hasPdftotext ? median(popplerTimes) : null;
  return {
    files: files.length,
    pages,
    extractMs,
    msPerPage: extractMs / pages,
    firstPdfMs,
    warmPdfMs,
    cliMs,
    pdftotextMs,
    ratio: pdftotextMs === null ? null : cliMs / pdftotextMs,
    cliPeakMB: Math.max(...peaks),
    runs,
  };
}

/** Runs a program to its exit, output discarded; its peak resident memory read from /proc while it runs. */
function timeProcess(command: string, args: readonly string[]): Promise<{ ms: number; peakMB: number }> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    let peakKB = 0;
    const sample = (): void => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // gone already
      }
    };
    const timer = setInterval(sample, 20);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ ms: now() - start, peakMB: peakKB / 1024 });
    });
  });
}
