// A labelled field whose folded text is computed on first read. A letter is mostly field text,
// and folding all of it costs about as much as reading the whole letter once more; an editor
// re-lints on every keystroke but shows a field's text only on hover. The rules read the text
// as written instead (blindText, blindTail), with regexes that cannot tell the two apart.
// `text`, `label` and the ranges are getters on the prototype (an own accessor per field, or
// ranges built for every field, cost more than the rest of the field); toJSON writes them out,
// so JSON of a letter is the same as if they were plain properties.
import { PAGE_NOISE } from './patterns';
import { foldPieces, foldRun, hasHyphenBreak, isBlankChar, range } from './text';
import type { Field, FieldKind, Range } from './types';

/** Where a field's label and text stand: lines and UTF-16 columns, as in LSP ranges. */
export interface FieldPlace {
  labelLine: number;
  labelColumn: number;
  labelEndColumn: number;
  textLine: number;
  textColumn: number;
  textEndLine: number;
  textEndColumn: number;
}

export class LetterField implements Field {
  readonly kind: FieldKind;
  /** The letter; the label's first character in it; the field's text in it as [start, end). */
  readonly #source: string;
  readonly #labelOffset: number;
  readonly #start: number;
  readonly #end: number;
  /** A page footer sits inside the field: folding drops it line by line. */
  readonly #footer: boolean;
  // Positions as numbers: ranges are built when first read (most fields are never asked).
  readonly #labelLine: number;
  readonly #labelColumn: number;
  readonly #labelEndColumn: number;
  readonly #textLine: number;
  readonly #textColumn: number;
  readonly #textEndLine: number;
  readonly #textEndColumn: number;
  #folded: string | undefined;
  #labelRange: Range | undefined;
  #textRange: Range | undefined;

  constructor(kind: FieldKind, source: string, labelOffset: number, start: number, end: number, footer: boolean, place: FieldPlace) {
    this.kind = kind;
    this.#source = source;
    this.#labelOffset = labelOffset;
    this.#start = start;
    this.#end = end;
    this.#footer = footer;
    this.#labelLine = place.labelLine;
    this.#labelColumn = place.labelColumn;
    this.#labelEndColumn = place.labelEndColumn;
    this.#textLine = place.textLine;
    this.#textColumn = place.textColumn;
    this.#textEndLine = place.textEndLine;
    this.#textEndColumn = place.textEndColumn;
    this.#folded = undefined;
    this.#labelRange = undefined;
    this.#textRange = undefined;
  }

  get label(): string {
    return this.#source.slice(this.#labelOffset, this.#labelOffset + this.#labelEndColumn - this.#labelColumn);
  }

  get labelRange(): Range {
    this.#labelRange ??= range(this.#labelLine, this.#labelColumn, this.#labelLine, this.#labelEndColumn);
    return this.#labelRange;
  }

  get textRange(): Range {
    this.#textRange ??= range(this.#textLine, this.#textColumn, this.#textEndLine, this.#textEndColumn);
    return this.#textRange;
  }

  get text(): string {
    return this.foldedText();
  }

  toJSON(): Field {
    return { kind: this.kind, label: this.label, labelRange: this.labelRange, textRange: this.textRange, text: this.foldedText() };
  }

  foldedText(): string {
    if (this.#folded === undefined) this.#folded = this.#fold(this.#start, true);
    return this.#folded;
  }

  isEmpty(): boolean {
    return this.#end === this.#start;
  }

  blindText(): string {
    return this.#footer ? this.foldedText() : this.#source.slice(this.#start, this.#end);
  }

  blindTail(chars: number): FieldTail {
    if (this.#folded !== undefined || this.#end - this.#start <= chars) return { text: this.#blindWhole(), whole: true };
    const cut = lineStartAtOrBefore(this.#source, this.#end - chars, this.#start);
    if (cut <= this.#start) return { text: this.#blindWhole(), whole: true };
    const run = this.#source.slice(cut, this.#end);
    if (!this.#footer && !hasHyphenBreak(run)) return { text: run, whole: false };
    return { text: this.#fold(cut, false), whole: false };
  }

  #blindWhole(): string {
    if (this.#folded !== undefined || this.#footer) return this.foldedText();
    const run = this.#source.slice(this.#start, this.#end);
    return hasHyphenBreak(run) ? this.foldedText() : run;
  }

  /** Fold [from, end); from is the field's first character (kept even if it looks like a footer) or a line's start. */
  #fold(from: number, fromFieldStart: boolean): string {
    const run = this.#source.slice(from, this.#end);
    return this.#footer ? foldPieces(contentPieces(run, fromFieldStart)) : foldRun(run);
  }
}

export interface FieldTail {
  text: string;
  /** True when text is the field's whole text, false when it starts at a line inside it. */
  whole: boolean;
}

/*
 * Folding turns each whitespace run into one space, drops page footers and joins a word
 * hyphenated at a line end to the next line. A regex is "blind" when it accepts any whitespace
 * run wherever it accepts a space and never looks at a letter before a hyphen: it then answers
 * the same on the text as written (footers aside) as on the folded text, without the cost.
 */

/** The field's text for a blind regex: as written when no footer sits inside it, else folded. */
export function blindText(field: Field): string {
  return field instanceof LetterField ? field.blindText() : field.text;
}

/**
 * The field's last lines for a reader blind to whitespace runs, and that may also look at
 * hyphens: at least `chars` characters of the letter from a line start, or the whole text; as
 * written when no footer or hyphenated line end makes it read differently, else folded. The
 * first word of a tail may differ from the whole text's (a hyphenated word cut in two), so a
 * reader that skips a tail's first, possibly cut, sentence reads what it would read in the whole.
 */
export function blindTail(field: Field, chars: number): FieldTail {
  return field instanceof LetterField ? field.blindTail(chars) : { text: field.text, whole: true };
}

/** Whether the field has no text; costs nothing, unlike comparing its text with "". */
export function isEmptyField(field: Field): boolean {
  return field instanceof LetterField ? field.isEmpty() : field.text === '';
}

/** Offset of the start of the line holding `at`, not before `floor`. */
function lineStartAtOrBefore(text: string, at: number, floor: number): number {
  for (let i = at; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
  }
  return floor;
}

/** Lines' content, blank lines and page footers dropped; the first line of a field is never a footer. */
function contentPieces(run: string, firstIsText: boolean): string[] {
  const pieces: string[] = [];
  const lines = run.split(/\r\n|\r|\n/);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    let a = 0;
    let b = line.length;
    while (a < b && isBlankChar(line.charCodeAt(a))) a++;
    while (b > a && isBlankChar(line.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    const content = line.slice(a, b);
    if (!(k === 0 && firstIsText) && isFooter(content)) continue;
    pieces.push(content);
  }
  return pieces;
}

/** Page footers and repeated case numbers that extraction leaves inside a field. */
export function isFooter(content: string): boolean {
  return content.length <= 14 && PAGE_NOISE.test(content);
}
