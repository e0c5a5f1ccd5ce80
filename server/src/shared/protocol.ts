// Names and shapes shared by the VS Code client (client/src/) and the language server
// (server/src/lsp/). Plain data only: no imports from vscode or vscode-languageserver, so both
// bundles can take it. Owner: the extension. Change a name here, never in one side only.

/** The language id of IMR letters (package.json contributes.languages). */
export const LANGUAGE_ID = 'imr';

/** The settings section: imr.enable, imr.rules, imr.trace.server (workspace/configuration). */
export const CONFIG_SECTION = 'imr';

/** Severity of one rule in `imr.rules`; matches the engine's SeveritySetting. */
export type RuleSeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** What `workspace/configuration` returns for the section `imr` (missing keys take these defaults). */
export interface ImrSettings {
  enable: boolean;
  rules: { [ruleId: string]: RuleSeveritySetting | undefined };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: ImrSettings = { enable: true, rules: {}, trace: { server: 'off' } };

export const Commands = {
  /**
   * Client-side command (the extension registers it). Arguments: [ruleId: string]. Sets
   * `imr.rules[ruleId] = "off"` in the workspace settings. The server's code action "disable this
   * rule in this workspace" carries `{ command: Commands.disableRule, arguments: [ruleId] }`.
   * The server must NOT list it in executeCommandProvider: vscode-languageclient registers a
   * VS Code command for every id listed there and would collide with the extension's own.
   */
  disableRule: 'imr.disableRule',
  /**
   * Server-side command (workspace/executeCommand). Arguments: [uri: string]. Returns
   * ListDefectsResult. The server lists it in executeCommandProvider.commands; the extension
   * shows the result in its "IMR Defects" output channel (and supplies the active letter's uri
   * when the command palette passes no argument).
   */
  listDefects: 'imr.listDefects',
} as const;

/** The commands the server advertises in `executeCommandProvider.commands`. */
export const SERVER_COMMANDS: readonly string[] = [Commands.listDefects];

export interface DefectEntry {
  /** The rule id (the diagnostic's `code`). */
  ruleId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** LSP range: 0-based line, UTF-16 character. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The item's name when the defect belongs to one item, else null. */
  item: string | null;
}

export interface ListDefectsResult {
  uri: string;
  defects: DefectEntry[];
}

/**
 * Document symbols: an item symbol's `detail` is exactly one of these strings. The extension's
 * status bar counts items and decisions from the symbols by this detail alone (no custom request).
 */
export const DecisionDetail = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  none: 'no decision',
} as const;
