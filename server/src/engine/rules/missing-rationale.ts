import { isEmptyField } from '../fieldText';
import type { Rule } from '../rule';
import { perItem, quote } from './util';

export const missingRationale: Rule = {
  id: 'missing-rationale',
  title: 'Rationale missing',
  defaultSeverity: 'warning',
  description: 'An item with no Decision rationale, or an empty one.',
  docs: `Each item ends with the reviewer's reasoning after \`Decision rationale:\`.

**What it finds.** An item with no \`Decision rationale:\` label, or one with no text before the next item.

**Why it matters.** The rationale is where the reviewer applies the guideline to the worker's records and explains the decision. Without it a reader cannot weigh the decision, and a party considering an appeal has nothing to examine.

**What to do.** Check the PDF: a page break or extraction may have cut the text. If the letter really has no rationale, note it as a defect of the determination (the "Copy a note" action writes one with the case number, item and rule). The letter is evidence: nothing is inserted into it.`,
  check(letter) {
    return perItem(letter, (item, index) => {
      const field = item.decisionRationale;
      if (field === null) {
        return {
          message: `Item ${quote(item)} has no "Decision rationale:": the decision is not explained.`,
          range: item.headerRange,
          item: index,
        };
      } else if (isEmptyField(field)) {
        return {
          message: `Item ${quote(item)}: the decision rationale is empty.`,
          range: field.labelRange,
          item: index,
        };
      }
      return null;
    });
  },
};
