// Case metadata: the published letters' header table (a block of labels, then a block of values),
// a cover letter's "Label: value" lines, and the reviewer's credentials.
import { CASE_NUMBER, META_LABEL, type MetaKey, metaKeyOf } from './patterns';
import { foldPieces } from './fold';
import { LineIndex } from './lineIndex';
import { readDate } from './dates';
import type { DateKey, DateMention, Metadata, Section } from './types';

const DATE_KEYS: readonly DateKey[] = ['dateOfInjury', 'urDecisionDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

export function emptyMetadata(): Metadata {
  return {
    caseNumber: null,
    dateOfInjury: null,
    urDecisionDate: null,
    dateAssigned: null,
    decisionDate: null,
    applicationReceived: null,
    priority: null,
    licensure: [],
    specialties: [],
    dates: { dateOfInjury: null, urDecisionDate: null, applicationReceived: null, dateAssigned: null, decisionDate: null },
    dateMentions: [],
    priorityLevel: null,
  };
}

/** Metadata from the lines before headerEnd (header table, cover letter) and the credentials section. */
export function readMetadata(idx: LineIndex, headerEnd: number, sections: readonly Section[]): Metadata {
  const meta = emptyMetadata();
  readLabelValues(idx, headerEnd, meta);
  if (meta.caseNumber === null) {
    // A case number anywhere in the first lines (repeated page headers, "Re:" lines).
    for (let i = 0; i < Math.min(idx.count, 400) && meta.caseNumber === null; i++) {
      const m = CASE_NUMBER.exec(idx.line(i));
      if (m) meta.caseNumber = m[0];
    }
  }
  for (const s of sections) if (s.kind === 'credentials') readCredentials(idx, s, meta);
  readProseDates(idx, meta);
  for (const mention of meta.dateMentions) if (meta.dates[mention.key] === null) meta.dates[mention.key] = mention.iso;
  const priority = meta.priority?.toLowerCase() ?? '';
  meta.priorityLevel = /^standard\b/.test(priority) ? 'standard' : /^expedited\b/.test(priority) ? 'expedited' : null;
  return meta;
}

/**
 * Labels queue up until values arrive, so "Label: value", several "Label: value" pairs on one row
 * (pdf.js reads the header table row by row) and the header table's label block followed by its
 * value block (pdftotext) all fill the same fields. "Application" / "Received:" is one label.
 */
function readLabelValues(idx: LineIndex, end: number, meta: Metadata): void {
  const pending: MetaKey[] = [];
  for (let i = 0; i < end; i++) {
    if (idx.isBlank(i)) continue;
    let c = idx.content(i);
    if (/^Application$/i.test(c)) {
      const n = idx.nextNonBlank(i + 1, end);
      if (n >= 0 && /^Received\s*:/i.test(idx.content(n))) {
        c = 'Application ' + idx.content(n);
        i = n;
      }
    }
    const labels = [...c.matchAll(META_LABEL)];
    if (labels.length === 0 || labels[0].index !== 0) {
      const next = pending.shift();
      if (next) setOnce(meta, next, c, idx, idx.offset(i, idx.start(i)));
      continue;
    }
    labels.forEach((m, k) => {
      const key = metaKeyOf(m[1]);
      const valueEnd = k + 1 < labels.length ? labels[k + 1].index : c.length;
      const raw = c.slice(m.index + m[0].length, valueEnd);
      const value = raw.trim();
      if (!key) return;
      const lead = raw.length - raw.trimStart().length;
      if (value) setOnce(meta, key, value, idx, idx.offset(i, idx.start(i)) + m.index + m[0].length + lead);
      else pending.push(key);
    });
  }
}

function setOnce(meta: Metadata, key: MetaKey, value: string, idx: LineIndex, at: number): void {
  if (meta[key] !== null) return;
  meta[key] = value;
  if ((DATE_KEYS as readonly string[]).includes(key)) mention(meta, key as DateKey, value, idx, at);
}

function mention(meta: Metadata, key: DateKey, written: string, idx: LineIndex, at: number, length = written.length): void {
  const reading = readDate(written);
  if (reading === null) return;
  const entry: DateMention = {
    key,
    written,
    iso: 'iso' in reading ? reading.iso : null,
    invalid: 'invalid' in reading ? reading.invalid : null,
    range: idx.rangeOf(at, at + length),
  };
  meta.dateMentions.push(entry);
}

/** How far into a letter prose dates are looked for: the 2013 notices give them on the first page. */
const PROSE_SPAN = 20000;
const WRITTEN_DATE = String.raw`(\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})`;
const PROSE_DATES: ReadonlyArray<[RegExp, DateKey]> = [
  [new RegExp(String.raw`\bapplication\b[^.]{1,200}?\bwas\s+(?:filed|received)\s+(?:on\s+)?` + WRITTEN_DATE, 'i'), 'applicationReceived'],
  [new RegExp(String.raw`\bUtilization\s+Review\s+(?:Denial|decision|determination)\s+dated\s+` + WRITTEN_DATE, 'i'), 'urDecisionDate'],
  [new RegExp(String.raw`\bNotice\s+of\s+Assignment\b[^.]{1,200}?\bwas\s+(?:provided|sent|mailed)\b[^.]{1,80}?\bon\s+` + WRITTEN_DATE, 'i'), 'dateAssigned'],
  [new RegExp(String.raw`\bDate\s+of\s+Injury\s*:\s*` + WRITTEN_DATE, 'i'), 'dateOfInjury'],
];

/**
 * The 2013 notices write the dates in prose ("An application ... was filed on ... disputing the
 * Utilization Review Denial dated ... A Notice of Assignment ... was provided on ...") and carry
 * the letter's own date on a line by itself near the top, which is the date of the determination.
 * Only dates the header did not give are taken.
 */
function readProseDates(idx: LineIndex, meta: Metadata): void {
  const text = idx.text.length > PROSE_SPAN ? idx.text.slice(0, PROSE_SPAN) : idx.text;
  const have = new Set(meta.dateMentions.map((m) => m.key));
  for (const [pattern, key] of PROSE_DATES) {
    if (have.has(key) || (key === 'dateOfInjury' && meta.dateOfInjury !== null)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const written = m[1];
    const at = (m.index ?? 0) + m[0].length - written.length;
    mention(meta, key, written.replace(/\s+/g, ' '), idx, at, written.length);
    if (meta[key] === null) meta[key] = written.replace(/\s+/g, ' ');
  }
  if (!have.has('decisionDate') && meta.decisionDate === null) {
    // The letter's own date: a line that is only a date, among the first lines.
    for (let i = 0; i < Math.min(idx.count, 40); i++) {
      const c = idx.content(i);
      if (c.length === 0 || c.length > 20) continue;
      const r = readDate(c);
      if (r && 'iso' in r && /[A-Z]/i.test(c)) {
        meta.decisionDate = c;
        mention(meta, 'decisionDate', c, idx, idx.offset(i, idx.start(i)));
        break;
      }
    }
  }
}

function readCredentials(idx: LineIndex, s: Section, meta: Metadata): void {
  const last = s.range.end.line;
  for (let i = s.titleRange.start.line; i <= last; i++) {
    const c = idx.content(i);
    const lic = /^State\(s\) of Licensure\s*:(.*)$/i.exec(c);
    if (lic) meta.licensure = splitList(lic[1]);
    const spec = /^Certification\(s\)\/Specialty\s*:(.*)$/i.exec(c);
    if (spec) {
      // The specialty list may wrap onto the following lines of the section.
      const pieces = [spec[1]];
      for (let k = i + 1; k <= last; k++) if (!idx.isBlank(k)) pieces.push(idx.content(k));
      meta.specialties = splitList(foldPieces(pieces));
    }
  }
}

function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
