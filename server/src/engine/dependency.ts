// Dependent items: services requested with a surgery (medical clearance, pre-operative labs,
// post-operative therapy, an assistant surgeon, a cold therapy unit...) whose rationale decides
// them by the surgery's fate: "As the requested surgical intervention is not medically necessary
// per the documentation, the requested ancillary service is not medically necessary." Read by
// wording: a clause that refers to a surgery or procedure requested with this item and states
// whether it is necessary (or supported, certified, authorized...), in a causal or consequential
// sentence. The item it depends on is the nearest surgery that the same letter decides.
import { blindText } from './fieldText';
import { labelledItems } from './rules/util';
import { MENTION, NEGATION } from './verdict';
import { fieldReading } from './memo';
import type { Field, Item, Letter } from './types';

/** What a dependent item's rationale says about the surgery it follows. */
export type PrimaryStatus = 'necessary' | 'not-necessary';

/** What a rationale says of the surgery its item follows, and the sentence that says it (folded). */
export interface StatedDependency {
  says: PrimaryStatus;
  statement: string;
}

export interface ItemDependency {
  /** Index of the dependent item in Letter.items. */
  item: number;
  /** Index of the item it depends on (the surgery this letter decides), or null when the letter decides none. */
  primary: number | null;
  /** What the dependent item's rationale says about that surgery. */
  says: PrimaryStatus;
  /** The sentence of the rationale that states the dependency, whitespace folded. */
  statement: string;
  /**
   * True when the letter's decision on the primary agrees with what the rationale says of it
   * (Overturned and "necessary", or Upheld and "not necessary"); false when it does not, or when
   * the letter decides no surgery; null when the primary has no readable decision.
   */
  holds: boolean | null;
}

// A surgery named in a rationale: "the requested surgical intervention", "the concurrent request
// for shoulder surgery", "the primary procedure", "the knee arthroscopy". Folded text: one space.
const QUALIFIER = String.raw`(?:requested|proposed|concurrent(?:ly\s+requested)?|associated|primary|underlying|planned|related|recommended|index|requested\s+and\s+associated)`;
const SURGERY_NOUN = String.raw`surgical\s+(?:intervention|procedure|request|treatment)|surgery|surgeries|operation|operative\s+procedure|arthroscopy|arthroplasty|\w+(?:ectomy|otomy|plasty|odesis|pexy)|fusion|decompression|replacement|release|reconstruction|repair`;
/**
 * "the [qualifiers] [request for] [up to 4 words] surgery": group 1 holds the qualifiers, group 2
 * the noun. A bare "procedure" may be the item itself, so it counts only with a qualifier that
 * points at another request ("the primary procedure").
 */
const SURGERY_REF = new RegExp(
  String.raw`\b(?:the|this|that)\s+((?:${QUALIFIER}\s+)*)(?:request(?:ed)?\s+(?:for\s+)?(?:the\s+|a\s+)?)?(?:[\w/-]+\s+){0,4}?(${SURGERY_NOUN}|procedure)\b`,
  'gi',
);
/** Qualifiers that point at another request than this item: enough on their own. */
const OTHER_REQUEST = /concurrent|associated|primary|underlying|index/i;
/** A causal lead just before the reference: "As the requested surgery is not ...". */
const CAUSAL_LEAD = /\b(?:as|since|because|given(?:\s+that)?|with|considering(?:\s+that)?|in\s+that)\s+$/i;
/** What follows a statement about the surgery and makes this item follow it. */
const CONSEQUENCE =
  /^[^.;]*?\b(?:so|therefore|thus|hence|consequently|accordingly|as\s+such|it\s+follows\s+that)\s[^.]*?\b(?:associated|ancillary|related|requested|post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?|peri-?\s?operative)\b/i;
/** Where the clause about the surgery ends. */
const CLAUSE_BREAK_AFTER = /[,;:]|\b(?:but|however|although|though|while|whereas|then|therefore|thus|so|hence)\b/i;
/** Words that state a surgery's status besides medical necessity. */
const STATUS = /\b(?:supported|certified|authorized|authorised|approved|indicated|recommended|warranted|established|appropriate|denied|non-?certified|upheld|overturned)\b/i;
const DENIED = /\b(?:denied|non-?certified|upheld)\b/i;

/** An item is a surgery a letter decides when its name says so and it is not itself a service around one. */
const SURGERY_NAME =
  /\b(?:surgery|operative|arthroscop\w*|\w+(?:ectomy|otomy|ostomy|plasty|odesis|pexy|rrhaphy)|repair|fusion|decompression|replacement|release|reconstruction|fixation|transposition|debridement|ORIF|TKA|THA|TKR|THR|ACDF|TLIF|PLIF|ALIF)\b/i;
const NOT_A_SURGERY =
  /^\s*(?:associated|ancillary|pre\b|pre-?\s?op|post\b|post-?\s?op|peri-?\s?op|assist|consult|referral|second\s+opinion|myofascial)|\b(?:consult\w*|referral|evaluation\s+for|eval|specialist|surgical\s+service|clearance|therapy|physical\s+therapy|rental|purchase|unit)\b/i;

