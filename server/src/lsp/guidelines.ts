// Which guideline a citation names. Only facts from the project's domain notes
// (notes/domain.md in ../shared beside the repository): the MTUS parts, the ACOEM chapters of the MTUS, the ODG, and the
// order of evidence in Labor Code 4610.5(c)(2). Pure functions over a field's folded text.

export type GuidelineClass =
  | { kind: 'mtus-chronic-pain' }
  | { kind: 'mtus-acoem'; chapter: number | null }
  | { kind: 'mtus-general-approaches' }
  | { kind: 'mtus-postsurgical' }
  | { kind: 'mtus-acupuncture' }
  | { kind: 'mtus-formulary' }
  | { kind: 'mtus' }
  | { kind: 'odg' }
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

const NO_EVIDENCE = /did not cite any medical evidence/i;
const NON_MTUS = /\bnon-?\s?MTUS\b|did not base (?:their|its|his|her) decision on the MTUS/i;
const ODG = /\bODG\b|Official Disability Guidelines/i;
const MTUS = /\bMTUS\b|Medical Treatment Utilization Schedule/i;
const CHRONIC_PAIN = /Chronic Pain (?:Medical )?Treatment/i;
const ACOEM = /\bACOEM\b/i;
const CHAPTER = /\bchapter\s*(\d{1,2})\b/i;
const POSTSURGICAL = /\bpost-?\s?surgical\b/i;
const ACUPUNCTURE = /\bacupuncture\b/i;
const ACUPUNCTURE_MTUS_TITLE = /Acupuncture Medical Treatment Guidelines/i;
const FORMULARY = /\bdrug formulary\b/i;
const GENERAL_APPROACHES = /\bgeneral approaches\b/i;
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
  if (NON_MTUS.test(text)) return ODG.test(text) ? { kind: 'odg' } : { kind: 'other-non-mtus' };
  const mtus = MTUS.test(text);
  if (POSTSURGICAL.test(text) && (mtus || /Postsurgical Treatment Guidelines/i.test(text))) return { kind: 'mtus-postsurgical' };
  if (ACUPUNCTURE.test(text) && (mtus || ACUPUNCTURE_MTUS_TITLE.test(text))) return { kind: 'mtus-acupuncture' };
  if (CHRONIC_PAIN.test(text) && !ODG.test(text)) return { kind: 'mtus-chronic-pain' };
  if (FORMULARY.test(text) && mtus) return { kind: 'mtus-formulary' };
  const acoem = ACOEM.test(text);
  if (acoem || mtus) {
    const chapter = Number(CHAPTER.exec(text)?.[1] ?? NaN);
    if (chapter >= 1 && chapter <= 7) return { kind: 'mtus-general-approaches' };
    if (ACOEM_CHAPTERS[chapter]) return { kind: 'mtus-acoem', chapter };
    if (GENERAL_APPROACHES.test(text)) return { kind: 'mtus-general-approaches' };
    const titled = CHAPTER_TITLES.find(([pattern]) => pattern.test(text));
    if (titled) return { kind: 'mtus-acoem', chapter: titled[1] };
    if (acoem) return { kind: 'mtus-acoem', chapter: null };
    return { kind: 'mtus' };
  }
  if (ODG.test(text)) return { kind: 'odg' };
  return { kind: 'unrecognised' };
}
