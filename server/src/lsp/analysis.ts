// Parse and lint once per document version: every feature reads the same Analysis. Only the
// latest analysis of each document is kept (memory stays proportional to what is open).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../engine';
import type { ImrSettings } from './protocol';
import { lintSettingsKey } from './settings';
import type { Log } from './log';

export interface Analysis {
  uri: string;
  version: number;
  settings: ImrSettings;
  settingsKey: string;
  /** null when imr.enable is false for the document: every feature then answers empty. */
  result: LintResult | null;
  length: number;
  durationMs: number;
}

export class AnalysisCache {
  private readonly latest = new Map<string, Analysis>();

  constructor(readonly log: Log) {}

  /** The analysis of the document's current text under these settings, linting if needed. */
  get(document: TextDocument, settings: ImrSettings): Analysis {
    const settingsKey = lintSettingsKey(settings);
    const cached = this.latest.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached;
    const text = document.getText();
    const started = performance.now();
    const result = settings.enable ? lint(text, settings.rules) : null;
    const durationMs = performance.now() - started;
    const analysis: Analysis = {
      uri: document.uri,
      version: document.version,
      settings,
      settingsKey,
      result,
      length: text.length,
      durationMs,
    };
    this.latest.set(document.uri, analysis);
    this.log.debug(
      `lint ${document.uri} v${document.version}: ${text.length} chars, ` +
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
  }

  all(): Analysis[] {
    return [...this.latest.values()];
  }
}
