// The recognisers for a letter's lines. Each runs on one line's content (noise already trimmed),
// is anchored, and has no nested quantifiers, so a 10 MB letter costs a few tests per line.
import type { FieldKind } from './types';

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
