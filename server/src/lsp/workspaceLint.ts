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
import { isPdfName, readTextCandidate } from './workspaceFiles';

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
  diagnostics: LspDiagnostic[];
  caseNumber: string | null;
  layout: string;
  items: WorkspaceItem[];
  /** Rule ids of the problems about the letter as a whole. */
  letterRules: string[];
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

/** Reads a text letter and lints it (a PDF is left to the caller). */
export async function lintLetterFile(request: LintRequest, detach: boolean): Promise<LintOutcome> {
  if (isPdfName(request.file)) return { kind: 'pdf' };
  const text = await readTextCandidate(request.file);
  return text === null ? { kind: 'not-a-letter' } : lintLetterText(request, text, detach);
}

/**
 * Lints a letter's text under the request's settings. The result id is a hash of the settings and
 * the text. `detach` copies what is kept through JSON: names and messages sliced from the letter
 * would otherwise keep the whole text alive (V8 sliced strings; measured on 10,000 generated
 * letters: 291 MB of heap held without it). A worker's reply needs no copy: the message is one.
 */
export function lintLetterText(request: LintRequest, text: string, detach: boolean): LintOutcome {
  const { uri, settings, settingsKey } = request;
  const resultId = createHash('sha1').update(settingsKey).update('\0').update(text).digest('base64url').slice(0, 20);
  if (resultId === request.knownId) return { kind: 'unchanged' };
  const result = lint(text, settings.rules);
  // A letter on disk has no document revision: 0, like its version.
  const analysis: Analysis = { uri, version: 0, revision: 0, settings, settingsKey, result, length: text.length, durationMs: 0 };
  const kept = { diagnostics: toLspDiagnostics(analysis), ...viewOf(result) };
  const letter: WorkspaceLetter = {
    uri,
    path: request.file,
    resultId,
    layout: result.letter.layout,
    ...(detach ? (JSON.parse(JSON.stringify(kept)) as typeof kept) : kept),
  };
  return { kind: 'letter', letter };
}

/** What the view and workspace symbols need of a lint result. */
export function viewOf(result: LintResult): Pick<WorkspaceLetter, 'caseNumber' | 'items' | 'letterRules'> {
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

/** In a lint worker started by lintPool: serve until terminated and return true; else false. */
export function startLintWorkerIfAny(): boolean {
  return serveJobs<LintRequest, LintOutcome>(ROLE, (request) => lintLetterFile(request, false));
}
