// What every output format receives. A reporter turns the run into text piece by piece
// (start, one file at a time, end) so that output streams while later files are still linted.
import type { Diagnostic, Letter, Rule, Severity } from '../../engine';

export interface FileReport {
  /** The path shown to the user (relative to the working folder when inside it). */
  display: string;
  /** Absolute path, or null for standard input without --stdin-filename. */
  absPath: string | null;
  letter: Letter;
  diagnostics: Diagnostic[];
}

/** A message about an input rather than about a letter: unreadable, binary, bad config... */
export interface Notice {
  display: string;
  message: string;
  /** error: the input could not be read (exit 2); warning: it was read with a caveat. */
  level: 'error' | 'warning';
}

export interface Totals {
  files: number;
  filesWithProblems: number;
  counts: Record<Severity, number>;
}

export interface RunSummary {
  totals: Totals;
  notices: Notice[];
  exitCode: number;
}

export interface ReporterContext {
  cwd: string;
  version: string;
  rules: readonly Rule[];
}

export interface Reporter {
  start(): string;
  file(report: FileReport): string;
  end(summary: RunSummary): string;
}

/** LSP ranges are 0-based; people and SARIF count from 1. */
export function oneBased(position: { line: number; character: number }): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
