// What every output format receives. A reporter turns the run into text piece by piece
// (start, one file at a time, end) so that output streams while later files are still linted.
// pieces() is pure, so worker threads can format their files and the main thread only joins.
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
  homepage: string | null;
  rules: readonly Rule[];
}

export interface Reporter {
  start(): string;
  /** One file's output: text lines, or JSON array elements. */
  pieces(report: FileReport): string[];
  /** Put between two pieces, within a file and from one file to the next ('' for text). */
  separator: string;
  /** True: the pieces are not written as they come but handed to end() (a report over the whole run). */
  collect?: boolean;
  end(summary: RunSummary, collected?: readonly string[]): string;
}

/** Joins the pieces of successive files with the reporter's separator. */
export class PieceJoiner {
  private first = true;

  constructor(private readonly separator: string) {}

  join(pieces: readonly string[]): string {
    if (pieces.length === 0) return '';
    const lead = this.first ? '' : this.separator;
    this.first = false;
    return lead + pieces.join(this.separator);
  }
}

/** LSP ranges are 0-based; people and SARIF count from 1. */
export function oneBased(position: { line: number; character: number }): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
