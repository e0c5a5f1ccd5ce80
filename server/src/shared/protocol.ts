// Names and shapes shared by the VS Code client (client/src/) and the language server
// (server/src/lsp/). Plain constants and types only: no imports from vscode or
// vscode-languageserver, so the client bundle never pulls in the server (server/src/lsp/protocol.ts
// re-exports this file). Change a name here, never on one side only.

/**
 * Node flags every launcher of the server passes (the VS Code client's execArgv, the shebang of
 * bin/imr-language-server.js, the benchmark). V8 reads them only at start-up, so they cannot be
 * set from inside the server.
 * - A smaller young generation. The server holds many small letters; V8's default 16 MB
 *   semi-spaces keep about 35 MB more resident with 1,000 letters open. 4 MB keeps that gain
 *   (121 MB against 155 MB) while a 1 MB letter still lints as fast as with the default; 2 MB
 *   saved 7 MB more but slowed letters of a megabyte and up.
 * - V8's gc(), so that the server collects its young generation after answering a keystroke
 *   rather than in the middle of the next one (server/src/lsp/youngGeneration.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--expose-gc'];

/** The language id of IMR letters (package.json contributes.languages). */
export const LANGUAGE_ID = 'imr';

/**
 * The scheme of the VS Code client's read-only text of a PDF letter:
 * `imr-pdf:/…/letter.pdf.imr?<the PDF's file: URI>` (client/src/pdfLetters.ts).
 */
export const PDF_TEXT_SCHEME = 'imr-pdf';

/** The URI of the PDF whose text this document is (a PDF_TEXT_SCHEME document), or null. */
export function pdfOfTextUri(uri: string): string | null {
  if (!uri.startsWith(PDF_TEXT_SCHEME + ':')) return null;
  const query = uri.indexOf('?');
  if (query < 0) return null;
  const fragment = uri.indexOf('#', query);
  try {
    const pdf = decodeURIComponent(uri.slice(query + 1, fragment < 0 ? undefined : fragment));
    return pdf.startsWith('file:') ? pdf : null;
  } catch {
    return null;
  }
}

/** The `source` of every diagnostic the server publishes: how the client tells them from others'. */
export const DIAGNOSTIC_SOURCE = 'imr';

/** The configuration section read through `workspace/configuration`: imr.enable, imr.rules, imr.trace.server. */
export const SETTINGS_SECTION = 'imr';

export type TraceSetting = 'off' | 'messages' | 'verbose';
/** The severities a finding can have, most severe first: the one list (engine, CLI, server, docs). */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a rule can be set to (`imr.rules`, `.imr-lint.json`, `--rule`): a severity, or off. */
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
export type RuleSeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export function isSeveritySetting(value: unknown): value is RuleSeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** `imr.*` settings as the server understands them (unknown keys are ignored). */
export interface ImrSettings {
  /** false: the server publishes nothing and answers empty for that document. */
  enable: boolean;
  /** Severity per rule id; rules not named keep their default. */
  rules: { [ruleId: string]: RuleSeveritySetting };
  trace: { server: TraceSetting };
  /** The letters of the workspace folders, read by the server whether open or not. */
  workspace: WorkspaceSettings;
}

export interface WorkspaceSettings {
  /** false: only open letters are checked. */
  enable: boolean;
  /** At most this many letters are read from the folders (in path order); the rest are not. */
  maxLetters: number;
}

export const Commands = {
  /**
   * Client-side: the extension registers it and writes `imr.rules[ruleId] = "off"` to the
   * workspace settings (a server cannot write settings). Arguments: [ruleId]. The server's code
   * action "disable this rule in this workspace" carries it. The server must NOT list it in
   * `executeCommandProvider.commands`: vscode-languageclient registers a VS Code command for every
   * id listed there, which would collide with the extension's own.
   */
  disableRule: 'imr.disableRule',
  /**
   * Server-side (`workspace/executeCommand`). Arguments: [uri]. Returns a ListDefectsResult. The
   * extension shows its `text` in the "IMR Defects" output channel, and passes the active
   * letter's uri when the command palette gives no argument.
   */
  listDefects: 'imr.listDefects',
  /**
   * Client-side: copies a note describing a defect (case number, item, rule) to the clipboard,
   * for a memo or an appeal. Arguments: [note]. Carried by a code action; never edits the letter.
   */
  copyDefectNote: 'imr.copyDefectNote',
  /** Client-side: opens a rule's page rendered, read-only. Arguments: [ruleId]. */
  openRulePage: 'imr.openRulePage',
  /** Client-side: turns rules that were turned off back on (a picker of those written in settings). */
  enableRules: 'imr.enableRules',
} as const;

