// A labelled field whose folded text is computed on first read. A letter is mostly field text,
// and folding all of it costs about as much as reading the whole letter once more; an editor
// re-lints on every keystroke but shows a field's text only on hover. The rules read the text
// as written instead (blindText, blindTail), with regexes that cannot tell the two apart.
// `text`, `label` and the ranges are getters on the prototype (an own accessor per field, or
// ranges built for every field, cost more than the rest of the field); toJSON writes them out,
// so JSON of a letter is the same as if they were plain properties. Ranges are built anew at
// each read.
import { foldPieces, foldRun, hasHyphenBreak } from './fold';
import { isFooterLine } from './footer';
import { isBlankChar, type LineIndex } from './lineIndex';
import { fieldKindOf } from './patterns';
import type { FieldData, FieldKind, Range } from './types';

// A letter has thousands of fields, and an open letter keeps them: each holds offsets only
// (TypeScript-private, not #private, which would add a brand slot to each), and its
// positions are worked out from the line index when asked.
export class LetterField implements FieldData {
  private readonly lines: LineIndex;
  private readonly labelStart: number;
  private readonly labelEnd: number;
  private readonly start: number;
  private readonly end: number;
  /** A page footer sits inside the field: folding drops it line by line. */
  private readonly footer: boolean;
  private folded: string | undefined;

  /**
   * Offsets into the letter: the label is [labelStart, labelEnd); the text is [start, end), from
   * its first character to its last, with start = end when empty. Positional, not an options
   * object: a long letter builds tens of thousands of fields. The kind and the text range are
   * worked out from these.
   */
  constructor(lines: LineIndex, labelStart: number, labelEnd: number, start: number, end: number, footer: boolean) {
    this.lines = lines;
    this.labelStart = labelStart;
    this.labelEnd = labelEnd;
    this.start = start;
    this.end = end;
    this.footer = footer;
    this.folded = undefined;
  }

  get kind(): FieldKind {
    return fieldKindOf(this.lines.text.charAt(this.labelStart));
  }

  get label(): string {
    return this.lines.text.slice(this.labelStart, this.labelEnd);
  }

  get labelRange(): Range {
    return this.lines.rangeOf(this.labelStart, this.labelEnd);
  }

  /**
   * From the first character after the label's blanks, when text follows on the label's line
   * (else from the label's end), to the text's end; empty at the label's end when there is no text.
   */
  get textRange(): Range {
    if (this.isEmpty()) return this.lines.rangeOf(this.labelEnd, this.labelEnd);
    const text = this.lines.text;
    let from = this.labelEnd;
    while (from < text.length && isBlankChar(text.charCodeAt(from))) from++;
    const onLabelLine = from < text.length && text.charCodeAt(from) !== 10 && text.charCodeAt(from) !== 13;
    return this.lines.rangeOf(onLabelLine ? from : this.labelEnd, this.end);
  }

  get text(): string {
    return this.foldedText();
  }

  toJSON(): FieldData {
    return { kind: this.kind, label: this.label, labelRange: this.labelRange, textRange: this.textRange, text: this.foldedText() };
  }

  foldedText(): string {
    if (this.folded === undefined) this.folded = this.fold(this.start, true);
    return this.folded;
  }

  isEmpty(): boolean {
    return this.end === this.start;
  }

  /** The field's text exactly as the letter writes it, from its first character to its last. */
  writtenText(): string {
    return this.lines.text.slice(this.start, this.end);
  }

  hasFooter(): boolean {
    return this.footer;
  }

  blindText(): string {
    return this.footer ? this.foldedText() : this.lines.text.slice(this.start, this.end);
  }

  blindTail(chars: number): FieldTail {
    if (this.folded !== undefined || this.end - this.start <= chars) return { text: this.blindWhole(), whole: true };
    const cut = lineStartAtOrBefore(this.lines.text, this.end - chars, this.start);
    if (cut <= this.start) return { text: this.blindWhole(), whole: true };
    const run = this.lines.text.slice(cut, this.end);
    if (!this.footer && !hasHyphenBreak(run)) return { text: run, whole: false };
    return { text: this.fold(cut, false), whole: false };
  }

  private blindWhole(): string {
    if (this.folded !== undefined || this.footer) return this.foldedText();
    const run = this.lines.text.slice(this.start, this.end);
    return hasHyphenBreak(run) ? this.foldedText() : run;
  }

  /** Fold [from, end); from is the field's first character (kept even if it looks like a footer) or a line's start. */
  private fold(from: number, fromFieldStart: boolean): string {
    if (!this.footer) return foldRun(this.lines.text.slice(from, this.end));
    return from < this.end ? foldPieces(this.linePieces(from, fromFieldStart)) : '';
  }

  /** The content of the lines from `from` to the field's end, blank lines and page footers dropped. */
  private linePieces(from: number, fromFieldStart: boolean): string[] {
    const lines = this.lines;
    const first = lines.position(from).line;
    const last = lines.position(this.end).line;
    const pieces: string[] = [];
    for (let k = first; k <= last; k++) {
      if (lines.isBlank(k)) continue;
      // The field's first line starts at its text, and is text even when it looks like a footer.
      if (k === first && fromFieldStart) pieces.push(lines.text.slice(from, lines.offset(k, lines.end(k))));
      else if (!isFooterLine(lines, k)) pieces.push(lines.content(k));
    }
    return pieces;
  }
}

export interface FieldTail {
  text: string;
  /** True when text is the field's whole text, false when it starts at a line inside it. */
  whole: boolean;
}

/** Offset of the start of the line holding `at`, not before `floor`. */
function lineStartAtOrBefore(text: string, at: number, floor: number): number {
  for (let i = at; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
  }
  return floor;
}
