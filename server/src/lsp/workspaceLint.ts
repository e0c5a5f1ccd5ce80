// One workspace letter, read and linted to what the server keeps of it: its diagnostics and what
// the IMR Letters view and workspace symbols show. The same function runs in the server's thread
// (a file changed, a PDF) and in the lint workers that read a whole folder (issue 11), so that a
// 10,000-letter folder never stands between a keystroke in an open letter and its answer.
import { createHash } from 'node:crypto';
import type { Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver';
import { lint, type Decision, type LintResult } from '../engine';
import { serveJobs, WorkerPool } from '../workerPool';
import type { Analysis } from './analysis';
import { toLspDiagnostics } from './features/diagnostics';
import type { ImrSettings } from './protocol';
import { isPdfName } from '../pdf/extract';
import { ReadPace, readTextCandidate } from './workspaceFiles';

export interface WorkspaceItem {
  name: string;
  decision: Decision | null;
  nameRange: Range;
  /** Rule ids of the problems about this item. */
  rules: string[];
}

export interface WorkspaceLetter {
  uri: string;
  path: string;
  resultId: string;
  /**
   * Its LSP diagnostics as UTF-8 JSON, outside the JS heap: one buffer per letter instead of about
   * ten objects per diagnostic. Every letter recorded survives the young-generation collections
   * that follow, which copy what survives: 10,000 letters' objects took 214 scavenges of up to
   * 10 ms while a folder was read, the keystrokes waiting behind. Kept as one string each, their
   * pauses came to 225 ms over the read; as bytes, 140 ms.
   */
  diagnostics: Uint8Array;
  /** How many diagnostics (the view's problem count). */
  problems: number;
  caseNumber: string | null;
  layout: string;
  /** Its items, packed for the same reason (a typical letter has 21: 150 objects unpacked). */
  items: PackedItems;
  /** Rule ids of the problems about the letter as a whole. */
  letterRules: string[];
}

/** A letter's items as a few flat values; `unpackItems` gives them back. */
export interface PackedItems {
  /** The names, one after another; name i ends at nameEnds[i]. */
  names: string;
  nameEnds: Int32Array;
  /** Four numbers per item: its name's start line and character, end line and character. */
  ranges: Int32Array;
  /** One character per item: U (Upheld), O (Overturned), - (none). */
  decisions: string;
  /** Per item its rule ids joined by ",", the items joined by "\n". */
  rules: string;
}

const utf8 = new TextEncoder();

const DECISION_CODES: Record<string, Decision | null> = { U: 'Upheld', O: 'Overturned', '-': null };

export function packItems(items: readonly WorkspaceItem[]): PackedItems {
  const nameEnds = new Int32Array(items.length);
  const ranges = new Int32Array(items.length * 4);
  let names = '';
  let decisions = '';
  items.forEach((item, i) => {
    names += item.name;
    nameEnds[i] = names.length;
    const { start, end } = item.nameRange;
    ranges.set([start.line, start.character, end.line, end.character], i * 4);
    decisions += item.decision === 'Upheld' ? 'U' : item.decision === 'Overturned' ? 'O' : '-';
  });
  return { names, nameEnds, ranges, decisions, rules: items.map((item) => item.rules.join(',')).join('\n') };
}

export function unpackItems(packed: PackedItems): WorkspaceItem[] {
  const rules = packed.rules.split('\n');
  const items: WorkspaceItem[] = [];
  for (let i = 0, from = 0; i < packed.nameEnds.length; from = packed.nameEnds[i], i++) {
    const r = packed.ranges.subarray(i * 4, i * 4 + 4);
    items.push({
      name: packed.names.slice(from, packed.nameEnds[i]),
      decision: DECISION_CODES[packed.decisions[i]] ?? null,
      nameRange: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } },
      rules: rules[i] ? rules[i].split(',') : [],
    });
  }
  return items;
}

export interface LintRequest {
  file: string;
  uri: string;
  /** The folder settings with the .imr-lint.json that applies to the file. */
  settings: ImrSettings;
  settingsKey: string;
  /** The result id the server holds for the file, if any: the same content is not linted again. */
  knownId: string | null;
}

export type LintOutcome =
  | { kind: 'letter'; letter: WorkspaceLetter }
  | { kind: 'unchanged' }
  /** Binary, too big, unreadable, or a .txt whose text is not a letter's. */
  | { kind: 'not-a-letter' }
  /** PDFs are read in the server's thread, by its one PdfReader worker. */
  | { kind: 'pdf' };

