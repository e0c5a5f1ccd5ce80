// Parse and lint once per document version: every feature reads the same Analysis. Only the
// latest analysis of each document is kept, and only for the most recently used documents: a
// typical letter re-lints in well under a millisecond, while a thousand cached analyses would
// hold more memory than the thousand texts themselves.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, LintMemo, type LintResult } from '../engine';
import type { ImrSettings } from './protocol';
import { lintSettingsKey } from './settings';
import type { Log } from './log';

export interface Analysis {
  uri: string;
  version: number;
  /** DocumentStore.revision of the text analysed: the cache key, with the settings. */
  revision: number;
  settings: ImrSettings;
  settingsKey: string;
  /** null when imr.enable is false for the document: every feature then answers empty. */
  result: LintResult | null;
  length: number;
  durationMs: number;
}

/** How many documents keep their analysis; the others are linted again when next asked for. */
export const CACHED_ANALYSES = 64;

export class AnalysisCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly latest = new Map<string, Analysis>();
  /** Per document, the field readings of its last lint, which the next lint reuses (engine/memo.ts). */
  private readonly memos = new Map<string, LintMemo>();

  constructor(
    readonly log: Log,
    private readonly capacity = CACHED_ANALYSES,
  ) {}

  /** The analysis of the document's current text under these settings, linting if needed. */
  get(document: TextDocument, revision: number, settings: ImrSettings): Analysis {
    const settingsKey = lintSettingsKey(settings);
    const cached = this.latest.get(document.uri);
    if (cached && cached.revision === revision && cached.settingsKey === settingsKey) {
      this.latest.delete(document.uri);
      this.latest.set(document.uri, cached);
      return cached;
    }
    const text = document.getText();
    const started = performance.now();
    const result = settings.enable ? lint(text, settings.rules, this.memoOf(document.uri)) : null;
    const durationMs = performance.now() - started;
    const analysis: Analysis = {
      uri: document.uri,
      version: document.version,
      revision,
      settings,
      settingsKey,
      result,
      length: text.length,
      durationMs,
    };
    this.latest.delete(document.uri);
    this.latest.set(document.uri, analysis);
    if (this.latest.size > this.capacity) this.delete(this.latest.keys().next().value!);
    this.log.debug(
      `lint ${this.log.doc(document.uri)} v${document.version}: ${text.length} chars, ` +
        `${result ? result.letter.items.length + ' items, ' + result.diagnostics.length + ' diagnostics' : 'disabled'}, ` +
        `${durationMs.toFixed(1)} ms`,
    );
    return analysis;
  }

  /** The last analysis of a document, whatever its version (for debounce timing). */
  peek(uri: string): Analysis | undefined {
    return this.latest.get(uri);
  }

  delete(uri: string): void {
    this.latest.delete(uri);
    this.memos.delete(uri);
  }

  private memoOf(uri: string): LintMemo {
    let memo = this.memos.get(uri);
    if (!memo) this.memos.set(uri, (memo = new LintMemo()));
    return memo;
  }

  all(): Analysis[] {
    return [...this.latest.values()];
  }
}
