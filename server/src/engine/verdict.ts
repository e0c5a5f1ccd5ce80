// What a rationale concludes about medical necessity. Letters phrase the negative many ways ("is
// not medically necessary", "is determined to not be medically necessary", "the medical
// necessity of this request is not established"), so negation is read, not one phrase matched.

import { blindTail } from './fieldText';
import { isRegexSpace } from './lineIndex';
import type { Field } from './types';

export type Verdict = 'necessary' | 'not-necessary';

// A verdict is a predicate ("is not medically necessary", "cannot be considered medically
// necessary", "is not a medical necessity", "medical necessity … is not established"); the
// noun alone ("this decision addresses the medical necessity of opioids") states none.
export const MENTION = new RegExp(
  [
    // "is … (medically) necessary" and "is … medically appropriate|reasonable|indicated|warranted"
    // share their opening, read once (a third faster than two alternatives that each read it).
    String.raw`\b(?:is|are|was|were|be|been|being|appears?|seems?|remains?)\s+(?:[\w-]+\s+){0,3}?(?:(?:medically\s+)?necessary\b(?!\s+to\b)|medically\s+(?:appropriate|reasonable|indicated|warranted)\b)`,
    String.raw`\b(?:is|was)\s+(?:not\s+)?a\s+medical\s+necessity\b`,
    String.raw`\bmedical\s+necessity\s+(?:[^\s.;]+\s+){0,12}?(?:is|was|has|have)\s+(?:not\s+)?(?:been\s+)?(?:established|supported|demonstrated|met)\b`,
  ].join('|'),
  'i',
);
export const NEGATION =
  /\b(?:not|no|none|nothing|cannot|never|lacks?|unnecessary|unsupported|unwarranted|inappropriate)\b|n't\b|\bnot-/i;
// A conditional clause states no verdict ("would be medically necessary if …").
export const CONDITIONAL = /\b(?:if|would|could|should|may|might|unless|until|once|whether)\b/i;

/** The verdict of the last clause that states one, or null when the rationale states none. */
export function rationaleVerdict(text: string): Verdict | null {
  return lastVerdict(text, true) ?? null;
}

/** A tail this long nearly always holds the verdict sentence whole. */
const TAIL_CHARS = 200;

/**
 * The verdict of a rationale field: its last lines are read first, the rest only if needed; as
 * written, not folded, because every pattern here is blind to whitespace runs (fieldText.ts).
 */
export function fieldVerdict(field: Field, tailChars = TAIL_CHARS): Verdict | null {
  const tail = blindTail(field, tailChars);
  const verdict = lastVerdict(tail.text, tail.whole);
  if (verdict !== undefined) return verdict;
  return lastVerdict(blindTail(field, Infinity).text, true) ?? null;
}

/**
 * Walks sentences from the end: the verdict is nearly always the last one, so a long rationale
 * costs one or two regex tests, not one per sentence. In a tail (whole = false) the first
 * sentence may be cut, so it is never read: undefined means "read the whole text".
 */
function lastVerdict(text: string, whole: boolean): Verdict | null | undefined {
  let end = text.length;
  while (end > 0) {
    const start = sentenceStart(text, end);
    if (start === 0 && !whole) return undefined;
    const verdict = sentenceVerdict(text.slice(start, end));
    if (verdict !== null) return verdict;
    end = start;
  }
  return whole ? null : undefined;
}

/** Every MENTION has one of these words: a sentence without them is passed over at a fraction of the cost. */
const KEYWORD = /necess|medically/i;
const CLAUSE_BREAK = /[,;:]|\b(?:but|however|although|though|while|whereas)\b/i;

/** The verdict of a sentence's last clause that states one. */
function sentenceVerdict(sentence: string): Verdict | null {
  if (!KEYWORD.test(sentence)) return null;
  const clauses = sentence.split(CLAUSE_BREAK);
  for (let c = clauses.length - 1; c >= 0; c--) {
    const verdict = clauseVerdict(clauses[c]);
    if (verdict !== null) return verdict;
  }
  return null;
}

/** A clause's verdict: it mentions medical necessity, and not as a condition. */
function clauseVerdict(clause: string): Verdict | null {
  if (!MENTION.test(clause) || CONDITIONAL.test(clause)) return null;
  return NEGATION.test(clause) ? 'not-necessary' : 'necessary';
}

/**
 * Where the sentence ending at `end` starts: just after the previous ".", "!" or "?" that is
 * followed by whitespace, or by a capital with no space ("pain.The", a missing space).
 */
function sentenceStart(text: string, end: number): number {
  for (let i = end - 2; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    const n = text.charCodeAt(i + 1);
    if (isRegexSpace(n) || (n >= 65 && n <= 90 && i > 0 && isLower(text.charCodeAt(i - 1)))) return i + 1;
  }
  return 0;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
