// Older layouts (FORMAT.md, "Older layouts"): the decisions are prose, not labelled blocks.
// What can be read is read; the older-layout rule says plainly what could not be.
import { LetterItem } from './letterItem';
import { foldPieces } from './fold';
import { LineIndex } from './lineIndex';
import type { Item, Section } from './types';

const NUMBERED = /^\d{1,2}[).]\s/;
const DETERMINED = /has\s+determined\s+(?:that\s+)?the\s+request\s+for\s+/i;
const NECESSITY = /\b(?:is|was)\s+(not\s+)?medically\s+necessary/i;

export function readOlderDecisions(idx: LineIndex, sections: readonly Section[], professional: boolean): Item[] {
  return professional ? readIssueAtDispute(idx, sections) : readNumberedDecisions(idx);
}

/** "1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically necessary …" */
function readNumberedDecisions(idx: LineIndex): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < idx.count; i++) {
    if (idx.isBlank(i) || !NUMBERED.test(idx.content(i))) continue;
    // The sentence may wrap over a few lines.
    let last = i;
    const pieces = [idx.content(i)];
    while (!/\.\s*$/.test(pieces[pieces.length - 1]) && pieces.length < 6) {
      const n = idx.nextNonBlank(last + 1);
      if (n < 0 || NUMBERED.test(idx.content(n))) break;
      pieces.push(idx.content(n));
      last = n;
    }
    const sentence = foldPieces(pieces);
    const d = DETERMINED.exec(sentence);
    if (!d) continue;
    const rest = sentence.slice(d.index + d[0].length);
    const nec = NECESSITY.exec(rest);
    if (!nec) continue;
    const name = rest.slice(0, nec.index).trim();
    items.push(proseItem(idx, name, nec[1] ? 'Upheld' : 'Overturned', idx.offset(i, idx.start(i)), idx.offset(last, idx.end(last))));
  }
  return items;
}

/** "ISSUE AT DISPUTE: X" (the text may follow on the heading line or below it). */
function readIssueAtDispute(idx: LineIndex, sections: readonly Section[]): Item[] {
  const items: Item[] = [];
  for (const s of sections) {
    if (s.kind !== 'issue-at-dispute') continue;
    const first = s.titleRange.start.line;
    const c = idx.content(first);
    const after = c.slice(c.indexOf(':') + 1).trim();
    const line = after ? first : idx.nextNonBlank(first + 1, s.range.end.line + 1);
    if (line < 0) continue;
    const name = after || idx.content(line);
    const word = /\b(upheld|overturned)\b/i.exec(name);
    const decision = word ? (word[1].toLowerCase() === 'upheld' ? 'Upheld' : 'Overturned') : null;
    items.push(proseItem(idx, name, decision, idx.offset(line, idx.end(line) - name.length), idx.offset(line, idx.end(line))));
  }
  return items;
}

/**
 * An item of prose: the name, the header and the whole item are the text from `from` to `to`
 * (offsets); no decision word as written, no labelled fields. The same class as a standard item,
 * so every Item has one runtime shape.
 */
function proseItem(idx: LineIndex, name: string, decision: Item['decision'], from: number, to: number): Item {
  return new LetterItem({
    content: { name, decision, decisionText: null, leadIn: null },
    fields: [null, null, null],
    lines: idx,
    start: from,
    nameStart: from,
    nameEnd: to,
    decisionEnd: -1,
    blockEnd: to,
  });
}
