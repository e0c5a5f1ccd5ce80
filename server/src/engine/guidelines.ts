// Which guideline a citation names, for the MAXIMUS and the claims administrator's field alike.
// Facts from the project's domain notes (notes/domain.md in ../shared beside the repository): the MTUS parts and their
// sections of 8 CCR (9792.24.1 acupuncture, 9792.24.2 chronic pain, 9792.24.3 postsurgical,
// 9792.24.4 opioids, 9792.27.1 and following the drug formulary), the ACOEM chapters of the 2004
// MTUS, the ACOEM guidelines the MTUS incorporates from 2017-12-01, the ODG by chapter, and the
// order of evidence in Labor Code 4610.5(c)(2). Pure functions over a field's folded text.
//
// The `kind` values are a public contract (JSON `guidelineClasses`, the table's
// *_guideline_class columns), documented in README.md: only add kinds, never rename one.

export type GuidelineKind =
  | 'mtus-chronic-pain'
  | 'mtus-acoem'
  | 'mtus-acoem-current'
  | 'mtus-general-approaches'
  | 'mtus-opioids'
  | 'mtus-postsurgical'
  | 'mtus-acupuncture'
  | 'mtus-formulary'
  | 'mtus'
  | 'odg'
  | 'other-non-mtus'
  | 'no-evidence'
  | 'unrecognised';

export type GuidelineClass =
  | { kind: 'mtus-chronic-pain' }
  /** ACOEM Practice Guidelines, 2nd Edition (2004), in the MTUS until 2017: chapter 8-15 or null. */
  | { kind: 'mtus-acoem'; chapter: number | null }
  /** The ACOEM guideline the MTUS incorporates from 2017-12-01, by its title when recognised. */
  | { kind: 'mtus-acoem-current'; guideline: string | null }
  | { kind: 'mtus-general-approaches' }
  | { kind: 'mtus-opioids' }
  | { kind: 'mtus-postsurgical' }
  | { kind: 'mtus-acupuncture' }
  | { kind: 'mtus-formulary' }
  | { kind: 'mtus' }
  /** Official Disability Guidelines, by chapter as the ODG names it when recognised. */
  | { kind: 'odg'; chapter: string | null }
  | { kind: 'other-non-mtus' }
  | { kind: 'no-evidence' }
  | { kind: 'unrecognised' };

/** MTUS / ACOEM Practice Guidelines, 2nd Edition (2004): chapters 8-15 by body part. */
export const ACOEM_CHAPTERS: Readonly<Record<number, string>> = {
  8: 'Neck and Upper Back Complaints',
  9: 'Shoulder Complaints',
  10: 'Elbow Disorders (revised 2007)',
  11: 'Forearm, Wrist and Hand Complaints',
  12: 'Low Back Complaints',
  13: 'Knee Complaints',
  14: 'Ankle and Foot Complaints',
  15: 'Stress Related Conditions',
};

const CHAPTER_TITLES: ReadonlyArray<[RegExp, number]> = [
  [/\bneck and upper back\b/i, 8],
  [/\bshoulder\b/i, 9],
  [/\belbow\b/i, 10],
  [/\bforearm\b|\bwrist\b/i, 11],
  [/\blow back\b/i, 12],
  [/\bknee\b/i, 13],
  [/\bankle\b/i, 14],
  [/\bstress[- ]related\b/i, 15],
];

/**
 * The current ACOEM guidelines the MTUS incorporates from 2017-12-01 (domain notes, "The MTUS after
 * 2017"). They are titled "... Disorders" or by topic; the 2004 chapters are "... Complaints".
 */
