import type { Rule } from '../rule';
import { saysNoEvidence } from './uncited-guideline';
import { perItem, quote } from './util';

export const claimsAdministratorUncited: Rule = {
  id: 'claims-administrator-uncited',
  title: 'UR cited no evidence',
  defaultSeverity: 'information',
  description: 'The claims administrator cited no medical evidence (worth seeing, not a defect).',
  docs: `\`Claims Administrator guideline:\` records what Utilization Review cited when it denied or modified the request.

**What it finds.** \`The Claims Administrator did not cite any medical evidence for its decision.\`

**Why it matters.** It is a fact about the UR decision, not a defect of the IMR letter: the IMR reviewer decides on the MTUS and other evidence regardless. Adjusters and attorneys still want to see it, since a UR denial that cited nothing is itself worth noting.

**What to do.** Nothing to fix. Set the rule to \`off\` to hide it.`,
  check(letter) {
    return perItem(letter, (item, index) => {
      const field = item.claimsAdministratorGuideline;
      if (field === null || !saysNoEvidence(field)) return null;
      return { message: `Item ${quote(item)}: the claims administrator cited no medical evidence for its UR decision.`, range: field.textRange, item: index };
    });
  },
};
