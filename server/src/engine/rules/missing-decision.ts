import type { Rule } from '../rule';
import { perItem, quote } from './util';

export const missingDecision: Rule = {
  id: 'missing-decision',
  title: 'Decision missing',
  defaultSeverity: 'error',
  description: 'An item line with no Upheld or Overturned decision.',
  docs: `Every disputed item ends its header line with the reviewer's decision: \`Norco 10/325 mg #120: Upheld\`.

**What it finds.** An item whose header has no \`Upheld\` or \`Overturned\`: the item line ends at the colon, carries another word, or is missing, and the item is only recognized by its field labels.

**Why it matters.** The decision is the letter's whole point for the worker and the claims administrator: \`Upheld\` means the treatment need not be authorized, \`Overturned\` means it must be. An item with no decision cannot be acted on.

**What to do.** Compare with the PDF: the decision word may have been lost in extraction (it sometimes wraps onto the next line). Read the decision from the PDF; the letter itself is evidence and is not edited.`,
  check(letter) {
    return perItem(letter, (item, index) =>
      item.decision !== null
        ? null
        : {
            message: `Item ${quote(item)} has no decision: expected "Upheld" or "Overturned" after its name.`,
            range: item.headerRange,
            item: index,
          },
    );
  },
};
