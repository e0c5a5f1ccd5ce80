// The section headings a letter can have, and the sieve that finds them: a line is tried against
// a heading's regex only when its length and first three letters could open one.
import type { SectionKind } from './types';

interface HeadingPattern {
  kind: SectionKind;
  re: RegExp;
}

// Whole-line headings, in the order they are tried. Kept to lines that never occur as prose.
const HEADINGS: readonly HeadingPattern[] = [
  { kind: 'issues', re: /^IMR\s+ISSUES\s*(?:,\s*)?DECISIONS?\s+AND\s+RATIONALES?$/i },
  { kind: 'issues', re: /^IMR\s+DECISIONS?(?:\s*\(S\))?\s+AND\s+RATIONALES?(?:\s*\(S\))?$/i },
  { kind: 'how-made', re: /^HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE$/i },
  { kind: 'clinical-summary', re: /^CLINICAL\s+CASE\s+SUMMARY$/i },
  { kind: 'credentials', re: /^The\s+Expert\s+Reviewer\s+has\s+the\s+following\s+credentials:?$/i },
  { kind: 'credentials', re: /^Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer:?/i },
  { kind: 'documents-reviewed', re: /^DOCUMENTS\s+REVIEWED(?:\s+FOR\s+DETERMINATION)?:?$/i },
  { kind: 'cover', re: /^Independent\s+Medical\s+Review\s+Final\s+Determination\s+Letter$/i },
  { kind: 'notice', re: /^Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination$/i },
  { kind: 'older-decisions', re: /^INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISIONS?\s+AND\s+RATIONALES?$/i },
  { kind: 'professional-review', re: /^MEDICAL\s+PROFESSIONAL\s+REVIEW$/i },
  { kind: 'issue-at-dispute', re: /^ISSUES?\s+AT\s+DISPUTE:/i },
  { kind: 'case-summary', re: /^CASE\s+SUMMARY:?$/i },
  { kind: 'guidelines-relied-upon', re: /^MEDICAL\s+TREATMENT\s+GUIDELINE\(S\)\s+RELIED\s+UPON/i },
  { kind: 'rationale', re: /^RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED/i },
  { kind: 'reviewer-qualifications', re: /^MEDICAL\s+REVIEWER\s+QUALIFICATIONS:?/i },
];

// Headings are tried only on short lines whose first three letters open some heading: a
// 10 MB letter then costs one Map lookup per line, with no string built, instead of sixteen
// regex tests.
const BY_PREFIX = new Map<number, HeadingPattern[]>();
for (const h of HEADINGS) {
  const key = prefixKey(h.re.source, 1);
  if (key < 0) throw new Error(`heading pattern must open with three letters: ${h.re.source}`);
  BY_PREFIX.set(key, [...(BY_PREFIX.get(key) ?? []), h]);
}

/** The three ASCII characters at `at`, letters case-folded, as one number; -1 past ASCII or the end. */
function prefixKey(text: string, at: number): number {
  let key = 0;
  for (let k = 0; k < 3; k++) {
    const c = text.charCodeAt(at + k);
    if (!(c < 128)) return -1; // NaN past the end
    key = key * 128 + (c | 0x20);
  }
  return key;
}

/** A first sieve, one byte per 5-bit hash of the three characters: most lines stop here. */
const MAYBE_PREFIX = new Uint8Array(1 << 15);
for (const h of HEADINGS) MAYBE_PREFIX[sieveKey(h.re.source, 1)] = 1;

function sieveKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 31) << 10) | ((text.charCodeAt(at + 1) & 31) << 5) | (text.charCodeAt(at + 2) & 31);
}

/** The kind of heading that text[start, end), a line's content, is, or null. */
export function headingKindAt(text: string, start: number, end: number): SectionKind | null {
  if (end - start < 8 || end - start > 120 || MAYBE_PREFIX[sieveKey(text, start)] === 0) return null;
  const candidates = BY_PREFIX.get(prefixKey(text, start));
  if (candidates === undefined) return null;
  const content = text.slice(start, end);
  for (const h of candidates) if (h.re.test(content)) return h.kind;
  return null;
}