/** The commands the server advertises in `executeCommandProvider.commands`. */
export const SERVER_COMMANDS: readonly string[] = [Commands.listDefects];

/** Code action kind of the "List every defect of this letter" source action. */
export const LIST_DEFECTS_KIND = 'source.imr.listDefects';

export interface ListDefectsResult {
  uri: string;
  version: number;
  count: number;
  /** One defect per line: `line:column severity rule-id message` (1-based line and column). */
  text: string;
}

/**
 * Document symbols: an item symbol's name starts with one of these and ": " ("Upheld: Norco
 * #120"), the decision first so that a cut label still shows it; its detail is the treatment
 * category and what the name could not hold, joined by DETAIL_SEPARATOR, never the decision
 * again. The extension's status bar counts items and decisions from the symbols by this prefix.
 */
export const DecisionDetail = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  none: 'No decision',
} as const;

/** Between the decision and the treatment category in an item symbol's detail. */
export const DETAIL_SEPARATOR = ' · ';

/**
 * Custom request `imr/letterSummary`, params `{ textDocument: { uri }, includeDigest?: boolean }`
 * (includeDigest: also return the SHA-256 of the text the server holds, which lets a client check
 * that it is in sync). Returns a LetterSummary: the counts a status bar shows,
 * for the version the server holds. Returns null for a document the server does not hold. (The
 * VS Code extension computes the same counts from document symbols and diagnostics instead, so
 * it works with the standard protocol alone; other clients and tests may use this.)
 */
export const LETTER_SUMMARY_METHOD = 'imr/letterSummary';

/** A letter's items by decision: what the status bar shows (the extension counts them from symbols). */
export interface DecisionCounts {
  items: number;
  upheld: number;
  overturned: number;
  noDecision: number;
}

/** The answer to `imr/letterSummary`. */
export interface LetterSummary extends DecisionCounts {
  uri: string;
  version: number;
  layout: string;
  /** Diagnostics at the configured severities (0 when imr.enable is false). */
  problems: number;
  /** Length of the text in UTF-16 code units. */
  length: number;
  sha256?: string;
  /** The `.imr-lint.json` whose rules applied (imr.rules on top), or null: found as imr-lint finds it. */
  configFile?: string | null;
}

/**
 * Custom request `imr/workspaceLetters` (no params): every letter the server knows, read from the
 * workspace folders or open (an open letter as its unsaved text says), for the "IMR Letters" view.
 * The server sends the notification `imr/workspaceLettersChanged` (no params) when the list may
 * have changed; the client asks again.
 */
export const WORKSPACE_LETTERS_METHOD = 'imr/workspaceLetters';
export const WORKSPACE_LETTERS_CHANGED = 'imr/workspaceLettersChanged';

export interface WorkspaceLetterItem {
  name: string;
  decision: 'Upheld' | 'Overturned' | null;
  /** The item's name, 0-based LSP range: where a click opens the letter. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Rule ids of the problems about this item. */
  rules: string[];
}

export interface WorkspaceLetterEntry {
  uri: string;
  caseNumber: string | null;
  layout: string;
  /** Problems in all (about items and about the letter). */
  problems: number;
  /** Rule ids of the problems about the letter as a whole. */
  letterRules: string[];
  items: WorkspaceLetterItem[];
}

/**
 * Custom request `imr/workspaceReport`, params `{ format: 'csv' | 'html' }`: the decisions table
 * (CSV with its byte order mark, as `imr-lint --format csv`) or the summary page (as
 * `imr-lint --format html`) of every letter the server knows, open letters as their text says.
 * Returns `{ text }`. The VS Code commands "IMR: Export Decisions Table" and "IMR: Show Summary".
 */
export const WORKSPACE_REPORT_METHOD = 'imr/workspaceReport';
