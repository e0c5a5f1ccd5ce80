import type { Rule } from '../rule';
import { startOfText } from '../types';

export const missingSection: Rule = {
  id: 'missing-section',
  title: 'Decisions section missing',
  defaultSeverity: 'warning',
  description: 'A letter without its issues/decisions section.',
  docs: `A Final Determination letter decides its items in the section \`IMR ISSUES, DECISIONS AND RATIONALES\` (older letters: \`IMR DECISION(S) AND RATIONALE(S)\`).

**What it finds.** Text that looks like an IMR letter (it has its headings, labels or case number) but has no issues section heading, or an issues section with no item in it.

**Why it matters.** Without that section the text holds no decision: it may be a cover letter alone, a truncated extraction, or the first pages of a longer file.

**What to do.** Check that the whole PDF was extracted (all pages); a truncated file is the usual cause.`,
  check(letter) {
    if (letter.layout === 'not-a-letter' || letter.layout === 'notice-2013' || letter.layout === 'medical-professional-review') {
      return [];
    }
    const issues = letter.sections.find((s) => s.kind === 'issues');
    if (!issues) {
      const message =
        letter.items.length > 0
          ? `This letter has no "IMR ISSUES, DECISIONS AND RATIONALES" heading; its ${letter.items.length} item(s) were read without it.`
          : 'This letter has no "IMR ISSUES, DECISIONS AND RATIONALES" section: no decision could be read. Was the whole PDF extracted?';
      return [{ message, range: letter.sections[0]?.titleRange ?? startOfText(), item: null }];
    }
    if (letter.items.length === 0) {
      return [{ message: 'The issues section lists no disputed item: no decision could be read.', range: issues.titleRange, item: null }];
    }
    return [];
  },
};
