// The recognisers for a letter's lines. Each runs on one line's content (noise already trimmed),
// is anchored, and has no nested quantifiers, so a 10 MB letter costs a few tests per line.
import type { FieldKind, SectionKind } from './types';

/** "…: Upheld", "…:  OVERTURNED." — the decision word closing an item line. */
export const DECISION_AT_END = /:\s*(upheld|overturned)\.?$/i;
// A line that is only the decision word (wrapped onto its own line) is read by character in
// readItems.ts (decisionWordColumn), held to /^(upheld|overturned)\.?$/i by test/unit/fast-paths.test.ts.

export const FIELD_LABEL = /^(claims\s+administrator\s+guidelines?|maximus\s+guidelines?|decision\s+rationales?)\s*:/i;
/**
 * FIELD_LABEL read in place (sticky: set lastIndex to a line's content start; lastIndex is then
 * the label's end), so no line is copied out and no match array built. Its whitespace excludes
 * line breaks, so it reads within one line exactly what FIELD_LABEL reads in the line's content.
 */
export const FIELD_LABEL_AT = /(?:claims[^\S\r\n]+administrator[^\S\r\n]+guidelines?|maximus[^\S\r\n]+guidelines?|decision[^\S\r\n]+rationales?)[^\S\r\n]*:/iy;

export function fieldKindOf(label: string): FieldKind {
  const c = label.charCodeAt(0) | 0x20;
  if (c === 0x63) return 'claimsAdministratorGuideline'; // c
  if (c === 0x6d) return 'maximusGuideline'; // m
  return 'decisionRationale';
}

export const FIELD_ORDER: Record<FieldKind, number> = {
  claimsAdministratorGuideline: 0,
  maximusGuideline: 1,
  decisionRationale: 2,
};

/** The sentence that introduces the items. */
export const ITEMS_INTRO = /set forth below|disputed items\/services/i;

/** A line that ends a sentence, possibly behind a closing quote or bracket. */
export const SENTENCE_END = /[.!?]["'\u201d\u2019)\]]*$/;

/** Page footers and repeated case numbers that extraction leaves inside the items. */
export const PAGE_NOISE = /^(?:page\s*\d+(?:\s*of\s*\d+)?|CM\d{2}-\d{7}|\d{1,3})$/i;

export const CASE_NUMBER = /\bCM\d{2}-\d{7}\b/;

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

/** Header-table and cover-letter labels, mapped to metadata keys. */
const META_LABELS: ReadonlyArray<[RegExp, MetaKey]> = [
  [/^(?:IMR\s+)?Case\s+Number$/i, 'caseNumber'],
  [/^Date\s+Assigned$/i, 'dateAssigned'],
  [/^Decision\s+Date$/i, 'decisionDate'],
  [/^Priority$/i, 'priority'],
  [/^Date\s+of\s+Injury$/i, 'dateOfInjury'],
  [/^(?:UR\s+Denial\s+Date|Date\s+of\s+UR\s+Decision|UR\s+Decision\s+Date)$/i, 'urDecisionDate'],
  [/^Application\s+Received$/i, 'applicationReceived'],
];

/** Any header-table label with its colon, wherever it stands on the line. */
export const META_LABEL =
  /\b(IMR\s+Case\s+Number|Case\s+Number|Date\s+Assigned|Decision\s+Date|Priority|Date\s+of\s+Injury|UR\s+Denial\s+Date|Date\s+of\s+UR\s+Decision|UR\s+Decision\s+Date|Application\s+Received)\s*:/gi;

export type MetaKey =
  | 'caseNumber'
  | 'dateAssigned'
  | 'decisionDate'
  | 'priority'
  | 'dateOfInjury'
  | 'urDecisionDate'
  | 'applicationReceived';

export function metaKeyOf(label: string): MetaKey | null {
  for (const [re, key] of META_LABELS) if (re.test(label)) return key;
  return null;
}
