// The rule registry, listed explicitly: docs, the settings schema and SARIF are generated from it.
import type { Rule } from '../rule';
import { claimsAdministratorUncited } from './claims-administrator-uncited';
import { decisionContradictsRationale } from './decision-contradicts-rationale';
import { dependentItemMismatch } from './dependent-item-mismatch';
import { duplicateItem } from './duplicate-item';
import { impossibleDate } from './impossible-date';
import { missingDecision } from './missing-decision';
import { missingGuideline } from './missing-guideline';
import { missingRationale } from './missing-rationale';
import { missingSection } from './missing-section';
import { notALetter } from './not-a-letter';
import { olderLayout } from './older-layout';
import { uncitedGuideline } from './uncited-guideline';

export const rules: readonly Rule[] = [
  missingDecision,
  missingGuideline,
  uncitedGuideline,
  missingRationale,
  decisionContradictsRationale,
  duplicateItem,
  missingSection,
  notALetter,
  claimsAdministratorUncited,
  olderLayout,
  impossibleDate,
  dependentItemMismatch,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Where a rule's published doc lives, relative to the package root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
