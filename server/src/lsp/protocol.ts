// Names and shapes shared by the server and its clients (the VS Code extension imports this file;
// other editors can read it as documentation). Plain constants and types only: the client bundle
// must not pull in the server.

/** The configuration section read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'imr';

export type TraceSetting = 'off' | 'messages' | 'verbose';
export type RuleSeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** `imr.*` settings as the server understands them (unknown keys are ignored). */
export interface ImrSettings {
  /** false: the server publishes nothing and answers empty for that document. */
  enable: boolean;
  /** Severity per rule id; rules not named keep their default. */
  rules: { [ruleId: string]: RuleSeveritySetting };
  trace: { server: TraceSetting };
}

export const Commands = {
  /**
   * Implemented by the client, which writes `imr.rules.<ruleId> = "off"` to the workspace settings
   * (a server cannot write settings). Arguments: [ruleId]. If a client forwards it to the server
   * anyway, the server answers with a message telling the user which setting to add.
   */
  disableRule: 'imr.disableRule',
  /**
   * Implemented by the server (`workspace/executeCommand`). Arguments: [uri]. Returns a
   * ListDefectsResult; the VS Code client shows its `text` in an output channel.
   */
  listDefects: 'imr.listDefects',
} as const;

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
 * Custom request `imr/letterSummary`, params LetterSummaryParams: the counts a status bar shows,
 * for the version the server holds. Returns null for a document the server does not hold.
 */
export const LETTER_SUMMARY_METHOD = 'imr/letterSummary';

export interface LetterSummaryParams {
  textDocument: { uri: string };
  /** Also return the SHA-256 of the text the server holds (lets a client check that it is in sync). */
  includeDigest?: boolean;
}

export interface LetterSummary {
  uri: string;
  version: number;
  layout: string;
  items: number;
  upheld: number;
  overturned: number;
  noDecision: number;
  /** Diagnostics at the configured severities (0 when imr.enable is false). */
  problems: number;
  /** Length of the text in UTF-16 code units. */
  length: number;
  sha256?: string;
}