/** Reads a text letter with `read` and lints it (a PDF is left to the caller). */
export async function lintLetterFile(
  request: LintRequest,
  detach: boolean,
  read: (file: string) => string | null | Promise<string | null> = readTextCandidate,
): Promise<LintOutcome> {
  if (isPdfName(request.file)) return { kind: 'pdf' };
  const text = await read(request.file);
  return text === null ? { kind: 'not-a-letter' } : lintLetterText(request, text, detach);
}

/**
 * Lints a letter's text under the request's settings. The result id is a hash of the settings and
 * the text. `detach` copies the item names and case number through JSON: strings sliced from the
 * letter would otherwise keep the whole text alive (V8 sliced strings; measured on 10,000
 * generated letters: 291 MB of heap held without it; the diagnostics' JSON is a copy already). A
 * worker's reply needs no copy: the message is one.
 */
export function lintLetterText(request: LintRequest, text: string, detach: boolean): LintOutcome {
  const { uri, settings, settingsKey } = request;
  const resultId = createHash('sha1').update(settingsKey).update('\0').update(text).digest('base64url').slice(0, 20);
  if (resultId === request.knownId) return { kind: 'unchanged' };
  const result = lint(text, settings.rules);
  // A letter on disk has no document revision: 0, like its version.
  const analysis: Analysis = { uri, version: 0, revision: 0, settings, settingsKey, result, length: text.length, durationMs: 0 };
  const view = viewOf(result);
  const items = packItems(view.items);
  // Names and the case number are sliced from the letter (see above); the rest is built here.
  const sliced = { names: items.names, caseNumber: view.caseNumber };
  const { names, caseNumber } = detach ? (JSON.parse(JSON.stringify(sliced)) as typeof sliced) : sliced;
  const letter: WorkspaceLetter = {
    uri,
    path: request.file,
    resultId,
    layout: result.letter.layout,
    diagnostics: utf8.encode(JSON.stringify(toLspDiagnostics(analysis))),
    problems: result.diagnostics.length,
    caseNumber,
    items: { ...items, names },
    letterRules: view.letterRules,
  };
  return { kind: 'letter', letter };
}

/** A workspace letter's LSP diagnostics (a new array each time: the caller may keep it). */
export function workspaceDiagnostics(letter: WorkspaceLetter): LspDiagnostic[] {
  return JSON.parse(bytesText(letter.diagnostics)) as LspDiagnostic[];
}

const PUBLISH_END = Buffer.from('}}', 'ascii');

/** The letter's textDocument/publishDiagnostics notification as UTF-8 JSON, built around the JSON it keeps. */
export function publishDiagnosticsJson(uri: string, letter: WorkspaceLetter): Buffer {
  const start = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"diagnostics":`, 'utf8');
  return Buffer.concat([start, letter.diagnostics, PUBLISH_END]);
}

function bytesText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export interface LetterView {
  caseNumber: string | null;
  items: WorkspaceItem[];
  letterRules: string[];
}

/** What the view and workspace symbols need of a workspace letter. */
export function workspaceView(letter: WorkspaceLetter): LetterView {
  return { caseNumber: letter.caseNumber, items: unpackItems(letter.items), letterRules: letter.letterRules };
}

/** What the view and workspace symbols need of a lint result. */
export function viewOf(result: LintResult): LetterView {
  const items: WorkspaceItem[] = result.letter.items.map((item) => ({ name: item.name, decision: item.decision, nameRange: item.nameRange, rules: [] }));
  const letterRules: string[] = [];
  for (const d of result.diagnostics) {
    const rules = d.item !== null && d.item >= 0 && d.item < items.length ? items[d.item].rules : letterRules;
    if (!rules.includes(d.code)) rules.push(d.code);
  }
  return { caseNumber: result.letter.metadata.caseNumber, items, letterRules };
}

const ROLE = 'imr-workspace-lint';
/**
 * Heap of a lint worker. A 10 MB letter (the largest read from a folder) lints in a 120 MB heap
 * (measured); a worker holds up to 16 letters' reads at once.
 */
const LINT_WORKER_HEAP_MB = 512;

/** Lint workers for a folder scan, below the server's thread in priority. */
export function lintPool(script: string, size: number): WorkerPool<LintRequest, LintOutcome> {
  return new WorkerPool<LintRequest, LintOutcome>({ script, size, role: ROLE, maxHeapMb: LINT_WORKER_HEAP_MB, lowPriority: true });
}

/**
 * In a lint worker started by lintPool: serve until terminated and return true; else false. The
 * worker reads synchronously while its files come fast (ReadPace says why and when not).
 */
export function startLintWorkerIfAny(): boolean {
  const pace = new ReadPace();
  return serveJobs<LintRequest, LintOutcome>(ROLE, (request) => lintLetterFile(request, false, (file) => pace.read(file)));
}
