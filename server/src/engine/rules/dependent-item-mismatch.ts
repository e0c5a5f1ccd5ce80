import { dependencies, type ItemDependency } from '../dependency';
import type { Finding, Rule } from '../rule';
import type { Item, Letter } from '../types';
import { quote } from './util';

export const dependentItemMismatch: Rule = {
  id: 'dependent-item-mismatch',
  title: 'Service and its surgery decided differently',
  defaultSeverity: 'warning',
  description: 'A service decided by the fate of a surgery that this letter decides the other way, or does not decide at all.',
  docs: `Services requested with a surgery (medical clearance, pre-operative tests, an assistant surgeon, post-operative therapy, a cold therapy unit, a sling) are often decided by the surgery's fate: \`As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.\` Such an item follows the surgery decided in the same letter; its outline entry and hover name that surgery.

**What it finds.** A service whose rationale rests on the surgery's fate when the letter decides that surgery the other way (the surgery is Overturned while the service is denied "as the surgery is not medically necessary", or the service is approved "as the surgery is supported" while the surgery's denial is Upheld), or when the letter decides no surgery at all for it to follow.

**Why it matters.** The two decisions cannot both stand as written: the worker could be approved for an operation and denied the clearance, the tests or the therapy that go with it, or the other way round. When the letter decides no surgery, the service's decision rests on a decision the reader cannot see in this letter.

**What to do.** Read both items' rationales. If they disagree, this is a plainly erroneous determination worth raising with the claims administrator or counsel, quoting both items. If the surgery was decided in another letter or by utilization review, find that decision and check that it says what this rationale assumes.`,
  check(letter) {
    const out: Finding[] = [];
    for (const dependency of dependencies(letter)) {
      if (dependency.holds !== false) continue;
      out.push(finding(letter, dependency));
    }
    return out;
  },
};

function finding(letter: Letter, dependency: ItemDependency): Finding {
  const item = letter.items[dependency.item];
  const rationale = item.decisionRationale!;
  const range = item.decisionRange ?? item.headerRange;
  const said = dependency.says === 'necessary' ? 'the surgery is supported' : 'the surgery is not medically necessary';
  if (dependency.primary === null) {
    return {
      message: `Item ${quote(item)} is ${decisionWord(item)} because ${said}, but this letter decides no surgery: the decision it follows is not in this letter.`,
      range,
      item: dependency.item,
      related: [{ range: rationale.textRange, message: 'The rationale that rests on a surgery.' }],
    };
  }
  const primary = letter.items[dependency.primary];
  const primarySays = primary.decision === 'Overturned' ? 'approves the surgery (Overturned)' : 'denies the surgery (Upheld)';
  return {
    message: `Item ${quote(item)} is ${decisionWord(item)} because ${said}, but this letter ${primarySays} in item ${dependency.primary + 1}, ${quote(primary)}.`,
    range,
    item: dependency.item,
    related: [
      { range: primary.decisionRange ?? primary.headerRange, message: `The surgery: ${primary.decision ?? 'no decision'}.` },
      { range: rationale.textRange, message: `The rationale says ${said}.` },
    ],
  };
}

function decisionWord(item: Item): string {
  return item.decision ?? 'undecided';
}
