// Case metadata: the published letters' header table (a block of labels, then a block of values),
// a cover letter's "Label: value" lines, and the reviewer's credentials.
import { CASE_NUMBER, META_LABEL, type MetaKey, metaKeyOf } from './patterns';
import { foldPieces, LineIndex } from './text';
import type { Metadata, Section } from './types';

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
      if (next) setOnce(meta, next, c);
      continue;
    }
    labels.forEach((m, k) => {
      const key = metaKeyOf(m[1]);
      const valueEnd = k + 1 < labels.length ? labels[k + 1].index : c.length;
      const value = c.slice(m.index + m[0].length, valueEnd).trim();
      if (!key) return;
      if (value) setOnce(meta, key, value);
      else pending.push(key);
    });
  }
}

function setOnce(meta: Metadata, key: MetaKey, value: string): void {
  if (meta[key] === null) meta[key] = value;
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
