import type { Rule } from '../rule';
import { fieldReading } from '../memo';
import { fieldVerdict } from '../verdict';
import { perItem, quote } from './util';

export const decisionContradictsRationale: Rule = {
  id: 'decision-contradicts-rationale',
  title: 'Decision contradicts its rationale',
  defaultSeverity: 'warning',
  description: 'Upheld while the rationale concludes the item is medically necessary, or Overturned while it concludes it is not.',
  docs: `A rationale usually ends with a verdict sentence: \`... is not medically necessary.\` for an Upheld item, \`... is medically necessary.\` for an Overturned one.

**What it finds.** An item whose decision and the rationale's conclusion disagree: \`Upheld\` while the last verdict the rationale states is that the treatment *is* medically necessary, or \`Overturned\` while it says it is *not*. The rule reads negation ("is determined to not be medically necessary", "the medical necessity of this request is not established", "is not a medical necessity"), skips conditional clauses ("would be medically necessary if ..."), and stays silent when the rationale states no verdict.

**Why it matters.** Upheld means the treatment is not authorized; Overturned means it must be. When the two parts of the letter disagree, one of them is wrong, and which one decides whether the worker gets the treatment.

**What to do.** Compare with the PDF. If the letter itself contradicts itself, that is a plainly erroneous determination worth raising with the claims administrator or counsel.`,
  check(letter) {
    return perItem(letter, (item, index) => {
      if (item.decision === null || item.decisionRationale === null) return null;
      const verdict = fieldReading(letter, item.decisionRationale, 'verdict', fieldVerdict);
      const contradicts =
        (item.decision === 'Upheld' && verdict === 'necessary') || (item.decision === 'Overturned' && verdict === 'not-necessary');
      if (!contradicts) return null;
      const says = verdict === 'necessary' ? 'is medically necessary' : 'is not medically necessary';
      return {
        message: `Item ${quote(item)} is ${item.decision} but its rationale concludes that it ${says}.`,
        range: item.decisionRange ?? item.headerRange,
        item: index,
        related: [{ range: item.decisionRationale.textRange, message: `The rationale concludes that it ${says}.` }],
      };
    });
  },
};
