// Reading the disputed items of the issues section: item headers (the line that ends with the
// decision, wrapped or not, or a partial-authorization lead-in) and their three labelled fields.
import {
  DECISION_AT_END,
  FIELD_LABEL,
  FIELD_LABEL_AT,
  fieldKindOf,
  ITEMS_INTRO,
  SENTENCE_END,
} from './patterns';
import { LetterField } from './letterField';
import { isFooterLine } from './footer';
import { Found, type Header } from './headerTable';
import { LetterItem } from './letterItem';
import { MAX_ITEMS } from './limits';
import { foldPieces } from './fold';
import { isBlankChar, isRegexSpace, LineIndex } from './lineIndex';
import { UNNAMED_ITEM, type Decision, type Field, type Item } from './types';

/** A wrapped item name or lead-in longer than this is not a header but prose. */
const MAX_HEADER_LINES = 7;
/** A lead-in ("X was the original request. …") may reach this far back. */
const MAX_LEAD_IN_LINES = 14;

/**
 * Items between lines [from, to). With requireLabels (no issues heading), a decision line only
 * counts when labels follow it, so a cover letter's prose cannot pass for an item.
 */
export function readItems(idx: LineIndex, from: number, to: number, requireLabels: boolean, limit = MAX_ITEMS): ItemsRead {
  // Headers and labels are found first (headerTable.ts), then the items are built from them.
  const found = new Found();
  let floor = from - 1; // header walk-backs never cross this line
  let stoppedAt: number | null = null;

  for (let i = from; i < to; i++) {
    // One header past the limit closes the last item read; nothing after it is read.
    if (found.headerCount > limit) {
      stoppedAt = found.start(limit);
      break;
    }
    const s = idx.start(i);
    const e = idx.end(i);
    if (s === e) continue;
    // Only lines ending in "upheld" or "overturned" (a period allowed) can close an item header;
    // only lines opening with "cla", "max" or "dec" can hold a label. Everything else is skipped
    // without a substring or a regex.
    const word = decisionWordColumn(idx, i);
    if (word >= 0) {
      const header = decisionHeader(idx, i, word, floor);
      if (header) {
        found.addHeader(header);
        floor = i;
        continue;
      }
    }
    if (!startsLikeLabel(idx, i, s, e)) continue;
    const contentStart = idx.offset(i, s);
    FIELD_LABEL_AT.lastIndex = contentStart;
    if (!FIELD_LABEL_AT.test(idx.text)) continue;
    const kind = fieldKindOf(idx.text.charAt(contentStart));
    // A label with no decision line before it opens an item whose decision is missing.
    if (!found.fits(kind)) found.addHeader(labelHeader(idx, i, floor));
    found.addLabel(i, kind, s + (FIELD_LABEL_AT.lastIndex - contentStart));
    floor = i;
  }

  const items: Item[] = [];
  const count = Math.min(found.headerCount, limit);
  for (let k = 0; k < count; k++) {
    if (requireLabels && found.labelsTo(k) === found.labelsFrom(k)) continue;
    items.push(buildItem(idx, found, k, k + 1 < found.headerCount ? found.start(k + 1) : to));
  }
  return { items, stoppedAt };
}

export interface ItemsRead {
  items: Item[];
  /** The line where reading stopped because `limit` items were read; null when all were. */
  stoppedAt: number | null;
}

/** Whether the line's content opens with "cla", "max" or "dec", as every field label does. */
function startsLikeLabel(idx: LineIndex, i: number, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const a = idx.charCode(i, s) | 0x20;
  const b = idx.charCode(i, s + 1) | 0x20;
  const c = idx.charCode(i, s + 2) | 0x20;
  return (a === 0x63 && b === 0x6c && c === 0x61) || (a === 0x6d && b === 0x61 && c === 0x78) || (a === 0x64 && b === 0x65 && c === 0x63);
}

/**
 * Where the line's content ends in a decision word ("upheld" or "overturned", any case, maybe a
 * period after it): the word's column, or -1. Read by character, not by regex: every prose line
 * that ends in "d" or "." is asked.
 */
export function decisionWordColumn(idx: LineIndex, i: number): number {
  const s = idx.start(i);
  let j = idx.end(i);
  if (j > s && idx.charCode(i, j - 1) === 0x2e) j--;
  if (j - 6 >= s && endsWithWord(idx, i, j, 'upheld')) return j - 6;
  if (j - 10 >= s && endsWithWord(idx, i, j, 'overturned')) return j - 10;
  return -1;
}

