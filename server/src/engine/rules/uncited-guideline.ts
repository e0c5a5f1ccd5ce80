import { blindText } from '../fieldText';
import { dependencyOf } from '../dependency';
import type { Rule } from '../rule';
import type { Field } from '../types';
import { perItem, quote } from './util';

/** The reviewer's own statement that no evidence was cited. */
export const NO_EVIDENCE = /\b(?:did\s+not|does\s+not|didn't)\s+cite\s+any\b|\bcited\s+no\s+(?:medical\s+)?(?:evidence|guidelines?)\b|\bno\s+(?:medical\s+)?(?:evidence|guidelines?)\s+(?:was|were)\s+cited\b/i;

/** Every statement NO_EVIDENCE finds has this word; most fields lack it and are passed over at half the cost. */
const CITE = /cite/i;

/** Whether the field says no evidence was cited. NO_EVIDENCE is blind (fieldText.ts): no folding needed. */
export function saysNoEvidence(field: Field): boolean {
  const text = blindText(field);
  return CITE.test(text) && NO_EVIDENCE.test(text);
}

export const uncitedGuideline: Rule = {
  id: 'uncited-guideline',
  title: 'Reviewer cited no evidence',
  defaultSeverity: 'warning',
  description: 'The MAXIMUS guideline says the reviewer cited no medical evidence or guideline.',
  docs: `Some letters fill the \`MAXIMUS guideline:\` field with a statement instead of a citation: \`The Expert Reviewer did not cite any medical evidence for its decision.\`

**What it finds.** A MAXIMUS guideline that says the reviewer cited no medical evidence or guideline, on an item that is not a service decided by a surgery's fate (those follow the surgery's citations; \`dependent-item-mismatch\` checks that the surgery was decided the same way).

**Why it matters.** The field is present, so a quick reading sees a citation, but the decision rests on none. In the published letters this happens mostly for services tied to a surgery decided in the same letter (assistant surgeon, pre-operative labs, post-operative therapy), which this rule no longer reports; elsewhere it deserves a closer look.

**What to do.** Nothing to fix in the text when it is what the reviewer wrote; read the rationale to see what the decision rests on, and check whether it follows another item's decision. Turn the rule off (\`"uncited-guideline": "off"\`) if your review does not need it.`,
  check(letter) {
    return perItem(letter, (item, index) => {
      const field = item.maximusGuideline;
      if (field === null || !saysNoEvidence(field)) return null;
      // A service decided by a surgery's fate cites what the surgery cites; whether that holds
      // is dependent-item-mismatch's question.
      if (dependencyOf(letter, index)) return null;
      return { message: `Item ${quote(item)}: the MAXIMUS guideline says the reviewer cited no medical evidence.`, range: field.textRange, item: index };
    });
  },
};
