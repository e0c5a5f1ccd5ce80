import type { Finding, Rule } from '../rule';
import type { DateKey, DateMention } from '../types';

/** The steps of an IMR in the order they happen (domain notes, "Dates in a letter"). */
const ORDER: readonly DateKey[] = ['dateOfInjury', 'urDecisionDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

const LABELS: Record<DateKey, string> = {
  dateOfInjury: 'Date of Injury',
  urDecisionDate: 'UR decision date',
  applicationReceived: 'Application Received',
  dateAssigned: 'Date Assigned',
  decisionDate: 'Decision Date',
};

export const impossibleDate: Rule = {
  id: 'impossible-date',
  title: 'Date that cannot be right',
  defaultSeverity: 'warning',
  description: 'A date that does not exist, or a step of an IMR dated before an earlier step.',
  docs: `The dates of a letter follow the steps of an IMR: injury, Utilization Review decision, IMR application received, assignment to the reviewer, decision.

**What it finds.** A date written as one but not on the calendar (\`02/30/2016\`, \`13/01/2016\`), and a later step dated before an earlier one (an application received before the UR decision it disputes, a decision before the case was assigned). It reads the header table, a cover letter's lines and the 2013 notices' prose. A decision long after assignment is not reported: the 30 days of Labor Code 4610.6(d) are directory, not mandatory (*California Highway Patrol v. WCAB (Margaris)*, 2016), so a late letter is not invalid.

**Why it matters.** Deadlines run from these dates: the 30 days to apply for IMR from the UR decision, the appeal to the WCAB from the determination. A date that cannot be right is usually a typing or extraction slip, and a reader who counts from it counts wrong.

**What to do.** Compare the dates with the PDF and with the UR decision and the Notice of Assignment. If the PDF has the same dates, the letter itself is wrong; note it before counting any deadline from it.`,
  check(letter) {
    const out: Finding[] = [];
    const first = new Map<DateKey, DateMention>();
    for (const mention of letter.metadata.dateMentions) {
      if (mention.invalid !== null) {
        out.push({ message: `${LABELS[mention.key]} ${mention.invalid}: no such date.`, range: mention.range, item: null });
      } else if (!first.has(mention.key)) {
        first.set(mention.key, mention);
      }
    }
    for (let j = 1; j < ORDER.length; j++) {
      const later = first.get(ORDER[j]);
      if (!later?.iso) continue;
      // The nearest earlier step that is dated after this one.
      for (let i = j - 1; i >= 0; i--) {
        const earlier = first.get(ORDER[i]);
        if (!earlier?.iso || earlier.iso <= later.iso) continue;
        out.push({
          message: `${LABELS[ORDER[j]]} ${later.written} is before ${LABELS[ORDER[i]]} ${earlier.written}, an earlier step of the IMR.`,
          range: later.range,
          item: null,
          related: [{ range: earlier.range, message: `${LABELS[ORDER[i]]}.` }],
        });
        break;
      }
    }
    return out;
  },
};
