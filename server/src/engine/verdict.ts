// What a rationale concludes about medical necessity. Letters phrase the negative many ways ("is
// not medically necessary", "is determined to not be medically necessary", "the medical
// necessity of this request is not established"), so negation is read, not one phrase matched.

export type Verdict = 'necessary' | 'not-necessary';

// A verdict is a predicate ("is not medically necessary", "cannot be considered medically
// necessary", "is not a medical necessity", "medical necessity … is not established"); the
// noun alone ("this decision addresses the medical necessity of opioids") states none.
const MENTION = new RegExp(
  [
    String.raw`\b(?:is|are|was|were|be|been|being|appears?|seems?|remains?)\s+(?:[\w-]+\s+){0,3}?(?:medically\s+)?necessary\b(?!\s+to\b)`,
    String.raw`\b(?:is|are|was|were|be|been|being|appears?|seems?|remains?)\s+(?:[\w-]+\s+){0,3}?medically\s+(?:appropriate|reasonable|indicated|warranted)\b`,
    String.raw`\b(?:is|was)\s+(?:not\s+)?a\s+medical\s+necessity\b`,
    String.raw`\bmedical\s+necessity\b[^.;]{0,80}?\b(?:is|was|has|have)\s+(?:not\s+)?(?:been\s+)?(?:established|supported|demonstrated|met)\b`,
  ].join('|'),
  'i',
);
const NEGATION =
  /\b(?:not|no|cannot|never|lacks?|unnecessary|unsupported|unwarranted|inappropriate)\b|n't\b|\bnot-/i;
// A conditional clause states no verdict ("would be medically necessary if …").
const CONDITIONAL = /\b(?:if|would|could|should|may|might|unless|until|once|whether)\b/i;

/** The verdict of the last clause that states one, or null when the rationale states none. */
export function rationaleVerdict(text: string): Verdict | null {
  const sentences = splitSentences(text);
  for (let s = sentences.length - 1; s >= 0; s--) {
    if (!MENTION.test(sentences[s])) continue;
    const clauses = sentences[s].split(/[,;:]|\b(?:but|however|although|though|while|whereas)\b/i);
    for (let c = clauses.length - 1; c >= 0; c--) {
      const clause = clauses[c];
      if (!MENTION.test(clause) || CONDITIONAL.test(clause)) continue;
      return NEGATION.test(clause) ? 'not-necessary' : 'necessary';
    }
  }
  return null;
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // "." "!" "?" followed by a blank or the end; "pain.The" (a missing space) also ends one.
    if (c === 46 || c === 33 || c === 63) {
      const n = text.charCodeAt(i + 1);
      if (Number.isNaN(n) || n === 32 || (n >= 65 && n <= 90 && i > 0 && isLower(text.charCodeAt(i - 1)))) {
        out.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