/** Whether an item names a surgery or another operative procedure (not a service that goes with one). */
export function isSurgeryItem(item: Item): boolean {
  return SURGERY_NAME.test(item.name) && !NOT_A_SURGERY.test(item.name);
}

/**
 * Cheap test before the sentence walk: every dependency statement has one of these stems. Blind
 * (fieldText.ts): a stem is letters only, the same in the text as written as in the folded text,
 * so it is tried on the text as written and most rationales are never folded.
 */
const STEM = /surg|operat|procedur|ectomy|otomy|plasty|odesis|pexy|arthroscop|fusion|decompress|replacement|release|reconstruct|repair/i;

/**
 * The dependency a rationale states, if any: what it says of the surgery and the sentence.
 * Exported for tests; rules and faces use `dependencies`.
 */
export function dependencyStatement(rationale: string): StatedDependency | null {
  return STEM.test(rationale) ? readStatement(rationale) : null;
}

/** The dependency a rationale field states: the stem is tried on its text as written, most are never folded. */
function statedDependency(rationale: Field): StatedDependency | null {
  return STEM.test(blindText(rationale)) ? readStatement(rationale.text) : null;
}

/** dependencyStatement once the rationale is known to hold a stem. */
function readStatement(rationale: string): StatedDependency | null {
  for (const sentence of sentences(rationale)) {
    SURGERY_REF.lastIndex = 0;
    for (let match = SURGERY_REF.exec(sentence); match !== null; match = SURGERY_REF.exec(sentence)) {
      // "that the primary procedure": a failed reading from "that" must not hide the one from "the".
      SURGERY_REF.lastIndex = match.index + 1;
      const before = sentence.slice(0, match.index);
      const after = sentence.slice(match.index + match[0].length);
      const other = OTHER_REQUEST.test(match[1] ?? '');
      if (/^procedure$/i.test(match[2]) && !other) continue;
      const linked = other || CAUSAL_LEAD.test(before) || CONSEQUENCE.test(after);
      if (!linked) continue;
      const says = statusOf(clauseAfter(after));
      if (says !== null) return { says, statement: sentence.trim() };
    }
  }
  return null;
}

/** The rest of the clause that names the surgery: its predicate. */
function clauseAfter(after: string): string {
  const end = after.search(CLAUSE_BREAK_AFTER);
  return end < 0 ? after : after.slice(0, end);
}

function statusOf(predicate: string): PrimaryStatus | null {
  // A conditional ("if the surgery were approved") states nothing about the letter's decision.
  if (/\b(?:would|could|should|may|might|were)\b/i.test(predicate)) return null;
  if (MENTION.test(predicate)) return NEGATION.test(predicate) ? 'not-necessary' : 'necessary';
  const status = STATUS.exec(predicate);
  if (status === null) return null;
  if (DENIED.test(status[0])) return 'not-necessary';
  if (/\boverturned\b/i.test(status[0])) return 'necessary';
  return NEGATION.test(predicate) ? 'not-necessary' : 'necessary';
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"(])/);
}

const cache = new WeakMap<Letter, readonly ItemDependency[]>();

/**
 * Every dependent item of a letter, in item order. Only letters whose items carry labelled
 * rationales (the standard layout) are read. Computed once per letter.
 */
export function dependencies(letter: Letter): readonly ItemDependency[] {
  const known = cache.get(letter);
  if (known) return known;
  const items = labelledItems(letter);
  const surgery = items.map(isSurgeryItem);
  const found: Array<StatedDependency & { item: number }> = [];
  for (let index = 0; index < items.length; index++) {
    const rationale = items[index].decisionRationale;
    if (rationale === null || surgery[index]) continue;
    const statement = fieldReading(letter, rationale, 'dependency', statedDependency);
    if (statement) found.push({ item: index, ...statement });
  }
  const dependent = new Set(found.map((entry) => entry.item));
  const primaries: number[] = [];
  for (let index = 0; index < items.length; index++) {
    if (!dependent.has(index) && surgery[index]) primaries.push(index);
  }
  const result = found.map(({ item, says, statement }): ItemDependency => {
    const primary = nearestPrimary(primaries, item);
    const decision = primary === null ? null : items[primary].decision;
    const holds = primary === null ? false : decision === null ? null : (decision === 'Overturned') === (says === 'necessary');
    return { item, primary, says, statement, holds };
  });
  cache.set(letter, result);
  return result;
}

/** The dependency of one item, if it is a dependent item. */
export function dependencyOf(letter: Letter, index: number): ItemDependency | undefined {
  return dependencies(letter).find((dependency) => dependency.item === index);
}

/** The items that depend on an item. */
export function dependentsOf(letter: Letter, index: number): ItemDependency[] {
  return dependencies(letter).filter((dependency) => dependency.primary === index);
}

/** Letters list the surgery first and its services after it: the nearest one before, else after. */
function nearestPrimary(primaries: readonly number[], item: number): number | null {
  let before: number | null = null;
  for (const primary of primaries) {
    if (primary < item) before = primary;
    else return before ?? primary;
  }
  return before;
}
