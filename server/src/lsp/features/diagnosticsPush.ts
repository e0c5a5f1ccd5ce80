// Pushed diagnostics (clients without pull support). Invariants:
// - published with the version they were computed for, right after linting that version: never a
//   result for an older version;
// - every change schedules a lint of the document, so the last edit always gets its diagnostics;
// - letters up to 2 MB are linted on the next turn of the event loop (a burst of changes read in
//   one chunk costs one lint); larger ones wait 10 ms, so that every change already received is
//   in before the lint starts;
// - a letter whose lint took more than 100 ms (a letter of several MB; a 1 MB letter lints in
//   20-40 ms and is linted at once after every change) is linted again only once as much time has passed
//   since that lint ended (at most 500 ms): linting takes at most about half of the server's time
//   while someone types in a 10 MB letter, and a single edit after a pause is linted at once;
// - one document is linted per turn of the event loop, so requests for other documents are
//   answered between two lints;
// - once a document's diagnostics are written, the young generation is collected if it is over a
//   quarter full (youngGeneration.ts), so that it does not fill up in the middle of the next key.
import type { Diagnostic } from 'vscode-languageserver';
import { toLspDiagnostics } from './diagnostics';
import { LARGE_DOCUMENT, type Letters } from '../letters';
import { errorForLog, type Log } from '../log';
import { collectAfterAnswer } from '../youngGeneration';

export type Publish = (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;

const LARGE_DEBOUNCE_MS = 10;
const SLOW_LINT_MS = 100;
const MAX_THROTTLE_MS = 500;

export class DiagnosticsPusher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly ready = new Set<string>();
  /** When each document's last lint ended (performance.now()). */
  private readonly lastEnd = new Map<string, number>();
  private draining = false;

  constructor(
    private readonly letters: Letters,
    private readonly publish: Publish,
    private readonly log: Log,
  ) {}

  schedule(uri: string): void {
    const document = this.letters.documents.get(uri);
    if (!document) return;
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    this.timers.delete(uri);
    const delay = this.delayFor(uri, document.getText().length);
    if (delay === 0) {
      this.enqueue(uri);
      return;
    }
    this.ready.delete(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.enqueue(uri);
    }, delay));
  }

  private delayFor(uri: string, length: number): number {
    const last = this.letters.cache.peek(uri);
    if (last && last.durationMs > SLOW_LINT_MS) {
      const sinceEnd = performance.now() - (this.lastEnd.get(uri) ?? 0);
      const wait = Math.min(MAX_THROTTLE_MS, last.durationMs) - sinceEnd;
      if (wait > 0) return Math.max(LARGE_DEBOUNCE_MS, wait);
    }
    return length > LARGE_DOCUMENT ? LARGE_DEBOUNCE_MS : 0;
  }

  scheduleAll(): void {
    for (const document of this.letters.documents.all()) this.schedule(document.uri);
  }

  /** The document was closed: drop pending work and clear what the client shows. */
  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.ready.delete(uri);
    this.lastEnd.delete(uri);
    this.publish(uri, undefined, []);
  }

  private enqueue(uri: string): void {
    this.ready.add(uri);
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => void this.drain());
    }
  }

  private async drain(): Promise<void> {
    const next = this.ready.values().next();
    if (next.done) {
      this.draining = false;
      return;
    }
    const uri = next.value;
    this.ready.delete(uri);
    try {
      const letter = await this.letters.get(uri);
      if (letter) {
        this.publish(uri, letter.analysis.version, toLspDiagnostics(letter.analysis));
        this.lastEnd.set(uri, performance.now());
        // The diagnostics are written: collect now, while the next key is furthest away.
        collectAfterAnswer(this.log, uri);
      }
    } catch (error) {
      this.log.error(`publishDiagnostics ${this.log.doc(uri)} failed: ${errorForLog(error)}`);
    }
    setImmediate(() => void this.drain());
  }
}
