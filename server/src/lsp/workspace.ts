// The letters of the workspace folders, read by the server itself so that every letter has its
// problems whether it is open or not (issue 11). Invariants:
// - a letter on disk is linted once per content and settings: its result id is a hash of both,
//   and `workspace/diagnostic` answers only what changed since the ids the client sent; when
//   nothing changed the request is held open until something does (or the client cancels), so
//   the client's re-request loop (every 2 s in vscode-languageclient 9) re-lints nothing;
// - an open letter's text wins over the file: its report comes from the open document;
// - after a letter is closed its next report is a full one from disk (client 9.0.1 keeps stale
//   problems after an `unchanged` report for a just-closed document, vscode-languageserver-node
//   #1673); a deleted letter gets an empty full report or an empty push;
// - reading yields to the event loop between letters, so typing in an open letter is served
//   between two of them; the scan can be cancelled from its progress;
// - the engine gets text, as from imr-lint: same decoding (cli/read.ts), same .imr-lint.json;
//   a .pdf is read by the same PdfReader (a worker thread running dist/pdf-worker.js, started with
//   the first PDF, one file at a time), so this bundle holds no pdf.js.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic as LspDiagnostic, Range, SymbolInformation } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/discovery';
import { decodeLetter, readPdf } from '../cli/read';
import { LIMITS } from '../pdf/result';
import { lint, looksLikeLetter, type Decision, type LintResult } from '../engine';
import type { Analysis } from './analysis';
import { filePath } from './configFile';
import type { LetterConfigs } from './configs';
import { toLspDiagnostics } from './features/diagnostics';
import type { DocumentStore } from './documents';
import { yieldToEventLoop } from './guard';
import { errorForLog, type Log } from './log';
import type { ImrSettings, WorkspaceLetterEntry } from './protocol';
import { lintSettingsKey } from './settings';
import { letterSymbols } from './features/workspaceSymbols';

/** Files larger than this are not read from the folders (open them to check them). */
export const MAX_WORKSPACE_FILE_BYTES = 10 * 1024 * 1024;
/** Folder entries walked at most, whatever maxLetters says: a huge tree must not stall the server. */
export const MAX_WALKED_ENTRIES = 500_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** How much of a .txt file is sniffed to tell a letter (as the VS Code client does). */
const SNIFF_CHARS = 4096;
/** Files read ahead while earlier ones are linted. */
const READ_AHEAD = 16;

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

export interface Progress {
  report(percentage: number, message: string): void;
  done(): void;
  token: CancellationToken;
}

export interface WorkspaceHost {
  /** The settings for the workspace folder (imr.* scoped to the folder's URI), used for all its letters. */
  settingsFor(uri: string): Promise<ImrSettings>;
  /** .imr-lint.json under the editor settings, found as imr-lint finds it (config/discovery.ts). */
  configs: LetterConfigs;
  documents: DocumentStore;
  log: Log;
  /** A letter's problems changed or it was removed (null): push clients publish, pull clients wake. */
  changed(uri: string, letter: WorkspaceLetter | null): void;
  /** Starts a work-done progress, or null when the client shows none. */
  progress(title: string): Promise<Progress | null>;
}

