// Line-level helpers shared by the parser and the rules. Extraction noise (form feeds, non-breaking
// spaces, trailing blanks) is skipped here once, so nothing downstream has to think about it.
import type { Position, Range } from './types';

/** Whitespace as extraction produces it: blanks, tabs, form feeds, NBSP, Unicode spaces, BOM. */
export function isBlankChar(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** What a regex's \s matches, and so what folding turns into a space. */
export function isRegexSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/**
 * The lines of a text, located by offsets into the text itself: no line is copied out, so a
 * 10 MB letter costs four numbers a line. Each line's content bounds skip extraction noise
 * (blanks, form feeds, NBSPs) at either end. Lines break at \r\n, \n and a lone \r, as in LSP.
 */
export class LineIndex {
  readonly text: string;
  /** Offsets of each line's first character and of its end (before the line break). */
  private readonly lineStart: Int32Array;
  private readonly lineEnd: Int32Array;
  /** Offsets of each line's content: first non-blank character and just after the last. */
  private readonly contentStart: Int32Array;
  private readonly contentEnd: Int32Array;

  constructor(text: string) {
    this.text = text;
    // Typed arrays from the start, doubled when full: no array of boxed numbers to copy. Each
    // line's content bounds are found as the line is, while its characters are in cache.
    let capacity = Math.max(256, (text.length >> 6) + 1); // a line per 64 characters, doubled if short
    let starts = new Int32Array(capacity);
    let ends = new Int32Array(capacity);
    let contentStarts = new Int32Array(capacity);
    let contentEnds = new Int32Array(capacity);
    let n = 0;
    let lineStart = 0;
    const crlfOrCr = text.indexOf('\r') >= 0 ? /\r\n|\r|\n/g : null;
    for (;;) {
      let end: number;
      let next: number;
      if (crlfOrCr === null) {
        // The common case: one native search per line.
        end = text.indexOf('\n', lineStart);
        next = end + 1;
      } else {
        const m = crlfOrCr.exec(text);
        end = m === null ? -1 : m.index;
        next = m === null ? 0 : m.index + m[0].length;
      }
      if (n === capacity) {
        capacity *= 2;
        starts = grown(starts, capacity);
        ends = grown(ends, capacity);
        contentStarts = grown(contentStarts, capacity);
        contentEnds = grown(contentEnds, capacity);
      }
      const lineEnd = end < 0 ? text.length : end;
      let a = lineStart;
      let b = lineEnd;
      while (a < b && isBlankChar(text.charCodeAt(a))) a++;
      while (b > a && isBlankChar(text.charCodeAt(b - 1))) b--;
      starts[n] = lineStart;
      ends[n] = lineEnd;
      contentStarts[n] = a;
      contentEnds[n] = b;
      n++;
      if (end < 0) break;
      lineStart = next;
    }
    // Copied to size: an open document keeps its index, and a short letter needs few lines.
    this.lineStart = starts.slice(0, n);
    this.lineEnd = ends.slice(0, n);
    this.contentStart = contentStarts.slice(0, n);
    this.contentEnd = contentEnds.slice(0, n);
  }

  get count(): number {
    return this.lineStart.length;
  }

  /** Column of the first content character. */
  start(i: number): number {
    return this.contentStart[i] - this.lineStart[i];
  }

  /** Column just after the last content character. */
  end(i: number): number {
    return this.contentEnd[i] - this.lineStart[i];
  }

  lineLength(i: number): number {
    return this.lineEnd[i] - this.lineStart[i];
  }

  isBlank(i: number): boolean {
    return this.contentStart[i] === this.contentEnd[i];
  }

  /** The character code at a column of a line. */
  charCode(i: number, column: number): number {
    return this.text.charCodeAt(this.lineStart[i] + column);
  }

  /** The line's content without surrounding noise. */
  content(i: number): string {
    return this.text.slice(this.contentStart[i], this.contentEnd[i]);
  }

  /** The whole line as written, without its line break. */
  line(i: number): string {
    return this.text.slice(this.lineStart[i], this.lineEnd[i]);
  }

  /** Offset into the text of a column of a line. */
  offset(i: number, column: number): number {
    return this.lineStart[i] + column;
  }

  /** The position of an offset: its line found by binary search, its UTF-16 column. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStart[lo] };
  }

  /** The range between two offsets. */
  rangeOf(from: number, to: number): Range {
    return { start: this.position(from), end: this.position(to) };
  }

  /** The text between two positions, line breaks included. */
  between(fromLine: number, fromColumn: number, toLine: number, toColumn: number): string {
    return this.text.slice(this.lineStart[fromLine] + fromColumn, this.lineStart[toLine] + toColumn);
  }

  /** The nearest line before i with content, or -1. */
  prevNonBlank(i: number, floor = -1): number {
    for (let k = i - 1; k > floor; k--) if (!this.isBlank(k)) return k;
    return -1;
  }

  /** The nearest line at or after i with content, or -1. */
  nextNonBlank(i: number, limit = this.count): number {
    for (let k = i; k < limit; k++) if (!this.isBlank(k)) return k;
    return -1;
  }

  /** The last line with content in [from, to), or -1. */
  lastNonBlank(from: number, to: number): number {
    for (let k = to - 1; k >= from; k--) if (!this.isBlank(k)) return k;
    return -1;
  }

  contentRange(i: number): Range {
    return range(i, this.start(i), i, this.end(i));
  }
}

/** A copy of a typed array with room for `capacity` values. */
export function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
