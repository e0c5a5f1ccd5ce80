import type { Range } from './types';

import type { RuleSeveritySetting, Severity } from '../shared/protocol';

export type { Severity };
export type SeveritySetting = RuleSeveritySetting;

/** A text edit as data: the server turns it into an LSP WorkspaceEdit, the CLI could apply it. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  /** The rule id. Public contract: users configure rules by it. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** 0-based index into Letter.items, or null for the whole letter. */
  item: number | null;
  related?: RelatedInformation[];
  /** Quick fixes, as data, so that no editor has to recompute them. */
  fixes?: Fix[];
}

/** Severity per rule id; rules not named keep their default. */
export interface RuleSettings {
  [ruleId: string]: SeveritySetting | undefined;
}
