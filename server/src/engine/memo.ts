// What a rule reads from a field's text alone (the rationale's verdict, the surgery it says an
// item follows) is a quarter of a lint. An editor lints an open letter on every keystroke, and a
// keystroke changes one field at most: a LintMemo keeps those readings from one lint of a
// document to the next, each with the field's text as written, so the next lint reads again only
// the fields whose text changed. Lints with no memo (the CLI, the workspace workers: every letter
// read once) compute as before.
import type { LetterField } from './letterField';
import type { StatedDependency } from './dependency';
import type { Letter } from './types';
import type { Verdict } from './verdict';

/** The readings kept per field; each is a pure function of the field's text. */
export interface FieldReadings {
  verdict: Verdict | null;
  dependency: StatedDependency | null;
}

interface Entry<V> {
  text: string;
  footer: boolean;
  value: V;
}

type Readings = { [K in keyof FieldReadings]: Array<Entry<FieldReadings[K]>> };

function noReadings(): Readings {
  return { verdict: [], dependency: [] };
}

/**
 * The field readings of one document's latest lint, in the order that lint asked for them. A
 * lint asks in item order, so the n-th reading of a kind is matched with the n-th of the lint
 * before (or a neighbour, when an item was added or removed), and kept when the field's text is
 * the same: one string comparison, with no hashing of the text. Only the latest lint's readings
 * are kept.
 */
export class LintMemo {
  private previous = noReadings();
  private current = noReadings();
  /** Readings computed, and readings reused, since the memo was made (the tests read them). */
  computed = 0;
  reused = 0;

  read<K extends keyof FieldReadings>(field: LetterField, kind: K, compute: () => FieldReadings[K]): FieldReadings[K] {
    const text = field.writtenText();
    const footer = field.hasFooter();
    const current = this.current[kind];
    const previous = this.previous[kind];
    const n = current.length;
    const kept = matching(previous[n], text, footer) ?? matching(previous[n + 1], text, footer) ?? matching(previous[n - 1], text, footer);
    let value: FieldReadings[K];
    if (kept !== undefined) {
      this.reused++;
      value = kept.value;
    } else {
      this.computed++;
      value = compute();
    }
    current.push({ text, footer, value });
    return value;
  }

  /** The lint ended: its readings are what the next one compares with. */
  endLint(): void {
    this.previous = this.current;
    this.current = noReadings();
  }

  /** Readings kept. */
  get size(): number {
    return this.previous.verdict.length + this.previous.dependency.length + this.current.verdict.length + this.current.dependency.length;
  }
}

function matching<V>(entry: Entry<V> | undefined, text: string, footer: boolean): Entry<V> | undefined {
  return entry !== undefined && entry.footer === footer && entry.text === text ? entry : undefined;
}

const memos = new WeakMap<Letter, LintMemo>();

/**
 * Runs the rules with the memo of the letter's document. Only they use it: a reading asked for
 * later (a hover) is computed, so the next lint's readings come in the same order as this one's.
 */
export function withMemo<T>(letter: Letter, memo: LintMemo, run: () => T): T {
  memos.set(letter, memo);
  try {
    return run();
  } finally {
    memos.delete(letter);
    memo.endLint();
  }
}

/** A reading of a letter's field: from the letter's memo when it has one, else computed. */
export function fieldReading<K extends keyof FieldReadings>(
  letter: Letter,
  field: LetterField,
  kind: K,
  compute: (field: LetterField) => FieldReadings[K],
): FieldReadings[K] {
  const memo = memos.get(letter);
  return memo === undefined ? compute(field) : memo.read(field, kind, () => compute(field));
}
