// What the hovers say. Every statement comes from notes/domain.md of the shared folder
// (../shared beside the repository), with the legal
// source it gives (8 CCR 9792.10.7(a) was checked against the regulation's text). Nothing here may
// be added without a source.
import type { Decision, FieldKind } from '../../engine';
import { ACOEM_CHAPTERS, type GuidelineClass } from '../../engine';

const APPEAL =
  'The IMR determination is the Administrative Director\'s determination and is binding (Labor Code 4610.6). ' +
  'It can be appealed to the Workers\' Compensation Appeals Board by a verified appeal filed within 30 days of ' +
  'the date the determination was mailed (LC 4610.6(h)); 5 days are added for mailing (WCAB en banc, *Matute*, ' +
  'applying Code of Civil Procedure 1013). The only grounds (LC 4610.6(h)(1)-(5)): the Administrative Director ' +
  'acted without or in excess of powers; fraud; a material conflict of interest of the reviewer; bias on the ' +
  'basis of race, national origin, ethnic group, religion, age, sex, sexual orientation, color or disability; ' +
  'a plainly erroneous finding of fact that is a matter of ordinary knowledge, not of expert opinion.';

export function decisionExplanation(decision: Decision): string {
  const meaning = decision === 'Upheld'
    ? '**Upheld**: the Utilization Review (UR) decision stands. The treatment is found **not medically ' +
      'necessary** and need not be authorized.'
    : '**Overturned**: the Utilization Review (UR) decision is reversed. The treatment is found **medically ' +
      'necessary** and the claims administrator must implement the decision promptly (unless it appeals, or ' +
      'disputes liability on grounds other than medical necessity): services not yet ' +
      'rendered are authorized within five working days of receiving the determination, services already ' +
      'rendered are reimbursed within 20 days (8 CCR 9792.10.7(a)).';
  return [
    meaning,
    'IMR reviews a UR decision that denied, modified or delayed a treatment request (Labor Code 4610.5); the ' +
      'reviewer decides each disputed item.',
    APPEAL,
  ].join('\n\n');
}

const EVIDENCE_ORDER =
  'The medical necessity standard (Labor Code 4610.5(c)(2)) is applied in this order: (A) the MTUS; ' +
  '(B) peer-reviewed scientific and medical evidence; (C) nationally recognized professional standards; ' +
  '(D) expert opinion; (E) generally accepted standards of medical practice; (F) treatments likely to benefit ' +
  'conditions for which other treatments are not clinically efficacious.';

const MTUS_BASIS =
  'Part of the MTUS, California\'s Medical Treatment Utilization Schedule (8 CCR 9792.20 and following). ' +
  'The MTUS comes first in the medical necessity standard (Labor Code 4610.5(c)(2)(A)), so it is the expected ' +
  'basis of a decision.';

const NON_MTUS_BASIS =
  'Not part of the MTUS. A non-MTUS source is proper where the MTUS does not address the treatment. ' + EVIDENCE_ORDER;

export function guidelineTitle(guideline: GuidelineClass): string {
  switch (guideline.kind) {
    case 'mtus-chronic-pain': return 'MTUS Chronic Pain Medical Treatment Guidelines (2009)';
    case 'mtus-acoem':
      return guideline.chapter === null
        ? 'MTUS / ACOEM Practice Guidelines, 2nd Edition (2004)'
        : `MTUS / ACOEM Practice Guidelines, 2nd Edition (2004), chapter ${guideline.chapter}: ${ACOEM_CHAPTERS[guideline.chapter]}`;
    case 'mtus-acoem-current':
      return guideline.guideline === null ? 'MTUS / current ACOEM guidelines (from 2017-12-01)' : `MTUS / current ACOEM guidelines (from 2017-12-01): ${guideline.guideline}`;
    case 'mtus-general-approaches': return 'MTUS / ACOEM Practice Guidelines, 2nd Edition (2004): general approaches (chapters 1-7)';
    case 'mtus-opioids': return 'MTUS Opioids Treatment Guidelines (8 CCR 9792.24.4)';
    case 'mtus-postsurgical': return 'MTUS Postsurgical Treatment Guidelines (8 CCR 9792.24.3)';
    case 'mtus-acupuncture': return 'MTUS Acupuncture Medical Treatment Guidelines (8 CCR 9792.24.1)';
    case 'mtus-formulary': return 'MTUS Drug Formulary (8 CCR 9792.27.1 and following)';
    case 'mtus': return 'MTUS (part not named)';
    case 'odg': return guideline.chapter === null ? 'ODG, Official Disability Guidelines (non-MTUS)' : `ODG, Official Disability Guidelines (non-MTUS), chapter ${guideline.chapter}`;
    case 'other-non-mtus': return 'A non-MTUS source';
    case 'no-evidence': return 'No medical evidence cited';
    case 'unrecognised': return 'No guideline recognized';
  }
}

