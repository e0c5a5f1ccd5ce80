// Whitespace folding: how a run of the letter reads as one line (whitespace runs to one space,
// page-break noise dropped, a word hyphenated at a line end joined). Used by the field and item
// readers when a text is read, never while a letter is parsed.
import { isBlankChar } from './lineIndex';

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

/**
 * Fold a run of the letter (line breaks, blank lines and page breaks included) into one line, as
 * foldPieces does for its lines: a word hyphenated at a line end is joined, every other run of
 * whitespace becomes one space. Two native regex passes, so a 10 MB rationale costs milliseconds.
 */
export function foldRun(run: string): string {
  const joined = HYPHEN_AT_BREAK.test(run) ? run.replace(HYPHEN_BREAKS, '$1-') : run;
  return joined.replace(SPACE_RUNS, ' ');
}

const HYPHEN_AT_BREAK = /[A-Z]-[^\S\r\n]*[\r\n]/i;

/** Whether a run has a word hyphenated at a line end, which folding would join to the next line. */
export function hasHyphenBreak(run: string): boolean {
  return run.indexOf('-') >= 0 && HYPHEN_AT_BREAK.test(run);
}
const HYPHEN_BREAKS = /([A-Z])-[^\S\r\n]*(?:\r|\n)\s*/gi;
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

// One pass instead of a regex: field text of a 10 MB letter goes through here.
function foldSpaces(s: string): string {
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
