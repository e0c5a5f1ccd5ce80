// Shared by the CLI tests: run the CLI, make temp folders, write synthetic letters. Most cases run
// `main(argv, io)` in-process (runCli); the few that prove the wiring (the bin shim, the bundle,
// exit codes and output through real pipes) run the built bundle as a child process
// (runCliProcess: bin/imr-lint.js -> dist/cli.js).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../server/src/cli/main';

export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin', 'imr-lint.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Bytes or text written to the CLI's standard input (which is then closed). */
  input?: string | Buffer;
  timeoutMs?: number;
}

/**
 * Runs `main(args, io)` in this process with in-memory streams and collects everything it writes.
 * `code` is main's result, as the program would exit with it; `signal` is always null.
 */
export async function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  stdin.end(options.input ?? '');
  const code = await main(args, { stdout, stderr, stdin, cwd: options.cwd });
  return { code, signal: null, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Runs `node bin/imr-lint.js ...args` (the built bundle) with piped stdio and collects everything it writes. */
export function runCliProcess(args: readonly string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit without reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'imr-lint-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (path relative to root -> content), creating folders as needed. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Standard input comes from the CLI's own run: nothing must look like a stack trace. */
export function assertNoStackTrace(stderr: string): void {
  if (/^ +at \S/m.test(stderr) || /\b(?:TypeError|ReferenceError|SyntaxError)\b/.test(stderr)) {
    throw new Error(`stack trace on stderr:\n${stderr}`);
  }
}

// --- Synthetic letters -------------------------------------------------------------------

export interface ItemSpec {
  name: string;
  /** Omitted: Upheld. '' writes the item line with nothing after the colon. */
  decision?: 'Upheld' | 'Overturned' | '';
  /** null leaves the field (label and text) out. */
  claimsAdministrator?: string | null;
  maximus?: string | null;
  rationale?: string | null;
}

export interface LetterOptions {
  caseNumber?: string;
  eol?: '\n' | '\r\n';
}

const CA_CITED = 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines.';
const MAXIMUS_CITED = 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 74-96.';

/** The lines before the first item; the first item line is line HEADER_LINES + 1 (1-based). */
export const HEADER_LINES = 8;

/** A short, made-up letter in the 2016 layout, one line per field. */
export function letterText(items: readonly ItemSpec[], options: LetterOptions = {}): string {
  const lines = [
    `Case Number: ${options.caseNumber ?? 'CM16-0000001'}`,
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services reviewed all the records provided to us and the applicable guidelines.',
    'CLINICAL CASE SUMMARY',
    'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
    'The patient is a worker with chronic low back pain after a lifting injury.',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
  ];
  for (const item of items) {
    const decision = item.decision ?? 'Upheld';
    lines.push(decision === '' ? `${item.name}:` : `${item.name}: ${decision}`);
    const ca = item.claimsAdministrator === undefined ? CA_CITED : item.claimsAdministrator;
    const maximus = item.maximus === undefined ? MAXIMUS_CITED : item.maximus;
    const verdict = decision === 'Overturned' ? 'The request is medically necessary.' : 'The request is not medically necessary.';
    const rationale = item.rationale === undefined ? `The records were reviewed for ${item.name}. ${verdict}` : item.rationale;
    if (ca !== null) lines.push(`Claims Administrator guideline: ${ca}`);
    if (maximus !== null) lines.push(`MAXIMUS guideline: ${maximus}`);
    if (rationale !== null) lines.push(`Decision rationale: ${rationale}`);
  }
  const eol = options.eol ?? '\n';
  return lines.join(eol) + eol;
}

/** 1-based line of item `index` when every item has all three fields. */
export function itemLine(index: number): number {
  return HEADER_LINES + 1 + index * 4;
}

/** A letter that the engine finds nothing wrong with (no diagnostics at all). */
export const CLEAN_LETTER = letterText([
  { name: 'Norco 10/325mg #120', decision: 'Upheld' },
  { name: 'Physical therapy 2 x 6 for the lumbar spine', decision: 'Overturned' },
]);

/** One error (missing-decision on item 0) and one warning (missing-guideline on item 1). */
export const FAULTY_LETTER = letterText([
  { name: 'MRI of the right knee', decision: '' },
  { name: 'Lumbar brace', decision: 'Upheld', maximus: null },
]);

/** Exactly one warning: missing-guideline (a stub) on its only item. */
export const WARNING_LETTER = letterText([{ name: 'Lumbar brace', maximus: 'Decision based on' }]);

export interface JsonReport {
  version: number;
  files: Array<{
    path: string;
    items: Array<{ name: string; decision: 'Upheld' | 'Overturned' | null; range: LspRange }>;
    diagnostics: Array<{ code: string; severity: string; message: string; range: LspRange; item: number | null }>;
  }>;
  notices: Array<{ path: string; level: string; message: string }>;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