function endsWithWord(idx: LineIndex, i: number, end: number, word: string): boolean {
  const from = end - word.length;
  for (let k = word.length - 1; k >= 0; k--) if ((idx.charCode(i, from + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether a ":" stands before column `at` with only whitespace between (DECISION_AT_END). */
export function colonBefore(idx: LineIndex, i: number, at: number): boolean {
  let k = at - 1;
  while (k >= idx.start(i) && isRegexSpace(idx.charCode(i, k))) k--;
  return k >= idx.start(i) && idx.charCode(i, k) === 0x3a;
}

/** The header a decision line closes: "…: Upheld" on one line, or "Upheld" alone under a line ending in ":". */
function decisionHeader(idx: LineIndex, i: number, word: number, floor: number): Header | null {
  if (colonBefore(idx, i, word)) {
    return { start: walkBack(idx, i, floor), colonLine: i, decisionLine: i };
  }
  if (word === idx.start(i)) {
    const p = idx.prevNonBlank(i, floor);
    if (p < 0 || isFooterLine(idx, p) || !idx.content(p).endsWith(':')) return null;
    return { start: walkBack(idx, p, floor), colonLine: p, decisionLine: i };
  }
  return null;
}

function labelHeader(idx: LineIndex, labelLine: number, floor: number): Header {
  const p = prevText(idx, labelLine, floor);
  if (p < 0 || endsHeaderWalk(idx, p)) return { start: labelLine, colonLine: -1, decisionLine: -1 };
  return { start: walkBack(idx, p, floor), colonLine: p, decisionLine: -1 };
}

/** The previous line with real text (page footers skipped), above floor, or -1. */
function prevText(idx: LineIndex, i: number, floor: number): number {
  let p = idx.prevNonBlank(i, floor);
  while (p >= 0 && isFooterLine(idx, p)) p = idx.prevNonBlank(p, floor);
  return p;
}

/** A line that cannot belong to the header below it: a sentence's end, a label, the intro. */
function endsHeaderWalk(idx: LineIndex, p: number): boolean {
  const c = idx.content(p);
  return SENTENCE_END.test(c) || FIELD_LABEL.test(c) || ITEMS_INTRO.test(c) || DECISION_AT_END.test(c);
}

/** A header that may be a lead-in, and the sentence that opens one. */
const MAYBE_LEAD_IN = /original request|IMR eligible/i;
const LEAD_IN_OPENING = /was the original request/i;

/** Walk back from an item's last header line over its wrapped lines; returns the first line. */
function walkBack(idx: LineIndex, line: number, floor: number): number {
  let start = line;
  for (let steps = 0; steps < MAX_HEADER_LINES; steps++) {
    const p = prevText(idx, start, floor);
    if (p < 0 || endsHeaderWalk(idx, p)) break;
    start = p;
  }
  // A lead-in whose sentences end at line ends: go on up to "… was the original request."
  const sofar = start === line ? idx.content(line) : joinContent(idx, start, line);
  if (MAYBE_LEAD_IN.test(sofar) && !LEAD_IN_OPENING.test(sofar)) {
    let k = start;
    for (let steps = 0; steps < MAX_LEAD_IN_LINES; steps++) {
      k = prevText(idx, k, floor);
      if (k < 0) break;
      const c = idx.content(k);
      if (FIELD_LABEL.test(c) || ITEMS_INTRO.test(c)) break;
      if (LEAD_IN_OPENING.test(joinContent(idx, k, start))) {
        start = k;
        for (let more = 0; more < MAX_HEADER_LINES; more++) {
          const p = prevText(idx, start, floor);
          if (p < 0 || endsHeaderWalk(idx, p)) break;
          start = p;
        }
        break;
      }
    }
  }
  return start;
}

function joinContent(idx: LineIndex, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k <= to; k++) if (!idx.isBlank(k)) parts.push(idx.content(k));
  return parts.join(' ');
}

interface Piece {
  line: number;
  col: number;
  text: string;
}

function headerPieces(idx: LineIndex, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  for (let k = from; k <= to; k++) {
    if (idx.isBlank(k) || isFooterLine(idx, k)) continue;
    pieces.push({ line: k, col: idx.start(k), text: idx.content(k) });
  }
  return pieces;
}

/**
 * Item k of the table, built in steps: its decision word, the header lines holding its name, the
 * name (or the request a lead-in names), then where its block ends. Lines and columns are read
 * from the line index; what the item keeps are offsets into the letter.
 */
function buildItem(idx: LineIndex, found: Found, k: number, end: number): Item {
  const h: Header = { start: found.start(k), colonLine: found.colonLine(k), decisionLine: found.decisionLine(k) };
  const word = decisionWord(idx, h);
  const named = readName(idx, h, namePieces(idx, h, word));
  const headerEnd = word === null ? named.nameEnd : word.end;
  const headerEndLine = word === null ? named.lastLine : word.line;
  return new LetterItem({
    content: { name: named.name, decision: word?.decision ?? null, decisionText: word?.text ?? null, leadIn: named.leadIn },
    fields: readFields(idx, found, k, end),
    lines: idx,
    start: named.start,
    nameStart: named.nameStart,
    nameEnd: named.nameEnd,
    decisionEnd: word === null ? -1 : word.end,
    blockEnd: blockEndOf(idx, h.start, headerEnd, headerEndLine, end),
  });
}

/** The decision word closing an item header: where it stands on its line, and its end as an offset. */
interface DecisionWord {
  decision: Decision;
  /** As written ("UPHELD.", "Overturned"). */
  text: string;
  line: number;
  /** The word's first column on its line. */
  column: number;
  /** Offset of the end of the word as written. */
  end: number;
}

function decisionWord(idx: LineIndex, h: Header): DecisionWord | null {
  if (h.colonLine < 0 || h.decisionLine < 0) return null;
  const line = h.decisionLine;
  const column = decisionWordColumn(idx, line);
  if (column < 0) return null;
  const lineEnd = idx.end(line);
  return {
    decision: (idx.charCode(line, column) | 0x20) === 0x75 ? 'Upheld' : 'Overturned', // u
    text: asWritten(idx.between(line, column, line, lineEnd)),
    line,
    column,
    end: idx.offset(line, lineEnd),
  };
}

/** The header lines that hold the item's name: the decision word cut off, the closing colon dropped. */
function namePieces(idx: LineIndex, h: Header, word: DecisionWord | null): Piece[] {
  if (h.colonLine < 0) return [];
  const pieces = headerPieces(idx, h.start, h.colonLine);
  if (word !== null && word.line === h.colonLine) {
    // Cut "…: Upheld" back to "…" on the last piece.
    const last = pieces[pieces.length - 1];
    last.text = last.text.slice(0, Math.max(0, word.column - last.col));
  }
  // Drop the colon (and blanks) that closed the name.
  trimPieces(pieces);
  return pieces;
}

/** An item's name as read from its header pieces, with its offsets. */
interface ItemName {
  name: string;
  leadIn: string | null;
  /** Offset of the header's first character. */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** The line the name ends on (the header's first line when it has no name). */
  lastLine: number;
}

function readName(idx: LineIndex, h: Header, pieces: readonly Piece[]): ItemName {
  const last = pieces[pieces.length - 1];
  const nameEnd = last ? idx.offset(last.line, last.col + last.text.length) : idx.offset(h.start, idx.start(h.start));
  const start = pieces.length ? idx.offset(pieces[0].line, pieces[0].col) : nameEnd;
  const header = foldPieces(pieces.map((p) => p.text));
  const request = leadInRequest(header);
  const name = request ?? header;
  return {
    name: name === '' ? UNNAMED_ITEM : name,
    leadIn: request === null ? null : header,
    start,
    nameStart: request === null ? start : (locate(idx, pieces, request) ?? start),
    nameEnd,
    lastLine: last ? last.line : h.start,
  };
}

/**
 * Offset of the end of an item's last text, before line `end`: the end of its last non-blank line,
 * or of its header when nothing follows it. The header's last line is never blank, so the block
 * ends at the end of some line's content.
 */
function blockEndOf(idx: LineIndex, headerStart: number, headerEnd: number, headerEndLine: number, end: number): number {
  const lastLine = Math.max(headerEndLine, idx.lastNonBlank(headerStart, end));
  const lineEnd = idx.offset(lastLine, idx.end(lastLine));
  return lastLine === headerEndLine ? Math.max(lineEnd, headerEnd) : lineEnd;
}

/** The usual spellings of a decision word, shared by every item that writes them so. */
const SPELLINGS = new Map(['Upheld', 'Overturned', 'UPHELD', 'OVERTURNED', 'upheld', 'overturned'].flatMap((w): Array<[string, string]> => [[w, w], [`${w}.`, `${w}.`]]));

/** A decision word as written: one shared string for the usual spellings, not one per item. */
function asWritten(word: string): string {
  return SPELLINGS.get(word) ?? word;
}

function trimPieces(pieces: Piece[]): void {
  while (pieces.length) {
    const last = pieces[pieces.length - 1];
    let t = last.text.length;
    while (t > 0 && (last.text[t - 1] === ':' || /\s/.test(last.text[t - 1]))) t--;
    last.text = last.text.slice(0, t);
    if (t > 0) return;
    pieces.pop();
  }
}

/**
 * "… The remaining IMR eligible portion of the original request, X is" or "… The original
 * request, X is": the request the decision is about.
 */
const LEAD_IN = /was the original request|IMR eligible/i;

function leadInRequest(header: string): string | null {
  if (!LEAD_IN.test(header)) return null;
  const at = header.toLowerCase().lastIndexOf('original request');
  if (at < 0) return null;
  let tail = trimCommas(header.slice(at + 'original request'.length));
  if (/\bis$/i.test(tail)) tail = trimCommas(tail.slice(0, -2));
  return tail.length > 0 ? tail : null;
}

function trimCommas(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ',' || s[a] === ' ')) a++;
  while (b > a && (s[b - 1] === ',' || s[b - 1] === ' ')) b--;
  return s.slice(a, b);
}

/** Where text starts among the pieces, as an offset (its first words searched from the end). */
function locate(idx: LineIndex, pieces: readonly Piece[], text: string): number | null {
  const probe = text.split(' ').slice(0, 3).join(' ');
  for (let k = pieces.length - 1; k >= 0; k--) {
    const at = pieces[k].text.lastIndexOf(probe);
    if (at >= 0) return idx.offset(pieces[k].line, pieces[k].col + at);
  }
  const word = text.split(' ')[0];
  for (let k = pieces.length - 1; k >= 0; k--) {
    const at = pieces[k].text.lastIndexOf(word);
    if (at >= 0) return idx.offset(pieces[k].line, pieces[k].col + at);
  }
  return null;
}

/** The three fields of item k, in FIELD_ORDER; null where the label is absent. */
function readFields(idx: LineIndex, found: Found, k: number, end: number): [Field | null, Field | null, Field | null] {
  const out: [Field | null, Field | null, Field | null] = [null, null, null];
  const to = found.labelsTo(k);
  for (let j = found.labelsFrom(k); j < to; j++) {
    const stop = j + 1 < to ? found.labelLine(j + 1) : end;
    out[found.labelOrder(j)] = readField(idx, found.labelLine(j), found.labelEnd(j), stop);
  }
  return out;
}

/** The field whose label is on `line`, its colon ending at column `labelEnd`, read up to line `stop`. */
function readField(idx: LineIndex, line: number, labelEnd: number, stop: number): Field {
  const labelStart = idx.start(line);
  const labelLineEnd = idx.end(line);
  let textStart = labelEnd;
  while (textStart < labelLineEnd && isBlankChar(idx.charCode(line, textStart))) textStart++;
  let firstLine = textStart < labelLineEnd ? line : -1;
  let firstColumn = textStart;
  let endLine = line;
  let endCol = Math.max(textStart, labelLineEnd);
  let noise = false;
  for (let k = line + 1; k < stop; k++) {
    if (idx.isBlank(k)) continue;
    if (isFooterLine(idx, k)) {
      noise = true;
      continue;
    }
    if (firstLine < 0) {
      firstLine = k;
      firstColumn = idx.start(k);
    }
    endLine = k;
    endCol = idx.end(k);
  }
  // The text is folded when first read (letterField.ts); here it is only located.
  const empty = firstLine < 0;
  return new LetterField(idx, idx.offset(line, labelStart), idx.offset(line, labelEnd), empty ? 0 : idx.offset(firstLine, firstColumn), empty ? 0 : idx.offset(endLine, endCol), noise);
}