export class Workspace {
  /** By file path. */
  private readonly letters = new Map<string, WorkspaceLetter>();
  private readonly waiters = new Set<() => void>();
  /** URIs whose next workspace report must be full (closed documents, removed letters). */
  private readonly forced = new Set<string>();
  private scanning: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly roots: readonly string[],
    private readonly host: WorkspaceHost,
    /** Pull clients: keep track of the reports owed (push clients get publishes instead). */
    private readonly pull: boolean,
  ) {}

  get size(): number {
    return this.letters.size;
  }

  all(): WorkspaceLetter[] {
    return [...this.letters.values()];
  }

  byUri(uri: string): WorkspaceLetter | undefined {
    const file = filePath(uri);
    return file === null ? undefined : this.letters.get(file);
  }

  /** Resolves when the current scan ends. */
  whenScanned(): Promise<void> {
    return this.scanning;
  }

  /** (Re)reads every folder; an earlier scan still running stops at its next letter. */
  scan(): Promise<void> {
    const generation = ++this.generation;
    this.scanning = this.runScan(generation).catch((error) => this.host.log.error(`workspace scan failed: ${errorForLog(error)}`));
    return this.scanning;
  }

  private async runScan(generation: number): Promise<void> {
    if (this.roots.length === 0) return;
    const settings = await this.host.settingsFor(pathToFileURL(this.roots[0]).href);
    if (!settings.workspace.enable || !settings.enable) {
      for (const letter of [...this.letters.values()]) this.remove(letter.path);
      this.host.log.info('workspace letters: off (imr.workspace.enable or imr.enable is false)');
      return;
    }
    const started = performance.now();
    const progress = await this.host.progress('IMR: reading letters');
    try {
      const files: string[] = [];
      for (const root of this.roots) await walk(root, files, this.host.log);
      files.sort();
      const seen = new Set<string>();
      let truncated = false;
      for (let i = 0; i < files.length; i += READ_AHEAD) {
        const batch = files.slice(i, i + READ_AHEAD);
        const contents = await Promise.all(batch.map((file) => readCandidate(file)));
        for (let j = 0; j < batch.length; j++) {
          if (generation !== this.generation || progress?.token.isCancellationRequested) {
            this.host.log.info(`workspace scan ${generation !== this.generation ? 'superseded' : 'cancelled'} after ${seen.size} letters`);
            return;
          }
          const text = contents[j];
          if (text === null) continue;
          if (seen.size >= settings.workspace.maxLetters) {
            truncated = true;
            break;
          }
          seen.add(batch[j]);
          await this.update(batch[j], text, settings);
          // Let queued messages (a keystroke in an open letter, a cancel) run between two letters.
          await yieldToEventLoop();
        }
        if (truncated) break;
        progress?.report(Math.round(((i + batch.length) / files.length) * 100), `${seen.size} letters`);
      }
      for (const file of [...this.letters.keys()]) if (!seen.has(file)) this.remove(file);
      const ms = performance.now() - started;
      this.host.log.info(`workspace letters: ${seen.size} read in ${ms.toFixed(0)} ms${truncated ? ` (stopped at imr.workspace.maxLetters = ${settings.workspace.maxLetters})` : ''}`);
    } finally {
      progress?.done();
    }
  }

  /** A watched file was created or changed on disk, or a letter was closed: read it again. */
  async refresh(file: string): Promise<void> {
    if (this.roots.length === 0 || !this.roots.some((root) => isInside(file, root))) return;
    const settings = await this.host.settingsFor(pathToFileURL(this.roots[0]).href);
    if (!settings.workspace.enable || !settings.enable) return;
    if (!this.letters.has(file) && this.letters.size >= settings.workspace.maxLetters) return;
    const text = await readCandidate(file);
    if (text === null) this.remove(file);
    else await this.update(file, text, settings);
  }

  /** A watched path was deleted: a letter, or a folder holding letters. */
  deleted(file: string): void {
    if (this.letters.has(file)) {
      this.remove(file);
      return;
    }
    const prefix = file.endsWith(path.sep) ? file : file + path.sep;
    for (const known of [...this.letters.keys()]) if (known.startsWith(prefix)) this.remove(known);
  }

  /** The document was closed: its next workspace report is a full one. */
  closed(uri: string): void {
    if (this.pull) this.forced.add(uri);
    this.wake();
  }

  /**
   * The reports a `workspace/diagnostic` answers: every letter whose result id differs from the
   * one the client holds (all of them the first time), and an empty report for each letter the
   * client holds that is gone. Open letters are left to document pulls (the client ignores
   * workspace reports for them); their id is marked so a close brings a full report.
   */
  changesSince(previous: ReadonlyMap<string, string>): { uri: string; letter: WorkspaceLetter | null }[] {
    const out: { uri: string; letter: WorkspaceLetter | null }[] = [];
    const known = new Set<string>();
    for (const letter of this.letters.values()) {
      known.add(letter.uri);
      if (this.host.documents.get(letter.uri)) continue;
      if (previous.get(letter.uri) !== letter.resultId || this.forced.has(letter.uri)) out.push({ uri: letter.uri, letter });
    }
    for (const [uri, id] of previous) {
      if (!known.has(uri) && id !== REMOVED_ID && !this.host.documents.get(uri)) out.push({ uri, letter: null });
    }
    for (const uri of this.forced) if (!known.has(uri) && !previous.has(uri)) out.push({ uri, letter: null });
    this.forced.clear();
    return out;
  }

  /** Resolves at the next change of any letter, or when the token is cancelled. */
  nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiters.delete(done);
        listener.dispose();
        resolve();
      };
      const listener = token.onCancellationRequested(done);
      this.waiters.add(done);
    });
  }

  /** Reads a known letter's file again (for reports, which need more than is kept). */
  async textOf(letter: WorkspaceLetter): Promise<string | null> {
    return readCandidate(letter.path);
  }

  /** The folder settings and .imr-lint.json rules that apply to a letter. */
  async settingsOf(uri: string): Promise<ImrSettings> {
    const folder = await this.host.settingsFor(pathToFileURL(this.roots[0] ?? '/').href);
    return (await this.host.configs.apply(uri, folder)).settings;
  }

  /** Item symbols of every letter read from disk that is not open, matching the query. */
  symbols(query: string, isOpen: (uri: string) => boolean): SymbolInformation[] {
    const out: SymbolInformation[] = [];
    for (const letter of this.letters.values()) {
      if (isOpen(letter.uri)) continue;
      out.push(...letterSymbols(letter.uri, { metadata: { caseNumber: letter.caseNumber }, items: letter.items }, query));
    }
    return out;
  }

  /**
   * Lints a letter read from disk under the folder's settings (asked once per scan, not once per
   * letter: 10,000 workspace/configuration round trips cost more than the lints) and the
   * .imr-lint.json that applies to it.
   */
  private async update(file: string, text: string, folderSettings: ImrSettings): Promise<void> {
    const uri = pathToFileURL(file).href;
    const settings = (await this.host.configs.apply(uri, folderSettings)).settings;
    const settingsKey = lintSettingsKey(settings);
    const resultId = createHash('sha1').update(settingsKey).update('\0').update(text).digest('base64url').slice(0, 20);
    const existing = this.letters.get(file);
    if (existing?.resultId === resultId) return;
    const result = lint(text, settings.rules);
    // A letter on disk has no document revision: 0, like its version.
    const analysis: Analysis = { uri, version: 0, revision: 0, settings, settingsKey, result, length: text.length, durationMs: 0 };
    // Through JSON and back: names and messages sliced from the letter would otherwise keep the
    // whole text alive (V8 sliced strings). Measured on 10,000 generated letters: 291 MB of heap
    // held without this, see the README.
    const kept = JSON.parse(JSON.stringify({
      diagnostics: toLspDiagnostics(analysis),
      ...viewOf(result),
    })) as Pick<WorkspaceLetter, 'diagnostics' | 'caseNumber' | 'items' | 'letterRules'>;
    const letter: WorkspaceLetter = { uri, path: file, resultId, layout: result.letter.layout, ...kept };
    this.letters.set(file, letter);
    this.host.changed(uri, letter);
    this.wake();
  }

  private remove(file: string): void {
    const letter = this.letters.get(file);
    if (!letter) return;
    this.letters.delete(file);
    if (this.pull) this.forced.add(letter.uri);
    this.host.changed(letter.uri, null);
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
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

/** The view's entry for a letter. */
export function viewEntry(uri: string, layout: string, problems: number, view: Pick<WorkspaceLetter, 'caseNumber' | 'items' | 'letterRules'>): WorkspaceLetterEntry {
  return {
    uri,
    caseNumber: view.caseNumber,
    layout,
    problems,
    letterRules: view.letterRules,
    items: view.items.map((item) => ({ name: item.name, decision: item.decision, range: item.nameRange, rules: item.rules })),
  };
}

/** The result id of the empty report sent for a letter that is gone. */
export const REMOVED_ID = 'removed';

/** True for a name imr-lint reads: .imr, .pdf, or .txt (a letter only when its text says so). */
function isCandidate(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return ext === '.imr' || ext === '.txt' || ext === '.pdf';
}

/**
 * The text of a letter file, or null when it is not one (binary, too big, a .txt that is no
 * letter, a PDF that cannot be read: encrypted, damaged, scanned; unreadable). A PDF's limit is
 * the PDF reader's (LIMITS.maxBytes), a text file's MAX_WORKSPACE_FILE_BYTES.
 */
async function readCandidate(file: string): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    const pdf = path.extname(file).toLowerCase() === '.pdf';
    if (!stat.isFile() || stat.size > (pdf ? LIMITS.maxBytes : MAX_WORKSPACE_FILE_BYTES)) return null;
    if (pdf) {
      const read = await readPdf(await fs.readFile(file));
      return read.kind === 'text' ? read.text : null;
    }
    const decoded = decodeLetter(await fs.readFile(file));
    if (decoded.kind !== 'text') return null;
    if (path.extname(file).toLowerCase() === '.txt' && !looksLikeLetter(decoded.text.slice(0, SNIFF_CHARS))) return null;
    return decoded.text;
  } catch {
    return null;
  }
}

/** Appends the letter-named files under dir (no links followed, skipped folders skipped). */
async function walk(root: string, out: string[], log: Log): Promise<void> {
  const stack = [root];
  let entries = 0;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let list: Dirent[];
    try {
      list = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of list) {
      if (++entries > MAX_WALKED_ENTRIES) {
        log.warn(`workspace letters: stopped walking after ${MAX_WALKED_ENTRIES} entries`);
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && isCandidate(entry.name)) {
        out.push(full);
      }
    }
  }
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function isConfigFile(file: string): boolean {
  return path.basename(file) === CONFIG_FILE_NAME;
}