export function guidelineExplanation(guideline: GuidelineClass, field: FieldKind): string {
  switch (guideline.kind) {
    case 'mtus-chronic-pain':
      return 'The part of the MTUS most cited for medicines, therapy and devices in chronic pain. ' + MTUS_BASIS;
    case 'mtus-acoem':
      return (guideline.chapter === null
        ? 'The ACOEM chapters of the MTUS are cited by chapter, one per body part (8 Neck and Upper Back to 15 Stress Related Conditions). '
        : `Applies to ${ACOEM_CHAPTERS[guideline.chapter].replace(/ \(revised 2007\)$/, '').toLowerCase()}. `) + MTUS_BASIS;
    case 'mtus-acoem-current':
      return 'From 2017-12-01 the MTUS incorporates current ACOEM guidelines by reference, one per body part or topic. ' + MTUS_BASIS;
    case 'mtus-opioids':
      return 'A special topic of the MTUS on opioids (8 CCR 9792.24.4). ' + MTUS_BASIS;
    case 'mtus-general-approaches':
      return 'Chapters 1-7 of the ACOEM guidelines in the MTUS are general approaches, not tied to one body part. ' + MTUS_BASIS;
    case 'mtus-postsurgical':
      return 'Applies to therapy visits after surgery. ' + MTUS_BASIS;
    case 'mtus-acupuncture':
      return 'Applies to acupuncture. ' + MTUS_BASIS;
    case 'mtus-formulary':
      return 'Cited by later letters (from 2018); lists drugs as Exempt or Non-Exempt. ' + MTUS_BASIS;
    case 'mtus':
      return MTUS_BASIS;
    case 'odg':
      return 'The ODG is cited by chapter (Pain (Chronic), Low Back, Knee & Leg, Shoulder, Neck & Upper Back, Head, Mental Illness & Stress...). ' + NON_MTUS_BASIS;
    case 'other-non-mtus':
      return NON_MTUS_BASIS;
    case 'no-evidence':
      return field === 'claimsAdministratorGuideline'
        ? 'Utilization Review cited no medical evidence for its decision. This is a fact about the UR decision, not a defect of this letter.'
        : 'The expert reviewer cited no medical evidence for the decision. ' + EVIDENCE_ORDER;
    case 'unrecognised':
      return 'No MTUS, ACOEM or ODG citation was recognized in this text. ' + EVIDENCE_ORDER;
  }
}

export const FIELD_LABELS: Record<FieldKind, string> = {
  claimsAdministratorGuideline: 'Claims Administrator guideline',
  maximusGuideline: 'MAXIMUS guideline',
  decisionRationale: 'Decision rationale',
};

export function fieldMeaning(field: FieldKind): string {
  switch (field) {
    case 'claimsAdministratorGuideline': return 'What Utilization Review cited for its decision.';
    case 'maximusGuideline': return 'What the IMR expert reviewer cited: the evidence the decision rests on.';
    case 'decisionRationale': return 'The expert reviewer\'s reasoning.';
  }
}
