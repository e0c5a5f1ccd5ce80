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
//   between two of them, and while someone types one lint worker rests (TYPING_SPARE_MS); the
//   scan can be cancelled from its progress;
// - the engine gets text, as from imr-lint: same decoding (cli/read.ts), same .imr-lint.json;
//   a .pdf is read by the same PdfReader (a worker thread running dist/pdf-worker.js, started with
//   the first PDF, one file at a time), so this bundle holds no pdf.js.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, SymbolInformation } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/discovery';
import type { WorkerPool } from '../workerPool';
import { filePath } from './configFile';
import type { LetterConfigs } from './configs';
import type { DocumentStore } from './documents';
import { yieldToEventLoop } from './guard';
import { errorForLog, type Log } from './log';
import type { ImrSettings, WorkspaceLetterEntry } from './protocol';
import { lintSettingsKey } from './settings';
import { letterSymbols, matchesQuery } from './features/workspaceSymbols';
import { isInside, readCandidate, walk } from './workspaceFiles';
import { lintLetterFile, lintLetterText, lintPool, type LetterView, type LintOutcome, type LintRequest, type WorkspaceLetter, unpackItems } from './workspaceLint';

/** Letters in flight (read and linted ahead of the one being recorded), per lint thread. */
const WINDOW_PER_THREAD = 16;
/** Below this many files a scan lints in the server's thread: starting workers costs more. */
export const MIN_FILES_FOR_WORKERS = 200;
/** Lint workers at most: the server's thread and the editor need the rest of the machine. */
const MAX_LINT_WORKERS = 4;
/**
 * After a keystroke in an open letter, a scan leaves one of its workers idle this long: a typist's
 * next key comes sooner, so a core stays free while someone types. Idle-class workers were not
 * enough on a 2-core virtual machine: keystroke p95 during a 10,000-letter read, alternating
 * runs, was 5.39 / 7.86 / 7.47 ms with both workers busy and 4.15 / 4.80 / 4.54 ms with one
 * (README, "A folder of letters").
 */
const TYPING_SPARE_MS = 1000;

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

/** A scan's settings for the letters of each folder, by folder path. */
type SettingsByFolder = Map<string, Promise<{ settings: ImrSettings; settingsKey: string }>>;

export class Workspace {
  /** By file path. */
  private readonly letters = new Map<string, WorkspaceLetter>();
  private readonly waiters = new Set<() => void>();
  /** URIs whose next workspace report must be full (closed documents, removed letters). */
  private readonly forced = new Set<string>();
  private scanning: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The running scan's lint workers, if any. */
  private pool: WorkerPool<LintRequest, LintOutcome> | null = null;

  constructor(
    private roots: readonly string[],
    private readonly host: WorkspaceHost,
    /** Pull clients: keep track of the reports owed (push clients get publishes instead). */
    private readonly pull: boolean,
    /** The bundle that starts a lint worker (startLintWorkerIfAny); null lints in this thread. */
    private readonly workerScript: string | null,
  ) {}

  /** Someone typed in an open letter: a scan with several workers leaves one core to the editor for a while. */
  typing(): void {
    this.pool?.spareOne(performance.now() + TYPING_SPARE_MS);
  }

  /** The workspace folders changed: the next scan reads these. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  /** The innermost workspace folder holding the file (folders may nest), or null. */
  private rootOf(file: string): string | null {
    let best: string | null = null;
    for (const root of this.roots) if (isInside(file, root) && (best === null || root.length > best.length)) best = root;
    return best;
  }

