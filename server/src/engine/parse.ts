// parse(text) -> Letter. Never throws: what it cannot read, it leaves out, and the rules say so.
import { readItems } from './readItems';
import { emptyMetadata, readMetadata } from './metadata';
import { readOlderDecisions } from './older';
import { LETTER_SIGNS } from '../shared/letterSigns';
import { headingKindAt } from './headings';
import { LineIndex, range } from './lineIndex';
import type { Item, Layout, Letter, Section } from './types';

export function parse(text: string): Letter {
  const idx = new LineIndex(text);
  const letter: Letter = {
    layout: 'not-a-letter',
    notLetterReason: null,
    sections: [],
    metadata: emptyMetadata(),
    items: [],
    eol: eolOf(text),
    doubleSpaced: isDoubleSpaced(idx),
    lineCount: idx.count,
  };

  const notLetter = notLetterReason(text, idx);
  if (notLetter) {
    letter.notLetterReason = notLetter;
    return letter;
  }

  letter.sections = readSections(idx);
  const firstBody = letter.sections.find((s) => s.kind !== 'cover' && s.kind !== 'header');
  const metaEnd = firstBody ? firstBody.titleRange.start.line : Math.min(idx.count, 200);
  letter.metadata = readMetadata(idx, metaEnd, letter.sections);

  const issues = letter.sections.find((s) => s.kind === 'issues');
  const older = letter.sections.some((s) => s.kind === 'notice' || s.kind === 'older-decisions');
  const professional = letter.sections.some((s) => s.kind === 'professional-review' || s.kind === 'issue-at-dispute');

  let layout: Layout;
  let items: Item[];
  let stoppedAt: number | null = null;
  if (issues) {
    const from = issues.titleRange.start.line + 1;
    ({ items, stoppedAt } = readItems(idx, from, endOfSection(letter.sections, issues, idx.count), false));
    layout = 'standard';
  } else if (older || professional) {
    items = readOlderDecisions(idx, letter.sections, professional && !older);
    layout = older ? 'notice-2013' : 'medical-professional-review';
  } else {
    // No issues heading: still read items that carry field labels, wherever they stand.
    ({ items, stoppedAt } = readItems(idx, 0, idx.count, true));
    layout = items.length > 0 ? 'standard' : 'unknown';
  }
  letter.items = items;
  letter.layout = layout;
  if (stoppedAt !== null) letter.itemsStoppedAt = stoppedAt;
  return letter;
}

function endOfSection(sections: readonly Section[], section: Section, count: number): number {
  const i = sections.indexOf(section);
  return i + 1 < sections.length ? sections[i + 1].titleRange.start.line : count;
}

function readSections(idx: LineIndex): Section[] {
  const found: Array<{ kind: Section['kind']; line: number }> = [];
  for (let i = 0; i < idx.count; i++) {
    const kind = headingKindAt(idx.text, idx.offset(i, idx.start(i)), idx.offset(i, idx.end(i)));
    if (kind) found.push({ kind, line: i });
  }
  // The published letters open with a header table ("Case Number:" …) before any heading.
  const first = idx.nextNonBlank(0);
  if (first >= 0 && (found.length === 0 || first < found[0].line) && /^(?:IMR\s+)?Case\s+Number\s*:?/i.test(idx.content(first))) {
    found.unshift({ kind: 'header', line: first });
  }
  return found.map((h, k) => {
    const next = k + 1 < found.length ? found[k + 1].line : idx.count;
    const last = Math.max(h.line, idx.lastNonBlank(h.line, next));
    return {
      kind: h.kind,
      title: h.kind === 'header' ? 'Case details' : idx.content(h.line).replace(/\s+/g, ' '),
      titleRange: idx.contentRange(h.line),
      range: range(h.line, idx.start(h.line), last, idx.end(last)),
    };
  });
}

const SAMPLE = 65536;
// Control characters are exactly what it looks for.
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\0-\x08\x0e-\x1f\ufffd]/g;

function notLetterReason(text: string, idx: LineIndex): Letter['notLetterReason'] {
  // NUL and other C0 controls never occur in extracted text; tab, LF, VT, FF and CR do.
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let control = 0;
  BINARY_CHARS.lastIndex = 0;
  while (BINARY_CHARS.test(sample)) control++;
  if (sample.length > 0 && control / sample.length > 0.02) return 'binary';
  let any = false;
  for (let i = 0; i < idx.count && !any; i++) any = !idx.isBlank(i);
  if (!any) return 'empty';
  return LETTER_SIGNS.test(text) ? null : 'no-signs';
}

function eolOf(text: string): Letter['eol'] {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/** The seed letters' style: every text line followed by an empty one. */
function isDoubleSpaced(idx: LineIndex): boolean {
  let text = 0;
  let followedByEmpty = 0;
  const n = Math.min(idx.count, 400);
  for (let i = 0; i + 1 < n; i++) {
    if (idx.isBlank(i)) continue;
    text++;
    if (idx.lineLength(i + 1) === 0) followedByEmpty++;
  }
  return text >= 4 && followedByEmpty / text > 0.6;
}
