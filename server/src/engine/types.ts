// Plain data returned by the engine. Positions are LSP positions: 0-based line and UTF-16
// character, lines broken at \r\n, \n or a lone \r (as LSP clients do). A form feed is a
// character like any other, so it never shifts a line number.
import type { LetterField } from './letterField';
import type { LetterItem } from './letterItem';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The empty range at the top of the text, where findings about the whole letter stand (a new object each call). */
export function startOfText(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** An item's name when its header names nothing; every face shows it as is. */
export const UNNAMED_ITEM = '(unnamed item)';

export type Decision = 'Upheld' | 'Overturned';

export type FieldKind = 'claimsAdministratorGuideline' | 'maximusGuideline' | 'decisionRationale';

/**
 * A labelled field of an item: a LetterField (letterField.ts), whose ranges, label and text are getters;
 * like an Item, spreading it would drop them (no-misused-spread), and its toJSON gives FieldData.
 */
export type Field = LetterField;

/** What a field holds, as plain data: LetterField implements it, and its toJSON returns one. */
export interface FieldData {
  kind: FieldKind;
  /** The label as written, e.g. "MAXIMUS Guideline:". */
  label: string;
  labelRange: Range;
  /** From the first character after the label to the end of the field's last text; empty when the field is empty. */
  textRange: Range;
  /** The field's text with page breaks removed, whitespace folded and hyphenated line ends joined. */
  readonly text: string;
}

/**
 * An item of a letter. One runtime shape: every item, of every layout, is a LetterItem (letterItem.ts),
 * whose ranges are getters worked out from offsets. So `{...item}` would drop the ranges; eslint's
 * no-misused-spread rejects spreading it. `item.toJSON()` (and JSON.stringify) gives the same
 * data as plain properties: an ItemData.
 */
export type Item = LetterItem;

/** What an item holds, as plain data: LetterItem implements it, and its toJSON returns one. */
export interface ItemData {
  /** Whitespace folded, no page-break noise; for a partial-authorization lead-in, the request the decision is about. */
  name: string;
  decision: Decision | null;
  /** The decision word as written ("UPHELD."), or null. */
  decisionText: string | null;
  /** The full folded lead-in when the item header is a partial-authorization lead-in, else null. */
  leadIn: string | null;
  nameRange: Range;
  decisionRange: Range | null;
  /** The item header: from the name's first character to the decision (or the name's end). */
  headerRange: Range;
  /** The whole block: header, fields, up to the last text before the next item or section. */
  range: Range;
  claimsAdministratorGuideline: Field | null;
  maximusGuideline: Field | null;
  decisionRationale: Field | null;
}

export type SectionKind =
  | 'cover'
  | 'header'
  | 'how-made'
  | 'credentials'
  | 'documents-reviewed'
  | 'clinical-summary'
  | 'issues'
  | 'notice'
  | 'older-decisions'
  | 'professional-review'
  | 'case-summary'
  | 'issue-at-dispute'
  | 'guidelines-relied-upon'
  | 'rationale'
  | 'reviewer-qualifications';

export interface Section {
  kind: SectionKind;
  /** The heading as written, whitespace folded. */
  title: string;
  titleRange: Range;
  /** From the heading to the last text before the next heading (or the end). */
  range: Range;
}

/**
 * standard: the 2016-17 and cover-letter layouts with per-item labels.
 * notice-2013: "Notice of Independent Medical Review Determination" with a numbered list of decisions.
 * medical-professional-review: per-letter sections instead of per-item labels.
 * unknown: looks like a letter but has no issues section we can read.
 * not-a-letter: no sign of an IMR letter.
 */
export type Layout = 'standard' | 'notice-2013' | 'medical-professional-review' | 'unknown' | 'not-a-letter';

/** The dates of the IMR steps a letter gives, in the order the steps happen. */
export type DateKey = 'dateOfInjury' | 'urDecisionDate' | 'applicationReceived' | 'dateAssigned' | 'decisionDate';

/** A date the letter writes: where, as written, and as ISO 8601 (null when it does not exist). */
export interface DateMention {
  key: DateKey;
  written: string;
  iso: string | null;
  /** Why the written date is not on the calendar ("February 2016 has no day 30"), else null. */
  invalid: string | null;
  range: Range;
}

export interface Metadata {
  caseNumber: string | null;
  dateOfInjury: string | null;
  urDecisionDate: string | null;
  dateAssigned: string | null;
  decisionDate: string | null;
  applicationReceived: string | null;
  priority: string | null;
  licensure: string[];
  specialties: string[];
  /** The same dates as ISO 8601 ("2016-11-09"), null when absent or not a real date. */
  dates: Record<DateKey, string | null>;
  /** Each date read, with its range: the header table's values, a cover letter's, 2013 prose. */
  dateMentions: DateMention[];
  /** The priority as a value: "standard", "expedited", or null. */
  priorityLevel: 'standard' | 'expedited' | null;
}

export interface Letter {
  layout: Layout;
  /** Why the text is not a letter, when layout is not-a-letter ("empty", "binary", "no-signs"). */
  notLetterReason: 'empty' | 'binary' | 'no-signs' | null;
  sections: Section[];
  metadata: Metadata;
  items: Item[];
  /** The line break the text uses most ("\n" when it has none), for edits that insert lines. */
  eol: '\n' | '\r\n' | '\r';
  /** True when most text lines are followed by an empty line (the seed letters' extraction style). */
  doubleSpaced: boolean;
  lineCount: number;
  /** Set only when MAX_ITEMS items were read: the line where reading stopped (limits.ts). */
  itemsStoppedAt?: number;
}
