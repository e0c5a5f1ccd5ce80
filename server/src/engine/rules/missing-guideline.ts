import { blindText } from '../fieldText';
import type { Rule } from '../rule';
import { perItem, quote } from './util';

/**
 * "Decision based on" with nothing after it, or a bracketed placeholder ("[guideline the
 * reviewer applied]"): a stub, not a citation. Blind (fieldText.ts).
 */
export const STUB = /^(?:decision\s+based\s+on|based\s+on|n\/?a|none|tbd|-+|\[[^\]]*\])?[\s.:]*$/i;

export const missingGuideline: Rule = {
  id: 'missing-guideline',
  title: 'Guideline missing',
  defaultSeverity: 'warning',
  description: 'An item with no MAXIMUS guideline, or one that is empty or a stub.',
  docs: `Each item names the guideline the IMR reviewer applied, after \`MAXIMUS guideline:\`.

**What it finds.** An item with no \`MAXIMUS guideline:\` label, an empty one, or a stub such as \`Decision based on\` with nothing after it or a bracketed placeholder.

**Why it matters.** By Labor Code 4610.5 the reviewer applies the MTUS first, then other evidence-based guidelines. A decision that cites no guideline is unsupported: a reader cannot tell what evidence it rests on, and it is the first thing an appeal or an audit looks for.

**What to do.** Check the PDF for the citation (extraction sometimes drops a line). If the letter really has none, note it as a defect of the determination (the "Copy a note" action writes one with the case number, item and rule). The letter is evidence: nothing is inserted into it.`,
  check(letter) {
    return perItem(letter, (item, index) => {
      const field = item.maximusGuideline;
      if (field === null) {
        return {
          message: `Item ${quote(item)} has no "MAXIMUS guideline:": the decision cites no guideline.`,
          range: item.headerRange,
          item: index,
        };
      } else if (STUB.test(blindText(field))) {
        return {
          message: field.text
            ? `Item ${quote(item)}: the MAXIMUS guideline is a stub ("${field.text}") and names no guideline.`
            : `Item ${quote(item)}: the MAXIMUS guideline is empty.`,
          range: field.text ? { start: field.labelRange.start, end: field.textRange.end } : field.labelRange,
          item: index,
        };
      }
      return null;
    });
  },
};
