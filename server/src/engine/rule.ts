import type { Diagnostic, Severity } from './diagnostic';
import type { Letter } from './types';

/** What a rule reports; the engine adds the rule's code and configured severity. */
export type Finding = Omit<Diagnostic, 'code' | 'severity'>;

export interface Rule {
  /** Public contract: users configure the rule by this id. */
  id: string;
  defaultSeverity: Severity;
  /** A plain title for pickers and settings ("Guideline says nothing was cited"); the id when absent. */
  title?: string;
  /** One line, shown in rule tables, SARIF and the settings schema. */
  description: string;
  /** Markdown: what it finds, why it matters to a reader, how to fix the letter. */
  docs: string;
  check(letter: Letter): Finding[];
}
