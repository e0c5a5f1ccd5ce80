// Finding and reading the letters of a workspace folder: the same names and decoding as imr-lint
// (cli/read.ts). Plain Node I/O, so it runs in the server's thread and in its lint workers.
import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodeLetter, readPdf } from '../cli/read';
import { isPdfName } from '../pdf/extract';
import { LIMITS } from '../pdf/result';
import { looksLikeLetter } from '../engine';
import type { Log } from './log';

/** Files larger than this are not read from the folders (open them to check them). */
export const MAX_WORKSPACE_FILE_BYTES = 10 * 1024 * 1024;
/** Folder entries walked at most, whatever maxLetters says: a huge tree must not stall the server. */
export const MAX_WALKED_ENTRIES = 500_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Folder entries looked at between two turns of the event loop (a thousand took 8 ms at first). */
const ENTRIES_PER_TURN = 200;
/** How much of a .txt file is sniffed to tell a letter (as the VS Code client does). */
const SNIFF_CHARS = 4096;

/** True for a name imr-lint reads: .imr, .pdf, or .txt (a letter only when its text says so). */
export function isCandidate(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return ext === '.imr' || ext === '.txt' || ext === '.pdf';
}

/**
 * The text of a letter file, or null when it is not one (binary, too big, a .txt that is no
 * letter, a PDF that cannot be read: encrypted, damaged, scanned; unreadable). A PDF's limit is
 * the PDF reader's (LIMITS.maxBytes), a text file's MAX_WORKSPACE_FILE_BYTES. PDFs are read by
 * the PdfReader's own worker thread, started with the first PDF.
 */
export function readCandidate(file: string): Promise<string | null> {
  return isPdfName(file) ? readPdfCandidate(file) : readTextCandidate(file);
}

/** readCandidate for a text letter (.imr, .txt). */
export function readTextCandidate(file: string): Promise<string | null> {
  return readText(file, MAX_WORKSPACE_FILE_BYTES, (bytes) => letterText(file, bytes));
}

/**
 * readTextCandidate without the event loop, for a lint worker, whose thread serves nothing else.
 * The promise API goes through libuv's thread pool for the stat, the open, each read and the
 * close; those threads run at the server's priority, a worker below it. Measured on 3,000
 * generated letters, read and decoded: 0.16 ms a letter through the pool, 0.06 ms synchronously.
 */
export function readTextCandidateSync(file: string): string | null {
  let fd: number | null = null;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer (a regular file ignores it).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= MAX_WORKSPACE_FILE_BYTES ? letterText(file, readFileSync(fd)) : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Reads timed together before a lint worker judges its folder's pace. */
const PACE_READS = 16;
/**
 * Above this median a read, the files are not in the page cache of a local disk (a network
 * share, a spinning disk): a worker then reads them through the event loop, several at a time,
 * instead of one after another. From a local disk a synchronous read takes about 0.1 ms. The
 * median, not the mean: a lint worker runs below every other thread and is often set aside in the
 * middle of a read (16 reads averaged 1.4 ms once while the bench typed), a few reads at a time,
 * whereas a slow disk makes every read slow.
 */
const SLOW_READ_MS = 1;

/**
 * How a lint worker reads its files: synchronously while they come fast, concurrently through
 * the event loop for the rest of its life once the median of a run of reads was slow.
 */
export class ReadPace {
  private readonly times = new Float64Array(PACE_READS);
  private count = 0;
  private slow = false;

  /** True while reads are fast and `read` reads synchronously. */
  get sync(): boolean {
    return !this.slow;
  }

  /** readTextCandidate at this pace: synchronously and timed while reads are fast. */
  read(file: string): string | null | Promise<string | null> {
    if (this.slow) return readTextCandidate(file);
    const started = performance.now();
    const text = readTextCandidateSync(file);
    this.record(performance.now() - started);
    return text;
  }

  /** A synchronous read took `ms` (wall time). */
  record(ms: number): void {
    this.times[this.count++] = ms;
    if (this.count < PACE_READS) return;
    this.count = 0;
    if (this.times.slice().sort()[PACE_READS >> 1] > SLOW_READ_MS) this.slow = true;
  }
}

/** A text file's letter text, or null when it is binary or a .txt that is not a letter. */
function letterText(file: string, bytes: Buffer): string | null {
  const decoded = decodeLetter(bytes);
  if (decoded.kind !== 'text') return null;
  if (path.extname(file).toLowerCase() === '.txt' && !looksLikeLetter(decoded.text.slice(0, SNIFF_CHARS))) return null;
  return decoded.text;
}

function readPdfCandidate(file: string): Promise<string | null> {
  return readText(file, LIMITS.maxBytes, async (bytes) => {
    const read = await readPdf(bytes);
    return read.kind === 'text' ? read.text : null;
  });
}

/** A regular file of at most `limit` bytes turned to text by `toText`; null on any failure. */
async function readText(file: string, limit: number, toText: (bytes: Buffer) => string | null | Promise<string | null>): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size <= limit ? await toText(await fs.readFile(file)) : null;
  } catch {
    return null;
  }
}

/**
 * Appends the letter-named files under root (no links followed, skipped folders skipped) in
 * code-unit order of their paths, the order `sort()` gives, so that a scan needs no sort of the
 * whole list (10,000 paths took 10 ms in one go). Depth first, each folder's entries sorted with
 * a folder's name followed by the separator: all of a folder's paths share that prefix.
 */
export async function walk(root: string, out: string[], log: Log): Promise<void> {
  const stack: { dir: string; entries: Dirent[]; next: number }[] = [];
  const enter = async (dir: string): Promise<void> => {
    try {
      stack.push({ dir, entries: sortedEntries(await fs.readdir(dir, { withFileTypes: true })), next: 0 });
    } catch {
      // unreadable: skipped, as imr-lint skips it
    }
  };
  await enter(root);
  let entries = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.entries.length) {
      stack.pop();
      continue;
    }
    const entry = top.entries[top.next++];
    if (++entries > MAX_WALKED_ENTRIES) {
      log.warn(`workspace letters: stopped walking after ${MAX_WALKED_ENTRIES} entries`);
      return;
    }
    // A keystroke in an open letter is served between two slices of a big folder.
    if (entries % ENTRIES_PER_TURN === 0) await nextTurn();
    const full = path.join(top.dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await enter(full);
    } else if (entry.isFile() && isCandidate(entry.name)) {
      out.push(full);
    }
  }
}

function sortedEntries(entries: Dirent[]): Dirent[] {
  const keyed = entries.map((entry) => ({ entry, key: entry.isDirectory() ? entry.name + path.sep : entry.name }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ entry }) => entry);
}

export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
