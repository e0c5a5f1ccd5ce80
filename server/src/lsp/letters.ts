// The one way features get at a letter: the open document, its settings, its analysis. Large
// letters yield to the event loop before linting so that queued messages (a cancellation, requests
// for other documents) run first.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine';
import { AnalysisCache, type Analysis } from './analysis';
import type { DocumentStore } from './documents';
import { throwIfCancelled, yieldToEventLoop } from './guard';
import type { ConfigRules } from './configFile';
import type { SettingsStore } from './settings';

/** Above this size a letter's lint takes long enough to be worth a yield before it, and a longer debounce. */
export const LARGE_DOCUMENT = 2_000_000;

export interface OpenLetter {
  document: TextDocument;
  analysis: Analysis;
}

export interface EnabledLetter extends OpenLetter {
  result: LintResult;
}

export class Letters {
  constructor(
    readonly documents: DocumentStore,
    readonly settings: SettingsStore,
    readonly cache: AnalysisCache,
    /** .imr-lint.json rules under the editor settings; absent: editor settings only. */
    readonly configRules?: ConfigRules,
  ) {}

  /** The analysis of the document's current version; undefined when the document is not open. */
  async get(uri: string, token?: CancellationToken): Promise<OpenLetter | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const editor = await this.settings.get(uri);
    const settings = this.configRules ? await this.configRules.apply(uri, editor) : editor;
    throwIfCancelled(token);
    let document = this.documents.get(uri);
    if (!document) return undefined;
    if (document.getText().length > LARGE_DOCUMENT && !this.isFresh(document)) {
      await yieldToEventLoop();
      throwIfCancelled(token);
      document = this.documents.get(uri);
      if (!document) return undefined;
    }
    this.cache.log.verbose = settings.trace.server === 'verbose';
    const analysis = this.cache.get(document, settings);
    // The lint is cached: a request cancelled while it ran can stop here without losing it.
    throwIfCancelled(token);
    return { document, analysis };
  }

  /** Like get, but undefined also when imr.enable is false for the document. */
  async getEnabled(uri: string, token?: CancellationToken): Promise<EnabledLetter | undefined> {
    const letter = await this.get(uri, token);
    if (!letter?.analysis.result) return undefined;
    return { ...letter, result: letter.analysis.result };
  }

  close(uri: string): void {
    this.documents.close(uri);
    this.cache.delete(uri);
    this.settings.forget(uri);
  }

  private isFresh(document: TextDocument): boolean {
    return this.cache.peek(document.uri)?.version === document.version;
  }
}
