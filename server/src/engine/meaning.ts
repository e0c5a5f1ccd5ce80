// What a letter means for the case, as plain values the CLI, the server and the decisions table
// share: each item's treatment class and guideline classes, and the letter's dates and deadline.
import { appealDeadline, daysBetween, type AppealDeadline } from './dates';
import { classifyGuidelineText, guidelineClassId, type GuidelineClass } from './guidelines';
import { classifyTreatment, type DrugGroup, type TreatmentCategory } from './treatment';
import type { Item, Letter } from './types';

/** One row's worth of meaning for an item: the decisions table's added columns, in this order. */
export interface ItemTableFields {
  category: TreatmentCategory;
  drugGroup: DrugGroup | null;
  /** guidelineClassId of each citation, joined with ";" ("mtus-acoem-12;odg"); null without the field. */
  maximusGuidelineClass: string | null;
  claimsAdministratorGuidelineClass: string | null;
  /** ISO 8601 or null. */
  dateAssigned: string | null;
  /** Calendar days from Date Assigned to Decision Date, or null when either is missing. */
  daysToDecision: number | null;
  /** "standard", "expedited" or null. */
  priority: string | null;
  /** The reviewer's specialties joined with "; ", or null. */
  reviewerSpecialty: string | null;
  /** For an Upheld item, the last day to petition the WCAB counted from the Decision Date (ISO); else null. */
  appealDeadline: string | null;
}

/** Both guideline fields classified; an absent field gives an empty list. */
export function itemGuidelineClasses(item: Item): { maximus: GuidelineClass[]; claimsAdministrator: GuidelineClass[] } {
  return {
    maximus: item.maximusGuideline ? classifyGuidelineText(item.maximusGuideline.text) : [],
    claimsAdministrator: item.claimsAdministratorGuideline ? classifyGuidelineText(item.claimsAdministratorGuideline.text) : [],
  };
}

/** The appeal deadline of a letter with at least one Upheld item and a Decision Date, else null. */
export function letterAppealDeadline(letter: Letter): AppealDeadline | null {
  const decided = letter.metadata.dates.decisionDate;
  if (decided === null || !letter.items.some((item) => item.decision === 'Upheld')) return null;
  return appealDeadline(decided);
}

/** The decisions table's added columns for one item of a letter. */
export function itemTableFields(letter: Letter, item: Item): ItemTableFields {
  const treatment = classifyTreatment(item.name);
  const classes = itemGuidelineClasses(item);
  const { dates, priorityLevel, specialties } = letter.metadata;
  const joined = (list: GuidelineClass[], present: boolean) => (present ? list.map(guidelineClassId).join(';') : null);
  return {
    category: treatment.category,
    drugGroup: treatment.drugGroup,
    maximusGuidelineClass: joined(classes.maximus, item.maximusGuideline !== null),
    claimsAdministratorGuidelineClass: joined(classes.claimsAdministrator, item.claimsAdministratorGuideline !== null),
    dateAssigned: dates.dateAssigned,
    daysToDecision: dates.dateAssigned && dates.decisionDate ? daysBetween(dates.dateAssigned, dates.decisionDate) : null,
    priority: priorityLevel,
    reviewerSpecialty: specialties.length > 0 ? specialties.join('; ') : null,
    appealDeadline: item.decision === 'Upheld' && dates.decisionDate ? appealDeadline(dates.decisionDate).lastDay : null,
  };
}
