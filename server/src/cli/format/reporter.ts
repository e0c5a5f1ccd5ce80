// What every output format receives. A reporter turns the run into text piece by piece
// (start, one file at a time, end) so that output streams while later files are still linted.
// pieces() is pure, so worker threads can format their files and the main thread only joins.
import type { Diagnostic, Letter, Rule, Severity } from '../../engine';
import type { PageLocator } from '../../pdf/result';

export interface FileReport {
  /** The path shown to the user (relative to the working folder when inside it). */
  display: string;
  /** Absolute path, or null for standard input without --stdin-filename. */
  absPath: string | null;
  letter: Letter;
  diagnostics: Diagnostic[];
  /** For a letter read from a PDF: the page of a position in its text. */
  pages?: PageLocator;
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
  /** What set the rules: every output names it, so that a clean result can be trusted. */
  configuration: Configuration;
}

export interface Configuration {
  /** The `.imr-lint.json` files (or --config file) that applied to a letter, as displayed. */
  files: string[];
  /** How many --rule flags were given (they override the files). */
  ruleFlags: number;
}

/** "Configuration: a/.imr-lint.json, b/.imr-lint.json; 2 --rule flags", or the defaults. */
export function configurationLine(configuration: Configuration): string {
  const files = configuration.files.length > 0 ? configuration.files.join(', ') : 'no .imr-lint.json (rule defaults)';
  const flags = configuration.ruleFlags > 0 ? `; ${plural(configuration.ruleFlags, '--rule flag')} on top` : '';
  return `Configuration: ${files}${flags}`;
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

/**
 * Text for a terminal: control characters (escape sequences that could recolour, retitle or
 * clear the terminal, line breaks in a file name, NUL) are shown as \xHH or \uHHHH instead of
 * acting, so every problem stays one line and a name cannot forge output.
 */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