  /** The settings of the folder holding the file (imr.rules and imr.enable are per folder). */
  private folderSettings(file: string): Promise<ImrSettings> | null {
    const root = this.rootOf(file);
    return root === null ? null : this.host.settingsFor(pathToFileURL(root).href);
  }

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
    if (this.roots.length === 0) {
      for (const letter of [...this.letters.values()]) this.remove(letter.path);
      return;
    }
    // imr.workspace.* are window settings (the same for every folder); imr.rules and imr.enable
    // are read per folder, once per scan.
    const settings = await this.host.settingsFor(pathToFileURL(this.roots[0]).href);
    if (!settings.workspace.enable) {
      for (const letter of [...this.letters.values()]) this.remove(letter.path);
      this.host.log.info('workspace letters: off (imr.workspace.enable is false)');
      return;
    }
    // Innermost folders first: a file under nested folders takes the settings of the innermost.
    const roots = [...this.roots].sort((a, b) => b.length - a.length);
    const perFolder = new Map<string, ImrSettings>();
    for (const root of roots) perFolder.set(root, await this.host.settingsFor(pathToFileURL(root).href));
    const folderOf = new Map<string, string>();
    // One folder (the usual case) needs no map: its walk lists its files in path order.
    const settingsOf = (file: string): ImrSettings => perFolder.get(roots.length === 1 ? roots[0] : folderOf.get(file)!)!;
    const started = performance.now();
    const progress = await this.host.progress('IMR: reading letters');
    try {
      let files: string[] = [];
      if (roots.length === 1) {
        await walk(roots[0], files, this.host.log);
        // A folder with imr.enable off is not read.
        if (!settingsOf(roots[0]).enable) files = [];
      } else {
        for (const root of roots) {
          const found: string[] = [];
          await walk(root, found, this.host.log);
          for (const file of found) if (!folderOf.has(file)) folderOf.set(file, root);
        }
        // Each file under its innermost folder's settings; a folder with imr.enable off is not read.
        files = [...folderOf.keys()].filter((file) => settingsOf(file).enable).sort();
      }
      const threads = this.workerScript !== null && files.length >= MIN_FILES_FOR_WORKERS ? Math.min(MAX_LINT_WORKERS, availableParallelism()) : 0;
      const pool = threads > 0 ? lintPool(this.workerScript!, threads) : null;
      this.pool = pool;
      const seen = new Set<string>();
      const byFolder: SettingsByFolder = new Map();
      let truncated = false;
      let stopping = false;
      try {
        // Files are read and linted ahead (by the workers, or overlapping reads here) and recorded
        // in order, one per turn of the event loop.
        const window: { request: LintRequest; outcome: Promise<LintOutcome> }[] = [];
        let next = 0;
        const fill = async (): Promise<void> => {
          while (window.length < WINDOW_PER_THREAD * Math.max(1, threads) && next < files.length) {
            const file = files[next++];
            const request = await this.request(file, settingsOf(file), byFolder);
            const outcome = pool ? pool.run(request) : lintLetterFile(request, true);
            // A file that fails (its worker died twice on it) is skipped; awaited in turn below.
            window.push({
              request,
              outcome: outcome.catch((error: unknown) => {
                if (!stopping) this.host.log.warn(`workspace letters: ${this.host.log.doc(request.uri)} skipped: ${errorForLog(error)}`);
                return { kind: 'not-a-letter' } as const;
              }),
            });
          }
        };
        for (let i = 0; i < files.length; i++) {
          await fill();
          const { request, outcome: pending } = window.shift()!;
          const outcome = await pending;
          if (generation !== this.generation || progress?.token.isCancellationRequested) {
            this.host.log.info(`workspace scan ${generation !== this.generation ? 'superseded' : 'cancelled'} after ${seen.size} letters`);
            return;
          }
          if (outcome.kind === 'not-a-letter') continue;
          if (seen.size >= settings.workspace.maxLetters) {
            truncated = true;
            break;
          }
          if (outcome.kind === 'pdf') {
            const text = await readCandidate(request.file);
            if (text === null) continue;
            this.record(lintLetterText(request, text, true));
          } else {
            this.record(outcome);
          }
          seen.add(files[i]);
          if (i % 64 === 63 || i === files.length - 1) progress?.report(Math.round(((i + 1) / files.length) * 100), `${seen.size} letters`);
          // Let queued messages (a keystroke in an open letter, a cancel) run between two letters.
          await yieldToEventLoop();
        }
      } finally {
        stopping = true;
        if (this.pool === pool) this.pool = null;
        void pool?.close();
      }
      for (const file of [...this.letters.keys()]) if (!seen.has(file)) this.remove(file);
      const ms = performance.now() - started;
      const by = threads > 0 ? `${threads} lint worker${threads > 1 ? 's' : ''}` : 'this thread';
      this.host.log.info(`workspace letters: ${seen.size} read in ${ms.toFixed(0)} ms by ${by}${truncated ? ` (stopped at imr.workspace.maxLetters = ${settings.workspace.maxLetters})` : ''}`);
    } finally {
      progress?.done();
    }
  }

  /** A watched file was created or changed on disk, or a letter was closed: read it again. */
  async refresh(file: string): Promise<void> {
    const folder = this.folderSettings(file);
    if (folder === null) return;
    const settings = await folder;
    if (!settings.workspace.enable || !settings.enable) return;
    if (!this.letters.has(file) && this.letters.size >= settings.workspace.maxLetters) return;
    const text = await readCandidate(file);
    if (text === null) this.remove(file);
    else this.record(lintLetterText(await this.request(file, settings), text, true));
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

  /** A PDF was opened as text: a held workspace report answers (its file's report empties). */
  viewOpened(): void {
    this.wake();
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
      // A PDF open as text (VS Code's imr-pdf:) is reported under that URI: its file's report is emptied.
      if (this.host.documents.isOpen(letter.uri)) {
        if (previous.get(letter.uri) !== REMOVED_ID) out.push({ uri: letter.uri, letter: null });
        continue;
      }
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
    const file = filePath(uri);
    const folder = await ((file !== null ? this.folderSettings(file) : null) ?? this.host.settingsFor(pathToFileURL(this.roots[0] ?? '/').href));
    return (await this.host.configs.apply(uri, folder)).settings;
  }

  /** Item symbols of every letter read from disk that is not open, matching the query. */
  symbols(query: string, isOpen: (uri: string) => boolean): SymbolInformation[] {
    const out: SymbolInformation[] = [];
    for (const letter of this.letters.values()) {
      // A name that matches is a subsequence of all the names: most letters are passed unpacked.
      if (isOpen(letter.uri) || !matchesQuery(letter.items.names, query)) continue;
      out.push(...letterSymbols(letter.uri, { metadata: { caseNumber: letter.caseNumber }, items: unpackItems(letter.items) }, query));
    }
    return out;
  }

  /**
   * What linting a file needs: the folder's settings (asked once per scan, not once per letter:
   * 10,000 workspace/configuration round trips cost more than the lints) under the
   * .imr-lint.json that applies to it, and the result id already known.
   */
  private async request(file: string, folderSettings: ImrSettings, byFolder?: SettingsByFolder): Promise<LintRequest> {
    const uri = pathToFileURL(file).href;
    // Every letter of a folder takes the same config: a scan works it out once per folder. Per
    // letter, the paths built on the way were an eighth of what the server's thread allocated
    // while 10,000 letters were read.
    const folder = path.dirname(file);
    let applied = byFolder?.get(folder);
    if (!applied) {
      applied = this.host.configs.apply(uri, folderSettings).then(({ settings }) => ({ settings, settingsKey: lintSettingsKey(settings) }));
      byFolder?.set(folder, applied);
    }
    const { settings, settingsKey } = await applied;
    return { file, uri, settings, settingsKey, knownId: this.letters.get(file)?.resultId ?? null };
  }

  /** Keeps a letter's new result and tells the host (an unchanged one changes nothing). */
  private record(outcome: LintOutcome): void {
    if (outcome.kind !== 'letter') return;
    const { letter } = outcome;
    this.letters.set(letter.path, letter);
    this.host.changed(letter.uri, letter);
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

/** The view's entry for a letter. */
export function viewEntry(uri: string, layout: string, problems: number, view: LetterView): WorkspaceLetterEntry {
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

export function isConfigFile(file: string): boolean {
  return path.basename(file) === CONFIG_FILE_NAME;
}
