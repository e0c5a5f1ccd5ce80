import type { Rule } from '../rule';
import { startOfText } from '../types';

export const olderLayout: Rule = {
  id: 'older-layout',
  title: 'Older letter layout',
  defaultSeverity: 'information',
  description: 'An older letter layout: what was read, and what could not be checked.',
  docs: `Letters from 2013-2014 and the "medical professional review" layout state their decisions in prose and give the guideline and rationale as sections, not as labelled fields under each item.

**What it finds.** A letter in one of those layouts. One diagnostic, at its first heading, says how many decisions were read and that the per-item checks (missing guideline, missing rationale, contradictions) were not run.

**Why it matters.** Reporting every item of an older letter as "missing its guideline" would be false: the guideline is there, in another place. Saying plainly what was not checked is more useful than silence.

**What to do.** Nothing to fix; read the guideline and rationale sections yourself. Set the rule to \`off\` to hide it.`,
  check(letter) {
    if (letter.layout !== 'notice-2013' && letter.layout !== 'medical-professional-review') return [];
    const name = letter.layout === 'notice-2013' ? 'the 2013 notice layout' : 'the medical professional review layout';
    const decided = letter.items.filter((i) => i.decision !== null).length;
    const read =
      letter.items.length === 0
        ? 'no decision could be read from it'
        : `${letter.items.length} item(s) were read, ${decided} with a decision`;
    return [
      {
        message: `This letter uses ${name}: ${read}. Its guidelines and rationales are not labelled per item, so those checks were not run.`,
        range: letter.sections[0]?.titleRange ?? startOfText(),
        item: null,
      },
    ];
  },
};
