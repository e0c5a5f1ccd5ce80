// The server's log goes to the client (window/logMessage). Invariant: no letter text is ever
// logged: only methods, URIs, versions, positions, rule ids, sizes and durations.
import { createHash } from 'node:crypto';
import type { RemoteConsole } from 'vscode-languageserver';

export class Log {
  /** Set from `imr.trace.server`: 'verbose' adds a line per lint with its size and duration. */
  verbose = false;

  constructor(private readonly console: RemoteConsole) {}

  error(message: string): void {
    this.console.error(message);
  }

  warn(message: string): void {
    this.console.warn(message);
  }

  info(message: string): void {
    this.console.info(message);
  }

  debug(message: string): void {
    if (this.verbose) this.console.log(message);
  }

  /**
   * How a document is named in the log. Letter file names often carry a case number or a
   * person's name, so unless tracing is on ('verbose') the log holds a short hash of the URI and
   * the length of its last segment: enough to tell documents apart and match lines up.
   */
  doc(uri: string): string {
    return this.verbose ? uri : shortName(uri);
  }
}

/** `doc#1a2b3c4d (name of 23 chars)`: the first 8 hex digits of the URI's SHA-256. */
export function shortName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return `doc#${createHash('sha256').update(uri).digest('hex').slice(0, 8)} (name of ${name.length} chars)`;
}

/**
 * Describes a caught error without its message where that message could quote the input (a
 * JSON SyntaxError quotes what it read; an engine error might quote the letter). Built-in type and
 * reference errors name code, not data, so their message is kept.
 */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const safeMessage = error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).slice(0, 8);
  return [`${error.name}${safeMessage ? ': ' + error.message : ''}`, ...frames].join('\n');
}
