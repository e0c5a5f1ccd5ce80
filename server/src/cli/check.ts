// The work done for one letter, the same in the main thread and in a worker: read, decode,
// lint, format. Returns plain data (strings and counts) that crosses threads cheaply.
import { lint, type RuleSettings, type Severity } from '../engine';
import { PageLocator } from '../pdf/result';
import type { Reporter } from './format/reporter';
import { readLetter, type Decoded, type ReadResult } from './read';

export interface CheckTask {
  display: string;
  /** Absolute path; null for standard input without --stdin-filename. */
  absPath: string | null;
  settings: RuleSettings;
}

export type Counts = Record<Severity, number>;

export type FileOutcome =
  | { kind: 'checked'; pieces: string[]; counts: Counts; problems: number; warning: string | null }
  | { kind: 'skipped'; message: string };

/** Read, decode, lint, format: whatever fails, only this file is lost (skipped, with a message). */
export async function checkFile(task: CheckTask & { absPath: string }, reporter: Reporter): Promise<FileOutcome> {
  try {
    return checkContent(await readLetter(task.absPath), task, reporter);
  } catch (error) {
    return { kind: 'skipped', message: `cannot be checked (${describeFailure(error)})` };
  }
}

/** A failure's kind and a short reason (a string too long for the runtime, memory), never input text. */
function describeFailure(error: unknown): string {
  if (error instanceof RangeError) return 'too large to decode';
  return error instanceof Error ? error.name : 'unknown error';
}

export function checkContent(content: ReadResult | Decoded, task: CheckTask, reporter: Reporter): FileOutcome {
  if (content.kind === 'error') return { kind: 'skipped', message: content.message };
  if (content.kind === 'binary') return { kind: 'skipped', message: 'not a text file (binary), skipped' };
  try {
    const { letter, diagnostics } = lint(content.text, task.settings);
    const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const d of diagnostics) counts[d.severity]++;
    const pages = content.pageStarts ? new PageLocator(content.text, content.pageStarts) : undefined;
    const pieces = reporter.pieces({ display: task.display, absPath: task.absPath, letter, diagnostics, pages });
    return { kind: 'checked', pieces, counts, problems: diagnostics.length, warning: content.warning };
  } catch (error) {
    // The engine promises never to throw; if it does, this letter is lost, not the run.
    return { kind: 'skipped', message: `internal error while checking (${describeFailure(error)})` };
  }
}
