// What a letter means for the case, where the reader looks: code lenses with the appeal deadline
// (Upheld items) and what the claims administrator must do (Overturned items), and hovers on the
// dates and on each item's name. Statements of law come from notes/domain.md in ../shared beside the repository, or from
// the regulation's text (8 CCR 9792.10.7, checked at www.dir.ca.gov/t8/9792_10_7.html).
//
// Code lens, not the status bar: a lens is standard LSP, so Neovim, Emacs and VS Code all show it
// with no client code, in the letter next to the date it counts from; the status bar is VS
// Code's alone and already carries the decision counts.
import type { CodeLens, Position, Range } from 'vscode-languageserver';
import {
  classifyTreatment,
  courtHolidayOn,
  dayName,
  daysBetween,
  itemGuidelineClasses,
  letterAppealDeadline,
  type DateKey,
  type DateMention,
  type GuidelineClass,
  type Item,
  type Letter,
} from '../../engine';
import { guidelineTitle } from './explanations';
import { rangeContains } from '../params';

export interface HoverPart {
  markdown: string;
  range: Range;
}

/** A lens that only shows text: clients display a command's title; an empty command id does nothing when clicked. */
function lens(range: Range, title: string): CodeLens {
  return { range, command: { title, command: '' } };
}

export function codeLenses(letter: Letter): CodeLens[] {
  const out: CodeLens[] = [];
  const deadline = letterAppealDeadline(letter);
  if (deadline) {
    const at = mentionOf(letter, 'decisionDate')?.range ?? letter.items.find((item) => item.decision === 'Upheld')!.nameRange;
    out.push(lens(at, appealTitle(deadline.lastDay, deadline.from, deadline.carriedPast)));
  }
  for (const item of letter.items) {
    if (item.decision !== 'Overturned') continue;
    out.push(lens(item.nameRange, OVERTURNED_LENS));
  }
  return out;
}

function appealTitle(lastDay: string, from: string, carried: readonly string[]): string {
  const moved = carried.length ? `, moved past ${carried.join(', ')}` : '';
  return `Upheld items: last day to petition the WCAB ${dayName(lastDay)} ${lastDay} if served by mail on the Decision Date ` +
    `(${from} + 30 days + 5 for mailing${moved}). It runs from service: the proof of service governs.`;
}

const OVERTURNED_LENS =
  'Overturned: the claims administrator authorizes within 5 working days of receiving the determination ' +
  '(20 days to reimburse services already rendered), 8 CCR 9792.10.7(a)';

const DATE_LABELS: Record<DateKey, string> = {
  dateOfInjury: 'Date of Injury',
  urDecisionDate: 'UR decision date',
  applicationReceived: 'Application Received',
  dateAssigned: 'Date Assigned',
  decisionDate: 'Decision Date',
};

const DATE_MEANING: Record<DateKey, string> = {
  dateOfInjury: 'The date of the work injury the claim is for.',
  urDecisionDate:
    'The date of the Utilization Review (UR) decision that denied, modified or delayed the treatment: the decision IMR reviews ' +
    '(Labor Code 4610.5). An IMR application is due within 30 days of service of the UR decision (8 CCR 9792.10.1(b)(1)).',
  applicationReceived: 'When the Application for Independent Medical Review was received.',
  dateAssigned:
    'When the case was assigned for review (the Notice of Assignment). DWC measures IMR processing time from the mailing of the ' +
    'Notice of Assignment to the mailing of the Final Determination Letter.',
  decisionDate:
    'The date of the Final Determination. The statutory 30 days for a determination (Labor Code 4610.6(d)) run from receipt of ' +
    'the request and supporting documents, and are directory, not mandatory (*California Highway Patrol v. WCAB (Margaris)*, ' +
    '2016): a late letter is not invalid.',
};

const STEPS: readonly DateKey[] = ['dateOfInjury', 'urDecisionDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

function mentionOf(letter: Letter, key: DateKey): DateMention | undefined {
  return letter.metadata.dateMentions.find((mention) => mention.key === key);
}

/** The hover on a date of the header, a cover letter or a 2013 notice's prose. */
export function dateHover(letter: Letter, position: Position): HoverPart | null {
  const mention = letter.metadata.dateMentions.find((m) => rangeContains(m.range, position));
  if (!mention) return null;
  const lines = [`**${DATE_LABELS[mention.key]}**: ${mention.iso ? `${mention.iso} (${dayName(mention.iso)})` : `"${mention.written}" is not a date that exists`}`];
  lines.push(DATE_MEANING[mention.key]);
  if (mention.iso) {
    const between: string[] = [];
    const index = STEPS.indexOf(mention.key);
    const dates = letter.metadata.dates;
    for (let i = index - 1; i >= 0; i--) {
      const earlier = dates[STEPS[i]];
      if (earlier) {
        between.push(`${daysBetween(earlier, mention.iso)} days after the ${DATE_LABELS[STEPS[i]]} (${earlier})`);
        break;
      }
    }
    for (let i = index + 1; i < STEPS.length; i++) {
      const later = dates[STEPS[i]];
      if (later) {
        between.push(`${daysBetween(mention.iso, later)} days before the ${DATE_LABELS[STEPS[i]]} (${later})`);
        break;
      }
    }
    if (mention.key === 'decisionDate' && dates.dateAssigned) {
      between.push(`${daysBetween(dates.dateAssigned, mention.iso)} days from assignment to decision (DWC's "age from assigned date")`);
    }
    if (between.length) lines.push(between.map((line) => `- ${line}`).join('\n'));
    const holiday = courtHolidayOn(mention.iso);
    if (holiday) lines.push(`A California court holiday: ${holiday}.`);
    if (mention.key === 'decisionDate') {
      const deadline = letterAppealDeadline(letter);
      if (deadline) lines.push(`${appealTitle(deadline.lastDay, deadline.from, deadline.carriedPast)} A redacted published letter does not show the date of service.`);
    }
  }
  return { markdown: lines.join('\n\n'), range: mention.range };
}

/** The hover on an item's name: its treatment category and drug group, and both guideline classes side by side. */
export function itemNameHover(item: Item, position: Position): HoverPart | null {
  if (!rangeContains(item.nameRange, position)) return null;
  const treatment = classifyTreatment(item.name);
  const classes = itemGuidelineClasses(item);
  const cell = (list: GuidelineClass[], present: boolean) =>
    present ? (list.length ? list.map((c) => `\`${c.kind}\` ${guidelineTitle(c)}`).join('<br>') : 'empty') : 'no field';
  const lines = [
    `**Category**: \`${treatment.category}\`${treatment.drugGroup ? ` · **drug group**: \`${treatment.drugGroup}\`` : ''}`,
    '| MAXIMUS guideline (IMR reviewer) | Claims Administrator guideline (UR) |\n| --- | --- |\n' +
      `| ${cell(classes.maximus, item.maximusGuideline !== null)} | ${cell(classes.claimsAdministrator, item.claimsAdministratorGuideline !== null)} |`,
  ];
  return { markdown: lines.join('\n\n'), range: item.nameRange };
}
