// Line-level helpers shared by the parser and the rules. Extraction noise (form feeds, non-breaking
// spaces, trailing blanks) is skipped here once, so nothing downstream has to think about it.
import type { Position, Range } from './types';

/** Split as LSP clients do: \r\n, \n and a lone \r each end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Whitespace as extraction produces it: blanks, tabs, form feeds, NBSP, Unicode spaces, BOM. */
export function isBlankChar(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** The lines of a text with the bounds of each line's content (noise at either end skipped). */
export class LineIndex {
  readonly lines: readonly string[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(lines: readonly string[]) {
    this.lines = lines;
    const n = lines.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const line = lines[i];
      let s = 0;
      let e = line.length;
      while (s < e && isBlankChar(line.charCodeAt(s))) s++;
      while (e > s && isBlankChar(line.charCodeAt(e - 1))) e--;
      this.starts[i] = s;
      this.ends[i] = e;
    }
  }

  get count(): number {
    return this.lines.length;
  }

  /** Column of the first content character. */
  start(i: number): number {
    return this.starts[i];
  }

  /** Column just after the last content character. */
  end(i: number): number {
    return this.ends[i];
  }

  isBlank(i: number): boolean {
    return this.starts[i] === this.ends[i];
  }

  /** The line's content without surrounding noise. */
  content(i: number): string {
    return this.lines[i].slice(this.starts[i], this.ends[i]);
  }

  /** The nearest line before i with content, or -1. */
  prevNonBlank(i: number, floor = -1): number {
    for (let k = i - 1; k > floor; k--) if (!this.isBlank(k)) return k;
    return -1;
  }

  /** The nearest line at or after i with content, or -1. */
  nextNonBlank(i: number, limit = this.lines.length): number {
    for (let k = i; k < limit; k++) if (!this.isBlank(k)) return k;
    return -1;
  }

  /** The last line with content in [from, to), or -1. */
  lastNonBlank(from: number, to: number): number {
    for (let k = to - 1; k >= from; k--) if (!this.isBlank(k)) return k;
    return -1;
  }

  contentRange(i: number): Range {
    return range(i, this.starts[i], i, this.ends[i]);
  }
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/**
 * Join content pieces into one line of text: whitespace runs fold to one space, form feeds and
 * NBSPs vanish, and a word hyphenated at a line end ("non-" / "certified") is joined without a
 * space so that it reads "non-certified".
 */
export function foldPieces(pieces: readonly string[]): string {
  // Fast path: pieces are trimmed lines whose inner spaces are usually single ASCII blanks.
  let hyphen = false;
  for (let k = 0; k + 1 < pieces.length && !hyphen; k++) hyphen = endsWithWordHyphen(pieces[k]);
  if (!hyphen) {
    const joined = pieces.join(' ');
    return ODD_SPACE.test(joined) ? foldSpaces(joined) : joined;
  }
  // Parts are joined once at the end: testing the end of a growing string would flatten it each time.
  const parts: string[] = [];
  let previous = '';
  for (const raw of pieces) {
    const piece = foldSpaces(raw);
    if (piece === '') continue;
    if (previous !== '' && !endsWithWordHyphen(previous)) parts.push(' ');
    parts.push(piece);
    previous = piece;
  }
  return parts.join('');
}

const ODD_SPACE = /\s{2}|[\t\v\f\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]|^\s|\s$/;

function endsWithWordHyphen(s: string): boolean {
  return s.length > 1 && s.charCodeAt(s.length - 1) === 45 && isLetter(s.charCodeAt(s.length - 2));
}

// One pass instead of a regex: field text of a 10 MB letter goes through here.
export function foldSpaces(s: string): string {
  let out = '';
  let pendingSpace = false;
  let chunkStart = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isBlankChar(c)) {
      if (chunkStart >= 0) {
        out += s.slice(chunkStart, i);
        chunkStart = -1;
      }
      pendingSpace = out !== '';
    } else {
      if (chunkStart < 0) {
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        chunkStart = i;
      }
    }
  }
  if (chunkStart >= 0) out += s.slice(chunkStart);
  return out;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