const CURRENT_ACOEM: ReadonlyArray<[RegExp, string]> = [
  [/initial approaches/i, 'Initial Approaches to Treatment'],
  [/cervical and thoracic spine/i, 'Cervical and Thoracic Spine Disorders'],
  [/shoulder disorders/i, 'Shoulder Disorders'],
  [/elbow disorders/i, 'Elbow Disorders'],
  [/hand,? (?:and )?wrist/i, 'Hand, Wrist, and Forearm Disorders'],
  [/low back disorders/i, 'Low Back Disorders'],
  [/knee disorders/i, 'Knee Disorders'],
  [/ankle and foot disorders/i, 'Ankle and Foot Disorders'],
  [/\beye\b/i, 'Eye'],
  [/hip and groin/i, 'Hip and Groin Disorders'],
  [/work-related asthma/i, 'Work-Related Asthma'],
  [/interstitial lung/i, 'Interstitial Lung Disease'],
];

/** ODG chapters as letters name them (domain notes: Pain (Chronic), Low Back, Knee & Leg, ...). */
const ODG_CHAPTERS: ReadonlyArray<[RegExp, string]> = [
  [/\bpain\b|\bchronic pain\b/i, 'Pain (Chronic)'],
  [/\blow(?:er)? back\b|\blumbar\b/i, 'Low Back'],
  [/\bknee\b/i, 'Knee & Leg'],
  [/\bshoulder\b/i, 'Shoulder'],
  [/\bneck\b|\bcervical\b/i, 'Neck & Upper Back'],
  [/\bhead\b/i, 'Head'],
  [/\bmental\b|\bstress\b/i, 'Mental Illness & Stress'],
  [/\bhip\b|\bpelvis\b/i, 'Hip & Pelvis'],
  [/\bankle\b|\bfoot\b/i, 'Ankle & Foot'],
  [/\bforearm\b|\bwrist\b|\bhand\b|carpal tunnel/i, 'Forearm, Wrist & Hand'],
  [/\belbow\b/i, 'Elbow'],
  [/\bhernia\b/i, 'Hernia'],
];

const NO_EVIDENCE = /did not cite any medical evidence/i;
const NON_MTUS = /\bnon-?\s?MTUS\b|did not base (?:their|its|his|her) decision on the MTUS|outside of the MTUS/i;
const ODG = /\bODG\b|Official Disability Guidelines/i;
const MTUS = /\bMTUS\b|Medical Treatment Utilization Schedule/i;
const CHRONIC_PAIN = /Chronic Pain (?:Medical )?Treatment/i;
const ACOEM = /\bACOEM\b/i;
const CHAPTER = /\bchapter\s*(\d{1,2})\b/i;
const POSTSURGICAL = /\bpost-?\s?surgical\b/i;
const ACUPUNCTURE = /\bacupuncture\b/i;
const ACUPUNCTURE_MTUS_TITLE = /Acupuncture Medical Treatment Guidelines/i;
const OPIOIDS = /\bopioids?\s+(?:treatment|guidelines?)\b/i;
const FORMULARY = /\bdrug formulary\b/i;
const GENERAL_APPROACHES = /\bgeneral approaches\b/i;
const CURRENT_EDITION = /\b(?:3rd|third|4th|fourth) edition\b|\bACOEM\b[^.;]+\b20(?:1[7-9]|[2-9]\d)\b|\bDisorders\b/i;
const CITATION_START = /decision based on/gi;

/** One entry per citation ("Decision based on ...") in a guideline field's text, in order, without repeats. */
export function classifyGuidelineText(text: string): GuidelineClass[] {
  const segments = splitCitations(text);
  const seen = new Set<string>();
  const result: GuidelineClass[] = [];
  for (const segment of segments) {
    const found = classifyCitation(segment);
    const key = JSON.stringify(found);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(found);
    }
  }
  return result;
}

function splitCitations(text: string): string[] {
  const starts = [...text.matchAll(CITATION_START)].map((match) => match.index ?? 0);
  if (starts.length <= 1) return text.trim() ? [text] : [];
  // Text before the first "Decision based on" (e.g. "The Expert Reviewer did not base their
  // decision on the MTUS.") belongs to the first citation.
  return starts.map((start, i) => text.slice(i === 0 ? 0 : start, starts[i + 1] ?? text.length));
}

export function classifyCitation(text: string): GuidelineClass {
  if (NO_EVIDENCE.test(text)) return { kind: 'no-evidence' };
  if (NON_MTUS.test(text)) return ODG.test(text) ? odg(text) : { kind: 'other-non-mtus' };
  const mtus = MTUS.test(text);
  if (POSTSURGICAL.test(text) && (mtus || /Postsurgical Treatment Guidelines/i.test(text))) return { kind: 'mtus-postsurgical' };
  if (ACUPUNCTURE.test(text) && (mtus || ACUPUNCTURE_MTUS_TITLE.test(text))) return { kind: 'mtus-acupuncture' };
  if (CHRONIC_PAIN.test(text) && !ODG.test(text)) return { kind: 'mtus-chronic-pain' };
  if (OPIOIDS.test(text) && mtus) return { kind: 'mtus-opioids' };
  if (FORMULARY.test(text) && mtus) return { kind: 'mtus-formulary' };
  const acoem = ACOEM.test(text);
  if (acoem || mtus) {
    const chapter = Number(CHAPTER.exec(text)?.[1] ?? NaN);
    if (chapter >= 1 && chapter <= 7) return { kind: 'mtus-general-approaches' };
    if (ACOEM_CHAPTERS[chapter]) return { kind: 'mtus-acoem', chapter };
    if (GENERAL_APPROACHES.test(text)) return { kind: 'mtus-general-approaches' };
    if (CURRENT_EDITION.test(text) && !/\bComplaints\b|\b2004\b|\b2007\b|\brevised\b|\b2nd edition\b/i.test(text)) {
      const titled = CURRENT_ACOEM.find(([pattern]) => pattern.test(text));
      return { kind: 'mtus-acoem-current', guideline: titled ? titled[1] : null };
    }
    const titled = CHAPTER_TITLES.find(([pattern]) => pattern.test(text));
    if (titled) return { kind: 'mtus-acoem', chapter: titled[1] };
    if (acoem) return { kind: 'mtus-acoem', chapter: null };
    return { kind: 'mtus' };
  }
  if (ODG.test(text)) return odg(text);
  return { kind: 'unrecognised' };
}

/** The ODG chapter is named right after the ODG (", Low Back Chapter, ..."); the topic follows it. */
function odg(text: string): GuidelineClass {
  const m = /\bODG\b|\bOfficial Disability Guidelines\b/i.exec(text);
  const after = m
    ? text
        .slice(m.index + m[0].length, m.index + m[0].length + 80)
        .replace(/^\s*\(ODG\)/i, '')
        .replace(/^[\s),:-]*(?:guidelines\b)?[\s,:-]*/i, '')
        .split(/[.;]/)[0]
    : '';
  // The chapter is the first phrase; "Pain Section/Lidoderm" and "Low Back, Preoperative lab testing".
  const head = after.split(/[,/(]|\bchapter\b|\bsection\b/i)[0];
  let found = ODG_CHAPTERS.find(([pattern]) => pattern.test(head));
  if (!found) {
    // "... (ODG) physical therapy, elbow chapter", "ODG Guidelines, 14th Edition, 2016, Knee Chapter".
    const words = after.split(/[\s,:/]+/);
    const k = words.findIndex((word) => /^(?:chapter|section)$/i.test(word));
    const chapter = k > 0 ? words.slice(Math.max(0, k - 3), k).join(' ') : k === 0 ? words.slice(1, 4).join(' ') : '';
    found = ODG_CHAPTERS.find(([pattern]) => pattern.test(chapter));
  }
  return { kind: 'odg', chapter: found ? found[1] : null };
}

/** The class's kind, with the ACOEM chapter number where there is one ("mtus-acoem-12"); for tables. */
export function guidelineClassId(guideline: GuidelineClass): string {
  return guideline.kind === 'mtus-acoem' && guideline.chapter !== null ? `mtus-acoem-${guideline.chapter}` : guideline.kind;
}
